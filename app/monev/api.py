"""JSON twins: a programme's status update, and a submission's changes since the last round."""

from datetime import datetime

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from app.carry.service import since_last
from app.deps import SessionDep
from app.errors import API_ERRORS
from app.i18n import language_of
from app.monev.service import update_programme
from app.review.deps import PlannerDep, PlannerSubmission, StaffDep, StaffSubmission
from app.review.service import form_of

router = APIRouter(prefix="/api/v1", tags=["api: monev"], responses=API_ERRORS)


class ProgrammeIn(BaseModel):
    """A programme's (need row's) new status and why."""

    row_id: str = Field(min_length=1, max_length=64)
    status: str = Field(max_length=16)
    note: str = Field(default="", max_length=2000)


class ProgrammePublic(ProgrammeIn):
    submission_id: int
    at: datetime


class ChangePublic(BaseModel):
    path: str
    label: str
    before: str
    after: str
    kind: str


class SinceLastPublic(BaseModel):
    """Changes since the round this submission was carried from (null: not carried)."""

    source_round: str | None
    changes: list[ChangePublic]
    dropped: list[dict]


@router.post("/submissions/{submission_id}/programmes", response_model=ProgrammePublic)
def programme_update(body: ProgrammeIn, session: SessionDep, submission: PlannerSubmission,
                     principal: PlannerDep):
    """Set one programme's status (usulan, masuk_rkpd, berjalan, selesai, batal)."""
    update = update_programme(session, submission=submission, actor=principal.user,
                              **body.model_dump())
    return ProgrammePublic(row_id=update.row_id, status=update.status, note=update.note,
                           submission_id=update.submission_id, at=update.at)


@router.get("/submissions/{submission_id}/since-last", response_model=SinceLastPublic)
def submission_since_last(request: Request, session: SessionDep, submission: StaffSubmission,
                          _principal: StaffDep):
    """What changed since the last round (rows matched by id) and what was not carried."""
    found = since_last(session, submission=submission, questionnaire=form_of(session, submission),
                       lang=language_of(request))
    if found is None:
        return SinceLastPublic(source_round=None, changes=[], dropped=[])
    return SinceLastPublic(source_round=found.source_name, dropped=found.dropped,
                           changes=[ChangePublic(**vars(c)) for c in found.changes])
