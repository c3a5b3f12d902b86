"""API tokens may expire; one-time links can be revoked (superseded by a newer one)

Revision ID: 7b41c0e5d9a2
Revises: 2c3da724237d
Create Date: 2026-12-01 12:00:00
"""

from alembic import op
import sqlalchemy as sa
import app.types

revision = '7b41c0e5d9a2'
down_revision = '2c3da724237d'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.add_column(sa.Column('expires_at', app.types.UTCDateTime(timezone=True),
                                      nullable=True))
    with op.batch_alter_table('account_link', schema=None) as batch_op:
        batch_op.add_column(sa.Column('revoked_at', app.types.UTCDateTime(timezone=True),
                                      nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('account_link', schema=None) as batch_op:
        batch_op.drop_column('revoked_at')
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.drop_column('expires_at')
