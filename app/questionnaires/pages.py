"""Questionnaire pages: the version list (with compatibility), upload, source download."""

from typing import Annotated

from fastapi import APIRouter, Depends, File, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from app.auth.policy import Principal, planners, staff
from app.deps import DatabaseDep, SessionDep
from app.downloads import attachment
from app.errors import file_responses
from app.limits import upload_cap
from app.national.core import core_of
from app.questionnaires.service import MAX_WORKBOOK_BYTES
from app.rounds import versions
from app.types import DbId
from app.web import render

router = APIRouter(tags=["pages: questionnaires"])
StaffDep = Annotated[Principal, Depends(staff)]
PlannerDep = Annotated[Principal, Depends(planners)]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _list(request: Request, session, *, outcome=None, notice: str = "", status: int = 200):
    context = {"infos": versions.version_list(session), "outcome": outcome,
               "notice": notice if notice in ("published", "unchanged") else ""}
    return render(request, "questionnaires/list.html", context, status=status)


@router.get("/questionnaires", include_in_schema=False)
def questionnaire_list(request: Request, session: SessionDep, _principal: StaffDep,
                       notice: str = ""):
    """Every published version with its compatibility result; planners upload new ones."""
    return _list(request, session, notice=notice)


@router.post("/questionnaires", max_body_size=upload_cap(MAX_WORKBOOK_BYTES),
             include_in_schema=False)
def questionnaire_upload(request: Request, session: SessionDep, principal: PlannerDep,
                         file: Annotated[UploadFile | None, File()] = None):
    """Publish an XLSForm workbook; problems are listed by sheet, row and column."""
    data = file.file.read(MAX_WORKBOOK_BYTES + 1) if file else b""
    filename = (file.filename or "form.xlsx") if file else "form.xlsx"
    outcome = versions.upload(session, filename=filename, data=data, actor=principal.user,
                              core=core_of(request))
    if not outcome.ok:
        return _list(request, session, outcome=outcome, status=outcome.status)
    notice = "unchanged" if outcome.unchanged else "published"
    return RedirectResponse(f"/questionnaires?notice={notice}", status_code=303)


@router.get("/questionnaires/{questionnaire_id}/source.xlsx", response_class=Response,
            responses=file_responses(XLSX, "The workbook the version was published from."))
def questionnaire_source(questionnaire_id: DbId, session: SessionDep, db: DatabaseDep,
                         principal: StaffDep):
    """The workbook a version was published from, as uploaded."""
    row = versions.get_version(session, questionnaire_id)
    with db.write_session() as writing:
        versions.record_download(writing, row=row, actor=principal.user)
    disposition = attachment(versions.source_filename(row))
    return Response(row.source_workbook, media_type=XLSX,
                    headers={"Content-Disposition": disposition})
