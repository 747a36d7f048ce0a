"""Publishing: clean/quarantine split, one schema per table, atomic switch, idempotent re-runs, caching."""

import json

import duckdb
import pyarrow.parquet as pq
import pytest

import factlint
from factlint import _publish
from schemas.tables import REJECTS, TABLES

BAD = " date 2024-02-26 (Wire- Daily)\n\nThe fate of 80 hostages, including 68 women and 26 children, is unknown.\n"


def _rows(out, table, status):
    return pq.read_table(out / status / table).to_pylist()


def test_clean_quarantine_and_rejects_account_for_every_input(raw_copy, tmp_path):
    (raw_copy / "bad.txt").write_text(BAD)
    (raw_copy / "empty.txt").write_text("")
    (raw_copy / "copy.txt").write_bytes((raw_copy / "000_cf948414a6491593.txt").read_bytes())
    out = tmp_path / "out"
    result = factlint.run_inline([raw_copy], out)
    t = result.totals
    assert (t["inputs"], t["clean"], t["quarantined"], t["rejected"]) == (5, 2, 1, 2)
    assert t["inputs"] == t["clean"] + t["quarantined"] + t["rejected"]
    quarantined = _rows(out, "articles", "quarantine")
    assert [a["source_path"] for a in quarantined] == ["bad.txt"] and quarantined[0]["status"] == "quarantined"
    rejects = {r["source_path"]: r["reason_code"] for r in _rows(out, "rejects", "quarantine")}
    assert rejects == {"empty.txt": "R001", "copy.txt": "R008"}  # the first path keeps the article
    findings = _rows(out, "findings", "quarantine")
    assert [f["rule_id"] for f in findings] == ["figures.parts_exceed_whole"]
    assert findings[0]["as_evaluated"] == "68 + 26 = 94 > 80"
    assert {s["role"] for s in findings[0]["spans"]} == {"whole", "part"}


def test_every_file_has_its_declared_schema_and_duckdb_reads_it(raw_copy, tmp_path):
    out = tmp_path / "out"
    factlint.run_inline([raw_copy], out)
    for status in ("clean", "quarantine"):
        for name, schema in TABLES.items():
            assert pq.read_schema(out / status / name / "part-0.parquet").equals(schema, check_metadata=False)
    assert pq.read_schema(out / "quarantine" / "rejects" / "part-0.parquet").equals(REJECTS, check_metadata=False)
    field = pq.read_schema(out / "clean" / "figures" / "part-0.parquet").field("head")
    assert field.metadata[b"description"]
    con = duckdb.connect()
    n, = con.execute(f"select count(*) from read_parquet('{out}/clean/figures/*.parquet')").fetchone()
    assert n == len(_rows(out, "figures", "clean")) > 0
    kind, = con.execute(f"select typeof(published_date) from read_parquet('{out}/clean/articles/*.parquet') limit 1").fetchone()
    assert kind == "DATE"


def test_rerun_is_idempotent_and_reuses_unchanged_chunks(raw_copy, tmp_path):
    out = tmp_path / "out"
    first = factlint.run_inline([raw_copy], out)
    rows_before = {n: _rows(out, n, "clean") for n in TABLES}
    second = factlint.run_inline([raw_copy], out)
    assert second.totals["chunks_cached"] == second.totals["chunks"] >= 1
    assert {n: _rows(out, n, "clean") for n in TABLES} == rows_before
    assert first.run_id != second.run_id
    assert (out / "reports" / "latest").resolve().name == second.run_id


def test_editing_an_input_reruns_its_chunk(raw_copy, tmp_path):
    out = tmp_path / "out"
    factlint.run_inline([raw_copy], out)
    path = raw_copy / "001_32d1615c7f7dde7f.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("31st anniversary", "41st anniversary"), encoding="utf-8")
    result = factlint.run_inline([raw_copy], out)
    assert result.totals["chunks_cached"] < result.totals["chunks"]
    ordinals = {r["ordinal"] for r in _rows(out, "anniversaries", "clean") + _rows(out, "anniversaries", "quarantine")}
    assert 41 in ordinals and 31 not in ordinals


