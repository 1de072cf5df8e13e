"""Append-only tables kept append-only by the database itself (docs/architecture.md, Data
conventions), on both dialects.

Plugins name their ledgers, timelines and logs (hook ``append_only_tables``); every start and
every migration (re)installs guards on them, so no writer, ORM or raw SQL, can rewrite what
was recorded:

- UPDATE is refused unless it changes ``sync_seq`` and nothing else: change capture numbers a
  new row with an UPDATE of that column, and the sync engine stamps re-delivered rows with it.
  A table without that column refuses every UPDATE.
- DELETE is refused, and with it the sync engine's tombstones for such rows.
- REPLACE (SQLite) deletes the row it collides with *without* firing DELETE triggers, as long
  as ``recursive_triggers`` is off. That pragma is per connection, so any other client would
  still get through; instead an insert that meets a stored row under one of the table's
  unique keys with different content is refused before it happens. An identical row passes,
  so a re-delivery under ``ON CONFLICT DO NOTHING`` or ``OR IGNORE`` stays a no-op.
- TRUNCATE (PostgreSQL) fires no row trigger: a statement trigger refuses it.

A refusal is an ``IntegrityError`` whose text names the table and the operation; engines turn
it into :class:`AppendOnlyRefused`, one translated line for the user that is still a
``DBAPIError`` for code that handles database errors (the sync engine records it per row).
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, Engine, event, inspect
from sqlalchemy.exc import IntegrityError

from app.errors import UserError
from app.i18n import translate

PREFIX = "sc_append_only_"
_NAMED_LIKE_A_GUARD = PREFIX.replace("_", r"\_") + "%"  # LIKE pattern; "_" alone matches any character
BOOKKEEPING = "sync_seq"  # the only column a guard lets change
_REFUSED = re.compile(r"(\w+) is append-only: (UPDATE|DELETE|REPLACE|TRUNCATE) refused")
_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*")


class AppendOnlyRefused(IntegrityError, UserError):
    """The database refused to change or remove a row of an append-only table."""

    def __init__(self, original: IntegrityError, table: str, operation: str):
        super().__init__(original.statement, original.params, original.orig, hide_parameters=True)
        self.table = table
        self.operation = operation

    def __str__(self) -> str:
        return translate("Database", "{table} is append-only: its rows cannot be changed or deleted "
                                     "({operation} refused). Record a correcting entry instead.").format(
            table=self.table, operation=self.operation)


def declared_tables(plugins) -> list[str]:
    """Every table a loaded plugin (the core included) declares append-only."""
    names = {name for group in plugins.hook.append_only_tables() for name in group or ()}
    for name in names:
        if not _IDENTIFIER.fullmatch(name) or len(f"{PREFIX}trunc_{name}") > 63:
            raise ValueError(f"{name!r} cannot be guarded: use a short lower-case table name")
    return sorted(names)


def install(engine: Engine, plugins) -> None:
    """(Re)create the guards of every declared table; reads the schema and changes nothing
    when the guards in place are the ones wanted (SQLite batch migrations drop triggers)."""
    tables = declared_tables(plugins)
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            _install_postgresql(connection, tables)
        else:
            _install_sqlite(connection, tables)


def remove_all(connection: Connection) -> None:
    """Drop every guard: a migration may rewrite recorded rows on purpose (a backfill); the
    guards come back when the migrated installation opens."""
    for table, name in _installed(connection):
        _drop(connection, table, name)


def explain_refusals(engine: Engine) -> None:
    """Make ``engine`` raise :class:`AppendOnlyRefused` for a guard's refusal."""
    event.listen(engine, "handle_error", _as_refusal, retval=True)


def _as_refusal(context):
    error = getattr(context, "chained_exception", None) or context.sqlalchemy_exception
    if not isinstance(error, IntegrityError) or isinstance(error, AppendOnlyRefused):
        return None
    found = _REFUSED.search(str(error.orig))
    return AppendOnlyRefused(error, found.group(1), found.group(2)) if found else None


def _raise_message(table: str, operation: str) -> str:
    return f"{table} is append-only: {operation} refused"


def _installed(connection: Connection) -> list[tuple[str, str]]:
    """(table, trigger) of every guard in place."""
    if connection.dialect.name == "postgresql":
        sql = ("SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
               "WHERE c.relnamespace = current_schema()::regnamespace AND t.tgname LIKE %(p)s")
        return [tuple(r) for r in connection.exec_driver_sql(sql, {"p": _NAMED_LIKE_A_GUARD})]
    return [(table, name) for table, name, _ in _sqlite_installed(connection)]


def _drop(connection: Connection, table: str, name: str) -> None:
    on = f" ON {table}" if connection.dialect.name == "postgresql" else ""
    connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}{on}")


# ------------------------------------------------------------------ SQLite


