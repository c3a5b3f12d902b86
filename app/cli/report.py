"""`survei report`: the round's analysis report as one self-contained HTML, a PDF or JSON."""

import json
from enum import StrEnum
from pathlib import Path

import typer

from app.cli.common import fail, open_database, settings
from app.errors import AppError
from app.exports.options import Scope
from app.i18n import translator
from app.planning.report import with_planning
from app.regencies.context import Regency
from app.reports_web.service import ReportRequest, round_report
from reports import render_html, report_json
from reports.pdf import render_pdf


class ReportFormat(StrEnum):
    html = "html"
    pdf = "pdf"
    json = "json"


SUFFIXES = {".pdf": ReportFormat.pdf, ".json": ReportFormat.json}


def report(
    round_id: int = typer.Option(..., "--round", help="The round (Periode Pengisian) id."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write FILE.html|.pdf."),
    fmt: ReportFormat | None = typer.Option(None, "--format", help="html, pdf or json; "
                                            "default: from the file name, else html."),
    statuses: Scope = typer.Option(Scope.submitted, "--statuses",
                                   help="approved, submitted (and approved) or all."),
    opd: list[str] = typer.Option([], "--opd", help="Only this OPD code (repeatable)."),
    lang: str = typer.Option("id", "--lang", help="id (Bahasa Indonesia) or en."),
    as_json: bool = typer.Option(False, "--json", help="Write the report's data as JSON "
                                 "(the same as --format json)."),
) -> None:
    """Write the analysis report of a round: HTML to open offline and paste from, or an A4
    PDF (page numbers, repeated table headers, the charts)."""
    if lang not in ("id", "en"):
        fail("--lang must be id or en")
    request = ReportRequest.of(statuses, opd, lang)
    db = open_database()
    try:
        with db.session() as session:
            built = round_report(session, round_id=round_id, request=request, actor_name="cli")
            config = settings()
            built = with_planning(built, session, round_id=round_id,
                                  regency=Regency.of(config))
    except AppError as error:
        fail(translator(lang)(error.key, **error.params))
    finally:
        db.dispose()
    fmt = ReportFormat.json if as_json else fmt or SUFFIXES.get(output.suffix.lower(),
                                                                 ReportFormat.html)
    if fmt == ReportFormat.pdf:
        output.write_bytes(render_pdf(built))
    elif fmt == ReportFormat.json:
        output.write_text(json.dumps(report_json(built), ensure_ascii=False, indent=1),
                          encoding="utf-8")
    else:
        output.write_text(render_html(built), encoding="utf-8")
    summary = built.summary
    typer.echo(f"{output}: {summary.included} submission(s), {summary.total_needs} need(s)")
