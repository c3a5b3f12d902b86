"""The export tests' round (OPD A approved, B submitted, C draft, D idle) and a runner that runs
jobs in the test's own thread (`run_jobs()`); the app's own runner is off (concurrency 0)."""

import pytest

from app.config import load_settings
from app.jobs.runner import InlineJob, JobRunner
from tests.exports.conftest import world  # noqa: F401 - the shared fixture

EXPORT = {"format": "xlsx", "header": "labels", "lang": "id", "statuses": "submitted",
          "opds": []}


@pytest.fixture
def settings(database_url, tmp_path):
    return load_settings(env="test", var_dir=tmp_path / "var", database_url=database_url,
                         secret_key="test-secret-" + "x" * 40, job_concurrency=0)


@pytest.fixture
def runner(db, settings):
    return JobRunner(db, settings, launch=InlineJob)


@pytest.fixture
def run_jobs(runner):
    """Run every queued job now; how many ran."""

    def run() -> int:
        count = 0
        while runner.run_once():
            count += 1
        return count

    return run
