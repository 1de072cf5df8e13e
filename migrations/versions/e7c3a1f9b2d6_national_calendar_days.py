"""national calendar days: HQ's overrides of the shipped holidays and make-up working days

Revision ID: e7c3a1f9b2d6
Revises: d4a7c9e1f3b5
Create Date: 2026-11-27 08:00:00
"""
from alembic import op
import sqlalchemy as sa
import app.db.types


revision = 'e7c3a1f9b2d6'
down_revision = 'd4a7c9e1f3b5'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('core_national_days',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('created_at', app.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', app.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', app.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('row_version', sa.BigInteger(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=True),
    sa.CheckConstraint("kind IN ('holiday', 'working')", name=op.f('ck_core_national_days_kind')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_core_national_days')),
    sa.UniqueConstraint('day', name=op.f('uq_core_national_days_day'))
    )
    with op.batch_alter_table('core_national_days', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_core_national_days_sync_seq'), ['sync_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_core_national_days_year'), ['year'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('core_national_days', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_core_national_days_year'))
        batch_op.drop_index(batch_op.f('ix_core_national_days_sync_seq'))
    op.drop_table('core_national_days')
