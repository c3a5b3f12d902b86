"""Programme status updates through the years."""

from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from app.accounts import models as _accounts  # noqa: F401  (the tables its foreign keys name)
from app.submissions import models as _submissions  # noqa: F401  (the tables its foreign keys name)
from app.types import created, fk


class ProgrammeUpdate(SQLModel, table=True):
    """A planner's update of one programme's status (a need row, by its id), with a note."""

    __tablename__ = "programme_update"
    __table_args__ = (Index("ix_programme_update_row", "submission_id", "row_id"),)

    id: int | None = Field(default=None, primary_key=True)
    submission_id: int = fk("submission.id", ondelete="CASCADE", index=False)
    row_id: str = Field(max_length=64)
    status: str = Field(max_length=16)
    note: str = Field(default="", max_length=2000)
    actor_id: int | None = fk("app_user.id", nullable=True, index=False)
    at: datetime = created()
