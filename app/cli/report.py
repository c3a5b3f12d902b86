"""`survei report`: the round's analysis report as one self-contained HTML (or JSON) file."""

import json
from pathlib import Path

import typer

from app.cli.common import fail, open_database, settings
from app.errors import AppError
from app.exports.options import Scope
from app.i18n import translator
from app.planning.context import Regency
from app.planning.report import with_planning
from app.reports_web.service import ReportRequest, round_report
from reports import render_html, report_json


def report(
    round_id: int = typer.Option(..., "--round", help="The round (Periode Pengisian) id."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write FILE.html."),
    statuses: Scope = typer.Option(Scope.submitted, "--statuses",
                                   help="approved, submitted (and approved) or all."),
    opd: list[str] = typer.Option([], "--opd", help="Only this OPD code (repeatable)."),
    lang: str = typer.Option("id", "--lang", help="id (Bahasa Indonesia) or en."),
    as_json: bool = typer.Option(False, "--json", help="Write the report's data as JSON."),
) -> None:
    """Write the analysis report of a round: open it offline, print it on A4, paste from it."""
    if lang not in ("id", "en"):
        fail("--lang must be id or en")
    request = ReportRequest.of(statuses, opd, lang)
    db = open_database()
    try:
        with db.session() as session:
            built = round_report(session, round_id=round_id, request=request, actor_name="cli")
            config = settings()
            built = with_planning(built, session, round_id=round_id,
                                  regency=Regency(config.regency_name, config.timezone))
    except AppError as error:
        fail(translator(lang)(error.key, **error.params))
    finally:
        db.dispose()
    if as_json:
        text = json.dumps(report_json(built), ensure_ascii=False, indent=1)
    else:
        text = render_html(built)
    output.write_text(text, encoding="utf-8")
    summary = built.summary
    typer.echo(f"{output}: {summary.included} submission(s), {summary.total_needs} need(s)")
