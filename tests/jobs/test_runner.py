"""The runner with real child processes: lower priority, progress relayed, stop = interrupted."""

import time

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from app.audits.models import AuditEvent
from app.jobs import files, kinds, service
from app.jobs.models import Job
from app.jobs.runner import JobRunner
from tests.jobs.conftest import EXPORT


def start(world, kind="export", raw=EXPORT) -> int:
    with world.db.write_session() as session:
        return service.start_job(session, round_id=world.round.id, kind=kind, raw=raw,
                                 actor=world.planner).id


def test_a_job_runs_in_a_child_process_at_lower_priority(world, settings):
    job_id = start(world)
    assert JobRunner(world.db, settings).run_once()
    with world.db.session() as session:
        job = session.get(Job, job_id)
        finished = session.exec(select(AuditEvent).where(
            AuditEvent.action == "job.finished")).one()
    assert job.state == "done", job.error
    with open(files.path_of(settings.var_dir, job.file_key), "rb") as handle:
        assert load_workbook(handle)["Isian"].max_row == 3
    assert finished.details["nice"] >= settings.job_nice > 0
    assert finished.details["rows"]["isian"] == 2


@pytest.fixture
def slow_kind(monkeypatch):
    monkeypatch.setitem(kinds.KINDS, "slow", "tests.jobs.slow_kind")


def wait_for(db, job_id, check, seconds=60.0) -> Job:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with db.session() as session:
            job = session.get(Job, job_id)
        if check(job):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} stayed {job.state} {job.step} {job.done}")


def test_progress_is_relayed_and_a_stopped_worker_fails_its_job(world, settings, slow_kind):
    runner = JobRunner(world.db, settings.model_copy(update={"job_concurrency": 1}))
    job_id = start(world, kind="slow", raw={"seconds": 0.2})
    runner.start()
    try:
        running = wait_for(world.db, job_id, lambda job: job.done > 0)
        assert (running.state, running.step, running.total) == ("running", "submissions", 100)
    finally:
        runner.stop()
    stopped = wait_for(world.db, job_id, lambda job: job.state != "running", seconds=15)
    assert (stopped.state, stopped.error) == ("failed", "job.interrupted")
    assert list(files.jobs_dir(settings.var_dir).iterdir()) == []
