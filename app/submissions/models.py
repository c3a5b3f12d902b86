"""Submissions (Isian) and every revision of them."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.accounts import models as _accounts  # noqa: F401  (the tables its foreign keys name)
from app.opds import models as _opds  # noqa: F401  (the tables its foreign keys name)
from app.questionnaires import models as _questionnaires  # noqa: F401  (the tables its foreign keys name)
from app.rounds import models as _rounds  # noqa: F401  (the tables its foreign keys name)
from app.types import JSONDocument, created, fk, when


class SubmissionStatus(StrEnum):
    draft = "draft"
    submitted = "submitted"
    needs_revision = "needs_revision"
    approved = "approved"


class Submission(SQLModel, table=True):
    """One OPD's answers in one round (Isian); `version` guards against lost updates."""

    __table_args__ = (UniqueConstraint("round_id", "opd_id"),)

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = fk("round.id")
    opd_id: int = fk("opd.id")
    questionnaire_id: int = fk("questionnaire.id", index=False)
    status: str = Field(default=SubmissionStatus.draft, max_length=16)
    answers: dict = Field(default_factory=dict, sa_column=Column(JSONDocument, nullable=False))
    """The answers that apply: what planners, exports and the report read."""
    draft_answers: dict | None = Field(default=None,
                                       sa_column=Column(JSONDocument, nullable=True))
    """The officer's whole draft when it also holds answers to questions that do not apply
    right now (kept for when they apply again); None when it equals `answers`."""
    version: int = 1
    created_at: datetime = created()
    updated_at: datetime = created()
    submitted_at: datetime | None = when(nullable=True)
    updated_by_id: int | None = fk("app_user.id", nullable=True, index=False)


class SubmissionRevision(SQLModel, table=True):
    """An immutable snapshot of a submission, taken at each submit."""

    __tablename__ = "submission_revision"
    __table_args__ = (UniqueConstraint("submission_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    submission_id: int = fk("submission.id", ondelete="CASCADE")
    number: int
    questionnaire_id: int = fk("questionnaire.id", index=False)
    status: str = Field(max_length=16)
    answers: dict = Field(sa_column=Column(JSONDocument, nullable=False))
    answers_sha256: str = Field(default="", max_length=64, index=True)
    """The verification code: SHA-256 of the canonical answers (app/dossier/code.py)."""
    created_at: datetime = created()
    created_by_id: int | None = fk("app_user.id", nullable=True, index=False)
