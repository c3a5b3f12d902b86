"""`survei form …`: check, outline and publish questionnaire workbooks (XLSForm)."""

from pathlib import Path

import typer

from app.cli.common import fail, home_settings, open_database
from app.national.core import current_core
from app.questionnaires.outline import outline as outline_text
from app.questionnaires.service import publish as publish_workbook
from app.questionnaires.xlsform import load_xlsform

cli = typer.Typer(help="Questionnaires (XLSForm workbooks).", no_args_is_help=True)


def _read(file: Path) -> bytes:
    if not file.is_file():
        fail(f"{file}: file not found")
    return file.read_bytes()


@cli.command("check")
def check(files: list[Path] = typer.Argument(..., help="XLSForm workbooks (.xlsx).")) -> None:
    """Check workbooks; exit 1 and one line per problem when any is invalid."""
    bad = 0
    for file in files:
        result = load_xlsform(_read(file), filename=file.name)
        for error in result.errors:
            typer.echo(f"{file}: {error}", err=True)
        for warning in result.warnings:
            typer.echo(f"{file}: warning: {warning}", err=True)
        bad += 0 if result.ok else 1
        if result.ok:
            form = result.questionnaire
            typer.echo(f"{file}: ok ({form.form_id} {form.version})")
    if bad:
        raise typer.Exit(1)


@cli.command("outline")
def outline(file: Path = typer.Argument(..., help="An XLSForm workbook (.xlsx).")) -> None:
    """Print a readable outline: sections, questions, types, choices, logic."""
    result = load_xlsform(_read(file), filename=file.name)
    if not result.ok:
        for error in result.errors:
            typer.echo(f"{file}: {error}", err=True)
        raise typer.Exit(1)
    typer.echo(outline_text(result.questionnaire), nl=False)


@cli.command("publish")
def publish(file: Path = typer.Argument(..., help="An XLSForm workbook (.xlsx).")) -> None:
    """Publish a new version after the compatibility check against earlier versions."""
    data = _read(file)
    core_db = open_database(home_settings())  # the national core lives at home
    try:
        with core_db.session() as session:
            core = current_core(session)
    finally:
        core_db.dispose()
    db = open_database()
    with db.write_session() as session:
        outcome = publish_workbook(session, filename=file.name, data=data, core=core)
    db.dispose()
    for warning in outcome.warnings:
        typer.echo(f"{file}: warning: {warning}", err=True)
    if not outcome.ok:
        for problem in outcome.problems:
            typer.echo(f"{file}: {problem}", err=True)
        raise typer.Exit(1)
    row = outcome.row
    state = "already published" if outcome.unchanged else "published"
    typer.echo(f"{row.form_id} version {row.version} {state} (id {row.id})")
