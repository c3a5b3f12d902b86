"""revision verification code: submission_revision.answers_sha256, filled for every revision

Revision ID: 3f8a2c6d1e90
Revises: 9f16a2c4e8b1
Create Date: 2026-12-01 23:00:00
"""

import hashlib
import json

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '3f8a2c6d1e90'
down_revision = '9f16a2c4e8b1'
branch_labels = None
depends_on = None

BATCH = 200


def _code(answers) -> str:
    """As app/dossier/code.py (kept here so the migration never changes with the app)."""
    if isinstance(answers, str):
        answers = json.loads(answers)
    text = json.dumps(answers, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def upgrade() -> None:
    with op.batch_alter_table('submission_revision', schema=None) as batch_op:
        batch_op.add_column(sa.Column('answers_sha256',
                                      sqlmodel.sql.sqltypes.AutoString(length=64),
                                      nullable=False, server_default=''))
        batch_op.create_index(batch_op.f('ix_submission_revision_answers_sha256'),
                              ['answers_sha256'], unique=False)
    connection = op.get_bind()
    table = sa.table('submission_revision', sa.column('id', sa.Integer),
                     sa.column('answers', sa.JSON), sa.column('answers_sha256', sa.String))
    last = 0
    while True:
        rows = connection.execute(sa.select(table.c.id, table.c.answers)
                                  .where(table.c.id > last).order_by(table.c.id)
                                  .limit(BATCH)).all()
        if not rows:
            break
        for row in rows:
            connection.execute(table.update().where(table.c.id == row.id)
                               .values(answers_sha256=_code(row.answers)))
        last = rows[-1].id


def downgrade() -> None:
    with op.batch_alter_table('submission_revision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_submission_revision_answers_sha256'))
        batch_op.drop_column('answers_sha256')
