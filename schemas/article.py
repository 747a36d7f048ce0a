"""Articles, findings and rejected inputs."""

from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["error", "warning", "info"]


class Article(BaseModel):
    """One article as ingested: its publication date, origin and body text."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    article_id: str = Field(min_length=16, max_length=16, description="Stable id: hash of publication date and text.")
    source_path: str = Field(description="Input path relative to its input root; 'file.jsonl#<line>' for JSONL.")
    published_date: dt.date = Field(description="Publication date from the header or the 'published' field.")
    outlet: Optional[str] = Field(None, description="Outlet named in the syndication tag or the 'source' field.")
    syndicator: Optional[str] = Field(None, description="Syndicator named in the syndication tag (e.g. MENAFN).")
    title: Optional[str] = Field(None, description="Title, when the input gives one.")
    url: Optional[str] = Field(None, description="URL, when the input gives one.")
    encoding: str = Field(description="How the bytes were decoded; '(fallback)' marks a guess.")
    text: str = Field(min_length=1, description="Body text; every claim offset indexes this string.")
    body_offset: int = Field(0, ge=0, description="Offset of the body in the decoded input (for editor line numbers).")


class Span(BaseModel):
    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0, description="Offset in articles.text.")
    end: int = Field(ge=0, description="End offset in articles.text (exclusive).")
    role: str = Field(description="What the span is in the finding (whole, part, anniversary, event_date, ...).")


class Finding(BaseModel):
    """One consistency problem: the rule, the spans involved and the arithmetic that failed."""

    model_config = ConfigDict(frozen=True)

    finding_id: str = Field(description="Stable id: hash of rule, version, article and spans.")
    article_id: str = Field(description="The article the finding is about (articles.article_id).")
    rule_id: str = Field(description="Stable rule id, family.name (see docs/rules.md).")
    rule_version: int = Field(ge=1, description="Version of the rule that made the finding.")
    severity: Severity = Field(description="error (the article is quarantined), warning or info.")
    message: str = Field(description="What is inconsistent, in words.")
    as_written: Optional[str] = Field(None, description="The claims as the text states them.")
    as_evaluated: Optional[str] = Field(None, description="The arithmetic as evaluated, e.g. '68 + 26 = 94 <= 150'.")
    spans: list[Span] = Field(description="The claims involved: offsets into articles.text and their role.")


class Reject(BaseModel):
    """An input that never became an article, and why."""

    model_config = ConfigDict(frozen=True)

    source_path: str = Field(description="Input path relative to its input root; 'file.jsonl#<line>' for JSONL.")
    line: Optional[int] = Field(None, ge=1, description="Line number in a JSONL file.")
    reason_code: str = Field(description="Stable reason code, R001-R011 (factlint.RejectReason).")
    reason: str = Field(description="Why the input was rejected, in words.")
