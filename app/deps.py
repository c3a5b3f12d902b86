"""Dependencies shared by the routes: settings, database session, caller."""

from collections.abc import Iterator
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


def get_session(request: Request) -> Iterator[Session]:
    """One session per request: a write session for unsafe methods, a read session otherwise."""
    db: Database = request.app.state.db
    factory = db.session if request.method in SAFE_METHODS else db.write_session
    with factory() as session:
        yield session


SettingsDep = Annotated[Settings, Depends(get_settings)]
DatabaseDep = Annotated[Database, Depends(get_database)]
SessionDep = Annotated[Session, Depends(get_session)]


def client_ip(request: Request) -> str:
    """The caller's address as the server sees it (set --proxy-headers behind a proxy)."""
    return request.client.host if request.client else ""
