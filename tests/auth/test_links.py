"""One-time links to set a password (invitation or reset), through the pages, on both backends."""

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from app.accounts.models import AccountLink, User
from app.audits.models import AuditEvent
from app.auth.accounts import create_link, create_user
from app.types import utcnow
from tests.support.factories import csrf_from, login, make_opd

NEW_PASSWORD = "sandi-baru-yang-panjang"


def invite(db, purpose: str = "invite") -> str:
    """An officer `budi` without a password, and a live link for him."""
    with db.write_session() as session:
        make_opd(session)
        user = create_user(session, username="budi", role="officer", opd_code="DINKES",
                           full_name="Budi Santoso")
        return create_link(session, user=user, purpose=purpose)


def submit(client, token: str, password: str, password2: str | None = None, *, csrf=True):
    """Fill in the link's form as a browser would."""
    page = client.get(f"/account/link/{token}")
    data = {"password": password, "password2": password if password2 is None else password2}
    if csrf:
        data["csrf_token"] = csrf_from(page.text)
    return client.post(f"/account/link/{token}", data=data, follow_redirects=False)


def password_hash_of(db, username: str = "budi") -> str | None:
    with db.session() as session:
        return session.exec(select(User).where(User.username == username)).one().password_hash


def test_invitation_link_shows_the_set_password_page_in_bahasa_indonesia(client, db):
    page = client.get(f"/account/link/{invite(db)}")
    assert page.status_code == 200
    assert '<html lang="id">' in page.text
    assert "Aktifkan akun" in page.text
    assert "Buat kata sandi untuk akun budi. Minimal 10 karakter." in page.text
    assert "Kata sandi baru" in page.text and "Ulangi kata sandi baru" in page.text


def test_reset_link_has_its_own_title(client, db):
    page = client.get(f"/account/link/{invite(db, 'reset')}")
    assert page.status_code == 200
    assert "Atur ulang kata sandi" in page.text


def test_passwords_that_differ_are_refused_and_the_link_stays_usable(client, db):
    token = invite(db)
    response = submit(client, token, NEW_PASSWORD, NEW_PASSWORD + "x")
    assert response.status_code == 422
    assert "Kedua kata sandi tidak sama." in response.text
    assert password_hash_of(db) is None
    assert client.get(f"/account/link/{token}").status_code == 200


def test_a_too_short_password_is_refused_with_the_rule(client, db):
    token = invite(db)
    response = submit(client, token, "pendek")
    assert response.status_code == 422
    assert "Kata sandi minimal 10 karakter." in response.text
    assert password_hash_of(db) is None


def test_a_good_password_is_saved_and_signs_in_at_once(client, db):
    token = invite(db)
    response = submit(client, token, NEW_PASSWORD)
    assert response.status_code == 303
    assert response.headers["location"] == "/"  # no second login
    assert "Selamat datang, Budi Santoso." in client.get("/").text
    client.cookies.clear()
    assert login(client, "budi", NEW_PASSWORD).status_code == 303
    assert "Selamat datang, Budi Santoso." in client.get("/").text
    with db.session() as session:
        link = session.exec(select(AccountLink)).one()
        actions = [e.action for e in session.exec(select(AuditEvent))]
    assert link.used_at is not None
    assert "password.set" in actions and actions.count("login.succeeded") == 2


def test_a_link_works_only_once(client, db):
    token = invite(db)
    assert submit(client, token, NEW_PASSWORD).status_code == 303
    saved = password_hash_of(db)
    again = client.get(f"/account/link/{token}")
    assert again.status_code == 410
    assert "Tautan ini sudah pernah digunakan." in again.text
    assert "Mintalah tautan baru" in again.text
    second = submit(client, token, "sandi-lain-yang-panjang")
    assert second.status_code == 410
    assert password_hash_of(db) == saved
    assert login(client, "budi", "sandi-lain-yang-panjang").status_code == 401


def test_an_expired_link_says_so_and_sets_nothing(client, db):
    token = invite(db)
    with db.write_session() as session:
        link = session.exec(select(AccountLink)).one()
        link.expires_at = utcnow() - timedelta(minutes=1)
        session.add(link)
        session.commit()
    page = client.get(f"/account/link/{token}")
    assert page.status_code == 410
    assert "Tautan ini sudah kedaluwarsa" in page.text
    assert submit(client, token, NEW_PASSWORD).status_code == 410
    assert password_hash_of(db) is None


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_an_unknown_link_is_a_not_found_page(client, db, method):
    client.get("/login")  # the anonymous CSRF cookie
    if method == "GET":
        page = client.get("/account/link/no-such-token")
    else:
        token = csrf_from(client.get("/login").text)
        page = client.post("/account/link/no-such-token", data={
            "password": NEW_PASSWORD, "password2": NEW_PASSWORD, "csrf_token": token})
    assert page.status_code == 404
    assert "Tautan ini tidak dikenal." in page.text


def test_a_link_of_a_deactivated_account_leads_nowhere(client, db):
    token = invite(db)
    with db.write_session() as session:
        user = session.exec(select(User).where(User.username == "budi")).one()
        user.active = False
        session.add(user)
        session.commit()
    assert client.get(f"/account/link/{token}").status_code == 404


