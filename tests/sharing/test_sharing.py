"""The regency admin's sharing setting: nothing shared by default, each change audited."""

from sqlmodel import select

from app.audits.models import AuditEvent
from tests.rounds.world import build_world, signed_in


def test_an_admin_shares_the_raw_answers_and_stops_again(app, client, db, settings):
    world = build_world(db)
    admin = signed_in(app, db, settings, world.users["admin"])
    page = admin.get("/sharing")
    assert page.status_code == 200
    assert 'value="0" checked' in page.text  # not shared until an admin says so
    saved = admin.post("/sharing", data={"raw_answers": "1"}, follow_redirects=True)
    assert "Pengaturan berbagi data disimpan." in saved.text
    assert 'value="1" checked' in saved.text and "Terakhir diubah oleh admin" in saved.text
    admin.post("/sharing", data={"raw_answers": "0"})
    with db.session() as session:
        changes = [e.details["raw_answers"] for e in session.exec(
            select(AuditEvent).where(AuditEvent.action == "sharing.changed")
            .order_by(AuditEvent.id))]
    assert changes == [True, False]


def test_only_the_regency_admin_may_change_it(app, client, db, settings):
    world = build_world(db)
    planner = signed_in(app, db, settings, world.users["planner"])
    assert planner.get("/sharing").status_code == 403
    assert planner.post("/sharing", data={"raw_answers": "1"}).status_code == 403
