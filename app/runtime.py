"""Opening an installation: engine, plugins, backup + migration, roles and permission grants."""

from __future__ import annotations

import logging

from sqlalchemy import Engine

from app.config import Config, backups_dir
from app.context import AppContext
from app.db import backup, migrate
from app.db.engine import make_engine, make_session_factory
from app.plugins import PluginHost, get_plugin_manager

log = logging.getLogger(__name__)


def all_permission_specs(plugins: PluginHost) -> list:
    return [spec for group in plugins.hook.permissions() for spec in (group or ())]


def open_context(config: Config, database_url: str | None = None, *, migrate_now: bool = True,
                 plugins: PluginHost | None = None) -> AppContext:
    plugins = plugins or get_plugin_manager(disabled=config.disabled_plugins)
    engine = make_engine(database_url or config.effective_database_url())
    ctx = AppContext(engine, make_session_factory(engine), plugins, config)
    if migrate_now:
        upgrade_with_backup(ctx)
    return ctx


def upgrade_with_backup(ctx: AppContext) -> bool:
    """Bring the schema to all heads, copying a SQLite file aside first. True if it migrated."""
    engine: Engine = ctx.engine
    if not migrate.is_empty(engine) and not _needs_upgrade(ctx):
        install_capture(ctx)
        refresh_reference_data(ctx, schema_fingerprint=migrate.fingerprint(ctx.plugins))
        return False
    path = backup.sqlite_path(engine)
    if path is not None and path.exists() and not migrate.is_empty(engine):
        saved = backup.backup_sqlite(path, backups_dir(), keep=ctx.config.backups_to_keep, label="pre-upgrade")
        log.info("backed up %s to %s before upgrading", path, saved)
    migrate.upgrade(engine, ctx.plugins)
    install_capture(ctx, force=True)
    refresh_reference_data(ctx, schema_fingerprint=migrate.fingerprint(ctx.plugins))
    return True


def install_capture(ctx: AppContext, force: bool = False) -> None:
    """Change-capture triggers on every synced table and the guards of every append-only one
    (migrations may have rebuilt tables, and the migration runner lifts the guards)."""
    from app.db import append_only
    from app.sync import capture

    capture.install(ctx.engine, ctx.plugins, force=force)
    append_only.install(ctx.engine, ctx.plugins)


def _needs_upgrade(ctx: AppContext) -> bool:
    """Skip importing alembic at start when the revision files are the ones last applied."""
    from app import installation

    try:
        with ctx.reading() as session:
            stored = installation.get_value(session, installation.SCHEMA_FINGERPRINT)
    except Exception:  # an older schema without the settings table
        stored = None
    if stored is not None and stored == migrate.fingerprint(ctx.plugins):
        return False
    return migrate.pending(ctx.engine, ctx.plugins)


def refresh_reference_data(ctx: AppContext, schema_fingerprint: str | None = None) -> None:
    from app import installation
    from app.auth.service import ensure_roles, grant_new_permissions

    with ctx.transaction() as session:
        ensure_roles(session)
        grant_new_permissions(session, all_permission_specs(ctx.plugins))
        if schema_fingerprint is not None:
            installation.set_value(session, installation.SCHEMA_FINGERPRINT, schema_fingerprint)


def is_initialized(ctx: AppContext) -> bool:
    from app import installation

    with ctx.reading() as session:
        return installation.get_value(session, installation.NODE_ORG_ID) is not None


def node_org(ctx: AppContext, session):
    import uuid

    from app import installation
    from app.orgs.models import OrgUnit

    org_id = installation.get_value(session, installation.NODE_ORG_ID)
    return session.get(OrgUnit, uuid.UUID(org_id)) if org_id else None
