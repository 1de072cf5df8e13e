"""scorecard weights

Revision ID: e63b2c9f4a33
Revises: d52a1b8e3f22
Create Date: 2026-11-28 09:12:40.118204
"""
from alembic import op
import sqlalchemy as sa
import app.db.types


revision = 'e63b2c9f4a33'
down_revision = 'd52a1b8e3f22'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('visits_scorecard_weights',
    sa.Column('measure', sa.String(length=40), nullable=False),
    sa.Column('weight', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', app.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', app.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', app.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('row_version', sa.BigInteger(), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visits_scorecard_weights')),
    sa.UniqueConstraint('measure', name=op.f('uq_visits_scorecard_weights_measure'))
    )
    with op.batch_alter_table('visits_scorecard_weights', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visits_scorecard_weights_sync_seq'), ['sync_seq'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('visits_scorecard_weights', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visits_scorecard_weights_sync_seq'))

    op.drop_table('visits_scorecard_weights')
