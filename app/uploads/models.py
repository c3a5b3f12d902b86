"""The uploaded files kept until their import is confirmed."""

from datetime import datetime

from sqlalchemy import Column, LargeBinary
from sqlmodel import Field, SQLModel

from app.types import UTCDateTime, utcnow


class StoredUpload(SQLModel, table=True):
    """A previewed file kept until it is confirmed, keyed by its SHA-256 (any worker finds it)."""

    __tablename__ = "stored_upload"

    sha256: str = Field(primary_key=True, max_length=64)
    purpose: str = Field(primary_key=True, max_length=32)
    filename: str = Field(default="", max_length=200)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False,
                                 index=True)
