"""Claims extracted from an article: what each kind holds and which values are well formed.

Field constraints are the first layer of checking. A claim whose text is impossible in itself
("February 30, 2024", a range that ends before it starts) fails validation with a
``PydanticCustomError`` carrying its rule id; the engine turns that into a finding.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .catalogue import rule_error


class Claim(BaseModel):
    """A stretch of article text that states something checkable."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int = Field(ge=0, description="Character offset of the claim in articles.text (inclusive).")
    end: int = Field(gt=0, description="Character offset of the claim's end in articles.text (exclusive).")
    text: str = Field(min_length=1, description="The claim as written.")
    rule_id: str = Field(description="The grammar rule that extracted the claim.")

    @model_validator(mode="after")
    def _span_is_ordered(self) -> "Claim":
        if self.end <= self.start:
            raise ValueError(f"span end {self.end} is not after start {self.start}")
        return self


SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # first month of each TIMEX3 season


def timex_bounds(value: str) -> tuple[dt.date, dt.date]:
    """First and last calendar day a TIMEX3 date value covers.

    ``1992``, ``1992-02``, ``1992-02-25``, ``1998-Q3``, ``1998-W31`` and decades (``199``).
    """
    value = value.split("T", 1)[0]  # a part of the day ("1998-08-05TNI") lies within its day
    if value.endswith("-WE"):  # the weekend of an ISO week
        year, week = value[:-3].split("-W")
        saturday = dt.date.fromisocalendar(int(year), int(week), 6)
        return saturday, saturday + dt.timedelta(days=1)
    parts = value.split("-")
    if len(parts) == 2 and parts[1] in SEASON_MONTHS:
        year, month = int(parts[0]), SEASON_MONTHS[parts[1]]
        first = dt.date(year, month, 1)
        end_month = (month + 1) % 12 + 1
        end_year = year + (month + 2 > 12)
        return first, dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    if len(parts) == 2 and parts[1][:1] in ("Q", "W"):
        year, unit, n = int(parts[0]), parts[1][0], int(parts[1][1:])
        if unit == "Q":
            first = dt.date(year, 3 * n - 2, 1)
            last = dt.date(year, 3 * n, calendar.monthrange(year, 3 * n)[1])
            return first, last
        monday = dt.date.fromisocalendar(year, n, 1)
        return monday, monday + dt.timedelta(days=6)
    if len(parts[0]) == 3:  # decade, e.g. "199" = 1990..1999
        decade = int(parts[0]) * 10
        return dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31)
    year = int(parts[0])
    if len(parts) == 1:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = int(parts[1])
    if len(parts) == 2:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    day = dt.date(year, month, int(parts[2]))  # raises ValueError for impossible dates
    return day, day


class DateClaim(Claim):
    """A date or date range, with TIMEX3 values."""

    type: Literal["DATE", "TIME"] = Field("DATE", description="TIMEX3 type (TIME for a part of a day).")
    granularity: Literal["day", "week", "month", "season", "quarter", "year", "decade"] = Field(
        description="Finest unit the text states.")
    value: str = Field(description="TIMEX3 value of the (start) date, e.g. 1992-02-25, 1992-02, 1992, 199.")
    end_value: Optional[str] = Field(None, description="TIMEX3 value of the range's end; null for a single date.")
    year_inferred: bool = Field(False, description="The year is not written; it was resolved against publication.")
    first_day: Optional[dt.date] = Field(None, description="First calendar day the claim covers.")
    last_day: Optional[dt.date] = Field(None, description="Last calendar day the claim covers.")

    @model_validator(mode="after")
    def _real_and_ordered(self) -> "DateClaim":
        bounds = {}
        for name in ("value", "end_value"):
            value = getattr(self, name)
            if value is None:
                continue
            try:
                bounds[name] = timex_bounds(value)
            except ValueError:
                raise rule_error(
                    "dates.impossible_date",
                    {"text": self.text, "value": value, "spans": [(self.start, self.end, "date")],
                     "as_written": self.text, "as_evaluated": f"{value} does not exist"},
                ) from None
        first = bounds["value"][0]
        last = bounds.get("end_value", bounds["value"])[1]
        if "end_value" in bounds and bounds["end_value"][0] < bounds["value"][0]:
            raise rule_error(
                "dates.reversed_range",
                {"text": self.text, "value": self.value, "end_value": self.end_value,
                 "spans": [(self.start, self.end, "range")], "as_written": self.text,
                 "as_evaluated": f"{self.end_value} < {self.value}"},
            )
        object.__setattr__(self, "first_day", first)
        object.__setattr__(self, "last_day", last)
        return self


