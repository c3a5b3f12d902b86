"""Questionnaire versions API (JSON twin of the questionnaire pages)."""

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, File, Request, UploadFile
from pydantic import BaseModel

from app.auth.policy import Principal, planners, staff
from app.deps import SessionDep
from app.errors import API_ERRORS, Invalid, PayloadTooLarge
from app.limits import upload_cap
from app.national.core import core_of
from app.questionnaires.service import MAX_WORKBOOK_BYTES
from app.rounds import versions
from app.types import DbId

router = APIRouter(prefix="/api/v1", tags=["api: questionnaires"], responses=API_ERRORS)
StaffDep = Annotated[Principal, Depends(staff)]
PlannerDep = Annotated[Principal, Depends(planners)]


class VersionPublic(BaseModel):
    """A published version and its compatibility with the version before it."""

    id: int
    form_id: str
    version: str
    title: str
    source_filename: str
    source_sha256: str
    published_at: datetime
    previous_version: str | None
    compatible: bool
    problems: list[str]
    fields_added: list[str]
    fields_removed: list[str]
    rounds: int


def _public(info: versions.VersionInfo) -> VersionPublic:
    row = info.row
    return VersionPublic(
        id=row.id, form_id=row.form_id, version=row.version, title=row.title,
        source_filename=row.source_filename, source_sha256=row.source_sha256,
        published_at=row.published_at, previous_version=info.previous,
        compatible=not info.problems, problems=info.problems, fields_added=info.added,
        fields_removed=info.removed, rounds=info.rounds)


@router.get("/questionnaires", response_model=list[VersionPublic])
def questionnaire_list(session: SessionDep, _principal: StaffDep):
    """Every published version, newest first per form, with its compatibility result."""
    return [_public(info) for info in versions.version_list(session)]


@router.post("/questionnaires", response_model=VersionPublic, status_code=201,
             max_body_size=upload_cap(MAX_WORKBOOK_BYTES))
def questionnaire_upload(request: Request, session: SessionDep, principal: PlannerDep,
                         file: Annotated[UploadFile, File()]):
    """Publish an XLSForm workbook; 422 lists the problems by sheet, row and column."""
    data = file.file.read(MAX_WORKBOOK_BYTES + 1)
    outcome = versions.upload(session, filename=file.filename or "form.xlsx", data=data,
                              actor=principal.user, core=core_of(request))
    if not outcome.ok:
        problems = [{"sheet": p.sheet, "row": p.row, "column": p.column, "message": p.message}
                    for p in outcome.problems]
        refusal = PayloadTooLarge if outcome.too_large else Invalid
        raise refusal("questionnaires.refused",
                      detail={"problems": problems, "more_problems": outcome.more_problems})
    return next(_public(i) for i in versions.version_list(session) if i.row.id == outcome.row.id)


@router.get("/questionnaires/{questionnaire_id}", response_model=VersionPublic)
def questionnaire_detail(questionnaire_id: DbId, session: SessionDep, _principal: StaffDep):
    """One published version."""
    row = versions.get_version(session, questionnaire_id)
    return next(_public(i) for i in versions.version_list(session) if i.row.id == row.id)
