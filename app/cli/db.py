"""`survei db …`: schema migrations."""

import typer

from app import migrate
from app.cli.common import home_settings, settings
from app.db import Database
from app.regencies.service import registered
from app.regencies.sites import regency_settings

cli = typer.Typer(help="Database schema.", no_args_is_help=True)


@cli.command("upgrade")
def upgrade(revision: str = typer.Argument("head", help="Target revision.")) -> None:
    """Apply the migrations up to REVISION (default: the newest): the home regency's database,
    then every added regency's (or only the one `--regency` names)."""
    home = home_settings()
    chosen = settings()
    targets = [chosen]
    if chosen.regency_code == home.regency_code:
        migrate.upgrade(home.database_url, revision, schema=home.database_schema)
        db = Database(home.database_url, schema=home.database_schema)
        try:
            targets = [regency_settings(home, entry) for entry in registered(db)]
        finally:
            db.dispose()
        typer.echo(f"{home.regency_code} {home.regency_name}: database at {revision}")
    for config in targets:
        migrate.upgrade(config.database_url, revision, schema=config.database_schema)
        typer.echo(f"{config.regency_code} {config.regency_name}: database at {revision}")


@cli.command("downgrade")
def downgrade(revision: str = typer.Argument(..., help="Target revision, e.g. base.")) -> None:
    """Revert the migrations down to REVISION."""
    config = settings()
    if config.database_schema:
        typer.echo("downgrade works on the home regency's database only", err=True)
        raise typer.Exit(1)
    migrate.downgrade(config.database_url, revision)
    typer.echo(f"database at {revision}")
