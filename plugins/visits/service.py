"""The visits plugin's door: what its views, hooks and commands may call. No Qt here.

Every other module of the plugin is private behind this one (an import-linter contract says so).
Functions that act for a user take ``(session, actor, ...)`` and raise ``ValidationError`` /
``PermissionDenied`` / ``NotFound`` with a translated message; run changes in ``ctx.transaction()``.

Permissions: each operation below that takes an actor checks the actor's permission here, once,
on entry (``guarded``: the permission is written next to the operation). The domain modules
behind the door check no permission; they keep to the actor's org scope and to the units this
installation writes for. The one rule that depends on the row is listed in ``UNGUARDED``.

Follow-up calls (follow_ups.py, call_records.py): one task per close of a ticket, due FOLLOW_UP_DELAY
(2 days) after it; states due | done | unreachable | withdrawn
    schedule_follow_up(session, event) / withdraw_follow_ups(session, event)
        (the ``ticket_closed`` / ``ticket_reopened`` hooks: no acting user; one task per (ticket, closed_at))
    list_calls / list_call_lines(session, actor, state="due", limit=500, org_id=None, subtree=False)
        -> [CallLine(call, customer, contact, phone, engineer, overdue)];  count_due;
    call_form(session, actor, call_id) -> CallForm(line, survey, max_attempts)      (visits.view)
    record_call(session, actor, call_id, outcome=, hook=, answers={code: value}, note="", unsolved_action="",
                unsolved_reason="") -> RecordedCall                                  (visits.record)
        outcome: reached | no_answer | wrong_number | refused; MAX_ATTEMPTS (3) unanswered -> unreachable,
        wrong number / refused -> unreachable at once; reached: the survey's answers (``solved`` and
        ``satisfaction`` at least); not solved: unsolved_action reopen | complaint with a reason (hooks
        ``reopen_case`` / ``open_case``); satisfaction 1–2: a corrective action (the note says why)
    call_state_label(state) / outcome_label(outcome)
Follow-up surveys (surveys.py): HQ reference data, one per ticket category (``case_categories``), versioned
    survey_overview(session, actor, hook=) -> [SurveyLine(category, label, form, versions)]  (visits.surveys.manage)
    publish_survey(session, actor, category, questions=[Question], hook=) -> Survey
        (visits.surveys.manage, at HQ; the fixed questions ``solved`` and ``satisfaction`` stay)
    survey_edit_refusal(actor) -> "" or why the actor may not change surveys (for the editor's buttons)
    kind_label(kind)
Corrective actions (corrective.py): a satisfaction of 1–2 asks the branch manager to act within
CORRECTIVE_ACTION_DAYS (7)
    corrective_lines(session, actor, open_only=False, limit=500, org_id=None, subtree=False)
        -> [CorrectiveLine] open first                                               (visits.corrective.view)
    close_corrective_action(session, actor, action_id, resolution)   (its owner, or visits.corrective.close)
    case_timeline_entries(session, ticket_id) -> [TimelineEntry]   (the ``case_timeline`` hook)
Quarterly customer visits (plans.py, plan_queries.py, visit_records.py)
    generate_plan(session, actor, org_id, quarter) -> PlanOutcome; reassign(...)  (visits.plan)
    record_visit(session, actor, visit_id, visited_on=, attendees=, quality_feedback=, service_feedback=,
                 opinions=) -> VisitRecord; add_action(session, actor, visit_id, text=, owner_id=, due_on=)
                                                                                 (visits.record_visit)
    complete_action(session, actor, action_id)   (the owner, or visits.plan / visits.record_visit)
    plan_lines / action_lines / visit_record / assignee_choices / owner_choices /
    coverage(session, actor, quarter, org_id=None) -> Coverage / overdue_and_unplanned -> Gaps
                                                                                 (visits.plans.view)
Technical inspections (checklists.py, inspection_schedules.py, inspection_generation.py, inspections.py,
inspection_queries.py, inspection_report.py; tables in inspection_models.py)
    checklist_rows / checklist_items(session, actor, checklist_id) / checklist_actions  (visits.inspections.view)
    publish_checklist(session, actor, product_line, [ItemSpec]) -> Checklist  (visits.checklists.manage, at HQ;
        HQ reference data in versions: editing publishes the next one, inspections keep theirs)
    inspection_schedule_lines / schedule_customer_choices                        (visits.inspections.view / .plan)
    create_inspection_schedule(session, actor, customer_id, interval=, starts_on=, product_line="", engineer_id=None)
    end_inspection_schedule(session, actor, schedule_id, ends_on)    (a schedule without an end runs to the
        latest contract end of the machines it covers: UNTIL_CONTRACT_END)
    generate_inspections(session, actor, org_id, period) -> GenerationOutcome (done ones kept, no duplicates)
    assign_inspection(session, actor, inspection_id, engineer_id)                (visits.inspections.plan)
    inspection_lines(session, actor, period, org_id=None, subtree=False, state=None) / inspection_sheet /
    inspection_engineer_choices / inspection_report_document (signed ones only)  (visits.inspections.view)
    record_inspection_results(session, actor, inspection_id, [ResultInput]) / add_inspection_adjustment /
    add_inspection_recommendation / withdraw_inspection_finding / complete_inspection(..., done_on) /
    report_inspection_fault(session, actor, inspection_id, asset_id=, text=, hook=)  (hook ``open_case``) /
    sign_inspection(session, actor, inspection_id, signer_name=, signature_png=)  (visits.inspections.record)
        results and findings are append-only rows; a signed inspection never changes
"""

