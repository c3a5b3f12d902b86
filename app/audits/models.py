"""The audit log."""

from datetime import datetime

from sqlalchemy import Column, Index
from sqlmodel import Field, SQLModel

from app.accounts import models as _accounts  # noqa: F401  (the tables its foreign keys name)
from app.types import JSONDocument, UTCDateTime, fk, utcnow


class AuditEvent(SQLModel, table=True):
    """Who did what to which object, and when."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_object", "object_type", "object_id"),)

    id: int | None = Field(default=None, primary_key=True)
    actor_id: int | None = fk("app_user.id", nullable=True)
    actor_name: str = Field(default="", max_length=64)
    action: str = Field(max_length=64, index=True)
    object_type: str = Field(default="", max_length=32)
    object_id: str = Field(default="", max_length=64)
    details: dict = Field(default_factory=dict, sa_column=Column(JSONDocument, nullable=False))
    ip: str | None = Field(default=None, max_length=64)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False, index=True)
