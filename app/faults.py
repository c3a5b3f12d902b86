"""Storage faults: database errors that mean the storage cannot take writes now.

SQLite read-only or unopenable file, disk full, I/O error; PostgreSQL in read-only mode, disk
full, out of connections, shutting down or unreachable. They answer 503 with a message that the
officer's input stays on the device (the form keeps it and retries), never a generic 500. The
connection that saw one is dropped from the pool (SQLAlchemy's "disconnect" handling), so the
service recovers by itself once the storage is fixed: no restart.
"""

import sqlite3

import psycopg
from sqlalchemy import Engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout

SQLITE_STORAGE_CODES = frozenset({
    sqlite3.SQLITE_READONLY, sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR,
    sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM,
})
# SQLSTATE classes and codes: connection exception, insufficient resources, operator
# intervention, system error; read-only transaction (a standby or default_transaction_read_only).
POSTGRES_STORAGE_CLASSES = ("08", "53", "57", "58")
POSTGRES_STORAGE_CODES = frozenset({"25006"})
RETRY_AFTER_SECONDS = 30


def is_storage_fault(error: BaseException) -> bool:
    """True when `error` (a SQLAlchemy or driver error) means storage trouble, not a bug."""
    if isinstance(error, PoolTimeout):
        return True
    original = error.orig if isinstance(error, DBAPIError) else error
    if isinstance(original, sqlite3.Error):
        code = getattr(original, "sqlite_errorcode", None)
        return code is not None and (code & 0xFF) in SQLITE_STORAGE_CODES
    sqlstate = getattr(original, "sqlstate", None)
    if sqlstate:
        return sqlstate in POSTGRES_STORAGE_CODES or sqlstate[:2] in POSTGRES_STORAGE_CLASSES
    # psycopg raises OperationalError without a SQLSTATE when the server cannot be reached.
    return isinstance(original, psycopg.OperationalError)


def drop_connections_on_storage_faults(engine: Engine) -> None:
    """Treat storage faults as disconnects: the pool then opens fresh connections afterwards."""

    @event.listens_for(engine, "handle_error")
    def _on_error(context) -> None:
        if is_storage_fault(context.original_exception):
            context.is_disconnect = True
