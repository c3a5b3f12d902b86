"""The database layer: concurrent writers on SQLite lose nothing; SQLite runs with safe pragmas."""

import multiprocessing
import threading

from sqlalchemy import func, text
from sqlmodel import select

from app import migrate
from app.audits.models import AuditEvent
from app.db import Database

PROCESSES, THREADS, WRITES = 4, 3, 25


def _writer(url: str, worker: int, acknowledged) -> None:
    db = Database(url)

    def run(thread: int) -> None:
        for n in range(WRITES):
            try:
                with db.writing() as session:
                    # Read then write in one transaction: the pattern that fails under DEFERRED.
                    session.exec(select(func.count()).select_from(AuditEvent)).one()
                    session.add(AuditEvent(action="test.write",
                                           object_id=f"{worker}-{thread}-{n}"))
            except Exception as error:  # noqa: BLE001 - reported to the test, which fails
                acknowledged.put(f"failed: {error!r}")
                continue
            acknowledged.put(f"{worker}-{thread}-{n}")

    threads = [threading.Thread(target=run, args=(t,)) for t in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    db.dispose()


def test_concurrent_writers_on_sqlite_store_every_acknowledged_write(tmp_path):
    url = f"sqlite:///{tmp_path / 'concurrent.db'}"
    migrate.upgrade(url)
    context = multiprocessing.get_context("spawn")
    acknowledged = context.Manager().Queue()
    workers = [context.Process(target=_writer, args=(url, w, acknowledged))
               for w in range(PROCESSES)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert [w.exitcode for w in workers] == [0] * PROCESSES
    acked = set()
    while not acknowledged.empty():
        acked.add(acknowledged.get())
    assert not [a for a in acked if a.startswith("failed")]
    with Database(url).session() as session:
        stored = set(session.exec(select(AuditEvent.object_id)))
    assert len(acked) == PROCESSES * THREADS * WRITES
    assert acked <= stored


def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_full_sync(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'p.db'}")
    with db.engine.connect() as conn:
        pragmas = {name: conn.execute(text(f"PRAGMA {name}")).scalar()
                   for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")}
    db.dispose()
    assert pragmas == {"journal_mode": "wal", "foreign_keys": 1, "synchronous": 2,
                       "busy_timeout": 30000}


def test_a_failed_write_releases_the_lock(db):
    try:
        with db.writing() as session:
            session.add(AuditEvent(action="test.rolled_back"))
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    with db.writing() as session:  # would time out if the lock were still held
        session.add(AuditEvent(action="test.after"))
    with db.session() as session:
        actions = set(session.exec(select(AuditEvent.action)))
    assert "test.after" in actions and "test.rolled_back" not in actions
