"""Recording a customer visit and following up the actions agreed at it."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth.actor import Actor
from app.clock import utcnow
from app.errors import NotFound, PermissionDenied, ValidationError
from app.i18n import translate
from app.orgs.scope import org_scope
from plugins.visits.permissions import PLAN, RECORD_VISIT
from plugins.visits.plan_models import PlannedVisit, VisitAction, VisitRecord
from plugins.visits.plan_rules import (check_in_quarter, ensure_written_here, people_of, required_text, unit_today,
                                       visit_for_change)


def record_visit(session: Session, actor: Actor, visit_id: uuid.UUID, *, visited_on: date | None,
                 attendees: str, quality_feedback: str = "", service_feedback: str = "",
                 opinions: str = "") -> VisitRecord:
    """What was said at the visit; the visit is then done. Recording again corrects the record."""
    visit, quarter = visit_for_change(session, actor, visit_id)
    if visit.state == "cancelled":
        raise ValidationError(translate("Visits", "This visit was cancelled: the customer is retired."))
    label = translate("Visits", "Visit date")
    if visited_on is None:
        raise ValidationError(translate("Visits", "{label} is required.").format(label=label), field="visited_on")
    check_in_quarter(visited_on, quarter, "visited_on", label)
    if visited_on > unit_today(session, visit.org_id):
        raise ValidationError(translate("Visits", "{label} {day} is in the future.").format(
            label=label, day=visited_on.isoformat()), field="visited_on")
    attendees = required_text(attendees, "attendees", translate("Visits", "Attendees"))
    record = session.scalar(select(VisitRecord).where(VisitRecord.visit_id == visit.id))
    if record is None:
        record = VisitRecord(org_id=visit.org_id, visit_id=visit.id)
        session.add(record)
    record.visited_on = visited_on
    record.attendees = attendees
    record.quality_feedback = (quality_feedback or "").strip()
    record.service_feedback = (service_feedback or "").strip()
    record.opinions = (opinions or "").strip()
    record.recorded_by = actor.user_id
    visit.state = "done"
    session.flush()
    audit.record(session, actor, "visit", visit.id, "record", visited_on.isoformat())
    return record


def add_action(session: Session, actor: Actor, visit_id: uuid.UUID, *, text: str, owner_id: uuid.UUID | None,
               due_on: date | None) -> VisitAction:
    """Something agreed at a recorded visit, for a user of the unit, by a date."""
    visit, _quarter = visit_for_change(session, actor, visit_id)
    if visit.state != "done":
        raise ValidationError(translate("Visits", "Record the visit before adding the actions agreed at it."))
    text = required_text(text, "text", translate("Visits", "Action"))
    if owner_id not in {p.id for p in people_of(session, visit.org_id)}:
        raise ValidationError(translate("Visits", "Choose an active user of the unit as the owner."), field="owner")
    if due_on is None:
        raise ValidationError(translate("Visits", "{label} is required.").format(
            label=translate("Visits", "Due date")), field="due_on")
    action = VisitAction(org_id=visit.org_id, visit_id=visit.id, text=text, owner_id=owner_id, due_on=due_on)
    session.add(action)
    session.flush()
    audit.record(session, actor, "visit_action", action.id, "create", text)
    return action


def complete_action(session: Session, actor: Actor, action_id: uuid.UUID) -> VisitAction:
    """The owner, or whoever plans or records visits, marks an action done."""
    action = session.scalar(select(VisitAction).where(VisitAction.id == action_id, VisitAction.deleted_at.is_(None),
                                                      org_scope(actor, VisitAction.org_id)))
    if action is None:
        raise NotFound(translate("Visits", "No such action."))
    if action.owner_id != actor.user_id and not (actor.has(PLAN) or actor.has(RECORD_VISIT)):
        raise PermissionDenied(translate("Visits", "Only the action's owner or a person who plans or records visits "
                                                   "can complete it."))
    ensure_written_here(session, action.org_id)
    if action.done_at is not None:
        raise ValidationError(translate("Visits", "This action is already done."))
    action.done_at = utcnow()
    session.flush()
    audit.record(session, actor, "visit_action", action.id, "complete", action.text)
    return action


def visit_record(session: Session, actor: Actor, visit_id: uuid.UUID) -> VisitRecord | None:
    """What was recorded of the visit, None before it is done."""
    visit = session.scalar(select(PlannedVisit.id).where(PlannedVisit.id == visit_id,
                                                         org_scope(actor, PlannedVisit.org_id)))
    if visit is None:
        raise NotFound(translate("Visits", "No such visit."))
    return session.scalar(select(VisitRecord).where(VisitRecord.visit_id == visit_id))
