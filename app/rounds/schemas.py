"""What the rounds API reads and returns."""

from datetime import datetime
from typing import Literal

from pydantic import AwareDatetime, BaseModel, Field

from app.rounds.models import Round
from app.rounds.progress import ProgressRow
from app.types import DbId, DbInt


class RoundCreate(BaseModel):
    """A new round; `opd_ids` omitted (null) asks every active OPD."""

    name: str = Field(min_length=1, max_length=200)
    questionnaire_id: DbId
    opd_ids: list[DbId] | None = Field(default=None, min_length=1)
    opens_at: AwareDatetime | None = None
    closes_at: AwareDatetime | None = None
    carry_from_id: DbId | None = None
    """Start each asked OPD's draft from its answers in this earlier round."""
    carry_basis: Literal["approved", "submitted"] = "approved"
    """Carry the last approved answers, or the latest submitted ones."""


class RoundPublic(BaseModel):
    """A round as the API shows it."""

    id: int
    name: str
    questionnaire_id: int
    status: str
    opens_at: datetime | None
    closes_at: datetime | None
    created_at: datetime
    carry_from_id: int | None = None
    carry_basis: str | None = None

    @classmethod
    def of(cls, round_: Round) -> "RoundPublic":
        return cls.model_validate(round_, from_attributes=True)


class RoundSummary(RoundPublic):
    """A round with how many OPDs it asks and how far they are."""

    questionnaire_title: str
    questionnaire_version: str
    opds: int
    counts: dict[str, int]


class ContactPublic(BaseModel):
    name: str
    phone: str | None


class CarryPublic(BaseModel):
    """A carried draft: rows carried, confirmed, changed, no longer applying; answers carried
    and changed; answers that could not be carried."""

    rows: int
    confirmed: int
    changed_rows: int
    retired: int
    answers: int
    changed_answers: int
    dropped: int


class ProgressRowPublic(BaseModel):
    """Where one OPD stands: status, completion, last activity, deadline, officers."""

    opd_id: int
    opd_code: str
    opd_name: str
    opd_kind: str
    status: str
    submission_id: int | None
    version: int | None
    completion: int
    missing_required: int
    open_comments: int
    last_activity: datetime | None
    deadline: datetime | None
    overdue: bool
    officers: list[ContactPublic]
    carry: CarryPublic | None = None

    @classmethod
    def of(cls, row: ProgressRow) -> "ProgressRowPublic":
        carry = CarryPublic.model_validate(row.carry, from_attributes=True) if row.carry else None
        return cls.model_validate({**vars(row), "officers": [vars(o) for o in row.officers],
                                   "carry": carry})


class ProgressPublic(BaseModel):
    """The progress table of a round: counts over every OPD asked, rows after the filters."""

    round: RoundPublic
    counts: dict[str, int]
    filters: dict[str, str]
    rows: list[ProgressRowPublic]


class ReminderPublic(BaseModel):
    """The ready-to-copy reminder and the OPDs it names."""

    text: str
    opd_codes: list[str]


class DeadlineIn(BaseModel):
    """A later deadline for one OPD."""

    opd_id: DbId
    closes_at: AwareDatetime


class DeadlinePublic(BaseModel):
    round_id: int
    opd_id: int
    closes_at: datetime


class BulkApproveIn(BaseModel):
    """The progress table's filters; `seen` (submission id -> version) guards against approving
    a submission that changed after it was looked at."""

    status: str = ""
    kind: str = ""
    q: str = Field(default="", max_length=100)
    overdue: bool = False
    seen: dict[DbId, DbInt] | None = None


class BulkApprovePublic(BaseModel):
    approved: list[int]
    skipped: list[int]
