"""customers: the customer registry moves out of the tickets plugin (its tables renamed, data kept)

The tickets plugin's first revision created these tables; existing databases keep every row.
Each table, and every key, constraint and index named after it, takes the ``customers_`` name,
including the two keys of ``tickets_tickets`` that point at a customer and at a machine.
PostgreSQL renames in place. SQLite renames the tables (which repoints the references to them)
and then rebuilds them, as batch mode does, because it cannot rename a constraint.

The change-capture triggers of the old names go; the program installs the new ones after every
migration. Deleted rows waiting to be sent, and sync problems on record, follow the new names.

Revision ID: 3c1183bf0d86
Revises:
Create Date: 2026-12-01 09:00:00
"""
from alembic import op
import sqlalchemy as sa
import app.db.types


revision = '3c1183bf0d86'
down_revision = None
branch_labels = ('customers',)
# the tickets revision that created the tables, and the core one that created sync bookkeeping
depends_on = ('e3a1009074a5', '8a2acd050550')

OLD = {"packages": "tickets_service_packages", "customers": "tickets_customers", "sites": "tickets_customer_sites",
       "contacts": "tickets_contacts", "assets": "tickets_assets"}
NEW = {"packages": "customers_packages", "customers": "customers_customers", "sites": "customers_sites",
       "contacts": "customers_contacts", "assets": "customers_assets"}
ORDER = ("packages", "customers", "sites", "contacts", "assets")  # parents first
SYNC_BOOKKEEPING = ("core_sync_tombstones", "core_sync_conflicts", "core_sync_errors")


