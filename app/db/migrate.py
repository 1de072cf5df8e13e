"""Alembic, driven programmatically: the version locations come from the plugin manager."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, inspect

from app.db import append_only
from app.errors import UserError
from app.i18n import translate

import migrations

MIGRATIONS_DIR = Path(migrations.__file__).resolve().parent
CORE_BRANCH = "core"


def version_locations(plugins) -> list[str]:
    locations = [str(MIGRATIONS_DIR / "versions")]
    for group in plugins.hook.migration_locations():
        locations.extend(str(p) for p in group or ())
    return locations


def load_all_models(plugins) -> None:
    """Import the core's and every loaded plugin's ``models`` module (plugins load theirs lazily)."""
    import importlib

    import app.models  # noqa: F401

    for name, module in plugins.pm.list_name_plugin():
        package = getattr(module, "__name__", "")
        if name == "core" or not package or not hasattr(module, "__path__"):
            continue
        try:
            importlib.import_module(f"{package}.models")
        except ModuleNotFoundError as exc:
            if exc.name != f"{package}.models":
                raise


def alembic_config(plugins, connection=None):
    from alembic.config import Config

    from app.db.base import Base

    load_all_models(plugins)

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("path_separator", "os")
    cfg.set_main_option("version_locations", os.pathsep.join(version_locations(plugins)))
    cfg.attributes["metadata"] = Base.metadata
    cfg.attributes["connection"] = connection
    return cfg


def upgrade(engine: Engine, plugins, target: str = "heads") -> None:
    from alembic import command

    _run(engine, lambda connection: command.upgrade(alembic_config(plugins, connection), target))


def downgrade(engine: Engine, plugins, target: str = "base") -> None:
    from alembic import command

    _run(engine, lambda connection: command.downgrade(alembic_config(plugins, connection), target))


def _run(engine: Engine, step) -> None:
    """One transaction. On SQLite, batch mode rebuilds tables (drop + rename), which foreign keys
    would refuse or cascade: they are off during the migration and checked before it commits."""
    from sqlalchemy import text

    with engine.connect() as connection:
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()  # a PRAGMA only takes effect outside a transaction
        try:
            with connection.begin():
                append_only.remove_all(connection)  # a migration may backfill recorded rows
                step(connection)
                if sqlite:
                    broken = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
                    if broken:
                        raise UserError(translate("Database", "The migration would break references: {rows}").format(
                            rows=broken[:5]))
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


def fingerprint(plugins) -> str:
    """A cheap digest of every revision file name: equal digests mean no new migrations."""
    import hashlib

    names = sorted(name for loc in version_locations(plugins) if os.path.isdir(loc)
                   for name in os.listdir(loc) if name.endswith(".py") and not name.startswith("__"))
    return hashlib.sha1("\n".join(names).encode()).hexdigest()


def pending(engine: Engine, plugins) -> bool:
    """True when the database is not at every head (cheap: no alembic import when current)."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(plugins))
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_heads()
    # A revision another branch depends on is not listed as current: compare ancestries.
    from alembic.script.revision import ResolutionError

    revisions = script.revision_map
    try:
        applied = {r.revision for r in revisions._get_ancestor_nodes(revisions.get_revisions(current))}
    except ResolutionError:
        raise UserError(translate("Database", "This database was written by a newer or different version of the "
                                              "program (unknown schema revision); it is left untouched.")) from None
    return not set(script.get_heads()) <= applied


def is_empty(engine: Engine) -> bool:
    return not inspect(engine).get_table_names()


def schema_diff(engine: Engine, plugins=None) -> list:
    """What autogenerate would change: empty when migrations and models agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from app.db.base import Base

    if plugins is not None:
        load_all_models(plugins)
    else:
        import app.models  # noqa: F401
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, Base.metadata)


def new_revision(engine: Engine, plugins, branch: str, message: str, directory: str,
                 prefixes: dict[str, str]) -> None:
    """Autogenerate a revision on ``branch`` containing only that branch's tables."""
    from alembic import command

    with engine.begin() as connection:
        cfg = alembic_config(plugins, connection)
        cfg.attributes["table_prefix"] = prefixes[branch]
        cfg.attributes["other_prefixes"] = [p for b, p in prefixes.items() if b != branch and p.startswith(prefixes[branch])]
        heads_on_branch = _branch_heads(cfg, branch)
        kwargs = {"head": f"{branch}@head"} if heads_on_branch else {
            "head": "base", "branch_label": branch, "version_path": directory,
            "depends_on": None if branch == CORE_BRANCH else [h.revision for h in _branch_heads(cfg, CORE_BRANCH)]}
        command.revision(cfg, message=message, autogenerate=True, **kwargs)


def _branch_heads(cfg, branch: str) -> list:
    from alembic.script import ScriptDirectory

    from alembic.util import CommandError

    script = ScriptDirectory.from_config(cfg)
    try:
        return list(script.get_revisions(f"{branch}@head"))
    except (CommandError, KeyError):
        return []
