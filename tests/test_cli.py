"""The `survei` command line: demo data, accounts, schema, and refusing an old schema."""

import os
import re
import subprocess
import sys
from urllib.parse import urlparse

import pytest
import typer
import uvicorn
from fastapi.testclient import TestClient
from sqlmodel import func, select

from app import migrate
from app.accounts.models import AccountLink, User
from app.cli.common import open_database
from app.config import load_settings
from app.db import Database
from app.demo import DEMO_ACCOUNTS
from app.main import create_app
from app.opds.models import Opd
from tests.support.cli import run, use_database, use_sqlite_copy
from tests.support.factories import csrf_from, login, make_opd

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture
def cli_db(monkeypatch, tmp_path, sqlite_template) -> str:
    """A migrated SQLite database that every command of the test uses."""
    return use_sqlite_copy(monkeypatch, tmp_path, sqlite_template)


def count(url: str, table) -> int:
    db = Database(url)
    try:
        with db.session() as session:
            return session.exec(select(func.count()).select_from(table)).one()
    finally:
        db.dispose()


@pytest.fixture
def web(cli_db, tmp_path):
    """A browser on the app, reading the database the commands wrote."""
    settings = load_settings(env="test", var_dir=tmp_path / "web-var", database_url=cli_db,
                             secret_key="s" * 40)
    with TestClient(create_app(settings)) as client:
        yield client


def test_demo_loads_the_register_and_accounts_once(cli_db):
    first = run("demo")
    assert first.exit_code == 0, first.output
    assert "OPD register: 52 new, 0 updated" in first.stdout
    assert "accounts created: admin, perencana, pimpinan, petugas.kominfo, petugas.dinkes" \
        in first.stdout
    assert re.search(r"demo round \d+ \(created\)", first.stdout)
    users = count(cli_db, User)  # the demo accounts and the officers of the demo round
    second = run("demo")
    assert second.exit_code == 0, second.output
    assert "OPD register: 0 new, 52 updated" in second.stdout
    assert "accounts created: none (already there)" in second.stdout
    assert re.search(r"demo round \d+ \(already there\)", second.stdout)
    assert count(cli_db, Opd) == 52
    assert count(cli_db, User) == users > len(DEMO_ACCOUNTS)


def test_the_demo_accounts_log_in(cli_db, web):
    assert run("demo").exit_code == 0
    for username, _role, opd, full_name, password in DEMO_ACCOUNTS:
        assert login(web, username, password).status_code == 303, username
        home = web.get("/")
        assert f"Selamat datang, {full_name}." in home.text
        if opd == "DINKES":
            assert "Dinas Kesehatan" in home.text
        web.post("/logout", data={"csrf_token": csrf_from(home.text)})


def test_demo_refuses_production(cli_db, monkeypatch):
    monkeypatch.setenv("SURVEI_ENV", "production")
    monkeypatch.setenv("SURVEI_SECRET_KEY", "p" * 40)
    monkeypatch.setenv("SURVEI_BASE_URL", "https://survei.example.go.id")
    result = run("demo")
    assert result.exit_code == 1
    assert "refusing to load demo accounts in production" in result.stderr
    assert count(cli_db, User) == 0


def test_a_configuration_error_is_one_clear_message(cli_db, monkeypatch):
    monkeypatch.setenv("SURVEI_ENV", "production")
    result = run("db", "upgrade")
    assert result.exit_code == 1
    assert "SURVEI_SECRET_KEY must be set" in result.stderr
    assert "Traceback" not in result.output


def add_dinkes(url: str) -> None:
    db = Database(url)
    with db.write_session() as session:
        make_opd(session)
    db.dispose()


