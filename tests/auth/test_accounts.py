"""Rules for new accounts (create_user), checked on SQLite and PostgreSQL."""

import pytest
from sqlmodel import func, select

from app.accounts.models import User
from app.audits.models import AuditEvent
from app.auth.accounts import create_user
from app.errors import Conflict, Invalid, NotFound
from tests.support.factories import make_opd


@pytest.fixture
def dinkes(db):
    with db.write_session() as session:
        make_opd(session)


def add(db, username: str = "budi", role: str = "officer", opd_code: str | None = "DINKES",
        **fields) -> User:
    with db.write_session() as session:
        return create_user(session, username=username, role=role, opd_code=opd_code, **fields)


def refused(db, **kwargs) -> dict[str, str]:
    """The field -> message key map of a refused account; asserts nothing was saved."""
    with pytest.raises(Invalid) as caught:
        add(db, **kwargs)
    assert user_count(db) == 0
    return caught.value.detail["fields"]


def user_count(db) -> int:
    with db.session() as session:
        return session.exec(select(func.count()).select_from(User)).one()


def saved(db, username: str = "budi") -> User:
    with db.session() as session:
        return session.exec(select(User).where(User.username == username)).one()


def test_an_officer_is_saved_with_their_opd_and_audited(db, dinkes):
    add(db, full_name="  Budi Santoso ", phone="0812 3456 789")
    user = saved(db)
    assert (user.role, user.full_name, user.phone) == ("officer", "Budi Santoso", "0812 3456 789")
    assert user.opd_id is not None and user.password_hash is None and user.active
    with db.session() as session:
        event = session.exec(select(AuditEvent).where(AuditEvent.action == "user.created")).one()
    assert event.details == {"username": "budi", "role": "officer", "opd": "DINKES"}


@pytest.mark.parametrize("typed", ["19860926 201505 1 001", "198609262015051001",
                                   " 198609262015051001\n"])
def test_a_nip_may_be_typed_with_spaces_and_is_stored_without(db, dinkes, typed):
    add(db, nip=typed)
    assert saved(db).nip == "198609262015051001"


@pytest.mark.parametrize("nip", ["19860926201505100", "1986092620150510011",
                                 "19860926-201505-1-001", "1986O9262015051001"])
def test_a_nip_must_be_18_digits(db, dinkes, nip):
    assert refused(db, nip=nip) == {"nip": "account.nip_invalid"}


def test_a_blank_nip_means_none(db, dinkes):
    add(db, nip="   ")
    assert saved(db).nip is None


def test_an_officer_needs_an_opd(db, dinkes):
    assert refused(db, opd_code=None) == {"opd": "account.officer_needs_opd"}


@pytest.mark.parametrize("role", ["planner", "viewer", "admin"])
def test_only_officers_belong_to_an_opd(db, dinkes, role):
    assert refused(db, role=role) == {"opd": "account.only_officer_has_opd"}
    add(db, role=role, opd_code=None)
    assert saved(db).opd_id is None


def test_an_unknown_opd_code_is_named(db, dinkes):
    with pytest.raises(NotFound) as caught:
        add(db, opd_code="DISHUB")
    assert caught.value.key == "opd.unknown_code" and caught.value.params == {"code": "DISHUB"}
    assert user_count(db) == 0


def test_an_unknown_role_is_refused(db, dinkes):
    assert refused(db, role="superuser", opd_code=None) == {"role": "account.role_invalid"}


@pytest.mark.parametrize("username", ["ab", "budi santoso", "-budi", ".budi", "budi@dinkes",
                                      "budí", "b" * 65, "", "budi\nx"])
def test_username_rules(db, dinkes, username):
    assert refused(db, username=username) == {"username": "account.username_invalid"}


@pytest.mark.parametrize("typed, stored", [("Budi.Santoso", "budi.santoso"),
                                           (" petugas-dinkes_2 ", "petugas-dinkes_2"),
                                           ("abc", "abc"), ("b" * 64, "b" * 64)])
def test_usernames_are_stored_lowercase_and_trimmed(db, dinkes, typed, stored):
    add(db, username=typed)
    assert saved(db, stored).username == stored


def test_a_username_is_taken_whatever_its_case(db, dinkes):
    add(db)
    with pytest.raises(Conflict) as caught:
        add(db, username="BUDI")
    assert caught.value.key == "account.username_taken"
    assert caught.value.params == {"username": "budi"}
    assert user_count(db) == 1


def test_every_problem_is_reported_at_once(db, dinkes):
    fields = refused(db, username="x", opd_code=None, nip="123", password="pendek")
    assert fields == {"username": "account.username_invalid", "opd": "account.officer_needs_opd",
                      "nip": "account.nip_invalid", "password": "account.password_too_short"}


def test_over_long_name_and_phone_are_refused_not_crashed(db, dinkes):
    fields = refused(db, full_name="N" * 121, phone="0" * 21)
    assert fields == {"full_name": "account.full_name_too_long",
                      "phone": "account.phone_too_long"}
