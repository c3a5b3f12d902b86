"""The reviewers' comments on a submission."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from app.accounts import models as _accounts  # noqa: F401  (the tables its foreign keys name)
from app.submissions import models as _submissions  # noqa: F401  (the tables its foreign keys name)
from app.types import created, fk


class ReviewComment(SQLModel, table=True):
    """A planner's comment on a submission, optionally on one question (field path)."""

    __tablename__ = "review_comment"

    id: int | None = Field(default=None, primary_key=True)
    submission_id: int = fk("submission.id", ondelete="CASCADE")
    field_path: str | None = Field(default=None, max_length=200)
    author_id: int = fk("app_user.id", index=False)
    text: str
    resolved: bool = False
    created_at: datetime = created()
