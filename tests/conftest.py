"""Fixtures: a frozen clock, a fresh database per test on SQLite and on a throwaway PostgreSQL,
the app, a client.

Under CI=true the PostgreSQL and browser tests must run: a missing server or browser fails them.
Elsewhere they are skipped with the reason.
"""

import datetime as dt
import itertools
import os
import shutil
from pathlib import Path

import pytest
import time_machine
from fastapi.testclient import TestClient

from app import migrate
from app.config import load_settings
from app.db import Database
from app.main import create_app
from tests.support.postgres import ThrowawayPostgres

IN_CI = os.environ.get("CI", "").lower() == "true"
pytest_plugins = ("tests.support.browser",)
_counter = itertools.count()
# Every test starts at this instant, whatever the machine's clock says (the clock then ticks
# on). 09.30 WITA on a weekday far from any day the suite is run on; SURVEI_TEST_NOW moves it,
# e.g. to a WITA day boundary ("2027-06-14T16:30:00Z") to check that nothing assumes a time
# of day.
FROZEN_NOW = dt.datetime.fromisoformat(os.environ.get("SURVEI_TEST_NOW", "2027-06-14T01:30:00Z"))


def missing(reason: str) -> None:
    """Fail under CI, skip elsewhere."""
    if IN_CI:
        pytest.fail(f"{reason} (required when CI=true)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def frozen_clock():
    """The frozen clock (time-machine): `frozen_clock.shift(delta)` or `.move_to(moment)`."""
    with time_machine.travel(FROZEN_NOW, tick=True) as traveller:
        yield traveller


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """A SQLite file migrated to head once; each test gets a copy."""
    path = tmp_path_factory.mktemp("sqlite") / "template.db"
    migrate.upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL server with a template database migrated to head."""
    server = ThrowawayPostgres()
    if not server.available:
        missing("PostgreSQL server binaries (initdb, pg_ctl) not found")
    server.start()
    try:
        server.execute("CREATE DATABASE survei_template")
        migrate.upgrade(server.url("survei_template"))
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request, tmp_path):
    """A fresh, migrated, empty database for one test, on each backend."""
    if request.param == "sqlite":
        path = tmp_path / "test.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    server = request.getfixturevalue("postgres_server")
    name = f"test_{os.getpid()}_{next(_counter)}"
    server.execute(f"CREATE DATABASE {name} TEMPLATE survei_template")
    yield server.url(name)
    server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_url(request, tmp_path):
    """An empty database (no schema), on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'empty.db'}"
    server = request.getfixturevalue("postgres_server")
    server.execute("DROP DATABASE IF EXISTS drift_check WITH (FORCE)")
    server.execute("CREATE DATABASE drift_check")
    return server.url("drift_check")


@pytest.fixture
def db(database_url):
    database = Database(database_url)
    yield database
    database.dispose()


@pytest.fixture
def settings(database_url, tmp_path):
    # No job runner thread polling the test database behind the test's back (it took SQLite's
    # write lock at random moments); tests/jobs runs jobs explicitly.
    return load_settings(env="test", var_dir=tmp_path / "var", database_url=database_url,
                         secret_key="test-secret-" + "x" * 40, job_concurrency=0)


@pytest.fixture
def app(settings):
    return create_app(settings)


@pytest.fixture
def client(app):
    with TestClient(app) as test_client:
        yield test_client
