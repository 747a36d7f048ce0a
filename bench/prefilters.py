"""Check on real text that the rules' pre-filters change no match, only the work.

    python bench/prefilters.py [--per-corpus 3000] [--kinds date duration timex]

Runs every rule of the given kinds over the converted corpora twice: as factlint runs them
(`requires`, `starts_with`, `starts_at_numbers`) and as a full scan with the pre-filters removed,
and prints every difference. The test suite does the same on the rules' examples; this runs it on
thousands of articles. Exits 1 if any match differs.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

from factlint._grammar import Grammar, TextIndex

DATA = Path(__file__).resolve().parent / "data"
PREFILTERS = ("requires", "starts_with", "starts_at_numbers")


def matches(grammar: Grammar, texts: list[str], kinds: list[str]) -> list[set[tuple[str, str, int, int]]]:
    found = []
    for text in texts:
        index = TextIndex(grammar, text)
        found.append({(kind, m.rule.id, m.start, m.end) for kind in kinds for m in grammar.find(kind, text, index)})
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-corpus", type=int, default=3000, help="articles read from each corpus file")
    parser.add_argument("--kinds", nargs="+", default=["date", "duration", "timex"])
    args = parser.parse_args()
    texts = []
    for path in sorted(DATA.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            texts += [t for line in itertools.islice(handle, args.per_corpus) if (t := json.loads(line).get("text"))]
    if not texts:
        sys.exit("No converted corpora in bench/data: run `python bench/convert_corpora.py` first.")
    grammar = Grammar()
    filtered = matches(grammar, texts, args.kinds)
    for rule in grammar.all_rules():
        for option in PREFILTERS:
            rule.options.pop(option, None)
    full = matches(grammar, texts, args.kinds)
    differing = [(text, f ^ u, f) for text, f, u in zip(texts, filtered, full) if f != u]
    for text, difference, kept in differing:
        for kind, rule_id, start, end in sorted(difference, key=lambda d: d[2]):
            side = "pre-filtered only" if (kind, rule_id, start, end) in kept else "full scan only"
            print(f"{rule_id} {side}: {text[max(0, start - 30):end + 10]!r}")
    print(f"{len(texts):,} articles, kinds {', '.join(args.kinds)}: {len(differing)} with a differing match")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
