"""`survei backup` under write load and `survei restore`: every acknowledged save comes back."""

import os
import sqlite3
import threading
import time

import httpx2 as httpx
import pytest
from sqlmodel import select

from app.auth.api_tokens import create_api_token
from app.backup import serve_lock
from app.config import load_settings
from app.db import Database
from app.submissions.models import Submission
from tests.rounds.world import build_world
from tests.support.cli import run, use_database
from tests.support.live_server import LiveServer

WRITERS = 3


@pytest.fixture
def fresh_url(database_url, tmp_path, request):
    """A second, empty database of the same backend to restore into."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'restored.db'}"
        return
    server = request.getfixturevalue("postgres_server")
    name = f"restored_{os.getpid()}_{abs(hash(tmp_path)) % 10**8}"
    server.execute(f"CREATE DATABASE {name}")
    yield server.url(name)
    server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


class Officers:
    """WRITERS officers saving their drafts again and again; remembers what was acknowledged."""

    def __init__(self, base: str, round_id: int, tokens: dict[str, str]):
        self.base, self.round_id, self.tokens = base, round_id, tokens
        self.acked: list[tuple[float, str, int]] = []  # (when acknowledged, officer, version)
        self.problems: list[str] = []
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._save, args=(name,)) for name in tokens]

    def _save(self, name: str) -> None:
        version = 0
        with httpx.Client(base_url=self.base, timeout=30,
                          headers={"Authorization": f"Bearer {self.tokens[name]}"}) as http:
            while not self.stop.is_set():
                answer = http.put(f"/api/v1/rounds/{self.round_id}/submission",
                                  json={"version": version, "answers": {"nama": f"v{version}"}})
                if answer.status_code != 200:
                    self.problems.append(f"{name}: {answer.status_code} {answer.text[:200]}")
                    return
                version = answer.json()["version"]
                self.acked.append((time.monotonic(), name, version))

    def wait_for(self, count: int, seconds: float = 60) -> None:
        """Until `count` saves in all were acknowledged (or a writer stopped)."""
        deadline = time.monotonic() + seconds
        while len(self.acked) < count and not self.problems and time.monotonic() < deadline:
            time.sleep(0.05)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_exc):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)


def versions(url: str) -> dict[int, int]:
    db = Database(url)
    try:
        with db.session() as session:
            return {s.opd_id: s.version for s in session.exec(select(Submission))}
    finally:
        db.dispose()


def test_a_backup_under_load_restores_every_acknowledged_save(
        database_url, db, fresh_url, tmp_path, monkeypatch):
    world = build_world(db)
    opds = {"officer_a": world.opd_a.id, "officer_b": world.opd_b.id}
    with db.write_session() as session:
        tokens = {name: create_api_token(session, user=world.users[name]) for name in opds}
    settings = load_settings(env="test", var_dir=tmp_path / "var", secret_key="b" * 40,
                             database_url=database_url)
    server = LiveServer(settings).start()
    use_database(monkeypatch, tmp_path, database_url)
    file = tmp_path / "backups" / "survei.backup"
    try:
        with Officers(server.url, world.round.id, tokens) as officers:
            officers.wait_for(10)
            started = time.monotonic()
            made = run("backup", str(file))
            officers.wait_for(len(officers.acked) + 5)
    finally:
        server.stop()
    assert made.exit_code == 0, made.output
    assert "backup written" in made.stdout
    assert officers.problems == []
    before = [(name, version) for when, name, version in officers.acked if when < started]
    assert len(before) >= 10 and len(officers.acked) > len(before)  # saves went on meanwhile

    use_database(monkeypatch, tmp_path, fresh_url)
    restored = run("restore", str(file))
    assert restored.exit_code == 0, restored.output
    got = versions(fresh_url)
    for name, version in before:
        assert got[opds[name]] >= version, (name, version, got)


def test_restore_refuses_while_the_service_runs_and_checks_the_schema(
        database_url, fresh_url, tmp_path, monkeypatch):
    use_database(monkeypatch, tmp_path, database_url)
    file = tmp_path / "survei.backup"
    assert run("backup", str(file)).exit_code == 0
    use_database(monkeypatch, tmp_path, fresh_url)
    with serve_lock(tmp_path / "cli-var"):
        refused = run("restore", str(file))
        assert refused.exit_code == 1
        assert "the service is running" in refused.stderr and "--force" in refused.stderr
        assert run("restore", "--force", str(file)).exit_code == 0
    stranger = tmp_path / "not-a-backup.db"
    stranger.write_bytes(b"hello")
    assert "neither a SQLite database nor a pg_dump" in run("restore", str(stranger)).stderr


def test_restore_refuses_a_backup_from_a_newer_version(database_url, tmp_path, monkeypatch):
    newer = tmp_path / "newer.db"
    with sqlite3.connect(newer) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        conn.execute("INSERT INTO alembic_version VALUES ('f00dfeedbeef')")
    use_database(monkeypatch, tmp_path, database_url)
    refused = run("restore", str(newer))
    assert refused.exit_code == 1
    assert "schema revision f00dfeedbeef is unknown" in refused.stderr
