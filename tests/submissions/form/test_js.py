"""The form's browser modules under node --test, and their agreement with the Python side."""

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from app.questionnaires.answers.validate import validate_answers
from app.questionnaires.xlsform import load_xlsform
from app.submissions.form import formats
from app.submissions.form.keys import key_of_path
from app.submissions.form.logic import logic_tree
from tests.conftest import missing
from tests.submissions.default_answers import DEFAULT_WORKBOOK, default_answers
from tests.submissions.workbooks import types_questionnaire

ROOT = Path(__file__).resolve().parents[3]
HERE = Path(__file__).parent
VECTORS = json.loads((HERE / "number_vectors.json").read_text())
TODAY = dt.date(2026, 11, 27)


@pytest.mark.parametrize(("text", "expected"), VECTORS["parse"])
def test_python_reads_numbers_like_the_browser(text, expected):
    assert formats.parse_number(text) == expected


@pytest.mark.parametrize(("value", "expected"), VECTORS["format"])
def test_python_writes_numbers_like_the_browser(value, expected):
    assert formats.format_number(value) == expected


@pytest.mark.parametrize(("iso", "lang", "expected"), VECTORS["day"])
def test_python_writes_dates_like_the_browser(iso, lang, expected):
    assert formats.format_day(iso, lang) == expected


def test_rupiah_and_typed_dates():
    assert formats.format_rupiah(1_500_000) == "Rp1.500.000"
    assert formats.parse_date("17 Agustus 2026") == "2026-08-17"
    assert formats.parse_date("2026-02-30") is None


def _default_cases() -> list[dict]:
    form = load_xlsform(DEFAULT_WORKBOOK.read_bytes(), filename=DEFAULT_WORKBOOK.name)
    full = default_answers(rows=2)
    skipped = {**full, "punya_aplikasi": "tidak", "teknis_nama": "Budi", "jumlah_pns": 1,
               "jumlah_pengelola_tik": 9, "pelatihan_dibutuhkan": ["tidak_ada", "lainnya"]}
    skipped["kebutuhan"] = [{**full["kebutuhan"][0], "kebutuhan_dimensi": "living"}]
    return [("default full", form.questionnaire, full), ("default skips", form.questionnaire,
                                                          skipped),
            ("default empty", form.questionnaire, {})]


def _case(name, form, answers) -> dict:
    result = validate_answers(form, answers, today=TODAY, partial=True)
    filtered = {"Pilihan ini tidak tersedia untuk jawaban sebelumnya."}
    errors = sorted(key_of_path(path, answers) for path, text in result.errors.items()
                    if text not in filtered)
    return {"name": name, "model": logic_tree(form, "id"), "answers": answers,
            "today": TODAY.isoformat(),
            "expect": {"doc": result.answers, "total": result.required_total,
                       "answered": result.required_answered, "errors": errors}}


def test_node_suite_passes(tmp_path):
    node = shutil.which("node")
    if node is None:
        missing("node is not installed: the form's browser modules were not tested")
    types = types_questionnaire()
    cases = [_case(*case) for case in _default_cases()]
    cases.append(_case("types", types, {
        "jumlah": -2, "punya": "tidak", "nama_aplikasi": "dropped", "dimensi": "gov",
        "kebutuhan": [{"_id": "r1", "elemen": "sampah", "biaya": 5}]}))
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(cases))
    result = subprocess.run([node, "--test", *sorted(str(p) for p in (HERE / "js").glob("*.mjs"))],
                            cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "OFFICER_LOGIC_CASES": str(path)})
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    assert "# pass 21" in result.stdout
