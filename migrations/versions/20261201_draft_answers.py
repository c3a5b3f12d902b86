"""submission.draft_answers: a draft keeps the answers of questions that do not apply now

Revision ID: 7d1e0c5a9b21
Revises: 7029ebed82be
Create Date: 2026-12-01 09:00:00
"""

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '7d1e0c5a9b21'
down_revision = '7029ebed82be'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('submission', schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            'draft_answers',
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'),
            nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('submission', schema=None) as batch_op:
        batch_op.drop_column('draft_answers')
