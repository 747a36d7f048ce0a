"""Reading numbers written in digits or words, with their bounds; the words come from the lexicons."""

from __future__ import annotations

import math
from typing import Optional

from ._grammar import Grammar

# How a qualifier turns a stated number N into bounds [low, high] (None = unbounded).
QUALIFIER_BOUNDS = {
    "exact": lambda n: (n, n),
    "more_than": lambda n: (math.floor(n) + 1 if float(n).is_integer() else n, None),
    "at_least": lambda n: (n, None),
    "nearly": lambda n: (math.floor(n * 0.9), n),
    "less_than": lambda n: (0, n - 1 if float(n).is_integer() else n),
    "at_most": lambda n: (0, n),
    "about": lambda n: (math.floor(n * 0.9), math.ceil(n * 1.1)),
}


def parse_words(words: str, grammar: Grammar) -> Optional[float]:
    """'Thirty-one' -> 31, 'two hundred and five' -> 205, 'eight' -> 8."""
    units, tens, scales = grammar.lexicon("units"), grammar.lexicon("tens"), grammar.lexicon("scales")
    total, current = 0, 0
    seen = False
    for token in words.lower().replace("-", " ").split():
        if token == "and":
            continue
        if token in units:
            current += units[token]
        elif token in tens:
            current += tens[token]
        elif token in scales:
            scale = scales[token]
            current = max(current, 1) * scale
            if scale >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def parse_number(text: str, grammar: Grammar) -> Optional[float]:
    """Digits with separators, fractions ("1-1/4", "3/8") or number words."""
    cleaned = text.replace(",", "").strip()
    try:
        return float(cleaned)
    except ValueError:
        pass
    whole, _, fraction = cleaned.replace(" ", "-").rpartition("-") if "/" in cleaned else ("", "", "")
    if fraction:
        numerator, _, denominator = fraction.partition("/")
        if numerator.isdigit() and denominator.isdigit() and int(denominator) and (not whole or whole.isdigit()):
            return int(whole or 0) + int(numerator) / int(denominator)
        return None
    return parse_words(text, grammar)


def parse_count(text: str, grammar: Grammar) -> Optional[float]:
    """A count before a unit: "a year" is one, "a couple of years" two (``count_words``);
    otherwise ``parse_number``."""
    words = grammar.lexicon("count_words")
    folded = " ".join(text.lower().split())
    return float(words[folded]) if folded in words else parse_number(text, grammar)


def parse_ordinal(text: str, grammar: Grammar) -> Optional[int]:
    """'32nd' -> 32, 'thirty-second' -> 32, 'twentieth' -> 20."""
    lowered = text.lower().strip()
    digits = lowered.rstrip("stndrh")
    if digits.isdigit():
        return int(digits)
    ordinal_units, ordinal_tens, tens = (grammar.lexicon(n) for n in ("ordinal_units", "ordinal_tens", "tens"))
    if lowered in ordinal_units:
        return ordinal_units[lowered]
    if lowered in ordinal_tens:
        return ordinal_tens[lowered]
    head, _, tail = lowered.partition("-")
    if head in tens and tail in ordinal_units:
        return tens[head] + ordinal_units[tail]
    return None


def bounds(value: float, qualifier: str) -> tuple[float, Optional[float]]:
    low, high = QUALIFIER_BOUNDS[qualifier](value)
    return float(low), (None if high is None else float(high))
