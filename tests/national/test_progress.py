"""The coordinator's /nasional: every regency's rounds and how far their OPDs are, read from
each regency's own database; nobody else may see it, and it exists on the home host only."""

from datetime import UTC, datetime, timedelta

from sqlmodel import select

from app.accounts.models import User
from app.national.progress import COUNTED, RegencyRound, totals
from app.rounds.models import Round, RoundOpd
from app.types import utcnow
from tests.rounds.world import build_world, signed_in, submit
from tests.support.factories import make_opd
from tests.support.forms import open_round_with_form

NOW = datetime(2031, 3, 2, 1, 0, tzinfo=UTC)


def test_totals_add_up_every_regency_and_round():
    counts = dict.fromkeys(COUNTED, 0)
    rows = [RegencyRound("73.22", "Luwu Utara", 2, "2026", "open", None, 3,
                         {**counts, "submitted": 1, "draft": 2}, 2),
            RegencyRound("73.22", "Luwu Utara", 1, "2025", "closed", None, 2,
                         {**counts, "approved": 2}, 0),
            RegencyRound("73.15", "Luwu Timur", None, None, None, None, 0, counts, 0)]
    assert totals(rows) == {"regencies": 2, "rounds": 2, "asked": 5, "overdue": 2,
                            "not_started": 0, "draft": 2, "submitted": 1,
                            "needs_revision": 0, "approved": 2}


def test_the_coordinator_sees_every_regency_and_its_progress(other, app, client, db, settings,
        coordinator):
    world = build_world(db)  # Luwu Utara: a round asking 3 OPDs
    submit(db, world, world.opd_a)
    with db.write_session() as session:
        late = session.get(Round, world.round.id)
        late.closes_at = utcnow() - timedelta(days=2)  # past: B and C have sent nothing
        session.commit()
    page = coordinator.get("/nasional")
    assert page.status_code == 200
    text = page.text
    assert "73.22 Kabupaten Luwu Utara" in text and "73.15 Kabupaten Luwu Timur" in text
    assert "Belum ada periode pengisian" in text  # Luwu Timur has no round yet
    # the top bar names the coordinator's scope, not the regency whose database holds the account
    assert '<span class="regency">Koordinasi nasional</span>' in text
    body = coordinator.get("/api/v1/nasional/progress").json()
    home = body["rounds"][0]
    assert (home["regency_code"], home["round"], home["asked"]) == ("73.22", "Periode 2026", 3)
    assert (home["counts"]["submitted"], home["sent"], home["overdue"]) == (1, 1, 2)
    assert body["rounds"][1] == {**body["rounds"][1], "regency_code": "73.15", "round": None}
    assert body["totals"]["regencies"] == 2 and body["totals"]["asked"] == 3


def test_a_round_of_the_other_regency_shows_up(other, app, client, db, settings,
        coordinator):
    with other.db.write_session() as session:
        opds = [make_opd(session, f"DINAS-{n}", f"Dinas {n}") for n in range(4)]
        open_round_with_form(session, opds)
        session.commit()
    body = coordinator.get("/api/v1/nasional/progress").json()
    lutim = [r for r in body["rounds"] if r["regency_code"] == "73.15"]
    assert [(r["round"], r["asked"], r["counts"]["not_started"]) for r in lutim] == [
        ("Periode 2026", 4, 4)]


def test_regency_staff_may_not_see_it_and_coordinators_see_nothing_of_a_regency(
        other, app, client, db, settings, coordinator):
    world = build_world(db)
    admin = signed_in(app, db, settings, world.users["admin"])
    assert admin.get("/nasional").status_code == 403
    assert coordinator.get("/rounds").status_code == 403
    assert coordinator.get(f"/rounds/{world.round.id}/export.xlsx").status_code == 403
    cookie = "; ".join(f"{name}={value}" for name, value in coordinator.cookies.items())
    client.cookies.clear()
    elsewhere = client.get(f"http://{other.host}/nasional", headers={"cookie": cookie},
                           follow_redirects=False)
    assert elsewhere.status_code == 303 and elsewhere.headers["location"].startswith("/login")
    with db.session() as session:
        assert session.exec(select(User).where(User.role == "coordinator")).one().username \
            == "komdigi"


def test_an_opds_own_later_deadline_keeps_it_from_being_overdue(other, app, client, db,
        settings, coordinator):
    world = build_world(db)  # A, B and C asked; nobody has sent anything
    with db.write_session() as session:
        session.get(Round, world.round.id).closes_at = utcnow() - timedelta(days=2)
        extended = session.exec(select(RoundOpd).where(
            RoundOpd.round_id == world.round.id, RoundOpd.opd_id == world.opd_b.id)).one()
        extended.closes_at = utcnow() + timedelta(days=5)
        session.commit()
    home = coordinator.get("/api/v1/nasional/progress").json()["rounds"][0]
    assert (home["asked"], home["counts"]["not_started"], home["overdue"]) == (3, 3, 2)
