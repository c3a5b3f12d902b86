"""`survei opd …`: the OPD register."""

import json
from pathlib import Path

import typer

from app.cli.common import fail, open_database
from app.opds.service import import_opds, list_opds

cli = typer.Typer(help="OPD register (Perangkat Daerah).", no_args_is_help=True)


@cli.command("import")
def import_file(file: Path = typer.Argument(..., help="CSV or XLSX with a header row.")) -> None:
    """Import (upsert by code) every OPD of FILE; nothing is written if any row is wrong."""
    if not file.is_file():
        fail(f"{file}: file not found")
    db = open_database()
    with db.write_session() as session:
        outcome = import_opds(session, filename=file.name, data=file.read_bytes())
    db.dispose()
    if not outcome.ok:
        for problem in outcome.problems:
            # A problem with the whole file has no row: "FILE: message", not "FILE: file: …".
            where = f"{file.name}: {problem}" if problem.row else f"{file.name}: {problem.message}"
            typer.echo(where, err=True)
        fail(f"{len(outcome.problems)} problem(s); nothing was imported")
    typer.echo(f"imported {outcome.created} new and {outcome.updated} updated OPD(s)")


@cli.command("list")
def list_command(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """List the OPD register."""
    db = open_database()
    with db.session() as session:
        opds = list_opds(session)
        codes = {opd.id: opd.code for opd in opds}
        rows = [{"code": o.code, "name": o.name, "short_name": o.short_name, "kind": o.kind,
                 "parent_code": codes.get(o.parent_id), "active": o.active} for o in opds]
    db.dispose()
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        typer.echo(f"{row['code']:<16} {row['kind']:<12} {row['name']}")
