"""The round page's job forms and the job file download.

POST /rounds/{id}/jobs                         start an export or report (form: kind, format, …)
POST /rounds/{id}/jobs/{job_id}/restart        start a failed job again with its options
GET  /rounds/{id}/jobs/{job_id}/download       the finished file
"""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import FileResponse, RedirectResponse, Response

from app.deps import DatabaseDep, SessionDep, client_ip
from app.errors import file_responses
from app.jobs import service
from app.jobs.download import job_file
from app.regencies.context import site_of
from app.rounds.deps import StaffDep, StaffRound
from app.types import DbId

router = APIRouter(tags=["pages: jobs"])


def poke(request: Request) -> None:
    """Wake this worker's runner: the job starts now instead of at the next poll."""
    runner = site_of(request).jobs
    if runner is not None:
        runner.poke()


def _to_round(round_id: int) -> RedirectResponse:
    return RedirectResponse(f"/rounds/{round_id}?notice=job_started#jobs", status_code=303)


@router.post("/rounds/{round_id}/jobs")
def job_start_form(
    request: Request, session: SessionDep, round_: StaffRound, principal: StaffDep,
    kind: Annotated[str, Form(max_length=32)] = "export",
    format: Annotated[str, Form(max_length=8)] = "",  # noqa: A002 - the option's name
    header: Annotated[str, Form(max_length=8)] = "",
    lang: Annotated[str, Form(max_length=4)] = "",
    statuses: Annotated[str, Form(max_length=12)] = "",
    opd: Annotated[list[str] | None, Form(max_length=500)] = None,
    framework: Annotated[str, Form(max_length=32)] = "",
    na: Annotated[str, Form(max_length=8)] = "",
):
    """Queue an export or a report of the round in the background; back to the round page."""
    raw = {"format": format, "header": header, "lang": lang, "statuses": statuses,
           "opds": opd or [], "framework": framework, "na": na}
    service.start_job(session, round_id=round_.id, kind=kind, raw=raw, actor=principal.user,
                      ip=client_ip(request))
    poke(request)
    return _to_round(round_.id)


@router.post("/rounds/{round_id}/jobs/{job_id}/restart")
def job_restart_form(request: Request, session: SessionDep, round_: StaffRound,
                     principal: StaffDep, job_id: DbId):
    """Start a failed job again with the same options."""
    job = service.job_of(session, round_id=round_.id, job_id=job_id)
    service.restart_job(session, job=job, actor=principal.user, ip=client_ip(request))
    poke(request)
    return _to_round(round_.id)


@router.get("/rounds/{round_id}/jobs/{job_id}/download", response_class=Response,
            responses=file_responses("application/octet-stream", "The job's file."))
def job_download(request: Request, db: DatabaseDep, session: SessionDep, round_: StaffRound,
                 principal: StaffDep, job_id: DbId) -> FileResponse:
    """The file a finished job made (until it expires)."""
    return job_file(request, db, session, round_id=round_.id, job_id=job_id,
                    principal=principal)
