"""Paragraph and sentence boundaries, as character offsets into the article text."""

from __future__ import annotations

import re

from ._grammar import Grammar


def paragraphs(text: str, grammar: Grammar) -> list[tuple[int, int]]:
    spans, start = [], 0
    for gap in grammar.patterns["paragraph_break"].finditer(text):
        if gap.start() > start:
            spans.append((start, gap.start()))
        start = gap.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans or [(0, len(text))]


def _ends_sentence(text: str, end_mark: re.Match[str], floor: int, abbreviations: frozenset[str]) -> bool:
    """A period after a known abbreviation or an initial ("Daniel P. Davison") does not end a sentence."""
    word = text[max(floor, end_mark.start() - 12):end_mark.start()].split()
    last = word[-1].lower().rstrip(".") if word else ""
    return not (end_mark.group().startswith(".") and (last in abbreviations or (len(last) == 1 and last.isalpha())))


def sentences(text: str, grammar: Grammar) -> list[tuple[int, int]]:
    """Sentences within paragraphs; a period after a known abbreviation does not end one."""
    abbreviations = frozenset(grammar.lexicon("sentence_abbreviations"))
    spans = []
    for p_start, p_end in paragraphs(text, grammar):
        start = p_start
        for end_mark in grammar.patterns["sentence_end"].finditer(text, p_start, p_end):
            if not _ends_sentence(text, end_mark, p_start, abbreviations):
                continue
            spans.append((start, end_mark.end()))
            start = end_mark.end()
            while start < p_end and text[start].isspace():
                start += 1
        if start < p_end:
            spans.append((start, p_end))
    return spans


def clause_window(text: str, start: int, end: int, grammar: Grammar, reach: int) -> tuple[int, int]:
    """Up to ``reach`` characters either side of a span, cut at the ends of its sentence (and at
    semicolons and paragraph breaks)."""
    abbreviations = frozenset(grammar.lexicon("sentence_abbreviations"))
    low, high = max(0, start - reach), min(len(text), end + reach)
    for mark in grammar.patterns["clause_break"].finditer(text, low, start):
        if mark.group().startswith((";", "\n")) or _ends_sentence(text, mark, low, abbreviations):
            low = mark.end()
    for mark in grammar.patterns["clause_break"].finditer(text, end, high):
        if mark.group().startswith((";", "\n")) or _ends_sentence(text, mark, end, abbreviations):
            high = mark.start()
            break
    return low, high
