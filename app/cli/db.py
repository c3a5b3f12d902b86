"""`survei db …`: schema migrations."""

import typer

from app import migrate
from app.cli.common import settings

cli = typer.Typer(help="Database schema.", no_args_is_help=True)


@cli.command("upgrade")
def upgrade(revision: str = typer.Argument("head", help="Target revision.")) -> None:
    """Apply the migrations up to REVISION (default: the newest)."""
    url = settings().database_url
    migrate.upgrade(url, revision)
    typer.echo(f"database at {revision}")


@cli.command("downgrade")
def downgrade(revision: str = typer.Argument(..., help="Target revision, e.g. base.")) -> None:
    """Revert the migrations down to REVISION."""
    migrate.downgrade(settings().database_url, revision)
    typer.echo(f"database at {revision}")
