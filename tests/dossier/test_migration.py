"""The migration that adds the verification code fills it for revisions stored before it."""

from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlmodel import select

from app import migrate
from app.db import Database
from app.dossier.code import verification_code
from app.submissions.models import SubmissionRevision
from tests.rounds.world import build_world, submit

REVISION = "3f8a2c6d1e90"


def test_old_revisions_get_their_code_on_upgrade(db, database_url):
    world = build_world(db)
    submit(db, world, world.opd_a)
    db.dispose()
    before = ScriptDirectory.from_config(migrate.alembic_config(database_url)) \
        .get_revision(REVISION).down_revision
    migrate.downgrade(database_url, before)
    migrate.upgrade(database_url)
    again = Database(database_url)
    try:
        with again.session() as session:
            [revision] = session.exec(select(SubmissionRevision)).all()
            stored = session.execute(text("SELECT answers_sha256 FROM submission_revision"))
            assert stored.scalar_one() == verification_code(revision.answers)
            assert len(revision.answers_sha256) == 64
    finally:
        again.dispose()
