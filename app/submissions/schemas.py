"""What the officer's submission API reads and returns."""

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from app.types import MAX_DB_INT


class CompletionOut(BaseModel):
    """Required questions answered, out of the required questions that apply."""

    answered: int
    total: int


class CommentOut(BaseModel):
    """A planner's comment; `field_path` names the question (e.g. `kebutuhan[2].biaya`)."""

    field_path: str | None
    text: str
    created_at: datetime


class SubmissionOut(BaseModel):
    """The OPD's answers in a round. `status` is `not_started` until the first save."""

    round_id: int
    round_name: str
    opd_code: str
    status: str
    version: int = Field(description="Send it back with the next save (0 before the first).")
    answers: dict[str, Any]
    saved_at: datetime | None
    submitted_at: datetime | None
    deadline: datetime | None
    accepting: bool = Field(description="Whether the round still takes answers from this OPD.")
    completion: CompletionOut
    comments: list[CommentOut]


class SaveIn(BaseModel):
    """A draft save: the whole answers document and the version it was based on."""

    version: int = Field(ge=0, le=MAX_DB_INT,
                         description="The version the answers were based on (0: new).")
    answers: dict[str, Any]


class SavedOut(BaseModel):
    """The stored version; `errors` lists problems so far (drafts may be incomplete)."""

    version: int
    saved_at: datetime
    errors: dict[str, str]
    completion: CompletionOut


class SubmitIn(BaseModel):
    """Submit the draft as it is at this version."""

    version: int = Field(ge=0, le=MAX_DB_INT)


class SubmittedOut(BaseModel):
    """The submission after submitting."""

    status: str
    version: int
    submitted_at: datetime | None
    receipt_url: str
