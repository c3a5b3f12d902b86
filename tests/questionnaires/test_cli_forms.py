"""`survei form check | outline | publish`."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import cli
from tests.support.forms import small_workbook

DEFAULT = Path(__file__).resolve().parents[2] / "surveys" / "kebutuhan-smart-city.xlsx"


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("SURVEI_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("SURVEI_DATABASE_URL", raising=False)
    return tmp_path


def test_check_passes_the_default_questionnaire(env):
    result = CliRunner().invoke(cli, ["form", "check", str(DEFAULT)])
    assert result.exit_code == 0, result.output
    assert "ok (kebutuhan_smart_city 2026.2)" in result.output


def test_check_lists_every_problem_with_file_row_and_column(env):
    broken = env / "rusak.xlsx"
    broken.write_bytes(small_workbook(survey=[
        ["type", "name", "label::Bahasa Indonesia (id)", "label::English (en)", "relevant"],
        ["text", "nama", "Nama", "Name", "${tidak_ada} = 1"],
        ["bilangan", "x", "X", "X", ""],
    ]))
    result = CliRunner().invoke(cli, ["form", "check", str(DEFAULT), str(broken)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith(str(broken))]
    assert any("survey row 2, column relevant" in line and "tidak_ada" in line for line in lines)
    assert any("survey row 3, column type" in line and "bilangan" in line for line in lines)


def test_outline_prints_sections_and_questions(env):
    result = CliRunner().invoke(cli, ["form", "outline", str(DEFAULT)])
    assert result.exit_code == 0
    assert "pj_nip (text, required): NIP" in result.output


def test_publish_stores_a_version_once(env):
    workbook = env / "kecil.xlsx"
    workbook.write_bytes(small_workbook())
    first = CliRunner().invoke(cli, ["form", "publish", str(workbook)])
    second = CliRunner().invoke(cli, ["form", "publish", str(workbook)])
    assert first.exit_code == 0 and "kecil version 1 published" in first.output
    assert second.exit_code == 0 and "already published" in second.output
    missing = CliRunner().invoke(cli, ["form", "publish", str(env / "tidak-ada.xlsx")])
    assert missing.exit_code == 1 and "file not found" in missing.output
