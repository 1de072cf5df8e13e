"""tickets: index for the country-wide queue sorted by due time

Revision ID: c7d2e9f1a4b6
Revises: e3a1009074a5
Create Date: 2026-11-25 04:40:00
"""
from alembic import op

revision = 'c7d2e9f1a4b6'
down_revision = 'e3a1009074a5'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_tickets_tickets_state_due", "tickets_tickets", ["state", "next_due_at", "opened_at"])
    op.create_index("ix_tickets_tickets_open_due", "tickets_tickets", ["is_open", "next_due_at", "opened_at"])


def downgrade() -> None:
    op.drop_index("ix_tickets_tickets_open_due", table_name="tickets_tickets")
    op.drop_index("ix_tickets_tickets_state_due", table_name="tickets_tickets")
