"""The Prefect flow and the CLI around it, against one session-wide Prefect test server."""

import json

import yaml
from click.testing import CliRunner
from prefect.artifacts import Artifact
from prefect.client.schemas.schedules import CronSchedule, construct_schedule

from factlint.cli import cli
from flows.deploy import scheduled_deployment
from flows.pipeline import factlint_run

from .conftest import ROOT
from .test_publish import BAD


def test_flow_publishes_output_report_and_artifacts(prefect_harness, raw_copy, tmp_path):
    out = tmp_path / "out"
    result = factlint_run(inputs=[str(raw_copy)], out=str(out), chunk_size=1, progress=False)
    assert (result["inputs"], result["clean"], result["rejected"]) == (2, 2, 0)
    assert result["chunks"] >= 1
    assert (out / "clean" / "articles" / "part-0.parquet").exists()
    assert (out / "reports" / "latest" / "report.html").exists()
    summary = Artifact.get("factlint-summary")
    assert summary is not None and "names.spelling_variant" in summary.data
    assert Artifact.get("factlint-report") is not None
    top = Artifact.get("factlint-top-findings")
    assert top is not None and "names.spelling_variant" in str(top.data)


def test_cli_run_fail_on_error_exits_1(prefect_harness, raw_copy, tmp_path):
    (raw_copy / "bad.txt").write_text(BAD)
    out = tmp_path / "out"
    runner = CliRunner()
    ok = runner.invoke(cli, ["run", str(raw_copy), "--out", str(out), "--no-progress"])
    assert ok.exit_code == 0, ok.output
    assert "quarantined 1" in ok.output and "figures.parts_exceed_whole" in ok.output
    failed = runner.invoke(cli, ["run", str(raw_copy), "--out", str(out), "--no-progress", "--fail-on", "error"])
    assert failed.exit_code == 1
    assert "(1 unchanged, reused)" in failed.output or "unchanged, reused" in failed.output


def test_deployment_definition_offline():
    deployment = scheduled_deployment(["raw"], "output", cron="0 2 * * *", timezone="Europe/Paris")
    schedule = deployment.schedules[0].schedule
    assert (schedule.cron, schedule.timezone) == ("0 2 * * *", "Europe/Paris")
    assert deployment.parameters["inputs"] == ["raw"]


def test_prefect_yaml_is_valid_and_points_at_the_flow():
    config = yaml.safe_load((ROOT / "prefect.yaml").read_text())
    for deployment in config["deployments"]:
        path, _, name = deployment["entrypoint"].partition(":")
        assert (ROOT / path).exists() and name == factlint_run.fn.__name__
        for schedule in deployment["schedules"]:
            assert isinstance(construct_schedule(**schedule), CronSchedule)


def test_serve_refuses_without_a_server(monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    result = CliRunner().invoke(cli, ["serve", "raw"])
    assert result.exit_code != 0 and "E301" in result.output


def test_dask_runner_refuses_without_a_server(monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    result = CliRunner().invoke(cli, ["run", "raw", "--dask-address", "tcp://127.0.0.1:8786"])
    assert result.exit_code != 0 and "E302" in result.output


def test_check_prints_editor_lines_without_prefect(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text(BAD)
    result = CliRunner().invoke(cli, ["check", str(path), "--fail-on", "error"])
    assert result.exit_code == 1
    assert "bad.txt:3:13: error figures.parts_exceed_whole" in result.output
    as_json = CliRunner().invoke(cli, ["check", str(path), "--format", "json"])
    assert json.loads(as_json.output)[0]["rule_id"] == "figures.parts_exceed_whole"
