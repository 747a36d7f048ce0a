"""Speed of the temporal reading (dates, durations, other TIMEX3) on TempEval-3 TBAQ, one process.

    python bench/tempeval.py [--repeats 5] [PATH ...]

Reports documents/s and characters/s as CPU time, median of repeats, after one warm-up pass.
Quality is `factlint eval tempeval PATH`.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from factlint._extract import TEMPORAL_KINDS, default_extractor
from factlint._tempeval import read_corpus

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "corpora" / "tempeval3" / "TBAQ-cleaned"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, default=[DEFAULT])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    articles = [d.article() for d in read_corpus(args.paths)]
    extractor = default_extractor()
    characters = sum(len(a.text) for a in articles)
    for article in articles:  # warm-up
        extractor.extract(article, TEMPORAL_KINDS)
    timings = []
    for _ in range(args.repeats):
        started = time.process_time()
        for article in articles:
            extractor.extract(article, TEMPORAL_KINDS).timexes()
        timings.append(time.process_time() - started)
    median = statistics.median(timings)
    print(f"{len(articles)} documents, {characters:,} characters: {len(articles) / median:,.0f} documents/s, "
          f"{characters / median:,.0f} characters/s (CPU, median of {args.repeats}: "
          f"{', '.join(f'{t:.3f}' for t in timings)} s)")


if __name__ == "__main__":
    main()