def test_setting_the_password_needs_the_csrf_token(client, db):
    token = invite(db)
    response = submit(client, token, NEW_PASSWORD, csrf=False)
    assert response.status_code == 403
    assert "Formulir kedaluwarsa" in response.text
    assert password_hash_of(db) is None
    assert client.get(f"/account/link/{token}").status_code == 200


def test_the_link_page_in_english(client, db):
    token = invite(db)
    page = client.get("/login")
    client.post("/language", data={"lang": "en", "next": "/", "csrf_token": csrf_from(page.text)})
    english = client.get(f"/account/link/{token}")
    assert "Activate your account" in english.text
    mismatch = submit(client, token, NEW_PASSWORD, "something-else-entirely")
    assert "The two passwords differ." in mismatch.text


# --- links and sessions that end when they should ------------------------------------------


def signed_in_budi(app, db) -> TestClient:
    """A second browser where budi is logged in with his current password."""
    browser = TestClient(app)
    assert login(browser, "budi", NEW_PASSWORD).status_code == 303
    assert browser.get("/api/v1/me").status_code == 200
    return browser


def test_a_password_set_through_a_reset_link_ends_every_session(app, client, db):
    assert submit(client, invite(db), NEW_PASSWORD).status_code == 303
    old_browser = signed_in_budi(app, db)
    with db.write_session() as session:
        user = session.exec(select(User).where(User.username == "budi")).one()
        reset = create_link(session, user=user, purpose="reset")
    assert submit(client, reset, "sandi-setelah-reset-1").status_code == 303
    assert old_browser.get("/api/v1/me").status_code == 401
    assert old_browser.get("/", follow_redirects=False).headers["location"] == "/login"
    assert login(client, "budi", "sandi-setelah-reset-1").status_code == 303


def test_a_newer_link_replaces_the_earlier_one(client, db):
    first = invite(db, "reset")
    with db.write_session() as session:
        user = session.exec(select(User).where(User.username == "budi")).one()
        second = create_link(session, user=user, purpose="reset")
    page = client.get(f"/account/link/{first}")
    assert page.status_code == 410
    assert "Tautan ini sudah diganti dengan tautan yang lebih baru." in page.text
    assert submit(client, first, NEW_PASSWORD).status_code == 410
    assert password_hash_of(db) is None
    assert submit(client, second, NEW_PASSWORD).status_code == 303


def test_using_a_link_ends_every_other_unused_link(client, db):
    invitation = invite(db, "invite")
    with db.write_session() as session:
        user = session.exec(select(User).where(User.username == "budi")).one()
        reset = create_link(session, user=user, purpose="reset")
    assert submit(client, reset, NEW_PASSWORD).status_code == 303
    assert client.get(f"/account/link/{invitation}").status_code == 410
    assert submit(client, invitation, "sandi-lain-yang-panjang").status_code == 410
    assert login(client, "budi", NEW_PASSWORD).status_code == 303


def test_a_link_page_sends_no_referrer(client, db):
    token = invite(db)
    for response in (client.get(f"/account/link/{token}"),
                     submit(client, token, NEW_PASSWORD, "lain-sama-sekali-123")):
        assert response.headers["referrer-policy"] == "no-referrer"


def test_changing_the_password_ends_every_other_session_but_this_one(app, client, db):
    assert submit(client, invite(db), NEW_PASSWORD).status_code == 303
    other = signed_in_budi(app, db)
    assert login(client, "budi", NEW_PASSWORD).status_code == 303
    page = client.get("/account")
    assert "Ganti kata sandi" in page.text
    wrong = client.post("/account/password", data={
        "current_password": "bukan-sandinya-123", "password": "sandi-ganti-12345",
        "password2": "sandi-ganti-12345", "csrf_token": csrf_from(page.text)})
    assert wrong.status_code == 422 and "Kata sandi saat ini salah." in wrong.text
    assert other.get("/api/v1/me").status_code == 200
    done = client.post("/account/password", data={
        "current_password": NEW_PASSWORD, "password": "sandi-ganti-12345",
        "password2": "sandi-ganti-12345", "csrf_token": csrf_from(page.text)})
    assert "Kata sandi diganti; sesi lain akun ini telah diakhiri." in done.text
    assert client.get("/api/v1/me").status_code == 200  # this browser stays signed in
    assert other.get("/api/v1/me").status_code == 401
    assert login(TestClient(app), "budi", "sandi-ganti-12345").status_code == 303


def test_the_password_api_twin(app, client, db):
    assert submit(client, invite(db), NEW_PASSWORD).status_code == 303
    other = signed_in_budi(app, db)
    assert login(client, "budi", NEW_PASSWORD).status_code == 303
    csrf = {"X-CSRF-Token": csrf_from(client.get("/account").text)}
    wrong = client.post("/api/v1/me/password", headers=csrf,
                        json={"current_password": "salah-salah-123", "password": "x" * 12})
    assert wrong.status_code == 422
    assert wrong.json()["error"]["fields"] == {"current_password": "account.current_password_wrong"}
    done = client.post("/api/v1/me/password", headers=csrf,
                       json={"current_password": NEW_PASSWORD, "password": "sandi-api-12345"})
    assert done.status_code == 204
    assert other.get("/api/v1/me").status_code == 401
    assert client.get("/api/v1/me").status_code == 200
