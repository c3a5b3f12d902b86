"""Dependencies shared by the routes: settings, database session, caller."""

import logging
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session

from app.config import Settings
from app.db import Database
from app.regencies.context import site_of

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def get_settings(request: Request) -> Settings:
    return site_of(request).settings


def get_database(request: Request) -> Database:
    return site_of(request).db


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One session per request: a write session for unsafe methods, a read session otherwise.

    Async on purpose: closing it (which ends any open transaction and so frees SQLite's write
    lock) then runs on the event loop and never waits for a free worker thread, which under a
    burst of requests could all be waiting for that very lock.
    """
    db: Database = site_of(request).db
    factory = db.session if request.method in SAFE_METHODS else db.write_session
    session = factory()
    try:
        yield session
    finally:
        _close(session)


def _close(session: Session) -> None:
    # Closing rolls back what is left open; on broken storage that can fail too, after the
    # answer went out. Raising here would cut the connection mid-response: log it instead.
    try:
        session.close()
    except Exception:  # noqa: BLE001
        logging.getLogger("app").warning("closing a database session failed", exc_info=True)


SettingsDep = Annotated[Settings, Depends(get_settings)]
DatabaseDep = Annotated[Database, Depends(get_database)]
SessionDep = Annotated[Session, Depends(get_session)]


def client_ip(request: Request) -> str:
    """The caller's address: the peer, or what a trusted proxy says (SURVEI_TRUSTED_PROXIES)."""
    return request.client.host if request.client else ""
