"""End-to-end timing of `factlint run` (Prefect embedded mode) on the converted corpora.

    python bench/convert_corpora.py      # once
    python bench/flow.py [--repeats 3] [--workers 1 2]

For each worker count: a cold run (fresh output, fresh Prefect home: includes the first
embedded-server start) and warm runs (fresh output, same Prefect home), then one re-run over an
unchanged output (every chunk reused). Prints wall seconds, medians and inputs/s.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def timed_run(data: Path, out: Path, home: Path, workers: int) -> tuple[float, dict]:
    env = {**os.environ, "PREFECT_HOME": str(home)}
    env.pop("PREFECT_API_URL", None)
    # The converted corpora only, not what lies in subfolders (the figures gold set's files).
    inputs = [str(p) for p in sorted(data.glob("*.jsonl"))]
    command = [sys.executable, "-m", "factlint.cli", "run", *inputs, "--out", str(out), "--no-progress",
               "--workers", str(workers)]
    started = time.perf_counter()
    subprocess.run(command, check=True, env=env, cwd=REPO, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    summary = json.loads((out / "reports" / "latest" / "summary.json").read_text())
    return elapsed, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=REPO / "bench" / "data")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="factlint-bench-"))
    try:
        for workers in args.workers:
            home = scratch / f"home-{workers}"
            cold, summary = timed_run(args.data, scratch / f"cold-{workers}", home, workers)
            warm = []
            for i in range(args.repeats):
                out = scratch / f"out-{workers}-{i}"
                warm.append(timed_run(args.data, out, home, workers)[0])
                if i < args.repeats - 1:
                    shutil.rmtree(out)
            rerun, _ = timed_run(args.data, out, home, workers)
            inputs = summary["inputs"]
            median = statistics.median(warm)
            print(f"workers={workers}: {inputs} inputs; cold {cold:.1f} s; warm {', '.join(f'{t:.1f}' for t in warm)} s "
                  f"(median {median:.1f} s, {inputs / median:,.0f} inputs/s); unchanged re-run {rerun:.1f} s")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
