"""Reading inputs: text files with a 'date' header and JSONL feeds, into articles or rejects.

Nothing is lost: every input file (every JSONL line) ends as an ``Article`` or a ``Reject``.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator, Optional, Union

from schemas.article import Article, Reject

from ._errors import REJECT_TEXT, InputError, Messages, RejectReason
from ._grammar import Grammar, default_grammar

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass(frozen=True)
class InputRef:
    """One input file (or a window of a JSONL file's lines): where it is, the root it is reported
    relative to, and its stat signature."""

    path: str
    relative: str
    size: int
    mtime_ns: int
    first_line: int = 1
    last_line: Optional[int] = None  # inclusive; None = to the end

    @property
    def is_jsonl(self) -> bool:
        return Path(self.path).suffix.lower() in JSONL_SUFFIXES

    @property
    def n_articles(self) -> int:
        """Articles this input holds at most (lines of a JSONL window; an estimate for a whole JSONL file)."""
        if not self.is_jsonl:
            return 1
        if self.last_line is not None:
            return self.last_line - self.first_line + 1
        return max(1, self.size // 2048)


def split_jsonl(ref: InputRef, lines_per_piece: int) -> list[InputRef]:
    """A JSONL file as windows of at most ``lines_per_piece`` lines, so a large feed spreads over tasks."""
    with open(ref.path, "rb") as handle:
        data = handle.read()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return [ref]  # UTF-16 cannot be split on newline bytes; read it whole
    n_lines = data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)
    if n_lines <= lines_per_piece:
        return [ref]
    return [replace(ref, first_line=start, last_line=min(start + lines_per_piece - 1, n_lines))
            for start in range(1, n_lines + 1, lines_per_piece)]


def discover(inputs: list[Union[str, Path]]) -> list[InputRef]:
    """Every input file under the given files and folders (recursive, sorted, hidden files skipped)."""
    refs: dict[str, InputRef] = {}
    for given in inputs:
        root = Path(given)
        if not root.exists():
            raise InputError(Messages.E201.format(path=given))
        if root.is_file():
            files, base = [root], root.parent
        else:
            files = sorted(p for p in root.rglob("*")
                           if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
                           and p.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES)
            base = root
        for path in files:
            stat = path.stat()
            refs.setdefault(str(path.resolve()), InputRef(str(path), path.relative_to(base).as_posix(),
                                                          stat.st_size, stat.st_mtime_ns))
    return sorted(refs.values(), key=lambda r: (r.relative, r.path))


def decode(data: bytes) -> tuple[Optional[str], str]:
    """(text, encoding). UTF-8 with or without BOM, UTF-16 with BOM, else a legacy 8-bit guess."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            return None, "utf-16"
    if b"\x00" in data:
        return None, "binary"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252 (fallback)"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1 (fallback)"


def article_id(published: dt.date, text: str) -> str:
    return hashlib.sha256(f"{published.isoformat()}\n{text}".encode()).hexdigest()[:16]


def _reject(source: str, reason: RejectReason, line: Optional[int] = None, **detail: object) -> Reject:
    return Reject(source_path=source, line=line, reason_code=reason.value,
                  reason=REJECT_TEXT[reason].format(**detail))


def _parse_date(value: object) -> Optional[dt.date]:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def read_text_article(ref: InputRef, grammar: Grammar) -> Union[Article, Reject]:
    try:
        data = Path(ref.path).read_bytes()
    except OSError as exc:
        return _reject(ref.relative, RejectReason.UNREADABLE, error=exc.strerror)
    if not data.strip():
        return _reject(ref.relative, RejectReason.EMPTY)
    text, encoding = decode(data)
    if text is None:
        return _reject(ref.relative, RejectReason.BINARY if encoding == "binary" else RejectReason.UNDECODABLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    header = grammar.ingest["header"].match(text)
    if header is None:
        return _reject(ref.relative, RejectReason.NO_HEADER_DATE)
    published = _parse_date(header.group("published"))
    if published is None:
        return _reject(ref.relative, RejectReason.IMPOSSIBLE_DATE, value=header.group("published"))
    syndication = grammar.ingest["syndication"].search(header.group("trailer"))
    body_start = header.end()
    while body_start < len(text) and text[body_start].isspace():
        body_start += 1
    body = text[body_start:].rstrip()
    if not body:
        return _reject(ref.relative, RejectReason.EMPTY_BODY)
    return Article(
        article_id=article_id(published, body), source_path=ref.relative, published_date=published,
        outlet=syndication.group("outlet") if syndication else None,
        syndicator=syndication.group("syndicator") if syndication else None,
        encoding=encoding, text=body, body_offset=body_start,
    )


def _jsonl_lines(data: bytes, ref: InputRef) -> Iterator[tuple[int, Optional[str], str]]:
    """(line number, text or None if undecodable, encoding) for the lines in the ref's window."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = decode(data)
        lines: list = text.splitlines() if text is not None else []
        for number, line in enumerate(lines, start=1):
            yield number, line, encoding
        return
    last = ref.last_line or float("inf")
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if number < ref.first_line:
            continue
        if number > last:
            break
        text, encoding = decode(raw.rstrip(b"\r"))
        yield number, text, encoding


def read_jsonl_articles(ref: InputRef) -> Iterator[Union[Article, Reject]]:
    try:
        data = Path(ref.path).read_bytes()
    except OSError as exc:
        yield _reject(ref.relative, RejectReason.UNREADABLE, error=exc.strerror)
        return
    any_line = False
    for number, line, encoding in _jsonl_lines(data, ref):
        source = f"{ref.relative}#{number}"
        if line is None:
            any_line = True
            yield _reject(source, RejectReason.BINARY if encoding == "binary" else RejectReason.UNDECODABLE, number)
            continue
        if not line.strip():
            continue
        any_line = True
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _reject(source, RejectReason.BAD_JSON, number, error=exc.msg)
            continue
        if not isinstance(record, dict):
            yield _reject(source, RejectReason.BAD_JSON, number, error=f"a JSON {type(record).__name__}")
            continue
        missing = next((f for f in ("published", "text") if not record.get(f) or not isinstance(record[f], str)), None)
        if missing:
            yield _reject(source, RejectReason.MISSING_FIELD, number, field=missing)
            continue
        published = _parse_date(record["published"][:10])
        if published is None:
            yield _reject(source, RejectReason.IMPOSSIBLE_DATE, number, value=record["published"])
            continue
        body = record["text"].replace("\r\n", "\n").strip()
        yield Article(
            article_id=article_id(published, body), source_path=source, published_date=published,
            outlet=_text_or_none(record.get("source")), title=_text_or_none(record.get("title")),
            url=_text_or_none(record.get("url")), encoding=encoding, text=body,
        )
    if not any_line and ref.first_line == 1:
        yield _reject(ref.relative, RejectReason.EMPTY)


def _text_or_none(value: object) -> Optional[str]:
    return str(value) if value not in (None, "") else None


def read_inputs(refs: list[InputRef], grammar: Grammar | None = None) -> Iterator[Union[Article, Reject]]:
    grammar = grammar or default_grammar()
    for ref in refs:
        if ref.is_jsonl:
            yield from read_jsonl_articles(ref)
        else:
            yield read_text_article(ref, grammar)


def signature(refs: list[InputRef], salt: str) -> str:
    """A cheap key for a set of inputs: relative path, size and mtime of each, plus a version salt."""
    digest = hashlib.sha256(salt.encode())
    for ref in refs:
        digest.update(f"{ref.relative}\0{os.path.abspath(ref.path)}\0{ref.size}\0{ref.mtime_ns}\0"
                      f"{ref.first_line}-{ref.last_line}\n".encode())
    return digest.hexdigest()[:20]
