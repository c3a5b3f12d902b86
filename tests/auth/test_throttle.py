"""Login throttling: slows an attacker, never locks out the owner or an office (both backends)."""

import threading
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import func, select

from app.audits.models import AuditEvent
from app.auth import throttle
from app.auth.login import _reserve
from app.auth.models import LoginAttempt, LoginThrottle
from app.config import load_settings
from app.db import Database
from app.errors import TooManyRequests
from app.main import create_app
from app.types import utcnow
from tests.support.factories import PASSWORD, csrf_from, make_user

WRONG = "salah-sekali-123"


@pytest.fixture
def settings(database_url, tmp_path):
    # The test client stands for a reverse proxy that says who the caller is.
    return load_settings(env="test", var_dir=tmp_path / "var", database_url=database_url,
                         secret_key="test-secret-" + "x" * 40, trusted_proxies="testclient",
                         login_max_accounts_per_ip=4)


def attempt(client: TestClient, username: str, password: str, ip: str):
    token = csrf_from(client.get("/login").text)
    return client.post("/login", data={"username": username, "password": password,
                                       "csrf_token": token},
                       headers={"X-Forwarded-For": ip}, follow_redirects=False)


def audit_actions(db, action: str) -> list[AuditEvent]:
    with db.session() as session:
        return list(session.exec(select(AuditEvent).where(AuditEvent.action == action)))


def test_an_attacker_waits_but_the_owner_elsewhere_signs_in(client, db):
    with db.write_session() as session:
        make_user(session, "admin", "admin")
    for _ in range(5):
        assert attempt(client, "admin", WRONG, "203.0.113.9").status_code == 401
    blocked = attempt(client, "admin", PASSWORD, "203.0.113.9")
    assert blocked.status_code == 429
    assert 1 <= int(blocked.headers["Retry-After"]) <= 60
    assert "Terlalu banyak percobaan masuk yang gagal. Coba lagi pukul" in blocked.text
    assert "(1 menit lagi)" in blocked.text
    client.cookies.clear()
    assert attempt(client, "admin", PASSWORD, "198.51.100.7").status_code == 303


def test_the_wait_doubles_and_a_right_password_after_it_starts_over(client, db, settings):
    with db.write_session() as session:
        make_user(session, "perencana", "planner")
    for _ in range(5):
        attempt(client, "perencana", WRONG, "203.0.113.9")
    assert [throttle.backoff(settings, n).total_seconds() // 60 for n in (5, 6, 7, 8, 9, 12)] \
        == [1, 2, 4, 8, 15, 15]
    key = throttle.account_key("perencana", "203.0.113.9")
    with db.writing() as session:  # the first wait has passed
        session.get(LoginThrottle, key).blocked_until = utcnow() - timedelta(seconds=1)
    assert attempt(client, "perencana", WRONG, "203.0.113.9").status_code == 401
    again = attempt(client, "perencana", PASSWORD, "203.0.113.9")
    assert again.status_code == 429 and 60 < int(again.headers["Retry-After"]) <= 120
    with db.writing() as session:
        session.get(LoginThrottle, key).blocked_until = utcnow() - timedelta(seconds=1)
    assert attempt(client, "perencana", PASSWORD, "203.0.113.9").status_code == 303
    with db.session() as session:
        assert session.get(LoginThrottle, key) is None


def test_one_audit_event_per_throttling_episode(client, db):
    with db.write_session() as session:
        make_user(session, "perencana", "planner")
    for _ in range(5):
        attempt(client, "perencana", WRONG, "203.0.113.9")
    for _ in range(8):
        assert attempt(client, "perencana", WRONG, "203.0.113.9").status_code == 429
    assert len(audit_actions(db, "login.failed")) == 5
    throttled = audit_actions(db, "login.throttled")
    assert len(throttled) == 1
    assert throttled[0].ip == "203.0.113.9" and throttled[0].details["rule"] == "account"


def test_an_office_behind_one_address_keeps_working_while_a_sprayer_is_stopped(client, db):
    office = "192.0.2.50"
    with db.write_session() as session:
        for name in ("petugas.a", "petugas.b", "petugas.c", "petugas.d", "petugas.e"):
            make_user(session, name, "viewer")
    assert attempt(client, "petugas.e", PASSWORD, office).status_code == 303  # known here
    client.cookies.clear()
    for name in ("petugas.a", "petugas.b", "tidak.ada1", "tidak.ada2"):
        assert attempt(client, name, WRONG, office).status_code == 401
    sprayed = attempt(client, "petugas.c", WRONG, office)
    assert sprayed.status_code == 429 and int(sprayed.headers["Retry-After"]) > 60
    assert attempt(client, "petugas.c", PASSWORD, "198.51.100.7").status_code == 303
    client.cookies.clear()
    assert attempt(client, "petugas.e", PASSWORD, office).status_code == 303
    client.cookies.clear()
    assert attempt(client, "petugas.a", PASSWORD, office).status_code == 303  # counted already


def test_a_spoofed_forwarded_for_is_ignored_without_trusted_proxies(db, database_url, tmp_path):
    settings = load_settings(env="test", var_dir=tmp_path / "v2", database_url=database_url,
                             secret_key="s" * 40)
    with db.write_session() as session:
        make_user(session, "perencana", "planner")
    with TestClient(create_app(settings)) as client:
        for n in range(6):
            answer = attempt(client, "perencana", WRONG, f"10.0.0.{n}")
        assert answer.status_code == 429
    failed = audit_actions(db, "login.failed")
    assert {e.ip for e in failed} == {"testclient"}


def test_simultaneous_wrong_passwords_get_at_most_the_limit_of_checks(db, database_url, settings):
    with db.write_session() as session:
        make_user(session, "perencana", "planner")
    databases = [Database(database_url) for _ in range(6)]  # like six worker processes
    outcomes, start = [], threading.Barrier(30)

    def one(n: int) -> None:
        start.wait()
        try:
            _reserve(databases[n % 6], settings, "perencana", "203.0.113.9")
            outcomes.append("checked")
        except TooManyRequests:
            outcomes.append("refused")

    threads = [threading.Thread(target=one, args=(n,)) for n in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for database in databases:
        database.dispose()
    assert outcomes.count("checked") == settings.login_max_failures_per_account
    assert outcomes.count("refused") == 25
    with db.session() as session:
        assert session.exec(select(func.count()).select_from(LoginAttempt)).one() == 5
