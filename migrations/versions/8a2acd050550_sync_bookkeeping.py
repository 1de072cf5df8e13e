"""sync bookkeeping; roles carry sync columns

Revision ID: 8a2acd050550
Revises: b1f0c2d4e6a8
Create Date: 2026-11-27 03:14:20.774832

Roles and their grants are HQ reference data that flow down, so they get the sync columns;
rows that exist already get today's time and version 1.
"""
from alembic import op
import sqlalchemy as sa
import app.db.types


revision = '8a2acd050550'
down_revision = 'b1f0c2d4e6a8'
branch_labels = None
depends_on = None

NOW = sa.text('CURRENT_TIMESTAMP')


def upgrade() -> None:
    op.create_table('core_sync_conflicts',
    sa.Column('at', app.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('node_id', sa.Uuid(), nullable=True),
    sa.Column('table_name', sa.String(length=80), nullable=False),
    sa.Column('pk', sa.String(length=400), nullable=False),
    sa.Column('kept_version', sa.BigInteger(), nullable=False),
    sa.Column('lost_version', sa.BigInteger(), nullable=False),
    sa.Column('lost_row', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_core_sync_conflicts'))
    )
    op.create_table('core_sync_counter',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_core_sync_counter'))
    )
    op.create_table('core_sync_errors',
    sa.Column('at', app.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('node_id', sa.Uuid(), nullable=True),
    sa.Column('table_name', sa.String(length=80), nullable=False),
    sa.Column('pk', sa.String(length=400), nullable=False),
    sa.Column('error', sa.Text(), nullable=False),
    sa.Column('row', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_core_sync_errors'))
    )
    op.create_table('core_sync_nodes',
    sa.Column('org_id', sa.Uuid(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('role_name', sa.String(length=63), nullable=True),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('created_at', app.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('org_id', name=op.f('pk_core_sync_nodes')),
    sa.UniqueConstraint('code', name=op.f('uq_core_sync_nodes_code')),
    sa.UniqueConstraint('role_name', name=op.f('uq_core_sync_nodes_role_name'))
    )
    op.create_table('core_sync_tombstones',
    sa.Column('table_name', sa.String(length=80), nullable=False),
    sa.Column('pk', sa.String(length=400), nullable=False),
    sa.Column('sync_seq', sa.BigInteger(), nullable=False),
    sa.Column('owner_id', sa.Uuid(), nullable=True),
    sa.Column('deleted_at', app.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('table_name', 'pk', name=op.f('pk_core_sync_tombstones'))
    )
    with op.batch_alter_table('core_sync_tombstones', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_core_sync_tombstones_sync_seq'), ['sync_seq'], unique=False)

    op.create_table('core_sync_watermarks',
    sa.Column('node_id', sa.Uuid(), nullable=False),
    sa.Column('stream', sa.String(length=8), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('token', sa.String(length=40), nullable=False),
    sa.Column('prev_token', sa.String(length=40), nullable=False),
    sa.Column('source_database_id', sa.String(length=40), nullable=False),
    sa.Column('updated_at', app.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_bundle_at', sa.String(length=40), nullable=False, server_default=''),
    sa.PrimaryKeyConstraint('node_id', 'stream', name=op.f('pk_core_sync_watermarks'))
    )
    with op.batch_alter_table('core_role_permissions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('created_at', app.db.types.UTCDateTime(timezone=True), nullable=False, server_default=NOW))
        batch_op.add_column(sa.Column('updated_at', app.db.types.UTCDateTime(timezone=True), nullable=False, server_default=NOW))
        batch_op.add_column(sa.Column('deleted_at', app.db.types.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('row_version', sa.BigInteger(), nullable=False, server_default='1'))
        batch_op.add_column(sa.Column('sync_seq', sa.BigInteger(), nullable=True))
        batch_op.create_index(batch_op.f('ix_core_role_permissions_sync_seq'), ['sync_seq'], unique=False)

    with op.batch_alter_table('core_roles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('created_at', app.db.types.UTCDateTime(timezone=True), nullable=False, server_default=NOW))
        batch_op.add_column(sa.Column('updated_at', app.db.types.UTCDateTime(timezone=True), nullable=False, server_default=NOW))
        batch_op.add_column(sa.Column('deleted_at', app.db.types.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('row_version', sa.BigInteger(), nullable=False, server_default='1'))
        batch_op.add_column(sa.Column('sync_seq', sa.BigInteger(), nullable=True))
        batch_op.create_index(batch_op.f('ix_core_roles_sync_seq'), ['sync_seq'], unique=False)

    op.execute("INSERT INTO core_sync_counter (id, value) VALUES (1, 0)")


def downgrade() -> None:
    with op.batch_alter_table('core_roles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_core_roles_sync_seq'))
        batch_op.drop_column('sync_seq')
        batch_op.drop_column('row_version')
        batch_op.drop_column('deleted_at')
        batch_op.drop_column('updated_at')
        batch_op.drop_column('created_at')

    with op.batch_alter_table('core_role_permissions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_core_role_permissions_sync_seq'))
        batch_op.drop_column('sync_seq')
        batch_op.drop_column('row_version')
        batch_op.drop_column('deleted_at')
        batch_op.drop_column('updated_at')
        batch_op.drop_column('created_at')

    op.drop_table('core_sync_watermarks')
    with op.batch_alter_table('core_sync_tombstones', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_core_sync_tombstones_sync_seq'))

    op.drop_table('core_sync_tombstones')
    op.drop_table('core_sync_nodes')
    op.drop_table('core_sync_errors')
    op.drop_table('core_sync_counter')
    op.drop_table('core_sync_conflicts')
