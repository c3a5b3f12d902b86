"""Logging in and out through the pages, on SQLite and PostgreSQL."""

from sqlmodel import select

from app.audits.models import AuditEvent
from tests.support.factories import PASSWORD, csrf_from, login, make_user


def test_root_shows_the_login_page_in_bahasa_indonesia(client):
    page = client.get("/")
    assert page.status_code == 200
    assert page.url.path == "/login"
    assert '<html lang="id">' in page.text
    assert "Nama pengguna" in page.text and "Kata sandi" in page.text


def test_login_opens_a_session_and_logout_revokes_it(client, db):
    with db.write_session() as session:
        make_user(session, "perencana", "planner")
    response = login(client, "perencana")
    assert response.status_code == 303
    cookie = client.cookies.get("survei_session")
    assert cookie
    home = client.get("/")
    assert "Selamat datang, Perencana." in home.text
    client.post("/logout", data={"csrf_token": csrf_from(home.text)})
    client.cookies.set("survei_session", cookie)  # replaying the old cookie must not work
    assert client.get("/").url.path == "/login"
    with db.session() as session:
        actions = [e.action for e in session.exec(select(AuditEvent).order_by(AuditEvent.id))]
    assert actions[-2:] == ["login.succeeded", "logout"]


def test_wrong_password_and_unknown_user_get_the_same_answer(client, db):
    with db.write_session() as session:
        make_user(session, "perencana", "planner")
    wrong = login(client, "perencana", "salah-sekali-123")
    unknown = login(client, "tidak.ada", PASSWORD)
    assert wrong.status_code == unknown.status_code == 401
    message = "Nama pengguna atau kata sandi salah."
    assert message in wrong.text and message in unknown.text
    with db.session() as session:
        failed = session.exec(select(AuditEvent).where(AuditEvent.action == "login.failed")).all()
    assert {e.actor_name for e in failed} == {"perencana", "tidak.ada"}


def test_tampered_or_unknown_session_cookie_means_log_in_again(client, db):
    client.cookies.set("survei_session", "tampered-value")
    page = client.get("/", follow_redirects=True)
    assert page.status_code == 200 and page.url.path == "/login"
    assert client.get("/api/v1/me").status_code == 401


def test_post_without_csrf_token_is_refused(client, db):
    with db.write_session() as session:
        make_user(session, "perencana", "planner")
    client.get("/login")
    response = client.post("/login", data={"username": "perencana", "password": PASSWORD})
    assert response.status_code == 403
    assert "Formulir kedaluwarsa" in response.text
    assert client.cookies.get("survei_session") is None


def test_english_can_be_chosen(client):
    page = client.get("/login")
    client.post("/language", data={"lang": "en", "next": "/login",
                                   "csrf_token": csrf_from(page.text)})
    english = client.get("/login")
    assert '<html lang="en">' in english.text and "Username" in english.text
