"""What every command needs: settings and a database with an up-to-date schema."""

from typing import NoReturn

import typer

from app.config import ConfigError, Settings, load_settings
from app.db import Database
from app.main import SchemaOutOfDate, prepare_database


def settings() -> Settings:
    """Settings from the environment; exits with the problems when they are unusable."""
    try:
        return load_settings()
    except ConfigError as error:
        fail(f"configuration error:\n{error}")


def open_database(config: Settings | None = None) -> Database:
    """The database, upgraded when it is SQLite; exits with a message when PostgreSQL is behind."""
    config = config or settings()
    db = Database(config.database_url)
    try:
        prepare_database(db)
    except SchemaOutOfDate as error:
        db.dispose()
        typer.echo(str(error), err=True)
        raise typer.Exit(1) from None
    return db


def fail(message: str) -> NoReturn:
    """Print to stderr and exit 1."""
    typer.echo(message, err=True)
    raise typer.Exit(1)
