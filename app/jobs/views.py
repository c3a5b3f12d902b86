"""A job as the round page and the API show it: state, progress in words, options, file."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

from app.i18n import Translator
from app.jobs.kinds import describe
from app.jobs.models import Job, JobState


class JobOut(BaseModel):
    """A background job: its state and progress, who started it with which options, its file."""

    id: int
    kind: str
    round_id: int | None
    """None: a national job (the benchmarks)."""
    state: str
    """queued, running, done or failed."""
    step: str
    step_label: str
    done: int
    total: int
    percent: int
    progress_text: str
    options: dict
    options_text: str
    created_by: str
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    expires_at: datetime | None
    error: str | None
    """What went wrong, in the caller's language (failed jobs only)."""
    filename: str | None
    size: int | None
    download_url: str | None
    """Where the file is (done jobs only; until expires_at)."""
    status_url: str
    """Where its state and progress are (JSON, what the page polls)."""
    restart_url: str
    """Where a failed job is started again (POST)."""

    @property
    def active(self) -> bool:
        return self.state in (JobState.queued, JobState.running)


def job_out(job: Job, t: Translator, *, api: bool = False) -> JobOut:
    """The view of a job in the language of `t`; download links to the page or the API."""
    done = job.state == JobState.done
    prefix = "/api/v1" if api else ""
    percent = 100 if done else (min(99, 100 * job.done // job.total) if job.total else 0)
    return JobOut(
        id=job.id, kind=job.kind, round_id=job.round_id, state=job.state, step=job.step,
        step_label=t(f"job.step.{job.step or job.state}"), done=job.done, total=job.total,
        percent=percent, progress_text=_progress_text(job, t), options=job.params,
        options_text=f"{t(f'job.kind.{job.kind}')}: {describe(job.kind, job.params, t)}",
        created_by=job.created_by_name, created_at=job.created_at, started_at=job.started_at,
        finished_at=job.finished_at, expires_at=job.expires_at,
        error=t(job.error) if job.state == JobState.failed else None,
        filename=job.filename if done else None, size=job.size if done else None,
        download_url=(f"{prefix}{job_path(job)}/download" if done else None),
        status_url=f"/api/v1{job_path(job)}", restart_url=f"{prefix}{job_path(job)}/restart")


def job_path(job: Job) -> str:
    """Where a job's routes are: under its round, or under /nasional for a national job."""
    return (f"/rounds/{job.round_id}/jobs/{job.id}" if job.round_id is not None
            else f"/nasional/jobs/{job.id}")


def _progress_text(job: Job, t: Translator) -> str:
    step = t(f"job.step.{job.step or job.state}")
    if job.state == JobState.running and job.total:
        return t("job.progress", done=job.done, total=job.total, step=step)
    return step
