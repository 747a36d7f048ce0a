"""Every grammar rule's examples run: the rule data is its own test suite."""

import datetime as dt

import pytest

from factlint import check_text
from factlint._grammar import default_grammar

EXAMPLES = [(rule.id, rule.kind, i, example)
            for rule in default_grammar().all_rules() for i, example in enumerate(rule.examples)]


@pytest.mark.parametrize("rule_id,kind,index,example", EXAMPLES, ids=[f"{e[0]}#{e[2]}" for e in EXAMPLES])
def test_rule_example(rule_id, kind, index, example):
    published = example.get("published", dt.date(2024, 2, 26))
    result = check_text(example["text"], published)
    claims = [c.model_dump() for c in result.extraction.claims[kind]]
    claims += [inv.raw for inv in result.extraction.invalid if inv.kind == kind]
    expected = example["expect"]
    if not expected:
        assert not [c for c in claims if c["rule_id"] == rule_id], claims
        return
    for want in expected:
        matches = [c for c in claims if all(_same(c.get(k), v) for k, v in want.items())]
        assert matches, f"{rule_id}: expected {want}, got {claims}"


def _same(actual, wanted):
    if isinstance(wanted, (int, float)) and not isinstance(wanted, bool) and actual is not None:
        return float(actual) == float(wanted)
    return actual == wanted


def test_number_word_letters_cover_every_number_word():
    """NUMBER_WORD_LETTERS lets rules skip positions fast; a number word it misses would never match."""
    grammar = default_grammar()
    letters = grammar.macros["NUMBER_WORD_LETTERS"]
    words = list(grammar.lexicon("units")) + list(grammar.lexicon("tens"))
    assert [w for w in words if w[0] not in letters] == []


def test_grammar_yaml_reads_on_and_no_as_words():
    """YAML 1.1 reads on/no/yes/off as booleans; the grammar loader must not."""
    grammar = default_grammar()
    assert "on" in grammar.lexicon("head_stopwords")
    assert "no" in grammar.lexicon("identifier_prefixes")
    assert all(isinstance(w, str) for w in grammar.lexicon("head_stopwords"))


PREFILTERS = ("starts_at_numbers", "starts_with", "requires")
PREFILTER_TEXTS = [
    "Police said US$666 million to $700 million, 60-85 mph, a year ago, the twelve were held; "
    "about 275,000 (60-kilo) bags and three-day talks, one of two suspects.",
    "From May 3 to June 5, 1998, the third-quarter net of the latest quarter fell; last Monday's 1990s "
    "data, this morning, several years, daily, in 1994-1997 and the weekend of the year-earlier period.",
] + [example["text"] for rule in default_grammar().all_rules() for example in rule.examples]


def test_prefilters_do_not_change_what_rules_find():
    """`starts_at_numbers`, `starts_with` and `requires` only skip work: the matches are those of a
    full scan, on every rule's examples."""
    grammar = default_grammar()
    fast = {kind: [[(m.rule.id, m.start, m.end) for m in grammar.find(kind, text)] for text in PREFILTER_TEXTS]
            for kind in grammar.rules}
    saved = {rule.id: dict(rule.options) for rule in grammar.all_rules()}
    try:
        for rule in grammar.all_rules():
            for option in PREFILTERS:
                rule.options.pop(option, None)
        full = {kind: [[(m.rule.id, m.start, m.end) for m in grammar.find(kind, text)] for text in PREFILTER_TEXTS]
                for kind in grammar.rules}
    finally:
        for rule in grammar.all_rules():
            rule.options.clear()
            rule.options.update(saved[rule.id])
    for kind in grammar.rules:
        for text, f, u in zip(PREFILTER_TEXTS, fast[kind], full[kind]):
            assert f == u, (kind, text)


def test_starts_with_keys_are_first_words():
    """`starts_with` entries become the first run of letters (lower-cased) or digits of each entry."""
    grammar = default_grammar()
    assert {"jan", "sept", "december"} <= grammar.rule("date.month_only").options["starts_with"]
    assert grammar.rule("date.year_bare").options["starts_with"] == frozenset({"<digits>"})
    assert "the" in grammar.rule("date.relative_quarter").options["starts_with"]


def test_starts_of_gives_the_offsets_of_the_keys_asked_for():
    from factlint._grammar import TextIndex
    grammar = default_grammar()
    index = TextIndex(grammar, "On Friday, 3 people met the mayor in May; the 12 left.")
    assert index.starts_of(frozenset({"<digits>"})) == [11, 46]  # asked first: builds the index too
    assert index.starts_of(frozenset({"the"})) == [24, 42]
    assert index.starts_of(frozenset({"the", "<digits>"})) == [11, 24, 42, 46]


def test_a_key_given_twice_in_grammar_data_is_an_error(tmp_path):
    from factlint._errors import RuleDataError
    from factlint._grammar import _load_yaml

    path = tmp_path / "lexicon.yaml"
    path.write_text("events:\n  killed: killed\n  died: killed\n  killed: wounded\n", encoding="utf-8")
    with pytest.raises(RuleDataError, match="given twice"):
        _load_yaml(path)
