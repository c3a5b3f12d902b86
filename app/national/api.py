"""The JSON twin of /nasional."""

from typing import Literal

from fastapi import APIRouter, Request, Response
from fastapi.responses import FileResponse
from pydantic import BaseModel

from app.deps import DatabaseDep, SessionDep, client_ip
from app.errors import API_ERRORS, NotFound
from app.i18n import translator_for
from app.jobs import service as jobs
from app.jobs.download import job_file
from app.jobs.pages import poke
from app.jobs.views import JobOut, job_out
from app.national.benchmarks.service import latest_snapshot
from app.national.benchmarks.workbook import MEDIA_TYPE
from app.national.pages import CoordinatorDep
from app.national.progress import totals
from app.national.service import regency_rounds
from app.types import DbId

router = APIRouter(prefix="/api/v1", tags=["api: national"], responses=API_ERRORS)


class BenchmarksStart(BaseModel):
    """The national workbook's language."""

    lang: Literal["id", "en"] = "id"


@router.get("/nasional/progress")
def national_progress_api(request: Request, _principal: CoordinatorDep) -> dict:
    """Every regency's rounds and how far their OPDs are, with the totals."""
    rows = regency_rounds(request.app.state.sites.all())
    return {"totals": totals(rows), "rounds": [
        {"regency_code": r.regency_code, "regency_name": r.regency_name, "round_id": r.round_id,
         "round": r.round_name, "raw_answers_shared": r.shared,
         "round_status": r.round_status, "closes_at": r.closes_at, "asked": r.asked,
         "counts": r.counts, "sent": r.sent, "overdue": r.overdue} for r in rows]}


@router.get("/nasional/benchmarks")
def national_benchmarks_api(request: Request, session: SessionDep,
                            _principal: CoordinatorDep) -> dict:
    """The newest benchmarks: every regency's core indicator values, ranks and percentiles in
    its peer groups (kind, province), and the needs shared by several regencies (404 before
    the first computation)."""
    snapshot = latest_snapshot(session)
    if snapshot is None:
        raise NotFound("national.no_benchmarks")
    return snapshot.to_json()


@router.post("/nasional/benchmarks/jobs", status_code=202, response_model=JobOut)
def national_benchmarks_start(request: Request, response: Response, session: SessionDep,
                              principal: CoordinatorDep, body: BenchmarksStart):
    """Compute the benchmarks again in the background; poll the job, then download its
    workbook or read /api/v1/nasional/benchmarks."""
    job = jobs.start_job(session, round_id=None, kind="benchmarks", raw=body.model_dump(),
                         actor=principal.user, ip=client_ip(request))
    poke(request)
    response.headers["Location"] = f"/api/v1/nasional/jobs/{job.id}"
    return job_out(job, translator_for(request), api=True)


@router.get("/nasional/jobs/{job_id}", response_model=JobOut)
def national_job_status(request: Request, session: SessionDep, _principal: CoordinatorDep,
                        job_id: DbId):
    """A computation's state and progress (regencies read of total, and the step)."""
    return job_out(jobs.job_of(session, round_id=None, job_id=job_id),
                   translator_for(request), api=True)


@router.post("/nasional/jobs/{job_id}/restart", status_code=202, response_model=JobOut)
def national_job_restart(request: Request, response: Response, session: SessionDep,
                         principal: CoordinatorDep, job_id: DbId):
    """Start a failed national job again with the same options (a new job)."""
    job = jobs.job_of(session, round_id=None, job_id=job_id)
    restarted = jobs.restart_job(session, job=job, actor=principal.user, ip=client_ip(request))
    poke(request)
    response.headers["Location"] = f"/api/v1/nasional/jobs/{restarted.id}"
    return job_out(restarted, translator_for(request), api=True)


@router.get("/nasional/jobs/{job_id}/download", response_class=Response,
            responses={200: {"description": "The national workbook.",
                             "content": {MEDIA_TYPE: {}}}})
def national_job_download(request: Request, db: DatabaseDep, session: SessionDep,
                          principal: CoordinatorDep, job_id: DbId) -> FileResponse:
    """The workbook a finished computation wrote (404 while running or once expired)."""
    return job_file(request, db, session, round_id=None, job_id=job_id, principal=principal)
