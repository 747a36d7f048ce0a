"""Article-level agreement of factlint's figures with the gun-violence incident labels.

    python bench/convert_corpora.py --corpora gun_violence     # once
    python bench/gun_labels.py [--examples 10]

Each article of ../shared/corpora/news/gun_violence_articles carries the Gun Violence Archive's
n_killed and n_injured for the incident it was cited for. factlint's reading of an article is the
first figure it states with the event `killed` (for n_killed) or `wounded` (for n_injured), or
"none stated". The labels describe the incident, not the text, so agreement is bounded: an article
may tell of one death without a number ("a man was shot and killed"), of other incidents, or of
city-wide totals.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from factlint import analyse, discover, read_inputs
from schemas.article import Article

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO.parent / "shared" / "corpora" / "news" / "gun_violence_articles"
EVENTS = {"n_killed": "killed", "n_injured": "wounded"}


def labels(folder: Path) -> dict[str, dict]:
    """Labels by the converted article id (gv-<split>-<index>)."""
    found = {}
    for split in ("train", "val", "test"):
        for index, label in enumerate(json.loads((folder / f"y_{split}.json").read_text())):
            found[f"gv-{split}-{index}"] = label
    return found


def first_stated(figures, event: str):
    """The first figure telling the event, a whole rather than a part ("12 Americans" of "259 people")."""
    for figure in figures:
        if figure.event == event and not figure.part_of and not figure.amount:
            return figure
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=REPO / "bench" / "data" / "gun_violence.jsonl")
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--examples", type=int, default=0, help="print this many disagreements per label")
    args = parser.parse_args()
    gold = labels(args.labels)
    ids = [json.loads(line)["id"] for line in args.data.open(encoding="utf-8")]
    rows = []
    for record_id, item in zip(ids, read_inputs(discover([args.data]))):
        if isinstance(item, Article):
            rows.append((gold[record_id], analyse(item).extraction.claims["figure"], item.text))
    print(f"{len(rows)} articles with text (of {len(ids)}); labels are incident-level (Gun Violence Archive)")
    for field, event in EVENTS.items():
        outcome: Counter[str] = Counter()
        shown = 0
        for label, figures, text in rows:
            truth = label[field]
            figure = first_stated(figures, event)
            if figure is None:
                outcome["no figure, label 0" if truth == 0 else "no figure, label >= 1"] += 1
                continue
            low, high = figure.value, figure.value_max if figure.value_max is not None else float("inf")
            agree = low <= truth <= high
            outcome["figure agrees" if agree else "figure disagrees"] += 1
            if not agree and shown < args.examples:
                shown += 1
                start = max(0, figure.start - 120)
                print(f"  [{field}={truth}] ...{' '.join(text[start:figure.end + 80].split())}...")
        stated = outcome["figure agrees"] + outcome["figure disagrees"]
        labelled = sum(1 for label, _, _ in rows if label[field] >= 1)
        print(f"\n{field} (factlint event '{event}'):")
        print(f"  articles stating a {event} figure: {stated} ({stated / len(rows):.1%})")
        print(f"  of those, the first such figure agrees with the label: {outcome['figure agrees']}"
              f" ({outcome['figure agrees'] / stated:.1%})" if stated else "  none")
        print(f"  label >= 1 but no {event} figure stated: {outcome['no figure, label >= 1']} of {labelled}"
              f" ({outcome['no figure, label >= 1'] / labelled:.1%})")
        print(f"  label 0 and no {event} figure: {outcome['no figure, label 0']}")


if __name__ == "__main__":
    main()
