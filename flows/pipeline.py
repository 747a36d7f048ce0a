"""The Prefect flow: plan chunks, analyse them in a bounded pool of tasks, publish, report.

Thin by design: every step is a library call in ``factlint`` that runs and is tested without
Prefect. One task per chunk of inputs (not per article) keeps Prefect's per-task cost negligible;
parameters are paths, never article text.
"""

from __future__ import annotations

import os
from typing import Any, Optional

from prefect import flow, task
from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner

from factlint._pipeline import Chunk, ChunkSummary, analyse_chunk
from factlint._progress import Progress
from factlint._report import summary_counts
from factlint._run import finish_run, plan_run

DEFAULT_WORKERS = max(2, min(8, (os.cpu_count() or 2)))


@task(name="analyse-chunk", retries=2, retry_delay_seconds=[2, 10], cache_policy=NO_CACHE)
def analyse_chunk_task(chunk: Chunk, cache_dir: str) -> ChunkSummary:
    # Results are cached by factlint itself, keyed on input stat signatures and the rules' version.
    return analyse_chunk(chunk, cache_dir)


@flow(name="factlint-run", log_prints=False, task_runner=ThreadPoolTaskRunner(max_workers=DEFAULT_WORKERS))
def factlint_run(inputs: list[str], out: str = "output", chunk_size: int = 1000,
                 progress: Optional[bool] = None) -> dict[str, Any]:
    """Ingest articles, check their claims, publish clean and quarantined Parquet and a report."""
    plan = plan_run(inputs, out, chunk_size)
    meter = Progress(total=sum(len(c.refs) for c in plan.chunks), enabled=progress)
    futures = analyse_chunk_task.map(list(plan.chunks), str(plan.cache_dir))
    sizes = {future.task_run_id: len(chunk.refs) for future, chunk in zip(futures, plan.chunks)}
    summaries = []
    for future in as_completed(futures):
        summaries.append(future.result())
        meter.advance(sizes[future.task_run_id])
    meter.close()
    summaries.sort(key=lambda s: s.key)
    result = finish_run(plan, summaries)
    _publish_artifacts(result)
    return {"run_id": result.run_id, "report_dir": str(result.report_dir), **result.totals}


def _publish_artifacts(result: Any) -> None:
    """Mirror the report in the Prefect UI: summary, top findings, link to the HTML report."""
    findings_path = result.report_dir / "findings.jsonl"
    create_markdown_artifact(key="factlint-summary", markdown=(result.report_dir / "summary.md").read_text(),
                             description="factlint validation summary")
    rows = summary_counts(result.totals) or [{"rule_id": "-", "severity": "-", "count": 0}]
    create_table_artifact(key="factlint-findings-by-rule", table=rows, description=f"Findings in {findings_path}")
    create_link_artifact(key="factlint-report", link=(result.report_dir / "report.html").resolve().as_uri(),
                         link_text="factlint report.html")

