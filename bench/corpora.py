"""Run factlint's extract+check path (library, no Prefect) over the converted corpora.

    python bench/convert_corpora.py      # once
    python bench/corpora.py [--repeats 3] [--sample 20] [--profile]

Prints, per corpus: articles, rejects, articles/s (median of repeats, one process, one core),
error/warning articles, and findings by rule; writes every finding with its sentence to
bench/results/findings-<corpus>.jsonl for judging false alarms, and a random sample of error
findings to bench/results/sample-errors.md.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from collections import Counter
from pathlib import Path

from factlint import analyse, discover, read_inputs
from schemas.article import Article

REPO = Path(__file__).resolve().parents[1]


def excerpt(text: str, spans: list) -> str:
    start = min(s.start for s in spans)
    end = max(s.end for s in spans)
    left = max(text.rfind(". ", 0, start) + 2, 0, start - 250)
    right = text.find(". ", end)
    right = len(text) if right == -1 else min(right + 1, end + 250)
    return " ".join(text[left:right].split())


# Where the time goes: the library's phases, by the functions that carry them (cumulative CPU).
PHASES = [
    ("matching the grammar's rules", "_grammar.py", ("find",)),
    ("  of which pre-filters (word index, number anchors, required words)", "_grammar.py",
     ("starts_of", "number_starts", "has_any")),
    ("building figures (qualifier, head, not-a-count tests)", "_extract.py", ("_figure",)),
    ("building dates", "_extract.py", ("_date",)),
    ("figures' parts, events, tables", "_extract.py", ("_attach_figures",)),
    ("linking claims (event dates, sources, times)", "_extract.py", ("_link",)),
    ("sentences and paragraphs", "_text.py", ("sentences",)),
    ("Pydantic validation of claims and the consistency checks", "checks.py", ("_consistent",)),
]


def print_profile(articles) -> None:
    import cProfile
    import pstats

    profile = cProfile.Profile()
    profile.enable()
    for article in articles:
        analyse(article)
    profile.disable()
    stats = pstats.Stats(profile).stats
    total = sum(v[2] for v in stats.values())
    by_name: dict[tuple[str, str], float] = {}
    for (filename, _, name), (_, _, _, cumulative, _) in stats.items():
        key = (Path(filename).name, name)
        by_name[key] = max(by_name.get(key, 0.0), cumulative)
    whole = by_name.get(("_validate.py", "analyse"), total)
    print(f"  where the time goes (cProfile, {whole:.2f} s under the profiler):")
    for label, filename, names in PHASES:  # the functions of one phase do not call each other
        found = [by_name[(filename, name)] for name in names if (filename, name) in by_name]
        if found:
            print(f"    {sum(found) / whole:6.1%}  {label}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=REPO / "bench" / "data")
    parser.add_argument("--results", type=Path, default=REPO / "bench" / "results")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--sample", type=int, default=30, help="error findings to sample for judgement")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", action="store_true", help="also say where the time goes, per corpus")
    args = parser.parse_args()
    args.results.mkdir(parents=True, exist_ok=True)
    all_errors = []
    grand = Counter()
    for path in sorted(args.data.glob("*.jsonl")):
        items = list(read_inputs(discover([path])))
        articles = [i for i in items if isinstance(i, Article)]
        rejects = len(items) - len(articles)
        analyse(articles[0])  # warm-up: compiles the grammar
        timings = []
        for _ in range(args.repeats):  # results are not kept while timing, as a chunk of the flow drops them
            started = time.process_time()
            for article in articles:
                analyse(article)
            timings.append(time.process_time() - started)
        results = [analyse(a) for a in articles]
        if args.profile:
            print_profile(articles)
        by_rule = Counter(f"{f.rule_id}|{f.severity}" for r in results for f in r.findings)
        error_articles = sum(1 for r in results if r.n_errors)
        warning_articles = sum(1 for r in results if r.n_warnings)
        median = statistics.median(timings)
        n_claims = Counter(k for r in results for k, v in r.extraction.claims.items() for _ in v)
        print(f"\n{path.stem}: {len(articles)} articles, {rejects} rejected, "
              f"{len(articles) / median:,.0f} articles/s (CPU, median of {args.repeats}: "
              f"{', '.join(f'{t:.2f}' for t in timings)} s)")
        print(f"  articles with errors {error_articles} ({error_articles / len(articles):.2%}), "
              f"with warnings {warning_articles}")
        print("  claims: " + ", ".join(f"{k} {v}" for k, v in sorted(n_claims.items())))
        for key, count in by_rule.most_common():
            print(f"  {count:>6}  {key}")
        grand.update(by_rule)
        with (args.results / f"findings-{path.stem}.jsonl").open("w") as handle:
            for r in results:
                for f in r.findings:
                    record = {"corpus": path.stem, "source_path": r.article.source_path,
                              "published": r.article.published_date.isoformat(), "rule_id": f.rule_id,
                              "severity": f.severity, "message": f.message, "as_evaluated": f.as_evaluated,
                              "excerpt": excerpt(r.article.text, f.spans) if f.spans else ""}
                    handle.write(json.dumps(record) + "\n")
                    if f.severity == "error":
                        all_errors.append(record)
    rng = random.Random(args.seed)
    sample = rng.sample(all_errors, min(args.sample, len(all_errors)))
    lines = [f"# Sample of {len(sample)} error findings (of {len(all_errors)}), seed {args.seed}", ""]
    for i, record in enumerate(sample, 1):
        lines += [f"{i}. `{record['rule_id']}` {record['corpus']} {record['source_path']} "
                  f"(published {record['published']}): {record['as_evaluated']}", f"   > {record['excerpt']}", ""]
    (args.results / "sample-errors.md").write_text("\n".join(lines))
    print(f"\nall corpora: {sum(v for k, v in grand.items() if k.endswith('|error'))} error findings; "
          f"sample in {args.results / 'sample-errors.md'}")


if __name__ == "__main__":
    main()
