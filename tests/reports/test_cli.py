"""`survei report --round ID --output FILE.html`."""

import json

import pytest
import typer
from typer.testing import CliRunner

from app.cli import report as report_cli
from app.db import Database
from tests.reports.conftest import seed_round
from tests.support.cli import use_sqlite_copy

# Until the lead registers `survei report` in app/cli/__init__.py, test the command alone.
cli = typer.Typer()
cli.command("report")(report_cli.report)


@cli.callback()
def _group() -> None:
    """Keep `report` a subcommand."""


def run(*args: str):
    return CliRunner().invoke(cli, ["report", *args])


@pytest.fixture
def seeded_cli(monkeypatch, tmp_path, sqlite_template):
    url = use_sqlite_copy(monkeypatch, tmp_path, sqlite_template)
    db = Database(url)
    seeded = seed_round(db)
    db.dispose()
    return seeded


def test_writes_one_self_contained_html_file(seeded_cli, tmp_path):
    out = tmp_path / "laporan.html"
    result = run("--round", str(seeded_cli.round_id), "--output", str(out))
    assert result.exit_code == 0, result.output
    assert f"2 submission(s), {seeded_cli.needs} need(s)" in result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "</html>" in html
    assert "<script" not in html and "<link" not in html and "<svg" in html


def test_options_json_and_errors(seeded_cli, tmp_path):
    out = tmp_path / "laporan.json"
    result = run("--round", str(seeded_cli.round_id), "--output", str(out), "--json",
                 "--statuses", "approved", "--opd", "OPD-A", "--lang", "en")
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["lang"], data["summary"]["asked"], data["summary"]["included"]) == ("en", 1, 1)
    missing = run("--round", "999", "--output", str(out))
    assert missing.exit_code == 1 and "Periode pengisian tidak ditemukan." in missing.output
    unknown = run("--round", str(seeded_cli.round_id), "--output", str(out), "--opd", "NOPE")
    assert unknown.exit_code == 1 and "NOPE" in unknown.output


def test_the_cli_writes_the_pdf(seeded_cli, tmp_path):
    out = tmp_path / "laporan.pdf"
    result = run("--round", str(seeded_cli.round_id), "--output", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")
    other = tmp_path / "laporan.bin"
    assert run("--round", str(seeded_cli.round_id), "-o", str(other), "--format", "pdf"
               ).exit_code == 0 and other.read_bytes().startswith(b"%PDF")
