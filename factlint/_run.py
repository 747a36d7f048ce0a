"""A whole run as two library calls around the per-chunk work: ``plan_run`` and ``finish_run``.

The Prefect flow maps ``analyse_chunk`` over the plan's chunks in between; ``run_inline`` does the
same in a plain loop (tests, benchmarks, and users without Prefect).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional, Union

from . import __version__
from ._ingest import discover
from ._pipeline import Chunk, ChunkSummary, analyse_chunk, plan_chunks, rules_version
from ._publish import new_run_id, snapshot_totals, stage_snapshot, switch_symlink, switch_to
from ._report import load_findings, write_report


@dataclass(frozen=True)
class RunPlan:
    inputs: tuple[str, ...]
    out: Path
    cache_dir: Path
    chunks: tuple[Chunk, ...]


@dataclass(frozen=True)
class RunResult:
    run_id: str
    totals: dict[str, Any]
    snapshot: Path
    report_dir: Path

    @property
    def n_errors(self) -> int:
        return count_severity(self.totals["findings"], "error")

    @property
    def n_warnings(self) -> int:
        return count_severity(self.totals["findings"], "warning")


def count_severity(findings: dict[str, int], severity: str) -> int:
    """Findings of one severity in a totals' ``"rule_id|severity" -> count`` mapping."""
    return sum(n for key, n in findings.items() if key.endswith(f"|{severity}"))


def plan_run(inputs: list[Union[str, Path]], out: Union[str, Path], chunk_size: int = 1000) -> RunPlan:
    out = Path(out)
    refs = discover(inputs)
    cache_dir = out / ".cache" / "chunks"
    cache_dir.mkdir(parents=True, exist_ok=True)
    return RunPlan(tuple(str(i) for i in inputs), out, cache_dir, tuple(plan_chunks(refs, chunk_size)))


def finish_run(plan: RunPlan, summaries: list[ChunkSummary]) -> RunResult:
    run_id = new_run_id(summaries)
    manifest = {"factlint_version": __version__, "inputs_given": list(plan.inputs),
                "chunks": [s.key for s in summaries]}
    snapshot = stage_snapshot(summaries, plan.out, run_id, manifest)
    run_totals = {**snapshot_totals(snapshot), "chunks": len(summaries),
                  "chunks_cached": sum(s.cached for s in summaries)}
    reports = plan.out / "reports"
    report_dir = reports / run_id
    write_report(report_dir, run_id, run_totals, load_findings(snapshot),
                 {"rules_version": rules_version(), "snapshot": snapshot.name})
    # Data and report switch together, after both are whole.
    switch_to(plan.out, snapshot)
    switch_symlink(run_id, reports / "latest")
    _prune_cache(plan.cache_dir, {s.key for s in summaries})
    return RunResult(run_id, run_totals, snapshot, report_dir)


def _prune_cache(cache_dir: Path, keep: set[str]) -> None:
    """Chunk results no longer referenced by the latest run are dropped (bounded disk use)."""
    for entry in cache_dir.iterdir():
        if entry.name not in keep and not entry.name.startswith("."):
            shutil.rmtree(entry, ignore_errors=True)


def run_inline(inputs: list[Union[str, Path]], out: Union[str, Path], chunk_size: int = 1000,
               on_chunk: Optional[Callable[[ChunkSummary], None]] = None) -> RunResult:
    """The whole pipeline in this process, without Prefect."""
    plan = plan_run(inputs, out, chunk_size)
    summaries = []
    for chunk in plan.chunks:
        summaries.append(analyse_chunk(chunk, plan.cache_dir))
        if on_chunk:
            on_chunk(summaries[-1])
    return finish_run(plan, summaries)


def read_summary(report_dir: Path) -> dict[str, Any]:
    return json.loads((report_dir / "summary.json").read_text())
