"""Change capture in the database itself (as SymmetricDS does): triggers give every written
row of a synced table the next change number (``sync_seq``), bump ``row_version`` when a
writer forgot to, and turn hard deletes into tombstones. ORM, Core, raw SQL, imports and demo
data are all caught the same way.

A writer that sets ``sync_seq`` itself is the sync engine applying rows from another node: it
takes one change number for the whole batch and keeps the incoming ``row_version``.

On PostgreSQL a transaction takes one change number and holds the counter's row lock to
commit, so numbers become visible in the order they were taken: a reader never moves its
watermark past a change that commits later. On SQLite writers are serialised anyway.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection, Engine, text

from app.sync.registry import SyncedTable

CAPTURE_VERSION = "4"
SETTING = "sync.capture"


def install(engine: Engine, plugins, force: bool = False) -> None:
    """(Re)create the capture triggers of every synced table; cheap when nothing changed
    (the models are not even imported then)."""
    from app import installation
    from app.db.engine import make_session_factory
    from app.sync.registry import declared_specs, synced_tables

    specs = declared_specs(plugins)
    stamp = fingerprint(specs)
    with make_session_factory(engine)() as session, session.begin():
        if not force and installation.get_value(session, SETTING) == stamp and _triggers_present(
                session.connection(), specs):
            return
        tables = synced_tables(plugins)
        connection = session.connection()
        if engine.dialect.name == "postgresql":
            _install_postgresql(connection, tables)
            _refresh_row_security(connection, tables)
        else:
            _install_sqlite(connection, tables)
        installation.set_value(session, SETTING, stamp)


def fingerprint(specs: dict) -> str:
    words = [CAPTURE_VERSION] + [f"{name}:{spec.direction}:{spec.owner}" for name, spec in sorted(specs.items())]
    return hashlib.sha1("\n".join(words).encode()).hexdigest()


def _triggers_present(connection: Connection, specs: dict) -> bool:
    """Batch migrations on SQLite rebuild tables and drop their triggers: look, don't trust."""
    names = [name for name, spec in specs.items() if spec.direction != "local"]
    if not names:
        return True
    name = f"sc_sync_ins_{max(names)}"
    if connection.dialect.name == "postgresql":
        sql = "SELECT count(*) FROM pg_trigger WHERE tgname = :name"
    else:
        sql = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = :name"
    return bool(connection.execute(text(sql), {"name": name}).scalar())


# ------------------------------------------------------------------ SQLite

_SQLITE_NEXT = "UPDATE core_sync_counter SET value = value + 1 WHERE id = 1;"
_SQLITE_SEQ = "(SELECT value FROM core_sync_counter WHERE id = 1)"
_SQLITE_NOW = "strftime('%Y-%m-%d %H:%M:%f000', 'now')"


def _install_sqlite(connection: Connection, tables: list[SyncedTable]) -> None:
    for t in tables:
        for kind in ("ins", "upd", "del"):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS sc_sync_{kind}_{t.name}")
        connection.exec_driver_sql(
            f"CREATE TRIGGER sc_sync_ins_{t.name} AFTER INSERT ON {t.name} FOR EACH ROW "
            f"WHEN NEW.sync_seq IS NULL BEGIN {_SQLITE_NEXT} "
            f"UPDATE {t.name} SET sync_seq = {_SQLITE_SEQ} WHERE rowid = NEW.rowid; END")
        connection.exec_driver_sql(
            f"CREATE TRIGGER sc_sync_upd_{t.name} AFTER UPDATE ON {t.name} FOR EACH ROW "
            f"WHEN NEW.sync_seq IS OLD.sync_seq BEGIN {_SQLITE_NEXT} "
            f"UPDATE {t.name} SET sync_seq = {_SQLITE_SEQ}, row_version = CASE WHEN NEW.row_version > "
            f"OLD.row_version THEN NEW.row_version ELSE OLD.row_version + 1 END WHERE rowid = NEW.rowid; END")
        pk = ", ".join(f"OLD.{c}" for c in t.pk)
        owner = f"OLD.{t.owner}" if t.owner else "NULL"
        connection.exec_driver_sql(
            f"CREATE TRIGGER sc_sync_del_{t.name} AFTER DELETE ON {t.name} FOR EACH ROW BEGIN {_SQLITE_NEXT} "
            f"INSERT OR REPLACE INTO core_sync_tombstones (table_name, pk, sync_seq, owner_id, deleted_at) "
            f"VALUES ('{t.name}', json_array({pk}), {_SQLITE_SEQ}, {owner}, {_SQLITE_NOW}); END")


# ------------------------------------------------------------------ PostgreSQL

