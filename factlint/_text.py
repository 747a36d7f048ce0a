"""Paragraph and sentence boundaries, as character offsets into the article text."""

from __future__ import annotations

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


def sentences(text: str, grammar: Grammar) -> list[tuple[int, int]]:
    """Sentences within paragraphs; a period after a known abbreviation does not end one."""
    abbreviations = set(grammar.lexicon("sentence_abbreviations"))
    spans = []
    for p_start, p_end in paragraphs(text, grammar):
        start = p_start
        for end_mark in grammar.patterns["sentence_end"].finditer(text, p_start, p_end):
            word = text[max(p_start, end_mark.start() - 12):end_mark.start()].split()
            last = word[-1].lower().rstrip(".") if word else ""
            if end_mark.group().startswith(".") and (last in abbreviations or (len(last) == 1 and last.isalpha())):
                continue
            spans.append((start, end_mark.end()))
            start = end_mark.end()
            while start < p_end and text[start].isspace():
                start += 1
        if start < p_end:
            spans.append((start, p_end))
    return spans
