"""carry forward: rounds started from an earlier round, what was carried, programme updates

Revision ID: 4c116d4fb451
Revises: 7d1e0c5a9b21
Create Date: 2026-12-01 22:09:02.928873
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel
import app.types
from sqlalchemy.dialects import postgresql

revision = '4c116d4fb451'
down_revision = '7d1e0c5a9b21'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('carry_forward',
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('source_submission_id', sa.Integer(), nullable=False),
    sa.Column('source_revision', sa.Integer(), nullable=True),
    sa.Column('answers', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('dropped', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('created_at', app.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['source_submission_id'], ['submission.id'], name=op.f('fk_carry_forward_source_submission_id_submission')),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], name=op.f('fk_carry_forward_submission_id_submission'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('submission_id', name=op.f('pk_carry_forward'))
    )
    op.create_table('programme_update',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('row_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('at', app.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['app_user.id'], name=op.f('fk_programme_update_actor_id_app_user')),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], name=op.f('fk_programme_update_submission_id_submission'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programme_update'))
    )
    with op.batch_alter_table('programme_update', schema=None) as batch_op:
        batch_op.create_index('ix_programme_update_row', ['submission_id', 'row_id'], unique=False)

    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.add_column(sa.Column('carry_from_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('carry_basis', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_round_carry_from_id_round'), 'round', ['carry_from_id'], ['id'])



def downgrade() -> None:
    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_round_carry_from_id_round'), type_='foreignkey')
        batch_op.drop_column('carry_basis')
        batch_op.drop_column('carry_from_id')

    with op.batch_alter_table('programme_update', schema=None) as batch_op:
        batch_op.drop_index('ix_programme_update_row')

    op.drop_table('programme_update')
    op.drop_table('carry_forward')
