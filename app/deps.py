"""Dependencies shared by the routes: settings, database session, caller."""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session

from app.config import Settings
from app.db import Database

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_database(request: Request) -> Database:
    return request.app.state.db


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One session per request: a write session for unsafe methods, a read session otherwise.

    Async on purpose: closing it (which ends any open transaction and so frees SQLite's write
    lock) then runs on the event loop and never waits for a free worker thread, which under a
    burst of requests could all be waiting for that very lock.
    """
    db: Database = request.app.state.db
    factory = db.session if request.method in SAFE_METHODS else db.write_session
    session = factory()
    try:
        yield session
    finally:
        session.close()


SettingsDep = Annotated[Settings, Depends(get_settings)]
DatabaseDep = Annotated[Database, Depends(get_database)]
SessionDep = Annotated[Session, Depends(get_session)]


def client_ip(request: Request) -> str:
    """The caller's address as the server sees it (set --proxy-headers behind a proxy)."""
    return request.client.host if request.client else ""
