"""The national core questionnaire's versions (the home database only)."""

from datetime import datetime

from sqlalchemy import Column, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.types import JSONDocument, created


class NationalCore(SQLModel, table=True):
    """One published version of the national core questionnaire: its items are locked for
    every regency that publishes an edition of it (the same form_id)."""

    __tablename__ = "national_core"
    __table_args__ = (UniqueConstraint("form_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    form_id: str = Field(max_length=64)
    version: str = Field(max_length=64)
    title: str = Field(max_length=200)
    source_workbook: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    source_sha256: str = Field(max_length=64)
    definition: dict = Field(sa_column=Column(JSONDocument, nullable=False))
    published_at: datetime = created()
    published_by_name: str = Field(default="", max_length=64)


class NationalBenchmark(SQLModel, table=True):
    """A computation of the national benchmarks (every regency's core indicators, ranked, and
    the shared needs), as the coordinator's page, workbook and report show it."""

    __tablename__ = "national_benchmark"

    id: int | None = Field(default=None, primary_key=True)
    computed_at: datetime = created()
    computed_by_name: str = Field(default="", max_length=120)
    core_version: str = Field(default="", max_length=64)
    regencies: int = 0
    document: dict = Field(sa_column=Column(JSONDocument, nullable=False))
