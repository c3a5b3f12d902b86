"""Settings: unsafe production settings are refused; dev gets a kept key and a SQLite file."""

import os

import pytest
from fastapi.testclient import TestClient

from app.config import ConfigError, load_settings
from app.main import create_app
from tests.support.factories import csrf_from, login, make_user

GOOD_KEY = "k" * 40


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    """Only what a test sets: no SURVEI_* variable from the shell leaks in."""
    for name in [n for n in os.environ if n.startswith("SURVEI_")]:
        monkeypatch.delenv(name)


def test_production_without_a_secret_key_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="SURVEI_SECRET_KEY") as caught:
        load_settings(env="production", var_dir=tmp_path / "var")
    assert "32" in str(caught.value)
    assert not (tmp_path / "var" / "secret_key").exists()  # no silently generated key


def test_production_with_a_short_key_is_refused_without_echoing_it(tmp_path, monkeypatch):
    monkeypatch.setenv("SURVEI_ENV", "production")
    monkeypatch.setenv("SURVEI_SECRET_KEY", "pendek-sekali")
    monkeypatch.setenv("SURVEI_DATABASE_URL", "postgresql+psycopg://survei:rahasia-db@db/survei")
    with pytest.raises(ConfigError, match="SURVEI_SECRET_KEY") as caught:
        load_settings(var_dir=tmp_path)
    assert "pendek-sekali" not in str(caught.value)
    assert "rahasia-db" not in str(caught.value)


def test_production_with_a_long_key_turns_secure_cookies_on(tmp_path):
    settings = load_settings(env="production", secret_key=GOOD_KEY, var_dir=tmp_path,
                             base_url="https://survei.example.go.id/")
    assert settings.secure_cookies is True
    assert settings.base_url == "https://survei.example.go.id"
    assert settings.secret_key == GOOD_KEY


def test_a_wrong_value_names_its_variable(monkeypatch, tmp_path):
    monkeypatch.setenv("SURVEI_ENV", "prod")
    with pytest.raises(ConfigError, match="SURVEI_ENV"):
        load_settings(var_dir=tmp_path)


def test_dev_generates_a_secret_key_once_and_keeps_it(tmp_path):
    first = load_settings(var_dir=tmp_path / "var")
    key_file = tmp_path / "var" / "secret_key"
    assert len(first.secret_key) >= 32
    assert key_file.read_text().strip() == first.secret_key
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert load_settings(var_dir=tmp_path / "var").secret_key == first.secret_key
    assert first.secure_cookies is False


def test_the_database_url_comes_from_the_environment(monkeypatch, tmp_path):
    url = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    monkeypatch.setenv("SURVEI_DATABASE_URL", url)
    monkeypatch.setenv("SURVEI_VAR_DIR", str(tmp_path / "var"))
    settings = load_settings()
    assert settings.database_url == url
    assert settings.var_dir == tmp_path / "var"


def test_the_default_database_is_a_sqlite_file_under_var(monkeypatch, tmp_path):
    monkeypatch.setenv("SURVEI_VAR_DIR", str(tmp_path / "var"))
    settings = load_settings()
    assert settings.is_sqlite
    assert settings.database_url == f"sqlite:///{tmp_path / 'var' / 'survei.db'}"


def test_secure_cookies_use_the_host_prefix_and_the_secure_flag(database_url, db, tmp_path):
    with db.write_session() as session:
        make_user(session, "perencana", "planner")
    settings = load_settings(env="production", secret_key=GOOD_KEY, var_dir=tmp_path,
                             database_url=database_url, base_url="https://testserver")
    with TestClient(create_app(settings), base_url="https://testserver") as client:
        response = login(client, "perencana")
        assert response.status_code == 303
        cookie = response.headers["set-cookie"]
        assert cookie.startswith("__Host-survei_session=")
        assert "; secure" in cookie.lower() and "path=/" in cookie.lower()
        assert "domain=" not in cookie.lower()
        home = client.get("/")
        assert "Selamat datang, Perencana." in home.text
        logout = client.post("/logout", data={"csrf_token": csrf_from(home.text)},
                             follow_redirects=False)
        # Browsers ignore the deletion of a __Host- cookie unless it is Secure too.
        deletion = logout.headers["set-cookie"]
        assert deletion.startswith("__Host-survei_session=") and "; secure" in deletion.lower()