def test_user_add_prints_a_link_that_works(cli_db, web, monkeypatch):
    add_dinkes(cli_db)
    monkeypatch.setenv("SURVEI_BASE_URL", "https://survei.example.go.id")
    result = run("user", "add", "budi", "--role", "officer", "--opd", "DINKES",
                 "--full-name", "Budi Santoso", "--nip", "19860926 201505 1 001")
    assert result.exit_code == 0, result.output
    assert "account budi (officer) created" in result.stdout
    link = result.stdout.split("one-time link (valid 7 days): ")[1].strip()
    assert link.startswith("https://survei.example.go.id/account/link/")
    path = urlparse(link).path
    page = web.get(path)
    assert page.status_code == 200 and "Aktifkan akun" in page.text
    done = web.post(path, data={"password": "sandi-budi-12345", "password2": "sandi-budi-12345",
                                "csrf_token": csrf_from(page.text)}, follow_redirects=False)
    assert done.status_code == 303
    assert login(web, "budi", "sandi-budi-12345").status_code == 303
    assert "Selamat datang, Budi Santoso." in web.get("/").text


@pytest.mark.parametrize("args, message", [
    (["--opd", "DINKES", "--nip", "12345"], "cannot add budi: nip: The NIP must be 18 digits."),
    ([], "cannot add budi: opd: An OPD officer must belong to one OPD."),
    (["--opd", "DISHUB"], "cannot add budi: Unknown OPD code DISHUB."),
])
def test_user_add_refuses_bad_input_with_the_reason(cli_db, args, message):
    add_dinkes(cli_db)
    result = run("user", "add", "budi", "--role", "officer", *args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert count(cli_db, User) == 0 and count(cli_db, AccountLink) == 0


def test_user_add_refuses_a_taken_username(cli_db):
    assert run("user", "add", "budi", "--role", "planner").exit_code == 0
    again = run("user", "add", "Budi", "--role", "viewer")
    assert again.exit_code == 1
    assert "The username budi is taken." in again.stderr
    assert count(cli_db, User) == 1


def test_db_upgrade_creates_the_schema_of_an_empty_database(monkeypatch, tmp_path):
    url = f"sqlite:///{tmp_path / 'kosong.db'}"
    use_database(monkeypatch, tmp_path, url)
    result = run("db", "upgrade")
    assert result.exit_code == 0, result.output
    assert "database at head" in result.stdout
    db = Database(url)
    try:
        assert migrate.is_at_head(db.engine)
    finally:
        db.dispose()
    assert count(url, Opd) == 0
    assert run("db", "downgrade", "base").exit_code == 0


def test_python_dash_m_app_shows_the_commands(tmp_path):
    env = {**os.environ, "SURVEI_VAR_DIR": str(tmp_path / "var")}
    result = subprocess.run([sys.executable, "-m", "app", "--help"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    for command in ("serve", "demo", "db", "opd", "user", "token"):
        assert command in result.stdout


@pytest.fixture
def empty_postgres(postgres_server):
    """A PostgreSQL database with no schema at all."""
    name = f"kosong_{os.getpid()}"
    postgres_server.execute(f"CREATE DATABASE {name}")
    yield postgres_server.url(name)
    postgres_server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.mark.postgres
def test_an_out_of_date_postgresql_schema_is_refused(empty_postgres, tmp_path, capsys):
    settings = load_settings(env="test", var_dir=tmp_path, database_url=empty_postgres)
    with pytest.raises(typer.Exit) as stopped:
        open_database(settings)
    assert stopped.value.exit_code == 1
    assert "survei db upgrade" in capsys.readouterr().err
    db = Database(empty_postgres)
    try:
        assert migrate.current_revision(db.engine) is None
    finally:
        db.dispose()


@pytest.mark.postgres
def test_serve_refuses_an_out_of_date_postgresql_schema(empty_postgres, monkeypatch, tmp_path):
    started = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: started.append(a))
    use_database(monkeypatch, tmp_path, empty_postgres)
    result = run("serve")
    assert result.exit_code == 1
    assert "survei db upgrade" in result.stderr
    assert started == []
