"""Upload bombs are refused with 413 and a clear message before any parsing (the XLSForm upload
and the OPD import, API and web form); what the service holds is unchanged. Speed and memory:
benchmarks/upload_bombs.py."""

import pytest
from sqlmodel import func, select

from app.opds.models import Opd
from app.questionnaires.models import Questionnaire
from tests.rounds.world import signed_in
from tests.support.factories import make_user
from tests.uploads import bombs

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# name -> (builder, what the XLSForm upload says, what the OPD import says)
BOMBS = {
    "1 GiB cell in 1 MB": (bombs.huge_cell, "unpacks to more than 5 MB",
                           "unpacks to more than 3 MB"),
    "rows unpacking to 2.15 GB": (bombs.many_rows, "unpacks to more than 5 MB",
                                  "unpacks to more than 3 MB"),
    "1 M rows, no <dimension>": (bombs.million_rows, "unpacks to more than 5 MB",
                                 "unpacks to more than 3 MB"),
    "one row of 2.3 M cells": (bombs.wide_row, "unpacks to more than 5 MB",
                               "unpacks to more than 3 MB"),
    # Small enough to pass the size limits: the streaming count stops them.
    "25,000 rows in 650 KB": (lambda: bombs.million_rows(25_000), "more than 20000 rows",
                              "more than 10000 rows"),
    "a row of 5,000 cells": (lambda: bombs.wide_row(5_000), "more than 1000 cells",
                             "more than 100 cells"),
}
ROUTES = {  # (surface, importer) -> (url, file field name)
    ("api", "xlsform"): "/api/v1/questionnaires",
    ("page", "xlsform"): "/questionnaires",
    ("api", "opd"): "/api/v1/opds/import?dry_run=false",
    ("page", "opd"): "/opds/import",
}


@pytest.fixture(scope="module")
def built():
    return {name: builder() for name, (builder, _, _) in BOMBS.items()}


@pytest.fixture
def planner(app, client, db, settings):
    with db.write_session() as session:
        user = make_user(session, "perencana", "planner")
    return signed_in(app, db, settings, user)


def counts(db) -> tuple[int, int]:
    with db.session() as session:
        return (session.exec(select(func.count()).select_from(Questionnaire)).one(),
                session.exec(select(func.count()).select_from(Opd)).one())


@pytest.mark.parametrize("route", list(ROUTES), ids=lambda r: f"{r[0]}-{r[1]}")
@pytest.mark.parametrize("bomb", list(BOMBS))
def test_an_upload_bomb_is_refused_with_413_and_a_clear_message(db, planner, built, bomb,
                                                                route):
    surface, importer = route
    expected = BOMBS[bomb][1 if importer == "xlsform" else 2]
    before = counts(db)
    response = planner.post(ROUTES[route], files={"file": ("bom.xlsx", built[bomb], XLSX)})
    assert response.status_code == 413, response.text[:500]
    if surface == "api":
        error = response.json()["error"]
        assert error["status"] == 413
        assert any(expected in p["message"] for p in error["problems"]), error
    else:
        assert expected in response.text
        title = "Kuesioner tidak diterbitkan" if importer == "xlsform" else "1 masalah"
        assert title in response.text
    assert counts(db) == before


def test_the_bomb_builder_makes_workbooks_openpyxl_reads(planner):
    """Guards the builder: the same construction, small, is an ordinary workbook."""
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(bombs.million_rows(3)), read_only=True)
    assert list(book.worksheets[0].iter_rows(values_only=True)) == [(1,), (1,), (1,)]
    small = load_workbook(io.BytesIO(bombs.huge_cell(2 * bombs.MiB)), read_only=True)
    assert len(next(small.worksheets[0].iter_rows(values_only=True))[0]) == 2 * bombs.MiB


@pytest.mark.parametrize(("data", "expected"), [
    (b"code,name,kind\n" + b"\n" * 1_000_000, "too many rows (max 10000, blank rows included)"),
    (b"code,name,kind\n" + b"," * 2_300_000, "row 2 has more than 100 cells"),
], ids=["a million blank lines", "one line of 2.3 M cells"])
def test_csv_bombs_for_the_opd_import_are_refused_too(db, planner, data, expected):
    before = counts(db)
    api = planner.post("/api/v1/opds/import", files={"file": ("opd.csv", data, "text/csv")})
    page = planner.post("/opds/import", files={"file": ("opd.csv", data, "text/csv")})
    assert api.status_code == page.status_code == 413
    assert api.json()["error"]["problems"][0]["message"] == expected
    assert expected in page.text
    assert counts(db) == before


def test_a_long_problem_list_is_cut_with_how_many_more(db, planner):
    rows = "\n".join(f"X{n},Dinas {n},bukan-jenis" for n in range(300))
    data = f"code,name,kind\n{rows}\n".encode()
    api = planner.post("/api/v1/opds/import", files={"file": ("opd.csv", data, "text/csv")})
    assert api.status_code == 422
    error = api.json()["error"]
    assert len(error["problems"]) == 100
    assert error["more_problems"] == 200
    page = planner.post("/opds/import", files={"file": ("opd.csv", data, "text/csv")})
    assert page.status_code == 422
    assert page.text.count("unknown kind") == 100 and "… dan 200 lainnya" in page.text
    assert "300 masalah" in page.text


def test_a_questionnaire_with_many_problems_lists_the_first_hundred(planner):
    from tests.support.forms import SETTINGS, small_workbook

    survey = [["type", "name", "label::Bahasa Indonesia (id)"]] + [
        ["jenis_tak_dikenal", f"q{n}", f"Pertanyaan {n}"] for n in range(150)]
    data = small_workbook(settings=SETTINGS, survey=survey)
    api = planner.post("/api/v1/questionnaires", files={"file": ("f.xlsx", data, XLSX)})
    assert api.status_code == 422
    error = api.json()["error"]
    assert len(error["problems"]) == 100 and error["more_problems"] >= 50
    page = planner.post("/questionnaires", files={"file": ("f.xlsx", data, XLSX)})
    assert page.status_code == 422 and f"… dan {error['more_problems']} lainnya" in page.text