def _install_sqlite(connection: Connection, tables: list[str]) -> None:
    wanted = {name: sql for table in tables for name, sql in _sqlite_guards(connection, table).items()}
    present = {name: sql for _, name, sql in _sqlite_installed(connection)}
    if present == wanted:
        return
    for table, name in _installed(connection):
        _drop(connection, table, name)
    for sql in wanted.values():
        connection.exec_driver_sql(sql)


def _sqlite_installed(connection: Connection) -> list[tuple[str, str, str]]:
    sql = "SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE ? ESCAPE '\\'"
    return [tuple(r) for r in connection.exec_driver_sql(sql, (_NAMED_LIKE_A_GUARD,))]


def _sqlite_guards(connection: Connection, table: str) -> dict[str, str]:
    schema = inspect(connection)
    columns = [c["name"] for c in schema.get_columns(table)]
    if not columns:
        raise LookupError(f"append-only table {table} does not exist")
    content = [c for c in columns if c != BOOKKEEPING]
    changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in content)
    if BOOKKEEPING in columns:
        only_bookkeeping = f"WHEN NEW.{BOOKKEEPING} IS OLD.{BOOKKEEPING} OR {changed} "
    else:
        only_bookkeeping = ""
    differs = " OR ".join(f"stored.{c} IS NOT NEW.{c}" for c in content)
    collides = " OR ".join("(" + " AND ".join(f"stored.{c} = NEW.{c}" for c in key) + ")"
                           for key in _unique_keys(schema, table))

    def refuse(operation: str) -> str:
        return f"BEGIN SELECT RAISE(ABORT, '{_raise_message(table, operation)}'); END"

    return {
        f"{PREFIX}upd_{table}": f"CREATE TRIGGER {PREFIX}upd_{table} BEFORE UPDATE ON {table} FOR EACH ROW "
                                f"{only_bookkeeping}{refuse('UPDATE')}",
        f"{PREFIX}del_{table}": f"CREATE TRIGGER {PREFIX}del_{table} BEFORE DELETE ON {table} FOR EACH ROW "
                                f"{refuse('DELETE')}",
        f"{PREFIX}ins_{table}": f"CREATE TRIGGER {PREFIX}ins_{table} BEFORE INSERT ON {table} FOR EACH ROW "
                                f"WHEN EXISTS (SELECT 1 FROM {table} AS stored WHERE ({collides}) AND ({differs})) "
                                f"{refuse('REPLACE')}",
    }


def _unique_keys(schema, table: str) -> list[list[str]]:
    keys = [schema.get_pk_constraint(table)["constrained_columns"]]
    keys += [u["column_names"] for u in schema.get_unique_constraints(table)]
    keys += [i["column_names"] for i in schema.get_indexes(table) if i["unique"]]
    return [key for key in keys if key and None not in key]


# ------------------------------------------------------------------ PostgreSQL

_PG_BODY = f"""
DECLARE
    new_row jsonb := CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(NEW) END;
    old_row jsonb := CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(OLD) END;
BEGIN
    IF new_row -> '{BOOKKEEPING}' IS DISTINCT FROM old_row -> '{BOOKKEEPING}'
            AND new_row - '{BOOKKEEPING}' = old_row - '{BOOKKEEPING}' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
        MESSAGE = TG_TABLE_NAME || ' is append-only: ' || TG_OP || ' refused';
END """

# The update guard judges the row as stored (AFTER), whatever BEFORE triggers (change
# capture bumping ``row_version``) made of the statement's values.
_PG_TRIGGERS = (("upd", "AFTER UPDATE", "ROW"), ("del", "BEFORE DELETE", "ROW"),
                ("trunc", "BEFORE TRUNCATE", "STATEMENT"))


def _install_postgresql(connection: Connection, tables: list[str]) -> None:
    wanted = {(table, f"{PREFIX}{kind}_{table}") for table in tables for kind, _, _ in _PG_TRIGGERS}
    present = set(_installed(connection))
    body = connection.exec_driver_sql(
        "SELECT prosrc FROM pg_proc WHERE proname = 'sc_append_only_refuse' "
        "AND pronamespace = current_schema()::regnamespace").scalar()
    if present == wanted and body == _PG_BODY:
        return
    connection.exec_driver_sql(
        f"CREATE OR REPLACE FUNCTION sc_append_only_refuse() RETURNS trigger LANGUAGE plpgsql AS $${_PG_BODY}$$")
    for table, name in present - wanted:
        _drop(connection, table, name)
    for table in tables:
        for kind, when, level in _PG_TRIGGERS:
            connection.exec_driver_sql(f"CREATE OR REPLACE TRIGGER {PREFIX}{kind}_{table} {when} ON {table} "
                                       f"FOR EACH {level} EXECUTE FUNCTION sc_append_only_refuse()")
