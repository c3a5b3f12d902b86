"""Plain factory functions and a login helper for tests."""

import re

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.accounts.models import User
from app.auth.accounts import create_user
from app.db import Database
from app.opds.models import Opd

PASSWORD = "kata-sandi-uji-123"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def make_opd(session: Session, code: str = "DINKES", name: str = "Dinas Kesehatan",
             kind: str = "dinas") -> Opd:
    opd = Opd(code=code, name=name, kind=kind)
    session.add(opd)
    session.commit()
    return opd


def make_user(session: Session, username: str, role: str, opd_code: str | None = None,
              password: str = PASSWORD) -> User:
    return create_user(session, username=username, role=role, opd_code=opd_code,
                       password=password, full_name=username.title())


def seed_roles(db: Database) -> None:
    """Two OPDs and one account per role: officer_a (OPD A), officer_b (OPD B), viewer…"""
    with db.write_session() as session:
        make_opd(session, "OPD-A", "Dinas A")
        make_opd(session, "OPD-B", "Dinas B")
        make_user(session, "officer_a", "officer", "OPD-A")
        make_user(session, "officer_b", "officer", "OPD-B")
        for role in ("viewer", "planner", "admin"):
            make_user(session, role, role)


def csrf_from(html: str) -> str:
    """The CSRF token a page's forms carry."""
    match = _CSRF.search(html)
    assert match, "page has no CSRF token"
    return match.group(1)


def login(client: TestClient, username: str, password: str = PASSWORD):
    """Log in through the real login form; returns the response (303 on success)."""
    token = csrf_from(client.get("/login").text)
    return client.post("/login", data={"username": username, "password": password,
                                       "csrf_token": token}, follow_redirects=False)
