"""Storage faults answer 503 in the user's language, /healthz says so, and the service recovers.

SQLite: a read-only database (PRAGMA query_only, which fails exactly like a read-only file) and
a full disk (PRAGMA max_page_count). PostgreSQL: the database switched to read-only. The tests
run as root, for whom file permissions would not bite.
"""

import sqlite3

import psycopg
import pytest
from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlmodel import select

from app.faults import is_storage_fault
from app.submissions.models import Submission
from tests.submissions.conftest import sign_in
from tests.support.postgres import ThrowawayPostgres

MESSAGE = "Penyimpanan sedang bermasalah; isian Anda tetap tersimpan di perangkat ini"


class Fault:
    """Makes the app's database refuse writes until `heal()`; both backends."""

    def __init__(self, app, database_url: str, request):
        self.db, self.url, self.request = app.state.db, database_url, request
        self.pragma = None

    def _apply(self, dbapi_connection, _record) -> None:
        dbapi_connection.execute(self.pragma)

    def read_only(self) -> None:
        if self.db.is_sqlite:
            self._sqlite("PRAGMA query_only=ON")
        else:
            self._postgres("ALTER DATABASE {name} SET default_transaction_read_only = on")

    def disk_full(self) -> None:
        with sqlite3.connect(make_url(self.url).database) as conn:
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
        self._sqlite(f"PRAGMA max_page_count={pages}")

    def heal(self) -> None:
        if self.db.is_sqlite:
            event.remove(self.db.engine, "connect", self._apply)
        else:
            self._postgres("ALTER DATABASE {name} RESET default_transaction_read_only",
                           drop=False)

    def _sqlite(self, pragma: str) -> None:
        self.pragma = pragma
        event.listen(self.db.engine, "connect", self._apply)
        self.db.engine.dispose()  # every later connection gets the fault

    def _postgres(self, sql: str, drop: bool = True) -> None:
        server: ThrowawayPostgres = self.request.getfixturevalue("postgres_server")
        name = make_url(self.url).database
        server.execute(sql.format(name=name))
        if drop:  # the settings apply to new sessions
            server.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           f"WHERE datname = '{name}' AND pid <> pg_backend_pid()")


@pytest.fixture
def fault(app, client, database_url, request) -> Fault:
    return Fault(app, database_url, request)


def put(client, world, csrf, text: str, version: int):
    return client.put(f"/api/v1/rounds/{world.round_a.id}/submission",
                      json={"version": version, "answers": {"pj_nama": text}},
                      headers={"X-CSRF-Token": csrf})


def test_a_read_only_database_answers_503_and_recovers_without_restart(client, world, fault, db):
    csrf = sign_in(client, "officer_a")
    assert put(client, world, csrf, "sebelum", 0).status_code == 200
    fault.read_only()
    refused = put(client, world, csrf, "saat rusak", 1)
    assert refused.status_code == 503
    assert refused.headers["Retry-After"] == "30"
    assert refused.json()["error"]["code"] == "error.storage"
    assert MESSAGE in refused.json()["error"]["message"]
    health = client.get("/healthz")
    assert health.status_code == 503 and health.json()["writable"] is False
    page = client.post(f"/rounds/{world.round_a.id}/form?section=identitas",
                       data={"csrf_token": csrf, "pj_nama": "lewat formulir"})
    assert page.status_code == 503 and MESSAGE in page.text and "<html" in page.text
    fault.heal()
    assert client.get("/healthz").status_code == 200
    saved = put(client, world, csrf, "sesudah", 1)
    assert saved.status_code == 200
    with db.session() as session:
        stored = session.exec(select(Submission)).one()
    assert stored.answers["pj_nama"] == "sesudah"


# A full disk is simulated on SQLite; PostgreSQL's "disk full" (53100) is mapped below.
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_full_disk_answers_503_in_english_too(client, world, fault, db):
    csrf = sign_in(client, "officer_a")
    client.cookies.set("survei_lang", "en")
    fault.disk_full()
    answers = {"pj_nama": "x" * 2000, "tugas_fungsi": "y" * 10000}  # within the text bounds
    refused = client.put(f"/api/v1/rounds/{world.round_a.id}/submission",
                         json={"version": 0, "answers": answers},
                         headers={"X-CSRF-Token": csrf})
    assert refused.status_code == 503
    assert "your answers are still kept on this device" in refused.json()["error"]["message"]
    fault.heal()
    assert client.get("/healthz").status_code == 200


def test_which_errors_are_storage_faults():
    def pg_error(sqlstate: str):
        error = psycopg.errors.lookup(sqlstate)
        return error("x")

    assert is_storage_fault(pg_error("53100"))  # disk full
    assert is_storage_fault(pg_error("25006"))  # read-only transaction
    assert is_storage_fault(pg_error("57P01"))  # admin shutdown
    assert is_storage_fault(psycopg.OperationalError("connection refused"))
    assert not is_storage_fault(pg_error("23505"))  # unique violation: a bug, not storage
    readonly = sqlite3.connect(":memory:")
    readonly.execute("PRAGMA query_only=ON")
    with pytest.raises(sqlite3.OperationalError) as caught:
        readonly.execute("CREATE TABLE t (x)")
    assert is_storage_fault(caught.value)
    with pytest.raises(sqlite3.OperationalError) as caught:
        readonly.execute("SELECT * FROM missing")
    assert not is_storage_fault(caught.value)
