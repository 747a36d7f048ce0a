"""Scheduled runs: the deployment behind `factlint serve` and `prefect.yaml`.

Schedules need a Prefect server (`prefect server start`); embedded mode runs flows but never
schedules them.
"""

from __future__ import annotations

from prefect.client.schemas.schedules import CronSchedule

from .pipeline import factlint_run


def scheduled_deployment(inputs: list[str], out: str, chunk_size: int = 1000, *, cron: str = "0 2 * * *",
                         timezone: str = "UTC", name: str = "factlint-nightly"):
    """A deployment of the flow that runs on a cron schedule (built offline; served by the caller)."""
    return factlint_run.to_deployment(
        name=name,
        schedules=[CronSchedule(cron=cron, timezone=timezone)],
        parameters={"inputs": inputs, "out": out, "chunk_size": chunk_size, "progress": False},
        description="Check the articles in the input folders and publish Parquet and reports.",
    )
