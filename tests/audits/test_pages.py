"""The audit log: filters by actor, action, object and date; logins appear; planners only."""

import re
from datetime import UTC, datetime

from app import audit
from app.audits.models import AuditEvent
from tests.support.factories import PASSWORD, login, make_user


def add_event(db, **values):
    with db.write_session() as session:
        event = audit.record(session, **values)
        session.commit()
        return event


def actions_on(html: str) -> list[str]:
    return re.findall(r'<tr data-action="([^"]+)">', html)


def test_logins_and_exports_appear_and_filters_narrow_the_log(client, db, world, as_user):
    with db.write_session() as session:
        make_user(session, "petugas", "officer", "OPD-A", password=PASSWORD)
    assert login(client, "petugas").status_code == 303
    add_event(db, action="export.downloaded", actor=world.users["planner"],
              object_type="round", object_id=world.round.id, format="xlsx")
    planner = as_user("planner")
    everything = planner.get("/audit")
    assert everything.status_code == 200
    assert {"login.succeeded", "export.downloaded", "round.created"} <= set(
        actions_on(everything.text))
    logins = planner.get("/audit?action=login.")
    assert set(actions_on(logins.text)) == {"login.succeeded"}
    assert "petugas" in logins.text
    by_object = planner.get(f"/audit?object_type=round&object_id={world.round.id}")
    assert set(actions_on(by_object.text)) == {"round.created", "round.open",
                                              "export.downloaded"}
    by_actor = planner.get("/audit?actor=plann")
    assert set(actions_on(by_actor.text)) == {"export.downloaded"}


def test_dates_are_whole_days_in_wita(db, world, as_user):
    with db.write_session() as session:
        # A day far from any day the suite runs on (the fixtures write their events "now"):
        # 1 Mar 2019 23.30 WITA is 15.30 UTC the same day; 2 Mar 00.30 WITA is 1 Mar 16.30 UTC
        for hour, action in ((15, "test.late_first"), (16, "test.early_second")):
            session.add(AuditEvent(action=action, at=datetime(2019, 3, 1, hour, 30,
                                                              tzinfo=UTC)))
        session.commit()
    api = as_user("planner").get("/api/v1/audit?date_from=2019-03-02&date_to=2019-03-02")
    assert [e["action"] for e in api.json()["events"]] == ["test.early_second"]
    page = as_user("planner").get("/audit?date_from=2019-03-01&date_to=2019-03-01&action=test.")
    assert actions_on(page.text) == ["test.late_first"]


def test_hostile_details_stay_inert(db, world, as_user):
    add_event(db, action="opd.imported", actor_name="cli", filename="<script>alert(1)</script>")
    page = as_user("admin").get("/audit")
    assert "<script>alert(1)" not in page.text and "&lt;script&gt;" in page.text


def test_only_planners_and_admins_read_the_log(world, as_user):
    for name in ("viewer", "officer_a"):
        assert as_user(name).get("/audit").status_code == 403
        assert as_user(name).get("/api/v1/audit").status_code == 403
    api = as_user("admin").get("/api/v1/audit?action=round.created")
    assert api.json()["total"] == 1 and api.json()["events"][0]["object_type"] == "round"