def _fk(table: str, column: str, referred: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{referred}.id"], name=f"fk_{table}_{column}_{referred}")


def _synced(table: str) -> list:
    """The columns and constraints every synced, org-owned row carries."""
    return [sa.Column('id', sa.Uuid(), nullable=False),
            sa.Column('org_id', sa.Uuid(), nullable=False),
            sa.Column('created_at', app.db.types.UTCDateTime(timezone=True), nullable=False),
            sa.Column('updated_at', app.db.types.UTCDateTime(timezone=True), nullable=False),
            sa.Column('deleted_at', app.db.types.UTCDateTime(timezone=True), nullable=True),
            sa.Column('row_version', sa.BigInteger(), nullable=False),
            sa.Column('sync_seq', sa.BigInteger(), nullable=True),
            sa.PrimaryKeyConstraint('id', name=f"pk_{table}"),
            _fk(table, "org_id", "core_org_units")]


def _indexed(table: str, *columns: str) -> list:
    return [sa.Index(f"ix_{table}_{column}", column) for column in (*columns, "org_id", "sync_seq")]


def _tables(n: dict) -> dict:
    """The registry's tables as this revision leaves them, under the names in ``n``."""
    meta = sa.MetaData()
    sa.Table("core_org_units", meta, sa.Column('id', sa.Uuid(), primary_key=True))
    p, c, s, k, a = (n[key] for key in ORDER)
    return {
        "packages": sa.Table(
            p, meta, sa.Column('code', sa.String(length=32), nullable=False),
            sa.Column('name', sa.String(length=100), nullable=False),
            sa.Column('coverage', sa.String(length=16), nullable=False),
            sa.Column('response_minutes', sa.Integer(), nullable=False),
            sa.Column('onsite_minutes', sa.Integer(), nullable=False),
            sa.Column('resolution_minutes', sa.Integer(), nullable=False),
            *_synced(p), sa.UniqueConstraint('code', name=f"uq_{p}_code"), *_indexed(p)),
        "customers": sa.Table(
            c, meta, sa.Column('name', sa.String(length=200), nullable=False),
            sa.Column('region', sa.String(length=100), nullable=False),
            *_synced(c), sa.UniqueConstraint('org_id', 'name', name='org_name'), *_indexed(c, "name")),
        "sites": sa.Table(
            s, meta, sa.Column('customer_id', sa.Uuid(), nullable=False),
            sa.Column('name', sa.String(length=200), nullable=False),
            sa.Column('address', sa.String(length=400), nullable=False),
            *_synced(s), _fk(s, "customer_id", c), *_indexed(s, "customer_id")),
        "contacts": sa.Table(
            k, meta, sa.Column('customer_id', sa.Uuid(), nullable=False),
            sa.Column('name', sa.String(length=100), nullable=False),
            sa.Column('phone', sa.String(length=50), nullable=False),
            sa.Column('email', sa.String(length=200), nullable=False),
            *_synced(k), _fk(k, "customer_id", c), *_indexed(k, "customer_id")),
        "assets": sa.Table(
            a, meta, sa.Column('customer_id', sa.Uuid(), nullable=False),
            sa.Column('site_id', sa.Uuid(), nullable=True),
            sa.Column('product_line', sa.String(length=100), nullable=False),
            sa.Column('model', sa.String(length=100), nullable=False),
            sa.Column('serial_number', sa.String(length=64), nullable=False),
            sa.Column('service_package_id', sa.Uuid(), nullable=True),
            sa.Column('contract_end', sa.Date(), nullable=True),
            *_synced(a), _fk(a, "customer_id", c), _fk(a, "site_id", s), _fk(a, "service_package_id", p),
            sa.UniqueConstraint('serial_number', name=f"uq_{a}_serial_number"), *_indexed(a, "customer_id")),
    }


def _ticket_keys(n: dict) -> list[tuple[str, str, str]]:
    """The keys of ``tickets_tickets`` that point into the registry: (name, column, referred table)."""
    return [(f"fk_tickets_tickets_customer_id_{n['customers']}", "customer_id", n["customers"]),
            (f"fk_tickets_tickets_asset_id_{n['assets']}", "asset_id", n["assets"])]


def _drop_capture(table: str) -> None:
    """The change-capture triggers (and on PostgreSQL their functions) of ``table``."""
    if op.get_bind().dialect.name == "postgresql":
        for kind in ("ins", "upd", "del"):
            op.execute(f"DROP TRIGGER IF EXISTS sc_sync_{kind}_{table} ON {table}")
        op.execute(f"DROP FUNCTION IF EXISTS sc_sync_fill_{table}()")
        op.execute(f"DROP FUNCTION IF EXISTS sc_sync_del_{table}()")
    else:
        for kind in ("ins", "upd", "del"):
            op.execute(f"DROP TRIGGER IF EXISTS sc_sync_{kind}_{table}")


def _named_parts(table: sa.Table) -> dict:
    """Each constraint and index of ``table`` by what it is and which columns it covers."""
    parts = {(type(c).__name__, tuple(col.name for col in c.columns)): c.name for c in table.constraints}
    parts.update({("Index", tuple(col.name for col in i.columns)): i.name for i in table.indexes})
    return parts


def _rename_postgresql(source: dict, target: dict) -> None:
    before, after = _tables(source), _tables(target)
    for key in ORDER:
        op.rename_table(source[key], target[key])
        new_names = _named_parts(after[key])
        for part, old in _named_parts(before[key]).items():
            new = new_names[part]
            if old == new:
                continue
            if part[0] == "Index":
                op.execute(f'ALTER INDEX "{old}" RENAME TO "{new}"')
            else:  # a key or constraint (a primary or unique key takes its index along)
                op.execute(f'ALTER TABLE {target[key]} RENAME CONSTRAINT "{old}" TO "{new}"')
    for (old, _, _), (new, _, _) in zip(_ticket_keys(source), _ticket_keys(target)):
        op.execute(f'ALTER TABLE tickets_tickets RENAME CONSTRAINT "{old}" TO "{new}"')


def _rename_sqlite(source: dict, target: dict) -> None:
    for key in ORDER:  # renaming repoints every reference to the table, tickets_tickets' included
        op.rename_table(source[key], target[key])
    for key, table in _tables(target).items():
        # the copy is made from this revision's definition, so it takes every new name
        with op.batch_alter_table(target[key], recreate="always", copy_from=table):
            pass
    with op.batch_alter_table("tickets_tickets", recreate="always") as batch_op:
        for (old, _, _), (new, column, referred) in zip(_ticket_keys(source), _ticket_keys(target)):
            batch_op.drop_constraint(old, type_="foreignkey")
            batch_op.create_foreign_key(new, referred, [column], ["id"])
    # A rebuilt table loses its planner statistics; without them a branch's million-ticket lists
    # and the response center fall back to slow plans until someone runs ANALYZE.
    for table in (*(target[key] for key in ORDER), "tickets_tickets"):
        op.execute(f"ANALYZE {table}")


def _move(source: dict, target: dict) -> None:
    for key in ORDER:
        _drop_capture(source[key])
    if op.get_bind().dialect.name == "postgresql":
        _rename_postgresql(source, target)
    else:
        _rename_sqlite(source, target)
    for bookkeeping in SYNC_BOOKKEEPING:
        for key in ORDER:
            op.execute(sa.text(f"UPDATE {bookkeeping} SET table_name = :new WHERE table_name = :old")
                       .bindparams(old=source[key], new=target[key]))


def upgrade() -> None:
    _move(OLD, NEW)


def downgrade() -> None:
    _move(NEW, OLD)
