"""The accounts' tables: users and their roles, sessions, API tokens and one-time links."""

from datetime import datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from app.opds import models as _opds  # noqa: F401  (the tables its foreign keys name)
from app.types import created, fk, when


class Role(StrEnum):
    officer = "officer"
    planner = "planner"
    viewer = "viewer"
    admin = "admin"
    coordinator = "coordinator"  # national (Komdigi / provinsi): the home database only


REGENCY_ROLES = (Role.officer, Role.planner, Role.viewer, Role.admin)


class User(SQLModel, table=True):
    """An account: an officer of one OPD, a planner, a viewer or an admin."""

    __tablename__ = "app_user"  # `user` is a reserved word in PostgreSQL

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=64, unique=True)
    full_name: str = Field(default="", max_length=120)
    nip: str | None = Field(default=None, max_length=18)
    phone: str | None = Field(default=None, max_length=20)
    role: str = Field(max_length=16)
    opd_id: int | None = fk("opd.id", nullable=True)
    password_hash: str | None = Field(default=None, max_length=255)
    active: bool = True
    last_login_at: datetime | None = when(nullable=True)
    created_at: datetime = created()


class UserSession(SQLModel, table=True):
    """A server-side login session; the cookie holds a random token, we keep its hash."""

    __tablename__ = "user_session"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    user_id: int = fk("app_user.id", ondelete="CASCADE")
    csrf_token: str = Field(max_length=64)
    created_at: datetime = created()
    expires_at: datetime = when()
    revoked_at: datetime | None = when(nullable=True)
    ip: str | None = Field(default=None, max_length=64)
    user_agent: str | None = Field(default=None, max_length=255)


class ApiToken(SQLModel, table=True):
    """A personal API token for scripts, sent as `Authorization: Bearer …`."""

    __tablename__ = "api_token"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    user_id: int = fk("app_user.id", ondelete="CASCADE")
    name: str = Field(default="", max_length=80)
    created_at: datetime = created()
    last_used_at: datetime | None = when(nullable=True)
    expires_at: datetime | None = when(nullable=True)
    revoked_at: datetime | None = when(nullable=True)


class AccountLink(SQLModel, table=True):
    """A one-time link to set a password: an invitation or a reset."""

    __tablename__ = "account_link"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    user_id: int = fk("app_user.id", ondelete="CASCADE")
    purpose: str = Field(max_length=16)
    created_by_id: int | None = fk("app_user.id", nullable=True, index=False)
    created_at: datetime = created()
    expires_at: datetime = when()
    used_at: datetime | None = when(nullable=True)
    revoked_at: datetime | None = when(nullable=True)  # superseded by a newer link
