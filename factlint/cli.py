"""The ``factlint`` command: a thin layer over the library and the Prefect flow."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any, Callable, Optional

import click

from . import __version__
from ._errors import ConfigurationError, FactlintError, InputError, Messages

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}
EXIT_FINDINGS, EXIT_FAILURE = 1, 2


# -- options shared by several commands, defined once --------------------------------------
def fail_on_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--fail-on", type=click.Choice(["error", "warning"]), default=None,
                        help="Exit 1 when findings of this severity (or worse) exist. Default: never.")(function)


def out_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=Path("output"),
                        show_default=True, help="Output folder (Parquet snapshots and reports).")(function)


def inputs_argument(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))(function)


def chunk_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--chunk-size", type=click.IntRange(1), default=1000, show_default=True,
                        help="Articles per Prefect task (about; chunks are cut by file name hash).")(function)


def _failed(n_errors: int, n_warnings: int, fail_on: Optional[str]) -> bool:
    return (fail_on == "error" and n_errors > 0) or (fail_on == "warning" and n_errors + n_warnings > 0)


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, prog_name="factlint")
def cli() -> None:
    """Check the claims in news articles for internal consistency; publish clean Parquet and reports."""


@cli.command()
@inputs_argument
@out_option
@chunk_option
@fail_on_option
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@click.option("--verbose", is_flag=True, help="Show Prefect's own logs.")
@click.option("--workers", type=click.IntRange(1), default=None,
              help="Processes for the CPU work (default: one per core).")
@click.option("--dask-address", default=None, metavar="tcp://HOST:8786",
              help="Run chunk tasks on an existing Dask cluster (needs PREFECT_API_URL and the 'dask' extra).")
def run(inputs: tuple[Path, ...], out: Path, chunk_size: int, fail_on: Optional[str], progress: Optional[bool],
        verbose: bool, workers: Optional[int], dask_address: Optional[str]) -> None:
    """Run the Prefect flow over INPUTS (files or folders; default raw/).

    Uses the Prefect server in PREFECT_API_URL when set, else Prefect's embedded mode.

    \b
    Example:
        factlint run raw/ --out output/ --fail-on error
    """
    from ._prefect_env import configure_prefect

    if dask_address and not os.environ.get("PREFECT_API_URL"):
        raise click.ClickException(str(ConfigurationError(Messages.E302.format(runner="Dask"))))
    configure_prefect(verbose=verbose)
    try:
        from flows.pipeline import flow_for

        result = flow_for(dask_address)(inputs=[str(i) for i in inputs or (Path("raw"),)], out=str(out),
                              chunk_size=chunk_size, progress=progress, workers=1 if dask_address else workers)
    except FactlintError as exc:
        raise click.ClickException(str(exc)) from exc
    from ._run import count_severity

    click.echo(format_summary(result))
    errors, warnings = (count_severity(result["findings"], s) for s in ("error", "warning"))
    if _failed(errors, warnings, fail_on):
        sys.exit(EXIT_FINDINGS)


def format_summary(result: dict[str, Any]) -> str:
    from ._report import summary_counts

    lines = [f"factlint run {result['run_id']}",
             f"  inputs {result['inputs']} = clean {result['clean']} + quarantined {result['quarantined']}"
             f" + rejected {result['rejected']}",
             f"  chunks {result['chunks']} ({result['chunks_cached']} unchanged, reused)"]
    rows = summary_counts(result)
    lines.append("  findings:" + (" none" if not rows else ""))
    lines += [f"    {r['count']:>6}  {r['severity']:<8} {r['rule_id']}" for r in rows]
    lines.append(f"  report: {Path(result['report_dir']) / 'report.html'}")
    return "\n".join(lines)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@fail_on_option
def check(files: tuple[Path, ...], fmt: str, fail_on: Optional[str]) -> None:
    """Check a few articles and print the findings, without Prefect (fast, for a quick look or an editor).

    Text findings read FILE:LINE:COLUMN: severity rule_id message.

    \b
    Example:
        factlint check raw/000_cf948414a6491593.txt
    """
    from schemas.article import Reject

    from ._ingest import discover, read_inputs
    from ._validate import analyse

    n_errors = n_warnings = 0
    records = []
    refs = discover(list(files))
    by_relative = {ref.relative: ref for ref in refs}
    for item in read_inputs(refs):
        if isinstance(item, Reject):
            records.append({"source_path": item.source_path, "rejected": item.reason_code, "reason": item.reason})
            if fmt == "text":
                click.echo(f"{item.source_path}: rejected {item.reason_code} {item.reason}")
            continue
        result = analyse(item)
        n_errors, n_warnings = n_errors + result.n_errors, n_warnings + result.n_warnings
        path = by_relative.get(item.source_path.split("#")[0])
        file_text = _decoded(path.path) if path and not path.is_jsonl else None
        for finding in result.findings:
            records.append({"source_path": item.source_path, **finding.model_dump()})
            if fmt == "text":
                click.echo(_editor_line(item, finding, file_text))
    if fmt == "json":
        click.echo(json.dumps(records, indent=2, default=str))
    else:
        click.echo(f"{n_errors} errors, {n_warnings} warnings", err=True)
    if _failed(n_errors, n_warnings, fail_on):
        sys.exit(EXIT_FINDINGS)


def _decoded(path: str) -> Optional[str]:
    from ._ingest import decode

    text, _ = decode(Path(path).read_bytes())
    return text.replace("\r\n", "\n") if text else None


def _editor_line(article: Any, finding: Any, file_text: Optional[str]) -> str:
    offset = (finding.spans[0].start if finding.spans else 0) + article.body_offset
    if file_text is not None:
        line = file_text.count("\n", 0, offset) + 1
        column = offset - (file_text.rfind("\n", 0, offset) + 1) + 1
        where = f"{article.source_path}:{line}:{column}"
    else:
        where = article.source_path
    return f"{where}: {finding.severity} {finding.rule_id} {finding.message} [{finding.as_evaluated}]"


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True)
def rules(fmt: str) -> None:
    """List the consistency rules: id, version, severity and what each checks.

    \b
    Example:
        factlint rules --format markdown > docs/rules.md
    """
    from ._catalogue_doc import render_rules

    click.echo(render_rules(fmt), nl=False)


@cli.group()
def eval() -> None:
    """Measure factlint against annotated corpora.

    \b
    Example:
        factlint eval tempeval ../shared/corpora/tempeval3/TBAQ-cleaned --json
    """


@eval.command("tempeval")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--mistakes", is_flag=True, help="Also list every miss, false alarm and wrong value, by document.")
def eval_tempeval(paths: tuple[Path, ...], as_json: bool, mistakes: bool) -> None:
    """Score the temporal reading on TimeML files or folders (TempEval-3 Task A).

    Prints strict and relaxed P/R/F1, type and value accuracy and value F1, for all TIMEX3 types
    and for DATE; the document creation time is the publication date and is not scored.

    \b
    Example:
        factlint eval tempeval ../shared/corpora/tempeval3/platinum
    """
    from ._tempeval import evaluate, factlint_timexes, format_report, read_corpus

    evaluation = evaluate(read_corpus(list(paths)), factlint_timexes)
    report = evaluation.report()
    if as_json:
        report["mistakes"] = [vars(m) for m in evaluation.mistakes] if mistakes else None
        click.echo(json.dumps(report, indent=2))
        return
    click.echo(format_report(report, ", ".join(str(p) for p in paths)))
    if mistakes:
        for mistake in evaluation.mistakes:
            click.echo(f"{mistake.sentence}  {mistake.kind:<11} {mistake.detail}")


@eval.command("figures")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--split", type=click.Choice(["all", "dev", "heldout"]), default="all", show_default=True,
              help="Which half of the gold file to score.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--mistakes", is_flag=True, help="Also list every mistake, sentence by sentence.")
def eval_figures(gold: Path, split: str, as_json: bool, mistakes: bool) -> None:
    """Score stated figures on a hand-annotated gold file (JSON lines).

    Prints detection P/R/F1, value, head and event accuracy, and partitive P/R.
    bench/figures/README.md describes the format and factlint's own gold set.

    \b
    Example:
        factlint eval figures bench/data/figures/gold.jsonl --split heldout
    """
    from ._figures_eval import evaluate, format_report, read_gold

    try:
        evaluation = evaluate(read_gold(gold, split))
    except InputError as exc:
        raise click.ClickException(str(exc)) from exc
    report = evaluation.report()
    if as_json:
        report["mistakes"] = [vars(m) for m in evaluation.mistakes] if mistakes else None
        click.echo(json.dumps(report, indent=2))
        return
    click.echo(format_report(report, f"{gold} ({split})"))
    if mistakes:
        for mistake in evaluation.mistakes:
            click.echo(f"{mistake.sentence}  {mistake.kind:<13} {mistake.detail}")


@cli.command()
@inputs_argument
@out_option
@chunk_option
@click.option("--cron", default="0 2 * * *", show_default=True, help="Cron schedule.")
@click.option("--timezone", default="UTC", show_default=True)
@click.option("--name", default="factlint-nightly", show_default=True, help="Deployment name.")
def serve(inputs: tuple[Path, ...], out: Path, chunk_size: int, cron: str, timezone: str, name: str) -> None:
    """Serve the flow on a schedule (needs `prefect server start` and PREFECT_API_URL).

    \b
    Example:
        factlint serve raw/ --out output/ --cron "0 2 * * *"
    """
    if not os.environ.get("PREFECT_API_URL"):
        raise click.ClickException(str(ConfigurationError(Messages.E301)))
    from ._prefect_env import configure_prefect

    configure_prefect(verbose=True)
    from prefect import serve as prefect_serve

    from flows.deploy import scheduled_deployment

    deployment = scheduled_deployment([str(i) for i in inputs or (Path("raw"),)], str(out), chunk_size,
                                      cron=cron, timezone=timezone, name=name)
    prefect_serve(deployment)


def main() -> None:
    try:
        cli(standalone_mode=True)
    except FactlintError as exc:  # pragma: no cover - click handles ClickException
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_FAILURE)


if __name__ == "__main__":
    main()
