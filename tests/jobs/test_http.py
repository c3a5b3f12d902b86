"""The planner's flow over HTTP: start from the round page, watch it, download; the API twin;
large rounds sent to the background; officers see no job."""

import io
import re

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from app.accounts.models import User
from app.audits.models import AuditEvent
from app.auth.api_tokens import create_api_token
from app.jobs.models import Job
from tests.support.factories import csrf_from, login, make_user


@pytest.fixture
def accounts(world):
    with world.db.write_session() as session:
        make_user(session, "officer_a", "officer", "OPD-A")
        make_user(session, "viewer", "viewer")
    return world


def start_from_round_page(client, world, **fields):
    page = client.get(f"/rounds/{world.round.id}")
    data = {"csrf_token": csrf_from(page.text), "kind": "export", "format": "xlsx", **fields}
    return client.post(f"/rounds/{world.round.id}/jobs", data=data, follow_redirects=False)


def test_planner_starts_watches_and_downloads_an_export(client, accounts, run_jobs):
    login(client, "planner")
    started = start_from_round_page(client, accounts, statuses="approved", na="mark",
                                    framework="GMSC-2021")
    assert started.status_code == 303
    assert started.headers["location"] == f"/rounds/{accounts.round.id}?notice=job_started#jobs"
    page = client.get(started.headers["location"]).text
    assert "Pekerjaan masuk antrean" in page and "Menunggu giliran" in page
    assert "Ekspor: Excel (XLSX) · " in page and " · semua OPD" in page  # which options
    assert " · GMSC-2021 · ditandai «Tidak berlaku»" in page  # the form's framework and na
    assert run_jobs() == 1
    page = client.get(f"/rounds/{accounts.round.id}").text
    assert "Unduh survei-periode-uji-2026-" in page and "tersedia sampai" in page
    assert "Planner" in page  # who made it
    link = re.search(r'href="(/rounds/\d+/jobs/\d+/download)"', page).group(1)
    download = client.get(link)
    assert download.status_code == 200
    assert download.headers["content-disposition"].startswith("attachment;")
    rows = load_workbook(io.BytesIO(download.content))["Isian"].iter_rows(min_row=2,
                                                                          values_only=True)
    assert [row[0] for row in rows] == ["OPD-A"]  # approved only, as asked
    with accounts.db.session() as session:
        done = session.exec(select(AuditEvent.action).where(
            AuditEvent.object_type == "job").order_by(AuditEvent.id)).all()
    assert done == ["job.started", "job.finished", "job.downloaded"]


def test_the_api_twin_starts_reports_status_and_downloads(client, accounts, run_jobs):
    with accounts.db.write_session() as session:
        token = create_api_token(session, user=session.get(User, accounts.planner.id))
    auth = {"Authorization": f"Bearer {token}"}
    base = f"/api/v1/rounds/{accounts.round.id}/jobs"
    started = client.post(base, json={"kind": "report", "format": "json"}, headers=auth)
    assert started.status_code == 202, started.text
    body = started.json()
    assert started.headers["location"] == f"{base}/{body['id']}"
    assert (body["state"], body["progress_text"], body["download_url"]) == (
        "queued", "Menunggu giliran", None)
    run_jobs()
    status = client.get(f"{base}/{body['id']}", headers=auth).json()
    assert status["state"] == "done" and status["percent"] == 100
    assert status["download_url"] == f"{base}/{body['id']}/download"
    report = client.get(status["download_url"], headers=auth)
    assert report.status_code == 200 and report.json()["round"]["name"] == "Periode Uji 2026"
    assert [job["id"] for job in client.get(base, headers=auth).json()] == [body["id"]]


def test_wrong_options_get_a_clear_error(client, accounts):
    login(client, "planner")
    refused = start_from_round_page(client, accounts, format="pdf")
    assert refused.status_code == 400 and "Pilihan tidak dikenal atau tidak sah: format" in (
        refused.text)
    with accounts.db.write_session() as session:
        token = create_api_token(session, user=session.get(User, accounts.planner.id))
    api = client.post(f"/api/v1/rounds/{accounts.round.id}/jobs", json={"opds": ["NOPE"]},
                      headers={"Authorization": f"Bearer {token}"})
    assert api.status_code == 400 and "NOPE" in api.json()["error"]["message"]


def test_a_failed_job_is_restarted_from_the_round_page(client, accounts, run_jobs,
                                                       monkeypatch):
    login(client, "planner")
    monkeypatch.setattr("app.exports.job.run", lambda ctx: 1 / 0)
    start_from_round_page(client, accounts)
    run_jobs()
    page = client.get(f"/rounds/{accounts.round.id}").text
    assert "Gagal karena kesalahan di server" in page and "Mulai ulang" in page
    monkeypatch.undo()
    with accounts.db.session() as session:
        failed = session.exec(select(Job)).one()
    again = client.post(f"/rounds/{accounts.round.id}/jobs/{failed.id}/restart",
                        data={"csrf_token": csrf_from(page)}, follow_redirects=False)
    assert again.status_code == 303
    run_jobs()
    assert "Unduh survei-periode-uji-2026-" in client.get(f"/rounds/{accounts.round.id}").text


def test_officers_never_see_jobs(client, accounts, run_jobs):
    login(client, "planner")
    start_from_round_page(client, accounts)
    run_jobs()
    with accounts.db.session() as session:
        job = session.exec(select(Job)).one()
    client.cookies.clear()
    login(client, "officer_a")
    base = f"/rounds/{accounts.round.id}/jobs"
    assert client.get(f"{base}/{job.id}/download").status_code == 403
    assert client.get(f"/api/v1{base}/{job.id}").status_code == 403
    assert client.post(base, data={"csrf_token": csrf_from(client.get("/").text)},
                       follow_redirects=False).status_code == 403


@pytest.fixture
def small_cap(app):
    app.state.settings.direct_download_max = 1  # the world has 2 submitted/approved
    return app


def test_a_large_round_goes_to_the_background(client, accounts, small_cap):
    login(client, "viewer")
    round_id = accounts.round.id
    direct = client.get(f"/rounds/{round_id}/export.xlsx", follow_redirects=False)
    assert direct.status_code == 303 and direct.headers["location"] == f"/rounds/{round_id}/export"
    options = client.get(f"/rounds/{round_id}/export").text
    assert "lebih dari 1" in options and f'action="/rounds/{round_id}/jobs"' in options
    assert "Buat workbook (Excel)" in options
    assert client.get(f"/rounds/{round_id}/export.xlsx?statuses=approved").status_code == 200
    api = client.get(f"/api/v1/rounds/{round_id}/export")
    assert api.status_code == 409 and "di latar belakang" in api.json()["error"]["message"]
    report = client.get(f"/rounds/{round_id}/report", follow_redirects=False)
    assert report.headers["location"] == f"/rounds/{round_id}?notice=report_large#jobs"
    assert "Laporan periode ini mencakup lebih dari 1 isian" in client.get(
        report.headers["location"]).text
    pdf = client.get(f"/rounds/{round_id}/report.pdf", follow_redirects=False)
    assert pdf.headers["location"] == f"/rounds/{round_id}?notice=report_large#jobs"
    assert client.get(f"/api/v1/rounds/{round_id}/report").status_code == 409
