"""What the round page (and the coordinator's pages) need to show their background downloads."""

from fastapi import Request
from sqlmodel import Session

from app.i18n import translator_for
from app.jobs.service import national_jobs, round_jobs
from app.jobs.views import job_out
from app.regencies.context import site_of


def job_context(request: Request, session: Session, round_id: int | None) -> dict:
    """The round's jobs (round_id None: the national jobs) in the user's language, how long
    files stay, the direct-download cap."""
    settings = site_of(request).settings
    t = translator_for(request)
    found = round_jobs(session, round_id=round_id) if round_id is not None \
        else national_jobs(session)
    return {"jobs": [job_out(job, t) for job in found],
            "job_keep_hours": f"{settings.job_keep_hours:g}",
            "direct_download_max": settings.direct_download_max}
