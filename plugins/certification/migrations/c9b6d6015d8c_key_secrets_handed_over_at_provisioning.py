"""certification: private halves of center keys handed over at provisioning (local table)

Revision ID: c9b6d6015d8c
Revises: 44c5511bd411
Create Date: 2026-11-27 03:41:57.320013
"""
from alembic import op
import sqlalchemy as sa


revision = 'c9b6d6015d8c'
down_revision = '44c5511bd411'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('certification_key_secrets',
    sa.Column('key_id', sa.Uuid(), nullable=False),
    sa.Column('encrypted_private_pem', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key_id', name=op.f('pk_certification_key_secrets'))
    )


def downgrade() -> None:
    op.drop_table('certification_key_secrets')
