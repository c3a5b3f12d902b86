"""Downloads over HTTP: who may download, content type and name, the options page, the audit."""

import io
import json
import re
import zipfile

import pytest
from openpyxl import load_workbook
from sqlalchemy import update
from sqlmodel import select

from app.audits.models import AuditEvent
from app.opds.models import Opd
from tests.support.factories import login, make_user


@pytest.fixture
def accounts(world):
    with world.db.write_session() as session:
        make_user(session, "officer_a", "officer", "OPD-A")
        make_user(session, "viewer", "viewer")
        make_user(session, "admin", "admin")
    return world


@pytest.mark.parametrize("role", ["planner", "viewer", "admin"])
def test_staff_download_the_workbook(client, accounts, role):
    assert login(client, role).status_code == 303
    response = client.get(f"/rounds/{accounts.round.id}/export.xlsx")
    assert response.status_code == 200
    assert response.headers["content-type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    disposition = response.headers["content-disposition"]
    name = r"survei-periode-uji-2026-\d{8}-\d{4}\.xlsx"
    assert re.fullmatch(rf"attachment; filename=\"{name}\"; filename\*=UTF-8''{name}",
                        disposition), disposition
    assert response.headers["cache-control"] == "no-store"
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames[:3] == ["Info", "Status Pengisian", "Isian"]


def test_the_options_travel_in_the_query_string(client, accounts):
    login(client, "planner")
    url = f"/rounds/{accounts.round.id}/export.xlsx?header=codes&lang=en&statuses=all&opd=OPD-C"
    book = load_workbook(io.BytesIO(client.get(url).content))
    rows = list(book["Isian"].iter_rows(values_only=True))
    assert rows[0][:2] == ("OPD code", "OPD name") and [r[0] for r in rows[1:]] == ["OPD-C"]
    assert "pj_nip" in rows[0]


def test_the_not_applicable_option_travels_in_the_query_string(client, accounts):
    login(client, "planner")
    url = f"/rounds/{accounts.round.id}/export.xlsx?na=mark"
    info = load_workbook(io.BytesIO(client.get(url).content))["Info"]
    values = dict(list(info.iter_rows(values_only=True))[1:])
    assert values["Sel pertanyaan yang tidak berlaku"] == "ditandai «Tidak berlaku»"
    assert client.get(f"/rounds/{accounts.round.id}/export.xlsx?na=maybe").status_code == 422


def test_csv_and_json_downloads(client, accounts):
    login(client, "viewer")
    response = client.get(f"/rounds/{accounts.round.id}/export.zip")
    assert response.status_code == 200 and response.headers["content-type"] == "application/zip"
    assert response.headers["content-disposition"].endswith(".zip")
    assert "03 Isian.csv" in zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    document = client.get(f"/rounds/{accounts.round.id}/export.json")
    assert document.headers["content-type"] == "application/json"
    assert json.loads(document.content)["sheets"][2]["key"] == "isian"
    api = client.get(f"/api/v1/rounds/{accounts.round.id}/export?statuses=approved")
    isian = next(s for s in api.json()["sheets"] if s["key"] == "isian")
    assert [row[0] for row in isian["rows"]] == ["OPD-A"]


def test_an_officer_is_refused_and_an_anonymous_caller_sent_to_log_in(client, accounts):
    path = f"/rounds/{accounts.round.id}/export.xlsx"
    anonymous = client.get(path, follow_redirects=False)
    assert anonymous.status_code == 303 and anonymous.headers["location"].startswith("/login")
    assert client.get(f"/api/v1/rounds/{accounts.round.id}/export").status_code == 401
    login(client, "officer_a")
    for url in (path, f"/rounds/{accounts.round.id}/export",
                f"/api/v1/rounds/{accounts.round.id}/export"):
        assert client.get(url, follow_redirects=False).status_code == 403, url


def test_errors_unknown_round_bad_option_unknown_opd(client, accounts):
    login(client, "planner")
    assert client.get("/rounds/9999/export.xlsx").status_code == 404
    assert client.get("/api/v1/rounds/9999/export").json()["error"]["status"] == 404
    assert client.get(f"/rounds/{accounts.round.id}/export.xlsx?statuses=x").status_code == 422
    refused = client.get(f"/api/v1/rounds/{accounts.round.id}/export?opd=OPD-Z")
    assert refused.status_code == 400
    assert refused.json()["error"]["message"] == (
        "OPD berikut tidak diminta mengisi pada periode ini: OPD-Z.")


def test_each_download_is_audited_with_its_filters(client, accounts):
    login(client, "planner")
    client.get(f"/rounds/{accounts.round.id}/export.zip?statuses=approved&opd=OPD-A")
    with accounts.db.session() as session:
        (event,) = session.exec(select(AuditEvent)
                                .where(AuditEvent.action == "export.downloaded")).all()
    assert event.actor_name == "planner" and event.object_type == "round"
    assert event.ip == "testclient"
    assert {k: event.details[k] for k in ("format", "statuses", "opds", "header")} == {
        "format": "csv", "statuses": "approved", "opds": ["OPD-A"], "header": "labels"}


def test_the_options_page_offers_every_choice_and_escapes_names(client, accounts):
    with accounts.db.writing() as session:
        session.execute(update(Opd).where(Opd.code == "OPD-D")
                        .values(name="<script>alert(1)</script>"))
    login(client, "viewer")
    page = client.get(f"/rounds/{accounts.round.id}/export")
    assert page.status_code == 200
    html = page.text
    assert "Unduh Excel (.xlsx)" in html
    assert f'formaction="/rounds/{accounts.round.id}/export.zip"' in html
    assert 'name="statuses" value="all"' in html and 'value="OPD-C"' in html
    assert 'name="na" value="mark"' in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
    assert "Isian tersimpan: 3" in html