from __future__ import annotations

from app.auth.door import guarded
from app.errors import PermissionDenied
from app.i18n import translate
from plugins.visits import follow_ups, plan_queries, plans, visit_records
from plugins.visits import call_records, corrective, surveys
from plugins.visits.call_models import OUTCOMES, UNSOLVED_ACTIONS
from plugins.visits.call_records import CallForm, RecordedCall
from plugins.visits.corrective import CORRECTIVE_ACTION_DAYS, CorrectiveLine
from plugins.visits.follow_up_timeline import timeline_entries as case_timeline_entries
from plugins.visits.follow_ups import (FOLLOW_UP_DELAY, MAX_ATTEMPTS, CallLine, outcome_label, schedule_follow_up,
                                       withdraw_follow_ups)
from plugins.visits.follow_ups import state_label as call_state_label
from plugins.visits.permissions import CORRECTIVE_CLOSE, CORRECTIVE_VIEW, SURVEYS_MANAGE
from plugins.visits.surveys import Question, SurveyForm, SurveyLine, kind_label
from plugins.visits.permissions import PLAN, PLANS_VIEW, RECORD, RECORD_VISIT, VIEW
from plugins.visits.plan_queries import ActionLine, Coverage, CoverageLine, Gaps, PlanLine, UnplannedCustomer
from plugins.visits.plan_rules import Person, parse_quarter
from plugins.visits.plans import PlanOutcome, state_label
from plugins.visits import (checklists, inspection_generation, inspection_queries, inspection_report,
                            inspection_schedules, inspections)
from plugins.visits.checklist_defaults import ItemSpec
from plugins.visits.checklists import ChecklistAction, ChecklistRow
from plugins.visits.inspection_generation import GenerationOutcome
from plugins.visits.inspection_models import INTERVAL_MONTHS, ITEM_KINDS, RECOMMENDATION_KINDS
from plugins.visits.inspection_models import OUTCOMES as RESULT_OUTCOMES
from plugins.visits.inspection_queries import FindingLine, InspectionLine, Sheet, SheetItem, SheetMachine
from plugins.visits.inspection_rules import interval_label, item_kind_label, recommendation_label
from plugins.visits.inspection_rules import number_text as measure_text
from plugins.visits.inspection_rules import outcome_label as result_label
from plugins.visits.inspection_rules import state_label as inspection_state_label
from plugins.visits.inspection_schedules import UNTIL_CONTRACT_END, CustomerChoice, ScheduleLine
from plugins.visits.inspections import ResultInput
from plugins.visits.permissions import CHECKLISTS_MANAGE, INSPECT, INSPECTIONS_PLAN, INSPECTIONS_VIEW

