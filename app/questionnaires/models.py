"""The questionnaire versions."""

from datetime import datetime

from sqlalchemy import Column, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.accounts import models as _accounts  # noqa: F401  (the tables its foreign keys name)
from app.types import JSONDocument, created, fk


class Questionnaire(SQLModel, table=True):
    """One immutable published version of a questionnaire (an XLSForm workbook)."""

    __table_args__ = (UniqueConstraint("form_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    form_id: str = Field(max_length=64, index=True)
    version: str = Field(max_length=64)
    title: str = Field(max_length=200)
    source_filename: str = Field(default="", max_length=200)
    source_workbook: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    source_sha256: str = Field(max_length=64)
    definition: dict = Field(sa_column=Column(JSONDocument, nullable=False))
    published_at: datetime = created()
    published_by_id: int | None = fk("app_user.id", nullable=True, index=False)
