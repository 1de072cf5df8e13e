"""audit log guards join every append-only table's

Revision ID: d4a7c9e1f3b5
Revises: 8a2acd050550
Create Date: 2026-12-02 09:00:00

The audit log's UPDATE/DELETE triggers of b1f0c2d4e6a8 let REPLACE (SQLite) and TRUNCATE
(PostgreSQL) through. ``app.db.append_only`` now guards the audit log together with every
other append-only table each time the installation opens, so the old triggers go.
"""
from alembic import op

revision = 'd4a7c9e1f3b5'
down_revision = '8a2acd050550'
branch_labels = None
depends_on = None

MESSAGE = "the audit log is append-only"


def upgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS core_audit_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS core_audit_log_no_delete")
    else:
        op.execute("DROP TRIGGER IF EXISTS core_audit_log_append_only ON core_audit_log")
        op.execute("DROP FUNCTION IF EXISTS core_audit_log_append_only()")


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        for event in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER core_audit_log_no_{event.lower()} BEFORE {event} ON core_audit_log "
                       f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")
    else:
        op.execute(f"""CREATE FUNCTION core_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                       BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$""")
        op.execute("CREATE TRIGGER core_audit_log_append_only BEFORE UPDATE OR DELETE ON core_audit_log "
                   "FOR EACH ROW EXECUTE FUNCTION core_audit_log_append_only()")
