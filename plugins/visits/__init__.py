"""Visits: follow-up calls after every closed request, quarterly customer visits, inspections."""

from pathlib import Path

from app.auth.roles import BRANCH_MANAGER, FIELD_ENGINEER, FOLLOWUP, HQ_ANALYST, SALES
from app.hookspecs import hookimpl
from app.i18n import translate
from app.specs import DashboardCounter, PageSpec, PermissionSpec, SyncTable
from plugins.visits import permissions as codes  # permission codes only; the door loads on first use

HERE = Path(__file__).parent


@hookimpl
def permissions():
    return [
        PermissionSpec(codes.VIEW, translate("Visits", "See follow-up calls and visits"), (FOLLOWUP, BRANCH_MANAGER)),
        PermissionSpec(codes.RECORD, translate("Visits", "Record follow-up calls"), (FOLLOWUP,)),
        PermissionSpec(codes.PLANS_VIEW, translate("Visits", "See quarterly customer visit plans"),
                       (SALES, FIELD_ENGINEER, BRANCH_MANAGER, HQ_ANALYST)),
        PermissionSpec(codes.PLAN, translate("Visits", "Generate and assign quarterly visit plans"),
                       (BRANCH_MANAGER, HQ_ANALYST)),
        PermissionSpec(codes.RECORD_VISIT, translate("Visits", "Record customer visits and their actions"),
                       (SALES, FIELD_ENGINEER)),
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

    def build_plan(context):
        from plugins.visits.views.plan_page import VisitPlanPage

        return VisitPlanPage(context)

    return [PageSpec("visits.followups", translate("Visits", "Follow-up calls"), "fa5s.phone-volume", build,
                     codes.VIEW, order=50),
            PageSpec("visits.plan", translate("Visits", "Visit plan"), "fa5s.route", build_plan,
                     codes.PLANS_VIEW, order=51)]


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
    return [SyncTable("visits_follow_up_calls", "up"),
            *(SyncTable(name, "up") for name in ("visits_plans", "visits_planned_visits", "visits_records",
                                                 "visits_actions"))]
