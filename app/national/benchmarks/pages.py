"""/nasional/tolok-ukur: the national benchmarks for the coordinator. Computing them reads every
regency, so it is a background job started here; the page, the workbook and the report read
the newest snapshot.

GET  /nasional/tolok-ukur                      the page: the job, the values, the shared needs
POST /nasional/tolok-ukur/jobs                 compute again (a job; its file is the workbook)
POST /nasional/jobs/{job_id}/restart           start a failed computation again
GET  /nasional/jobs/{job_id}/download          the workbook a finished job wrote
GET  /nasional/tolok-ukur.xlsx                 the newest snapshot's workbook
GET  /nasional/tolok-ukur/laporan              the newest snapshot's national report (HTML)
"""

from typing import Annotated, Literal

from fastapi import APIRouter, Form, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from app import audit
from app.deps import DatabaseDep, SessionDep, client_ip
from app.downloads import attachment
from app.errors import NotFound, file_responses
from app.i18n import language_of
from app.jobs import service as jobs
from app.jobs.context import job_context
from app.jobs.download import job_file
from app.jobs.pages import poke
from app.national.benchmarks.service import latest_snapshot
from app.national.benchmarks.workbook import MEDIA_TYPE, national_workbook
from app.national.pages import CoordinatorDep
from app.reports_web.pages import REPORT_CSP
from app.types import DbId
from app.web import render
from reports.national.render import indicator_label, render_national, shown

router = APIRouter(tags=["pages: national"])
KIND = "benchmarks"


def _to_page(notice: str = "job_started") -> RedirectResponse:
    return RedirectResponse(f"/nasional/tolok-ukur?notice={notice}#jobs", status_code=303)


@router.get("/nasional/tolok-ukur")
def benchmarks_page(request: Request, session: SessionDep, _principal: CoordinatorDep,
                    notice: str = ""):
    """The newest benchmarks, the computations (jobs) and their progress."""
    lang = language_of(request)
    snapshot = latest_snapshot(session)
    context = {"b": snapshot, "lang": lang,
               "labels": {i.key: indicator_label(i, lang) for i in snapshot.indicators}
               if snapshot else {},
               "value": lambda v, unit: shown(v, unit, lang),
               **job_context(request, session, None),
               "notice": notice if notice == "job_started" else ""}
    return render(request, "national/benchmarks.html", context)


@router.post("/nasional/tolok-ukur/jobs")
def benchmarks_start(request: Request, session: SessionDep, principal: CoordinatorDep,
                     lang: Annotated[str, Form(max_length=4)] = ""):
    """Compute the benchmarks again in the background."""
    jobs.start_job(session, round_id=None, kind=KIND, raw={"lang": lang},
                   actor=principal.user, ip=client_ip(request))
    poke(request)
    return _to_page()


@router.post("/nasional/jobs/{job_id}/restart")
def benchmarks_restart(request: Request, session: SessionDep, principal: CoordinatorDep,
                       job_id: DbId):
    """Start a failed computation again with its options."""
    job = jobs.job_of(session, round_id=None, job_id=job_id)
    jobs.restart_job(session, job=job, actor=principal.user, ip=client_ip(request))
    poke(request)
    return _to_page()


@router.get("/nasional/jobs/{job_id}/download", response_class=Response,
            responses=file_responses(MEDIA_TYPE, "The national workbook a job wrote."))
def benchmarks_job_download(request: Request, db: DatabaseDep, session: SessionDep,
                            principal: CoordinatorDep, job_id: DbId) -> FileResponse:
    """The workbook a finished computation wrote (until it expires)."""
    return job_file(request, db, session, round_id=None, job_id=job_id, principal=principal)


@router.get("/nasional/tolok-ukur.xlsx", response_class=Response,
            responses=file_responses(MEDIA_TYPE, "The newest benchmarks as a workbook."))
def benchmarks_workbook(request: Request, session: SessionDep, principal: CoordinatorDep,
                        lang: Literal["id", "en"] | None = None) -> Response:
    """The newest snapshot as the national workbook."""
    snapshot = _snapshot(session)
    data = national_workbook(snapshot, lang or language_of(request))
    _audit(request, session, principal, "xlsx")
    stamp = snapshot.computed_at.strftime("%Y%m%d-%H%M")
    return Response(data, media_type=MEDIA_TYPE, headers={
        "Cache-Control": "no-store",
        "Content-Disposition": attachment(f"tolok-ukur-nasional-{stamp}.xlsx")})


@router.get("/nasional/tolok-ukur/laporan", response_class=HTMLResponse)
def benchmarks_report(request: Request, session: SessionDep, principal: CoordinatorDep,
                      lang: Literal["id", "en"] | None = None, download: bool = False):
    """The newest snapshot as the national report (one self-contained HTML document)."""
    snapshot = _snapshot(session)
    _audit(request, session, principal, "html")
    headers = {"Content-Security-Policy": REPORT_CSP, "Cache-Control": "no-store"}
    if download:
        stamp = snapshot.computed_at.strftime("%Y%m%d-%H%M")
        headers["Content-Disposition"] = attachment(f"laporan-tolok-ukur-nasional-{stamp}.html")
    return HTMLResponse(render_national(snapshot, lang or language_of(request)),
                        headers=headers)


def _snapshot(session):
    snapshot = latest_snapshot(session)
    if snapshot is None:
        raise NotFound("national.no_benchmarks")
    return snapshot


def _audit(request: Request, session, principal, fmt: str) -> None:
    audit.record(session, action="national.benchmarks_downloaded", actor=principal.user,
                 object_type="national_benchmark", object_id=fmt, ip=client_ip(request))
    session.commit()
