"""planning: RPJMD structure, plan years and APBD, programmes, alignments

Revision ID: b3e7a91c2d40
Revises: 3f8a2c6d1e90
Create Date: 2026-12-03 00:00:00
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel
import app.types
from sqlalchemy.dialects import postgresql

revision = "b3e7a91c2d40"
down_revision = '3f8a2c6d1e90'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('plan_alignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('programme_code', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('node_code', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('strength', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('at', app.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['app_user.id'], name=op.f('fk_plan_alignment_actor_id_app_user')),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_plan_alignment_round_id_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_alignment')),
    sa.UniqueConstraint('round_id', 'programme_code', 'node_code', name=op.f('uq_plan_alignment_round_id_programme_code_node_code'))
    )
    op.create_table('plan_programme',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('members', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('owner_opd', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('prioritas', sa.Boolean(), nullable=False),
    sa.Column('cepat_berdampak', sa.Boolean(), nullable=False),
    sa.Column('start_year', sa.Integer(), nullable=True),
    sa.Column('duration', sa.Integer(), nullable=True),
    sa.Column('stage', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('predecessors', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('funding', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('budget_status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('costs', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('updated_at', app.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_plan_programme_round_id_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_programme')),
    sa.UniqueConstraint('round_id', 'code', name=op.f('uq_plan_programme_round_id_code'))
    )
    op.create_table('plan_year',
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('apbd', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_plan_year_round_id_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('round_id', 'year', name=op.f('pk_plan_year'))
    )
    op.create_table('rpjmd_node',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('parent_code', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
    sa.Column('unit', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('targets', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('example', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_rpjmd_node_round_id_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rpjmd_node')),
    sa.UniqueConstraint('round_id', 'code', name=op.f('uq_rpjmd_node_round_id_code'))
    )


def downgrade() -> None:
    op.drop_table('rpjmd_node')
    op.drop_table('plan_year')
    op.drop_table('plan_programme')
    op.drop_table('plan_alignment')
