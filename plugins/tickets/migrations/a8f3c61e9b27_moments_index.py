"""tickets: on PostgreSQL, an index over each case's latest moment carrying what the period figures read

The rollup and the dashboard read the cases with any moment in a period; with this index
PostgreSQL reads them by an index-only range scan instead of the whole table. SQLite (one unit's
cases) has no need of it.

Revision ID: a8f3c61e9b27
Revises: 7e4c2a9d5b13
Create Date: 2026-11-27 12:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'a8f3c61e9b27'
down_revision = '7e4c2a9d5b13'
branch_labels = None
depends_on = None

MOMENTS = ("opened_at", "responded_at", "arrived_at", "resolved_at", "closed_at", "response_due_at",
           "onsite_due_at", "resolution_due_at")
INCLUDED = ("org_id", "deleted_at", "state", "category", "channel", "engineer_id", "paused_since",
            "response_minutes", "onsite_minutes", "resolution_minutes", *MOMENTS[1:])


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.create_index('ix_tickets_tickets_moments', 'tickets_tickets',
                    [sa.text(f"greatest({', '.join(MOMENTS)})"), 'opened_at'],
                    postgresql_include=list(INCLUDED))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index('ix_tickets_tickets_moments', table_name='tickets_tickets')
