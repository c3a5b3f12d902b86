"""JSON twin of the job routes: start, list, status, restart and download under /api/v1."""

from typing import Literal

from fastapi import APIRouter, Request, Response
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field

from app.deps import DatabaseDep, SessionDep, client_ip
from app.errors import API_ERRORS
from app.exports.options import Scope
from app.i18n import translator_for
from app.jobs import service
from app.jobs.download import job_file
from app.jobs.pages import poke
from app.jobs.views import JobOut, job_out
from app.rounds.deps import StaffDep, StaffRound
from app.types import DbId

router = APIRouter(prefix="/api/v1", tags=["jobs"], responses=API_ERRORS)


class JobStart(BaseModel):
    """Which job, with the options of the export (or report) download."""

    kind: str = Field(default="export", max_length=32,
                      description="export (the workbook, CSV or JSON), report or dossiers (ZIP)")
    format: str | None = Field(default=None, max_length=8,
                               description="export: xlsx, csv or json; report: html, pdf or json")
    header: Literal["labels", "codes"] | None = None
    lang: Literal["id", "en"] | None = None
    statuses: Scope | None = None
    opds: list[str] = Field(default_factory=list, max_length=500)
    framework: str | None = Field(default=None, max_length=32,
                                  description="the framework the dimensions are shown under")
    na: Literal["blank", "mark"] | None = Field(
        default=None, description="export: mark answers that did not apply")


def _started(request: Request, response: Response, job) -> JobOut:
    poke(request)
    response.status_code = 202
    response.headers["Location"] = f"/api/v1/rounds/{job.round_id}/jobs/{job.id}"
    return job_out(job, translator_for(request), api=True)


@router.post("/rounds/{round_id}/jobs", status_code=202, response_model=JobOut)
def job_start(request: Request, response: Response, body: JobStart, session: SessionDep,
              round_: StaffRound, principal: StaffDep):
    """Queue an export or a report of the round; poll its status, then download."""
    raw = body.model_dump(exclude={"kind"})
    job = service.start_job(session, round_id=round_.id, kind=body.kind, raw=raw,
                            actor=principal.user, ip=client_ip(request))
    return _started(request, response, job)


@router.get("/rounds/{round_id}/jobs", response_model=list[JobOut])
def job_list(request: Request, session: SessionDep, round_: StaffRound, _principal: StaffDep):
    """The round's jobs, newest first (finished files until they expire)."""
    t = translator_for(request)
    return [job_out(job, t, api=True) for job in service.round_jobs(session, round_id=round_.id)]


@router.get("/rounds/{round_id}/jobs/{job_id}", response_model=JobOut)
def job_status(request: Request, session: SessionDep, round_: StaffRound, _principal: StaffDep,
               job_id: DbId):
    """A job's state and progress (submissions written of total, and the step)."""
    job = service.job_of(session, round_id=round_.id, job_id=job_id)
    return job_out(job, translator_for(request), api=True)


@router.post("/rounds/{round_id}/jobs/{job_id}/restart", status_code=202,
             response_model=JobOut)
def job_restart(request: Request, response: Response, session: SessionDep,
                round_: StaffRound, principal: StaffDep, job_id: DbId):
    """Start a failed job again with the same options (a new job)."""
    job = service.job_of(session, round_id=round_.id, job_id=job_id)
    restarted = service.restart_job(session, job=job, actor=principal.user,
                                    ip=client_ip(request))
    return _started(request, response, restarted)


@router.get("/rounds/{round_id}/jobs/{job_id}/download", response_class=Response,
            responses={200: {"description": "The job's file.",
                             "content": {"application/octet-stream": {}}}})
def job_api_download(request: Request, db: DatabaseDep, session: SessionDep,
                     round_: StaffRound, principal: StaffDep, job_id: DbId) -> FileResponse:
    """The file a finished job made (404 while running or once expired)."""
    return job_file(request, db, session, round_id=round_.id, job_id=job_id,
                    principal=principal)