__all__ = [
    "PLAN", "PLANS_VIEW", "RECORD", "RECORD_VISIT", "VIEW", "FOLLOW_UP_DELAY",
    "ActionLine", "CallLine", "Coverage", "CoverageLine", "Gaps", "Person", "PlanLine", "PlanOutcome",
    "UnplannedCustomer",
    "action_lines", "add_action", "assignee_choices", "complete_action", "count_due", "coverage",
    "generate_plan", "list_call_lines", "list_calls", "overdue_and_unplanned", "owner_choices", "parse_quarter",
    "plan_lines", "reassign", "record_call", "record_visit", "schedule_follow_up", "state_label", "visit_record",
    "generate_demo",
    # follow-up calls, surveys, corrective actions
    "CORRECTIVE_ACTION_DAYS", "CORRECTIVE_CLOSE", "CORRECTIVE_VIEW", "MAX_ATTEMPTS", "OUTCOMES", "SURVEYS_MANAGE",
    "UNSOLVED_ACTIONS", "CallForm", "CorrectiveLine", "Question", "RecordedCall", "SurveyForm", "SurveyLine",
    "call_form", "call_state_label", "case_timeline_entries", "close_corrective_action", "corrective_lines",
    "kind_label", "outcome_label", "publish_survey", "survey_edit_refusal", "survey_overview",
    "withdraw_follow_ups",
    # technical inspections
    "CHECKLISTS_MANAGE", "INSPECT", "INSPECTIONS_PLAN", "INSPECTIONS_VIEW", "INTERVAL_MONTHS", "ITEM_KINDS",
    "RECOMMENDATION_KINDS", "RESULT_OUTCOMES", "UNTIL_CONTRACT_END",
    "ChecklistAction", "ChecklistRow", "CustomerChoice", "FindingLine", "GenerationOutcome", "InspectionLine",
    "ItemSpec", "ResultInput", "ScheduleLine", "Sheet", "SheetItem", "SheetMachine",
    "add_inspection_adjustment", "add_inspection_recommendation", "assign_inspection", "checklist_actions",
    "checklist_items", "checklist_rows", "complete_inspection", "create_inspection_schedule",
    "end_inspection_schedule", "generate_inspections", "inspection_engineer_choices", "inspection_lines",
    "inspection_report_document", "inspection_schedule_lines", "inspection_sheet", "inspection_state_label",
    "interval_label", "item_kind_label", "measure_text", "publish_checklist", "recommendation_label",
    "record_inspection_results", "report_inspection_fault", "result_label", "schedule_customer_choices",
    "sign_inspection", "withdraw_inspection_finding",
]

UNGUARDED = {
    # Who may complete an action depends on the action: its owner, whatever their roles, or a
    # person who plans or records visits. The domain decides once it has found the row.
    "complete_action": "the action's owner, or visits.plan / visits.record_visit",
    # A corrective action is closed by its owner, whatever their roles, or by a branch manager.
    "close_corrective_action": "the action's owner, or visits.corrective.close",
    # Says why the survey editor's buttons are disabled: a question about the actor, no data read.
    "survey_edit_refusal": "asks nothing of the database",
}

# ------------------------------------------------------------------ follow-up calls

list_calls = guarded(VIEW, follow_ups.list_calls)
list_call_lines = guarded(VIEW, follow_ups.list_call_lines)
count_due = guarded(VIEW, follow_ups.count_due)
call_form = guarded(VIEW, call_records.call_form)
record_call = guarded(RECORD, call_records.record_call)

# ------------------------------------------------------------------ follow-up surveys (HQ reference data)


def _survey_editor(actor) -> None:
    """Surveys are HQ reference data: the permission, and a user of HQ (a branch receives them)."""
    actor.require(SURVEYS_MANAGE)
    if actor.tier != "hq":
        raise PermissionDenied(translate("Visits", "Follow-up surveys are maintained at HQ."))


def survey_edit_refusal(actor) -> str:
    try:
        _survey_editor(actor)
    except PermissionDenied as refused:
        return str(refused)
    return ""


survey_overview = guarded(SURVEYS_MANAGE, surveys.survey_overview)
publish_survey = guarded(_survey_editor, surveys.publish)

# ------------------------------------------------------------------ corrective actions

corrective_lines = guarded(CORRECTIVE_VIEW, corrective.corrective_lines)
close_corrective_action = corrective.close_corrective_action

# ------------------------------------------------------------------ quarterly customer visits

generate_plan = guarded(PLAN, plans.generate_plan)
reassign = guarded(PLAN, plans.reassign)
record_visit = guarded(RECORD_VISIT, visit_records.record_visit)
add_action = guarded(RECORD_VISIT, visit_records.add_action)
complete_action = visit_records.complete_action
plan_lines = guarded(PLANS_VIEW, plan_queries.plan_lines)
action_lines = guarded(PLANS_VIEW, plan_queries.action_lines)
visit_record = guarded(PLANS_VIEW, visit_records.visit_record)
assignee_choices = guarded(PLANS_VIEW, plan_queries.assignee_choices)
owner_choices = guarded(PLANS_VIEW, plan_queries.owner_choices)
coverage = guarded(PLANS_VIEW, plan_queries.coverage)
overdue_and_unplanned = guarded(PLANS_VIEW, plan_queries.overdue_and_unplanned)

