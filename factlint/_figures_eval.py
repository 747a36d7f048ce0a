"""Evaluation of factlint's stated figures against a hand-annotated gold file.

Gold file: JSON lines, one sentence each::

    {"id": "s003", "split": "dev", "published": "2018-03-03", "text": "Two people were arrested ...",
     "figures": [{"span": "Two", "number": 2, "head": "people", "event": "arrested", "part_of": null}]}

``span`` is the number expression as written (qualifier, currency sign and scale included); spans
are listed in text order and each is looked up after the previous one (and after the words in
``after``, when given), any run of white space matching any other. ``number`` (and ``number_max``
for a stated range) is the number as written, scaled; ``part_of`` is the index, in the same list,
of the whole a figure is given as a part of.

Scoring: each sentence is read alone, with its publication date. Predicted and gold figures are
paired one to one by overlapping spans (longest overlap first). Detection P/R/F1 count pairs.
Over the pairs: value accuracy (number and range end equal), head accuracy (heads compared in
lower case, last word, singular; both absent counts as equal), event accuracy over the pairs where
gold or prediction names an event (and, for reference, over all pairs). Partitive P/R compare
(part, whole) links through the pairing.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from schemas.article import Article
from schemas.claims import FigureClaim

from ._errors import InputError, Messages
from ._extract import FIGURE_BLOCKERS, Extractor, _normalised, default_extractor
from ._ingest import article_id
from ._scoring import Mistake, f1, overlap_pairs, ratio

# Irregular plurals the head comparison folds; regular ones lose their "s".
_IRREGULAR = {"men": "man", "women": "woman", "children": "child", "people": "person", "lives": "life",
              "police": "police", "feet": "foot", "teeth": "tooth", "mice": "mouse"}


@dataclass
class GoldFigure:
    start: int
    end: int
    number: float
    number_max: Optional[float]
    head: Optional[str]
    event: Optional[str]
    part_of: Optional[int]


@dataclass
class GoldSentence:
    id: str
    split: str
    published: dt.date
    text: str
    figures: list[GoldFigure]

    def article(self) -> Article:
        return Article(article_id=article_id(self.published, self.text), source_path=self.id,
                       published_date=self.published, encoding="utf-8", text=self.text)


def _locate(text: str, span: str, after: int) -> Optional[re.Match[str]]:
    """The span as whole words ("one" is not found in "money"), any white space matching any other."""
    pattern = r"\s+".join(map(re.escape, span.split()))
    return re.compile(r"(?<!\w)" + pattern + r"(?!\w)").search(text, after)


def read_gold(path: Path, split: str = "all") -> list[GoldSentence]:
    """The gold sentences of one split; a malformed line or a span not in its text is an InputError."""
    sentences = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            if split != "all" and entry["split"] != split:
                continue
            text, position, figures = entry["text"], 0, []
            for item in entry["figures"]:
                if item.get("after"):  # the span's own words occur earlier too: look after these
                    anchor = _locate(text, item["after"], position)
                    position = anchor.end() if anchor else position
                found = _locate(text, item["span"], position)
                if found is None:
                    raise ValueError(f"span {item['span']!r} is not in the text after offset {position}")
                position = found.end()
                figures.append(GoldFigure(found.start(), found.end(), float(item["number"]),
                                          None if item.get("number_max") is None else float(item["number_max"]),
                                          item.get("head"), item.get("event"), item.get("part_of")))
            sentences.append(GoldSentence(entry["id"], entry["split"], dt.date.fromisoformat(entry["published"]),
                                          text, figures))
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(Messages.E204.format(path=path, line=number, reason=exc)) from exc
    return sentences


def head_key(head: Optional[str]) -> Optional[str]:
    """'Police officers' -> 'officer', 'children' -> 'child', 'km' -> 'kilometer': what two heads must
    share to be equal. A unit written short is the unit (the lexicon's unit_heads)."""
    if not head:
        return None
    word = default_extractor().unit_heads.get(_normalised(head), head.lower()).split()[-1]
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def predict(sentence: GoldSentence, extractor: Optional[Extractor] = None) -> list[FigureClaim]:
    extraction = (extractor or default_extractor()).extract(sentence.article(), FIGURE_BLOCKERS + ("figure",))
    return extraction.claims["figure"]


@dataclass
class FigureCounts:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    value_correct: int = 0
    head_correct: int = 0
    with_event: int = 0
    event_correct: int = 0
    all_event_correct: int = 0
    gold_parts: int = 0
    predicted_parts: int = 0
    parts_correct: int = 0

    def scores(self) -> dict[str, Any]:
        p, r = ratio(self.matched, self.predicted), ratio(self.matched, self.gold)
        pp, pr = ratio(self.parts_correct, self.predicted_parts), ratio(self.parts_correct, self.gold_parts)
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "detection_p": p, "detection_r": r, "detection_f1": f1(p, r),
                "value_accuracy": ratio(self.value_correct, self.matched),
                "head_accuracy": ratio(self.head_correct, self.matched),
                "event_accuracy": ratio(self.event_correct, self.with_event), "event_pairs": self.with_event,
                "event_accuracy_all_pairs": ratio(self.all_event_correct, self.matched),
                "gold_parts": self.gold_parts, "predicted_parts": self.predicted_parts,
                "partitive_p": pp, "partitive_r": pr, "partitive_f1": f1(pp, pr)}


