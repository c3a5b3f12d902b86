"""`survei regency add|list`, `survei --regency CODE …` and `survei db upgrade` over every
regency; an installation from before regencies upgrades in place with its data unchanged."""

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from app import migrate
from app.accounts.models import User
from app.config import load_settings
from app.db import Database
from app.main import create_app
from app.opds.models import Opd
from app.regencies.models import RegisteredRegency
from app.regencies.sites import open_database, regency_settings
from tests.support.cli import run, use_database, use_sqlite_copy
from tests.support.factories import csrf_from, make_opd

BEFORE_REGENCIES = "5626c897b34e"  # the newest revision without the regency register


@pytest.fixture
def cli_db(monkeypatch, tmp_path, sqlite_template) -> str:
    return use_sqlite_copy(monkeypatch, tmp_path, sqlite_template)


def usernames(db: Database) -> list[str]:
    with db.session() as session:
        return [u.username for u in session.exec(select(User).order_by(User.username))]


def test_add_a_regency_and_its_first_admin_from_the_command_line(
        monkeypatch, tmp_path, database_url, db):
    use_database(monkeypatch, tmp_path, database_url)
    added = run("regency", "add", "73.15", "Kabupaten Luwu Timur")
    assert added.exit_code == 0, added.stderr
    assert "7315.localhost" in added.stdout and "survei --regency 73.15 user add" in added.stdout
    assert run("regency", "add", "73.73", "Kota Palopo", "--kind", "kota").exit_code == 0
    listed = run("regency", "list").stdout.splitlines()
    assert listed == ["73.22\tKabupaten Luwu Utara\t(utama)",
                      "73.15\tKabupaten Luwu Timur\tkabupaten\t7315.localhost",
                      "73.73\tKota Palopo\tkota\t7373.localhost"]
    made = run("--regency", "73.15", "user", "add", "admin.lutim", "--role", "admin")
    assert made.exit_code == 0, made.stderr
    assert "http://7315.localhost:8000/account/link/" in made.stdout  # its own address
    assert usernames(db) == []  # not in the home regency
    with db.session() as session:
        entry = session.get(RegisteredRegency, "73.15")
    other = open_database(db, regency_settings(load_settings(), entry))
    try:
        assert usernames(other) == ["admin.lutim"]
    finally:
        other.dispose()


def test_refusals_name_the_problem(monkeypatch, tmp_path, database_url):
    use_database(monkeypatch, tmp_path, database_url)
    bad = run("regency", "add", "7315", "Luwu Timur")
    assert bad.exit_code == 1 and "bukan kode Kemendagri" in bad.stderr
    unknown = run("--regency", "73.99", "opd", "list")
    assert unknown.exit_code == 1 and "wilayah 73.99 tidak terdaftar" in unknown.stderr


def test_db_upgrade_brings_every_regency_to_the_newest_schema(monkeypatch, tmp_path,
                                                              database_url):
    use_database(monkeypatch, tmp_path, database_url)
    assert run("regency", "add", "73.15", "Kabupaten Luwu Timur").exit_code == 0
    upgraded = run("db", "upgrade")
    assert upgraded.exit_code == 0, upgraded.stderr
    assert upgraded.stdout.splitlines() == [
        "73.22 Kabupaten Luwu Utara: database at head",
        "73.15 Kabupaten Luwu Timur: database at head"]


def test_an_installation_from_before_regencies_upgrades_in_place(empty_url):
    url = empty_url
    migrate.upgrade(url, BEFORE_REGENCIES)
    db = Database(url)
    try:
        with db.write_session() as session:
            make_opd(session, "DINKES", "Dinas Kesehatan")
            session.commit()
        migrate.upgrade(url)
        assert migrate.is_at_head(db.engine)
        with db.session() as session:
            assert [o.code for o in session.exec(select(Opd))] == ["DINKES"]
            assert session.exec(select(RegisteredRegency)).all() == []
    finally:
        db.dispose()


def test_the_national_demo_shows_three_regencies_to_the_coordinator(cli_db, tmp_path):
    made = run("demo", "--national")
    assert made.exit_code == 0, made.stderr
    assert "73.15 Kabupaten Luwu Timur on http://7315.localhost:8000" in made.stdout
    assert "73.73 Kota Palopo on http://7373.localhost:8000" in made.stdout
    assert run("demo", "--national").exit_code == 0  # a second run changes nothing
    settings = load_settings(env="test", var_dir=tmp_path / "cli-var", database_url=cli_db,
                             secret_key="s" * 40, job_concurrency=0)
    with TestClient(create_app(settings)) as client:
        token = csrf_from(client.get("/login").text)
        signed = client.post("/login", data={"username": "koordinator", "csrf_token": token,
                                             "password": "demo-koordinator-2026"})
        assert signed.status_code == 200
        rounds = client.get("/api/v1/nasional/progress").json()["rounds"]
        page = client.get("/nasional").text
        benchmarks = client.get("/api/v1/nasional/benchmarks").json()
        lutim = client.get("http://7315.localhost/login").text
    assert [(r["regency_code"], r["round"]) for r in rounds] == [
        ("73.22", "Periode Pengisian 2026"), ("73.22", "Periode Pengisian 2025"),
        ("73.15", "Periode Pengisian 2026"), ("73.15", "Periode Pengisian 2025"),
        ("73.73", None)]
    assert "Kota Palopo" in page and "Belum ada periode pengisian" in page
    assert {r["code"]: r["note"] for r in benchmarks["regencies"]} == {
        "73.15": "", "73.22": "", "73.73": "no_round"}
    assert benchmarks["shared"]  # the two demo rounds propose the same needs
    values = {r["code"]: r["values"] for r in benchmarks["regencies"]}
    differ = [key for key, value in values["73.22"].items() if values["73.15"][key] != value]
    assert len(differ) >= len(values["73.22"]) // 2  # Luwu Timur's answers are its own
    assert "Kabupaten Luwu Timur" in lutim
