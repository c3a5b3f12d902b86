"""The national benchmarks as a background job (kind "benchmarks", home regency, coordinator
only): read every regency, keep the snapshot the coordinator's page and report read, and write
the national workbook as the job's file.

The job process only reads the regencies' databases; its one write is the snapshot, one short
insert into the home database at the end.
"""

from __future__ import annotations

from sqlmodel import Session

from app.errors import BadRequest
from app.exports.job import LANGS, one_of
from app.jobs.kinds import JobContext, JobOutput
from app.national.benchmarks.service import compute, save_snapshot
from app.national.benchmarks.workbook import MEDIA_TYPE, national_workbook

ROLES = ("coordinator",)


def params(session: Session, round_id: int | None, raw: dict) -> dict:
    """The workbook's language; a national job has no round."""
    if round_id is not None:
        raise BadRequest("job.unknown_kind", kind="benchmarks")
    return {"lang": one_of(raw, "lang", LANGS, "id")}


def describe(params: dict, t) -> str:
    return t(f"export.lang.{params['lang']}")


def run(ctx: JobContext) -> JobOutput:
    ctx.progress.step("regencies")
    benchmarks = compute(ctx.db, var_dir=ctx.var_dir, home_code=ctx.regency_code,
                         home_name=ctx.regency, actor_name=ctx.actor_name,
                         progress=ctx.progress.count)
    ctx.progress.step("finishing")
    row = save_snapshot(ctx.db, benchmarks)
    ctx.path.write_bytes(national_workbook(benchmarks, ctx.params["lang"]))
    stamp = benchmarks.computed_at.strftime("%Y%m%d-%H%M")
    return JobOutput(f"tolok-ukur-nasional-{stamp}.xlsx", MEDIA_TYPE,
                     {"snapshot": row.id, "regencies": len(benchmarks.regencies)})
