"""audit log append-only in the database itself

Revision ID: b1f0c2d4e6a8
Revises: 84e8fdd390ce
Create Date: 2026-11-25 03:50:00

The ORM refuses updates and deletes of audit entries; these triggers refuse them for any SQL,
including bulk statements that bypass the ORM.
"""
from alembic import op

revision = 'b1f0c2d4e6a8'
down_revision = '84e8fdd390ce'
branch_labels = None
depends_on = None

MESSAGE = "the audit log is append-only"


def upgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        for event in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER core_audit_log_no_{event.lower()} BEFORE {event} ON core_audit_log "
                       f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")
    else:
        op.execute(f"""CREATE FUNCTION core_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                       BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$""")
        op.execute("CREATE TRIGGER core_audit_log_append_only BEFORE UPDATE OR DELETE ON core_audit_log "
                   "FOR EACH ROW EXECUTE FUNCTION core_audit_log_append_only()")


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        op.execute("DROP TRIGGER core_audit_log_no_update")
        op.execute("DROP TRIGGER core_audit_log_no_delete")
    else:
        op.execute("DROP TRIGGER core_audit_log_append_only ON core_audit_log")
        op.execute("DROP FUNCTION core_audit_log_append_only()")
