"""Account management rules: who may manage whom, deactivation, links, role changes."""

from datetime import timedelta

import pytest
from sqlmodel import select

from app.accounts import service
from app.accounts.models import User, UserSession
from app.audits.models import AuditEvent
from app.auth.accounts import link_state
from app.auth.api_tokens import create_api_token, resolve_api_token
from app.auth.service import resolve_session
from app.errors import Conflict, Forbidden, Invalid
from app.types import utcnow


def actions(db, object_id):
    with db.session() as session:
        query = select(AuditEvent).where(AuditEvent.object_type == "user",
                                         AuditEvent.object_id == str(object_id))
        return [(e.action, e.actor_name) for e in session.exec(query.order_by(AuditEvent.id))]


def run(db, fn, **kwargs):
    with db.write_session() as session:
        merged = {k: session.get(User, v.id) if isinstance(v, User) else v
                  for k, v in kwargs.items()}
        return fn(session, **merged)


def test_a_planner_invites_an_officer_who_gets_a_one_time_link(db, world):
    user, token = run(db, service.invite, actor=world.users["planner"], username="Budi.S",
                      role="officer", opd_code="OPD-B", full_name="Budi Santoso",
                      phone="0812")
    assert (user.username, user.password_hash, user.phone) == ("budi.s", None, "0812")
    with db.session() as session:
        state = link_state(session, token)
    assert state.problem is None and state.link.purpose == "invite"
    assert actions(db, user.id) == [("user.created", "planner"), ("link.invite", "planner")]


@pytest.mark.parametrize(("actor", "role", "allowed"), [
    ("planner", "officer", True), ("planner", "viewer", True), ("planner", "planner", False),
    ("planner", "admin", False), ("admin", "planner", True), ("admin", "admin", True),
])
def test_who_may_invite_whom(db, world, actor, role, allowed):
    kwargs = {"actor": world.users[actor], "username": f"baru-{role}", "role": role,
              "opd_code": "OPD-A" if role == "officer" else None}
    if allowed:
        assert run(db, service.invite, **kwargs)[0].role == role
    else:
        with pytest.raises(Forbidden):
            run(db, service.invite, **kwargs)


def test_deactivation_ends_every_session_and_token_at_once(db, world, settings):
    from app.auth.service import open_session

    officer = world.users["officer_a"]
    with db.write_session() as session:
        opened = open_session(session, settings=settings, user=session.get(User, officer.id))
        session.commit()
        token = create_api_token(session, user=session.get(User, officer.id))
    run(db, service.set_active, actor=world.users["planner"], user=officer, active=False)
    with db.session() as session:
        assert resolve_session(session, opened.token) is None
        assert resolve_api_token(session, token) is None
        assert session.get(UserSession, opened.row.id).revoked_at is not None
    run(db, service.set_active, actor=world.users["planner"], user=officer, active=True)
    with db.session() as session:
        assert resolve_session(session, opened.token) is None  # revoked stays revoked
    assert actions(db, officer.id)[-2:] == [("user.deactivated", "planner"),
                                            ("user.activated", "planner")]


def test_nobody_deactivates_themselves_and_planners_leave_admins_alone(db, world):
    with pytest.raises(Conflict):
        run(db, service.set_active, actor=world.users["admin"], user=world.users["admin"],
            active=False)
    with pytest.raises(Forbidden):
        run(db, service.set_active, actor=world.users["planner"], user=world.users["admin"],
            active=False)
    with pytest.raises(Forbidden):
        run(db, service.reset_link, actor=world.users["planner"], user=world.users["admin"])


def test_a_reset_link_lets_the_user_choose_a_new_password(db, world):
    token = run(db, service.reset_link, actor=world.users["planner"],
                user=world.users["viewer"])
    with db.session() as session:
        state = link_state(session, token)
    assert state.link.purpose == "reset" and state.user.username == "viewer"
    assert state.link.expires_at > utcnow() + timedelta(days=6)
    run(db, service.set_active, actor=world.users["planner"], user=world.users["viewer"],
        active=False)
    with pytest.raises(Conflict):
        run(db, service.reset_link, actor=world.users["planner"], user=world.users["viewer"])


def test_details_change_with_checks_and_an_audit_of_what_changed(db, world):
    updated = run(db, service.update_details, actor=world.users["planner"],
                  user=world.users["officer_a"], full_name="Andi Baso", phone="0813",
                  nip="1985 0101 2010 01 1 001", opd_code="OPD-B")
    assert (updated.full_name, updated.nip, updated.opd_id) == (
        "Andi Baso", "198501012010011001", world.opd_b.id)
    with db.session() as session:
        event = session.exec(select(AuditEvent).where(AuditEvent.action == "user.updated")).one()
    assert event.details["changed"] == ["full_name", "nip", "opd_id", "phone"]
    with pytest.raises(Invalid) as bad:
        run(db, service.update_details, actor=world.users["planner"],
            user=world.users["officer_a"], full_name="x", phone=None, nip="123",
            opd_code="NOPE")
    assert bad.value.detail["fields"] == {"opd": "accounts.opd_unknown"}


def test_only_an_admin_changes_roles_and_an_officer_needs_an_opd(db, world):
    with pytest.raises(Forbidden):
        run(db, service.change_role, actor=world.users["planner"],
            user=world.users["viewer"], role="planner", opd_code=None)
    with pytest.raises(Invalid) as bad:
        run(db, service.change_role, actor=world.users["admin"], user=world.users["viewer"],
            role="officer", opd_code=None)
    assert bad.value.detail["fields"] == {"opd": "account.officer_needs_opd"}
    changed = run(db, service.change_role, actor=world.users["admin"],
                  user=world.users["officer_b"], role="viewer", opd_code="OPD-B")
    assert (changed.role, changed.opd_id) == ("viewer", None)
    with db.session() as session:
        event = session.exec(select(AuditEvent).where(
            AuditEvent.action == "user.role_changed")).one()
    assert (event.details["before"], event.details["after"]) == ("officer", "viewer")
    with pytest.raises(Conflict):
        run(db, service.change_role, actor=world.users["admin"], user=world.users["admin"],
            role="viewer", opd_code=None)


def test_the_list_filters_by_text_role_and_state(db, world):
    with db.session() as session:
        def names(**kw):
            found = service.list_accounts(session, flt=service.AccountFilter(**kw))
            return [u.username for u, _ in found]

        assert names(role="officer") == ["officer_a", "officer_b"]
        assert names(q="OPD-B") == ["officer_b"]
        assert names(active="0") == []
