"""Consistency rules: how the claims of one article must agree with each other.

``ArticleClaims`` gathers an article's claims and the links the engine found between them
(which dates an anniversary's event has, which range a duration spans, ...). Its model
validator runs every check registered here; each violation is a ``PydanticCustomError``
whose type is the rule id and whose context holds the operands, spans and arithmetic.
``factlint`` turns the resulting ``ValidationError`` into findings: data, not exceptions.

Rule metadata (version, severity, message, examples) lives in ``rules.yaml`` beside this file.
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Any, Callable, Iterable, Iterator

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails

from .article import Article
from .catalogue import rule_error
from .claims import (
    AnniversaryClaim,
    CenturyClaim,
    DateClaim,
    DurationClaim,
    ElapsedClaim,
    FigureClaim,
    NameClaim,
)

# How far from publication an Nth anniversary may fall and still be "this" anniversary:
# articles announce one a few months ahead or report it a few months late; one announced in
# future terms ("next year to mark ...") may be up to a year ahead.
ANNIVERSARY_WINDOW_DAYS = 183
ANNOUNCED_WINDOW_DAYS = 366


class YearRef(BaseModel):
    """A year an event is known to lie in, with how sure the text makes it."""

    model_config = ConfigDict(frozen=True)

    year: int
    tolerance: int = Field(0, ge=0, description="Years either side the text allows (1 when derived from an anniversary).")
    start: int
    end: int
    role: str


class Links(BaseModel):
    """Relations between claims, found by the engine; the checks below only read them."""

    anniversary_event_dates: dict[int, list[int]] = Field(default_factory=dict)
    elapsed_event_dates: dict[int, list[int]] = Field(default_factory=dict)
    century_years: dict[int, list[YearRef]] = Field(default_factory=dict)
    duration_ranges: dict[int, int] = Field(default_factory=dict)
    past_dates: list[int] = Field(default_factory=list, description="Dates of events told in the past tense.")
    announced_anniversaries: list[int] = Field(
        default_factory=list, description="Anniversaries told as coming ('next year to mark the 10th anniversary').")
    loose_links: list[tuple[str, int, int]] = Field(
        default_factory=list, description="(kind, claim index, date index) links made only through a shared name.")
    figure_time_marked: list[int] = Field(
        default_factory=list, description="Figures whose sentence gives them a time or scope of their own.")


class ArticleClaims(BaseModel):
    """An article with every claim extracted from it; validation runs the consistency rules."""

    article: Article
    sentences: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]
    dates: list[DateClaim] = Field(default_factory=list)
    anniversaries: list[AnniversaryClaim] = Field(default_factory=list)
    elapsed: list[ElapsedClaim] = Field(default_factory=list)
    centuries: list[CenturyClaim] = Field(default_factory=list)
    durations: list[DurationClaim] = Field(default_factory=list)
    figures: list[FigureClaim] = Field(default_factory=list)
    names: list[NameClaim] = Field(default_factory=list)
    links: Links = Field(default_factory=Links)

    @model_validator(mode="after")
    def _consistent(self) -> "ArticleClaims":
        errors = [
            InitErrorDetails(type=rule_error(rule_id, ctx), loc=(rule_id,), input=ctx.get("as_written", ""))
            for rule_id, check in CHECKS.items()
            for ctx in check(self)
        ]
        if errors:
            raise ValidationError.from_exception_data(type(self).__name__, errors)
        return self

    def paragraph_of(self, offset: int) -> int:
        for index, (start, end) in enumerate(self.paragraphs):
            if start <= offset < end:
                return index
        return -1

    def sentence_of(self, offset: int) -> int:
        for index, (start, end) in enumerate(self.sentences):
            if start <= offset < end:
                return index
        return -1


Check = Callable[[ArticleClaims], Iterable[dict[str, Any]]]
CHECKS: dict[str, Check] = {}


def check(rule_id: str) -> Callable[[Check], Check]:
    """Register a check under its rule id; the catalogue must describe it (tested)."""

    def register(function: Check) -> Check:
        CHECKS[rule_id] = function
        return function

    return register


def suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _span(claim: Any, role: str) -> tuple[int, int, str]:
    return (claim.start, claim.end, role)


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# -- dates ----------------------------------------------------------------------------------
# dates.impossible_date and dates.reversed_range are field constraints of DateClaim.
@check("dates.after_publication")
def _after_publication(claims: ArticleClaims) -> Iterator[dict[str, Any]]:
    published = claims.article.published_date
    for index in claims.links.past_dates:
        date = claims.dates[index]
        if date.year_inferred or date.first_day is None or date.first_day <= published:
            continue
        yield {"text": date.text, "value": date.value, "published": published.isoformat(),
               "spans": [_span(date, "date")], "as_written": f"{date.text} (past tense)",
               "as_evaluated": f"{date.first_day} > published {published}"}


# -- anniversaries --------------------------------------------------------------------------
@check("anniversary.wrong_year")
def _anniversary_year(claims: ArticleClaims) -> Iterator[dict[str, Any]]:
    published = claims.article.published_date
    for index, anniversary in enumerate(claims.anniversaries):
        candidates = [claims.dates[i] for i in claims.links.anniversary_event_dates.get(index, [])]
        if not candidates:
            continue
        failures = []
        for date in candidates:
            if date.granularity == "year":
                # Only the year is known: the event may have fallen either side of the publication day.
                gap = abs((int(date.value) + anniversary.ordinal) - published.year)
                if gap <= 1:
                    break
                failures.append((date, str(int(date.value) + anniversary.ordinal), f"{gap} years"))
            else:
                due = _add_years(date.first_day, anniversary.ordinal)
                gap_days = abs((published - due).days)
                ahead = due > published and index in claims.links.announced_anniversaries
                if gap_days <= (ANNOUNCED_WINDOW_DAYS if ahead else ANNIVERSARY_WINDOW_DAYS):
                    break
                failures.append((date, due.isoformat(), f"{gap_days} days"))
        else:
            date, due, gap = failures[0]
            # A date tied to the event only through a shared name may belong to another event.
            uncertain = ("anniversary", index, claims.dates.index(date)) in claims.links.loose_links
            yield {"uncertain": uncertain, "ordinal": anniversary.ordinal, "suffix": suffix(anniversary.ordinal),
                   "event_value": date.value, "anniversary_value": due, "published": published.isoformat(),
                   "spans": [_span(anniversary, "anniversary"), _span(date, "event_date")],
                   "as_written": f"{anniversary.text} (event: {date.text})",
                   "as_evaluated": f"{date.value} + {anniversary.ordinal} years = {due}; "
                                   f"published {published} is {gap} away (allowed: about six months)"}


# -- elapsed time ---------------------------------------------------------------------------
@check("elapsed.wrong_count")
def _elapsed(claims: ArticleClaims) -> Iterator[dict[str, Any]]:
    published = claims.article.published_date
    for index, claim in enumerate(claims.elapsed):
        if claim.anchor != "since" or claim.period:
            continue
        years = claim.n * (10 if claim.unit == "decade" else 1)
        # Decades are round numbers: "three decades" covers 25-34 years; years allow the
        # one-year ambiguity of an anchor known only by its year.
        tolerance = 5 if claim.unit == "decade" else 1
        anchors: list[tuple[int, Any]] = []
        if claim.anchor_year is not None:
            anchors.append((claim.anchor_year, None))
        for date_index in claims.links.elapsed_event_dates.get(index, []):
            anchors.append((claims.dates[date_index].first_day.year, claims.dates[date_index]))
        if not anchors:
            continue
        results = [(published.year - year, year, date) for year, date in anchors]
        if any(abs(actual - years) <= tolerance for actual, _, _ in results):
            continue
        actual, year, date = results[0]
        spans = [_span(claim, "elapsed")] + ([_span(date, "anchor_date")] if date is not None else [])
        # An anchor date tied to the event only through a shared name may belong to another event.
        uncertain = date is not None and ("elapsed", index, claims.dates.index(date)) in claims.links.loose_links
        yield {"uncertain": uncertain, "n_text": claim.text.split()[0], "unit": claim.unit, "anchor_value": year,
               "published": published.year, "actual": actual, "spans": spans,
               "as_written": claim.text,
               "as_evaluated": f"{published.year} - {year} = {actual} years; stated {years:g} (allowed ±{tolerance})"}


# -- centuries ------------------------------------------------------------------------------
@check("century.wrong_century")
def _century(claims: ArticleClaims) -> Iterator[dict[str, Any]]:
    for index, century in enumerate(claims.centuries):
        refs = claims.links.century_years.get(index, [])
        if not refs:
            continue
        # Strictly the 20th century is 1901-2000; in common use it is 1900-1999. Accept both.
        first, last = (century.century - 1) * 100, century.century * 100
        inside = [ref for ref in refs
                  if any(first <= year <= last for year in range(ref.year - ref.tolerance, ref.year + ref.tolerance + 1))]
        if inside:
            continue
        ref = refs[0]
        yield {"year": ref.year, "century": century.century, "suffix": suffix(century.century),
               "first": first + 1, "last": last,
               "spans": [_span(century, "century"), (ref.start, ref.end, ref.role)],
               "as_written": f"{century.text}",
               "as_evaluated": f"{ref.year}" + (f" (±{ref.tolerance})" if ref.tolerance else "")
                               + f" is outside {first}-{last}"}


# -- durations ------------------------------------------------------------------------------
UNIT_DAYS = {"day": 1, "week": 7}


@check("durations.span_mismatch")
def _duration(claims: ArticleClaims) -> Iterator[dict[str, Any]]:
    for index, duration in enumerate(claims.durations):
        if index not in claims.links.duration_ranges or duration.unit not in UNIT_DAYS:
            continue
        span = claims.dates[claims.links.duration_ranges[index]]
        actual = (span.last_day - span.first_day).days
        stated = duration.n * UNIT_DAYS[duration.unit]
        # Counting the first and last day or not differs by one.
        if abs(actual - stated) <= 1 or abs(actual + 1 - stated) <= 1:
            continue
        yield {"n_text": f"{duration.n:g}", "unit": duration.unit, "range_text": span.text, "actual": actual,
               "spans": [_span(duration, "duration"), _span(span, "range")],
               "as_written": f"{duration.text}; {span.text}",
               "as_evaluated": f"{span.last_day} - {span.first_day} = {actual} days; stated {stated:g} (allowed ±1)"}


# -- figures --------------------------------------------------------------------------------
def _fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _counts_same_kind(whole: FigureClaim, part: FigureClaim) -> bool:
    """A part can be checked against its whole only if it counts the same thing, or people within people.

    Amounts are not: a net sum may include a larger gain ("net income of 28,000 dlrs, including a
    103,000 dlrs credit"), and percentages of a figure have bases of their own.
    """
    if not whole.head or not part.head or whole.amount or part.amount:
        return False
    if whole.head.lower().rstrip("s") == part.head.lower().rstrip("s"):
        return True
    return whole.head_group == "superset" and part.head_group in ("subset", "superset")


def _wholes_with_parts(claims: ArticleClaims) -> Iterator[tuple[FigureClaim, float, list[FigureClaim]]]:
    """Each whole with the parts it can be checked against, and the most it can be (unbounded wholes are skipped).

    Parts that count something else ("five dealers, including two brokerages") are linked but not summed.
    """
    by_id = {figure.figure_id: figure for figure in claims.figures}
    parts: dict[str, list[FigureClaim]] = {}
    for figure in claims.figures:
        if figure.part_of and _counts_same_kind(by_id[figure.part_of], figure):
            parts.setdefault(figure.part_of, []).append(figure)
    for whole in claims.figures:
        whole_max = whole.value_max if whole.approximate else whole.value
        if whole.figure_id in parts and whole_max is not None:
            yield whole, whole_max, parts[whole.figure_id]


@check("figures.part_exceeds_whole")
def _part_exceeds(claims: ArticleClaims) -> Iterator[dict[str, Any]]:
    for whole, whole_max, parts in _wholes_with_parts(claims):
        for part in parts:
            if part.value > whole_max:
                yield {"part": f"{part.text} {part.head or ''}".strip(), "whole": f"{whole.text} {whole.head or ''}".strip(),
                       "uncertain": whole.approximate or part.approximate,
                       "spans": [_span(whole, "whole"), _span(part, "part")],
                       "as_written": f"{part.text} <= {whole.text}",
                       "as_evaluated": f"{_fmt(part.value)} > {_fmt(whole_max)}"}


@check("figures.parts_exceed_whole")
def _parts_exceed(claims: ArticleClaims) -> Iterator[dict[str, Any]]:
    for whole, whole_max, parts in _wholes_with_parts(claims):
        parts = [p for p in parts if p.part_listed]  # "four of six ... and five of them" may overlap
        if len(parts) < 2 or any(p.value > whole_max for p in parts):
            continue  # a single oversized part is reported by figures.part_exceeds_whole
        total = sum(p.value for p in parts)
        if total > whole_max:
            terms = " + ".join(_fmt(p.value) for p in parts)
            yield {"parts_sum": _fmt(total), "whole": f"{whole.text} {whole.head or ''}".strip(),
                   "uncertain": whole.approximate or any(p.approximate for p in parts),
                   "spans": [_span(whole, "whole")] + [_span(p, "part") for p in parts],
                   "as_written": " + ".join(p.text for p in parts) + f" <= {whole.text}",
                   "as_evaluated": f"{terms} = {_fmt(total)} > {_fmt(whole_max)}"}


def _comparable(claims: ArticleClaims, a: FigureClaim, b: FigureClaim) -> bool:
    """Two figures may be compared only in one paragraph, from one source, at no stated time."""
    ia, ib = claims.figures.index(a), claims.figures.index(b)
    return (claims.paragraph_of(a.start) == claims.paragraph_of(b.start)
            and a.source == b.source
            and ia not in claims.links.figure_time_marked and ib not in claims.links.figure_time_marked)


@check("figures.subset_exceeds_superset")
def _subset(claims: ArticleClaims) -> Iterator[dict[str, Any]]:
    exact = [f for f in claims.figures if not f.approximate and f.event and f.head and not f.part_of]
    for sub in exact:
        if sub.head_group != "subset":
            continue
        for sup in exact:
            if (sup.head_group == "superset" and sup.event == sub.event and sub.value > sup.value
                    and _comparable(claims, sub, sup)):
                yield {"subset": sub.text, "subset_head": sub.head, "superset": sup.text, "superset_head": sup.head,
                       "event": sub.event, "spans": [_span(sup, "superset"), _span(sub, "subset")],
                       "as_written": f"{sub.text} {sub.head} <= {sup.text} {sup.head}",
                       "as_evaluated": f"{_fmt(sub.value)} > {_fmt(sup.value)}"}
                break


@check("figures.restated_differently")
def _restated(claims: ArticleClaims) -> Iterator[dict[str, Any]]:
    has_parts = {f.part_of for f in claims.figures if f.part_of}
    exact = [f for f in claims.figures if not f.approximate and not f.amount and f.event and f.head
             and not f.part_of and f.figure_id not in has_parts]
    reported: set[tuple[str, str]] = set()
    for i, first in enumerate(exact):
        for second in exact[i + 1:]:
            key = (first.head.lower(), first.event)
            if (key == (second.head.lower(), second.event) and first.value != second.value
                    and key not in reported and claims.sentence_of(first.start) != claims.sentence_of(second.start)
                    and _comparable(claims, first, second)):
                reported.add(key)
                yield {"first": first.text, "second": second.text, "head": first.head, "event": first.event,
                       "spans": [_span(first, "first"), _span(second, "second")],
                       "as_written": f"{first.text} {first.head} {first.event} = {second.text} {second.head} {second.event}",
                       "as_evaluated": f"{_fmt(first.value)} != {_fmt(second.value)}"}


# -- names ----------------------------------------------------------------------------------
def _token_similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio()


def spelling_variants(first: str, second: str) -> bool:
    """Same number of words, same initials, every word alike, at least one spelled differently."""
    a, b = first.split(), second.split()
    if len(a) != len(b) or len(a) < 2 or a == b:
        return False
    for x, y in zip(a, b):
        if x[0].lower() != y[0].lower() or _token_similarity(x, y) < 0.7:
            return False
    # Aliyev / Aliyeva: a grammatical ending marks another person, not a misspelling.
    return not any(x != y and (x.startswith(y) or y.startswith(x)) for x, y in zip(a, b))


@check("names.spelling_variant")
def _names(claims: ArticleClaims) -> Iterator[dict[str, Any]]:
    seen: dict[str, NameClaim] = {}
    for claim in claims.names:
        seen.setdefault(claim.name, claim)
    distinct = list(seen.values())
    for i, first in enumerate(distinct):
        for second in distinct[i + 1:]:
            if spelling_variants(first.name, second.name):
                yield {"first": first.name, "second": second.name,
                       "spans": [_span(first, "name"), _span(second, "variant")],
                       "as_written": f"{first.name} / {second.name}",
                       "as_evaluated": " ".join(f"{x}~{y}" for x, y in zip(first.name.split(), second.name.split()) if x != y)}
