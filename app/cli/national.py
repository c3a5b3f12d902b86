"""`survei core …`: the national core questionnaire (the coordinator's; home regency only)."""

import os
from pathlib import Path

import typer

from app.cli.common import REGENCY_VARIABLE, fail, home_settings
from app.db import Database
from app.national.core import CoreError, publish_core

cli = typer.Typer(help="The national core questionnaire.", no_args_is_help=True)


@cli.command("publish")
def publish(file: Path = typer.Argument(..., help="The core XLSForm workbook (.xlsx).")) -> None:
    """Publish a version of the national core: every regency's edition keeps its items."""
    if os.environ.get(REGENCY_VARIABLE, "").strip():
        fail("the national core belongs to the home regency: publish it without --regency")
    if not file.is_file():
        fail(f"{file}: no such file")
    config = home_settings()
    db = Database(config.database_url, schema=config.database_schema)
    try:
        with db.write_session() as session:
            row = publish_core(session, filename=file.name, data=file.read_bytes())
    except CoreError as error:
        fail(f"{file}: {error}")
    finally:
        db.dispose()
    typer.echo(f"national core {row.form_id} version {row.version} published")