class AnniversaryClaim(Claim):
    """"the 32nd anniversary of the Khojaly Genocide": an ordinal and the event it counts from."""

    ordinal: int = Field(ge=1, description="Which anniversary (32 for 'the 32nd anniversary').")
    event_text: Optional[str] = Field(None, description="The event phrase the anniversary is of.")
    event_start: Optional[int] = Field(None, ge=0, description="Offset of the event phrase.")
    event_end: Optional[int] = Field(None, ge=0, description="End offset of the event phrase.")
    implied_event_year: int = Field(description="Publication year minus the ordinal: the year the event implies.")


class ElapsedClaim(Claim):
    """"30 years since 1994", "three decades since the ceasefire", "32 years ago"."""

    n: float = Field(ge=0, description="How many units elapsed, as written.")
    unit: Literal["year", "decade"] = Field(description="The unit of n.")
    anchor: Literal["since", "ago", "after"] = Field(description="What the time is counted from.")
    anchor_year: Optional[int] = Field(None, description="The year written as the anchor, if any.")
    period: bool = Field(False, description="A past period ('in the two years since 1982'), not time until publication.")
    event_text: Optional[str] = Field(None, description="The event written as the anchor, if any.")
    implied_year: Optional[int] = Field(None, description="The year the claim implies.")


class CenturyClaim(Claim):
    """"the 20th century", with the event it describes when one is in the same sentence."""

    century: int = Field(ge=1, le=30, description="The ordinal century (20 for 'the 20th century').")
    value: str = Field(description="TIMEX3 value (19 for the 20th century).")


class DurationClaim(Claim):
    """"the 44-day war": a length of time and, when the text gives them, its start and end."""

    n: float = Field(gt=0, description="How many units.")
    unit: Literal["day", "week", "month", "year"] = Field(description="The unit of n.")
    value: str = Field(description="TIMEX3 duration value, e.g. P44D.")
    noun: Optional[str] = Field(None, description="What lasted that long ('Patriotic War').")
    start_date: Optional[dt.date] = Field(None, description="First day of the span, when the text states it.")
    end_date: Optional[dt.date] = Field(None, description="Last day of the span, when the text states it.")


Qualifier = Literal["exact", "more_than", "at_least", "nearly", "less_than", "at_most", "about", "vague"]


class FigureClaim(Claim):
    """A stated count or amount: what it counts (head), what happened (event), what it is part of."""

    figure_id: str = Field(description="Stable id of the figure within its article.")
    stated: float = Field(ge=0, description="The number as written, scaled ('2.5 million' -> 2500000); the low end of a range.")
    stated_max: Optional[float] = Field(
        None, ge=0, description="High end of a stated range ('17 to 19 million', 'thousands'); null for one number.")
    value: float = Field(ge=0, description="Lowest value the text allows (the number itself when exact).")
    value_max: Optional[float] = Field(None, ge=0, description="Highest value the text allows; null when unbounded.")
    approximate: bool = Field(False, description="The text gives a bound or an approximation, not an exact number.")
    qualifier: Qualifier = Field("exact", description="How the number is bounded ('more than', 'nearly', ...).")
    head: Optional[str] = Field(None, description="The noun the figure counts ('civilians', 'dollars').")
    amount: bool = Field(False, description="Money, a percentage, a ratio ('four times') or another unit amount, "
                                            "not a count of people or things.")
    head_group: Optional[Literal["superset", "subset"]] = Field(
        None, description="Whether the head names everyone counted (people) or a subset of them (children).")
    event: Optional[str] = Field(None, description="What happened to what is counted (killed, wounded, ...).")
    part_of: Optional[str] = Field(None, description="figure_id of the whole this figure is a part of.")
    part_listed: bool = Field(
        False, description="The part is one of a list given with its whole ('including 68 women and 26 children'); "
                           "only listed parts are added up, not parts stated apart ('four of six', 'five of them').")
    source: Optional[str] = Field(None, description="Who the figure is attributed to, when stated ('police').")
    as_of: Optional[str] = Field(
        None, description="TIMEX3 value of the time stated in the figure's sentence ('2024-02-26'), if any.")

    @model_validator(mode="after")
    def _range_is_ordered(self) -> "FigureClaim":
        if self.value_max is not None and self.value_max < self.value:
            raise ValueError(f"value_max {self.value_max} is below value {self.value}")
        return self


class NameClaim(Claim):
    """A person's name introduced by a title or a role."""

    name: str = Field(min_length=3, description="The name as written, without title.")
    title: Optional[str] = Field(None, description="Title written before the name ('Senator').")
    role: Optional[str] = Field(None, description="Role the text gives the person.")


class TimexClaim(Claim):
    """A temporal expression with no calendar date of its own: "now", "the nine months", "daily"."""

    type: Literal["DATE", "TIME", "DURATION", "SET"] = Field(description="TIMEX3 type.")
    value: str = Field(description="TIMEX3 value: PRESENT_REF, PAST_REF, FUTURE_REF, P9M, PT10H, P1D, ...")
