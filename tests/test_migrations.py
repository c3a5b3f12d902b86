"""Alembic: upgrade head on an empty database matches the models; downgrade base empties it."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from app import migrate
from app.tables import metadata


def test_upgrade_head_matches_the_models_and_downgrade_base_works(empty_url):
    migrate.upgrade(empty_url)
    engine = create_engine(empty_url)
    with engine.connect() as conn:
        drift = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}),
                                 metadata)
    assert drift == []
    assert migrate.is_at_head(engine)
    migrate.downgrade(empty_url, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    assert not migrate.is_at_head(engine)
    engine.dispose()
