"""The analysis report as a background job (kind "report"): one HTML file, its A4 PDF or its
JSON data."""

from __future__ import annotations

import json

from sqlmodel import Session

from app.exports.job import LANGS, framework_code, one_of, opd_codes
from app.exports.options import Scope
from app.jobs.kinds import JobContext, JobOutput
from app.planning.report import with_planning
from app.regencies.context import Regency
from app.reports_web.service import ReportRequest, report_filename, round_report
from reports import ReportOptions, report_json, write_html
from reports.pdf import render_pdf

FORMATS = ("html", "pdf", "json")
MEDIA_TYPES = {"html": "text/html; charset=utf-8", "pdf": "application/pdf",
               "json": "application/json"}


def params(session: Session, round_id: int, raw: dict) -> dict:
    """Format (html, pdf or json), language, statuses, OPD codes and framework, checked."""
    return {"format": one_of(raw, "format", FORMATS, "html"),
            "lang": one_of(raw, "lang", LANGS, "id"),
            "statuses": one_of(raw, "statuses", tuple(Scope), Scope.submitted.value),
            "opds": opd_codes(session, round_id, raw),
            "framework": framework_code(session, raw)}


def describe(params: dict, t) -> str:
    """E.g. "Laporan HTML · Bahasa Indonesia · Dikirim dan disetujui · semua OPD"."""
    opds = ", ".join(params["opds"]) if params["opds"] else t("job.opts.all_opds")
    words = [t(f"job.format.report_{params['format']}"), t(f"export.lang.{params['lang']}"),
             t(f"export.scope.{params['statuses']}"), opds]
    if params.get("framework"):
        words.append(params["framework"])
    return " · ".join(words)


def run(ctx: JobContext) -> JobOutput:
    """Build the report (reading the round once) and write it as it is rendered."""
    fmt = ctx.params["format"]
    request = ReportRequest(scope=Scope(ctx.params["statuses"]),
                            opd_codes=tuple(ctx.params["opds"]), lang=ctx.params["lang"],
                            framework=ctx.params.get("framework"))
    options = ReportOptions(charts=fmt != "json")
    with ctx.db.session() as session:
        report = round_report(session, round_id=ctx.round_id, request=request,
                              actor_name=ctx.actor_name, options=options,
                              progress=ctx.progress)
        report = with_planning(report, session, round_id=ctx.round_id,
                               regency=Regency(ctx.regency, ctx.timezone))
    ctx.progress.step("rendering")
    if fmt == "html":
        write_html(report, ctx.path)
    elif fmt == "pdf":
        ctx.path.write_bytes(render_pdf(report))
    else:
        with open(ctx.path, "w", encoding="utf-8") as handle:
            json.dump(report_json(report), handle)
    name = report_filename(report.round.name, report.round.generated_at, fmt)
    return JobOutput(name, MEDIA_TYPES[fmt], {"format": fmt,
                                              "submissions": report.summary.included,
                                              "needs": report.summary.total_needs})
