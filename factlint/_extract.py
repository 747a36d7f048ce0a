"""From article text to claims: run the grammar, build each claim from its named groups, link claims.

Builders know group names, never patterns. A claim that is impossible in itself fails its
Pydantic model; the failure is kept (``Extraction.invalid``) and becomes a finding.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

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
from ._grammar import Grammar, RuleMatch, default_grammar

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
RELATIVE_GROUPS = ("period", "weekday", "weekend", "deictic", "this_part", "rel", "season", "quarter", "rel_quarter", "ago_unit",
                   "month_only")
# The furthest "N units ago" read as a calendar date (years before 1000 are not dated here).
MAX_AGO = {"year": 900, "month": 900 * 12, "week": 900 * 52, "day": 900 * 365}
# The temporal reading alone (what `factlint eval tempeval` scores).
TEMPORAL_KINDS = ("date", "duration", "timex")
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

    def timexes(self) -> list[Timex]:
        """Temporal claims as TIMEX3, in text order; where they overlap, the longest (dates first)."""
        found = [Timex(c.start, c.end, c.type, c.value) for c in self.claims.get("date", [])]
        found += [Timex(c.start, c.end, c.type, c.value) for c in self.claims.get("timex", [])]
        found += [Timex(c.start, c.end, "DURATION", c.value) for c in self.claims.get("duration", [])]
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
        self.own_frame_words = _word_set_pattern(ctx["own_frame_words"])
        self.past_event_verbs = _word_set_pattern(g.lexicon("past_event_verbs"))
        self.future_cues = _word_set_pattern(g.lexicon("future_cues"))
        self.event_pattern = _word_set_pattern(list(g.lexicon("events")))
        self.event_of_cue = _normalised_keys(g.lexicon("events"))
        self.prefix_event = _normalised_keys(g.lexicon("event_prefixes"))
        self.generic_event_words = set(g.lexicon("generic_event_words"))
        self.head_stopwords = set(g.lexicon("head_stopwords"))
        self.identifier_prefixes = set(g.lexicon("identifier_prefixes"))
        self.event_cue_words = {word for cue in g.lexicon("events") for word in cue.split()}
        self.head_events = g.lexicon("head_events")
        self.superset_heads = set(g.lexicon("superset_heads"))
        self.subset_heads = set(g.lexicon("subset_heads"))
        self.currency = g.lexicon("currency_symbols")
        self.unit_heads = g.lexicon("unit_heads")
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
        blocked: list[tuple[int, int]] = []
        lowered = " ".join(text.lower().split())  # for the rules' `requires` pre-filter only
        for kind in kinds:
            claims, raws = [], []
            for found in self.grammar.find(kind, text, lowered):
                if kind == "figure" and any(found.start < e and s < found.end for s, e in blocked):
                    continue
                raw = self.builders[kind](found, article)
                if raw is None:
                    continue
                raw.update(start=raw.get("start", found.start), end=raw.get("end", found.end), rule_id=found.rule.id)
                raw["text"] = text[raw["start"]:raw["end"]]
                raws.append(raw)
            if kind == "figure":
                raws = self._attach_figures(raws, article)
            for raw in raws:
                try:
                    claims.append(KIND_MODELS[kind].model_validate(raw))
                except ValidationError as exc:
                    result.invalid.append(InvalidClaim(kind, raw, exc.errors(include_url=False)))
            if kind == "date":
                claims = self._year_ago_quarters(claims, article)
            result.claims[kind] = claims
            if kind in FIGURE_BLOCKERS:
                blocked.extend((c.start, c.end) for c in claims)
                blocked.extend((inv.raw["start"], inv.raw["end"]) for inv in result.invalid if inv.kind == kind)
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
        if any(m.group(name) for name in RELATIVE_GROUPS):
            relative = self._relative_date(m, article)
            return None if relative is None else {**relative, "year_inferred": not m.group("year")}
        if m.group("decade"):
            return {"granularity": "decade", "value": m.group("decade")}
        year = int(m.group("year")) if m.group("year") else None
        month = self._month(m.group("month")) if m.group("month") else None
        day = self._day(m.group("day")) if m.group("day") else None
        inferred = year is None and (m.group("year2") is None)
        if year is None and m.group("year2"):
            year = int(m.group("year2"))
        if year is None:
            year = _resolve_year(published, month or 1, day or 1, self._told_as_future(m, article))
        value = _timex(year, month, day)
        end_value = None
        if m.group("year2") or m.group("month2") or m.group("day2"):
            year2 = m.group("year2")
            if year2 and len(year2) == 2:
                year2 = str(year)[:2] + year2
            end_value = _timex(int(year2) if year2 else year,
                               self._month(m.group("month2")) if m.group("month2") else month,
                               self._day(m.group("day2")) if m.group("day2") else day)
        if end_value and end_value < value:
            if m.rule.options.get("ordered_only"):
                return None
            if m.rule.options.get("reversed_is_a_change") and self.patterns["change_before_range"].search(
                    article.text, max(0, m.start - 100), m.start):
                return None
        granularity = "day" if day else "month" if month else "year"
        return {"granularity": granularity, "value": value, "end_value": end_value, "year_inferred": inferred}

    def _told_as_future(self, m: RuleMatch, article: Article) -> bool:
        return bool(self.patterns["future_before_date"].search(article.text, max(0, m.start - 60), m.start))

    def _year_ago_quarters(self, dates: list[DateClaim], article: Article) -> list[DateClaim]:
        """In an earnings story, "a year earlier" is the reported quarter a year before: after a
        quarter has been named, a one-year-back date becomes that quarter of the previous year."""
        year_back = f"{article.published_date.year - 1:04d}"
        quarter = None
        for index, date in enumerate(dates):
            if date.granularity == "quarter":
                quarter = date
                continue
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
            return {"granularity": "week", "value": f"{year:04d}-W{week}-WE"}
        day = None
        if m.group("weekday"):
            weekday = lex("weekdays")[m.group("weekday").lower()]
            if self._told_as_future(m, article):
                day = published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
            else:
                day = published - dt.timedelta(days=(published.weekday() - weekday) % 7)
        elif m.group("deictic"):
            day = published + dt.timedelta(days=lex("deictic_days")[m.group("deictic").lower()])
        elif m.group("this_part"):
            day = published
        if day is not None:
            part = m.group("part_of_day") or m.group("this_part") or (
                "night" if (m.group("deictic") or "").lower() == "tonight" else None)
            if part:
                return {"type": "TIME", "granularity": "day", "value": f"{day.isoformat()}T{lex('parts_of_day')[part.lower()]}"}
            return {"granularity": "day", "value": day.isoformat()}
        if m.group("season"):
            season = lex("seasons")[m.group("season").lower()]
            year = int(m.group("year")) if m.group("year") else _season_year(
                published, season["month"], lex("relative_offsets")[m.group("rel").lower()])
            return {"granularity": "season", "value": f"{year:04d}-{season['code']}"}
        if m.group("rel") and m.group("unit"):
            return _shifted(published, m.group("unit").lower(), lex("relative_offsets")[m.group("rel").lower()])
        if m.group("period") and not m.group("quarter"):  # "the 1988 quarter": the number comes from context
            return {"granularity": "year", "value": m.group("year")}
        if m.group("quarter"):
            quarter = lex("quarter_ordinals")[m.group("quarter").lower()]
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
            unit = m.group("ago_unit").lower().rstrip("s")
            if n > MAX_AGO.get(unit, 0):
                return None  # "4,000 years ago" is history, not a calendar date
            return _shifted(published, unit, sign * int(n))
        if m.group("month_only"):
            month = lex("months")[m.group("month_only").lower()]
            rel = (m.group("rel") or "").lower()
            if rel == "this":
                year = published.year
            else:
                year = _resolve_year(published, month, 1, rel == "next" or (not rel and self._told_as_future(m, article)))
            return {"granularity": "month", "value": f"{year:04d}-{month:02d}"}
        return None

    def _timex(self, m: RuleMatch, article: Article) -> Optional[dict[str, Any]]:
        lex = self.grammar.lexicon
        if "value" in m.rule.options:  # a rule whose every match means one thing
            return {"type": m.rule.options.get("type", "DATE"), "value": m.rule.options["value"]}
        if m.group("ref"):
            return {"type": "DATE", "value": lex("reference_words")[_normalised(m.group("ref"))]}
        if m.group("set"):
            return {"type": "SET", "value": lex("set_words")[_normalised(m.group("set"))]}
        if m.group("vague_n"):  # "several years": an unknown number of units
            return {"type": "DURATION", "value": f"PX{lex('time_units')[m.group('unit').lower().rstrip('s')]['timex']}"}
        n = _numbers.parse_count(m.group("n"), self.grammar)
        if not n:
            return None
        unit = lex("time_units")[m.group("unit").lower().rstrip("s")]
        before = self.grammar.prefixes["timex"].search(article.text, max(0, m.start - 30), m.start)
        start = before.start() if before and before.start() < m.start else m.start
        if unit["timex"] == "DE":
            return {"start": start, "type": "DURATION", "value": f"P{n * 10:g}Y"}
        return {"start": start, "type": "DURATION", "value": f"{'PT' if unit.get('time') else 'P'}{n:g}{unit['timex']}"}

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
        unit = m.group("unit").lower().rstrip("s")
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
        qualifier, start = "exact", m.start
        prefix = self.qualifier_prefix.search(text, max(0, m.start - 40), m.start)
        if prefix:
            qualifier = self.grammar.lexicon("qualifiers")[_normalised(prefix.group("qualifier"))]
            start = prefix.start()
        if m.group("vague"):
            low, high = self.grammar.lexicon("vague_quantities")[_normalised(m.group("vague"))]
            # "more than hundreds of" keeps the vague range's bounds
            value, value_max, qualifier = float(low), float(high), "vague"
        else:
            number_text = m.group("number") or m.group("words")
            number = _numbers.parse_number(number_text, self.grammar)
            if number is None:
                return None
            if m.group("scale"):
                number *= self.grammar.lexicon("scales")[m.group("scale").lower()]
            if self._is_not_a_count(m, number_text, text):
                return None
            value, value_max = _numbers.bounds(number, qualifier)
        head_span = self._head(m, text)
        head = text[head_span[0]:head_span[1]] if head_span else None
        if m.group("currency"):
            head = self.currency.get(m.group("currency"), head)
        if m.group("percent"):
            head = "percent"
        elif head and head.lower() in self.unit_heads:
            head = self.unit_heads[head.lower()]
        if head is None and m.rule.options.get("requires_head"):
            return None
        if head is None and m.group("number") and self.patterns["bare_year"].fullmatch(m.group("number")):
            return None  # a bare year-like number with nothing counted is a year we did not date
        return {"start": start, "value": value, "value_max": value_max, "approximate": qualifier != "exact",
                "qualifier": qualifier, "head": head, "_head_end": head_span[1] if head_span else m.end}

    def _is_not_a_count(self, m: RuleMatch, number_text: str, text: str) -> bool:
        before = text[max(0, m.start - 30):m.start]
        previous = self.patterns["word_before_number"].search(before)
        if previous and previous["word"].lower() in self.identifier_prefixes and previous["word"][0].isupper():
            return True  # "Flight 103", "Resolution 242"
        if self.patterns["age_prefixes"].search(before):
            return True
        after = text[m.end:m.end + 60]
        if self.patterns["age_apposition_before"].search(before) and self.patterns["age_apposition_after"].match(after):
            return True
        return bool(self.patterns["address_after"].match(after)) or any(marker.match(after) for marker in self.age_markers)

    def _head(self, m: RuleMatch, text: str) -> Optional[tuple[int, int]]:
        """The noun a figure counts: the last word of the short run of words after it."""
        position, collected = m.end, None
        skip = {"of", "the"}
        for count in range(5):
            word = self.patterns["head_word"].match(text, position)
            if not word:
                break
            lowered = word.group("word").lower()
            if lowered in skip and collected is None and count < 2:
                position = word.end()
                continue
            if lowered in self.head_stopwords or (collected and (lowered.endswith(("ed", "ing"))
                                                                 or lowered in self.event_cue_words)):
                break
            collected = word.span("word")
            position = word.end()
            skip = set()
            if count >= 2:
                break
        return collected

    def _attach_figures(self, raws: list[dict[str, Any]], article: Article) -> list[dict[str, Any]]:
        """Ids, events and partitive links, which need the figure's neighbours."""
        text = article.text
        for raw in raws:
            raw["figure_id"] = hashlib.sha256(
                f"{article.article_id}:{raw['start']}:{raw['end']}".encode()).hexdigest()[:12]
            head = (raw["head"] or "").lower()
            raw["head_group"] = ("superset" if head in self.superset_heads
                                 else "subset" if head in self.subset_heads else None)
            raw["event"] = self._event_of(raw, text)
        for index, whole in enumerate(raws):
            cue = self.patterns["partitive"].match(text, whole["_head_end"])
            if not cue:
                continue
            position = cue.end()
            for part in raws[index + 1:]:
                gap = text[position:part["start"]]
                if not self.patterns["part_list_gap"].fullmatch(gap) or not self._part_fits(whole, part):
                    break
                part["part_of"] = whole["figure_id"]
                part["event"] = part["event"] or whole["event"]
                position = part["_head_end"]
        for raw in raws:
            raw.pop("_head_end", None)
        return raws

    def _part_fits(self, whole: dict[str, Any], part: dict[str, Any]) -> bool:
        """A part counts the same kind of thing as its whole: same head, or people within people."""
        whole_head, part_head = (whole["head"] or "").lower(), (part["head"] or "").lower()
        if not whole_head or not part_head:
            return False
        return (part_head == whole_head or _singular(part_head) == _singular(whole_head)
                or (whole["head_group"] == "superset" and part["head_group"] in ("subset", "superset")))

    def _event_of(self, raw: dict[str, Any], text: str) -> Optional[str]:
        prefix = self.patterns["event_prefix"].search(text, max(0, raw["start"] - 40), raw["start"])
        if prefix:
            return self.prefix_event[_normalised(prefix.group("cue"))]
        clause_start = raw["_head_end"]
        end = self.patterns["clause_end"].search(text, clause_start, clause_start + 100)
        clause_end = end.start() if end else min(len(text), clause_start + 100)
        cue = self.event_pattern.search(text, clause_start, clause_end)
        if cue:
            return self.event_of_cue[_normalised(cue.group())]
        return self.head_events.get((raw["head"] or "").lower())

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
        frames: dict[tuple[int, int], tuple[Optional[str], bool]] = {}
        for index, figure in enumerate(result.claims["figure"]):
            s = sentence(figure.start)
            if s not in frames:  # one look per sentence, however many figures it holds
                segment = text[s[0]:s[1]]
                source = next((found.group("source").lower() for found in
                               (pattern.search(segment) for pattern in self.source_patterns) if found), None)
                marked = bool(self.own_frame_words.search(segment)) or any(s[0] <= d.start < s[1] for d in dates)
                frames[s] = (source, marked)
            links.figure_source[index], marked = frames[s]
            if marked:
                links.figure_time_marked.append(index)
        return links


def _normalised(phrase: str) -> str:
    """A matched phrase as its lexicon key: lower case, single spaces."""
    return " ".join(phrase.lower().split())


def _normalised_keys(mapping: dict[str, Any]) -> dict[str, Any]:
    return {_normalised(key): value for key, value in mapping.items()}


def _word_set_pattern(words: list[str]) -> re.Pattern[str]:
    alternation = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))
    return re.compile(r"\b(?:" + alternation + r")\b", re.IGNORECASE)


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _timex(year: int, month: Optional[int], day: Optional[int]) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _resolve_year(published: dt.date, month: int, day: int, future: bool = False) -> int:
    """The year of a month and day written without one: the latest occurrence that is at most
    two months after publication (news mostly tells the past), or with ``future`` the first after it."""
    if future:
        return published.year if (month, day) > (published.month, published.day) else published.year + 1
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
        return {"granularity": "week", "value": f"{year:04d}-W{week}"}  # TimeML corpora write W7, not W07
    return {"granularity": "day", "value": (published + dt.timedelta(days=offset)).isoformat()}


_DEFAULT: Extractor | None = None


def default_extractor() -> Extractor:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT
