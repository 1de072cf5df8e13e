"""Visits: follow-up calls after every closed request, quarterly customer visits, inspections."""

from pathlib import Path

from app.auth.roles import BRANCH_MANAGER, FOLLOWUP
from app.hookspecs import hookimpl
from app.i18n import translate
from app.specs import DashboardCounter, PageSpec, PermissionSpec, SyncTable
from plugins.visits import permissions as codes  # permission codes; the modules load on first use

HERE = Path(__file__).parent


@hookimpl
def permissions():
    return [
        PermissionSpec(codes.VIEW, translate("Visits", "See follow-up calls and visits"), (FOLLOWUP, BRANCH_MANAGER)),
        PermissionSpec(codes.RECORD, translate("Visits", "Record follow-up calls"), (FOLLOWUP,)),
    ]


@hookimpl
def migration_locations():
    return [str(HERE / "migrations")]


@hookimpl
def translation_files(language):
    return [str(HERE / "i18n" / f"visits_{language}.qm")]


@hookimpl
def nav_pages(ctx):
    def build(context):
        from plugins.visits.views.followups_page import FollowUpsPage

        return FollowUpsPage(context)

    return [PageSpec("visits.followups", translate("Visits", "Follow-up calls"), "fa5s.phone-volume", build,
                     codes.VIEW, order=50)]


@hookimpl
def ticket_closed(session, event):
    from plugins.visits.service import schedule_follow_up

    schedule_follow_up(session, event)


@hookimpl
def dashboard_counters(session, actor):
    if not actor.has(codes.VIEW):
        return []
    from plugins.visits.service import count_due

    due = count_due(session, actor)
    return [DashboardCounter("visits.due", translate("Visits", "Follow-up calls due"), due,
                             "warning" if due else "info")]


@hookimpl
def sync_tables():
    return [SyncTable("visits_follow_up_calls", "up")]
