"""The export as a background job (kind "export"): the options of the download page, a file."""

from __future__ import annotations

from sqlmodel import Session

from app.errors import BadRequest
from app.exports.options import ExportOptions, Format, Scope
from app.exports.service import asked_opds, export_round
from app.frameworks.registry import load_registry
from app.jobs.kinds import JobContext, JobOutput
from reports.frameworks import NATIVE

HEADERS = ("labels", "codes")
LANGS = ("id", "en")
NA = ("blank", "mark")
MAX_OPDS = 500


def options_of(params: dict) -> ExportOptions:
    """The export options a job's checked params stand for."""
    return ExportOptions(labels=params["header"] == "labels", lang=params["lang"],
                         scope=Scope(params["statuses"]), opd_codes=tuple(params["opds"]),
                         framework=params.get("framework"),
                         mark_na=params.get("na") == "mark")


def params(session: Session, round_id: int, raw: dict) -> dict:
    """Format, header, language, statuses, OPD codes, framework and "not applicable" marks,
    checked (BadRequest names the option)."""
    checked = {"format": one_of(raw, "format", tuple(Format), "xlsx"),
               "header": one_of(raw, "header", HEADERS, "labels"),
               "lang": one_of(raw, "lang", LANGS, "id"),
               "statuses": one_of(raw, "statuses", tuple(Scope), Scope.submitted.value),
               "na": one_of(raw, "na", NA, "blank")}
    return {**checked, "opds": opd_codes(session, round_id, raw),
            "framework": framework_code(session, raw)}


def framework_code(session: Session, raw: dict) -> str | None:
    """The framework asked for (None: the round's choice); an unknown code is refused now,
    before the job is queued."""
    code = raw.get("framework")
    if code is not None and not isinstance(code, str):
        raise BadRequest("job.bad_option", name="framework")
    code = (code or "").strip() or None
    if code and code != NATIVE and load_registry(session).get(code) is None:
        raise BadRequest("framework.unknown", code=code)
    return code


def opd_codes(session: Session, round_id: int, raw: dict) -> list[str]:
    """The OPD subset: codes the round asks, without blanks and repeats (empty: all)."""
    codes = raw.get("opds") or []
    if not isinstance(codes, list | tuple) or len(codes) > MAX_OPDS or not all(
            isinstance(code, str) for code in codes):
        raise BadRequest("job.bad_option", name="opds")
    codes = list(dict.fromkeys(code.strip() for code in codes if code.strip()))
    unknown = sorted(set(codes) - {opd.code for opd in asked_opds(session, round_id=round_id)})
    if unknown:
        raise BadRequest("export.unknown_opds", codes=", ".join(unknown))
    return codes


def one_of(raw: dict, name: str, allowed: tuple, default: str) -> str:
    """raw[name] (or the default) when it is one of `allowed`, else BadRequest naming it."""
    value = raw.get(name) or default
    if value not in {str(v) for v in allowed}:
        raise BadRequest("job.bad_option", name=name)
    return str(value)


def describe(params: dict, t) -> str:
    """E.g. "Excel · label · Dikirim dan disetujui · semua OPD"."""
    opds = ", ".join(params["opds"]) if params["opds"] else t("job.opts.all_opds")
    words = [t(f"job.format.{params['format']}"), t(f"export.header.{params['header']}"),
             t(f"export.lang.{params['lang']}"), t(f"export.scope.{params['statuses']}"), opds]
    if params.get("framework"):
        words.append(params["framework"])
    if params.get("na") == "mark":
        words.append(t("export.info.na_mark"))
    return " · ".join(words)


def run(ctx: JobContext) -> JobOutput:
    """Write the export (read only: the runner audits the job)."""
    fmt = Format(ctx.params["format"])
    result = export_round(ctx.db, round_id=ctx.round_id, options=options_of(ctx.params),
                          fmt=fmt, path=ctx.path, actor_name=ctx.actor_name,
                          timezone=ctx.timezone, progress=ctx.progress.count,
                          step=ctx.progress.step, record=False)
    return JobOutput(result.filename, result.media_type,
                     {"format": fmt.value, "submissions": result.total, "rows": result.counts})
