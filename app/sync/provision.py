"""Provisioning a child node at its parent (HQ for a branch, a branch for its partners).

On PostgreSQL the child gets its own login role, a member of ``sc_nodes``, and row-level
security keeps every such role to its own subtree: it reads its subtree's rows, its ancestors'
reference rows, the registries that go everywhere and what others wrote on its cases; it
writes only rows its subtree owns; password hashes, private keys and other nodes' keys are
not even readable. The parent's own connection (the table owner) is not restricted.
"""

from __future__ import annotations

import json
import re
import secrets
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, insert, select, text, update
from sqlalchemy.engine import make_url

from app.errors import UserError
from app.i18n import translate
from app.sync.registry import SyncedTable
from app.sync.wire import as_uuid

GROUP = "sc_nodes"
FORMAT = "service-center-node/1"

_FUNCTIONS = f"""
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{GROUP}') THEN CREATE ROLE {GROUP} NOLOGIN; END IF;
END $$;
GRANT USAGE ON SCHEMA public TO {GROUP};
GRANT SELECT (org_id, code, role_name, active) ON core_sync_nodes TO {GROUP};
CREATE OR REPLACE FUNCTION sc_node_org() RETURNS uuid LANGUAGE sql STABLE AS $$
    SELECT org_id FROM core_sync_nodes WHERE role_name = current_user AND active $$;
CREATE OR REPLACE FUNCTION sc_node_subtree() RETURNS SETOF uuid LANGUAGE sql STABLE AS $$
    SELECT o.id FROM core_org_units o JOIN core_org_units me ON me.id = sc_node_org()
    WHERE o.path LIKE me.path || '%%' $$;
CREATE OR REPLACE FUNCTION sc_node_ancestors() RETURNS SETOF uuid LANGUAGE sql STABLE AS $$
    SELECT o.id FROM core_org_units o JOIN core_org_units me ON me.id = sc_node_org()
    WHERE me.path LIKE o.path || '%%' AND o.id <> me.id $$;
"""

_BOOKKEEPING = f"""
GRANT SELECT ON alembic_version, core_sync_counter, core_sync_tombstones TO {GROUP};
GRANT INSERT ON core_sync_conflicts, core_sync_errors TO {GROUP};
GRANT SELECT, INSERT, UPDATE ON core_sync_watermarks TO {GROUP};
ALTER TABLE core_sync_watermarks ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS sc_node_own ON core_sync_watermarks;
CREATE POLICY sc_node_own ON core_sync_watermarks TO {GROUP}
    USING (node_id = sc_node_org()) WITH CHECK (node_id = sc_node_org());
GRANT SELECT ON core_settings TO {GROUP};
ALTER TABLE core_settings ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS sc_node_read ON core_settings;
CREATE POLICY sc_node_read ON core_settings FOR SELECT TO {GROUP} USING (key = 'installation.database_id');
"""


@dataclass(frozen=True)
class Provisioning:
    """What a child needs to start syncing: written to a file, or shown as a connection string."""

    node_code: str
    node_id: str
    parent_code: str
    parent_url: str | None
    node_key: str
    node_name: str = ""
    node_tier: str = ""
    secrets: dict = field(default_factory=dict)  # plugins' ``node_secrets`` answers, joined

    def to_json(self) -> str:
        return json.dumps({"format": FORMAT, "node": self.node_code, "node_id": self.node_id, "name": self.node_name,
                           "tier": self.node_tier, "parent": self.parent_code, "parent_url": self.parent_url,
                           "node_key": self.node_key, "secrets": self.secrets}, ensure_ascii=False, indent=2)

    @classmethod
    def read(cls, path: Path) -> Provisioning:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
            handed = data.get("secrets", {})  # absent in files written before secrets travelled
            if data.get("format") != FORMAT or not isinstance(handed, dict):
                raise ValueError
            return cls(data["node"], data["node_id"], data["parent"], data.get("parent_url"), data["node_key"],
                       data.get("name", ""), data.get("tier", ""), handed)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            raise UserError(translate("Sync", "{path} is not a provisioning file of this program.").format(
                path=path)) from None


def role_name(code: str) -> str:
    return "sc_node_" + re.sub(r"[^a-z0-9_]", "_", code.lower())


def provision(engine: Engine, tables: list[SyncedTable], code: str, parent_url: str | None = None) -> Provisioning:
    """Register ``code`` as a child of this node (a new key and, on PostgreSQL, a new password
    each time: provisioning again replaces the old credentials)."""
    key = secrets.token_hex(32)
    with engine.begin() as connection:
        me, child = _me_and_child(connection, code)
        role = None
        url = parent_url
        if connection.dialect.name == "postgresql":
            ensure_row_security(connection, tables)
            role = role_name(child["code"])
            password = secrets.token_urlsafe(24)
            _create_login(connection, role, password)
            url = _child_url(engine, parent_url, role, password)
        _record_node(connection, child, role, key)
    return Provisioning(child["code"], str(child["id"]), me["code"], url, key, child["name"], child["tier"])


