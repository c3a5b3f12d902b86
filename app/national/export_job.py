"""A shared regency's workbook for the coordinator as a background job (kind
"national_export", home regency): for rounds above the direct-download limit. The job reads
the regency's own database, checks again that the regency still shares its raw answers, and
records the export in the regency's audit log as the direct download does."""

from __future__ import annotations

import re

from sqlmodel import Session

from app.errors import BadRequest, Forbidden, NotFound
from app.exports.options import ExportOptions, Format
from app.exports.service import export_round
from app.jobs.kinds import JobContext, JobOutput
from app.regencies.sites import regency_database
from app.rounds.models import Round
from app.sharing.service import shares_raw_answers

ROLES = ("coordinator",)
CODE = re.compile(r"^[0-9]{2}(\.[0-9]{2})?$")


def params(session: Session, round_id: int | None, raw: dict) -> dict:
    """The regency's code and its round's id (the route checked both)."""
    code, number = raw.get("regency_code"), raw.get("round")
    if round_id is not None or not isinstance(code, str) or not CODE.match(code):
        raise BadRequest("job.bad_option", name="regency_code")
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise BadRequest("job.bad_option", name="round")
    return {"regency_code": code, "round": number}


def describe(params: dict, t) -> str:
    return t("national.export_job", regency=params["regency_code"], round=params["round"])


def run(ctx: JobContext) -> JobOutput:
    code, round_id = ctx.params["regency_code"], ctx.params["round"]
    home = code == ctx.regency_code
    db = ctx.db if home else regency_database(ctx.db, ctx.var_dir, code)
    try:
        with db.session() as session:
            if not shares_raw_answers(session):
                raise Forbidden("national.not_shared", regency=code)
            if session.get(Round, round_id) is None:
                raise NotFound()
        result = export_round(db, round_id=round_id, options=ExportOptions(), fmt=Format.xlsx,
                              path=ctx.path, actor_name=f"{ctx.actor_name} (nasional)",
                              timezone=ctx.timezone, progress=ctx.progress.count,
                              step=ctx.progress.step)
    finally:
        if not home:
            db.dispose()
    return JobOutput(result.filename, result.media_type,
                     {"regency_code": code, "round": round_id, "submissions": result.total})
