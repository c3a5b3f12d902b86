"""What every command needs: settings and a database with an up-to-date schema."""

import os
from typing import NoReturn

import typer

from app.config import ConfigError, Settings, load_settings
from app.db import Database
from app.main import SchemaOutOfDate, prepare_database
from app.regencies.models import RegisteredRegency
from app.regencies.sites import regency_settings

REGENCY_VARIABLE = "SURVEI_REGENCY"  # set by `survei --regency CODE`


def home_settings() -> Settings:
    """Settings from the environment; exits with the problems when they are unusable."""
    try:
        return load_settings()
    except ConfigError as error:
        fail(f"configuration error:\n{error}")


def settings() -> Settings:
    """The settings of the regency the command works on (`survei --regency CODE …`; default
    the home regency)."""
    home = home_settings()
    code = os.environ.get(REGENCY_VARIABLE, "").strip()
    if not code or code == home.regency_code:
        return home
    db = Database(home.database_url, schema=home.database_schema)
    try:
        with db.session() as session:
            entry = session.get(RegisteredRegency, code)
    finally:
        db.dispose()
    if entry is None:
        fail(f"wilayah {code} tidak terdaftar (lihat: survei regency list)")
    return regency_settings(home, entry)


def open_database(config: Settings | None = None) -> Database:
    """The database, upgraded when it is SQLite; exits with a message when PostgreSQL is behind."""
    config = config or settings()
    db = Database(config.database_url, schema=config.database_schema)
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
