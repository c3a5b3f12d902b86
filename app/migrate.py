"""Schema migrations (Alembic) from code: upgrade, downgrade, and "is the schema at head?"."""

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine

from app.config import ROOT


def alembic_config(database_url: str) -> Config:
    """An Alembic Config for our migrations/ folder and this database."""
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "migrations"))
    config.attributes["database_url"] = database_url
    return config


def upgrade(database_url: str, revision: str = "head", *, schema: str = "") -> None:
    """Bring the schema up to `revision` (default: the newest); on PostgreSQL `schema` names a
    regency's own schema (created when missing)."""
    if not schema:
        command.upgrade(alembic_config(database_url), revision)
        return
    engine = create_engine(database_url)
    try:
        with engine.begin() as conn:
            # The migrations name no schema: search_path puts every table, the version table
            # and every statement of a data migration in the regency's schema.
            conn.exec_driver_sql(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
            conn.exec_driver_sql(f'SET LOCAL search_path TO "{schema}"')
            config = alembic_config(database_url)
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def downgrade(database_url: str, revision: str = "base") -> None:
    """Take the schema down to `revision` (default: empty)."""
    command.downgrade(alembic_config(database_url), revision)


def head_revision(database_url: str) -> str | None:
    """The newest revision in migrations/."""
    return ScriptDirectory.from_config(alembic_config(database_url)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def is_at_head(engine: Engine) -> bool:
    """True when the database schema is at the newest revision."""
    return current_revision(engine) == head_revision(str(engine.url))