@dataclass
class FigureEvaluation:
    sentences: int = 0
    counts: FigureCounts = field(default_factory=FigureCounts)
    mistakes: list[Mistake] = field(default_factory=list)

    def report(self) -> dict[str, Any]:
        return {"sentences": self.sentences, **self.counts.scores()}


def _same_number(a: Optional[float], b: Optional[float]) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 0.0005 * max(abs(a), abs(b), 1e-9) or abs(a - b) < 1e-9


def score_sentence(sentence: GoldSentence, predicted: list[FigureClaim], evaluation: FigureEvaluation) -> None:
    counts, gold, text = evaluation.counts, sentence.figures, sentence.text
    counts.gold += len(gold)
    counts.predicted += len(predicted)
    pairs = overlap_pairs(gold, predicted)
    gold_of = {pi: gi for gi, pi in pairs}

    def note(kind: str, detail: str) -> None:
        evaluation.mistakes.append(Mistake(sentence.id, kind, detail))

    for gi, pi in pairs:
        g, p = gold[gi], predicted[pi]
        counts.matched += 1
        if _same_number(g.number, p.stated) and _same_number(g.number_max, p.stated_max):
            counts.value_correct += 1
        else:
            note("value", f"{text[g.start:g.end]!r}: gold {g.number:g}-{g.number_max}, got {p.stated:g}-{p.stated_max}")
        if head_key(g.head) == head_key(p.head):
            counts.head_correct += 1
        else:
            note("head", f"{text[g.start:g.end]!r}: gold {g.head!r}, got {p.head!r}")
        counts.all_event_correct += g.event == p.event
        if g.event or p.event:
            counts.with_event += 1
            if g.event == p.event:
                counts.event_correct += 1
            else:
                note("event", f"{text[g.start:g.end]!r}: gold {g.event!r}, got {p.event!r}")
    matched_gold = {gi for gi, _ in pairs}
    for gi, g in enumerate(gold):
        if gi not in matched_gold:
            note("missed", repr(text[g.start:g.end]))
    for pi, p in enumerate(predicted):
        if pi not in gold_of:
            note("spurious", repr(p.text))
    gold_links = {(gi, g.part_of) for gi, g in enumerate(gold) if g.part_of is not None}
    index_of = {p.figure_id: pi for pi, p in enumerate(predicted)}
    predicted_links = {(pi, index_of[p.part_of]) for pi, p in enumerate(predicted) if p.part_of in index_of}
    counts.gold_parts += len(gold_links)
    counts.predicted_parts += len(predicted_links)
    found = {(gold_of[a], gold_of[b]) for a, b in predicted_links if a in gold_of and b in gold_of}
    counts.parts_correct += len(found & gold_links)
    for part, whole in gold_links - found:
        note("part missed", f"{text[gold[part].start:gold[part].end]!r} of {text[gold[whole].start:gold[whole].end]!r}")
    for a, b in predicted_links:
        if (gold_of.get(a), gold_of.get(b)) not in gold_links:
            note("part spurious", f"{predicted[a].text!r} of {predicted[b].text!r}")


def evaluate(sentences: list[GoldSentence], extractor: Optional[Extractor] = None) -> FigureEvaluation:
    extractor = extractor or default_extractor()
    evaluation = FigureEvaluation(sentences=len(sentences))
    for sentence in sentences:
        score_sentence(sentence, predict(sentence, extractor), evaluation)
    return evaluation


def format_report(report: dict[str, Any], label: str) -> str:
    r = report
    return "\n".join([
        f"{label}: {r['sentences']} sentences, {r['gold']} gold figures, {r['predicted']} predicted",
        f"detection  P {r['detection_p']:.3f}  R {r['detection_r']:.3f}  F1 {r['detection_f1']:.3f}",
        f"value accuracy  {r['value_accuracy']:.3f}   (over {r['matched']} matched figures)",
        f"head accuracy   {r['head_accuracy']:.3f}",
        f"event accuracy  {r['event_accuracy']:.3f}   (over {r['event_pairs']} figures with an event in gold or "
        f"prediction; {r['event_accuracy_all_pairs']:.3f} over all matched)",
        f"partitive  P {r['partitive_p']:.3f}  R {r['partitive_r']:.3f}  F1 {r['partitive_f1']:.3f}   "
        f"({r['gold_parts']} gold links, {r['predicted_parts']} predicted)",
    ])