def _me_and_child(connection: Connection, code: str):
    rows = {str(r.code).upper(): r._asdict() for r in connection.execute(text(
        "SELECT id, code, name, tier, path FROM core_org_units"))}
    from sqlalchemy.orm import Session

    from app import installation

    with Session(connection) as session:
        setting = installation.get_value(session, installation.NODE_ORG_ID)
    if setting is None:
        raise UserError(translate("Sync", "This database is not set up yet: run “service-center init” first."))
    me_id = uuid.UUID(setting)
    me = next((r for r in rows.values() if as_uuid(r["id"]) == me_id), None)
    child = rows.get(code.strip().upper())
    if child is None:
        raise UserError(translate("Sync", "No org unit {code}.").format(code=code))
    if me is None or as_uuid(child["id"]) == me_id or not child["path"].startswith(me["path"]):
        raise UserError(translate("Sync", "{code} is not below this installation's org unit: only a parent can "
                                          "provision it.").format(code=code))
    return me, child


def _create_login(connection: Connection, role: str, password: str) -> None:
    exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).scalar()
    verb = "ALTER" if exists else "CREATE"
    quoted = password.replace("'", "''")
    connection.exec_driver_sql(f"{verb} ROLE {role} LOGIN PASSWORD '{quoted}'")
    connection.exec_driver_sql(f"GRANT {GROUP} TO {role}")
    database = connection.exec_driver_sql("SELECT current_database()").scalar()
    connection.exec_driver_sql(f'GRANT CONNECT, TEMPORARY ON DATABASE "{database}" TO {role}')


def _child_url(engine: Engine, parent_url: str | None, role: str, password: str) -> str:
    url = make_url(parent_url) if parent_url else engine.url
    return url.set(username=role, password=password).render_as_string(hide_password=False)


def _record_node(connection: Connection, child: dict, role: str | None, key: str) -> None:
    from app.sync.models import Node

    org_id = as_uuid(child["id"])
    known = connection.execute(select(Node.org_id).where(Node.org_id == org_id)).first()
    values = {"code": child["code"], "role_name": role, "key": key, "active": True}
    if known:
        connection.execute(update(Node).where(Node.org_id == org_id).values(**values))
    else:
        connection.execute(insert(Node).values(org_id=org_id, **values))


def node_key(connection: Connection, org_id: uuid.UUID) -> str | None:
    from app.sync.models import Node

    return connection.execute(select(Node.key).where(Node.org_id == org_id, Node.active)).scalar()


# ------------------------------------------------------------------ row-level security


def ensure_row_security(connection: Connection, tables: list[SyncedTable]) -> None:
    """Policies on every synced table for the ``sc_nodes`` roles (idempotent)."""
    connection.exec_driver_sql(_FUNCTIONS)
    connection.exec_driver_sql(_BOOKKEEPING)
    for t in tables:
        connection.exec_driver_sql(f"ALTER TABLE {t.name} ENABLE ROW LEVEL SECURITY")
        for policy in ("read", "insert", "update", "delete"):
            connection.exec_driver_sql(f"DROP POLICY IF EXISTS sc_node_{policy} ON {t.name}")
        connection.exec_driver_sql(f"CREATE POLICY sc_node_read ON {t.name} FOR SELECT TO {GROUP} USING ({_readable(t)})")
        readable = ", ".join(c for c in t.columns if c not in t.private) + ", sync_seq"
        connection.exec_driver_sql(f"REVOKE ALL ON {t.name} FROM {GROUP}")
        connection.exec_driver_sql(f"GRANT SELECT ({readable}) ON {t.name} TO {GROUP}")
        if not t.owner:
            continue  # reference rows HQ owns: read only
        mine = f"{t.owner} IN (SELECT sc_node_subtree())"
        updatable = ", ".join(c for c in t.columns if c not in t.private and c not in t.pk) + ", sync_seq"
        connection.exec_driver_sql(f"GRANT INSERT, DELETE ON {t.name} TO {GROUP}")
        connection.exec_driver_sql(f"GRANT UPDATE ({updatable}) ON {t.name} TO {GROUP}")
        connection.exec_driver_sql(f"CREATE POLICY sc_node_insert ON {t.name} FOR INSERT TO {GROUP} WITH CHECK ({mine})")
        connection.exec_driver_sql(
            f"CREATE POLICY sc_node_update ON {t.name} FOR UPDATE TO {GROUP} USING ({mine}) WITH CHECK ({mine})")
        connection.exec_driver_sql(f"CREATE POLICY sc_node_delete ON {t.name} FOR DELETE TO {GROUP} USING ({mine})")


def _readable(t: SyncedTable) -> str:
    if t.spec.everywhere or not t.owner:
        return "true"
    conditions = [f"{t.owner} IN (SELECT sc_node_subtree())"]
    if t.spec.direction == "down":
        conditions += [f"{t.owner} IS NULL", f"{t.owner} IN (SELECT sc_node_ancestors())"]
    if t.spec.audience:
        conditions.append(f"{t.spec.audience} IN (SELECT sc_node_subtree())")
    return " OR ".join(conditions)
