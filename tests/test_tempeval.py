"""The TempEval-3 reader and scorer, pinned on tiny hand-made TimeML files."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factlint._tempeval import Timex, evaluate, read_timeml, score_document
from factlint.cli import cli

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>Bombs <EVENT eid="e1">exploded</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>, \
the 32nd anniversary of a war of <TIMEX3 tid="t2" type="DATE" value="1966">1966</TIMEX3> that lasted \
<TIMEX3 tid="t3" type="DURATION" value="P44D">44 days</TIMEX3>.</TEXT>
</TimeML>
"""


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "t1.tml"
    path.write_text(DOC)
    return path


def test_reader_locates_gold_in_the_tag_free_text(doc):
    document = read_timeml(doc)
    assert str(document.dct) == "1998-08-07"
    assert document.text.startswith("Bombs exploded Friday, the 32nd")
    assert [(document.text[g.start:g.end], g.type, g.value) for g in document.gold] == [
        ("Friday", "DATE", "1998-08-07"), ("1966", "DATE", "1966"), ("44 days", "DURATION", "P44D")]


def test_strict_relaxed_type_and_value():
    gold = [Timex(0, 6, "DATE", "1998-08-07"), Timex(10, 14, "DATE", "1966"), Timex(20, 27, "DURATION", "P44D")]
    predicted = [Timex(0, 6, "DATE", "1998-08-07"),          # strict, value right
                 Timex(10, 16, "DATE", "1967"),               # relaxed only, value wrong
                 Timex(20, 27, "DATE", "P44D"),               # strict, type wrong, value right
                 Timex(40, 44, "DATE", "2000")]               # spurious
    counts = score_document(gold, predicted)
    assert (counts.gold, counts.predicted, counts.strict, counts.relaxed) == (3, 4, 2, 3)
    assert (counts.type_correct, counts.value_correct) == (2, 2)
    scores = counts.scores()
    assert scores["relaxed_p"] == 0.75 and scores["relaxed_r"] == 1.0
    assert round(scores["value_f1"], 4) == round((2 * 0.75 / 1.75) * (2 / 3), 4)


def test_matching_is_one_to_one():
    counts = score_document([Timex(0, 10, "DATE", "x")], [Timex(0, 4, "DATE", "x"), Timex(5, 10, "DATE", "x")])
    assert counts.relaxed == 1 and counts.predicted == 2


def test_date_view_compares_dates_only(doc):
    evaluation = evaluate([read_timeml(doc)], lambda d: [Timex(g.start, g.end, g.type, g.value) for g in d.gold])
    report = evaluation.report()
    assert report["all_types"]["value_f1"] == 1.0 and report["date"]["gold"] == 2


def test_cli_prints_both_views_and_json(doc):
    result = CliRunner().invoke(cli, ["eval", "tempeval", str(doc)])
    assert result.exit_code == 0 and "all_types" in result.output and "date" in result.output
    as_json = CliRunner().invoke(cli, ["eval", "tempeval", str(doc), "--json"])
    assert '"value_f1"' in as_json.output


def test_mistakes_list_misses_false_alarms_and_wrong_values(doc):
    document = read_timeml(doc)
    friday, year, _ = document.gold
    predicted = [Timex(friday.start, friday.end, "DATE", "1998-08-14"), Timex(year.start, year.end, "DATE", "1966"),
                 Timex(0, 5, "DATE", "PRESENT_REF")]
    evaluation = evaluate([document], lambda d: predicted)
    assert [(m.kind, m.detail) for m in evaluation.mistakes] == [
        ("not in gold", "'Bombs' got DATE PRESENT_REF"),
        ("value", "'Friday' gold DATE 1998-08-07, got 'Friday' DATE 1998-08-14"),
        ("missed", "'44 days' gold DURATION P44D")]
    assert evaluation.mistakes[1].sentence == f"t1.tml:{friday.start}"


def test_cli_lists_mistakes(tmp_path):
    wrong_gold = tmp_path / "t2.tml"  # gold says Thursday's date, so factlint's reading of "Friday" is a mistake
    wrong_gold.write_text(DOC.replace('value="1998-08-07">Friday', 'value="1998-08-06">Friday'))
    result = CliRunner().invoke(cli, ["eval", "tempeval", str(wrong_gold), "--mistakes"])
    assert result.exit_code == 0
    assert [line for line in result.output.splitlines() if line.startswith("t2.tml:")] == [
        "t2.tml:15  value       'Friday' gold DATE 1998-08-06, got 'Friday' DATE 1998-08-07"]
    as_json = CliRunner().invoke(cli, ["eval", "tempeval", str(wrong_gold), "--json", "--mistakes"])
    assert json.loads(as_json.output)["mistakes"] == [
        {"sentence": "t2.tml:15", "kind": "value", "detail": "'Friday' gold DATE 1998-08-06, got 'Friday' DATE 1998-08-07"}]
