"""Run the consistency rules declared in ``schemas`` and turn their errors into findings."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Iterable

from pydantic import ValidationError

from schemas.article import Article, Finding, Span
from schemas.catalogue import catalogue
from schemas.checks import ArticleClaims

from ._extract import Extraction, Extractor, default_extractor


@dataclass
class ArticleResult:
    """One article's claims and findings."""

    extraction: Extraction
    findings: list[Finding]

    @property
    def article(self) -> Article:
        return self.extraction.article

    @property
    def n_errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def n_warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)

    @property
    def status(self) -> str:
        return "quarantined" if self.n_errors else "clean"


def to_finding(article: Article, error: dict[str, Any]) -> Finding:
    """One Pydantic error whose type is a rule id -> one finding."""
    rule_id = error["type"]
    spec = catalogue()[rule_id]
    ctx = error.get("ctx") or {}
    severity = spec.severity_when_uncertain if ctx.get("uncertain") and spec.severity_when_uncertain else spec.severity
    spans = [Span(start=s, end=e, role=role) for s, e, role in ctx.get("spans", [])]
    key = f"{rule_id}|{spec.version}|{article.article_id}|" + ",".join(f"{s.start}-{s.end}" for s in spans)
    return Finding(
        finding_id=hashlib.sha256(key.encode()).hexdigest()[:16],
        article_id=article.article_id, rule_id=rule_id, rule_version=spec.version, severity=severity,
        message=error["msg"], as_written=ctx.get("as_written"), as_evaluated=ctx.get("as_evaluated"), spans=spans,
    )


def _claim_findings(article: Article, extraction: Extraction) -> Iterable[Finding]:
    rules = catalogue()
    for invalid in extraction.invalid:
        for error in invalid.errors:
            if error["type"] in rules:
                yield to_finding(article, error)


def analyse(article: Article, extractor: Extractor | None = None) -> ArticleResult:
    """Extract an article's claims and check them: the whole per-article path, no I/O."""
    extraction = (extractor or default_extractor()).extract(article)
    findings = list(_claim_findings(article, extraction))
    try:
        ArticleClaims.model_validate(extraction.article_claims())
    except ValidationError as exc:
        findings.extend(to_finding(article, error) for error in exc.errors(include_url=False))
    unique = {f.finding_id: f for f in findings}
    return ArticleResult(extraction, sorted(unique.values(), key=lambda f: (f.spans[0].start if f.spans else 0, f.rule_id)))
