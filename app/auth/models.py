"""The sign-in tables: attempts and the throttle lanes."""

from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from app.types import created, when


class LoginAttempt(SQLModel, table=True):
    """One login attempt, kept for throttling across worker processes."""

    __tablename__ = "login_attempt"
    __table_args__ = (
        Index("ix_login_attempt_username_at", "username", "at"),
        Index("ix_login_attempt_ip_at", "ip", "at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=64)
    ip: str = Field(max_length=64)
    success: bool
    at: datetime = created()


class LoginThrottle(SQLModel, table=True):
    """Wrong passwords for one account from one address ("acct:…") or from one address ("ip:…").

    Its row is locked while a login reserves its password check, so N workers count exactly.
    """

    __tablename__ = "login_throttle"

    key: str = Field(primary_key=True, max_length=160)
    failures: int = 0
    last_failure_at: datetime | None = when(nullable=True)
    blocked_until: datetime | None = when(nullable=True)
    episode_since: datetime | None = when(nullable=True)
