"""The visits plugin's door: what its views, hooks and commands may call. No Qt here.

Every other module of the plugin is private behind this one (an import-linter contract says so).
Functions that act for a user take ``(session, actor, ...)`` and raise ``ValidationError`` /
``PermissionDenied`` / ``NotFound`` with a translated message; run changes in ``ctx.transaction()``.

Permissions: each operation below that takes an actor checks the actor's permission here, once,
on entry (``guarded``: the permission is written next to the operation). The domain modules
behind the door check no permission; they keep to the actor's org scope and to the units this
installation writes for. The one rule that depends on the row is listed in ``UNGUARDED``.

Follow-up calls (follow_ups.py): one per closed ticket, due two days after closing
    schedule_follow_up(session, event)    (the ``ticket_closed`` hook: no acting user)
    list_calls / list_call_lines / count_due                                     (visits.view)
    record_call(session, actor, call_id, reached=, solved=None, satisfaction=None, notes="")  (visits.record)
Quarterly customer visits (plans.py, plan_queries.py, visit_records.py)
    generate_plan(session, actor, org_id, quarter) -> PlanOutcome; reassign(...)  (visits.plan)
    record_visit(session, actor, visit_id, visited_on=, attendees=, quality_feedback=, service_feedback=,
                 opinions=) -> VisitRecord; add_action(session, actor, visit_id, text=, owner_id=, due_on=)
                                                                                 (visits.record_visit)
    complete_action(session, actor, action_id)   (the owner, or visits.plan / visits.record_visit)
    plan_lines / action_lines / visit_record / assignee_choices / owner_choices /
    coverage(session, actor, quarter, org_id=None) -> Coverage / overdue_and_unplanned -> Gaps
                                                                                 (visits.plans.view)
"""

from __future__ import annotations

from app.auth.door import guarded
from plugins.visits import follow_ups, plan_queries, plans, visit_records
from plugins.visits.follow_ups import FOLLOW_UP_DELAY, CallLine, schedule_follow_up
from plugins.visits.permissions import PLAN, PLANS_VIEW, RECORD, RECORD_VISIT, VIEW
from plugins.visits.plan_queries import ActionLine, Coverage, CoverageLine, Gaps, PlanLine, UnplannedCustomer
from plugins.visits.plan_rules import Person, parse_quarter
from plugins.visits.plans import PlanOutcome, state_label

__all__ = [
    "PLAN", "PLANS_VIEW", "RECORD", "RECORD_VISIT", "VIEW", "FOLLOW_UP_DELAY",
    "ActionLine", "CallLine", "Coverage", "CoverageLine", "Gaps", "Person", "PlanLine", "PlanOutcome",
    "UnplannedCustomer",
    "action_lines", "add_action", "assignee_choices", "complete_action", "count_due", "coverage",
    "generate_plan", "list_call_lines", "list_calls", "overdue_and_unplanned", "owner_choices", "parse_quarter",
    "plan_lines", "reassign", "record_call", "record_visit", "schedule_follow_up", "state_label", "visit_record",
]

UNGUARDED = {
    # Who may complete an action depends on the action: its owner, whatever their roles, or a
    # person who plans or records visits. The domain decides once it has found the row.
    "complete_action": "the action's owner, or visits.plan / visits.record_visit",
}

# ------------------------------------------------------------------ follow-up calls

list_calls = guarded(VIEW, follow_ups.list_calls)
list_call_lines = guarded(VIEW, follow_ups.list_call_lines)
count_due = guarded(VIEW, follow_ups.count_due)
record_call = guarded(RECORD, follow_ups.record_call)

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