# ------------------------------------------------------------------ technical inspections


def _checklist_editor(actor) -> None:
    """Checklists are HQ reference data: the permission, and a user of HQ (a branch receives them)."""
    actor.require(CHECKLISTS_MANAGE)
    reason = checklists.editing_refusal(actor)
    if reason:
        raise PermissionDenied(reason)


checklist_actions = guarded(INSPECTIONS_VIEW, checklists.checklist_actions)
checklist_rows = guarded(INSPECTIONS_VIEW, checklists.checklist_rows)
checklist_items = guarded(INSPECTIONS_VIEW, checklists.checklist_items)
publish_checklist = guarded(_checklist_editor, checklists.publish_checklist)
inspection_schedule_lines = guarded(INSPECTIONS_VIEW, inspection_schedules.schedule_lines)
schedule_customer_choices = guarded(INSPECTIONS_PLAN, inspection_schedules.customer_choices)
create_inspection_schedule = guarded(INSPECTIONS_PLAN, inspection_schedules.create_schedule)
end_inspection_schedule = guarded(INSPECTIONS_PLAN, inspection_schedules.end_schedule)
generate_inspections = guarded(INSPECTIONS_PLAN, inspection_generation.generate_inspections)
assign_inspection = guarded(INSPECTIONS_PLAN, inspection_generation.assign_inspection)
inspection_lines = guarded(INSPECTIONS_VIEW, inspection_queries.inspection_lines)
inspection_sheet = guarded(INSPECTIONS_VIEW, inspection_queries.inspection_sheet)
inspection_engineer_choices = guarded(INSPECTIONS_VIEW, inspection_queries.engineer_choices)
inspection_report_document = guarded(INSPECTIONS_VIEW, inspection_report.report_document)
record_inspection_results = guarded(INSPECT, inspections.record_results)
add_inspection_adjustment = guarded(INSPECT, inspections.add_adjustment)
add_inspection_recommendation = guarded(INSPECT, inspections.add_recommendation)
withdraw_inspection_finding = guarded(INSPECT, inspections.withdraw_finding)
report_inspection_fault = guarded(INSPECT, inspections.report_fault)
complete_inspection = guarded(INSPECT, inspections.complete_inspection)
sign_inspection = guarded(INSPECT, inspections.sign_inspection)

# ------------------------------------------------------------------ demo data (hook ``demo_data``)


def generate_demo(demo) -> None:
    """The visits' demonstration rows: this quarter's visit plans (plan_demo.py), the follow-up
    calls of the demo's closed cases with their surveys and corrective actions (demo.py), and the
    inspection schedules, inspections and checklists (inspection_demo.py)."""
    from plugins.visits.demo import generate_follow_ups
    from plugins.visits.inspection_demo import generate_inspections
    from plugins.visits.plan_demo import generate_plans

    generate_plans(demo)
    generate_follow_ups(demo)
    generate_inspections(demo)


# ------------------------------------------------------------------ staff scorecard, satisfaction in the figures
#
# Staff scorecard (scorecard.py, scorecard_queries.py, scorecard_weights.py, scorecard_export.py)
#     scorecard(session, actor, period, org_id=None, subtree=True, hook=) -> Scorecard(people, units, total,
#         weights, formula); figures from the hook ``staff_figures`` and the visits' own   (visits.scorecard.view)
#     satisfaction_view(session, actor, period, org_id=None, subtree=True, hook=) -> SatisfactionView
#     export_scorecard(actor, card, path, satisfaction=None, progress=None, cancelled=None) -> rows
#         (through app.reports.workbook: text stays text, no file when it fails or is cancelled)
#     scorecard_weights(session, actor) -> WeightsView(weights, formula, defaults)
#     set_scorecard_weights(session, actor, {measure: percent})   (visits.scorecard.weights, at HQ; add up to 100)
#     may_edit_weights(actor) -> bool;  figure_columns() -> [FigureColumn];  measure_label(code)
#     rollup_sections(ctx, period, org_code) -> satisfaction sheets of the HQ rollup (none without the permission)

from plugins.visits import satisfaction as _satisfaction  # noqa: E402
from plugins.visits import scorecard as _scorecard  # noqa: E402
from plugins.visits import scorecard_weights as _weights  # noqa: E402
from plugins.visits.permissions import SCORECARD_VIEW, SCORECARD_WEIGHTS  # noqa: E402
from plugins.visits.satisfaction import SatisfactionLine, SatisfactionView  # noqa: E402
from plugins.visits.scorecard import PersonLine, Scorecard, UnitLine  # noqa: E402
from plugins.visits.scorecard_weights import (DEFAULT_WEIGHTS, WEIGHTED, FigureColumn, Figures,  # noqa: E402
                                              WeightsView, figure_columns, measure_label)

__all__ += [
    "SCORECARD_VIEW", "SCORECARD_WEIGHTS", "DEFAULT_WEIGHTS", "WEIGHTED", "FigureColumn", "Figures", "PersonLine",
    "SatisfactionLine", "SatisfactionView", "Scorecard", "UnitLine", "WeightsView", "export_scorecard",
    "figure_columns", "may_edit_weights", "measure_label", "rollup_sections", "satisfaction_view", "scorecard",
    "scorecard_weights", "set_scorecard_weights",
]
UNGUARDED.update({
    # Whether the page offers "Weights…": a question about the actor, no data read.
    "may_edit_weights": "asks nothing of the database",
})


def may_edit_weights(actor) -> bool:
    return actor.has(SCORECARD_WEIGHTS) and actor.tier == "hq"


def _weights_editor(actor) -> None:
    """The weights are HQ reference data: the permission, and a user of HQ (a branch receives them)."""
    actor.require(SCORECARD_WEIGHTS)
    if not may_edit_weights(actor):
        raise PermissionDenied(translate("Visits", "The scorecard weights are HQ reference data: only HQ changes "
                                                   "them."))


def _export_scorecard(actor, card, path, *, satisfaction=None, progress=None, cancelled=None) -> int:
    from plugins.visits.scorecard_export import export_scorecard as write  # openpyxl loads when exporting

    return write(card, path, satisfaction=satisfaction, progress=progress, cancelled=cancelled)


scorecard = guarded(SCORECARD_VIEW, _scorecard.build_scorecard)
satisfaction_view = guarded(SCORECARD_VIEW, _satisfaction.satisfaction_view)
export_scorecard = guarded(SCORECARD_VIEW, _export_scorecard)
scorecard_weights = guarded(SCORECARD_VIEW, _weights.current_weights)
set_scorecard_weights = guarded(_weights_editor, _weights.set_weights)


def rollup_sections(ctx, period, org_code):
    """The satisfaction sheets of the HQ rollup (hook ``rollup_sections``): none for a reader
    without ``visits.scorecard.view``."""
    if ctx.actor is None or not ctx.actor.has(SCORECARD_VIEW):
        return []
    from plugins.visits.satisfaction_rollup import rollup_sections as sections

    return sections(ctx, period, org_code)


# ------------------------------------------------------------------ the pages' lists to Excel
#
# The lists as workbooks (exports.py, through app.reports.workbook): each takes its page's filter and
# writes every row it finds, in the page's order; ``path, progress=None, cancelled=None`` -> rows written
#     export_follow_ups(session, actor, path, *, state="due", org_id=None, subtree=False)        (visits.view)
#     export_corrective_actions(session, actor, path, *, open_only=False, org_id=None, subtree=False)
#                                                                                      (visits.corrective.view)
#     export_plan_lines / export_visit_actions(session, actor, path, *, quarter, org_id=None)  (visits.plans.view)
#     export_inspections(session, actor, path, *, period, org_id=None, subtree=False, state=None)
#                                                                                      (visits.inspections.view)

from plugins.visits import exports as _exports  # noqa: E402

__all__ += ["export_corrective_actions", "export_follow_ups", "export_inspections", "export_plan_lines",
            "export_visit_actions"]

export_follow_ups = guarded(VIEW, _exports.export_follow_ups)
export_corrective_actions = guarded(CORRECTIVE_VIEW, _exports.export_corrective_actions)
export_plan_lines = guarded(PLANS_VIEW, _exports.export_plan_lines)
export_visit_actions = guarded(PLANS_VIEW, _exports.export_visit_actions)
export_inspections = guarded(INSPECTIONS_VIEW, _exports.export_inspections)
