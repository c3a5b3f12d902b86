"""One odd stored answer never breaks a round: a submission that a sink cannot write goes to
the `Masalah` sheet with its reason; every other sheet, the report and the pages still work.

The values are written straight into the database, as an answer saved before the bounds
existed (or by hand) would be. PostgreSQL's jsonb cannot even hold NUL or a lone surrogate,
so those two are tried on SQLite only.
"""

import copy
import io
import json
import zipfile

import pytest
from sqlalchemy import update

from app.exports.options import Format, Scope
from app.reports_web.service import ReportRequest, round_report
from app.submissions.models import Submission
from tests.exports.conftest import read, rows_of
from tests.support.factories import login

HUGE = 1.7e308


def _spoil(world, code: str, change) -> None:
    with world.db.write_session() as session:
        submission = session.get(Submission, world.submissions[code])
        answers = copy.deepcopy(submission.answers)
        change(answers)
        session.execute(update(Submission).where(Submission.id == submission.id)
                        .values(answers=answers))
        session.commit()


@pytest.fixture
def spoiled(world):
    """OPD-A (approved) holds two costs of 1.7e308 and, on SQLite, a lone surrogate; OPD-B
    (submitted) a control character and a date before 1900, which the export repairs."""
    def costs(answers):
        for row in answers["kebutuhan"]:
            row["biaya"] = HUGE
        if world.db.is_sqlite:
            answers["catatan"] = "rusak \ud800 dan \x00"

    def odd(answers):
        answers["layanan"][0]["layanan_nama"] = "Pengaduan\x0b masyarakat"
        answers["tanggal"] = "0001-01-01"

    _spoil(world, "OPD-A", costs)
    _spoil(world, "OPD-B", odd)
    return world


def test_the_workbook_lists_the_unwritable_submission_apart(spoiled, export):
    book = read(export(scope=Scope.all))
    assert book.sheetnames[-1] == "Masalah"
    problem, = rows_of(book, "Masalah")
    assert problem["Kode OPD"] == "OPD-A"
    where = "catatan" if spoiled.db.is_sqlite else "kebutuhan[1].biaya"
    assert f" di {where};" in problem["Masalah"]
    assert float(json.loads(problem["Jawaban (JSON)"])["kebutuhan"][0]["biaya"]) == HUGE
    assert [row["Kode OPD"] for row in rows_of(book, "Isian")] == ["OPD-B", "OPD-C"]
    b = rows_of(book, "Isian")[0]
    assert b["Tanggal"] == "0001-01-01"  # text, never a negative serial
    assert [row["Nama layanan"] for row in rows_of(book, "Layanan")] == [
        "Pengaduan masyarakat"]
    totals = list(book["Matriks Dimensi"].iter_rows(values_only=True))[-1]
    assert totals[0] == "TOTAL" and all(v is None or v < 1e15 for v in totals[2:]
                                        if isinstance(v, int | float))
    for ws in book:
        for row in ws.iter_rows():
            assert all(cell.data_type != "f" for cell in row)
    info = dict(row for row in book["Info"].iter_rows(values_only=True) if row[0])
    assert info["Baris di lembar Masalah"] == 1  # the data export report names it
    assert info[f"Masalah: OPD-A (ID Isian {problem['ID Isian']})"] == problem["Masalah"]


def test_csv_and_json_carry_the_same_problem(spoiled, export):
    with zipfile.ZipFile(export(Format.csv)) as archive:
        names = archive.namelist()
        assert names[-1].endswith(" Masalah.csv")
        text = archive.read(names[-1]).decode("utf-8-sig")
    assert "OPD-A" in text and "\ud800" not in text
    document = json.loads(export(Format.json).read_text(encoding="utf-8"))
    sheets = {sheet["key"]: sheet for sheet in document["sheets"]}
    assert [row[1] for row in sheets["masalah"]["rows"]] == ["OPD-A"]
    assert [row[0] for row in sheets["isian"]["rows"]] == ["OPD-B"]


def test_the_report_counts_the_rest(spoiled):
    with spoiled.db.session() as session:
        report = round_report(session, round_id=spoiled.round.id, request=ReportRequest())
    assert report.summary.total_needs == 1  # OPD-B's; OPD-A's costs are not numbers it sums
    assert report.summary.total_cost == 50_000_000
    assert report.summary.left_out == ("OPD-A",)  # and it says so


def test_pages_and_downloads_over_http_answer(spoiled, client):
    login(client, "planner")
    round_id, a = spoiled.round.id, spoiled.submissions["OPD-A"]
    for url in (f"/rounds/{round_id}/export.xlsx", f"/rounds/{round_id}/export.zip",
                f"/rounds/{round_id}/export.json", f"/rounds/{round_id}/report",
                f"/api/v1/rounds/{round_id}/report", f"/submissions/{a}",
                f"/api/v1/submissions/{a}", f"/rounds/{round_id}"):
        response = client.get(url)
        assert response.status_code == 200, url
    page = client.get(f"/submissions/{a}").text
    if spoiled.db.is_sqlite:
        assert "rusak \ufffd dan" in page
        api = client.get(f"/api/v1/submissions/{a}")
        assert json.loads(api.content)["answers"]["catatan"].startswith("rusak \ud800")
    report = client.get(f"/rounds/{round_id}/report").text
    assert "1 isian tidak dihitung di laporan ini" in report and "(OPD OPD-A)" in report
    assert client.get(f"/api/v1/rounds/{round_id}/report").json()["summary"]["left_out"] == [
        "OPD-A"]
    book = read(io.BytesIO(client.get(f"/rounds/{round_id}/export.xlsx").content))
    assert rows_of(book, "Masalah")[0]["Kode OPD"] == "OPD-A"
