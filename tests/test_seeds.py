"""The two seed articles come out as the product's first users expect."""

from factlint import discover, read_inputs
from factlint._validate import analyse

from .conftest import RAW


def _results():
    return {a.source_path[:3]: analyse(a) for a in read_inputs(discover([RAW]))}


def test_publication_dates_and_outlets():
    results = _results()
    assert str(results["000"].article.published_date) == "2024-02-26"
    assert (results["000"].article.syndicator, results["000"].article.outlet) == ("MENAFN", "AzerNews")
    assert str(results["001"].article.published_date) == "2023-02-23"
    assert results["001"].article.outlet is None  # "+ ↺ − 16 px" is page junk
    assert not results["001"].article.text.startswith("+")


def test_anniversaries_imply_1992_and_are_consistent():
    results = _results()
    for key, ordinal in (("000", 32), ("001", 31)):
        claims = results[key].extraction.claims["anniversary"]
        assert claims and {(c.ordinal, c.implied_event_year) for c in claims} == {(ordinal, 1992)}
    texts = [c.text for r in results.values() for c in r.extraction.claims["anniversary"]]
    assert not any("366" in t or "44" in t for t in texts)


def test_range_is_one_claim():
    dates = _results()["000"].extraction.claims["date"]
    ranges = [d for d in dates if d.text == "February 25-26, 1992"]
    assert len(ranges) == 1 and (ranges[0].value, ranges[0].end_value) == ("1992-02-25", "1992-02-26")
    assert not any(d.text in ("February 25", "26, 1992") for d in dates)


def test_century_links_to_the_anniversary():
    result = _results()["001"]
    assert [c.value for c in result.extraction.claims["century"]] == ["19"]
    refs = result.extraction.links.century_years[0]
    assert refs[0].year == 1992 and refs[0].role == "anniversary"


def test_figures_heads_events_and_parts():
    figures = {f.text: f for f in _results()["000"].extraction.claims["figure"]}
    assert {"613", "1275", "150", "68", "26"} <= set(figures)
    assert (figures["613"].head, figures["613"].event) == ("Azerbaijanis", "killed")
    assert (figures["1275"].head, figures["1275"].event) == ("residents", "hostage")
    whole = figures["150"]
    assert whole.head == "hostages" and whole.part_of is None
    assert figures["68"].part_of == whole.figure_id and figures["26"].part_of == whole.figure_id
    assert not any(text in figures for text in ("366", "44", "32", "1992", "2023"))


def test_findings_no_errors_and_one_name_warning():
    results = _results()
    assert [f.rule_id for r in results.values() for f in r.findings if f.severity == "error"] == []
    assert [f.rule_id for f in results["000"].findings] == ["names.spelling_variant"]
    assert results["001"].findings == []
