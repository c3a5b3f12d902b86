"""GET /healthz: 200 when the database answers at the newest schema, 503 otherwise."""

from app import migrate
from app.db import Database


def test_healthy_on_a_migrated_database(client, database_url):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["schema"] == body["head"] == migrate.head_revision(database_url)


def test_unhealthy_when_the_schema_is_behind(client, database_url):
    # The app upgraded SQLite when it started; take the schema down behind its back.
    migrate.downgrade(database_url, "base")
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["schema"] is None and body["head"] == migrate.head_revision(database_url)


def test_unhealthy_without_telling_strangers_why(client, app):
    home = app.state.sites.home
    original = home.db
    home.db = Database("postgresql+psycopg://survei:rahasia-db@127.0.0.1:1/survei")
    try:
        response = client.get("/healthz")
    finally:
        home.db.dispose()
        home.db = original
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable"}
    assert "rahasia" not in response.text and "127.0.0.1" not in response.text
