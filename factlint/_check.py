"""Checking text directly, without files or Prefect: the library's shortest path."""

from __future__ import annotations

import datetime as dt
from typing import Union

from schemas.article import Article

from ._ingest import article_id
from ._validate import ArticleResult, analyse


def check_text(text: str, published: Union[str, dt.date], *, source_path: str = "<text>") -> ArticleResult:
    """Extract and check one article given as a string and its publication date."""
    published = dt.date.fromisoformat(published) if isinstance(published, str) else published
    article = Article(article_id=article_id(published, text), source_path=source_path,
                      published_date=published, encoding="str", text=text)
    return analyse(article)
