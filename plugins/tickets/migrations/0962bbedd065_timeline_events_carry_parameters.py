"""tickets: timeline events carry their parameters (rendered in the reader's language)

Revision ID: 0962bbedd065
Revises: c7d2e9f1a4b6
Create Date: 2026-11-27 03:36:29.559709
"""
from alembic import op
import sqlalchemy as sa


revision = '0962bbedd065'
down_revision = 'c7d2e9f1a4b6'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing rows keep params NULL: the timeline shows their stored text.
    with op.batch_alter_table('tickets_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('params', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('tickets_events', schema=None) as batch_op:
        batch_op.drop_column('params')