def test_crash_mid_publish_leaves_previous_output_whole(raw_copy, tmp_path, monkeypatch):
    out = tmp_path / "out"
    factlint.run_inline([raw_copy], out)
    before = _rows(out, "articles", "clean")
    current = (out / "current").resolve()

    def explode(table, directory):
        raise OSError("disk full")

    (raw_copy / "bad.txt").write_text(BAD)
    monkeypatch.setattr(_publish, "_write_part", explode)
    with pytest.raises(factlint.PublishError, match="E202"):
        factlint.run_inline([raw_copy], out)
    assert (out / "current").resolve() == current
    assert _rows(out, "articles", "clean") == before
    manifest = json.loads((current / "_manifest.json").read_text())
    assert manifest["files"]["clean/articles"]["rows"] == len(before)


def test_large_feeds_are_split_into_chunks_with_the_same_result(tmp_path):
    feed = tmp_path / "feeds" / "wire.jsonl"
    feed.parent.mkdir()
    feed.write_text("\n".join(json.dumps({"published": "2024-01-01", "text": f"Report {i}: {i + 3} people were "
                                                                           "killed in the storm."}) for i in range(40)))
    one = factlint.run_inline([feed.parent], tmp_path / "one", chunk_size=1000)
    many = factlint.run_inline([feed.parent], tmp_path / "many", chunk_size=1)
    assert many.totals["chunks"] > 1 and one.totals["chunks"] == 1
    assert one.totals["inputs"] == many.totals["inputs"] == 40
    assert _rows(tmp_path / "one", "figures", "clean") == _rows(tmp_path / "many", "figures", "clean")


def test_an_article_that_breaks_the_checker_is_rejected_not_lost(raw_copy, tmp_path, monkeypatch):
    from factlint import _pipeline

    real = _pipeline.analyse

    def flaky(article):
        if article.source_path.startswith("001"):
            raise RuntimeError("boom")
        return real(article)

    monkeypatch.setattr(_pipeline, "analyse", flaky)
    result = factlint.run_inline([raw_copy], tmp_path / "out")
    assert (result.totals["clean"], result.totals["rejected"]) == (1, 1)
    [reject] = _rows(tmp_path / "out", "rejects", "quarantine")
    assert reject["reason_code"] == "R011" and "RuntimeError: boom" in reject["reason"]


def test_a_duplicate_across_chunks_keeps_the_earliest_line(tmp_path):
    feed = tmp_path / "feeds" / "wire.jsonl"
    feed.parent.mkdir()
    records = [{"published": "2024-01-01", "text": f"Report {i}."} for i in range(12)]
    records[10] = records[2]
    feed.write_text("\n".join(json.dumps(r) for r in records))
    result = factlint.run_inline([feed.parent], tmp_path / "out", chunk_size=1)
    assert result.totals["chunks"] > 2
    [reject] = _rows(tmp_path / "out", "rejects", "quarantine")
    assert (reject["source_path"], reject["reason_code"], reject["line"]) == ("wire.jsonl#11", "R008", 11)
    assert reject["reason"].endswith("wire.jsonl#3")


def test_a_crash_while_reporting_leaves_data_and_report_on_the_previous_run(raw_copy, tmp_path, monkeypatch):
    from factlint import _run

    out = tmp_path / "out"
    first = factlint.run_inline([raw_copy], out)
    (raw_copy / "bad.txt").write_text(BAD)

    def explode(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(_run, "write_report", explode)
    with pytest.raises(OSError):
        factlint.run_inline([raw_copy], out)
    assert (out / "current").resolve() == first.snapshot
    assert (out / "reports" / "latest").resolve().name == first.run_id
    assert _rows(out, "articles", "quarantine") == []


def test_only_the_current_and_previous_snapshots_are_kept(raw_copy, tmp_path):
    out = tmp_path / "out"
    runs = [factlint.run_inline([raw_copy], out) for _ in range(3)]
    assert sorted(p.name for p in (out / ".snapshots").iterdir()) == sorted(r.run_id for r in runs[1:])
