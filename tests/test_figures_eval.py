"""`factlint eval figures`: the scorer, pinned on tiny hand-made gold files."""

import json

import pytest
from click.testing import CliRunner

from factlint import InputError
from factlint._figures_eval import (
    FigureEvaluation,
    GoldSentence,
    evaluate,
    head_key,
    read_gold,
    score_sentence,
)
from factlint.cli import cli
from schemas.claims import FigureClaim

GOLD = [
    {"id": "a", "split": "dev", "published": "2024-02-26",
     "text": "The attack killed 150 hostages, including 68 women and 26 children.",
     "figures": [{"span": "150", "number": 150, "head": "hostages", "event": "killed", "part_of": None},
                 {"span": "68", "number": 68, "head": "women", "event": "killed", "part_of": 0},
                 {"span": "26", "number": 26, "head": "children", "event": "killed", "part_of": 0}]},
    {"id": "b", "split": "heldout", "published": "2018-03-03",
     "text": "Two people were arrested; the loss was $17 million to $19 million at 9:05 p.m.",
     "figures": [{"span": "Two", "number": 2, "head": "people", "event": "arrested", "part_of": None},
                 {"span": "$17 million to $19 million", "number": 17e6, "number_max": 19e6, "head": "dollars",
                  "event": None, "part_of": None}]},
]


@pytest.fixture
def gold_file(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(entry) + "\n" for entry in GOLD), encoding="utf-8")
    return path


def _figure(start, end, text, stated, head, event=None, part_of=None, stated_max=None):
    return FigureClaim(start=start, end=end, text=text, rule_id="figure.digits", figure_id=text,
                       stated=stated, stated_max=stated_max, value=stated, value_max=stated_max or stated,
                       head=head, event=event, part_of=part_of)


def test_factlint_reads_the_hand_made_gold_perfectly(gold_file):
    report = evaluate(read_gold(gold_file)).report()
    assert (report["gold"], report["predicted"], report["matched"]) == (5, 5, 5)
    assert report["detection_f1"] == 1.0
    assert report["value_accuracy"] == report["head_accuracy"] == report["event_accuracy"] == 1.0
    assert (report["gold_parts"], report["predicted_parts"], report["partitive_r"]) == (2, 2, 1.0)


def test_splits_are_read_apart(gold_file):
    assert [s.id for s in read_gold(gold_file, "heldout")] == ["b"]
    assert [s.id for s in read_gold(gold_file, "dev")] == ["a"]


def test_the_scorer_counts_each_kind_of_mistake():
    sentence = read_gold_entry(GOLD[0])
    at = sentence.text.index
    predicted = [
        _figure(at("150"), at("150") + 3, "150", 150, "hostages", "wounded"),  # event wrong
        _figure(at("68"), at("68") + 2, "68", 60, "girls", "killed"),           # value and head wrong, part missed
        _figure(0, 3, "The", 1, None),                                          # spurious
    ]
    evaluation = FigureEvaluation(sentences=1)
    score_sentence(sentence, predicted, evaluation)
    report = evaluation.report()
    assert (report["gold"], report["predicted"], report["matched"]) == (3, 3, 2)
    assert report["detection_p"] == pytest.approx(2 / 3) and report["detection_r"] == pytest.approx(2 / 3)
    assert report["value_accuracy"] == 0.5 and report["head_accuracy"] == 0.5
    assert report["event_accuracy"] == 0.5  # two pairs carry an event, one is right
    assert report["partitive_r"] == 0.0 and report["predicted_parts"] == 0
    kinds = sorted(m.kind for m in evaluation.mistakes)
    assert kinds == ["event", "head", "missed", "part missed", "part missed", "spurious", "value"]


def test_heads_compare_by_their_singular_last_word():
    assert head_key("police officers") == head_key("officer") == "officer"
    assert head_key("children") == "child" and head_key("people") == "person"
    assert head_key("casualties") == "casualty" and head_key(None) is None


def test_a_unit_written_short_is_the_unit():
    assert head_key("km") == head_key("kilometers") and head_key("pct") == head_key("percent")
    assert head_key("km") != head_key("miles")


def test_a_span_not_in_its_sentence_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({**GOLD[0], "figures": [{"span": "999", "number": 999}]}) + "\n")
    with pytest.raises(InputError, match="E204.*line 1.*'999'"):
        read_gold(path)


def test_spans_are_whole_words(tmp_path):
    entry = {"id": "c", "split": "dev", "published": "2020-01-01", "text": "Money: one person died.",
             "figures": [{"span": "one", "number": 1, "head": "person", "event": "killed"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(entry) + "\n")
    assert read_gold(path)[0].figures[0].start == 7


def test_cli_prints_scores_and_json(gold_file):
    runner = CliRunner()
    text = runner.invoke(cli, ["eval", "figures", str(gold_file), "--mistakes"])
    assert text.exit_code == 0, text.output
    assert "detection  P 1.000  R 1.000  F1 1.000" in text.output
    as_json = runner.invoke(cli, ["eval", "figures", str(gold_file), "--split", "heldout", "--json"])
    assert json.loads(as_json.output)["sentences"] == 1


def read_gold_entry(entry) -> GoldSentence:
    import datetime as dt

    from factlint._figures_eval import GoldFigure, _locate

    figures, position = [], 0
    for item in entry["figures"]:
        found = _locate(entry["text"], item["span"], position)
        position = found.end()
        figures.append(GoldFigure(found.start(), found.end(), item["number"], item.get("number_max"),
                                  item["head"], item["event"], item["part_of"]))
    return GoldSentence(entry["id"], entry["split"], dt.date.fromisoformat(entry["published"]), entry["text"], figures)
