"""The analysis report as a background job (kind "report"): one HTML file (or its JSON data)."""

from __future__ import annotations

import json

from sqlmodel import Session

from app.exports.job import LANGS, one_of, opd_codes
from app.exports.options import Scope
from app.jobs.kinds import JobContext, JobOutput
from app.reports_web.service import ReportRequest, report_filename, round_report
from reports import ReportOptions, report_json, write_html

FORMATS = ("html", "json")
MEDIA_TYPES = {"html": "text/html; charset=utf-8", "json": "application/json"}


def params(session: Session, round_id: int, raw: dict) -> dict:
    """Format (html or json), language, statuses and OPD codes, checked."""
    return {"format": one_of(raw, "format", FORMATS, "html"),
            "lang": one_of(raw, "lang", LANGS, "id"),
            "statuses": one_of(raw, "statuses", tuple(Scope), Scope.submitted.value),
            "opds": opd_codes(session, round_id, raw)}


def describe(params: dict, t) -> str:
    """E.g. "Laporan HTML · Bahasa Indonesia · Dikirim dan disetujui · semua OPD"."""
    opds = ", ".join(params["opds"]) if params["opds"] else t("job.opts.all_opds")
    return " · ".join((t(f"job.format.report_{params['format']}"),
                       t(f"export.lang.{params['lang']}"),
                       t(f"export.scope.{params['statuses']}"), opds))


def run(ctx: JobContext) -> JobOutput:
    """Build the report (reading the round once) and write it as it is rendered."""
    fmt = ctx.params["format"]
    request = ReportRequest(scope=Scope(ctx.params["statuses"]),
                            opd_codes=tuple(ctx.params["opds"]), lang=ctx.params["lang"])
    options = ReportOptions(charts=fmt == "html")
    with ctx.db.session() as session:
        report = round_report(session, round_id=ctx.round_id, request=request,
                              actor_name=ctx.actor_name, options=options,
                              progress=ctx.progress)
    ctx.progress.step("rendering")
    if fmt == "html":
        write_html(report, ctx.path)
    else:
        with open(ctx.path, "w", encoding="utf-8") as handle:
            json.dump(report_json(report), handle)
    name = report_filename(report.round.name, report.round.generated_at)
    if fmt == "json":
        name = name.removesuffix(".html") + ".json"
    return JobOutput(name, MEDIA_TYPES[fmt], {"format": fmt,
                                              "submissions": report.summary.included,
                                              "needs": report.summary.total_needs})
