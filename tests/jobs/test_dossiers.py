"""The round's dossier ZIP as a background job (kind "dossiers"): started from the round page,
one PDF per submitted OPD with its verification code, large rounds sent there, planners only."""

import io
import re
import zipfile

import pytest
from pypdf import PdfReader
from sqlmodel import select

from app.accounts.models import User
from app.audits.models import AuditEvent
from app.auth.api_tokens import create_api_token
from app.jobs.models import Job
from app.submissions.service import latest_revision
from tests.support.factories import csrf_from, login, make_user

BASE_URL = "https://survei.example.go.id"
START = "Buat berkas isian semua OPD (ZIP) di latar belakang"


@pytest.fixture
def accounts(world):
    with world.db.write_session() as session:
        make_user(session, "officer_a", "officer", "OPD-A")
        make_user(session, "viewer", "viewer")
    return world


def start_dossiers(client, world):
    page = client.get(f"/rounds/{world.round.id}")
    data = {"csrf_token": csrf_from(page.text), "kind": "dossiers", "lang": "id"}
    return client.post(f"/rounds/{world.round.id}/jobs", data=data, follow_redirects=False)


def pdf_text(data: bytes) -> str:
    return "".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def test_the_job_zips_one_dossier_per_submitted_opd(client, accounts, settings, run_jobs):
    settings.base_url = BASE_URL
    login(client, "planner")
    round_id = accounts.round.id
    assert START in client.get(f"/rounds/{round_id}").text
    started = start_dossiers(client, accounts)
    assert started.headers["location"] == f"/rounds/{round_id}?notice=job_started#jobs"
    assert run_jobs() == 1
    page = client.get(f"/rounds/{round_id}").text
    assert "Berkas isian (ZIP): semua OPD · Bahasa Indonesia" in page
    assert f"Unduh berkas-isian-periode-{round_id}.zip" in page
    download = client.get(re.search(r'href="(/rounds/\d+/jobs/\d+/download)"', page).group(1))
    assert download.status_code == 200
    assert f'filename="berkas-isian-periode-{round_id}.zip"' in download.headers[
        "content-disposition"]
    with accounts.db.session() as session:
        codes = {opd: latest_revision(session, submission_id=accounts.submissions[opd])
                 .answers_sha256 for opd in ("OPD-A", "OPD-B")}
        job = session.exec(select(Job)).one()
        events = session.exec(select(AuditEvent).where(AuditEvent.object_type == "job")
                              .order_by(AuditEvent.id)).all()
    with zipfile.ZipFile(io.BytesIO(download.content)) as archive:
        assert archive.namelist() == ["OPD-A-revisi-1.pdf", "OPD-B-revisi-1.pdf"]  # no draft C
        for opd, code in codes.items():
            text = pdf_text(archive.read(f"{opd}-revisi-1.pdf"))
            assert code in text and f"{BASE_URL}/verifikasi/{code}" in text
    assert (job.kind, job.done, job.total) == ("dossiers", 2, 2)  # dossiers written of total
    assert [(e.action, e.details.get("kind"), e.details.get("dossiers")) for e in events] == [
        ("job.started", "dossiers", None), ("job.finished", "dossiers", 2),
        ("job.downloaded", "dossiers", None)]


def test_a_large_rounds_zip_goes_to_the_jobs_section(client, accounts, app):
    app.state.settings.direct_download_max = 1  # the world has 2 submitted OPDs
    login(client, "planner")
    round_id = accounts.round.id
    direct = client.get(f"/rounds/{round_id}/dossiers.zip", follow_redirects=False)
    assert direct.status_code == 303
    assert direct.headers["location"] == f"/rounds/{round_id}?notice=dossiers_large#jobs"
    page = client.get(direct.headers["location"]).text
    assert "lebih dari 1 isian terkirim: buat berkas isian semua OPD (ZIP)" in page
    assert START in page


def test_officers_and_viewers_can_neither_start_nor_fetch_it(client, accounts, run_jobs):
    round_id = accounts.round.id
    login(client, "planner")
    start_dossiers(client, accounts)
    run_jobs()
    link = re.search(r'href="(/rounds/\d+/jobs/\d+/download)"',
                     client.get(f"/rounds/{round_id}").text).group(1)
    client.cookies.clear()
    login(client, "viewer")
    page = client.get(f"/rounds/{round_id}").text
    assert START not in page and link not in page
    assert start_dossiers(client, accounts).status_code == 403
    assert client.get(link).status_code == 403
    assert client.get(f"/rounds/{round_id}/dossiers.zip").status_code == 403
    with accounts.db.write_session() as session:
        token = create_api_token(session, user=session.exec(
            select(User).where(User.username == "viewer")).one())
    api = client.post(f"/api/v1/rounds/{round_id}/jobs", json={"kind": "dossiers"},
                      headers={"Authorization": f"Bearer {token}"})
    assert api.status_code == 403 and "perencana" in api.json()["error"]["message"]
    client.cookies.clear()
    login(client, "officer_a")
    assert client.post(f"/rounds/{round_id}/jobs", data={"kind": "dossiers"}).status_code == 403
    assert client.get(f"/rounds/{round_id}/dossiers.zip").status_code == 403
    with accounts.db.session() as session:
        assert len(session.exec(select(Job)).all()) == 1  # only the planner's
