"""The Parquet contract: one explicit Arrow schema per published table.

Columns and their descriptions come from the Pydantic models, so the data model is declared once;
Arrow types are fixed here by annotation (int -> int32, float -> float64, date -> date32, ...).
Every file of a table is written with exactly this schema. Bump SCHEMA_VERSION on any change.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any, Literal, Union

import pyarrow as pa
from pydantic import BaseModel

from .article import Article, Finding, Reject
from .claims import (
    AnniversaryClaim,
    CenturyClaim,
    DateClaim,
    DurationClaim,
    ElapsedClaim,
    FigureClaim,
    NameClaim,
    TimexClaim,
)

SCHEMA_VERSION = "4"

_SCALARS = {int: pa.int32(), float: pa.float64(), bool: pa.bool_(), str: pa.string(), dt.date: pa.date32()}
SPAN_TYPE = pa.list_(pa.struct([pa.field("start", pa.int32(), nullable=False),
                                pa.field("end", pa.int32(), nullable=False),
                                pa.field("role", pa.string(), nullable=False)]))


def _arrow_type(annotation: Any) -> tuple[pa.DataType, bool]:
    """(Arrow type, nullable) for a model field annotation."""
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        inner = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _arrow_type(inner[0])[0], True
    if origin is Literal:
        return pa.string(), False
    if origin is list:
        return SPAN_TYPE, False
    return _SCALARS[annotation], False


def _field(name: str, model: type[BaseModel] | None, type_: pa.DataType | None = None,
           nullable: bool | None = None, description: str | None = None) -> pa.Field:
    info = model.model_fields[name] if model is not None and name in model.model_fields else None
    if info is not None:
        derived, derived_nullable = _arrow_type(info.annotation)
        type_ = type_ or derived
        nullable = derived_nullable if nullable is None else nullable
        description = description or info.description
    return pa.field(name, type_, nullable=bool(nullable), metadata={"description": description or name})


ARTICLE_ID = ("article_id", None, pa.string(), False, "Id of the article (articles.article_id).")
RULE_ID = ("rule_id", None, pa.string(), False, "The grammar rule that extracted the claim.")
STATUS = ("status", None, pa.string(), False, "clean, or quarantined when the article has an error finding.")


def _claim_table(model: type[BaseModel], exclude: tuple[str, ...] = ()) -> list[pa.Field]:
    fields = [_field(*ARTICLE_ID)]
    fields += [_field(name, model) for name in model.model_fields if name not in exclude]
    return fields


def _schema(fields: list[pa.Field], title: str) -> pa.Schema:
    return pa.schema(fields, metadata={"factlint.table": title, "factlint.schema_version": SCHEMA_VERSION})


TABLES: dict[str, pa.Schema] = {
    "articles": _schema(
        [_field(name, Article) for name in ("article_id", "source_path", "published_date")]
        + [_field("published_year", None, pa.int16(), False, "Year of publication (for filtering and partitioning).")]
        + [_field(name, Article) for name in ("outlet", "syndicator", "title", "url", "encoding", "text")]
        + [_field(*STATUS),
           _field("n_errors", None, pa.int32(), False, "Error findings in the article."),
           _field("n_warnings", None, pa.int32(), False, "Warning findings in the article."),
           _field("n_claims", None, pa.int32(), False, "Claims of every kind extracted from the article."),
           _field("rules_version", None, pa.string(), False, "Version of the grammar, rules and engine that checked it.")],
        "articles"),
    "dates": _schema(_claim_table(DateClaim) + [_field("valid", None, pa.bool_(), False,
                                                       "False when the date itself is impossible (see findings).")],
                     "dates"),
    "anniversaries": _schema(_claim_table(AnniversaryClaim), "anniversaries"),
    "elapsed": _schema(_claim_table(ElapsedClaim), "elapsed"),
    "centuries": _schema(_claim_table(CenturyClaim), "centuries"),
    "durations": _schema(_claim_table(DurationClaim), "durations"),
    "figures": _schema(_claim_table(FigureClaim), "figures"),
    "names": _schema(_claim_table(NameClaim), "names"),
    "timexes": _schema(_claim_table(TimexClaim), "timexes"),
    "findings": _schema([_field(name, Finding) for name in Finding.model_fields], "findings"),
}
REJECTS: pa.Schema = _schema([_field(name, Reject) for name in Reject.model_fields], "rejects")

# Which claim kind feeds which table.
KIND_TABLES = {"date": "dates", "anniversary": "anniversaries", "elapsed": "elapsed", "century": "centuries",
               "duration": "durations", "figure": "figures", "name": "names", "timex": "timexes"}
