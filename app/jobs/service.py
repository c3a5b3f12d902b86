"""The job use cases: start, restart, list; claim, progress, finish and fail; the sweep.

A job is claimed in one short write transaction: on PostgreSQL `SELECT … FOR UPDATE SKIP
LOCKED` (two workers polling at once take different jobs, or one takes it and the other none),
on SQLite under the database's write lock (BEGIN IMMEDIATE: one claimer at a time). The claimer
writes its name (host:pid) into the row; every later write of the job's progress and end checks
that name and the state, so a job that was given up (interrupted) is never finished twice.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
from pathlib import Path

from sqlalchemy import update
from sqlmodel import Session, select

from app import audit
from app.accounts.models import User
from app.clock import utcnow
from app.db import Database
from app.errors import Conflict, NotFound
from app.jobs import files
from app.jobs.kinds import JobOutput, check_role, kind_module
from app.jobs.models import Job, JobState

STALE_SECONDS = 90
"""A running job whose worker has not written for this long was interrupted."""


def worker_name() -> str:
    """This process's name in the job rows it claims: host and pid."""
    return f"{socket.gethostname()[:100]}:{os.getpid()}"


def start_job(session: Session, *, round_id: int | None, kind: str, raw: dict, actor: User,
              ip: str | None = None, restart_of: int | None = None) -> Job:
    """Queue a job after its kind checked the options; audited as job.started; commits."""
    check_role(kind, actor.role)
    params = kind_module(kind).params(session, round_id, raw)
    job = Job(kind=kind, round_id=round_id, params=params, created_by_id=actor.id,
              created_by_name=(actor.full_name or actor.username)[:120])
    session.add(job)
    session.flush()
    extra = {"restart_of": restart_of} if restart_of else {}
    audit.record(session, action="job.started", actor=actor, object_type="job",
                 object_id=job.id, ip=ip, kind=kind, round_id=round_id, options=params, **extra)
    session.commit()
    return job


def restart_job(session: Session, *, job: Job, actor: User, ip: str | None = None) -> Job:
    """Start a failed job again with the same options (a new job); commits."""
    if job.state != JobState.failed:
        raise Conflict("job.not_failed")
    return start_job(session, round_id=job.round_id, kind=job.kind, raw=dict(job.params),
                     actor=actor, ip=ip, restart_of=job.id)


def round_jobs(session: Session, *, round_id: int) -> list[Job]:
    """The round's jobs, newest first (expired ones are gone)."""
    query = select(Job).where(Job.round_id == round_id).order_by(Job.id.desc())
    return list(session.exec(query))


def national_jobs(session: Session) -> list[Job]:
    """The home regency's national jobs (no round), newest first."""
    query = select(Job).where(Job.round_id.is_(None)).order_by(Job.id.desc())
    return list(session.exec(query))


def job_of(session: Session, *, round_id: int | None, job_id: int) -> Job:
    """The round's job (round_id None: a national job), or NotFound."""
    job = session.get(Job, job_id)
    if job is None or job.round_id != round_id:
        raise NotFound("job.not_found")
    return job


def claim_next(db: Database, *, worker: str) -> Job | None:
    """Take the oldest queued job for `worker` (running from now), or None."""
    with db.writing() as session:
        query = (select(Job).where(Job.state == JobState.queued).order_by(Job.id).limit(1)
                 .with_for_update(skip_locked=True))
        job = session.exec(query).first()
        if job is None:
            return None
        now = utcnow()
        job.state, job.step, job.worker = JobState.running, "starting", worker
        job.started_at = job.heartbeat_at = now
        job.file_key = files.new_key(job.id)
        session.add(job)
    return job


def report_progress(db: Database, *, job_id: int, worker: str, step: str | None = None,
                    done: int | None = None, total: int | None = None) -> bool:
    """Write a running job's heartbeat and progress; False when it is no longer this worker's."""
    values: dict = {"heartbeat_at": utcnow()}
    if step is not None:
        values["step"] = step[:32]
    if done is not None:
        values["done"], values["total"] = done, total or 0
    with db.writing() as session:
        result = session.execute(update(Job).where(Job.id == job_id, Job.worker == worker,
                                                Job.state == JobState.running).values(**values))
        return result.rowcount == 1


def finish(db: Database, *, job_id: int, worker: str, output: JobOutput, size: int,
           keep_hours: float) -> bool:
    """Mark a running job done with its file; audited as job.finished. False if not ours."""
    now = utcnow()
    with db.writing() as session:
        job = _ours(session, job_id, worker)
        if job is None:
            return False
        job.state, job.step, job.finished_at = JobState.done, "done", now
        job.expires_at = now + dt.timedelta(hours=keep_hours)
        job.filename, job.media_type, job.size = output.filename[:200], output.media_type, size
        job.done = max(job.done, job.total)
        session.add(job)
        _audit_end(session, job, "job.finished", size=size, **output.details)
    return True


def fail(db: Database, *, job_id: int, error: str, keep_hours: float,
         worker: str | None = None) -> bool:
    """Mark a queued or running job failed (`error` is a message key); audited as job.failed."""
    now = utcnow()
    with db.writing() as session:
        job = session.get(Job, job_id)
        if job is None or job.state in (JobState.done, JobState.failed) or (
                worker is not None and job.worker != worker):
            return False
        job.state, job.error, job.finished_at = JobState.failed, error[:500], now
        job.expires_at = now + dt.timedelta(hours=keep_hours)
        session.add(job)
        _audit_end(session, job, "job.failed", error=error)
    return True


def _ours(session: Session, job_id: int, worker: str) -> Job | None:
    job = session.get(Job, job_id)
    if job is None or job.state != JobState.running or job.worker != worker:
        return None
    return job


def _audit_end(session: Session, job: Job, action: str, **details) -> None:
    actor = session.get(User, job.created_by_id) if job.created_by_id else None
    audit.record(session, action=action, actor=actor, actor_name=job.created_by_name[:64],
                 object_type="job", object_id=job.id, kind=job.kind, round_id=job.round_id,
                 **details)


def sweep(db: Database, *, var_dir: Path, keep_hours: float) -> None:
    """Fail interrupted jobs (their worker is gone or silent), remove expired jobs and files."""
    now = utcnow()
    with db.session() as session:
        running = list(session.exec(select(Job).where(Job.state == JobState.running)))
        expired = list(session.exec(select(Job).where(Job.expires_at < now)))
    for job in running:
        if _interrupted(job, now):
            if fail(db, job_id=job.id, error="job.interrupted", keep_hours=keep_hours,
                    worker=job.worker):
                files.remove(var_dir, job.file_key)
    if expired:
        with db.writing() as session:
            for job in expired:
                current = session.get(Job, job.id)
                if current is not None and current.expires_at and current.expires_at < now:
                    session.delete(current)
        for job in expired:
            files.remove(var_dir, job.file_key)


def _interrupted(job: Job, now: dt.datetime) -> bool:
    beat = job.heartbeat_at or job.started_at
    if beat is None or now - beat > dt.timedelta(seconds=STALE_SECONDS):
        return True
    host, _, pid = job.worker.rpartition(":")
    return host == socket.gethostname()[:100] and pid.isdigit() and not _alive(int(pid))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
