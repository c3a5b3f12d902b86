"""A round's stored analysis inputs."""

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel

from app.accounts import models as _accounts  # noqa: F401  (the tables its foreign keys name)
from app.opds import models as _opds  # noqa: F401  (the tables its foreign keys name)
from app.rounds import models as _rounds  # noqa: F401  (the tables its foreign keys name)
from app.types import created, fk


class RoundAnalysis(SQLModel, table=True):
    """A round's analysis settings: its framework, SPBE target index and walidata."""

    __tablename__ = "round_analysis"

    round_id: int = Field(
        sa_column=Column(Integer, ForeignKey("round.id", ondelete="CASCADE"), primary_key=True)
    )
    framework_code: str | None = Field(default=None, max_length=32)
    spbe_target: float | None = None
    walidata_opd_id: int | None = fk("opd.id", nullable=True, index=False)
    """The walidata of the Daftar Data (Perpres 39/2019; usually Diskominfo)."""
    updated_at: datetime = created()
    updated_by_id: int | None = fk("app_user.id", nullable=True, index=False)