_PG_FUNCTIONS = """
CREATE OR REPLACE FUNCTION sc_sync_next_seq() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    taken text := current_setting('sc.sync_seq', true);
    seq bigint;
BEGIN
    IF taken IS NOT NULL AND taken <> '' THEN
        RETURN taken::bigint;
    END IF;
    UPDATE core_sync_counter SET value = value + 1 WHERE id = 1 RETURNING value INTO seq;
    PERFORM set_config('sc.sync_seq', seq::text, true);
    RETURN seq;
END $$;

CREATE OR REPLACE FUNCTION sc_sync_capture() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.sync_seq := sc_sync_next_seq();
    IF TG_OP = 'UPDATE' AND NEW.row_version <= OLD.row_version THEN
        NEW.row_version := OLD.row_version + 1;
    END IF;
    RETURN NEW;
END $$;
"""


def _install_postgresql(connection: Connection, tables: list[SyncedTable]) -> None:
    connection.exec_driver_sql(_PG_FUNCTIONS)
    for t in tables:
        # A new row takes its change number from the column default; a BEFORE INSERT trigger
        # would stop COPY from inserting in batches (the initial push). A writer that inserts
        # an explicit NULL is caught after the fact.
        connection.exec_driver_sql(f"ALTER TABLE {t.name} ALTER COLUMN sync_seq SET DEFAULT sc_sync_next_seq()")
        key = " AND ".join(f"{c} = NEW.{c}" for c in t.pk)
        connection.exec_driver_sql(f"""
            CREATE OR REPLACE FUNCTION sc_sync_fill_{t.name}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE {t.name} SET sync_seq = sc_sync_next_seq() WHERE {key};
                RETURN NULL;
            END $$""")
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS sc_sync_ins_{t.name} ON {t.name}")
        connection.exec_driver_sql(
            f"CREATE TRIGGER sc_sync_ins_{t.name} AFTER INSERT ON {t.name} FOR EACH ROW "
            f"WHEN (NEW.sync_seq IS NULL) EXECUTE FUNCTION sc_sync_fill_{t.name}()")
        connection.exec_driver_sql(
            f"CREATE OR REPLACE TRIGGER sc_sync_upd_{t.name} BEFORE UPDATE ON {t.name} FOR EACH ROW "
            f"WHEN (NEW.sync_seq IS NOT DISTINCT FROM OLD.sync_seq) EXECUTE FUNCTION sc_sync_capture()")
        pk = ", ".join(_pg_wire_old(t, c) for c in t.pk)
        owner = f"OLD.{t.owner}" if t.owner else "NULL"
        connection.exec_driver_sql(f"""
            CREATE OR REPLACE FUNCTION sc_sync_del_{t.name}() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
            BEGIN
                INSERT INTO core_sync_tombstones (table_name, pk, sync_seq, owner_id, deleted_at)
                VALUES ('{t.name}', json_build_array({pk})::text, sc_sync_next_seq(), {owner}, now())
                ON CONFLICT (table_name, pk) DO UPDATE SET sync_seq = EXCLUDED.sync_seq,
                    owner_id = EXCLUDED.owner_id, deleted_at = EXCLUDED.deleted_at;
                RETURN NULL;
            END $$""")
        connection.exec_driver_sql(
            f"CREATE OR REPLACE TRIGGER sc_sync_del_{t.name} AFTER DELETE ON {t.name} FOR EACH ROW "
            f"EXECUTE FUNCTION sc_sync_del_{t.name}()")


def _refresh_row_security(connection: Connection, tables: list[SyncedTable]) -> None:
    """Once children have roles here, a table a migration added gets its policies too."""
    from app.sync.provision import ensure_row_security

    if connection.exec_driver_sql("SELECT 1 FROM core_sync_nodes WHERE role_name IS NOT NULL LIMIT 1").scalar():
        ensure_row_security(connection, tables)


def _pg_wire_old(t: SyncedTable, column: str) -> str:
    kind = t.kinds[t.columns.index(column)]
    return f"replace(OLD.{column}::text, '-', '')" if kind == "uuid" else f"OLD.{column}"


def next_seq(connection: Connection) -> int:
    """One change number for a whole applied batch (PostgreSQL: the transaction's own)."""
    if connection.dialect.name == "postgresql":
        return connection.execute(text("SELECT sc_sync_next_seq()")).scalar_one()
    connection.exec_driver_sql(_SQLITE_NEXT)
    return connection.exec_driver_sql(_SQLITE_SEQ.strip("()")).scalar_one()


def current_seq(connection: Connection) -> int:
    """The last change number committed (read in the reader's snapshot)."""
    return connection.exec_driver_sql("SELECT value FROM core_sync_counter WHERE id = 1").scalar_one()
