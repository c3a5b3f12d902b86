"""Every dossier of a round in one ZIP as a background job (kind "dossiers", planners only):
`archive.write_round_dossiers` unchanged, its count reported as the job's progress."""

from __future__ import annotations

from sqlmodel import Session

from app.accounts.models import Role
from app.dossier.archive import round_zip_filename, write_round_dossiers
from app.exports.job import LANGS, one_of
from app.jobs.kinds import JobContext, JobOutput

ROLES = (Role.planner, Role.admin)
"""Who may start the job and download its file (the direct ZIP's policy: planners)."""


def params(session: Session, round_id: int, raw: dict) -> dict:
    """The dossiers' language (id or en), checked."""
    return {"lang": one_of(raw, "lang", LANGS, "id")}


def describe(params: dict, t) -> str:
    """E.g. "semua OPD · Bahasa Indonesia"."""
    return " · ".join((t("job.opts.all_opds"), t(f"export.lang.{params['lang']}")))


def run(ctx: JobContext) -> JobOutput:
    """Write the round's ZIP, one dossier at a time (dossiers written of total)."""
    ctx.progress.step("dossiers")
    count = write_round_dossiers(ctx.db, round_id=ctx.round_id, path=ctx.path,
                                 lang=ctx.params["lang"], base_url=ctx.base_url,
                                 timezone=ctx.timezone, progress=ctx.progress.count)
    return JobOutput(round_zip_filename(ctx.round_id), "application/zip", {"dossiers": count})
