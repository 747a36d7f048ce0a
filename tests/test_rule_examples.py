"""Every consistency rule fires on its inconsistent examples and stays quiet on its consistent ones."""

import pytest

from factlint import check_text
from schemas.catalogue import catalogue

EXAMPLES = [(spec.id, i, example) for spec in catalogue().values() for i, example in enumerate(spec.examples)]


@pytest.mark.parametrize("rule_id,index,example", EXAMPLES, ids=[f"{e[0]}#{e[1]}" for e in EXAMPLES])
def test_rule_example(rule_id, index, example):
    result = check_text(example["text"], example["published"])
    fired = [f for f in result.findings if f.rule_id == rule_id]
    if example["fires"]:
        assert fired, f"{rule_id} did not fire; findings: {[f.rule_id for f in result.findings]}"
        finding = fired[0]
        assert finding.spans and finding.as_evaluated and "{" not in finding.message
    else:
        assert not fired, [f.message for f in fired]


def test_every_rule_has_both_kinds_of_example():
    for spec in catalogue().values():
        assert {e["fires"] for e in spec.examples} == {True, False}, spec.id
