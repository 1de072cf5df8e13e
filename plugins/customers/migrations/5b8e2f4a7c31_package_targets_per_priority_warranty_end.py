"""customers: service packages may set targets per priority; machines carry a warranty end

Revision ID: 5b8e2f4a7c31
Revises: 3c1183bf0d86
Create Date: 2026-12-10 09:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '5b8e2f4a7c31'
down_revision = '3c1183bf0d86'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('customers_packages') as batch_op:
        batch_op.add_column(sa.Column('priority_targets', sa.JSON(), nullable=True))
    with op.batch_alter_table('customers_assets') as batch_op:
        batch_op.add_column(sa.Column('warranty_end', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('customers_assets') as batch_op:
        batch_op.drop_column('warranty_end')
    with op.batch_alter_table('customers_packages') as batch_op:
        batch_op.drop_column('priority_targets')
