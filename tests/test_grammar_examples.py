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
