"""`survei regency …`: the regencies this installation serves."""

import typer

from app.cli.common import fail, home_settings
from app.db import Database
from app.regencies import service

cli = typer.Typer(help="Regencies (kabupaten/kota) served by this installation.",
                  no_args_is_help=True)


@cli.command("add")
def add(code: str = typer.Argument(..., help="Kemendagri code, e.g. 73.15."),
        name: str = typer.Argument(..., help='Name, e.g. "Kabupaten Luwu Timur".'),
        kind: str = typer.Option("kabupaten", help="kabupaten or kota."),
        host: str = typer.Option("", help="The host its users open (default CODE.<home host>)."),
        ) -> None:
    """Create a regency's own database (SQLite file or PostgreSQL schema) and register it."""
    config = home_settings()
    db = Database(config.database_url, schema=config.database_schema)
    try:
        entry = service.add_regency(db, config, code=code, name=name, kind=kind, host=host)
    except service.RegencyError as error:
        fail(str(error))
    finally:
        db.dispose()
    typer.echo(f"{entry.code} {entry.name}: http(s)://{entry.host}/ — create its first admin "
               f"with: survei --regency {entry.code} user add …")


@cli.command("list")
def list_regencies() -> None:
    """Every regency: the home one first, then those added."""
    config = home_settings()
    db = Database(config.database_url, schema=config.database_schema)
    try:
        entries = service.registered(db)
    finally:
        db.dispose()
    typer.echo(f"{config.regency_code}\t{config.regency_name}\t(utama)")
    for entry in entries:
        typer.echo(f"{entry.code}\t{entry.name}\t{entry.kind}\t{entry.host}")
