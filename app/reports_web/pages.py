"""The round's analysis report as one self-contained HTML page (printable, downloadable) and
as an A4 PDF (the same Report, typeset by Typst: reports/pdf/)."""

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.auth.policy import Principal, staff
from app.deps import SessionDep
from app.downloads import attachment
from app.errors import file_responses
from app.exports.options import Scope
from app.i18n import language_of
from app.jobs.limits import too_large
from app.planning.report import with_planning
from app.regencies.context import RegencyDep
from app.reports_web.service import ReportRequest, report_filename, round_report
from app.types import DbId
from reports import render_html
from reports.pdf import render_pdf

router = APIRouter(tags=["pages: reports"])
# The report inlines its CSS and SVG (it must work as a file opened offline), so this page gets
# its own policy: no scripts, no requests at all, inline styles only.
REPORT_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
              "form-action 'none'; frame-ancestors 'none'")


@router.get("/rounds/{round_id}/report", response_class=HTMLResponse)
def report_page(
    request: Request, round_id: DbId, session: SessionDep,
    principal: Annotated[Principal, Depends(staff)], regency: RegencyDep,
    statuses: Scope = Scope.submitted,
    opd: Annotated[list[str], Query(max_length=500)] = [],  # noqa: B006 - FastAPI idiom
    lang: Literal["id", "en"] | None = None,
    framework: Annotated[str | None, Query(max_length=32)] = None,
    download: bool = False,
):
    """The analysis report of a round (HTML, self-contained; ?download=1 saves it as a file)."""
    options = ReportRequest.of(statuses, opd, lang or language_of(request), framework)
    if too_large(request, session, round_id, options.export_options()):
        return RedirectResponse(f"/rounds/{round_id}?notice=report_large#jobs", status_code=303)
    report = round_report(session, round_id=round_id, request=options,
                          actor_name=principal.user.username)
    report = with_planning(report, session, round_id=round_id, regency=regency)
    headers = {"Content-Security-Policy": REPORT_CSP, "Cache-Control": "no-store"}
    if download:
        name = report_filename(report.round.name, report.round.generated_at)
        headers["Content-Disposition"] = attachment(name)
    return HTMLResponse(render_html(report), headers=headers)


@router.get("/rounds/{round_id}/report.pdf", response_class=Response,
            responses=file_responses("application/pdf", "The report as an A4 PDF."))
def report_pdf(
    request: Request, round_id: DbId, session: SessionDep,
    principal: Annotated[Principal, Depends(staff)], regency: RegencyDep,
    statuses: Scope = Scope.submitted,
    opd: Annotated[list[str], Query(max_length=500)] = [],  # noqa: B006 - FastAPI idiom
    lang: Literal["id", "en"] | None = None,
    framework: Annotated[str | None, Query(max_length=32)] = None,
):
    """The analysis report of a round as an A4 PDF (page numbers, repeated table headers),
    with the same sections as the HTML page, the plan's included when the round has one."""
    options = ReportRequest.of(statuses, opd, lang or language_of(request), framework)
    if too_large(request, session, round_id, options.export_options()):
        return RedirectResponse(f"/rounds/{round_id}?notice=report_large#jobs", status_code=303)
    report = round_report(session, round_id=round_id, request=options,
                          actor_name=principal.user.username)
    report = with_planning(report, session, round_id=round_id, regency=regency)
    name = report_filename(report.round.name, report.round.generated_at, "pdf")
    return Response(render_pdf(report), media_type="application/pdf",
                    headers={"Cache-Control": "no-store", "Content-Disposition": attachment(name)})
