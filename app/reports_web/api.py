"""The JSON twin of the round report."""

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel

from app.auth.policy import Principal, staff
from app.deps import SessionDep
from app.errors import API_ERRORS
from app.exports.options import Scope
from app.i18n import language_of
from app.jobs.limits import too_large
from app.planning.report import with_planning
from app.regencies.context import RegencyDep
from app.reports_web.service import ReportRequest, round_report
from app.types import DbId
from reports import ReportOptions, report_json

router = APIRouter(prefix="/api/v1", tags=["reports"], responses=API_ERRORS)
DATA_ONLY = ReportOptions(charts=False)  # the JSON leaves charts out: do not draw them


class ReportOut(BaseModel):
    """The report's sections as data (the same numbers as the HTML report, without charts)."""

    round: dict[str, Any]
    lang: str
    summary: dict[str, Any]
    dimensions: dict[str, Any]
    priority: dict[str, Any]
    cross_opd: dict[str, Any]
    readiness: dict[str, Any]
    questions: list[dict[str, Any]]
    profiles: list[dict[str, Any]]
    framework: dict[str, Any] | None = None
    spbe: dict[str, Any] | None = None
    applications: dict[str, Any] | None = None
    satu_data: dict[str, Any] | None = None
    planning: dict[str, Any] | None = None


@router.get("/rounds/{round_id}/report", response_model=ReportOut)
def report_api(
    request: Request, round_id: DbId, session: SessionDep,
    principal: Annotated[Principal, Depends(staff)], regency: RegencyDep,
    statuses: Scope = Scope.submitted,
    opd: Annotated[list[str], Query(max_length=500)] = [],  # noqa: B006 - FastAPI idiom
    lang: Literal["id", "en"] | None = None,
    framework: Annotated[str | None, Query(max_length=32)] = None,
) -> dict:
    """The analysis report of a round as JSON."""
    options = ReportRequest.of(statuses, opd, lang or language_of(request), framework)
    too_large(request, session, round_id, options.export_options())  # 409 above the cap
    report = round_report(session, round_id=round_id, request=options,
                          actor_name=principal.user.username, options=DATA_ONLY)
    return report_json(with_planning(report, session, round_id=round_id, regency=regency))
