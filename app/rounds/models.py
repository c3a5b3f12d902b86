"""Rounds (Periode Pengisian) and the OPDs each asks."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel

from app.opds import models as _opds  # noqa: F401  (the tables its foreign keys name)
from app.questionnaires import models as _questionnaires  # noqa: F401  (the tables its foreign keys name)
from app.types import created, fk, when


class RoundStatus(StrEnum):
    draft = "draft"
    open = "open"
    closed = "closed"


class Round(SQLModel, table=True):
    """A collection campaign (Periode Pengisian): one questionnaire version, OPDs, dates."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    questionnaire_id: int = fk("questionnaire.id")
    opens_at: datetime | None = when(nullable=True)
    closes_at: datetime | None = when(nullable=True)
    status: str = Field(default=RoundStatus.draft, max_length=16)
    created_at: datetime = created()
    carry_from_id: int | None = fk("round.id", nullable=True, index=False)
    """The earlier round this one was started from (its drafts carried forward), if any."""
    carry_basis: str | None = Field(default=None, max_length=16)
    """Which answers were carried: "approved" (the last approved) or "submitted" (the latest)."""


class RoundOpd(SQLModel, table=True):
    """An OPD asked in a round, with an optional deadline of its own."""

    __tablename__ = "round_opd"

    round_id: int = Field(
        sa_column=Column(Integer, ForeignKey("round.id", ondelete="CASCADE"), primary_key=True)
    )
    opd_id: int = Field(sa_column=Column(Integer, ForeignKey("opd.id"), primary_key=True))
    closes_at: datetime | None = when(nullable=True)
