"""Exceptions and coded messages.

Findings about articles are data, never exceptions. Exceptions are for a run that cannot go on:

    FactlintError
    ├── InputError          an input given by the user cannot be read (missing path, bad gold file)
    ├── RuleDataError       the grammar or rule catalogue is malformed (a packaging bug)
    ├── PublishError        the output folder cannot be written or switched
    └── ConfigurationError  a setting is missing, e.g. scheduling without a Prefect server

Every message has a stable code (``E1xx`` grammar, ``E2xx`` inputs and output, ``E3xx``
orchestration); reasons for rejecting an input are the ``R`` codes in ``RejectReason``.
"""

from __future__ import annotations

from enum import Enum


class FactlintError(Exception):
    """Base class of every exception factlint raises on purpose."""


class InputError(FactlintError):
    """An input given by the user cannot be read at all (missing path, malformed gold file)."""


class RuleDataError(FactlintError):
    """The grammar data or the rule catalogue is malformed."""


class PublishError(FactlintError):
    """The output snapshot could not be written or switched; the previous output is intact."""


class ConfigurationError(FactlintError):
    """A required setting is missing or contradictory."""


class _Coded(str):
    """A message template that carries its code: ``[E101] ...``."""

    def __new__(cls, code: str, template: str) -> "_Coded":
        self = super().__new__(cls, f"[{code}] {template}")
        self.code = code
        return self


class Messages:
    E100 = _Coded("E100", "Cannot read grammar file {path}: {error}")
    E101 = _Coded("E101", "Unknown macro {{{name}}} in the grammar.")
    E102 = _Coded("E102", "Unknown lexicon @{name} in the grammar.")
    E103 = _Coded("E103", "Malformed rule in {source}.yaml (needs an id prefixed by its kind and a pattern): {spec}")
    E104 = _Coded("E104", "Rule {rule_id} does not compile: {error}")
    E105 = _Coded("E105", "Rule {rule_id} has no examples; every rule carries examples that run as tests.")
    E106 = _Coded("E106", "Lexicon {name} is defined twice (again in {path}).")
    E107 = _Coded("E107", "The rule catalogue and the checks disagree: {detail}")
    E108 = _Coded("E108", "{owner}: the starts_with entry {word!r} has no letters or digits to start at.")
    E201 = _Coded("E201", "Input not found: {path}")
    E202 = _Coded("E202", "Cannot publish to {path}: {error}. The previous output is unchanged.")
    E203 = _Coded("E203", "No output at {path}: run `factlint run` first.")
    E204 = _Coded("E204", "Gold file {path}, line {line}: {reason}")
    E301 = _Coded("E301", "Scheduling needs a Prefect server: start one with `prefect server start` and set PREFECT_API_URL.")
    E302 = _Coded("E302", "The {runner} task runner needs a Prefect server (PREFECT_API_URL); in embedded mode use threads.")


class RejectReason(str, Enum):
    """Why an input never became an article. Codes are stable; texts may improve."""

    EMPTY = "R001"
    BINARY = "R002"
    NO_HEADER_DATE = "R003"
    IMPOSSIBLE_DATE = "R004"
    UNDECODABLE = "R005"
    BAD_JSON = "R006"
    MISSING_FIELD = "R007"
    DUPLICATE = "R008"
    EMPTY_BODY = "R009"
    UNREADABLE = "R010"
    CHECK_FAILED = "R011"


REJECT_TEXT = {
    RejectReason.EMPTY: "empty file",
    RejectReason.BINARY: "binary content (NUL bytes without a UTF-16 byte-order mark)",
    RejectReason.NO_HEADER_DATE: "no 'date YYYY-MM-DD' header on the first line",
    RejectReason.IMPOSSIBLE_DATE: "publication date {value!r} is not a real calendar date",
    RejectReason.UNDECODABLE: "bytes cannot be decoded as text",
    RejectReason.BAD_JSON: "not a JSON object: {error}",
    RejectReason.MISSING_FIELD: "missing or empty field {field!r}",
    RejectReason.DUPLICATE: "same publication date and text as {other}",
    RejectReason.EMPTY_BODY: "header but no article text",
    RejectReason.UNREADABLE: "cannot read file: {error}",
    RejectReason.CHECK_FAILED: "factlint failed on this article ({error}); please report it",
}
