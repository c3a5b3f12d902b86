"""The regency's sharing setting (at most one row, in the regency's own database)."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from app.types import when


class DataSharing(SQLModel, table=True):
    """Whether the national coordinator may read this regency's raw answers (workbooks)."""

    __tablename__ = "data_sharing"

    id: int = Field(default=1, primary_key=True)
    raw_answers: bool = False
    changed_at: datetime | None = when(nullable=True)
    changed_by_name: str = Field(default="", max_length=64)
