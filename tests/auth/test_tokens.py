"""Personal API tokens: made with `survei token create`, sent as `Authorization: Bearer …`."""

import pytest
from sqlmodel import select

from app.models import ApiToken, User
from app.types import utcnow
from tests.support.cli import run, use_database
from tests.support.factories import make_opd, make_user


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
    result = run("token", "create", "tidak.ada")
    assert result.exit_code == 1
    assert "no active account named tidak.ada" in result.stderr
    with db.session() as session:
        assert session.exec(select(ApiToken)).all() == []
