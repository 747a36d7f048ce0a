"""Docs are tested: every command and every rule id is documented, and generated pages are current."""

import re

import pytest
from click.testing import CliRunner

from factlint._catalogue_doc import render_rules
from factlint.cli import cli
from schemas.catalogue import catalogue
from schemas.checks import CHECKS

from .conftest import ROOT

README = (ROOT / "README.md").read_text()
CLAIM_LEVEL_RULES = {"dates.impossible_date", "dates.reversed_range"}  # field constraints in schemas/claims.py


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_documented_and_has_help(command):
    assert f"factlint {command}" in README
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


def test_rules_page_is_generated_from_the_catalogue():
    assert (ROOT / "docs" / "rules.md").read_text() == render_rules("markdown"), (
        "docs/rules.md is stale: run `factlint rules --format markdown > docs/rules.md`")


def test_every_rule_id_is_documented():
    page = (ROOT / "docs" / "rules.md").read_text()
    for rule_id in catalogue():
        assert f"### {rule_id}" in page


def test_catalogue_and_checks_agree():
    assert set(catalogue()) == set(CHECKS) | CLAIM_LEVEL_RULES
    source = (ROOT / "schemas" / "claims.py").read_text()
    for rule_id in CLAIM_LEVEL_RULES:
        assert f'"{rule_id}"' in source


def test_readme_starts_with_the_two_fresh_machine_commands():
    commands = re.findall(r"^```(?:sh|bash)\n(.+?)\n```", README, flags=re.M | re.S)[:2]
    assert "factlint run" in commands[0] and "pytest" in commands[1]
    assert "python -m pytest" in (ROOT / ".ci" / "run").read_text()


def test_every_published_table_is_documented():
    from schemas.tables import TABLES

    for name in TABLES:
        assert f"| `{name}` |" in README, name
