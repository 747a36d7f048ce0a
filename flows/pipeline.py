"""The Prefect flow: plan chunks, analyse them in a bounded pool of tasks, publish, report.

Thin by design: every step is a library call in ``factlint`` that runs and is tested without
Prefect. One task per chunk of inputs (not per article) keeps Prefect's per-task cost negligible;
parameters are paths, never article text.
"""

from __future__ import annotations

import os
from typing import Any, Optional

from prefect import flow, task, unmapped
from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner

from factlint._parallel import analyse_chunk_parallel
from factlint._pipeline import Chunk, ChunkSummary
from factlint._progress import Progress
from factlint._report import top_findings
from factlint._run import finish_run, plan_run

DEFAULT_WORKERS = max(2, min(8, (os.cpu_count() or 2)))
TOP_FINDINGS = 20


@task(name="analyse-chunk", retries=2, retry_delay_seconds=[2, 10], cache_policy=NO_CACHE)
def analyse_chunk_task(chunk: Chunk, cache_dir: str, workers: int = 1) -> ChunkSummary:
    # Results are cached by factlint itself, keyed on input stat signatures and the rules' version.
    return analyse_chunk_parallel(chunk, cache_dir, workers)


@flow(name="factlint-run", log_prints=False, task_runner=ThreadPoolTaskRunner(max_workers=DEFAULT_WORKERS))
def factlint_run(inputs: list[str], out: str = "output", chunk_size: int = 1000,
                 progress: Optional[bool] = None, workers: Optional[int] = None) -> dict[str, Any]:
    """Ingest articles, check their claims, publish clean and quarantined Parquet and a report.

    ``workers`` processes share the CPU work (default: one per core, none for a single chunk).
    """
    plan = plan_run(inputs, out, chunk_size)
    if workers is None:
        workers = os.cpu_count() or 1
    workers = min(workers, len(plan.chunks))
    meter = Progress(total=sum(ref.n_articles for c in plan.chunks for ref in c.refs), enabled=progress)
    futures = analyse_chunk_task.map(list(plan.chunks), unmapped(str(plan.cache_dir)), unmapped(workers))
    sizes = {future.task_run_id: sum(ref.n_articles for ref in chunk.refs) for future, chunk in zip(futures, plan.chunks)}
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
    create_markdown_artifact(key="factlint-summary", markdown=(result.report_dir / "summary.md").read_text(),
                             description="factlint validation summary")
    top = top_findings(result.report_dir, TOP_FINDINGS)
    create_table_artifact(key="factlint-top-findings",
                          table=top or [{"severity": "-", "rule_id": "-", "source_path": "-", "as_evaluated": "no findings"}],
                          description=f"The first {TOP_FINDINGS} findings, errors first; all are in findings.jsonl")
    create_link_artifact(key="factlint-report", link=(result.report_dir / "report.html").resolve().as_uri(),
                         link_text="factlint report.html")


def flow_for(dask_address: Optional[str] = None):
    """The flow with the task runner asked for: the bounded thread pool, or an existing Dask cluster.

    Dask workers must import factlint and see the same input and output paths; they report to the
    Prefect server in PREFECT_API_URL (in embedded mode each would start a server of its own).
    """
    if not dask_address:
        return factlint_run
    from prefect_dask import DaskTaskRunner  # the "dask" extra

    return factlint_run.with_options(task_runner=DaskTaskRunner(address=dask_address))
