"""The dossier routes over HTTP: the officer's own, staff's any revision, the round's ZIP, and
the public verification page (OPD, round, revision time and status; never an answer)."""

import io
import zipfile

import pytest
from pypdf import PdfReader
from sqlmodel import select

from app.audits.models import AuditEvent
from app.dossier.verify import LookupLimiter
from app.review import service as review
from app.submissions.service import latest_revision
from tests.dossier.conftest import act, save_and_submit
from tests.rounds.world import signed_in
from tests.submissions.default_answers import default_answers


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


@pytest.fixture
def code(db, reviewed) -> str:
    """The approved revision's verification code."""
    with db.session() as session:
        return latest_revision(session, submission_id=reviewed.submission_id).answers_sha256


def test_the_officer_downloads_their_own_dossier_and_not_another_opds(
        app, client, db, settings, world, reviewed):
    officer = signed_in(app, db, settings, world.officer_a)
    response = officer.get(f"/rounds/{world.round_a.id}/dossier.pdf")
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    assert 'filename="OPD-A-revisi-2.pdf"' in response.headers["content-disposition"]
    assert "Dinas A (OPD-A)" in pdf_text(response.content)
    other = signed_in(app, db, settings, world.officer_b)
    assert other.get(f"/rounds/{world.round_a.id}/dossier.pdf").status_code == 404
    nothing_sent = other.get(f"/rounds/{world.round_b.id}/dossier.pdf")
    assert nothing_sent.status_code == 404
    assert "belum pernah dikirim" in nothing_sent.text


def test_a_planner_downloads_any_revision_and_the_round_as_a_zip(
        app, client, db, settings, world, reviewed):
    planner = signed_in(app, db, settings, world.planner)
    first = planner.get(f"/submissions/{reviewed.submission_id}/dossier.pdf?revision=1")
    assert first.status_code == 200 and "Digantikan oleh revisi" in pdf_text(first.content)
    missing = planner.get(f"/submissions/{reviewed.submission_id}/dossier.pdf?revision=9")
    assert missing.status_code == 404
    archive = planner.get(f"/rounds/{world.round_a.id}/dossiers.zip")
    assert archive.status_code == 200 and archive.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(archive.content)) as z:
        assert z.namelist() == ["OPD-A-revisi-2.pdf"]
        assert "Status Disetujui" in pdf_text(z.read("OPD-A-revisi-2.pdf"))
    empty = planner.get(f"/rounds/{world.round_b.id}/dossiers.zip")
    with zipfile.ZipFile(io.BytesIO(empty.content)) as z:
        assert z.namelist() == []
    with db.session() as session:
        events = session.exec(select(AuditEvent).where(AuditEvent.action.startswith("dossier."))
                              .order_by(AuditEvent.id)).all()
    assert [(e.action, e.actor_name, e.details.get("revision"), e.details.get("count"))
            for e in events] == [("dossier.downloaded", "planner", 1, None),
                                 ("dossier.round_downloaded", "planner", None, 1),
                                 ("dossier.round_downloaded", "planner", None, 0)]


def test_the_review_page_links_the_dossier_and_says_an_approved_one_is_locked(
        app, client, db, settings, world, reviewed):
    page = signed_in(app, db, settings, world.planner).get(
        f"/submissions/{reviewed.submission_id}")
    assert f'href="/submissions/{reviewed.submission_id}/dossier.pdf"' in page.text
    assert "Revisi yang disetujui terkunci" in page.text
    assert f'action="/submissions/{reviewed.submission_id}/return"' in page.text
    assert f'action="/submissions/{reviewed.submission_id}/approve"' not in page.text


def test_anyone_with_the_code_sees_opd_round_time_and_status_but_no_answer(client, code):
    page = client.get(f"/verifikasi/{code.upper()}")
    assert page.status_code == 200
    for fact in ("Dinas A", "OPD-A", "Periode 2026", "Revisi 2", "14 Juni 2027", "Disetujui"):
        assert fact in page.text, fact
    for answer in ("Andi Baso", "Baso Amir", "Layanan perizinan", "198609262015051001"):
        assert answer not in page.text, answer
    assert page.headers["referrer-policy"] == "no-referrer"
    assert page.headers["x-robots-tag"] == "noindex"


def test_an_unknown_or_malformed_code_is_a_404_page(client, reviewed):
    assert "Tidak ada berkas isian" in client.get(f"/verifikasi/{'0' * 64}").text
    assert client.get(f"/verifikasi/{'0' * 64}").status_code == 404
    assert client.get("/verifikasi/bukan-kode").status_code == 404


def test_lookups_per_address_are_limited_with_retry_after(app, client, code):
    app.state.verify_limiter = LookupLimiter(per_window=3, window=60)
    assert [client.get(f"/verifikasi/{code}").status_code for _ in range(3)] == [200] * 3
    refused = client.get(f"/verifikasi/{code}")
    assert refused.status_code == 429 and 1 <= int(refused.headers["retry-after"]) <= 60
    assert "Terlalu banyak pemeriksaan" in refused.text


def test_the_limiter_forgets_an_address_after_the_window():
    now = [0.0]
    limiter = LookupLimiter(per_window=2, window=60, clock=lambda: now[0])
    assert [limiter.wait("a"), limiter.wait("a"), limiter.wait("a")] == [0, 0, 60]
    assert limiter.wait("b") == 0
    now[0] = 30.0
    assert limiter.wait("a") == 30
    now[0] = 60.5
    assert limiter.wait("a") == 0


def test_a_returned_approved_revision_keeps_its_code_verifiable(client, db, world, reviewed,
                                                                code):
    act(db, reviewed.submission_id, review.send_back, actor=world.planner, note="Ulang.")
    save_and_submit(db, world, default_answers(rows=1))
    page = client.get(f"/verifikasi/{code}")
    assert page.status_code == 200 and "Digantikan oleh revisi yang lebih baru" in page.text
