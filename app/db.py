"""Database engine, sessions and the naming convention.

SQLite (the embedded default) runs in WAL mode with foreign keys on, synchronous=FULL and a busy
timeout. Write transactions begin IMMEDIATE and, inside one process, queue on a lock of ours before
they ask SQLite: SQLite's own busy handler sleeps and retries, which made p90 latency 7x worse
under concurrent submits, and deferred transactions that later write fail with "database is
locked". Read transactions stay deferred, so readers never wait (WAL).
"""

import copy
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, MetaData, create_engine, event
from sqlalchemy.engine import make_url
from sqlmodel import Session, SQLModel

from app.faults import drop_connections_on_storage_faults

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata.naming_convention = NAMING_CONVENTION
metadata: MetaData = SQLModel.metadata

BUSY_TIMEOUT_MS = 30_000
_WRITE_OPTION = "survei_write"


class WriteLockTimeout(RuntimeError):
    """The database stayed busy with other writers for longer than the busy timeout."""


class Database:
    """An engine plus the two kinds of session: read (deferred) and write (immediate, queued)."""

    def __init__(self, url: str, *, schema: str = ""):
        self.url = url
        self.schema = schema
        self.is_sqlite = url.startswith("sqlite")
        self._owns_pool = True
        self.engine = _build_engine(url)
        self.write_lock = threading.Lock()
        drop_connections_on_storage_faults(self.engine)
        if self.is_sqlite:
            _install_sqlite_hooks(self.engine, self.write_lock)
        if schema:
            self.engine = _in_schema(self.engine, schema)
        self._write_engine = self.engine.execution_options(**{_WRITE_OPTION: True})

    def in_schema(self, schema: str) -> "Database":
        """The same server and connection pool, every table read and written in `schema` (a
        regency's own PostgreSQL schema)."""
        other = copy.copy(self)
        other.schema, other._owns_pool = schema, False
        other.engine = _in_schema(self.engine, schema)
        other._write_engine = other.engine.execution_options(**{_WRITE_OPTION: True})
        return other

    def session(self) -> Session:
        """A session for reading; on SQLite its transactions begin DEFERRED."""
        return Session(self.engine, expire_on_commit=False)

    def write_session(self) -> Session:
        """A session for a use case that writes; on SQLite it begins IMMEDIATE, one at a time."""
        return Session(self._write_engine, expire_on_commit=False)

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A write session that commits on success and rolls back on error."""
        with self.write_session() as session:
            with session.begin():
                yield session

    def dispose(self) -> None:
        if self._owns_pool:
            self.engine.dispose()


def _in_schema(engine: Engine, schema: str) -> Engine:
    # SQLAlchemy renders every table without a schema as "schema".table on this engine: one
    # pool for every regency, no statement that could reach another regency's tables.
    return engine.execution_options(schema_translate_map={None: schema})


def _build_engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    # No cap on connections: each worker thread may need one, and a capped pool would make
    # requests wait for a connection held by a request that waits for a thread.
    return create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        max_overflow=-1,
    )


def _install_sqlite_hooks(engine: Engine, lock: threading.Lock) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy, not the driver, decide when a transaction begins (see "begin" below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        if not conn.get_execution_options().get(_WRITE_OPTION):
            conn.exec_driver_sql("BEGIN")
            return
        if not lock.acquire(timeout=BUSY_TIMEOUT_MS / 1000):
            raise WriteLockTimeout("database busy: another write did not finish in time")
        info = conn.connection.info
        info["holds_write_lock"] = True
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            # A storage fault counts as a disconnect: the pool has then checked the connection
            # in already, and the check-in released the lock.
            if info.pop("holds_write_lock", False):
                lock.release()
            raise

    # The lock is released when the connection goes back to the pool, after COMMIT or
    # ROLLBACK returned, so the whole transaction runs under it.
    @event.listens_for(engine.pool, "checkin")
    def _on_checkin(_dbapi_connection, record):
        if record is not None and record.info.pop("holds_write_lock", False):
            lock.release()
