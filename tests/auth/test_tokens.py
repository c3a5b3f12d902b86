"""Personal API tokens: made with `survei token create`, sent as `Authorization: Bearer …`."""

import re
from datetime import timedelta

import pytest
from sqlmodel import select

from app.accounts.models import ApiToken, User
from app.auth.api_tokens import create_api_token
from app.types import utcnow
from tests.support.cli import run, use_database
from tests.support.factories import csrf_from, login, make_opd, make_user


@pytest.fixture
def token(db, database_url, monkeypatch, tmp_path) -> str:
    """A token for the officer `budi` of DINKES, made through the command line."""
    with db.write_session() as session:
        make_opd(session)
        make_user(session, "budi", "officer", "DINKES")
    use_database(monkeypatch, tmp_path, database_url)
    result = run("token", "create", "budi", "--name", "skrip rekap")
    assert result.exit_code == 0, result.output
    return result.stdout.strip()


def bearer(value: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {value}"}


def test_the_token_authenticates_the_api_as_its_user(client, token):
    response = client.get("/api/v1/me", headers=bearer(token))
    assert response.status_code == 200
    assert response.json() == {"username": "budi", "full_name": "Budi", "role": "officer",
                               "opd_code": "DINKES"}
    assert "survei_session" not in response.headers.get("set-cookie", "")


def test_only_the_hash_of_the_token_is_stored(db, token):
    with db.session() as session:
        rows = session.exec(select(ApiToken)).all()
    assert len(rows) == 1 and rows[0].name == "skrip rekap"
    assert token not in rows[0].token_hash


def assert_unauthorized_json(response) -> None:
    assert response.status_code == 401
    assert response.json()["error"]["status"] == 401
    assert response.json()["error"]["code"] == "error.unauthorized"
    assert response.json()["error"]["message"] == "Silakan masuk terlebih dahulu."


@pytest.mark.parametrize("sent", ["svk_wrong", "", "x" * 500])
def test_a_wrong_token_is_refused_with_a_json_error(client, token, sent):
    assert_unauthorized_json(client.get("/api/v1/me", headers=bearer(sent)))


def test_a_revoked_token_is_refused(client, db, token):
    with db.write_session() as session:
        row = session.exec(select(ApiToken)).one()
        row.revoked_at = utcnow()
        session.add(row)
        session.commit()
    assert_unauthorized_json(client.get("/api/v1/me", headers=bearer(token)))


def test_the_token_of_a_deactivated_account_is_refused(client, db, token):
    with db.write_session() as session:
        user = session.exec(select(User).where(User.username == "budi")).one()
        user.active = False
        session.add(user)
        session.commit()
    assert_unauthorized_json(client.get("/api/v1/me", headers=bearer(token)))


def test_a_bearer_call_needs_no_csrf_token(client, token):
    # No cookie is sent with a bearer call, so there is nothing a forged form could ride on.
    response = client.post("/logout", headers=bearer(token), follow_redirects=False)
    assert response.status_code == 303


def test_no_token_for_an_unknown_account(db, database_url, monkeypatch, tmp_path):
    use_database(monkeypatch, tmp_path, database_url)
    result = run("token", "create", "tidak.ada", "--name", "skrip")
    assert result.exit_code == 1
    assert "no active account named tidak.ada" in result.stderr
    with db.session() as session:
        assert session.exec(select(ApiToken)).all() == []


# --- managing tokens: name, created / last used / expiry, list and revoke ------------------


def test_the_command_needs_a_name_and_may_set_an_expiry(db, database_url, monkeypatch,
                                                        tmp_path):
    with db.write_session() as session:
        make_opd(session)
        make_user(session, "budi", "officer", "DINKES")
    use_database(monkeypatch, tmp_path, database_url)
    assert run("token", "create", "budi").exit_code != 0  # --name is required
    result = run("token", "create", "budi", "--name", "rekap bulanan", "--expires-days", "30")
    assert result.exit_code == 0, result.output
    with db.session() as session:
        row = session.exec(select(ApiToken)).one()
    assert row.name == "rekap bulanan"
    assert timedelta(days=29) < row.expires_at - row.created_at <= timedelta(days=30)


def test_an_expired_token_is_refused(client, db, token):
    with db.write_session() as session:
        row = session.exec(select(ApiToken)).one()
        row.expires_at = utcnow() - timedelta(seconds=1)
        session.add(row)
        session.commit()
    assert_unauthorized_json(client.get("/api/v1/me", headers=bearer(token)))


def test_each_use_records_the_last_use(client, db, token):
    with db.session() as session:
        assert session.exec(select(ApiToken)).one().last_used_at is None
    assert client.get("/api/v1/me", headers=bearer(token)).status_code == 200
    with db.session() as session:
        used = session.exec(select(ApiToken)).one().last_used_at
    assert used is not None and utcnow() - used < timedelta(minutes=1)


def test_the_owner_lists_and_revokes_a_token_through_the_api(client, token):
    listed = client.get("/api/v1/me/tokens", headers=bearer(token))
    assert listed.status_code == 200
    [entry] = listed.json()
    assert entry["name"] == "skrip rekap" and entry["state"] == "active"
    assert entry["expires_at"] is None and entry["created_at"]
    assert token not in listed.text
    revoked = client.post(f"/api/v1/me/tokens/{entry['id']}/revoke", headers=bearer(token))
    assert revoked.status_code == 200 and revoked.json()["state"] == "revoked"
    assert_unauthorized_json(client.get("/api/v1/me", headers=bearer(token)))


def test_the_owner_revokes_a_token_on_akun_saya(client, db, token):
    assert login(client, "budi").status_code == 303
    page = client.get("/account")
    assert page.status_code == 200
    assert "Token API" in page.text and "skrip rekap" in page.text and "Aktif" in page.text
    token_id = re.search(r'action="/account/tokens/(\d+)/revoke"', page.text).group(1)
    done = client.post(f"/account/tokens/{token_id}/revoke",
                       data={"csrf_token": csrf_from(page.text)})
    assert "Token dicabut; token itu tidak berlaku lagi." in done.text
    assert "Dicabut" in done.text
    assert_unauthorized_json(client.get("/api/v1/me", headers=bearer(token)))


def test_nobody_revokes_anothers_token_but_an_admin_does(client, db, token, settings):
    with db.write_session() as session:
        make_user(session, "ani", "officer", "DINKES")
        make_user(session, "perencana", "planner")
        make_user(session, "admin", "admin")
        owner = session.exec(select(User).where(User.username == "budi")).one()
        token_id = session.exec(select(ApiToken.id)).one()
    other = create_api_token_for(db, "ani")
    assert client.post(f"/api/v1/me/tokens/{token_id}/revoke",
                       headers=bearer(other)).status_code == 404
    planner = create_api_token_for(db, "perencana")
    url = f"/api/v1/accounts/{owner.id}/tokens/{token_id}/revoke"
    assert client.post(url, headers=bearer(planner)).status_code == 403
    assert client.get("/api/v1/me", headers=bearer(token)).status_code == 200
    admin = create_api_token_for(db, "admin")
    listed = client.get(f"/api/v1/accounts/{owner.id}/tokens", headers=bearer(admin)).json()
    assert [t["name"] for t in listed] == ["skrip rekap"]
    assert client.post(url, headers=bearer(admin)).json()["state"] == "revoked"
    assert_unauthorized_json(client.get("/api/v1/me", headers=bearer(token)))


def test_the_admin_revokes_a_token_on_the_account_page(client, db, token):
    with db.write_session() as session:
        make_user(session, "admin", "admin")
        owner = session.exec(select(User).where(User.username == "budi")).one()
    assert login(client, "admin").status_code == 303
    page = client.get(f"/accounts/{owner.id}")
    assert "Token API akun ini" in page.text and "skrip rekap" in page.text
    action = re.search(rf'action="(/accounts/{owner.id}/tokens/\d+/revoke)"', page.text).group(1)
    done = client.post(action, data={"csrf_token": csrf_from(page.text)})
    assert "Token dicabut." in done.text
    assert_unauthorized_json(client.get("/api/v1/me", headers=bearer(token)))


def create_api_token_for(db, username: str) -> str:
    with db.write_session() as session:
        user = session.exec(select(User).where(User.username == username)).one()
        return create_api_token(session, user=user, name=f"token {username}")
