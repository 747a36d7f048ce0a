"""The report reviewers read: escaped text, highlighted spans, the arithmetic that failed."""

import json

import factlint
from factlint._report import highlight

HOSTILE = (' date 2024-02-26 (Wire- Daily)\n\n<script>alert("x")</script> The fate of 80 hostages, including 68 '
           'women and 26 children, is unknown. <img src=x onerror=alert(1)>\n')


def test_hostile_text_is_escaped_and_spans_highlighted(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "hostile.txt").write_text(HOSTILE)
    result = factlint.run_inline([raw], tmp_path / "out")
    page = (result.report_dir / "report.html").read_text()
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert '<mark class="whole" title="whole">80</mark>' in page
    assert '<mark class="part" title="part">68</mark>' in page
    assert "68 + 26 = 94 &gt; 80" in page
    findings = [json.loads(line) for line in (result.report_dir / "findings.jsonl").read_text().splitlines()]
    assert [f["rule_id"] for f in findings] == ["figures.parts_exceed_whole"]
    assert findings[0]["spans"][0]["text"] == "80" and findings[0]["source_path"] == "hostile.txt"
    summary = json.loads((result.report_dir / "summary.json").read_text())
    assert summary["quarantined"] == 1 and summary["by_rule"][0]["rule_id"] == "figures.parts_exceed_whole"
    assert "figures.parts_exceed_whole" in (result.report_dir / "summary.md").read_text()


def test_highlight_escapes_inside_and_between_marks():
    text = "a<b 12 & 7>c"
    out = highlight(text, [{"start": 4, "end": 6, "role": "part"}, {"start": 9, "end": 10, "role": "whole"}], 0, len(text))
    assert out == 'a&lt;b <mark class="part" title="part">12</mark> &amp; <mark class="whole" title="whole">7</mark>&gt;c'


def test_highlight_tolerates_overlapping_spans():
    out = highlight("abcdef", [{"start": 1, "end": 4, "role": "x"}, {"start": 2, "end": 5, "role": "y"}], 0, 6)
    assert out.count("<mark") == 2 and "abcdef" == out.replace('<mark class="x" title="x">', "").replace(
        '<mark class="y" title="y">', "").replace("</mark>", "")


def test_far_apart_spans_get_a_window_each():
    from factlint._report import excerpt_windows

    text = "First sentence with A. " + "Filler sentence here. " * 40 + "Last sentence with B."
    spans = [{"start": 20, "end": 21, "role": "name"}, {"start": len(text) - 2, "end": len(text) - 1, "role": "variant"}]
    windows = excerpt_windows(text, spans)
    assert len(windows) == 2 and windows[0][1] < windows[1][0]
    assert excerpt_windows("One. Two A and B.", [{"start": 9, "end": 10, "role": "x"},
                                                 {"start": 15, "end": 16, "role": "y"}]) == [(5, 17)]
