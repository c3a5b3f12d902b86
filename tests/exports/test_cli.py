"""`survei export --round ID --output FILE [--format xlsx|csv|json]` and its options."""

import json
import zipfile

import typer
from openpyxl import load_workbook
from sqlmodel import select
from typer.testing import CliRunner

from app.audits.models import AuditEvent
from app.cli import export as export_cli
from tests.support.cli import use_database

# The lead registers the command in app/cli/__init__.py; tests use it on its own.
cli = typer.Typer()
cli.command("export")(export_cli.export)
cli.command("noop")(lambda: None)  # two commands: Typer then expects the command name


def run(*args: str):
    return CliRunner().invoke(cli, ["export", *args])


def test_export_writes_the_workbook_and_audits_it(world, tmp_path, monkeypatch, database_url):
    use_database(monkeypatch, tmp_path, database_url)
    output = tmp_path / "rekap.xlsx"
    result = run("--round", str(world.round.id), "--output", str(output))
    assert result.exit_code == 0, result.output
    assert f"{output}: 2 submissions (xlsx)" in result.stdout
    book = load_workbook(output)
    assert book.sheetnames[:3] == ["Info", "Status Pengisian", "Isian"]
    with world.db.session() as session:
        event = session.exec(select(AuditEvent).where(
            AuditEvent.action == "export.downloaded")).one()
    assert event.actor_name == "cli" and event.details["format"] == "xlsx"


def test_format_codes_language_statuses_and_opds(world, tmp_path, monkeypatch, database_url):
    use_database(monkeypatch, tmp_path, database_url)
    output = tmp_path / "rekap.json"
    result = run("--round", str(world.round.id), "-o", str(output), "--codes", "--lang", "en",
                 "--statuses", "all", "--opd", "OPD-C", "--opd", "OPD-B")
    assert result.exit_code == 0, result.output
    sheets = {s["key"]: s for s in json.loads(output.read_text())["sheets"]}
    assert [row[0] for row in sheets["isian"]["rows"]] == ["OPD-B", "OPD-C"]
    assert sheets["isian"]["columns"][0]["header"] == "OPD code"
    zipped = tmp_path / "rekap.dat"
    assert run("--round", str(world.round.id), "-o", str(zipped), "--format", "csv").exit_code == 0
    assert "03 Isian.csv" in zipfile.ZipFile(zipped).namelist()
    marked = tmp_path / "tandai.json"
    assert run("--round", str(world.round.id), "-o", str(marked), "--mark-na").exit_code == 0
    isian = next(s for s in json.loads(marked.read_text())["sheets"] if s["key"] == "isian")
    platform = [c["code"] for c in isian["columns"]].index("platform")
    assert [row[platform] for row in isian["rows"]] == ["Situs web; Android", "Tidak berlaku"]


def test_errors_are_told_in_plain_words(world, tmp_path, monkeypatch, database_url):
    use_database(monkeypatch, tmp_path, database_url)
    missing = run("--round", "999", "-o", str(tmp_path / "x.xlsx"))
    assert missing.exit_code == 1 and "Periode pengisian tidak ditemukan." in missing.stderr
    unknown = run("--round", str(world.round.id), "-o", str(tmp_path / "x.xlsx"), "--opd", "ZZ")
    assert unknown.exit_code == 1 and "ZZ" in unknown.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_a_long_export_shows_a_progress_bar(world, tmp_path, monkeypatch, database_url):
    from app.exports import writer

    use_database(monkeypatch, tmp_path, database_url)
    monkeypatch.setattr(export_cli, "PROGRESS_FROM", 1)
    monkeypatch.setattr(writer, "PROGRESS_EVERY", 1)
    seen = []
    original = export_cli._Bar.update
    monkeypatch.setattr(export_cli._Bar, "update",
                        lambda bar, done, total: (seen.append((done, total)),
                                                  original(bar, done, total)))
    result = run("--round", str(world.round.id), "-o", str(tmp_path / "x.xlsx"))
    assert result.exit_code == 0 and result.stderr.startswith("export")  # the bar, on stderr
    assert seen == [(1, 2), (2, 2), (2, 2)]
