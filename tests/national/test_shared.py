"""The coordinator downloads a regency's workbook only where that regency shares its raw
answers; each download is audited in the regency's log and at home."""

from io import BytesIO

from openpyxl import load_workbook
from sqlmodel import select

from app.audits.models import AuditEvent
from app.sharing.service import set_raw_answers
from tests.rounds.world import build_world, submit


def test_a_regency_that_does_not_share_is_refused_with_the_reason(
        other, app, client, db, settings, coordinator):
    world = build_world(other.db)
    refused = coordinator.get(f"/nasional/73.15/rounds/{world.round.id}/export.xlsx")
    assert refused.status_code == 403
    assert "Kabupaten Luwu Timur tidak membagikan jawaban mentahnya" in refused.text
    assert "Hanya angka kemajuan" in coordinator.get("/nasional").text


def test_a_shared_regency_sends_its_workbook_and_audits_it(other, app, client, db, settings,
        coordinator):
    world = build_world(other.db)
    submit(other.db, world, world.opd_a)
    with other.db.write_session() as session:
        set_raw_answers(session, shared=True, actor=world.users["admin"])
    link = f"/nasional/73.15/rounds/{world.round.id}/export.xlsx"
    assert link in coordinator.get("/nasional").text
    got = coordinator.get(link)
    assert got.status_code == 200, got.text
    book = load_workbook(BytesIO(got.content), read_only=True)
    cells = {str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
             for c in row if c is not None}
    assert "Dinas A" in cells
    with other.db.session() as session:
        there = session.exec(select(AuditEvent).where(
            AuditEvent.actor_name == "komdigi (nasional)")).all()
    with db.session() as session:
        home = session.exec(select(AuditEvent).where(
            AuditEvent.action == "national.export_downloaded")).one()
    assert there and (home.object_id, home.details["round_id"]) == ("73.15", world.round.id)


def test_an_unknown_regency_or_round_is_not_found(other, app, client, db, settings,
        coordinator):
    world = build_world(other.db)
    with other.db.write_session() as session:
        set_raw_answers(session, shared=True, actor=world.users["admin"])
    assert coordinator.get("/nasional/99.99/rounds/1/export.xlsx").status_code == 404
    assert coordinator.get("/nasional/73.15/rounds/999/export.xlsx").status_code == 404


def test_a_round_above_the_direct_limit_is_made_in_the_background(
        other, app, client, db, settings, coordinator):
    from app.jobs.runner import InlineJob, JobRunner

    world = build_world(other.db)
    submit(other.db, world, world.opd_a)
    with other.db.write_session() as session:
        set_raw_answers(session, shared=True, actor=world.users["admin"])
    app.state.sites.home.settings.direct_download_max = 0  # every round is "large"
    queued = coordinator.get(f"/nasional/73.15/rounds/{world.round.id}/export.xlsx",
                             follow_redirects=False)
    assert queued.status_code == 303 and queued.headers["location"].startswith("/nasional?")
    page = coordinator.get(queued.headers["location"]).text
    assert "dibuat di latar belakang" in page
    assert f"Lembar kerja gabungan 73.15, periode {world.round.id}" in page
    assert JobRunner(db, settings, launch=InlineJob).run_once()
    page = coordinator.get("/nasional").text
    link = next(part.split('"')[0] for part in page.split('href="')[1:]
                if part.startswith("/nasional/jobs/"))
    got = coordinator.get(link)
    assert got.status_code == 200
    cells = {str(c) for sheet in load_workbook(BytesIO(got.content), read_only=True).worksheets
             for row in sheet.iter_rows(values_only=True) for c in row if c is not None}
    assert "Dinas A" in cells
    with other.db.session() as session:
        exported = session.exec(select(AuditEvent).where(
            AuditEvent.action == "export.downloaded")).one()  # in the regency's log
    assert exported.actor_name == "Koordinator Komdigi (nasional)"
