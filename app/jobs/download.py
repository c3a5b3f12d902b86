"""Sending a finished job's file (page and API), audited as job.downloaded."""

from fastapi import Request
from fastapi.responses import FileResponse
from sqlmodel import Session

from app import audit
from app.auth.policy import Principal
from app.db import Database
from app.deps import client_ip
from app.downloads import attachment
from app.errors import NotFound
from app.jobs import files, service
from app.jobs.kinds import check_role
from app.jobs.models import JobState
from app.regencies.context import site_of


def job_file(request: Request, db: Database, session: Session, *, round_id: int | None,
             job_id: int, principal: Principal) -> FileResponse:
    """The job's file as an attachment; NotFound while it is not done or once it expired."""
    job = service.job_of(session, round_id=round_id, job_id=job_id)
    check_role(job.kind, principal.role)
    path = files.path_of(site_of(request).settings.var_dir, job.file_key) if job.file_key \
        else None
    if job.state != JobState.done or path is None or not path.is_file():
        raise NotFound("job.no_file")
    with db.writing() as writing:
        audit.record(writing, action="job.downloaded", actor=principal.user,
                     object_type="job", object_id=job.id, ip=client_ip(request),
                     kind=job.kind, round_id=round_id)
    return FileResponse(path, media_type=job.media_type,
                        headers={"Cache-Control": "no-store",
                                 "Content-Disposition": attachment(job.filename)})
