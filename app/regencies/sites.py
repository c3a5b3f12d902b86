"""The regencies an installation serves, found by the request's host.

The home regency (Settings) lives in the configured database and answers on every host no other
regency claims, so a single-regency installation works exactly as before. Every other regency
has its own host (e.g. `7315.survei.example.id`), its own var directory and its own database:
a SQLite file, or a schema on the home PostgreSQL server sharing the home connection pool.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import Connection
from sqlmodel import select

from app.config import Settings
from app.db import Database
from app.regencies.context import SITE_KEY, Regency, Site
from app.regencies.models import RegisteredRegency

RELOAD_SECONDS = 5.0  # an unknown host re-reads the register at most this often


def slug(code: str) -> str:
    """"73.15" → "7315": the name of the regency's folder and schema."""
    return code.replace(".", "")


def var_dir_of(home_var_dir: Path, code: str) -> Path:
    """A regency's var directory (its SQLite file, its job files) under the home one."""
    return home_var_dir / "regencies" / slug(code)


def schema_of(code: str) -> str:
    """A regency's PostgreSQL schema."""
    return f"regency_{slug(code)}"


def regency_settings(home: Settings, entry: RegisteredRegency) -> Settings:
    """The home settings with this regency's name, address, var directory and database."""
    var_dir = var_dir_of(home.var_dir, entry.code)
    parts = urlsplit(home.base_url)
    port = f":{parts.port}" if parts.port else ""
    return home.model_copy(update={
        "regency_code": entry.code, "regency_name": entry.name, "var_dir": var_dir,
        "base_url": urlunsplit((parts.scheme, entry.host + port, "", "", "")),
        "database_url": (f"sqlite:///{var_dir / 'survei.db'}" if home.is_sqlite
                         else home.database_url),
        "database_schema": "" if home.is_sqlite else schema_of(entry.code)})


def regency_database(home: Database, home_var_dir: Path, code: str) -> Database:
    """A regency's database from the home one alone (a job process has no Settings)."""
    if home.is_sqlite:
        return Database(f"sqlite:///{var_dir_of(home_var_dir, code) / 'survei.db'}")
    return home.in_schema(schema_of(code))


def open_database(home: Database, settings: Settings) -> Database:
    """A regency's database: its own SQLite file, or its schema over the home pool."""
    if settings.database_schema:
        return home.in_schema(settings.database_schema)
    return Database(settings.database_url)


@contextmanager
def site_connections(sites: list[Site]) -> Iterator[Iterator[tuple[Site, Connection]]]:
    """Each site with a connection that reads its database. On PostgreSQL every regency is a
    schema of the home server: one connection (one checkout, one liveness ping) serves them all,
    its schema switched per regency; a SQLite regency's file gets its own connection."""
    with ExitStack() as stack:
        shared: dict[int, Connection] = {}

        def each() -> Iterator[tuple[Site, Connection]]:
            for site in sites:
                if site.db.is_sqlite:
                    yield site, stack.enter_context(site.db.engine.connect())
                    continue
                pool = id(site.db.engine.pool)
                if pool not in shared:
                    shared[pool] = stack.enter_context(site.db.engine.connect())
                yield site, shared[pool].execution_options(
                    schema_translate_map={None: site.db.schema or None})

        yield each()


def home_site(settings: Settings, db: Database) -> Site:
    return Site(Regency.of(settings), settings, db)


class Sites:
    """Every regency site of this process: the home one and those in the register."""

    def __init__(self, home: Site, *, on_open: Callable[[Site], None] | None = None):
        self.home = home
        self._on_open = on_open or (lambda site: None)
        self._by_host: dict[str, Site] = {}
        self._by_code: dict[str, Site] = {home.regency.code: home}
        self._loaded = float("-inf")
        self._lock = threading.Lock()

    def load(self) -> None:
        """Open the sites of regencies registered since the last look."""
        with self._lock:
            self._loaded = time.monotonic()
            with self.home.db.session() as session:
                entries = session.exec(select(RegisteredRegency)).all()
            for entry in entries:
                if entry.code in self._by_code:
                    continue
                settings = regency_settings(self.home.settings, entry)
                site = Site(Regency.of(settings), settings,
                            open_database(self.home.db, settings))
                self._on_open(site)
                self._by_code[entry.code] = site
                self._by_host[entry.host] = site

    def for_host(self, host: str) -> Site:
        """The site of a Host header ("7315.localhost:8000"); the home site for any other."""
        name = host.rsplit(":", 1)[0].strip().lower()
        if name not in self._by_host:
            self._load_when_stale()
        return self._by_host.get(name) or self.home

    def by_code(self, code: str) -> Site | None:
        if code not in self._by_code:
            self._load_when_stale()
        return self._by_code.get(code)

    def all(self) -> list[Site]:
        """Every site, the home one first (re-reading the register when it is stale)."""
        self._load_when_stale()
        return list(self._by_code.values())

    def _load_when_stale(self) -> None:
        # A name nobody registered re-reads the register at most every RELOAD_SECONDS.
        if time.monotonic() - self._loaded >= RELOAD_SECONDS:
            self.load()

    def close(self) -> None:
        """Stop the job runner (one for every site) and close the regencies' own databases."""
        if self.home.jobs is not None:
            self.home.jobs.stop()
        for site in list(self._by_code.values()):
            if site is not self.home:
                site.db.dispose()


class SitesMiddleware:
    """Puts the request's site in its scope, from the Host header."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] in ("http", "websocket"):
            sites: Sites = scope["app"].state.sites
            host = dict(scope.get("headers") or ()).get(b"host", b"").decode("latin-1")
            scope[SITE_KEY] = sites.for_host(host)
        await self.app(scope, receive, send)
