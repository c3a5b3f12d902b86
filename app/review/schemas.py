"""What the review API reads and returns."""

from datetime import datetime

from pydantic import BaseModel, Field

from app.review.service import ReviewView
from app.types import DbInt


class CommentIn(BaseModel):
    """A comment on the whole submission (`field_path` null) or on one question."""

    text: str = Field(max_length=2000)
    field_path: str | None = Field(default=None, max_length=200)


class ReturnIn(BaseModel):
    """Return for revision: `note` is required; comments per question are optional."""

    note: str = Field(default="", max_length=2000)
    field_comments: dict[str, str] | None = None
    version: DbInt | None = None


class ApproveIn(BaseModel):
    note: str = Field(default="", max_length=2000)
    version: DbInt | None = None


class CommentPublic(BaseModel):
    id: int
    field_path: str | None
    label: str | None
    text: str
    author: str
    resolved: bool
    created_at: datetime


class RevisionPublic(BaseModel):
    number: int
    status: str
    created_at: datetime
    created_by: str


class MomentPublic(BaseModel):
    """One entry of the timeline: a status change, a revision or a comment."""

    at: datetime
    kind: str
    actor: str
    action: str
    before: str
    after: str
    note: str
    field_path: str | None
    number: int | None


class SubmissionPublic(BaseModel):
    """A submission as a reviewer reads it."""

    id: int
    round_id: int
    round_name: str
    opd_id: int
    opd_code: str
    opd_name: str
    questionnaire_id: int
    status: str
    version: int
    answers: dict
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None
    revisions: list[RevisionPublic]
    comments: list[CommentPublic]
    timeline: list[MomentPublic]

    @classmethod
    def of(cls, view: ReviewView) -> "SubmissionPublic":
        s = view.submission
        return cls(
            id=s.id, round_id=s.round_id, round_name=view.round.name, opd_id=s.opd_id,
            opd_code=view.opd.code, opd_name=view.opd.name, questionnaire_id=s.questionnaire_id,
            status=s.status, version=s.version, answers=s.answers, created_at=s.created_at,
            updated_at=s.updated_at, submitted_at=s.submitted_at,
            revisions=[RevisionPublic(number=r.number, status=r.status, created_at=r.created_at,
                                      created_by=view.names.get(r.created_by_id, ""))
                       for r in view.revisions],
            comments=[comment_public(c, view) for c in view.comments],
            timeline=[MomentPublic.model_validate(m, from_attributes=True)
                      for m in view.timeline],
        )


def comment_public(comment, view: ReviewView | None = None) -> CommentPublic:
    """A comment with its author's name and the label of its question."""
    names, labels = (view.names, view.labels) if view else ({}, {})
    return CommentPublic(id=comment.id, field_path=comment.field_path,
                         label=labels.get(comment.field_path) if comment.field_path else None,
                         text=comment.text, author=names.get(comment.author_id, ""),
                         resolved=comment.resolved, created_at=comment.created_at)


class StatusPublic(BaseModel):
    """A submission's status after a review action."""

    id: int
    status: str
    version: int


class ChangePublic(BaseModel):
    path: str
    label: str
    before: str
    after: str
    kind: str


class DiffPublic(BaseModel):
    """What changed between revisions `a` and `b`."""

    a: int
    b: int
    changes: list[ChangePublic]
