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
