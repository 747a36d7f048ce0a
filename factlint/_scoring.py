"""What evaluations share: one-to-one pairing of predicted and gold spans by overlap."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence


@dataclass
class Mistake:
    """One scored error: where (a sentence id or document name), what kind, and what differed."""

    sentence: str
    kind: str
    detail: str


class HasSpan(Protocol):
    start: int
    end: int


def overlap_pairs(gold: Sequence[HasSpan], predicted: Sequence[HasSpan]) -> list[tuple[int, int]]:
    """(gold index, predicted index) for overlapping spans, each used once, longest overlap first."""
    candidates = sorted(((min(g.end, p.end) - max(g.start, p.start), gi, pi)
                         for gi, g in enumerate(gold) for pi, p in enumerate(predicted)
                         if g.start < p.end and p.start < g.end), key=lambda c: (-c[0], c[1], c[2]))
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi in used_gold or pi in used_predicted:
            continue
        used_gold.add(gi)
        used_predicted.add(pi)
        pairs.append((gi, pi))
    return pairs


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0
