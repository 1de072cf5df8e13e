"""The core's own hookimpls: registered like any plugin (datasette style)."""

from __future__ import annotations

from pathlib import Path

from app.auth.actor import SCOPE_SUBTREE
from app.auth.roles import BRANCH_MANAGER, DISPATCHER, FOLLOWUP, HQ_ANALYST, TRAINER
from app.hookspecs import hookimpl
from app.i18n import I18N_DIR, translate
from app.specs import PageSpec, PermissionSpec, SyncTable

USERS_MANAGE = "core.users.manage"
ORGS_MANAGE = "core.orgs.manage"
AUDIT_VIEW = "core.audit.view"
SETTINGS_MANAGE = "core.settings.manage"
DEMO_LOAD = "core.demo.load"
ROLLUP_EXPORT = "core.rollup.export"
DASHBOARD_VIEW = "core.dashboard.view"  # the dashboards' figures (app.reports.dashboard checks it)
SYNC_RUN = "core.sync.run"  # the sync door (app.sync.service) checks these
SYNC_PROVISION = "core.sync.provision"
CALENDARS_MANAGE = "core.calendars.manage"  # HQ's national days (app.calendars.service checks it)


@hookimpl
def permissions():
    return [
        PermissionSpec(SCOPE_SUBTREE, translate("Permissions", "See the whole subtree of one's org unit"),
                       (BRANCH_MANAGER, DISPATCHER, HQ_ANALYST, FOLLOWUP, TRAINER)),
        PermissionSpec(USERS_MANAGE, translate("Permissions", "Manage users and roles")),
        PermissionSpec(ORGS_MANAGE, translate("Permissions", "Manage org units")),
        PermissionSpec(AUDIT_VIEW, translate("Permissions", "View the audit log"), (BRANCH_MANAGER, HQ_ANALYST)),
        PermissionSpec(SETTINGS_MANAGE, translate("Permissions", "Change settings and plugins")),
        PermissionSpec(DEMO_LOAD, translate("Permissions", "Load demo data")),
        PermissionSpec(ROLLUP_EXPORT, translate("Permissions", "Export the Excel rollup"), (HQ_ANALYST, BRANCH_MANAGER)),
        PermissionSpec(DASHBOARD_VIEW, translate("Permissions", "See the dashboards of the network's figures"),
                       (HQ_ANALYST, BRANCH_MANAGER)),
        PermissionSpec(SYNC_RUN, translate("Permissions", "Sync with the parent and see sync problems"),
                       (BRANCH_MANAGER, HQ_ANALYST)),
        PermissionSpec(SYNC_PROVISION, translate("Permissions", "Provision child installations")),
        PermissionSpec(CALENDARS_MANAGE, translate("Permissions", "Correct the national holiday calendar (HQ)")),
    ]


@hookimpl
def translation_files(language):
    return [str(Path(I18N_DIR) / f"app_{language}.qm")]


@hookimpl
def nav_pages(ctx):
    def home(context):
        from app.ui.home_page import HomePage

        return HomePage(context)

    def sync_page(context):
        from app.ui.sync_page import SyncPage

        return SyncPage(context)

    def dashboard_page(context):
        from app.ui.dashboard_page import DashboardPage

        return DashboardPage(context)

    return [PageSpec("core.home", translate("Navigation", "Home"), "fa5s.home", home, None, order=0),
            PageSpec("core.sync", translate("Navigation", "Data sync"), "fa5s.sync", sync_page, SYNC_RUN, order=1),
            PageSpec("core.dashboard", translate("Navigation", "Dashboards"), "fa5s.chart-bar", dashboard_page,
                     DASHBOARD_VIEW, order=2)]


@hookimpl
def rollup_sections(ctx, period, org_code):
    from app.reports.core_sections import network_section

    # The network as it stands when exported, whatever the period: units and staff keep no history.
    return [network_section(ctx, org_code)]


@hookimpl
def periodic_jobs():
    from app.specs import PeriodicJob

    def sync(ctx):
        from app.sync import auto

        return auto.run(ctx)

    def sign_in_counts(ctx):
        from app.auth import attempts

        return attempts.flush(ctx.engine)

    # Checked every minute; the sync itself keeps to the interval set with ``sync connect --every``.
    # Sign-in attempts counted while the database was busy are written at the next chance.
    return [PeriodicJob("core.sync", 60, sync), PeriodicJob("core.sign_in_counts", 30, sign_in_counts)]


@hookimpl
def append_only_tables():
    return ["core_audit_log"]


@hookimpl
def sync_tables():
    # An org unit is owned by the unit that created it (its parent); every node knows the tree.
    # Password hashes and lock counters never leave the node: a copy cannot sign in.
    return [
        SyncTable("core_org_units", "up", owner="parent_id", everywhere=True, order="length(path)"),
        SyncTable("core_users", "up", private=(("password_hash", "!"), ("failed_logins", 0), ("locked_until", None))),
        SyncTable("core_roles", "down", owner=None),
        SyncTable("core_role_permissions", "down", owner=None),
        SyncTable("core_national_days", "down", owner=None),  # HQ's corrections of the shipped holidays
        SyncTable("core_sync_tombstones", "local"),  # bookkeeping: sent as deletes, not as rows
    ]
