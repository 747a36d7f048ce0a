"""TempEval-3 Task A evaluation of factlint's temporal reading: TimeML in, scores out.

Reading: the document creation time is the ``CREATION_TIME`` TIMEX3; the text is the content of
``<TEXT>`` with its tags removed, and gold expressions are the TIMEX3 elements inside it, located
by character offsets into that text.

Scoring (micro-averaged over documents, the DCT not scored): one-to-one matching of predicted and
gold spans; strict = identical spans, relaxed = overlapping spans, paired greedily by overlap
length. Type and value accuracy are measured over relaxed matches; value F1 = relaxed F1 × value
accuracy, as TempEval-3's attribute F1. The official scorer is token based, so figures may differ
from it slightly.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from schemas.article import Article

from ._extract import TEMPORAL_KINDS, Extractor, Timex, default_extractor
from ._ingest import article_id
from ._scoring import Mistake, f1, overlap_pairs, ratio


@dataclass
class TimeMLDocument:
    name: str
    dct: dt.date
    text: str
    gold: list[Timex]

    def article(self) -> Article:
        return Article(article_id=article_id(self.dct, self.text), source_path=self.name, published_date=self.dct,
                       encoding="utf-8", text=self.text)


def read_timeml(path: Path) -> TimeMLDocument:
    root = ET.parse(path).getroot()
    dct_value = next(t.get("value") for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME")
    pieces: list[str] = []
    gold: list[Timex] = []
    length = 0

    def walk(element: ET.Element) -> None:
        nonlocal length
        start = length
        if element.text:
            pieces.append(element.text)
            length += len(element.text)
        for child in element:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
                length += len(child.tail)
        if element.tag == "TIMEX3" and element.get("functionInDocument") != "CREATION_TIME":
            gold.append(Timex(start, length, element.get("type", ""), element.get("value", "")))

    text_element = root.find("TEXT")
    walk(text_element)
    return TimeMLDocument(path.name, dt.date.fromisoformat(dct_value[:10]), "".join(pieces), gold)


def read_corpus(paths: Iterable[Path]) -> list[TimeMLDocument]:
    files: list[Path] = []
    for path in paths:
        path = Path(path)
        files.extend(sorted(p for p in path.rglob("*.tml") if not p.name.startswith("._")) if path.is_dir() else [path])
    return [read_timeml(f) for f in files]


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    type_correct: int = 0
    value_correct: int = 0

    def add(self, other: "Counts") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def scores(self) -> dict[str, float]:
        sp, sr = ratio(self.strict, self.predicted), ratio(self.strict, self.gold)
        rp, rr = ratio(self.relaxed, self.predicted), ratio(self.relaxed, self.gold)
        type_acc, value_acc = ratio(self.type_correct, self.relaxed), ratio(self.value_correct, self.relaxed)
        return {"gold": self.gold, "predicted": self.predicted,
                "strict_p": sp, "strict_r": sr, "strict_f1": f1(sp, sr),
                "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": f1(rp, rr),
                "type_accuracy": type_acc, "value_accuracy": value_acc, "value_f1": f1(rp, rr) * value_acc}


def score_document(gold: list[Timex], predicted: list[Timex], document: Optional[TimeMLDocument] = None,
                   mistakes: Optional[list[Mistake]] = None) -> Counts:
    """Counts for one document; with ``mistakes``, also every miss, false alarm and wrong value."""
    counts = Counts(gold=len(gold), predicted=len(predicted))
    gold_spans = {(g.start, g.end) for g in gold}
    counts.strict = sum((p.start, p.end) in gold_spans for p in predicted)
    pairs = overlap_pairs(gold, predicted)
    for gi, pi in pairs:
        counts.relaxed += 1
        counts.type_correct += gold[gi].type == predicted[pi].type
        counts.value_correct += gold[gi].value == predicted[pi].value
    if mistakes is not None and document is not None:
        text, found = document.text, []

        def note(kind: str, timex: Timex, detail: str) -> None:
            found.append((timex.start, Mistake(f"{document.name}:{timex.start}", kind,
                                               f"{text[timex.start:timex.end]!r} {detail}")))

        for gi, pi in pairs:
            g, p = gold[gi], predicted[pi]
            if (g.type, g.value) != (p.type, p.value):
                note("value", g, f"gold {g.type} {g.value}, got {text[p.start:p.end]!r} {p.type} {p.value}")
        for gi in sorted(set(range(len(gold))) - {gi for gi, _ in pairs}):
            note("missed", gold[gi], f"gold {gold[gi].type} {gold[gi].value}")
        for pi in sorted(set(range(len(predicted))) - {pi for _, pi in pairs}):
            note("not in gold", predicted[pi], f"got {predicted[pi].type} {predicted[pi].value}")
        mistakes.extend(mistake for _, mistake in sorted(found, key=lambda f: f[0]))
    return counts


@dataclass
class Evaluation:
    documents: int = 0
    all: Counts = field(default_factory=Counts)
    date: Counts = field(default_factory=Counts)
    mistakes: list[Mistake] = field(default_factory=list)  # all types, in document order

    def report(self) -> dict[str, object]:
        return {"documents": self.documents, "all_types": self.all.scores(), "date": self.date.scores()}


def evaluate(documents: list[TimeMLDocument], predict) -> Evaluation:
    """Score ``predict(document) -> list[Timex]`` on the documents, for all types and for DATE."""
    evaluation = Evaluation(documents=len(documents))
    for document in documents:
        predicted = predict(document)
        evaluation.all.add(score_document(document.gold, predicted, document, evaluation.mistakes))
        evaluation.date.add(score_document([g for g in document.gold if g.type == "DATE"],
                                           [p for p in predicted if p.type == "DATE"]))
    return evaluation


def factlint_timexes(document: TimeMLDocument, extractor: Optional[Extractor] = None) -> list[Timex]:
    """factlint's temporal claims in a document, as TIMEX3 (type, value) with spans."""
    return (extractor or default_extractor()).extract(document.article(), TEMPORAL_KINDS).timexes()


def format_report(report: dict[str, object], label: str) -> str:
    lines = [f"{label}: {report['documents']} documents",
             f"{'':<10}{'gold':>6}{'pred':>6}  {'strict P/R/F1':<20}{'relaxed P/R/F1':<20}{'type':>6}{'value':>7}"
             f"{'value F1':>10}"]
    for view in ("all_types", "date"):
        s = report[view]
        lines.append(f"{view:<10}{s['gold']:>6}{s['predicted']:>6}  "
                     f"{s['strict_p']:.3f}/{s['strict_r']:.3f}/{s['strict_f1']:.3f}  "
                     f"{s['relaxed_p']:.3f}/{s['relaxed_r']:.3f}/{s['relaxed_f1']:.3f}  "
                     f"{s['type_accuracy']:.3f} {s['value_accuracy']:.3f}   {s['value_f1']:.3f}")
    return "\n".join(lines)
