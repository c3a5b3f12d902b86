"""Declared policies of the background jobs (app/jobs): staff only; officers never see a job."""

from app.jobs.models import Job, JobState

DECLARED = {
    ("POST", "/rounds/{round_id}/jobs"): "staff",
    ("POST", "/rounds/{round_id}/jobs/{job_id}/restart"): "staff",
    ("GET", "/rounds/{round_id}/jobs/{job_id}/download"): "staff",
    ("POST", "/api/v1/rounds/{round_id}/jobs"): "staff",
    ("GET", "/api/v1/rounds/{round_id}/jobs"): "staff",
    ("GET", "/api/v1/rounds/{round_id}/jobs/{job_id}"): "staff",
    ("POST", "/api/v1/rounds/{round_id}/jobs/{job_id}/restart"): "staff",
    ("GET", "/api/v1/rounds/{round_id}/jobs/{job_id}/download"): "staff",
}
EXPECTED_GET = {
    "/api/v1/rounds/{round_id}/jobs": {"anonymous": 401, "officer_a": 403, "officer_b": 403,
                                       "*": 200},
    "/api/v1/rounds/{round_id}/jobs/{job_id}": {"anonymous": 401, "officer_a": 403,
                                                "officer_b": 403, "*": 200},
}
_WHY = "the world's job failed and has no file (404); tests/jobs/test_http.py downloads one"
NOT_CALLED = {"/rounds/{round_id}/jobs/{job_id}/download": _WHY,
              "/api/v1/rounds/{round_id}/jobs/{job_id}/download": _WHY}


def _failed_job(db, world) -> int:
    """A failed export job in the world's round (so restarting it is allowed)."""
    with db.write_session() as session:
        job = Job(kind="export", round_id=int(world.values["round_id"]), state=JobState.failed,
                  error="job.interrupted",
                  params={"format": "xlsx", "header": "labels", "lang": "id",
                          "statuses": "submitted", "opds": []})
        session.add(job)
        session.commit()
        return job.id


PLACEHOLDERS = {"{job_id}": _failed_job}
