"""One job runner per worker serves every regency: a job queued in another regency's database
runs, and its file lands in that regency's var directory."""

import pytest
from fastapi.testclient import TestClient

from app.jobs import files, kinds, service
from app.jobs.models import Job
from app.main import create_app
from tests.rounds.world import build_world


@pytest.fixture
def slow_kind(monkeypatch):
    monkeypatch.setitem(kinds.KINDS, "slow", "tests.jobs.slow_kind")


def test_the_workers_one_runner_takes_a_job_of_another_regency(other, settings, slow_kind):
    world = build_world(other.db)
    with other.db.write_session() as session:
        job_id = service.start_job(session, round_id=world.round.id, kind="slow",
                                   raw={"seconds": 0}, actor=world.users["planner"]).id
    app = create_app(settings)
    with TestClient(app):
        runner = app.state.jobs
        assert app.state.sites.by_code(other.code).jobs is runner  # the same one
        assert runner.run_once()  # home has nothing queued: it finds the other's job
        assert not runner.run_once()
    with other.db.session() as session:
        job = session.get(Job, job_id)
    assert job.state == "done", job.error
    assert files.path_of(other.settings.var_dir, job.file_key).read_text() == "done"
