"""Types shared by the tables and the routes: aware UTC datetimes, JSON that is JSONB on
PostgreSQL, and the integers a database column can hold."""

from datetime import UTC, datetime
from typing import Annotated, Any

from annotated_types import Ge, Le
from sqlalchemy import JSON, Column, DateTime, ForeignKey, Integer, TypeDecorator
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field

from app.clock import utcnow  # noqa: F401 - the tables' default timestamps
from app.db import metadata

assert metadata.naming_convention  # set in app.db before any table is defined


class UTCDateTime(TypeDecorator):
    """Stores aware datetimes as UTC; always returns aware UTC (SQLite keeps no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use app.types.utcnow()")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


JSONDocument = JSON().with_variant(JSONB(), "postgresql")


# Ids and versions are INTEGER columns: 32-bit on PostgreSQL. A number outside that range can
# name nothing, so it is refused at the boundary (a path id: 404; a body field: 422) instead of
# reaching the driver, which fails on it (SQLite above 2^63, PostgreSQL above 2^31).
MAX_DB_INT = 2**31 - 1
DbId = Annotated[int, Ge(1), Le(MAX_DB_INT)]
DbInt = Annotated[int, Ge(0), Le(MAX_DB_INT)]


def as_db_int(text: str) -> int | None:
    """The number a form value holds (ASCII digits) when a column can hold it, else None."""
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 10:
        return None
    value = int(text)
    return value if value <= MAX_DB_INT else None


# Column helpers shared by every concept's tables (app/<concept>/models.py).
def when(*, nullable: bool = False, index: bool = False) -> Any:
    return Field(
        default=None,
        sa_type=UTCDateTime,
        nullable=nullable,
        index=index,
    )


def created() -> Any:
    return Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


def fk(target: str, *, nullable: bool = False, index: bool = True, ondelete: str | None = None):
    return Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=index
        ),
    )
