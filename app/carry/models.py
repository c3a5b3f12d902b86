"""What a round carried forward from an earlier one."""

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel

from app.submissions import models as _submissions  # noqa: F401  (the tables its foreign keys name)
from app.types import JSONDocument, created, fk


class CarryForward(SQLModel, table=True):
    """What a round's draft was started from: the earlier answers as carried (last year's
    values, rows with their ids) and what could not be carried (listed, never dropped)."""

    __tablename__ = "carry_forward"

    submission_id: int = Field(sa_column=Column(
        Integer, ForeignKey("submission.id", ondelete="CASCADE"), primary_key=True))
    source_submission_id: int = fk("submission.id", index=False)
    source_revision: int | None = None
    answers: dict = Field(sa_column=Column(JSONDocument, nullable=False))
    """The earlier answers as carried into this round's questionnaire version."""
    dropped: list = Field(default_factory=list, sa_column=Column(JSONDocument, nullable=False))
    """What could not be carried: [{path, label, value, reason}]."""
    created_at: datetime = created()
