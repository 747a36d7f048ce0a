"""From article text to claims: run the grammar, build each claim from its named groups, link claims.

Builders know group names, never patterns. A claim that is impossible in itself fails its
Pydantic model; the failure is kept (``Extraction.invalid``) and becomes a finding.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import hashlib
import math
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Optional

from pydantic import ValidationError

from schemas.article import Article
from schemas.checks import Links, YearRef
from schemas.claims import (
    AnniversaryClaim,
    CenturyClaim,
    DateClaim,
    DurationClaim,
    ElapsedClaim,
    FigureClaim,
    NameClaim,
    TimexClaim,
)

from . import _numbers, _text
from ._grammar import Grammar, RuleMatch, TextIndex, default_grammar

KIND_MODELS = {
    "date": DateClaim,
    "anniversary": AnniversaryClaim,
    "elapsed": ElapsedClaim,
    "century": CenturyClaim,
    "duration": DurationClaim,
    "timex": TimexClaim,
    "figure": FigureClaim,
    "name": NameClaim,
}
# Named groups of date rules written relative to publication.
RELATIVE_GROUPS = ("holiday", "period", "weekday", "weekend", "deictic", "this_part", "rel", "season", "quarter", "rel_quarter", "ago_unit",
                   "month_only")
# The furthest "N units ago" read as a calendar date (years before 1000 are not dated here).
MAX_AGO = {"year": 900, "month": 900 * 12, "week": 900 * 52, "day": 900 * 365}
# The temporal reading alone (what `factlint eval tempeval` scores).
TEMPORAL_KINDS = ("date", "duration", "timex", "century")
# Kinds whose spans a figure may not overlap: "44-day", "32nd", "1992" are not counts.
FIGURE_BLOCKERS = ("date", "anniversary", "elapsed", "century", "duration", "timex")


@dataclass
class InvalidClaim:
    """A claim whose own content is impossible; ``errors`` are Pydantic error dicts."""

    kind: str
    raw: dict[str, Any]
    errors: list[dict[str, Any]]


@dataclass(frozen=True)
class Timex:
    """A temporal claim as TimeML sees it: span, TIMEX3 type and value."""

    start: int
    end: int
    type: str
    value: str


@dataclass
class Extraction:
    article: Article
    sentences: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]
    claims: dict[str, list[Any]] = field(default_factory=dict)
    invalid: list[InvalidClaim] = field(default_factory=list)
    links: Links = field(default_factory=Links)
    # Where a date range's two ends are written: (start, end) of each, keyed by the claim's span.
    range_ends: dict[tuple[int, int], tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=dict)

    def timexes(self) -> list[Timex]:
        """Temporal claims as TIMEX3, in text order; where they overlap, the longest (dates first).
        A range is two TIMEX3, one for each end, as TimeML writes "from 1991 to 1997"."""
        found = []
        for c in self.claims.get("date", []):
            ends = self.range_ends.get((c.start, c.end))
            if ends and c.end_value:
                found += [Timex(*ends[0], c.type, c.value), Timex(*ends[1], c.type, c.end_value)]
            else:
                found.append(Timex(c.start, c.end, c.type, c.value))
        found += [Timex(c.start, c.end, c.type, c.value) for c in self.claims.get("timex", [])]
        found += [Timex(c.start, c.end, "DURATION", c.value) for c in self.claims.get("duration", [])]
        found += [Timex(c.start, c.end, "DATE", c.value) for c in self.claims.get("century", [])]  # "the 20th century": 19
        chosen: list[Timex] = []
        for timex in sorted(found, key=lambda t: (-(t.end - t.start), t.start)):  # longest first, dates first
            if not any(timex.start < c.end and c.start < timex.end for c in chosen):
                chosen.append(timex)
        return sorted(chosen, key=lambda t: t.start)

    def article_claims(self) -> dict[str, Any]:
        return {
            "article": self.article, "sentences": self.sentences, "paragraphs": self.paragraphs,
            "dates": self.claims["date"], "anniversaries": self.claims["anniversary"],
            "elapsed": self.claims["elapsed"], "centuries": self.claims["century"],
            "durations": self.claims["duration"], "figures": self.claims["figure"],
            "names": self.claims["name"], "links": self.links,
        }


class Extractor:
    """Everything needed to extract claims, compiled once from the grammar data."""

    def __init__(self, grammar: Grammar | None = None) -> None:
        self.grammar = g = grammar or default_grammar()
        self.patterns = g.patterns  # context.yaml, compiled
        ctx = g.context
        self.source_patterns = [g.compile(p) for p in ctx["source_patterns"]]
        self.age_markers = [g.compile(p) for p in ctx["age_markers"]]
        self.grace_days = int(ctx["after_publication_grace_days"])
        self.partitive_gap_without_head = int(ctx["partitive_gap_without_head"])
        self.counted_before_reach = int(ctx["counted_before_reach"])
        self.partitive_reach = int(ctx["partitive_reach"])
        self.breakdown_reach = int(ctx["breakdown_reach"])
        self.event_refinements = {event: set(finer) for event, finer in g.lexicon("event_refinements").items()}
        self.max_range_ratio = float(ctx["figure_range_max_ratio"])
        self.max_age = int(ctx["max_age"])
        self.own_frame_words = _word_set_pattern(ctx["own_frame_words"])
        self.past_event_verbs = _word_set_pattern(g.lexicon("past_event_verbs"))
        self.future_cues = _word_set_pattern(g.lexicon("future_cues"))
        # not the end of a compound: "non-fatally" is no "fatally"
        self.event_pattern = _word_set_pattern(list(g.lexicon("events")), after_hyphen=False)
        self.event_follows = re.compile(r"\s+(?:" + g.patterns["adverb_before_event"].pattern + ")?" + self.event_pattern.pattern,
                                        self.event_pattern.flags)
        self.event_of_cue = _normalised_keys(g.lexicon("events"))
        self.prefix_event = _normalised_keys(g.lexicon("event_prefixes"))
        self.generic_event_words = set(g.lexicon("generic_event_words"))
        self.head_stopwords = set(g.lexicon("head_stopwords"))
        self.ing_modifiers = set(g.lexicon("ing_modifiers"))
        self.month_words = set(g.lexicon("months"))
        self.weekday_words = set(g.lexicon("weekdays"))
        self.identifier_prefixes = set(g.lexicon("identifier_prefixes"))
        self.identifier_prefixes_any_case = set(g.lexicon("identifier_prefixes_any_case"))
        self.number_words = set(g.lexicon("units")) | set(g.lexicon("tens")) | set(g.lexicon("scales"))
        # One-word event cues ("killed", "shot"): after a number they are its event, not its head.
        self.event_words = {cue.lower() for cue in g.lexicon("events") if " " not in cue} - set(g.lexicon("event_nouns"))
        self.multiword_event_starts = {cue.lower().split()[0] for cue in g.lexicon("events") if " " in cue}
        self.event_nouns = g.lexicon("event_nouns")
        self.role_heads = g.lexicon("role_heads")
        self.eventless_heads = set(g.lexicon("eventless_heads"))
        self.closing_heads = set(g.lexicon("closing_heads"))
        self.name_starting_stopwords = set(g.lexicon("name_starting_stopwords"))
        self.verb_prefixes = set(g.lexicon("verb_prefixes"))
        self.age_words = set(g.lexicon("age_words"))
        self.composite_heads = set(g.lexicon("composite_heads"))
        self.year_compound_heads = set(g.lexicon("year_compound_heads"))
        self.plural_modifiers = set(g.lexicon("plural_modifiers"))
        self.singular_endings_in_s = tuple(g.lexicon("singular_endings_in_s"))
        self.stative_events = {_normalised(cue) for cue in g.lexicon("stative_events")}
        self.shooting_cues = set(g.lexicon("shooting_events"))
        self.modifier_events = g.lexicon("modifier_events")
        self.modifier_event_pattern = _word_set_pattern(list(self.modifier_events))
        self.head_skip_words = set(g.lexicon("head_skip_words"))
        self.plural_heads = set(g.lexicon("plural_heads"))
        self.emergency_numbers = set(g.lexicon("emergency_numbers"))
        self.emergency_call_heads = set(g.lexicon("emergency_call_heads"))
        self.period_heads = set(g.lexicon("period_heads"))
        self.qualifiers = _normalised_keys(g.lexicon("qualifiers"))
        self.qualifier_words = {word for phrase in self.qualifiers for word in phrase.split()}
        self.qualifiers_after = _normalised_keys(g.lexicon("qualifiers_after"))
        self.fractions = g.lexicon("fraction_denominators")
        self.superset_heads = set(g.lexicon("superset_heads"))
        self.subset_heads = set(g.lexicon("subset_heads"))
        self.currency = g.lexicon("currency_symbols")
        self.currency_heads = set(self.currency.values())
        self.money_heads = self.currency_heads | set(g.lexicon("money_heads"))
        self.unit_heads = _normalised_keys(g.lexicon("unit_heads"))
        self.amount_heads = set(self.unit_heads.values()) | self.currency_heads
        self.equivalent_heads = g.lexicon("equivalent_heads")
        self.ratio_heads = set(g.lexicon("ratio_heads"))
        self.level_heads = set(g.lexicon("level_heads"))
        self.irregular_participles = set(g.lexicon("irregular_participles"))
        self.qualifier_prefix = g.prefixes["figure"]
        self.builders: dict[str, Callable[[RuleMatch, Article], Optional[dict[str, Any]]]] = {
            "date": self._date, "anniversary": self._anniversary, "elapsed": self._elapsed,
            "century": self._century, "duration": self._duration, "timex": self._timex,
            "figure": self._figure, "name": self._name,
        }

    # -- entry point -----------------------------------------------------------------------
    def extract(self, article: Article, kinds: tuple[str, ...] = tuple(KIND_MODELS)) -> Extraction:
        """Claims of the given kinds; with every kind, also the links the consistency checks read."""
        text = article.text
        result = Extraction(article, _text.sentences(text, self.grammar), _text.paragraphs(text, self.grammar))
        blocked = bytearray(len(text))  # characters of temporal claims, which no figure may overlap
        temporal_spans: list[tuple[int, int]] = []
        index = TextIndex(self.grammar, text)  # the rules' pre-filters, worked out once
        for kind in kinds:
            claims, raws = [], []
            pending = self.grammar.find(kind, text, index)
            while pending:
                found = pending.pop(0)
                overlaps_time = kind == "figure" and blocked.find(1, found.start, found.end) != -1
                raw = None if overlaps_time else self.builders[kind](found, article)
                if raw is None:
                    if found.rule.options.get("split_when_rejected"):
                        # "rose 20 to 6.50" is no range, but "20" and "6.50" are still figures; "on
                        # March 23 to 3.33 billion dlrs" is none, but 3.33 billion is one
                        pending[:0] = self.grammar.find(kind, text, index, (found.start, found.end),
                                                        without_option="split_when_rejected")
                    continue
                raw.update(start=raw.get("start", found.start), end=raw.get("end", found.end), rule_id=found.rule.id)
                raw["text"] = text[raw["start"]:raw["end"]]
                raws.append(raw)
            if kind == "figure":
                # codes with digits are no numbers between a whole and its parts ("103 orders for the
                # regional SF340, 80 of which")
                codes = _spans_clear_of(self.patterns["code_token"].finditer(text, raws[0]["start"], raws[-1]["end"]),
                                        raws) if len(raws) > 1 else []
                raws = self._attach_figures(raws, article, _masked(text, temporal_spans + codes))
            if kind == "date":
                raws = self._resolve_anaphora(raws)
            for raw in raws:
                try:
                    claims.append(KIND_MODELS[kind].model_validate(raw))
                except ValidationError as exc:
                    result.invalid.append(InvalidClaim(kind, raw, exc.errors(include_url=False)))
            if kind == "date":
                claims = self._year_ago_quarters(claims, article)
                result.range_ends = {(c.start, c.end): ends for c in claims if c.end_value
                                     for ends in [self._range_ends(c.start, c.end, text)] if ends}
            result.claims[kind] = claims
            if kind in FIGURE_BLOCKERS:
                spans = [(c.start, c.end) for c in claims]
                spans += [(inv.raw["start"], inv.raw["end"]) for inv in result.invalid if inv.kind == kind]
                for first, last in spans:
                    blocked[first:last] = b"\x01" * (last - first)
                temporal_spans += spans
        if set(kinds) == set(KIND_MODELS):
            result.links = self._link(result)
        return result

    # -- builders: named groups -> claim fields ---------------------------------------------
    def _month(self, text: str) -> int:
        return int(text) if text.isdigit() else self.grammar.lexicon("months")[text.lower().rstrip(".")]

    @staticmethod
    def _day(text: str) -> int:
        return int(re.sub(r"\D", "", text))

    def _date(self, m: RuleMatch, article: Article) -> Optional[dict[str, Any]]:
        published = article.published_date
        if m.group("ana_unit"):  # a placeholder until _resolve_anaphora finds the date it refers to
            return {"granularity": "day", "value": published.isoformat(), "year_inferred": True,
                    "anaphor": (_normalised(m.group("ana_rel")), m.group("ana_unit").lower())}
        if m.group("clock") and not any(m.group(name) for name in ("weekday", "month", "day", "deictic")):
            time = self._clock(m)  # a time of day alone: on the day last written, else publication day
            return None if time is None else {"type": "TIME", "granularity": "day", "year_inferred": True,
                                              "value": f"{published.isoformat()}T{time}", "anaphor": ("clock", time)}
        if m.group("century_words") or m.group("millennium_words"):
            return self._spoken_year(m)
        if any(m.group(name) for name in RELATIVE_GROUPS):
            relative = self._relative_date(m, article)
            return None if relative is None else {**relative, "year_inferred": not m.group("year")}
        if m.group("decade"):
            return {"granularity": "decade", "value": m.group("decade")}
        if m.group("decade_word"):  # "the nineties", "the '80s"
            word = _normalised(m.group("decade_word"))
            decades = self.grammar.lexicon("decade_words")
            return {"granularity": "decade", "value": decades[word] if word in decades else "19" + word[1]}
        year = int(m.group("year")) if m.group("year") else None
        month = self._month(m.group("month")) if m.group("month") else None
        day = self._day(m.group("day")) if m.group("day") else None
        if m.group("day_words"):  # "March eighth"
            day = _numbers.parse_ordinal(m.group("day_words").replace(" ", "-"), self.grammar)
            if day is None or day > 31:
                return None
        inferred = year is None and (m.group("year2") is None)
        if m.group("year_rel"):  # "January this year", "June last year"
            year = published.year + self.grammar.lexicon("relative_offsets")[m.group("year_rel").lower()]
        year_from_end = year is None and bool(m.group("year2"))
        if year_from_end:
            year = int(m.group("year2"))
        if year is None:
            year = _resolve_year(published, month or 1, day or 1, "future" if self._told_as_future(m, article) else None)
        value = _timex(year, month, day)
        end_value = None
        if m.group("year2") or m.group("month2") or m.group("day2"):
            year2 = m.group("year2")
            if year2 and len(year2) == 2:
                year2 = str(year)[:2] + year2
            end_value = _timex(int(year2) if year2 else year,
                               self._month(m.group("month2")) if m.group("month2") else month,
                               self._day(m.group("day2")) if m.group("day2") else day)
            if year_from_end and m.group("month2") and end_value < value:
                year -= 1  # "from November 15 to February 15, 1989": the start is in the year before
                value = _timex(year, month, day)
        if end_value and end_value < value:
            if m.rule.options.get("ordered_only"):
                return None
            if m.rule.options.get("reversed_is_a_change") and self.patterns["change_before_range"].search(
                    article.text, max(0, m.start - 100), m.start):
                return None
        granularity = "day" if day else "month" if month else "year"
        clock = self._clock(m) if day and not end_value else None
        if clock:
            return {"type": "TIME", "granularity": granularity, "value": f"{value}T{clock}", "year_inferred": inferred}
        return {"granularity": granularity, "value": value, "end_value": end_value, "year_inferred": inferred}

    def _range_ends(self, start: int, end: int, text: str) -> Optional[tuple[tuple[int, int], tuple[int, int]]]:
        """The spans of a range's two ends: "between 1994 and 1997" -> "1994", "1997"."""
        connector = None
        for connector in self.patterns["range_connector"].finditer(text, start, end):
            pass
        if connector is None:
            return None
        opener = self.patterns["range_opener"].match(text, start, connector.start())
        return (opener.end() if opener else start, connector.start()), (connector.end(), end)

    def _spoken_year(self, m: RuleMatch) -> Optional[dict[str, Any]]:
        """"nineteen ninety-six" -> 1996, "the year two thousand" -> 2000, with a month or season."""
        if m.group("millennium_words"):
            rest = m.group("millennium_year_words")
            year = 2000 + int(_numbers.parse_words(rest, self.grammar) or 0) if rest else 2000
        else:
            rest = m.group("year_words")
            tail = 0 if rest.lower() == "hundred" else _numbers.parse_words(rest, self.grammar)
            if tail is None:
                return None
            year = int(_numbers.parse_words(m.group("century_words"), self.grammar)) * 100 + int(tail)
        if m.group("season"):
            return {"granularity": "season", "value": f"{year:04d}-{self.grammar.lexicon('seasons')[m.group('season').lower()]['code']}"}
        if m.group("month"):
            return {"granularity": "month", "value": f"{year:04d}-{self._month(m.group('month')):02d}"}
        return {"granularity": "year", "value": f"{year:04d}"}

    def _told_as_future(self, m: RuleMatch, article: Article) -> bool:
        """Whether the clause of a date without a year tells the future: the nearest tense cue
        before it in its sentence decides, else the first after it."""
        text = article.text
        start, end = _text.clause_window(text, m.start, m.end, self.grammar, self.grammar.context["tense_window"])
        nearest = None
        for nearest in self.patterns["tense_cues"].finditer(text, start, m.start):
            pass
        if nearest is None:
            nearest = self.patterns["tense_cues"].search(text, m.end, end)
        return nearest is not None and nearest.group("future") is not None

    def _year_ago_quarters(self, dates: list[DateClaim], article: Article) -> list[DateClaim]:
        """In an earnings story, "a year earlier" is the reported quarter a year before: after a
        quarter has been named, a one-year-back date becomes that quarter of the previous year, until
        a reported period that is no quarter is named ("For the nine months, ... a year earlier")."""
        year_back = f"{article.published_date.year - 1:04d}"
        quarter = None
        for index, date in enumerate(dates):
            if date.granularity == "quarter":
                if not (quarter is not None and date.value[:4] < f"{article.published_date.year:04d}"
                        and _a_year_before(date.value, quarter.value)):
                    quarter = date  # "the year-ago third quarter" is the comparison, not the reported quarter
                continue
            if quarter is not None and self.patterns["reported_period_not_quarter"].search(
                    article.text, quarter.end, date.start):
                quarter = None
            if quarter is None:
                continue
            how = self.grammar.rule(date.rule_id).options.get("reported_quarter")
            year, q = quarter.value.split("-")
            if how == "own_year" and date.granularity == "year":
                value = f"{date.value}-{q}"
            elif how == "year_before" and date.value == year_back:
                value = f"{int(year) - 1:04d}-{q}"
            else:
                continue
            dates[index] = DateClaim.model_validate(
                {**date.model_dump(exclude={"first_day", "last_day"}), "granularity": "quarter", "value": value})
        return dates

    def _relative_date(self, m: RuleMatch, article: Article) -> Optional[dict[str, Any]]:
        """Dates written relative to publication: weekdays, today, last week, the third quarter, a year ago."""
        published, lex = article.published_date, self.grammar.lexicon
        if m.group("weekend"):
            saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
            year, week, _ = saturday.isocalendar()
            return {"granularity": "week", "value": f"{year:04d}-W{week:02d}-WE"}
        day = None
        if m.group("holiday"):
            day = self._holiday(m, article)
        elif m.group("weekday"):
            weekday = lex("weekdays")[m.group("weekday").lower()]
            rel = _normalised(m.group("rel") or "")
            if rel == "last":
                day = published - dt.timedelta(days=(published.weekday() - weekday) % 7 or 7)
            elif rel == "next":
                day = published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
            elif self._told_as_future(m, article):
                day = published + dt.timedelta(days=(weekday - published.weekday()) % 7)  # its own weekday: that day
            else:
                day = published - dt.timedelta(days=(published.weekday() - weekday) % 7)
        elif m.group("deictic"):
            day = published + dt.timedelta(days=lex("deictic_days")[_normalised(m.group("deictic"))])
        elif m.group("this_part"):
            day = published
        if day is not None:
            part = m.group("part_of_day") or m.group("this_part") or (
                "night" if (m.group("deictic") or "").lower().endswith("night") else None)  # tonight, last night
            clock = self._clock(m)
            if clock or part:
                time = clock or lex("parts_of_day")[part.lower()]
                return {"type": "TIME", "granularity": "day", "value": f"{day.isoformat()}T{time}"}
            return {"granularity": "day", "value": day.isoformat()}
        if m.group("season"):
            season = lex("seasons")[m.group("season").lower()]
            year = int(m.group("year")) if m.group("year") else _season_year(
                published, season["month"], lex("relative_offsets")[_normalised(m.group("rel"))])
            return {"granularity": "season", "value": f"{year:04d}-{season['code']}"}
        if m.group("rel") and m.group("unit"):
            if _title_case(m.group("unit")):
                return None  # ABC's "This Week": a programme's name
            return _shifted(published, m.group("unit").lower(), lex("relative_offsets")[_normalised(m.group("rel"))])
        if m.group("period") and not m.group("quarter"):  # "the 1988 quarter": the number comes from context
            return {"granularity": "year", "value": m.group("year")}
        if m.group("quarter"):
            quarter = lex("quarter_ordinals")[m.group("quarter").lower()]
            if m.group("rel"):  # "next year's first quarter"
                return {"granularity": "quarter", "value": f"{published.year + lex('relative_offsets')[m.group('rel').lower()]:04d}-Q{quarter}"}
            year = int(m.group("year")) if m.group("year") else (
                published.year if quarter <= (published.month - 1) // 3 + 1 else published.year - 1)
            return {"granularity": "quarter", "value": f"{year:04d}-Q{quarter}"}
        if m.group("rel_quarter"):
            return _shifted(published, "quarter", lex("relative_quarters")[_normalised(m.group("rel_quarter"))])
        if m.group("ago_unit"):
            n = _numbers.parse_count(m.group("ago_n") or "1", self.grammar)
            if n is None or not float(n).is_integer():
                return None
            sign = 1 if m.group("ago_dir").lower() == "later" else -1
            unit = _singular(m.group("ago_unit").lower())
            if n > MAX_AGO.get(unit, 0):
                return None  # "4,000 years ago" is history, not a calendar date
            return _shifted(published, unit, sign * int(n))
        if m.group("month_only"):
            month = lex("months")[m.group("month_only").lower()]
            rel = (m.group("rel") or "").lower()
            if rel == "this":
                year = published.year
            else:
                tense = "future" if rel == "next" or (not rel and self._told_as_future(m, article)) else "past" if rel == "last" else None
                # "is to expire at the end of November", written in November: this month is ahead too
                year = published.year if tense == "future" and not rel and month == published.month else _resolve_year(
                    published, month, 1, tense)
            return {"granularity": "month", "value": f"{year:04d}-{month:02d}"}
        return None

    def _resolve_anaphora(self, raws: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """ "the following year", "that day": the nearest date written before it, moved by the
        offset; with no such date of a fine enough unit, the expression is dropped."""
        lex = self.grammar.lexicon
        resolved, reference = [], None
        for raw in sorted(raws, key=lambda r: r["start"]):
            if "anaphor" not in raw:
                resolved.append(raw)
                if raw["granularity"] in ("day", "month", "year"):
                    reference = raw
                continue
            rel, unit = raw.pop("anaphor")
            try:  # "February 30": an impossible date is reported, not reasoned from
                point = dt.date.fromisoformat(_timex_start(reference["value"])) if reference else None
            except ValueError:
                point = None
            if rel == "clock":  # a time of day: the last day written, or publication day as built
                if point is not None and reference["granularity"] == "day":
                    raw["value"] = f"{point.isoformat()}T{unit}"
                resolved.append(raw)
                continue
            part = lex("parts_of_day").get(unit)
            unit = "day" if part else unit
            if point is None or GRANULARITY_ORDER.index(reference["granularity"]) > GRANULARITY_ORDER.index(unit):
                continue
            shifted = _shifted(point, unit, lex("anaphoric_offsets")[rel])
            if part:
                shifted = {"type": "TIME", "granularity": "day", "value": f"{shifted['value']}T{part}"}
            resolved.append({**raw, **shifted})
        return resolved

    def _clock(self, m: RuleMatch) -> Optional[str]:
        """The TIMEX3 time of a clock time before a day: "10 p.m." -> "22:00", "noon" -> "12:00"."""
        parts = self.patterns["clock_parts"].match(m.group("clock") or "")
        if parts is None:
            return None
        if parts.group("word"):
            return "24:00" if parts.group("word").lower() == "midnight" else "12:00"
        hour = int(parts.group("hour")) % 12 + (12 if parts.group("half").lower() == "p" else 0)
        return f"{hour:02d}:{parts.group('minute') or '00'}"

    def _holiday(self, m: RuleMatch, article: Article) -> dt.date:
        """The holiday's date in the year that "last", "next" or the tense of its clause points to."""
        published, spec = article.published_date, self.grammar.lexicon("holidays")[_normalised(m.group("holiday"))]
        days = [_holiday_date(spec, year, self.grammar.lexicon("weekdays")) for year in range(published.year - 1, published.year + 2)]
        rel = (m.group("rel") or "").lower()
        if rel == "last":
            return max(d for d in days if d < published)
        if rel == "next":
            return min(d for d in days if d > published)
        if rel == "this":
            return days[1]
        if self._told_as_future(m, article):
            return min(d for d in days if d >= published)
        return max(d for d in days if (d - published).days <= 60)

    def _timex(self, m: RuleMatch, article: Article) -> Optional[dict[str, Any]]:
        lex = self.grammar.lexicon
        if "value" in m.rule.options:  # a rule whose every match means one thing
            return {"type": m.rule.options.get("type", "DATE"), "value": m.rule.options["value"]}
        if m.group("ref"):
            return {"type": "DATE", "value": lex("reference_words")[_normalised(m.group("ref"))]}
        if m.group("set"):
            return {"type": "SET", "value": lex("set_words")[_normalised(m.group("set"))]}
        if m.group("every_month"):
            return {"type": "SET", "value": f"XXXX-{lex('months')[m.group('every_month').lower()]:02d}"}
        if m.group("every_weekday") or m.group("plural_weekday"):
            weekday = lex("weekdays")[(m.group("every_weekday") or m.group("plural_weekday")).lower()]
            return {"type": "SET", "value": f"XXXX-WXX-{weekday + 1}"}
        if _title_case(m.group("unit")):
            return None  # CBS's "60 Minutes": a programme's name, not a duration
        unit = lex("time_units")[_singular(m.group("unit").lower())]
        before = self.grammar.prefixes["timex"].search(article.text, max(0, m.start - 30), m.start)
        start = before.start() if before and before.start() < m.start else m.start
        if m.group("vague_n") is not None:  # "several years", "for weeks": an unknown number of units
            return {"start": start, "type": "DURATION", "value": f"{'PTX' if unit.get('time') else 'PX'}{unit['timex']}"}
        n = _numbers.parse_count(m.group("n"), self.grammar)
        if not n:
            return None
        if unit["timex"] == "DE":
            return {"start": start, "type": "DURATION", "value": f"P{n * 10:g}Y"}
        value = f"{'PT' if unit.get('time') else 'P'}{n:g}{unit['timex']}"
        if m.group("half") or m.group("half_after"):
            if "half" not in unit:
                return None  # "2 1/2 weeks": no whole unit below to write the half in
            value += unit["half"]
        return {"start": start, "type": "DURATION", "value": value}

    def _event(self, m: RuleMatch) -> dict[str, Any]:
        span = m.span_of("event")
        if span is None:
            return {}
        return {"event_text": m.group("event"), "event_start": span[0], "event_end": span[1]}

    def _anniversary(self, m: RuleMatch, article: Article) -> Optional[dict[str, Any]]:
        if m.group("anniversary_word"):
            ordinal = self.grammar.lexicon("anniversary_words")[_normalised(m.group("anniversary_word"))]
        else:
            ordinal = _numbers.parse_ordinal(m.group("ordinal") or m.group("ordinal_word"), self.grammar)
        if ordinal is None:
            return None
        return {"ordinal": ordinal, "implied_event_year": article.published_date.year - ordinal, **self._event(m)}

    def _elapsed(self, m: RuleMatch, article: Article) -> Optional[dict[str, Any]]:
        n = _numbers.parse_number(m.group("n"), self.grammar)
        if n is None:
            return None
        unit = "decade" if m.group("unit").lower().startswith("decade") else "year"
        years = n * (10 if unit == "decade" else 1)
        anchor = m.rule.options["anchor"]
        anchor_year = int(m.group("since_year") or m.group("after_year") or 0) or None
        implied = (anchor_year + years) if anchor == "after" else (article.published_date.year - years)
        event = self._event(m)
        period = bool(self.patterns["elapsed_period_prefix"].search(article.text, max(0, m.start - 40), m.start))
        return {"n": n, "unit": unit, "anchor": anchor, "anchor_year": anchor_year, "period": period,
                "event_text": event.get("event_text"), "implied_year": int(implied)}

    def _century(self, m: RuleMatch, article: Article) -> Optional[dict[str, Any]]:
        century = _numbers.parse_ordinal(m.group("ordinal"), self.grammar)
        if century is None:
            return None
        return {"century": century, "value": str(century - 1)}

    def _duration(self, m: RuleMatch, article: Article) -> Optional[dict[str, Any]]:
        n = _numbers.parse_number(m.group("n"), self.grammar)
        if not n:
            return None
        unit = _singular(m.group("unit").lower())
        letter = self.grammar.lexicon("time_units")[unit]["timex"]
        noun = m.group("noun")
        return {"n": n, "unit": unit, "value": f"P{n:g}{letter}", "noun": noun.strip() if noun else None}

    def _name(self, m: RuleMatch, article: Article) -> Optional[dict[str, Any]]:
        titles = set(self.grammar.lexicon("titles"))
        not_name = set(self.grammar.lexicon("not_name_words"))
        start = m.span_of("name")[0]
        words = [(w.start() + start, w.end() + start, w.group()) for w in re.finditer(r"\S+", m.group("name"))]
        title = m.group("title")
        while words and words[0][2].lower() in titles:  # "Senator Mushahid ..." after a role
            title = words[0][2]
            words = words[1:]
        for index, (_, _, word) in enumerate(words):
            if word.lower() in not_name or word.lower() in titles:
                words = words[:index]
                break
        if len(words) < 2:
            return None
        return {"start": words[0][0], "end": words[-1][1], "name": " ".join(w for _, _, w in words),
                "title": title, "role": m.group("role")}

    def _figure(self, m: RuleMatch, article: Article) -> Optional[dict[str, Any]]:
        text = article.text
        qualifier, start, end = "exact", m.start, m.end
        prefix = self.qualifier_prefix.search(text, max(0, m.start - 40), m.start)
        if prefix:
            qualifier = self.qualifiers[_normalised(prefix.group("qualifier"))]
            start = prefix.start()
        after = self.patterns["qualifier_after"].match(text, m.end)
        if after and not m.group("number_max"):
            qualifier, end = self.qualifiers_after[_normalised(after.group("qualifier"))], after.end()
        stated_max: Optional[float] = None
        share = m.rule.options.get("share", False)
        if m.group("vague"):
            words = "share_words" if share else "fraction_phrases" if m.rule.options.get("fraction") else "vague_quantities"
            low, high = self.grammar.lexicon(words)[_normalised(m.group("vague"))]
            stated, stated_max = float(low), (float(high) if high != low else None)
            if m.group("scale"):  # "a quarter of a billion"
                scale = self.grammar.lexicon("scales")[m.group("scale").lower()]
                stated, stated_max = stated * scale, (stated_max * scale if stated_max else None)
            # "more than hundreds of" keeps the vague range's bounds
            value, value_max = (stated, stated_max) if stated_max else _numbers.bounds(stated, qualifier)
            qualifier = "vague" if stated_max else qualifier
        else:
            number_text = m.group("number") or m.group("words")
            number = _numbers.parse_number(number_text, self.grammar)
            if number is None:
                return None
            if m.group("denominator"):
                number = round(number / self.fractions[m.group("denominator").lower()], 4)
            scales = self.grammar.lexicon("scales")
            scale = m.group("scale") or m.group("scale_max")  # "three to four billion": one scale for both
            number = round(number * scales[scale.lower()], 4) if scale else number
            quote = m.group("number_max") and self.patterns["quote_range"].fullmatch(
                text, m.span_of("number")[0], m.span_of("number_max")[1])
            if quote and len(quote["decimals"]) == len(quote["rest"]) and int(quote["rest"]) > int(quote["decimals"]):
                pass  # "1.1752-1754 dollars": a bid and offer, whose value is the bid
            elif m.group("number_max"):
                high = _numbers.parse_number(m.group("number_max"), self.grammar)
                high_scale = m.group("scale_max") or m.group("scale")
                high = round(high * scales[high_scale.lower()], 4) if high_scale else high
                if not number < high <= self.max_range_ratio * number:
                    return None  # "9-5" is a score, "1.84 to 12,107.39" a change, not a range
                if self.patterns["figure_change_before"].search(text, max(0, m.start - 30), m.start) \
                        and not self.patterns["range_of_change_before"].search(text, max(0, m.start - 10), m.start):
                    return None  # "rose 5 to 10": from one value to another
                stated_max = high
            if self._is_not_a_count(m, number_text, text):
                return None
            stated = number
            value, value_max = _numbers.bounds(number, qualifier)
            if stated_max is not None:
                value_max = _numbers.bounds(stated_max, qualifier)[1]
        quote_rest = self.patterns["quote_rest"].match(text, end)  # "1.8270/80 marks": the head follows the quote
        of_the = self.patterns["head_of_the_after"].match(text, end)
        # "two of Major Criniti's officers": the name is the owner, not the head, which follows it
        owned = bool(of_the and of_the.group("owner"))
        head_span, head = (None, None) if share or owned else self._head(quote_rest.end() if quote_rest else end, text)
        if head is None and (m.group("words") or m.group("number")) and not m.group("currency") and of_the:
            head = self._head(of_the.end(), text)[1]  # the phrase stays after the number: "five mln of those units" is still a part
            nominal = head is None and self.patterns["nominal_event_head"].match(text, of_the.end())
            head = nominal.group("word") if nominal else head  # "Two of the injured"
        if head is None and self.patterns["shots_fired_before"].search(text, max(0, start - 30), start):
            shots = self.patterns["shot_noun_after"].match(text, end)
            head = shots.group("word") if shots else head  # "fired one shot, which struck the floor"
        if of_the and head is not None and not m.rule.options.get("fraction") and not head[0].isupper() \
                and head.lower() not in self.event_words and not self._plural_noun(head.lower()):
            head = None  # "only two of these lie outside": a verb, no head
        head_of_the = bool(of_the) and head is not None  # "Two of the men": the men may have been counted before
        unit_before = self.patterns["word_before_number"].search(text, max(0, m.start - 12), m.start)
        if head is None and unit_before and unit_before["word"].lower() in self.unit_heads:
            head = self.unit_heads[unit_before["word"].lower()]  # "a ransom of dlrs 1 million"
        if m.group("currency") or m.group("currency_max"):
            head = self.currency.get(m.group("currency") or m.group("currency_max"), head)
        if m.group("percent") or m.group("percent_max"):
            head = "percent"
        if head is None and m.rule.options.get("requires_head") and not (
                self.patterns["part_of_whole"].match(text, end) or self.event_follows.match(text, end)
                or self.patterns["more_then_event_after"].match(text, end)  # "three men dead and three more wounded"
                or (stated != 1 and self.patterns["bare_verb_after"].match(text, end))  # "The three escaped the store"
                or self.patterns["event_count_to_before"].search(text, max(0, start - 90), start)  # "the number ... killed to nine"
                or self.patterns["count_named_after"].match(text, end)  # "brought to nine the number of people"
                or self.patterns["whole_after_part_before"].search(text, max(0, start - 20), start)  # "nine out of ten"
                or self.patterns["event_prefix"].search(text, max(0, start - 40), start)  # "wounded two more"
                or (stated != 1 and self.patterns["partitive_cue_before"].search(text, max(0, start - 30), start)
                    and not self.patterns["coordinated_number_after"].match(text, end))):
            return None  # a number word counts something named ("one of two suspects", "two injured",
            # "nine robberies -- including five in the French Quarter")
        if stated == 1 and m.group("words") and (self.patterns["one_of_them"].match(text, end)
                                                 or self.patterns["the_before"].search(text, max(0, start - 5), start)):
            return None  # "one of the first", "one of them", "the one used by": a pronoun, not a count
        if head and head.lower() in self.period_heads:
            return None  # "Two hours later", "about five minutes later": a stretch of time, not a count
        if head is None and self.patterns["period_whole_after"].match(text, end):
            return None  # "10 of the last 16 years"
        if head is None and m.group("words") and self.patterns["month_before"].search(text, max(0, start - 12), start):
            return None  # "the five weeks ended April five totaled": a day written in words
        if self.patterns["period_modifier_after"].match(text, end):
            return None  # "a 3-1/2 month trading range"
        digits = m.group("number") if not (m.group("currency") or m.group("scale") or m.group("percent")) else None
        if digits and self.patterns["bare_year"].fullmatch(digits) and (
                head is None or head[0].isupper() or head.lower() in self.year_compound_heads):
            return None  # a year we did not date, or a model ("an 1861 Tower Enfield", "1988-model cars")
        if digits and self._is_a_name(digits, head, m, text):
            return None
        if digits and (head is None or head[0].isupper()) and ((digits.isdigit() and len(digits) >= 5) or stated == 0):
            return None  # a long run of digits with nothing counted is a code ("text 274637")
        return {"start": start, "end": end, "stated": stated, "stated_max": stated_max, "value": value,
                "value_max": value_max, "approximate": qualifier != "exact", "qualifier": qualifier, "head": head,
                "_head_end": head_span[1] if head_span else end, "_scaled": bool(m.group("scale")), "_share": share,
                "_fraction": m.rule.options.get("fraction", False), "_head_of_the": head_of_the}

    def _is_a_name(self, digits: str, head: Optional[str], m: RuleMatch, text: str) -> bool:
        """Names with numbers: "Intel's 80486 chip", "The 486 is", "Lotus Symphony 1.2", "Local 6 News", "at 4408 Suncrest"."""
        if head is not None and head.lower() in self.amount_heads:
            return False
        if digits in self.emergency_numbers and (not (head and (head.lower().endswith("s") or head.lower() in self.plural_heads))
                                                 or head.lower() in self.emergency_call_heads):
            return True  # "interfering with 911 emergency communication", "received 911 calls"
        before = text[max(0, m.start - 30):m.start]
        word = self.patterns["word_before_number"].search(before)
        if word and head is None and len(word["word"]) >= 3 and word["word"].isupper():
            return True  # "NSDD 266", "WCBS 880": an acronym's number
        if word and word["word"][0].isupper() and word["word"].lower() not in self.head_stopwords \
                and word["word"].lower() not in self.qualifier_words \
                and not self.patterns["sentence_start_before"].search(before[:word.start()]):
            if head and head[0].isupper():
                return True  # "Local 6 News"
            if head and digits != "1" and not (head.lower().endswith("s") or head.lower() in self.plural_heads):
                return True  # "the News 3 app": more than one of a singular noun is a name
        if digits.isdigit() and len(digits) >= 3 and "," not in digits and self.patterns["house_number_before"].search(
                before) and self.patterns["house_number_after"].match(text, m.end):
            return True
        if head is None and "," not in digits and self.patterns["the_name_before_number"].search(text, max(0, m.start - 30), m.start):
            return True  # "the Soyuz 36", "the Fortune 500"; not "in the Netherlands 6,000"
        if digits.isdigit() and len(digits) >= 3 and self.patterns["name_before_model"].search(
                text, max(0, m.start - 30), m.start) and (head or "").lower() not in self.level_heads \
                and not self.patterns["compound_head"].match(text, m.end):  # "the 165-seat assembly" counts
            if head is None:
                return bool(self.patterns["singular_verb_after"].match(text, m.end))
            # "the 105 Lebanese killed": a people named in -ese is plural too
            return not (head.lower().endswith(("s", "ese")) or head.lower() in self.plural_heads)
        # "Lotus Symphony 1.2"; not a row of a table ("Japan 445.8 484.1 72.3"), where more numbers follow
        return head is None and bool(self.patterns["version_number"].fullmatch(digits)) \
            and bool(self.patterns["name_before_number"].search(text, max(0, m.start - 30), m.start)) \
            and not self.patterns["table_row_after"].match(text, m.end)

    def _is_not_a_count(self, m: RuleMatch, number_text: str, text: str) -> bool:
        before = text[max(0, m.start - 30):m.start]
        previous = self.patterns["word_before_number"].search(before)
        if previous and ((previous["word"].lower() in self.identifier_prefixes and previous["word"][0].isupper())
                         or previous["word"].lower() in self.identifier_prefixes_any_case):
            return True  # "Flight 103", "Resolution 242", "number two corn"
        if self.patterns["named_group_before"].search(before):
            return True  # "the Group of Eight"
        listed = self.patterns["identifier_list_before"].search(before)
        if listed and listed["word"][0].isupper() and listed["word"].lower() in self.identifier_prefixes \
                and not (m.group("percent") or m.group("currency") or m.group("scale")):
            return True  # "Boeing 767, 757 and 747"
        if (m.group("number_max") and (self.patterns["score_before"].search(before) or self.patterns["score_after"].match(text, m.end))) \
                or self.patterns["tiebreak_before"].search(before):
            return True  # "6-3, 2-6, 7-6(4)": scores of sets
        if number_text.isdigit() and int(number_text) <= 31 and self.patterns["day_list_before"].search(before):
            return True  # "on June 18 and 19": a day of the month
        near = text[max(0, m.start - 12):m.end + 8]
        if "/" in near or "Image" in near or "(" in near:  # a gallery counter has a slash, "Image" or a bracket near its numbers
            for counter in self.patterns["gallery_counter"].finditer(text, max(0, m.start - 20), min(len(text), m.end + 30)):
                if counter.start() <= m.start and m.end <= counter.end():
                    return True  # "Image 1 of / 13", "1 / 13 Back to Gallery"
        if m.group("currency") != "#" and self.patterns["markup_token"].fullmatch(_token_around(text, m.start, m.end)):
            return True  # inside a URL, a file name or markup ("!1m5!3m3", "width=640", "x.jpg")
        after = text[m.end:m.end + 60]
        if self.patterns["address_after"].match(after):
            return True
        if self.patterns["list_marker_after"].match(text, m.end) and \
                self.patterns["list_marker_before"].search(text, max(0, m.start - 1), m.start) and \
                not self.patterns["open_bracket_before"].search(text, max(0, m.start - 60), m.start):
            return True  # "2) double shooting in Marrero"
        if self.patterns["age_prefixes"].search(before) and not (
                self.patterns["compound_head"].match(text, m.end) and not any(marker.match(after) for marker in self.age_markers)):
            return True  # "aged 45", "ages six and seven", "aged between five and 15"; not "in his 24-member government"
        if m.group("scale") or m.group("currency") or m.group("percent"):
            return False  # "Japan, 3.1 billion," is no age
        if m.group("number_max"):
            return any(marker.match(after) for marker in self.age_markers)  # "a male, 25-30 years old"
        if self.patterns["age_pair_after"].match(text, m.end) or self.patterns["period_pair_after"].match(text, m.end):
            return True
        if self.patterns["age_at_before"].search(before) and self.patterns["age_at_after"].match(text, m.end):
            return True  # "At 34, Mack was the oldest"
        if self.patterns["age_turned_before"].search(before) and self.patterns["age_turned_after"].match(text, m.end):
            return True
        if number_text.isdigit() and int(number_text) <= self.max_age and self.patterns["age_apposition_before"].search(before) \
                and self.patterns["age_apposition_after"].match(after):
            return True  # an age in apposition; "South Africa 350,000," is a count
        return any(marker.match(after) for marker in self.age_markers)

    def _people_name(self, word: re.Match[str], text: str) -> bool:
        """A capitalised plural that names people ("100 dead Iraqis for", "captured GIs-including"): not
        a day or month ("Sundays"), nor a headline's next sentence ("one wounded Shots fired")."""
        written = word.group("word")
        singular = written[:-1].lower()
        if not written.endswith("s") or singular in self.month_words or singular in self.weekday_words:
            return False
        after = self.patterns["head_word"].match(text, word.end())
        return not (after and after.group("word").islower() and after.group("word").endswith("ed"))

    def _head(self, position: int, text: str) -> tuple[Optional[tuple[int, int]], Optional[str]]:
        """The noun a figure counts: a unit ("pct", "dlrs"), or the last word of the short run of words after it."""
        compound = self.patterns["compound_head"].match(text, position)
        if compound:  # "a 62-member team", "60-kilo bags", "a one-man spree"; "one-for-one" counts nothing
            word = compound.group("word")
            two_words = self.patterns["compound_second_word"].match(text, compound.end())
            unit = two_words and self.unit_heads.get(_normalised(f"{word} {two_words.group('word')}"))
            if unit:
                return (compound.start("word"), two_words.end("word")), unit  # "a 10-percentage-point lead"
            if word in self.unit_heads:
                return compound.span("word"), self.unit_heads[word]  # "a 26.1-percent rise"
            if word in self.head_stopwords:
                return None, None
            return compound.span("word"), word
        bracketed_unit = self.patterns["bracketed_unit"].match(text, position)
        if bracketed_unit:  # "above 142 (yen)"
            return bracketed_unit.span("unit"), self.unit_heads[_normalised(bracketed_unit.group("unit"))]
        aside = self.patterns["head_aside"].match(text, position)
        if aside:  # "about 275,000 (60-kilo) bags"
            position = aside.end()
        collected: Optional[tuple[int, int]] = None
        skip = self.head_skip_words
        for count in range(5):
            unit = self.patterns["unit_word"].match(text, position)
            if unit and not self.patterns["unit_in_name"].match(text, unit.start("unit")):
                return unit.span("unit"), self.unit_heads[_normalised(unit.group("unit"))]
            age_group = self.patterns["age_group_head"].match(text, position)
            if age_group and collected is None:
                return age_group.span("word"), age_group.group("word")
            word = self.patterns["head_word"].match(text, position)
            if not word:
                break
            lowered = word.group("word").lower()
            if collected and lowered in self.multiword_event_starts and self.event_follows.match(text, position):
                break  # "five young men lose their lives": an event of several words ends the head
            if count == 0 and lowered == "the":
                break  # "brought to 17 the total number of Egyptians infected": what it counts is named after
            if (lowered in skip and collected is None and count < 2) or (lowered.endswith("ly") and len(lowered) > 4):
                position = word.end()  # "four more acceptances", "20 million fully diluted shares"
                continue
            if collected is None and lowered.endswith(("’s", "'s")) and (
                    word.group("word")[0].isupper() or self.patterns["the_before"].search(text, max(0, word.start() - 5), word.start("word"))):
                position = word.end()  # "3,027,330 Rally's shares", "a third of the world's production": the owner, then the head
                continue
            written = word.group("word")
            after_word = self.patterns["head_word"].match(text, word.end())
            following_word = after_word.group("word") if after_word else ""
            participle = lowered in self.irregular_participles or lowered.endswith("ed")
            if participle and collected is None and following_word.lower() in self.event_words:
                break  # "scores more reported missing", "two found dead": a verb and its event, no head
            if collected is None and lowered.endswith(("ing", "ed")) and lowered not in self.ing_modifiers \
                    and (not following_word or following_word.lower() in self.head_stopwords):
                break  # "430 stocks rising, 545 falling and 314 unchanged", "96 missing following the mudflow"
            if participle and collected is None and following_word and not self.event_follows.match(text, position) \
                    and following_word.lower() not in self.head_stopwords and following_word.lower() not in self.event_words:
                # right after the number, a participle describes the head: "two stolen handguns", "three
                # purported masked robbers"
                position = word.end()
                continue
            if lowered in self.role_heads and (collected is None or text[collected[0]].isupper()):
                collected = word.span("word")  # "410,000 DRC refugees", "one hostage": the role is the head
                break
            if collected is None and lowered in self.modifier_events and following_word \
                    and following_word.lower() not in self.head_stopwords and (
                        following_word[0].islower() or written[0].isupper() or self._people_name(after_word, text)):
                # "the first two murdered prostitutes", "almost 100 dead Iraqis": the event describes the head
                position = word.end()
                continue
            if lowered in self.irregular_participles and collected:
                break  # "two letters written by Farris"
            # "107 US soldiers": an abbreviation is no stopword ("us"); "5 IN CUSTODY" is a headline in capitals
            abbreviation = len(written) > 1 and written.isalpha() and written.isupper() \
                and bool(following_word) and not following_word.isupper()
            if len(written) == 1 and written.isupper() and collected and text[collected[0]].isupper():
                position = word.end()  # "four Class A common stock warrants": a letter in a name, no article
                continue
            in_name = following_word[:1].isupper() and lowered in self.name_starting_stopwords  # "South Koreans", "east London"
            if (lowered in self.head_stopwords and not abbreviation and not in_name) or lowered in self.number_words \
                    or lowered.endswith(("’s", "'s")):
                break  # not "about one mln South Koreans": a name
            if collected and self.patterns["than_after"].match(text, word.end()):
                break  # "four directors other than Cohen"
            if lowered.endswith(("s’", "s'")):  # "the three countries' transport ministries"
                collected = (word.start("word"), word.end("word") - 1)
                break
            if collected and lowered in self.modifier_events and following_word:
                position = word.end()  # "two male shooting victims": a modifier telling the event, then the head
                continue
            compound_adjective = "-" in lowered and lowered.split("-")[0] not in self.verb_prefixes  # not "re-flagged"
            if collected and text[collected[0]].isupper() and lowered.endswith("ed") and lowered not in self.event_words \
                    and following_word.islower() and self._plural_noun(following_word):
                position = word.end()  # "ten Israeli armored vehicles": a participle between a name and the head
                continue
            if lowered in self.event_words or (collected and lowered.endswith(("ed", "ing")) and lowered not in self.ing_modifiers
                                               and not compound_adjective):
                break  # "2 shot and killed", "three people died"; not "233 cluster polling stations", "largest state-owned banks"
            if collected is None and lowered.endswith("ed") and self.patterns["participle_verb_after"].match(text, word.end()):
                break  # "3,717 billion issued by Istat"
            if collected and written[0].isupper() and text[collected[0]].islower() \
                    and text[collected[1] - 1] == "s":
                break  # "28,000 systems Sun shipped": a capitalised word after a noun starts a new phrase
            if collected and self._plural_noun(text[collected[0]:collected[1]]) and written[0].islower() \
                    and not lowered.endswith("s") and lowered not in self.plural_heads:
                break  # "the 100 or so tigers survive": after a plural noun, a singular word is its verb
            number_follows = self.patterns["label_then_number"].match(text, word.end())
            if number_follows and written[0].isupper() and lowered in self.month_words:
                if collected and text[collected[0]].isupper():
                    collected = None  # a table's label before a date ("Payable April one Record March 20")
                break  # a date starts: "six portfolios effective April 20"
            if number_follows and collected and lowered in self.age_words:
                break  # "44,630 men age 65 to 80": the age follows the head
            if number_follows and collected and self._plural_noun(text[collected[0]:collected[1]]) and written[0].islower():
                break  # "the two cars reaches 100,000 vehicles": a verb after the head, no table's label
            if number_follows and not self.patterns["distance_after"].match(text, word.end()):
                # Words before the next number label it, in a table ("Net 4,346,000 vs 4,202,000 Revs
                # 232,006,000", "11.1 mln Avg shrs 11.6 mln"): none of them is this figure's head.
                collected = None
                break
            collected = word.span("word")
            position = word.end()
            skip = set()
            if lowered in self.closing_heads:
                break  # "56 others underground"
        return collected, (text[collected[0]:collected[1]] if collected else None)

    def _plural_noun(self, word: str) -> bool:
        """ "tigers", not "class", "various", "bus" nor a plural that modifies ("sales volume")."""
        return word.islower() and (word in self.plural_heads or (
            word.endswith("s") and not word.endswith(self.singular_endings_in_s) and word not in self.plural_modifiers))

    def _attach_figures(self, raws: list[dict[str, Any]], article: Article, masked: str) -> list[dict[str, Any]]:
        """Ids, shared heads, parts and events, which need the figure's neighbours. Parts are linked
        on ``masked``, the text with its dates and times blanked, so that "Four people were wounded
        Monday, February 3rd, two of whom ..." reads as one clause with no number between."""
        text = article.text
        for raw in raws:
            raw["figure_id"] = hashlib.sha256(
                f"{article.article_id}:{raw['start']}:{raw['end']}".encode()).hexdigest()[:12]
        self._link_neighbours(raws, masked)
        self._link_n_of_m(raws, masked)
        self._link_to_counted_before(raws, masked)
        self._link_listed_parts(raws, text, masked)
        self._link_fronted_parts(raws, masked)
        self._link_apposed_parts(raws, masked)
        self._link_among(raws, masked)
        self._link_breakdowns(raws, masked)
        self._read_table(raws, text)
        self._attach_events(raws, text)
        for raw in raws:
            for private in ("_head_end", "_head_of_the", "_event_before", "_verb_is_parts", "_event_in_relative_clause", "_clause_from",
                            "_clause_until", "_scaled", "_share", "_fraction"):
                raw.pop(private, None)
        return raws

    def _link_neighbours(self, raws: list[dict[str, Any]], text: str) -> None:
        """A figure compared with the one before it shares its head; "eight of them" is a part of it."""
        for index, (before, raw) in enumerate(zip(raws, raws[1:])):
            if self.patterns["comparison_gap"].fullmatch(text, before["_head_end"], raw["start"]) or (
                    "compared_with" in before and self.patterns["comparison_more_gap"].fullmatch(text, before["_head_end"], raw["start"])):
                raw["compared_with"] = before  # its event is the one compared with
                if raw["head"] is None and before["head"] and not (before["head"] == "percent" and raw["value"] >= 1000):
                    # "61 cts from 64 cts", "202.55 mln francs vs 171.31 mln"; "off 7.7 pct from 9.11 mln" is no percentage
                    raw["head"] = before["head"]
            of_them = self.patterns["part_of_previous"].match(text, raw["_head_end"])
            by_degree = raw["head"] is None and before["head"] not in self.amount_heads \
                and self.patterns["part_by_degree_after"].match(text, raw["end"])
            whole = before
            if of_them and index and self.patterns["part_of_whole"].fullmatch(text, raws[index - 1]["end"], before["start"]) \
                    and raw["stated"] <= raws[index - 1]["stated"] <= before["stated"]:
                # "only five of the 37 have been discovered, three of them in the Middle East"; not "Four of
                # the six companies ... and five of them"
                whole = raws[index - 1]
            if (of_them or by_degree) and self.patterns["same_clause_gap"].fullmatch(text, before["_head_end"], raw["start"]) \
                    and not self.patterns["part_of_whole"].fullmatch(text, before["end"], raw["start"]):
                # "More than 100 people have died, eight of them Americans"; not across sentences or
                # other numbers ("a sentence of 10 years but suspending four of them"), nor from the
                # whole of "N of M" ("one of the two ports of which the force ...")
                if of_them and raw["head"] is None:  # "eight of them Americans", not "five of whom fired shots"
                    span, head = self._head(of_them.end(), text)
                    first = self.patterns["head_word"].match(text, of_them.end())
                    raw["head"] = head if span and first and first.start("word") == span[0] and not head.lower().endswith("ed") \
                        and (head.lower().endswith("s") or head.lower() in self.plural_heads) else None
                    # "two of them pulled out guns": a verb; "17 of them foreign": an adjective
                if self._link_stated_part(raw, whole):  # "25 in all -- 15 of which were shootings"
                    # "34 people were shot -- 17 of whom died"; "four victims were shot — two fatally"
                    raw["_clause_from"] = of_them.end() if of_them else raw["end"]
                    whole["_clause_until"] = raw["start"]  # "two friends, with one of them dead"

    def _link_n_of_m(self, raws: list[dict[str, Any]], text: str) -> None:
        """ "10 of 12 victims"; "10,855 of the 5-7/8 pct preferred shares" describes the shares, and
        "125,000 of Chevrolet's two newest cars" counts something else than the cars."""
        for part, whole in zip(raws, raws[1:]):
            # "five out of six break points", "the last 3,000 of the 79,250 tonnes"; not "0.17 of its 25 cts preferred"
            countable_unit = part["head"] is None and whole["head"] not in self.money_heads
            if self.patterns["part_of_whole"].fullmatch(text, part["end"], whole["start"]) \
                    and (whole["head"] not in self.amount_heads or whole["head"] == part["head"] or countable_unit) \
                    and part["stated"] <= (whole["stated_max"] or whole["stated"]):  # "more than 90 of the 100 or so"
                if self._link_stated_part(part, whole):  # "one of two killed"
                    # "Four of the five people in custody were arrested"; "one of two men were wounded" tells of both
                    whole["_verb_is_parts"] = "singular" if part["value"] == 1 else "all"
                    part["_clause_from"] = whole["_head_end"]  # the part's verb comes after the whole

    def _link_to_counted_before(self, raws: list[dict[str, Any]], text: str) -> None:
        """ "Three men forced their way in ... Two of the men were armed": "of the men" names the men
        counted before, in the same paragraph and not far back, with no other count of them between."""
        for index, part in enumerate(raws):
            if not part["_head_of_the"] or part.get("part_of") or part["head"] in self.amount_heads:
                continue  # a count, not "within $100 million of its goal"
            for whole in reversed(raws[:index]):
                if part["start"] - whole["_head_end"] > self.counted_before_reach:
                    break
                if _singular((whole["head"] or "").lower()) == _singular(part["head"].lower()):
                    if part["stated"] <= whole["stated"] and self.patterns["counted_before_gap"].fullmatch(
                            text, whole["_head_end"], part["start"]):
                        self._link_stated_part(part, whole)
                    break

    def _link_listed_parts(self, raws: list[dict[str, Any]], text: str, masked: str) -> None:
        """Parts listed after a cue: "150 hostages, including 68 women and 26 children". Cues and
        gaps are read on ``masked``; a gap between parts that states a time ends the list."""
        def partitive_at(position: int) -> Optional[re.Match[str]]:
            # the cue pattern scans up to 80 characters: it runs only where a cue word is near
            if not self.patterns["partitive_cue_word"].search(masked, position, position + self.partitive_reach):
                return None
            return self.patterns["partitive"].match(masked, position)

        for index, whole in enumerate(raws):
            after_whole = whole["_head_end"]
            rate = self.patterns["rate_after"].match(masked, after_whole) if whole["head"] in self.amount_heads else None
            if rate:
                # "$22.5 million, or 97 cents a share, including a gain of $18 million": the parts
                # belong to the figure the rate restates or prices ("220,000 ounces of gold at average
                # price of 439 dlrs an ounce, including 135,000 ounces"), if there is one
                before = raws[index - 1] if index else None
                if before is None or not (
                        self.patterns["restated_as_rate"].fullmatch(masked, before["_head_end"], whole["start"])
                        or self.patterns["priced_at"].fullmatch(masked, before["_head_end"], whole["start"])):
                    continue
                whole, after_whole = before, rate.end()
            cue = partitive_at(after_whole)
            outer = raws[index - 1] if index else None
            first_part = raws[index + 1] if index + 1 < len(raws) else None
            if outer and first_part and outer.get("part_of") == whole["figure_id"] \
                    and first_part["stated"] <= outer["stated"] \
                    and self.patterns["part_of_whole"].fullmatch(masked, outer["end"], whole["start"]):
                # "Seventeen of more than 30 men snatched in the raid have been released, including three
                # guards": after the clause of "N of M", its parts are the N's
                cue = cue or self.patterns["partitive_after_clause"].match(masked, after_whole)
                whole = outer if cue else whole
            restated = None  # the whole restated in brackets: "1.06 billion ECUs (1.21 billion dlrs), including"
            if not cue and index + 1 < len(raws):
                closed = self._bracket_end(masked, whole, raws[index + 1])
                cue = partitive_at(closed) if closed is not None else None
                if cue:
                    restated, after_whole = raws[index + 1], closed
            if cue and _singular((whole["head"] or "").lower()) in self.composite_heads:
                continue  # "one mln units, consisting of four shares and warrants": what one unit is made of
            if not cue or (whole["head"] is None and cue.start(cue.lastgroup) - after_whole > self.partitive_gap_without_head
                           and not self.patterns["count_named_after"].match(masked, whole["end"])):
                continue  # not "the thousands shot as well as the cost ..., including"; "17 the total number of Egyptians infected, including"
            if outer and first_part and self.patterns["whole_in_place_gap"].fullmatch(masked, outer["_head_end"], whole["start"]) \
                    and self._same_kind(outer, first_part) and not self._same_kind(whole, first_part):
                whole = outer  # "53 projects in 21 countries, including three exploration projects"
            dashed = cue.lastgroup == "dash_cue"
            if dashed and not (whole["head"] and whole["head"][0].islower() and whole["head"] not in self.amount_heads):
                continue  # a dash lists parts of a count of people or things, not of amounts or table cells
            position, gap, count = cue.end(), self.patterns["part_first_gap"], -1
            listed: list[dict[str, Any]] = []
            for part in raws[index + (2 if restated else 1):]:
                restated_part_end = self._bracket_end(masked, listed[-1], part) if listed and restated else None
                if restated_part_end is not None:
                    # "273 mln ECUs (311 mln dlrs)": the part restated is a part of the whole restated
                    if self._link_part(part, restated):
                        part["part_listed"] = True
                    position = restated_part_end
                    continue
                if count >= 0 and part["head"] in self.amount_heads and whole["head"] not in self.amount_heads \
                        and self.patterns["part_amount_gap"].fullmatch(masked, position, part["start"]):
                    position = part["_head_end"]  # "two bonds totaling 700 mln marks": describes the part
                    continue
                if listed and part["head"] == "percent" and whole["head"] != "percent" \
                        and self.patterns["part_rate_gap"].fullmatch(masked, position, part["start"]):
                    position = part["_head_end"]  # "65 mln stg in band one at 9-7/8 pct and 38 mln stg": the part's rate
                    continue
                count += 1
                if not gap.fullmatch(masked, position, part["start"]) or (
                        dashed and (part["head"] is None or part["value"] > whole["value"])):
                    break
                if count == 1 and self.patterns["list_closing_and"].fullmatch(masked, position, part["start"]) \
                        and not self.patterns["part_continues_after"].match(masked, part["end"]):
                    break  # "six flights, including four non-stop flights, and three via Anchorage": a sibling
                if cue.lastgroup == "with_cue" and self.patterns["part_continues_after"].match(masked, part["end"]):
                    break  # "rose to 35, with 12 more missing": more of another kind, no part
                if count and whole["value_max"] is not None and part["stated"] > whole["value_max"]:
                    break  # "1 billion dlrs, of which up to 200 mln ..., and a limitation of 10 billion dlrs"
                if count and masked[position:part["start"]] != text[position:part["start"]]:
                    break  # "including 250,000 to the U.S., after a record total last year of 300,200"
                if count and self.patterns["comparison_in_list_gap"].search(masked, position, part["start"]):
                    break  # "including 109 billion for research and development, as against a total of 1,600 billion"
                if cue.group("cue") and cue.group("cue").lower() == "including" and part["head"] is None \
                        and not part["_scaled"] and whole["_scaled"] and whole["head"] in self.currency_heads:
                    break  # "a 150 mln stg contract ..., including 20 Hawk Mk 66 trainers": a count, not money
                if not self._link_stated_part(part, whole):
                    break
                part["part_listed"] = True  # what happens to listed parts happens to their whole
                listed.append(part)
                position, gap = part["_head_end"], self.patterns["part_list_gap"]
            _regroup_breakdown(listed)

    def _bracket_end(self, text: str, figure: dict[str, Any], restatement: dict[str, Any]) -> Optional[int]:
        """Where the brackets close if ``restatement`` restates ``figure`` in brackets right after it
        ("1.06 billion ECUs (1.21 billion dlrs)"), else None."""
        if not self.patterns["restated_open"].fullmatch(text, figure["_head_end"], restatement["start"]):
            return None
        closed = self.patterns["restated_close"].match(text, restatement["_head_end"])
        return closed.end() if closed else None

    def _link_fronted_parts(self, raws: list[dict[str, Any]], text: str) -> None:
        """A whole named first, its parts after: "Of the eight victims, three were stabbed, two were strangled"."""
        for index, whole in enumerate(raws):
            if not self.patterns["fronted_whole_before"].search(text, max(0, whole["start"] - 20), whole["start"]):
                continue
            position = whole["_head_end"]
            for part in raws[index + 1:]:
                if not self.patterns["fronted_part_gap"].fullmatch(text, position, part["start"]) \
                        or not self._link_stated_part(part, whole):
                    break
                part["part_listed"] = True
                position = _own_end(part)

    def _link_apposed_parts(self, raws: list[dict[str, Any]], text: str) -> None:
        """A count of people broken down in apposition: "Four people, two men and two women, were shot".

        Apposition looks like a list of siblings ("arrested three men, two women and a child"), so the
        parts are linked only when they add up to the whole, and, under a whole that counts something
        else than people at large, only when the whole's verb follows them ("The four suspects, two
        adults and two juveniles, were charged").
        """
        has_parts = {raw.get("part_of") for raw in raws}
        for index, whole in enumerate(raws[:-1]):
            # "The 10 — six men, two women and two boys — suffered": a count standing for the people it counts
            standing_for_people = whole["head"] is None and not whole["_scaled"] \
                and bool(self.patterns["the_before"].search(text, max(0, whole["start"] - 5), whole["start"]))
            if (whole["head"] is None and not standing_for_people) or whole["head"] in self.amount_heads \
                    or whole.get("part_of") or whole["figure_id"] in has_parts:
                continue
            opened = self.patterns["apposition_open"].match(text, whole["_head_end"])
            if not opened:
                continue
            position, list_end, total, items, parts = opened.end(), opened.end(), 0.0, 0, []
            following = iter(raws[index + 1:])
            part = next(following, None)
            while True:
                if part is not None and part["start"] == position and part["head"] not in self.amount_heads:
                    parts.append(part)
                    total, list_end, part = total + part["value"], part["_head_end"], next(following, None)
                else:
                    single = self.patterns["apposition_single_part"].match(text, position)
                    if not single or (part is not None and part["start"] < single.end()):
                        break
                    total, list_end = total + 1, single.end()
                items += 1
                gap = self.patterns["apposition_part_gap"].match(text, list_end)
                if not gap:
                    break
                position = gap.end()
            if items < 2 or not parts or total != whole["value"] or whole["value_max"] not in (None, whole["value"]) \
                    or not self.patterns["apposition_close"].match(text, list_end):
                continue
            bracketed = opened.group().strip() == "(" and text[list_end:list_end + 1] == ")"
            if (standing_for_people or whole["head"].lower() not in self.superset_heads) and not bracketed \
                    and not self.patterns["apposition_close_verb"].match(text, list_end):
                continue  # a list in brackets that adds up is a breakdown: "98,000 soldiers (65,000 combat, 33,000 support)"
            for part in parts:
                if self._link_part(part, whole):
                    part["part_listed"] = True

    def _link_breakdowns(self, raws: list[dict[str, Any]], text: str) -> None:
        """A count broken down in the clauses after it, the parts adding up to it: "a study of 99 glcs
        showed that 41 of them should be privatised, 52 should not be privatised, and six should be
        studied". Only counts that add up exactly are linked, and only figures with no head of their
        own (or already parts of the whole), in the same sentence."""
        for index, whole in enumerate(raws):
            if whole["head"] in self.amount_heads or whole["value_max"] not in (None, whole["value"]) \
                    or not float(whole["stated"]).is_integer() or whole.get("part_of"):
                continue
            run = [part for part in raws[:index] if part.get("part_of") == whole["figure_id"]]  # "25 of the 135 ..., 45 ... and 65"
            total = sum(part["stated"] for part in run)
            for part in raws[index + 1:]:
                if not self.patterns["breakdown_gap"].fullmatch(text, whole["end"], part["start"]) \
                        or part["start"] - whole["end"] > self.breakdown_reach:
                    break
                if part.get("part_of") != whole["figure_id"] and (part.get("part_of") is not None or part["head"] is not None):
                    break  # "four counts of ..., one count of ..., one count of ...": siblings with heads of their own
                total += part["stated"]
                run.append(part)
                if total >= whole["stated"]:
                    break
            if len(run) >= 2 and total == whole["stated"]:
                for part in run:
                    if part.get("part_of") == whole["figure_id"] or self._link_stated_part(part, whole):
                        part["part_listed"] = True

    def _link_among(self, raws: list[dict[str, Any]], text: str) -> None:
        """A figure "among" a later one is its part: "eight new members, including five from the public
        sector, among the ten elected". A figure already listed as a part stands for its whole."""
        by_id = {raw["figure_id"]: raw for raw in raws}
        for index, whole in enumerate(raws[1:], start=1):
            part = raws[index - 1]
            while part.get("part_of") in by_id and by_id[part["part_of"]]["start"] < part["start"]:
                part = by_id[part["part_of"]]
            if part.get("part_of") is None and part["value"] <= whole["value"] \
                    and self.patterns["among_whole_gap"].fullmatch(text, part["_head_end"], whole["start"]):
                self._link_stated_part(part, whole)

    def _attach_events(self, raws: list[dict[str, Any]], text: str) -> None:
        """Each figure's own event, then what it shares with the figures it is compared, coordinated or listed with."""
        # the next figure ends a figure's clause ("Two men are accused of holding two victims against
        # their will", "Seven people were hospitalized and two were killed"), unless it stands in
        # apposition ("Four people, two men and two women, were shot") without a verb of its own
        # ("Of the eight victims, three were stabbed, two were strangled")
        starts, in_apposition = [], False
        for before, raw in zip(raws, raws[1:]):
            in_apposition = bool(self.patterns["apposition_before"].search(text, max(0, raw["start"] - 30), raw["start"])) or (
                in_apposition and bool(self.patterns["coordinated_gap"].fullmatch(text, before["_head_end"], raw["start"])))
            if not in_apposition or self.patterns["subject_verb_after"].match(text, raw["_head_end"]):
                starts.append(raw["start"])
        # a later figure's head that is an event word is no event of this one ("All 14 rebels, two
        # soldiers and one hostage died": the hostage is counted, the rebels died)
        cue_text = text
        for raw in raws:
            if raw["head"] and raw["_head_end"] > raw["end"] and self.event_pattern.fullmatch(raw["head"]):
                start = raw["_head_end"] - len(raw["head"])
                cue_text = cue_text[:start] + " " * len(raw["head"]) + cue_text[raw["_head_end"]:]
        for raw in raws:
            raw["head_group"] = self._head_group(raw["head"])
            # a ratio or repetition ("shot four times") is an amount: it is no count to restate or add up
            raw["amount"] = raw["head"] in self.amount_heads or (raw["head"] or "").lower() in self.ratio_heads
            raw["event"] = raw.pop("_label_event", None) or self._event_of(raw, cue_text, starts)
        for raw in raws:  # "26 people killed this year, compared with 18 last year"
            compared = raw.pop("compared_with", None)
            if compared and raw["event"] is None and not raw["amount"]:
                raw["event"] = compared["event"]
        for raw, after in reversed(list(zip(raws, raws[1:]))):
            if raw["event"] is None and not raw["amount"] and (raw["head"] or "").lower() not in self.eventless_heads and \
                    self.patterns["coordinated_gap"].fullmatch(text, raw["_head_end"], after["start"]):
                raw["event"] = after["event"]  # "one million Armenians and 30,000 Kurds were killed"
        for raw, after in zip(raws, raws[1:]):
            if after["event"] is None and raw.get("_event_before") and not after["amount"] and \
                    (self.patterns["coordinated_object_gap"].fullmatch(text, raw["_head_end"], after["start"])
                     or (self.patterns["object_list_gap"].fullmatch(text, raw["_head_end"], after["start"])
                         and self.patterns["object_list_continues"].match(text, after["_head_end"]))):
                after["event"] = raw["event"]  # "killed 20 children, ages six and seven, as well as six educators"
                after["_event_before"] = True  # "culled 8,388 fowls in Xinjiang, 99,400 in Yunnan and 66,800 in Ningxia"
        for raw, after in zip(raws, raws[1:]):
            if after["event"] is None and raw["event"] and not after["amount"] and \
                    self.patterns["added_figure_gap"].fullmatch(text, raw["_head_end"], after["start"]):
                after["event"] = raw["event"]  # "The 11 Americans were killed, along with five employees"
        by_id = {raw["figure_id"]: raw for raw in raws}
        parts_of: dict[str, list[dict[str, Any]]] = {}
        for raw in raws:
            if raw.get("part_of"):
                parts_of.setdefault(raw["part_of"], []).append(raw)
        for whole_id, parts in parts_of.items():
            whole = by_id[whole_id]
            listed = [part for part in parts if part.get("part_listed") and not part.get("_event_in_relative_clause")]
            told = {part["event"] for part in listed}
            if whole["event"] is None and len(told) == 1 and None not in told \
                    and (whole["head"] or "").lower() not in self.eventless_heads:  # "256 infections including 151 deaths"
                # "Some 4,000 people, including 1,000 civilians, have died"; not "Of the eight victims, three
                # were stabbed, ..., two were beaten to death": what the others suffered is not told
                whole["event"] = told.pop()
            for part in parts:  # "killed 259 people, including 12 Americans, and injured ...": the Americans were killed
                if part["event"] is None and self.patterns["part_own_verb_after"].match(text, _own_end(part)):
                    continue  # "of whom 14,000 were sent to Taiwan": what befell them is told, and is no event
                if part["event"] not in self.event_refinements.get(whole["event"], ()):
                    part["event"] = whole["event"] or part["event"]

    def _read_table(self, raws: list[dict[str, Any]], text: str) -> None:
        """Labelled numbers in a row ("Total Dead: 192 Americans: 12 Injured: 4,877 Hospitalized: 542").

        A label naming an event starts a whole; the rows after it, up to the next such label, are its
        parts. A one-word plural label ("Americans") is what its row counts.
        """
        run: list[tuple[dict[str, Any], str]] = []
        for raw in raws + [None]:
            label = raw and self.patterns["table_label_before"].search(text, max(0, raw["start"] - 40), raw["start"])
            if label and (not run or self.patterns["table_row_gap"].fullmatch(text, run[-1][0]["end"], label.start("label"))):
                run.append((raw, label.group("label")))
                continue
            if len(run) >= 2:
                whole = None
                for row, name in run:
                    cue = self.event_pattern.search(name)
                    if cue:
                        row["_label_event"], row["head"], whole = self.event_of_cue[_normalised(cue.group())], None, row
                        continue
                    row["head"] = name if self.patterns["table_head_label"].fullmatch(name) else None
                    if whole is not None:
                        row["part_of"], row["part_listed"] = whole["figure_id"], True
            run = [(raw, label.group("label"))] if label else []

    def _head_group(self, head: Optional[str]) -> Optional[str]:
        head = (head or "").lower()
        return "superset" if head in self.superset_heads else "subset" if head in self.subset_heads else None

    def _link_part(self, part: dict[str, Any], whole: dict[str, Any]) -> bool:
        """Make ``part`` a part of ``whole`` if it can be one; a part with no head counts what its whole counts."""
        if part["_share"] or (part["_fraction"] and part["head"] is None):
            return False  # "10%, of which half", "4,000 yuan, nearly two thirds of which": a share of its whole, not a part
        if part["head"] is None or (whole["head"] in self.amount_heads and part["head"] not in self.amount_heads
                                    and not part["head"].lower().endswith("s")):
            # no head of its own, or a verb read as one ("1.95 billion dlrs, of which 1.40 billion correspond")
            part["head"] = whole["head"]
        if not self._part_fits(whole, part):
            return False
        part["part_of"] = whole["figure_id"]
        return True

    def _link_stated_part(self, part: dict[str, Any], whole: dict[str, Any]) -> bool:
        """As ``_link_part``, for a phrase that itself says "part of" ("one of two", "15 of which",
        "Of the 41, 15"): with no head on either side, the phrase is evidence enough."""
        if part["head"] is None and whole["head"] is None and not part["_share"] and not part["_fraction"]:
            part["part_of"] = whole["figure_id"]
            return True
        return self._link_part(part, whole)

    def _same_kind(self, whole: dict[str, Any], part: dict[str, Any]) -> bool:
        """The part's own head names what the whole counts, or people among people."""
        whole_head, part_head = (whole["head"] or "").lower(), (part["head"] or "").lower()
        if not whole_head or not part_head:
            return False
        return _singular(whole_head) == _singular(part_head) or (
            self._head_group(whole_head) == "superset" and self._head_group(part_head) is not None)

    def _part_fits(self, whole: dict[str, Any], part: dict[str, Any]) -> bool:
        """A part counts the same kind of thing as its whole and, counting something else, is no larger.

        Same head, or people within people, can be checked against the whole. Other heads of counts
        ("five dealers, including two brokerages") are linked only where the part is not larger, since
        "13 exchanges including 68,000 lines" lists something else, not a part.
        """
        whole_head, part_head = ((self.equivalent_heads.get(head, head) for head in (
            (whole["head"] or "").lower(), (part["head"] or "").lower())))
        if whole_head in self.ratio_heads or part_head in self.ratio_heads:
            return False  # "12,000 homes ... falls of which had been six times higher": a ratio
        if not whole_head and part_head and part_head not in self.amount_heads:
            return True  # "At least 74, including eight Americans": a whole without a head of its own
        if not whole_head and part_head in self.amount_heads and part_head != "percent" and whole.get("_scaled"):
            # "an unexpected 3.55 billion, including ... 500 mln guilders": the whole's unit is named
            # with its parts; a larger part would be of something else, a percentage is a share
            return (part["value_max"] or part["value"]) <= whole["value"]
        if not whole_head or not part_head:
            return False
        if part_head == whole_head or _singular(part_head) == _singular(whole_head):
            # a larger count is an error to report; a larger percentage is of another base
            # ("25 pct of total trade, including 40 pct of trade in machines")
            return part_head != "percent" or part["value"] <= whole["value"]
        whole_group, part_group = self._head_group(whole_head), self._head_group(part_head)
        if whole_group == "superset" and part_group in ("subset", "superset"):
            return True
        if whole_head in self.amount_heads or part_head in self.amount_heads:
            return False
        return part["value_max"] is not None and part["value_max"] <= (whole["value_max"] or whole["value"])

    def _event_of(self, raw: dict[str, Any], text: str, subject_starts: list[int]) -> Optional[str]:
        head = (raw["head"] or "").lower()
        if head in self.amount_heads or head in self.eventless_heads:
            return None  # money, shares, incidents and places are not counts of what happened to anyone
        if raw["head"] and self.patterns["compound_head"].match(text, raw["end"]):
            return None  # "a three-vehicle crash", "the 12-point scale": the count describes something else
        if self.patterns["negated_figure_before"].search(text, max(0, raw["start"] - 30), raw["start"]):
            return None  # "none of the three people inside were hurt"
        prefix = self.patterns["event_prefix"].search(text, max(0, raw["start"] - 40), raw["start"]) \
            or (not self.patterns["own_event_after"].match(text, raw["_head_end"])
                and self.patterns["event_prefix_coordinated"].search(text, max(0, raw["start"] - 60), raw["start"]))
        if prefix:
            raw["_event_before"] = True
            return self.prefix_event[_normalised(prefix.group("cue"))]
        toll = self.patterns["toll_before"].search(text, max(0, raw["start"] - 130), raw["start"]) \
            or self.patterns["toll_to_before"].search(text, max(0, raw["start"] - 90), raw["start"])
        if toll:
            return self.prefix_event[_normalised(toll.group("cue"))]
        count_of = self.patterns["event_count_before"].search(text, max(0, raw["start"] - 60), raw["start"]) \
            or self.patterns["event_count_to_before"].search(text, max(0, raw["start"] - 90), raw["start"])
        if count_of:
            return self.event_of_cue[_normalised(count_of.group("cue"))]  # "the number injured topped 2,200"
        if head in self.event_nouns:
            return self.event_nouns[head]
        clause_start = raw.get("_clause_from", raw["_head_end"])
        aside = self.patterns["aside_after"].match(text, clause_start)
        clause_start = aside.end() if aside else clause_start
        end = self.patterns["clause_end"].search(text, clause_start, clause_start + 100)
        next_figure = bisect.bisect_left(subject_starts, clause_start)
        clause_end = min(end.start() if end else len(text), clause_start + 100, raw.get("_clause_until", len(text)),
                         subject_starts[next_figure] if next_figure < len(subject_starts) else len(text))
        verb_is_others = raw.get("_verb_is_parts")
        if verb_is_others and self.patterns["relative_clause_start"].match(text, clause_start):
            verb_is_others = None  # "two of the four victims who were gunned down": the clause is the whole's
        cue = self._event_cue_in(text, clause_start, clause_end, verb_is_others=verb_is_others)
        event = self.event_of_cue[_normalised(cue.group())] if cue else None
        refined = cue and self.patterns["refined_after"].search(text, cue.end(), clause_end)
        if refined and self.event_of_cue[_normalised(refined.group("cue"))] in self.event_refinements.get(event, ()):
            event = self.event_of_cue[_normalised(refined.group("cue"))]  # "was shot in the chest and died"
        if cue and self.patterns["relative_clause"].search(text, clause_start, cue.start()):
            raw["_event_in_relative_clause"] = True
        if event is None and end and end.group().lower().startswith(("including", "among", "of whom", "of which")):
            # "10 other people -- including Munero -- died": the clause goes on after the aside
            aside = self.patterns["aside_close"].search(text, clause_end, clause_end + 100)
            if aside:
                resume = self.patterns["clause_end"].search(text, aside.end(), aside.end() + 100)
                cue = self._event_cue_in(text, aside.end(), resume.start() if resume else min(len(text), aside.end() + 100),
                                         verb_is_others=verb_is_others)
                event = self.event_of_cue[_normalised(cue.group())] if cue else None
        if event is None:  # "76 shooting victims": an event word among the words before the head
            modifier = self.modifier_event_pattern.search(text, raw["end"], raw["_head_end"])
            event = self.modifier_events[modifier.group().lower()] if modifier else None
        return event or self.role_heads.get(head)

    def _event_cue_in(self, text: str, start: int, end: int, verb_is_others: Optional[str] = None) -> Optional[re.Match[str]]:
        """The first event cue told of what is counted: not denied ("not injured"), not done by it
        ("two men ... shot into a passing car"). ``verb_is_others`` is set for the whole of "N of M":
        the clause's verb has the part as subject ("Four of the five people in custody were arrested":
        the four were), so only a participle right after the count is its own ("one of two killed"),
        unless the part is "one" and the verb plural ("one of two young men were wounded")."""
        for cue in self.event_pattern.finditer(text, start, end):
            if self.patterns["attributive_event"].match(text, cue.start()):
                continue  # "in close contact with dead poultry"
            if cue.group().lower().endswith("ed") and " " not in cue.group() \
                    and _normalised(cue.group()) not in self.stative_events \
                    and self.patterns["event_of_other_noun_before"].search(text, max(start, cue.start() - 60), cue.start()):
                continue  # "the coffin of a young Shiite Muslim killed during the rallies"; not "six members of a family died"
            if self.patterns["negated_event_before"].search(text, start, cue.start()):
                return None
            passive = self.patterns["passive_before"].search(text, max(start, cue.start() - 30), cue.start()) \
                or self.patterns["passive_cue"].match(cue.group())  # "were shot at the end of an event"
            cue_key = _normalised(cue.group())
            did_it = self.patterns["agent_object_after"].match(text, cue.end()) or (
                cue_key in self.shooting_cues and self.patterns["shot_at_after"].match(text, cue.end()))
            if did_it and not passive and cue_key not in self.stative_events:
                return None  # what is counted did it; a later event in the clause is someone else's
            if self.patterns["event_object_after"].match(text, cue.end()) and not passive:
                return None  # the number after the cue is what it happened to
            if verb_is_others and passive and not (
                    verb_is_others == "singular" and self.patterns["plural_auxiliary"].search(passive.group())):
                return None
            if verb_is_others and not passive and text[start:cue.start()].strip():
                return None  # "53 out of 101 birds had died": an active verb after the whole is the part's
            return cue
        return None

    # -- links between claims --------------------------------------------------------------
    def _link(self, result: Extraction) -> Links:
        text = result.article.text
        published = result.article.published_date
        dates: list[DateClaim] = result.claims["date"]

        def sentence(offset: int) -> tuple[int, int]:
            for span in result.sentences:
                if span[0] <= offset < span[1]:
                    return span
            return (0, len(text))

        def event_dates(claim: Any) -> tuple[list[int], list[int]]:
            """Dates that may be the claim's event: (all candidates, those only loosely tied to it).

            Tied: in the claim's own clause, just after it ("the 30th anniversary of X of
            February 1992"). Loosely tied: in a sentence that shares a proper name with the event
            phrase ("Khojaly"); generic words ("genocide", "police") tie nothing.
            """
            words = self.patterns["word"].findall(claim.event_text or "")
            keys = {w for w in words if w[0].isupper() and w.lower() not in self.generic_event_words}
            what = {w.lower() for w in words if w.lower() in self.generic_event_words} - self.head_stopwords
            tied, loose = [], []
            for index, date in enumerate(dates):
                if date.year_inferred or date.first_day is None or date.first_day > published:
                    continue
                if (0 <= date.start - claim.start <= 140
                        and not self.patterns["attached_gap_break"].search(text, claim.start, date.start)):
                    tied.append(index)
                    continue
                s = sentence(date.start)
                found = set(self.patterns["word"].findall(text, *s))
                # The sentence must name the event (every name in the phrase) and say what happened:
                # the phrase's own event word ("tragedy") or, lacking one, a past event verb.
                happened = ({w.lower() for w in found} & what) if what else self.past_event_verbs.search(text, *s)
                if keys and keys <= found and happened:
                    loose.append(index)
            return sorted(tied + loose, key=lambda i: dates[i].first_day), loose

        links = Links()
        for index, claim in enumerate(result.claims["anniversary"]):
            candidates, loose = event_dates(claim)
            # A date in the year of publication or the one before is the anniversary's own time
            # ("2006 marks the 45th anniversary"), not its event, unless it is a first anniversary.
            keep = [i for i in candidates if claim.ordinal < 2 or dates[i].first_day.year < published.year - 1]
            links.anniversary_event_dates[index] = keep
            own = sentence(claim.start)
            if self.future_cues.search(text, own[0], own[1]):
                links.announced_anniversaries.append(index)
            links.loose_links.extend(("anniversary", index, i) for i in keep if i in loose)
        for index, claim in enumerate(result.claims["elapsed"]):
            if claim.anchor == "since" and claim.anchor_year is None and claim.event_text:
                candidates, loose = event_dates(claim)
                links.elapsed_event_dates[index] = candidates
                links.loose_links.extend(("elapsed", index, i) for i in candidates if i in loose)
        for index, claim in enumerate(result.claims["century"]):
            if not self.patterns["century_attachment"].search(text, max(0, claim.start - 20), claim.start):
                continue
            s = sentence(claim.start)
            refs = [YearRef(year=d.first_day.year, start=d.start, end=d.end, role="event_date")
                    for d in dates if s[0] <= d.start < claim.start and not d.year_inferred and d.first_day
                    and d.granularity != "decade"]
            refs += [YearRef(year=a.implied_event_year, tolerance=1, start=a.start, end=a.end, role="anniversary")
                     for a in result.claims["anniversary"] if s[0] <= a.start < claim.start]
            refs += [YearRef(year=e.implied_year, tolerance=1, start=e.start, end=e.end, role="elapsed")
                     for e in result.claims["elapsed"] if s[0] <= e.start < claim.start and e.implied_year]
            if refs:
                links.century_years[index] = sorted(refs, key=lambda r: claim.start - r.start)
        for index, claim in enumerate(result.claims["duration"]):
            ranges = [i for i, d in enumerate(dates) if d.end_value and d.granularity == "day" and d.start >= claim.end
                      and self.patterns["duration_range_gap"].fullmatch(text, claim.end, d.start)]
            if ranges:
                links.duration_ranges[index] = ranges[0]
                span = dates[ranges[0]]
                result.claims["duration"][index] = claim.model_copy(
                    update={"start_date": span.first_day, "end_date": span.last_day})
        for index, date in enumerate(dates):
            if date.year_inferred or date.granularity not in ("day", "month") or date.first_day is None:
                continue
            if (date.first_day - published).days <= self.grace_days:
                continue
            if self.patterns["past_event_before_date"].search(text, max(0, date.start - 60), date.start):
                links.past_dates.append(index)
        frames: dict[tuple[int, int], tuple[Optional[str], Optional[str], bool]] = {}
        timexes = sorted(dates + [t for t in result.claims["timex"] if t.type == "DATE"], key=lambda c: c.start)
        for index, figure in enumerate(result.claims["figure"]):
            s = sentence(figure.start)
            if s not in frames:  # one look per sentence, however many figures it holds
                segment = text[s[0]:s[1]]
                source = next((found.group("source").lower() for found in
                               (pattern.search(segment) for pattern in self.source_patterns) if found), None)
                as_of = next((t.value for t in timexes if s[0] <= t.start < s[1]), None)
                marked = bool(self.own_frame_words.search(segment)) or as_of is not None
                frames[s] = (source, as_of, marked)
            source, as_of, marked = frames[s]
            result.claims["figure"][index] = figure.model_copy(update={"source": source, "as_of": as_of})
            if marked:
                links.figure_time_marked.append(index)
        return links


def _token_around(text: str, start: int, end: int) -> str:
    """The run of non-space characters that holds text[start:end]."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end]


def _a_year_before(value: str, other: str) -> bool:
    """Whether a TIMEX3 quarter ("1988-Q3") is the same quarter a year before another ("1989-Q3")."""
    year, q = value.split("-")
    other_year, other_q = other.split("-")
    return q == other_q and int(year) == int(other_year) - 1


def _title_case(word: str) -> bool:
    """ "Week", "Minutes": a unit written with a capital, as in a title; not "week" nor "WEEK"."""
    return word[:1].isupper() and not word.isupper()


def _own_end(raw: dict[str, Any]) -> int:
    """Where a figure's own words end: after its head, or after the number when its head is taken
    over from another figure ("Of the 100,000 Vietnamese, 8,000 killed")."""
    return raw["_head_end"] if raw["_head_end"] >= raw["end"] else raw["end"]


def _normalised(phrase: str) -> str:
    """A matched phrase as its lexicon key: lower case, single spaces, straight apostrophes."""
    return " ".join(phrase.lower().replace("’", "'").split())


def _normalised_keys(mapping: dict[str, Any]) -> dict[str, Any]:
    return {_normalised(key): value for key, value in mapping.items()}


def _word_set_pattern(words: list[str], after_hyphen: bool = True) -> re.Pattern[str]:
    alternation = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))
    # with after_hyphen=False, the words are not read inside a hyphenated compound ("hostage-takers")
    return re.compile((r"\b" if after_hyphen else r"(?<![\w-])") + "(?:" + alternation + r")\b"
                      + ("" if after_hyphen else r"(?!-\w)"), re.IGNORECASE)


def _spans_clear_of(matches: Iterable[re.Match[str]], raws: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """The spans of these matches that overlap no figure (``raws`` are in text order)."""
    starts = [raw["start"] for raw in raws]
    spans = []
    for match in matches:
        before = bisect.bisect_left(starts, match.end()) - 1  # the last figure starting before the match ends
        if before < 0 or raws[before]["end"] <= match.start():
            spans.append(match.span())
    return spans


def _regroup_breakdown(listed: list[dict[str, Any]]) -> None:
    """Parts listed after one of them that add up to it exactly are its breakdown, not its siblings:
    "12 mln tonnes, of which 5.3 mln tonnes are supplied by Saudi Arabia, 3.3 mln under term contracts
    and two mln through spot purchases"."""
    for first, part in enumerate(listed[:-2]):
        rest = listed[first + 1:]
        if all(other["head"] == part["head"] for other in rest) \
                and math.isclose(sum(other["value"] for other in rest), part["value"], rel_tol=1e-9):
            for other in rest:
                other["part_of"] = part["figure_id"]
            return


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with these spans replaced by as many letters "x": offsets stay, digits go."""
    pieces, position = [], 0
    for first, last in sorted(spans):
        if last > position:  # spans may overlap ("1986" within "1986/87")
            first = max(first, position)
            pieces += [text[position:first], "x" * (last - first)]
            position = last
    return "".join(pieces) + text[position:]


def _singular(word: str) -> str:
    """A plural noun's singular, as far as heads and time units need: "centuries" -> "century"."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _timex(year: int, month: Optional[int], day: Optional[int]) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _holiday_date(spec: dict[str, Any], year: int, weekdays: dict[str, int]) -> dt.date:
    """A holiday of the ``holidays`` lexicon in a year: a fixed day, or the nth weekday of its month."""
    if "day" in spec:
        return dt.date(year, spec["month"], spec["day"])
    weekday, nth = weekdays[spec["weekday"]], spec["nth"]
    if nth > 0:
        first = dt.date(year, spec["month"], 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = dt.date(year + spec["month"] // 12, spec["month"] % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-nth - 1))


GRANULARITY_ORDER = ("day", "week", "month", "year")


def _timex_start(value: str) -> str:
    """The first day of a day, month or year TIMEX3 value (a time of day dropped), as an ISO date."""
    parts = value.split("T")[0].split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def _resolve_year(published: dt.date, month: int, day: int, tense: Optional[str] = None) -> int:
    """The year of a month and day written without one: told as future ("next April"), the first
    after publication; as past ("last December"), the latest on or before it; otherwise the latest
    that is at most two months after publication (news mostly tells the past; a past-tense verb is
    no surer guide: "the second quarter ended Oct. 31" may be this year's, days ahead). February 29
    takes the nearest leap year that way: the text wrote a real day, only its year is guessed."""
    year = _nearest_year(published, month, day, tense)
    if (month, day) == (2, 29):
        step = 1 if tense == "future" else -1
        while not calendar.isleap(year):
            year += step
    return year


def _nearest_year(published: dt.date, month: int, day: int, tense: Optional[str]) -> int:
    if tense == "future":
        return published.year if (month, day) > (published.month, published.day) else published.year + 1
    if tense == "past":
        return published.year if (month, day) <= (published.month, published.day) else published.year - 1
    for year in (published.year + 1, published.year, published.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            candidate = dt.date(year, month, 28)
        if (candidate - published).days <= 60:
            return year
    return published.year - 1


def _season_year(published: dt.date, first_month: int, offset: int) -> int:
    """'this summer': this year's; 'last fall': the latest that ended before publication;
    'next winter': the first that starts after it."""
    if offset == 0:
        return published.year
    for year in (range(published.year, published.year - 3, -1) if offset < 0 else
                 range(published.year - 1, published.year + 3)):
        start = dt.date(year, first_month, 1)
        end = start + dt.timedelta(days=91)
        if (offset < 0 and end <= published) or (offset > 0 and start > published):
            return year
    return published.year + offset


def _shifted(published: dt.date, unit: str, offset: int) -> dict[str, str]:
    """The calendar unit containing publication, moved by ``offset`` units, as a TIMEX3 value."""
    if unit == "year":
        return {"granularity": "year", "value": f"{published.year + offset:04d}"}
    if unit == "month":
        index = published.year * 12 + published.month - 1 + offset
        return {"granularity": "month", "value": f"{index // 12:04d}-{index % 12 + 1:02d}"}
    if unit == "quarter":
        index = published.year * 4 + (published.month - 1) // 3 + offset
        return {"granularity": "quarter", "value": f"{index // 4:04d}-Q{index % 4 + 1}"}
    if unit == "week":
        year, week, _ = (published + dt.timedelta(weeks=offset)).isocalendar()
        return {"granularity": "week", "value": f"{year:04d}-W{week:02d}"}  # ISO 8601, as TimeML values are
    return {"granularity": "day", "value": (published + dt.timedelta(days=offset)).isoformat()}


_DEFAULT: Extractor | None = None


def default_extractor() -> Extractor:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT
