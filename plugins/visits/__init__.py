"""Visits: follow-up calls after every closed request, quarterly customer visits, inspections."""

from pathlib import Path

from app.auth.roles import BRANCH_MANAGER, FIELD_ENGINEER, FOLLOWUP, HQ_ANALYST, SALES
from app.auth.roles import DISPATCHER  # inspections: the dispatcher plans the engineers' work
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
        PermissionSpec(codes.SURVEYS_MANAGE, translate("Visits", "Edit the follow-up surveys (HQ)"), (HQ_ANALYST,)),
        PermissionSpec(codes.CORRECTIVE_VIEW, translate("Visits", "See corrective actions"),
                       (BRANCH_MANAGER, FOLLOWUP, HQ_ANALYST)),
        PermissionSpec(codes.CORRECTIVE_CLOSE, translate("Visits", "Close the unit's corrective actions"),
                       (BRANCH_MANAGER,)),
        # technical inspections
        PermissionSpec(codes.INSPECTIONS_VIEW, translate("Visits", "See technical inspections and their reports"),
                       (FIELD_ENGINEER, DISPATCHER, BRANCH_MANAGER, HQ_ANALYST)),
        PermissionSpec(codes.INSPECTIONS_PLAN,
                       translate("Visits", "Schedule, generate and assign technical inspections"),
                       (DISPATCHER, BRANCH_MANAGER)),
        PermissionSpec(codes.INSPECT, translate("Visits", "Record technical inspections and have them signed"),
                       (FIELD_ENGINEER,)),
        PermissionSpec(codes.CHECKLISTS_MANAGE, translate("Visits", "Edit the inspection checklists (HQ)"),
                       (HQ_ANALYST,)),
        PermissionSpec(codes.SCORECARD_VIEW, translate("Visits", "See the staff scorecard and satisfaction figures"),
                       (BRANCH_MANAGER, HQ_ANALYST)),
        PermissionSpec(codes.SCORECARD_WEIGHTS, translate("Visits", "Set the staff scorecard's weights (HQ)"),
                       (HQ_ANALYST,)),
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

    def build_scorecard(context):
        from plugins.visits.views.scorecard_page import ScorecardPage

        return ScorecardPage(context)

    def build_inspections(context):
        from plugins.visits.views.inspections_page import InspectionsPage

        return InspectionsPage(context)

    def build_corrective(context):
        from plugins.visits.views.corrective_page import CorrectiveActionsPage

        return CorrectiveActionsPage(context)

    def build_surveys(context):
        from plugins.visits.views.survey_page import SurveyEditorPage

        return SurveyEditorPage(context)

    return [PageSpec("visits.followups", translate("Visits", "Follow-up calls"), "fa5s.phone-volume", build,
                     codes.VIEW, order=50),
            PageSpec("visits.corrective", translate("Visits", "Corrective actions"), "fa5s.tools",
                     build_corrective, codes.CORRECTIVE_VIEW, order=52),
            PageSpec("visits.surveys", translate("Visits", "Follow-up surveys"), "fa5s.clipboard-list",
                     build_surveys, codes.SURVEYS_MANAGE, order=53),
            PageSpec("visits.plan", translate("Visits", "Visit plan"), "fa5s.route", build_plan,
                     codes.PLANS_VIEW, order=51),
            PageSpec("visits.inspections", translate("Visits", "Technical inspections"), "fa5s.clipboard-check",
                     build_inspections, codes.INSPECTIONS_VIEW, order=54),
            PageSpec("visits.scorecard", translate("Visits", "Staff scorecard"), "fa5s.chart-bar", build_scorecard,
                     codes.SCORECARD_VIEW, order=55)]


@hookimpl
def ticket_closed(session, event):
    from plugins.visits.service import schedule_follow_up

    schedule_follow_up(session, event)


@hookimpl
def ticket_reopened(session, event):
    from plugins.visits.service import withdraw_follow_ups

    withdraw_follow_ups(session, event)


@hookimpl
def case_timeline(session, ticket_id):
    from plugins.visits.service import case_timeline_entries

    return case_timeline_entries(session, ticket_id)


@hookimpl(trylast=True)  # after the customers' and tickets' demos, whose customers and closed cases it follows
def demo_data(demo):
    from plugins.visits.service import generate_demo

    generate_demo(demo)


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
            *(SyncTable(name, "up") for name in ("visits_call_attempts", "visits_survey_answers",
                                                 "visits_corrective_actions")),
            *(SyncTable(name, "down") for name in ("visits_surveys", "visits_survey_questions")),
            *(SyncTable(name, "down") for name in ("visits_checklists", "visits_checklist_items")),
            *(SyncTable(name, "up") for name in ("visits_inspection_schedules", "visits_inspections",
                                                 "visits_inspection_machines", "visits_inspection_results",
                                                 "visits_inspection_findings")),
            SyncTable("visits_scorecard_weights", "down", owner=None),
            *(SyncTable(name, "up") for name in ("visits_plans", "visits_planned_visits", "visits_records",
                                                 "visits_actions"))]


@hookimpl
def append_only_tables():
    # What was said on a follow-up call is recorded once: a correction is a new attempt.
    return ["visits_call_attempts", "visits_survey_answers",
            # An inspection's results and findings: a correction or a withdrawal is a new row.
            "visits_inspection_results", "visits_inspection_findings"]


@hookimpl
def rollup_sections(ctx, period, org_code):
    from plugins.visits.service import rollup_sections as sections

    return sections(ctx, period, org_code)
