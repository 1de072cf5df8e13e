"""tickets: a ticket keeps its machine's contract or warranty state at opening, and the handling chosen

Existing tickets get an empty state: nothing was recorded when they opened.

Revision ID: 7e4c2a9d5b13
Revises: 0962bbedd065
Create Date: 2026-12-10 09:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '7e4c2a9d5b13'
down_revision = '0962bbedd065'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('tickets_tickets', schema=None) as batch_op:
        batch_op.add_column(sa.Column('coverage_state', sa.String(length=16), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('coverage_ends_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('coverage_handling', sa.String(length=16), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('tickets_tickets', schema=None) as batch_op:
        batch_op.drop_column('coverage_handling')
        batch_op.drop_column('coverage_ends_on')
        batch_op.drop_column('coverage_state')
