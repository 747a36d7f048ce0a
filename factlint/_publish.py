"""Publishing a run: one snapshot built aside, then switched in with a single atomic rename.

Layout under the output folder::

    .snapshots/<run_id>/{clean,quarantine}/<table>/part-0.parquet  + _manifest.json
    current     -> .snapshots/<run_id>       (symlink, replaced atomically)
    clean       -> current/clean             (stable paths for readers)
    quarantine  -> current/quarantine
    reports/<run_id>/ and reports/latest -> <run_id>

A crash before the switch leaves ``current`` on the previous snapshot, whole and readable.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Optional

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from schemas.article import Reject
from schemas.tables import REJECTS, SCHEMA_VERSION, TABLES

from ._errors import REJECT_TEXT, Messages, PublishError, RejectReason
from ._pipeline import STATUSES, ChunkSummary, jsonl_line, rules_version


def new_run_id(summaries: Iterable[ChunkSummary]) -> str:
    keys = hashlib.sha256("".join(sorted(s.key for s in summaries)).encode()).hexdigest()[:6]
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ") + f"-{keys}"


def _sort_keys(schema: pa.Schema) -> list[tuple[str, str]]:
    names = [n for n in ("article_id", "start", "finding_id", "source_path", "line") if n in schema.names]
    return [(n, "ascending") for n in names]


def _duplicates(summaries: list[ChunkSummary]) -> tuple[dict[int, set[str]], list[dict[str, Any]]]:
    """Articles that more than one chunk holds: which chunk drops which ids, and their reject rows.

    The copy with the first source path is kept; duplicates inside one chunk were rejected already.
    """
    owners: dict[str, tuple[str, int]] = {}
    copies: list[tuple[str, str, int]] = []
    for index, summary in enumerate(summaries):
        for status in STATUSES:
            table = pq.read_table(Path(summary.directory) / status / "articles.parquet",
                                  columns=["article_id", "source_path"])
            for article_id, source in zip(table["article_id"].to_pylist(), table["source_path"].to_pylist()):
                copies.append((article_id, source, index))
    copies.sort(key=lambda copy: (copy[0], _source_order(copy[1]), copy[2]))
    for article_id, source, index in copies:
        owners.setdefault(article_id, (source, index))
    dropped: dict[int, set[str]] = {}
    rejects = []
    for article_id, source, index in copies:
        kept_source, kept_index = owners[article_id]
        if (source, index) != (kept_source, kept_index):
            dropped.setdefault(index, set()).add(article_id)
            rejects.append(Reject(source_path=source, line=jsonl_line(source), reason_code=RejectReason.DUPLICATE.value,
                                  reason=REJECT_TEXT[RejectReason.DUPLICATE].format(other=kept_source)).model_dump())
    return dropped, rejects


def _source_order(source: str) -> tuple[str, int]:
    """'feed.jsonl#78' before 'feed.jsonl#1014': paths by name, JSONL lines by number."""
    path, _, line = source.rpartition("#") if "#" in source else (source, "", "")
    return (path, int(line) if line.isdigit() else 0)


def _read_parts(summaries: list[ChunkSummary], relative: str, schema: pa.Schema,
                dropped: dict[int, set[str]]) -> pa.Table:
    tables = []
    for index, summary in enumerate(summaries):
        path = Path(summary.directory) / relative
        if not path.exists():
            continue
        table = pq.read_table(path, schema=schema)
        if index in dropped and "article_id" in schema.names:
            keep = pc.invert(pc.is_in(table["article_id"], value_set=pa.array(sorted(dropped[index]))))
            table = table.filter(keep)
        tables.append(table)
    table = pa.concat_tables(tables) if tables else schema.empty_table()
    return table.sort_by(_sort_keys(schema)) if table.num_rows else table


def build_snapshot(summaries: list[ChunkSummary], staging: Path) -> dict[str, Any]:
    """Merge the chunks' parts into one file per table and status; return the manifest's file list."""
    dropped, duplicate_rejects = _duplicates(summaries)
    files = {}
    for status in STATUSES:
        for name, schema in TABLES.items():
            table = _read_parts(summaries, f"{status}/{name}.parquet", schema, dropped)
            files[f"{status}/{name}"] = _write_part(table, staging / status / name)
    rejects = _read_parts(summaries, "rejects.parquet", REJECTS, {})
    if duplicate_rejects:
        rejects = pa.concat_tables([rejects, pa.Table.from_pylist(duplicate_rejects, schema=REJECTS)])
        rejects = rejects.sort_by(_sort_keys(REJECTS))
    files["quarantine/rejects"] = _write_part(rejects, staging / "quarantine" / "rejects")
    return files


def snapshot_totals(snapshot: Path) -> dict[str, Any]:
    """Counts read back from a published snapshot: what the run actually published."""
    counts = {"clean": 0, "quarantined": 0}
    findings: Counter[str] = Counter()
    for status in STATUSES:
        articles = pq.read_table(snapshot / status / "articles", columns=["status"])
        counts["clean" if status == "clean" else "quarantined"] += articles.num_rows
        table = pq.read_table(snapshot / status / "findings", columns=["rule_id", "severity"])
        findings.update(f"{r}|{s}" for r, s in zip(table["rule_id"].to_pylist(), table["severity"].to_pylist()))
    rejected = pq.read_table(snapshot / "quarantine" / "rejects", columns=["reason_code"]).num_rows
    return {"inputs": counts["clean"] + counts["quarantined"] + rejected, **counts, "rejected": rejected,
            "findings": dict(sorted(findings.items()))}


def _write_part(table: pa.Table, directory: Path) -> dict[str, Any]:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "part-0.parquet"
    pq.write_table(table, path, compression="zstd", row_group_size=64_000)
    return {"path": path.relative_to(directory.parent.parent).as_posix(), "rows": table.num_rows,
            "bytes": path.stat().st_size}


def switch_symlink(target: str, link: Path) -> None:
    """Point ``link`` at ``target`` atomically (rename of a fresh symlink over the old one)."""
    temporary = link.with_name(f".{link.name}.tmp-{os.getpid()}")
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    temporary.symlink_to(target)
    os.replace(temporary, link)


def stage_snapshot(summaries: list[ChunkSummary], out: Path, run_id: str, extra_manifest: dict[str, Any]) -> Path:
    """Build the run's snapshot under ``.snapshots/<run_id>``; readers still see the previous one."""
    snapshots = out / ".snapshots"
    for status in STATUSES:  # refuse before writing anything
        link = out / status
        if link.exists() and not link.is_symlink():
            raise PublishError(Messages.E202.format(path=link, error="a real folder stands where the link goes"))
    try:
        snapshots.mkdir(parents=True, exist_ok=True)
        staging = snapshots / f".staging-{run_id}"
        if staging.exists():
            shutil.rmtree(staging)
        files = build_snapshot(summaries, staging)
        manifest = {"run_id": run_id, "schema_version": SCHEMA_VERSION, "rules_version": rules_version(),
                    "files": files, **extra_manifest}
        (staging / "_manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True))
        final = snapshots / run_id
        os.rename(staging, final)
    except OSError as exc:
        raise PublishError(Messages.E202.format(path=out, error=exc)) from exc
    return final


def switch_to(out: Path, snapshot: Path) -> None:
    """Make ``snapshot`` the current output with one atomic rename; drop snapshots no one needs."""
    current = out / "current"
    previous = current.resolve().name if current.is_symlink() else None
    try:
        switch_symlink(f".snapshots/{snapshot.name}", current)
        for status in STATUSES:
            if not (out / status).is_symlink():
                switch_symlink(f"current/{status}", out / status)
    except OSError as exc:
        raise PublishError(Messages.E202.format(path=out, error=exc)) from exc
    _prune(snapshot.parent, keep={snapshot.name, previous})


def _prune(snapshots: Path, keep: set[Optional[str]]) -> None:
    """Drop every snapshot but the current and the previous one (a reader may still be on it)."""
    for entry in snapshots.iterdir():
        if entry.name not in keep:
            shutil.rmtree(entry, ignore_errors=True)


def current_snapshot(out: Path) -> Path:
    link = Path(out) / "current"
    if not link.exists():
        raise PublishError(Messages.E203.format(path=out))
    return link.resolve()
