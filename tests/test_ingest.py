"""Bad input is never fatal and never lost: every input ends as an article or a reject with a reason."""

import codecs
import json

import pytest

from factlint import InputError, discover, read_inputs
from schemas.article import Article, Reject

GOOD = " date 2024-02-26 (MENAFN- AzerNews)\n\nThe 32nd anniversary was marked.\n"


def _read(tmp_path):
    items = list(read_inputs(discover([tmp_path])))
    return ({i.source_path: i for i in items if isinstance(i, Article)},
            {i.source_path: i for i in items if isinstance(i, Reject)})


def test_bad_files_are_rejected_with_reasons(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "nodate.txt").write_text("Just text, no header.\n")
    (tmp_path / "feb30.txt").write_text(" date 2024-02-30 (X- Y)\n\nText.\n")
    (tmp_path / "headeronly.txt").write_text(" date 2024-02-26\n\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "good.txt").write_text(GOOD)
    articles, rejects = _read(tmp_path)
    assert set(articles) == {"sub/good.txt"}
    assert {k: v.reason_code for k, v in rejects.items()} == {
        "empty.txt": "R001", "blank.txt": "R001", "binary.txt": "R002", "nodate.txt": "R003",
        "feb30.txt": "R004", "headeronly.txt": "R009"}
    assert "2024-02-30" in rejects["feb30.txt"].reason


def test_encodings(tmp_path):
    (tmp_path / "bom.txt").write_bytes(codecs.BOM_UTF8 + GOOD.encode())
    (tmp_path / "utf16.txt").write_bytes(GOOD.replace("32nd", "33rd").encode("utf-16"))
    (tmp_path / "legacy.txt").write_bytes(GOOD.replace("was marked", "was marked – caf\u00e9").encode("cp1252"))
    articles, rejects = _read(tmp_path)
    assert not rejects
    assert articles["bom.txt"].encoding == "utf-8-sig" and articles["bom.txt"].outlet == "AzerNews"
    assert articles["utf16.txt"].encoding == "utf-16" and "33rd" in articles["utf16.txt"].text
    assert articles["legacy.txt"].encoding == "cp1252 (fallback)" and "café" in articles["legacy.txt"].text


def test_jsonl_lines_each_accounted_for(tmp_path):
    lines = [
        json.dumps({"published": "2024-02-26", "text": "The 32nd anniversary.", "id": "a", "source": "Wire",
                    "title": "T", "url": "https://example.org/a"}),
        "{not json",
        json.dumps({"published": "2024-02-26"}),
        json.dumps({"published": "2024-13-01", "text": "x"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"published": "2024-02-27T10:00:00Z", "text": "Another article."}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    articles, rejects = _read(tmp_path)
    assert set(articles) == {"feed.jsonl#1", "feed.jsonl#7"}
    assert articles["feed.jsonl#1"].outlet == "Wire" and articles["feed.jsonl#1"].url.endswith("/a")
    assert {k: (v.line, v.reason_code) for k, v in rejects.items()} == {
        "feed.jsonl#2": (2, "R006"), "feed.jsonl#3": (3, "R007"), "feed.jsonl#4": (4, "R004"),
        "feed.jsonl#5": (5, "R006")}


def test_article_ids_are_stable_and_offsets_index_the_stored_text(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    first = list(read_inputs(discover([tmp_path])))[0]
    (tmp_path / "a.txt").write_text(GOOD.replace("\n", "\r\n"))
    second = list(read_inputs(discover([tmp_path])))[0]
    assert first.article_id == second.article_id
    assert first.text.startswith("The 32nd") and first.body_offset == GOOD.index("The")


def test_missing_input_path_is_an_error(tmp_path):
    with pytest.raises(InputError, match="E201"):
        discover([tmp_path / "nope"])


def test_jsonl_windows_read_the_same_as_the_whole_file(tmp_path):
    from factlint._ingest import split_jsonl

    lines = [json.dumps({"published": "2024-02-26", "text": f"Article number {i}."}) for i in range(7)]
    lines.insert(3, "{broken")
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    [whole] = discover([path])
    pieces = split_jsonl(whole, 3)
    assert [(p.first_line, p.last_line) for p in pieces] == [(1, 3), (4, 6), (7, 8)]
    from_pieces = [item for piece in pieces for item in read_inputs([piece])]
    assert from_pieces == list(read_inputs([whole]))
    assert [getattr(i, "reason_code", None) for i in from_pieces].count("R006") == 1
