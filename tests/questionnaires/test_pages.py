"""Questionnaire pages and API: upload with located errors, versions, source download."""

import re

import pytest
from sqlmodel import select

from app.audits.models import AuditEvent
from app.main import ROUTER_MODULES, create_app
from app.questionnaires import api, pages
from tests.rounds.world import signed_in
from tests.support.factories import make_user
from tests.support.forms import ID, SETTINGS, SURVEY, small_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
V2 = [SETTINGS[0], ["kecil", "Formulir Kecil", "2", ID]]


@pytest.fixture
def app(settings):
    app = create_app(settings)
    if "app.questionnaires.pages" not in ROUTER_MODULES:  # until app/main.py lists them
        app.include_router(pages.router)
        app.include_router(api.router)
    return app


@pytest.fixture
def users(db):
    with db.write_session() as session:
        return {name: make_user(session, name, name) for name in ("planner", "viewer")}


@pytest.fixture
def planner(app, client, db, settings, users):
    return signed_in(app, db, settings, users["planner"])


def upload(client, data: bytes, name: str = "kecil.xlsx", follow: bool = True):
    return client.post("/questionnaires", files={"file": (name, data, XLSX)},
                       follow_redirects=follow)


def test_a_published_version_is_listed_and_its_source_downloads_unchanged(db, planner):
    workbook = small_workbook()
    done = upload(planner, workbook)
    assert "Versi baru diterbitkan." in done.text
    row = re.search(r'<tr data-version="kecil:1">(.*?)</tr>', done.text, re.S).group(1)
    assert "Formulir Kecil" in row and "Versi pertama" in row
    qid = re.search(r'href="/questionnaires/(\d+)/source.xlsx"', row).group(1)
    source = planner.get(f"/questionnaires/{qid}/source.xlsx")
    assert source.content == workbook
    assert source.headers["content-disposition"] == (
        "attachment; filename=\"kecil-v1.xlsx\"; filename*=UTF-8''kecil-v1.xlsx")
    with db.session() as session:
        event = session.exec(select(AuditEvent).where(
            AuditEvent.action == "questionnaire.downloaded")).one()
    assert event.actor_name == "planner" and event.object_id == qid
    again = upload(planner, workbook)
    assert "Buku kerja ini sudah diterbitkan sebelumnya" in again.text


def test_a_new_version_shows_its_compatibility_and_added_fields(planner):
    upload(planner, small_workbook())
    survey = [*SURVEY[:4], ["text", "catatan", "Catatan", "Note", "", ""], *SURVEY[4:]]
    done = upload(planner, small_workbook(settings=V2, survey=survey), "v2.xlsx")
    row = re.search(r'<tr data-version="kecil:2">(.*?)</tr>', done.text, re.S).group(1)
    assert "Cocok dengan versi 1" in row and "Ditambah: catatan" in row
    listed = planner.get("/api/v1/questionnaires").json()
    assert [(v["version"], v["compatible"], v["fields_added"]) for v in listed] == [
        ("2", True, ["catatan"]), ("1", True, [])]


def test_errors_are_shown_by_sheet_row_and_column(planner):
    bad = [row[:] for row in SURVEY]
    bad[2][0] = "txt"
    page = upload(planner, small_workbook(survey=bad), "rusak.xlsx")
    assert page.status_code == 422
    assert "Kuesioner tidak diterbitkan" in page.text
    problems = re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>"
                          r"<td>([^<]*)</td></tr>", page.text)
    assert problems == [("survey", "3", "type", "unknown type &#34;txt&#34;")]
    api_answer = planner.post("/api/v1/questionnaires",
                              files={"file": ("rusak.xlsx", small_workbook(survey=bad), XLSX)})
    assert api_answer.status_code == 422
    assert api_answer.json()["error"]["problems"] == [
        {"sheet": "survey", "row": 3, "column": "type", "message": 'unknown type "txt"'}]


def test_an_incompatible_version_is_refused_with_the_reason(planner):
    upload(planner, small_workbook())
    retyped = [row[:] for row in SURVEY]
    retyped[3][0] = "text"  # jumlah: integer -> text
    page = upload(planner, small_workbook(settings=V2, survey=retyped), "v2.xlsx")
    assert page.status_code == 422
    assert "field &#34;jumlah&#34;: changed from integer to text" in page.text
    assert 'data-version="kecil:2"' not in page.text


def test_viewers_list_and_download_but_cannot_upload(app, client, db, settings, users, planner):
    upload(planner, small_workbook())
    viewer = signed_in(app, db, settings, users["viewer"])
    page = viewer.get("/questionnaires")
    assert page.status_code == 200 and 'enctype="multipart/form-data"' not in page.text
    assert upload(viewer, small_workbook(), follow=False).status_code == 403
    [version] = viewer.get("/api/v1/questionnaires").json()
    assert viewer.get(f"/questionnaires/{version['id']}/source.xlsx").status_code == 200
    assert viewer.get(f"/api/v1/questionnaires/{version['id']}").json()["version"] == "1"
    assert viewer.get("/questionnaires/9999/source.xlsx").status_code == 404


def test_a_version_in_any_script_downloads_with_its_real_name(planner):
    workbook = small_workbook(settings=[SETTINGS[0], ["kecil", "Formulir Kecil", "版本 2", ID]])
    done = upload(planner, workbook)
    qid = re.search(r'href="/questionnaires/(\d+)/source.xlsx"', done.text).group(1)
    source = planner.get(f"/questionnaires/{qid}/source.xlsx")
    assert source.status_code == 200 and source.content == workbook
    assert source.headers["content-disposition"] == (
        "attachment; filename=\"kecil-v__ 2.xlsx\"; "
        "filename*=UTF-8''kecil-v%E7%89%88%E6%9C%AC%202.xlsx")
