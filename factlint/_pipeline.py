"""The batch path, without Prefect: plan chunks, analyse each into Parquet parts, summarise.

A chunk's results are cached on disk under a key made of its inputs' stat signatures and the
rules' version, so a re-run skips unchanged inputs and an edited file or rule re-runs exactly
the chunks it affects. Chunk boundaries depend on file names, not positions, so adding a file
changes only its own chunk.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Union

import pyarrow as pa
import pyarrow.parquet as pq

from schemas.article import Reject
from schemas.tables import KIND_TABLES, REJECTS, SCHEMA_VERSION, TABLES

from ._errors import REJECT_TEXT, RejectReason
from ._grammar import default_grammar
from ._ingest import InputRef, read_inputs, signature, split_jsonl
from ._validate import ArticleResult, analyse

STATUSES = ("clean", "quarantine")


@cache
def rules_version() -> str:
    """What a result depends on besides its inputs: grammar data, rule catalogue, schema, and the
    engine's own code (an upgrade must not reuse results cached by the previous version)."""
    import schemas

    digest = hashlib.sha256()
    for package in (Path(__file__).parent, Path(schemas.__file__).parent):
        for path in sorted(package.glob("*.py")) + sorted(package.glob("*.yaml")):
            digest.update(path.name.encode() + path.read_bytes())
    return f"{default_grammar().version}-{digest.hexdigest()[:8]}-s{SCHEMA_VERSION}"


@dataclass(frozen=True)
class Chunk:
    index: int
    refs: tuple[InputRef, ...]

    def key(self, version: str) -> str:
        return signature(list(self.refs), version)


def plan_chunks(refs: list[InputRef], chunk_size: int = 1000) -> list[Chunk]:
    """Group inputs into chunks of about ``chunk_size`` articles, cut where a file name's hash says.

    A JSONL file larger than a chunk is split into windows of ``chunk_size`` lines first.
    """
    pieces = [piece for ref in refs
              for piece in (split_jsonl(ref, chunk_size) if ref.is_jsonl and ref.size > chunk_size * 512 else [ref])]
    chunks, current, weight = [], [], 0
    for ref in pieces:
        current.append(ref)
        weight += ref.n_articles
        name = f"{ref.relative}#{ref.first_line}"
        cut = int(hashlib.sha1(name.encode()).hexdigest()[:8], 16) % max(1, chunk_size) == 0
        if cut or weight >= 2 * chunk_size:
            chunks.append(Chunk(len(chunks), tuple(current)))
            current, weight = [], 0
    if current:
        chunks.append(Chunk(len(chunks), tuple(current)))
    return chunks


@dataclass
class ChunkSummary:
    """What a chunk produced: where its Parquet parts are and what they count. Small by design."""

    key: str
    directory: str
    inputs: int
    clean: int
    quarantined: int
    rejected: int
    findings: dict[str, int] = field(default_factory=dict)  # "rule_id|severity" -> count
    cached: bool = False

    def to_json(self) -> dict[str, Any]:
        return self.__dict__.copy()


def article_rows(result: ArticleResult, version: str) -> dict[str, list[dict[str, Any]]]:
    """One article's rows for every table."""
    article = result.article
    extraction = result.extraction
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    n_claims = sum(len(claims) for claims in extraction.claims.values()) + len(extraction.invalid)
    rows["articles"].append({
        **article.model_dump(exclude={"body_offset"}), "published_year": article.published_date.year,
        "status": result.status, "n_errors": result.n_errors, "n_warnings": result.n_warnings,
        "n_claims": n_claims, "rules_version": version,
    })
    for kind, claims in extraction.claims.items():
        table = KIND_TABLES[kind]
        for claim in claims:
            row = {"article_id": article.article_id, **claim.model_dump()}
            if table == "dates":
                row["valid"] = True
            rows[table].append(row)
    for invalid in extraction.invalid:
        if invalid.kind == "date":
            rows["dates"].append({"article_id": article.article_id, "type": "DATE", "year_inferred": False,
                                  **invalid.raw, "valid": False})
    rows["findings"] = [finding.model_dump() for finding in result.findings]
    return rows


def _write(rows: list[dict[str, Any]], schema: pa.Schema, path: Path) -> None:
    columns = {f.name: [row.get(f.name) for row in rows] for f in schema}
    pq.write_table(pa.Table.from_pydict(columns, schema=schema), path, compression="zstd")


def analyse_chunk(chunk: Chunk, cache_dir: Union[str, Path]) -> ChunkSummary:
    """Analyse one chunk into Parquet parts under the cache; reuse them when the key is unchanged."""
    version = rules_version()
    key = chunk.key(version)
    directory = Path(cache_dir) / key
    summary_path = directory / "summary.json"
    if summary_path.exists():
        summary = ChunkSummary(**json.loads(summary_path.read_text()))
        summary.cached = True
        return summary
    rows = {status: {name: [] for name in TABLES} for status in STATUSES}
    rejects: list[Reject] = []
    counts: Counter[str] = Counter()
    clean = quarantined = 0
    first_source: dict[str, str] = {}
    for item in read_inputs(list(chunk.refs)):
        if isinstance(item, Reject):
            rejects.append(item)
            continue
        if item.article_id in first_source:
            rejects.append(Reject(source_path=item.source_path, line=jsonl_line(item.source_path),
                                  reason_code=RejectReason.DUPLICATE.value,
                                  reason=REJECT_TEXT[RejectReason.DUPLICATE].format(other=first_source[item.article_id])))
            continue
        first_source[item.article_id] = item.source_path
        try:
            result = analyse(item)
        except Exception as exc:  # a bug must not lose the article or the run: reject it, visibly
            rejects.append(Reject(source_path=item.source_path, line=jsonl_line(item.source_path),
                                  reason_code=RejectReason.CHECK_FAILED.value,
                                  reason=REJECT_TEXT[RejectReason.CHECK_FAILED].format(
                                      error=f"{type(exc).__name__}: {exc}")))
            continue
        status = "quarantine" if result.n_errors else "clean"
        clean += status == "clean"
        quarantined += status == "quarantine"
        counts.update(f"{f.rule_id}|{f.severity}" for f in result.findings)
        for name, table_rows in article_rows(result, version).items():
            rows[status][name].extend(table_rows)
    staging = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=cache_dir))
    for status in STATUSES:
        (staging / status).mkdir()
        for name, schema in TABLES.items():
            _write(rows[status][name], schema, staging / status / f"{name}.parquet")
    _write([r.model_dump() for r in rejects], REJECTS, staging / "rejects.parquet")
    summary = ChunkSummary(key=key, directory=str(directory), inputs=clean + quarantined + len(rejects),
                           clean=clean, quarantined=quarantined, rejected=len(rejects), findings=dict(counts))
    (staging / "summary.json").write_text(json.dumps(summary.to_json(), sort_keys=True))
    try:
        os.rename(staging, directory)
    except OSError:  # another worker finished the same chunk first: keep theirs
        shutil.rmtree(staging, ignore_errors=True)
    return summary


def jsonl_line(source_path: str) -> int | None:
    _, _, line = source_path.rpartition("#")
    return int(line) if line.isdigit() else None
