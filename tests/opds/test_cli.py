"""`survei opd import` and `survei opd list`: all or nothing, every problem with its place."""

import io
import json

import pytest
from openpyxl import Workbook
from sqlmodel import func, select

from app.db import Database
from app.opds.models import Opd
from tests.support.cli import run, use_sqlite_copy

GOOD = (
    "code,name,short_name,kind,parent_code\n"
    "SETDA,Sekretariat Daerah,Setda,sekretariat,\n"
    "SETDA.ORG,Bagian Organisasi,,bagian,SETDA\n"
    "DINKES,Dinas Kesehatan,Dinkes,dinas,\n"
)
GOOD_ROWS = [
    {"code": "DINKES", "name": "Dinas Kesehatan", "short_name": "Dinkes", "kind": "dinas",
     "parent_code": None, "active": True},
    {"code": "SETDA", "name": "Sekretariat Daerah", "short_name": "Setda", "kind": "sekretariat",
     "parent_code": None, "active": True},
    {"code": "SETDA.ORG", "name": "Bagian Organisasi", "short_name": None, "kind": "bagian",
     "parent_code": "SETDA", "active": True},
]
HEADER = "code,name,short_name,kind,parent_code\n"


@pytest.fixture
def cli_db(monkeypatch, tmp_path, sqlite_template) -> str:
    return use_sqlite_copy(monkeypatch, tmp_path, sqlite_template)


def write(tmp_path, name: str, content: str | bytes):
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def opd_count(url: str) -> int:
    db = Database(url)
    try:
        with db.session() as session:
            return session.exec(select(func.count()).select_from(Opd)).one()
    finally:
        db.dispose()


def test_import_then_list_as_json(cli_db, tmp_path):
    result = run("opd", "import", str(write(tmp_path, "opd.csv", GOOD)))
    assert result.exit_code == 0, result.output
    assert "imported 3 new and 0 updated OPD(s)" in result.stdout
    listed = run("opd", "list", "--json")
    assert listed.exit_code == 0
    assert json.loads(listed.stdout) == GOOD_ROWS


def test_import_again_updates_by_code(cli_db, tmp_path):
    run("opd", "import", str(write(tmp_path, "opd.csv", GOOD)))
    renamed = GOOD.replace("Dinas Kesehatan,Dinkes", "Dinas Kesehatan dan KB,Dinkes-KB")
    result = run("opd", "import", str(write(tmp_path, "opd2.csv", renamed)))
    assert result.exit_code == 0, result.output
    assert "imported 0 new and 3 updated OPD(s)" in result.stdout
    assert opd_count(cli_db) == 3
    lines = run("opd", "list").stdout.splitlines()
    assert any(line.startswith("DINKES") and "Dinas Kesehatan dan KB" in line for line in lines)


def test_an_xlsx_file_imports_too(cli_db, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    for line in GOOD.splitlines():
        sheet.append(line.split(","))
    data = io.BytesIO()
    workbook.save(data)
    result = run("opd", "import", str(write(tmp_path, "opd.xlsx", data.getvalue())))
    assert result.exit_code == 0, result.output
    assert json.loads(run("opd", "list", "--json").stdout) == GOOD_ROWS


BAD_FILES = {
    "duplicate code": ("opd.csv", HEADER + "DINKES,Dinas Kesehatan,,dinas,\n"
                       "DINKES,Dinas Kesehatan Lagi,,dinas,\n",
                       ["opd.csv: row 3, column code: code 'DINKES' already used on row 2"]),
    "missing name": ("opd.csv", HEADER + "DINKES,,,dinas,\n",
                     ["opd.csv: row 2, column name: name is required"]),
    "unknown column": ("opd.csv", "code,name,kind,alamat\nDINKES,Dinas Kesehatan,dinas,Masamba\n",
                       ["opd.csv: row 1: unknown column 'alamat' (allowed: code, name, "
                        "short_name, kind, parent_code)"]),
    "wrong file type": ("opd.pdf", "%PDF-1.4 ...",
                        ["opd.pdf: unsupported file type '.pdf' (use .csv or .xlsx)"]),
    "empty file": ("opd.csv", "", ["opd.csv: no data rows"]),
    "two bad rows among good ones": (
        "opd.csv", HEADER + "DISHUB,Dinas Perhubungan,,dinas,\nDINKES,,,dinas,\n"
        "DISDIK,Dinas Pendidikan,,sekolah,\nDISPAR,Dinas Pariwisata,,dinas,\n",
        ["opd.csv: row 3, column name: name is required",
         "opd.csv: row 4, column kind: unknown kind 'sekolah' (allowed: sekretariat, bagian, "
         "inspektorat, dinas, badan, satpol, rsud, kecamatan)"]),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_file_imports_nothing_and_names_every_problem(cli_db, tmp_path, case):
    assert run("opd", "import", str(write(tmp_path, "awal.csv", GOOD))).exit_code == 0
    name, content, expected = BAD_FILES[case]
    result = run("opd", "import", str(write(tmp_path, name, content)))
    assert result.exit_code == 1
    problems = result.stderr.splitlines()
    assert problems[:-1] == expected
    assert problems[-1] == f"{len(expected)} problem(s); nothing was imported"
    assert result.stdout == ""
    assert opd_count(cli_db) == 3
    assert json.loads(run("opd", "list", "--json").stdout) == GOOD_ROWS


def test_a_missing_file_is_named(cli_db, tmp_path):
    result = run("opd", "import", str(tmp_path / "tidak-ada.csv"))
    assert result.exit_code == 1
    assert "tidak-ada.csv: file not found" in result.stderr
    assert opd_count(cli_db) == 0
