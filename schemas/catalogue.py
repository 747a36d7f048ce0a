"""The consistency-rule catalogue (``rules.yaml``): ids, versions, severities, messages, examples."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Optional

import yaml
from pydantic_core import PydanticCustomError

CATALOGUE_PATH = Path(__file__).with_name("rules.yaml")


@dataclass(frozen=True)
class RuleSpec:
    id: str
    version: int
    severity: str
    category: str
    message: str
    summary: str
    examples: tuple[dict[str, Any], ...]
    severity_when_uncertain: Optional[str] = None

    @property
    def family(self) -> str:
        return self.id.split(".", 1)[0]


@cache
def catalogue() -> dict[str, RuleSpec]:
    """The rule catalogue, keyed by rule id, in catalogue order."""
    data = yaml.safe_load(CATALOGUE_PATH.read_text(encoding="utf-8"))
    families = data["families"]
    specs: dict[str, RuleSpec] = {}
    for entry in data["rules"]:
        spec = RuleSpec(**{**entry, "examples": tuple(entry["examples"])})
        if spec.family not in families:
            raise ValueError(f"rule {spec.id} is outside the fixed families {sorted(families)}")
        specs[spec.id] = spec
    return specs


@cache
def families() -> dict[str, str]:
    return yaml.safe_load(CATALOGUE_PATH.read_text(encoding="utf-8"))["families"]


def rule_error(rule_id: str, ctx: dict[str, Any]) -> PydanticCustomError:
    """A violation of a catalogued rule, in Pydantic's error machinery: the type is the rule id."""
    return PydanticCustomError(rule_id, catalogue()[rule_id].message, ctx)
