"""A job kind for the runner tests: counts to 100 slowly, then writes a small file."""

import time

from app.jobs.kinds import JobContext, JobOutput


def params(session, round_id: int, raw: dict) -> dict:
    return {"seconds": float(raw.get("seconds", 0.1))}


def describe(params: dict, t) -> str:
    return "slow"


def run(ctx: JobContext) -> JobOutput:
    ctx.progress.step("submissions")
    for done in range(1, 101):
        time.sleep(ctx.params["seconds"])
        ctx.progress.count(done, 100)
    ctx.path.write_text("done")
    return JobOutput("slow.txt", "text/plain", {})
