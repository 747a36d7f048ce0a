"""Severity decisions the catalogue examples do not pin: precision first, uncertainty is a warning."""

from factlint import check_text


def _severities(text, published, rule_id):
    return [f.severity for f in check_text(text, published).findings if f.rule_id == rule_id]


def test_anniversary_date_in_the_same_sentence_is_an_error():
    assert _severities("They marked the 30th anniversary of the Khojaly tragedy of February 1992.",
                       "2024-02-26", "anniversary.wrong_year") == ["error"]


def test_anniversary_date_found_through_a_name_elsewhere_is_a_warning():
    text = "Azerbaijan marked the 30th anniversary of the Khojaly tragedy. The tragedy struck Khojaly on February 25-26, 1992."
    assert _severities(text, "2024-02-26", "anniversary.wrong_year") == ["warning"]


def test_year_only_event_allows_one_year_either_side():
    text = "It is the 31st anniversary of the Khojaly events of 1992."
    for published, expected in (("2022-06-01", []), ("2023-06-01", []), ("2024-06-01", []), ("2026-06-01", ["error"])):
        assert _severities(text, published, "anniversary.wrong_year") == expected, published


def test_approximate_whole_makes_the_parts_check_a_warning():
    text = "The fate of nearly 80 hostages, including 68 women and 26 children, is unknown."
    assert _severities(text, "2024-01-01", "figures.parts_exceed_whole") == ["warning"]


def test_figure_arithmetic_uses_the_bounds_the_text_allows():
    finding = [f for f in check_text("More than 90 hostages, including 68 women and 26 children, were held.",
                                     "2024-01-01").findings]
    assert finding == []  # "more than 90" has no upper bound: 94 is possible


def test_after_publication_allows_a_day_for_time_zones():
    text = "The bridge was opened on June 2, 2023 by the mayor."
    assert _severities(text, "2023-06-01", "dates.after_publication") == []
    assert _severities(text, "2023-05-30", "dates.after_publication") == ["warning"]


def test_a_shared_name_alone_does_not_tie_a_date_to_the_event():
    text = ("It marks the 15th anniversary of the establishment of ties between China and Slovakia. "
            "The joint statement signed between China and Slovakia in 2003 was a landmark.")
    assert _severities(text, "2005-11-30", "anniversary.wrong_year") == []


def test_elapsed_since_an_event_dated_elsewhere_is_a_warning():
    text = "The Bishkek ceasefire of May 1994 held. Now, 25 years since the Bishkek ceasefire, the line is quiet."
    assert _severities(text, "2024-05-12", "elapsed.wrong_count") == ["warning"]
    assert _severities("It has been 20 years since the 1994 ceasefire.", "2024-05-12", "elapsed.wrong_count") == ["error"]
