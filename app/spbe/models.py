"""The SPBE self-assessment entries."""

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from app.accounts import models as _accounts  # noqa: F401  (the tables its foreign keys name)
from app.opds import models as _opds  # noqa: F401  (the tables its foreign keys name)
from app.rounds import models as _rounds  # noqa: F401  (the tables its foreign keys name)
from app.types import created, fk


class SpbeEntry(SQLModel, table=True):
    """A planner's entry for one SPBE indicator in a round: level, target, evidence, OPD."""

    __tablename__ = "spbe_entry"
    __table_args__ = (UniqueConstraint("round_id", "indicator"),)

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = fk("round.id", ondelete="CASCADE")
    indicator: str = Field(max_length=64)
    opd_id: int | None = fk("opd.id", nullable=True, index=False)
    level: int | None = None
    target: int | None = None
    evidence: str = Field(default="", max_length=16)
    evidence_note: str = Field(default="", max_length=1000)
    example: bool = False
    """Example data loaded by `survei demo`, shown as such."""
    updated_at: datetime = created()
    updated_by_id: int | None = fk("app_user.id", nullable=True, index=False)
