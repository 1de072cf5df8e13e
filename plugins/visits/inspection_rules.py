"""What every inspection operation checks (the inspection in scope and written here, not yet
signed; the engineers of a unit; a measured value) and the names shown for the codes."""

from __future__ import annotations

import uuid
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.auth.roles import FIELD_ENGINEER
from app.errors import NotFound, ValidationError
from app.i18n import translate
from app.orgs.scope import org_scope
from plugins.visits.inspection_models import Inspection
from plugins.visits.plan_rules import Person, ensure_written_here, people_of

MEASURE_LIMIT = Decimal("1e9")  # what a Numeric(12, 3) column holds


def field_engineers(session: Session, org_id: uuid.UUID) -> list[Person]:
    """Who inspects the unit's customers: its active field engineers, by name."""
    return people_of(session, org_id, (FIELD_ENGINEER,))


def visible_inspection(session: Session, actor: Actor, inspection_id: uuid.UUID) -> Inspection:
    inspection = session.scalar(select(Inspection).where(
        Inspection.id == inspection_id, Inspection.deleted_at.is_(None), org_scope(actor, Inspection.org_id)))
    if inspection is None:
        raise NotFound(translate("Visits", "No such inspection."))
    return inspection


def inspection_for_change(session: Session, actor: Actor, inspection_id: uuid.UUID) -> Inspection:
    """The inspection, in the actor's scope and written here, that may still change: a signed
    inspection is the customer's record and never changes."""
    inspection = visible_inspection(session, actor, inspection_id)
    ensure_written_here(session, inspection.org_id)
    if inspection.state == "signed":
        raise ValidationError(translate("Visits", "This inspection is signed by the customer and can no longer "
                                                  "change."))
    return inspection


def parse_measure(text: str | Decimal | None, field: str, label: str) -> Decimal | None:
    """A measured value or range bound as typed (``38.5``, ``-2``, ``1,5``); empty is None."""
    if isinstance(text, Decimal):
        value = text
    else:
        typed = (text or "").strip().replace(",", ".")
        if not typed:
            return None
        try:
            value = Decimal(typed)
        except InvalidOperation:
            value = None
    if value is None or not value.is_finite() or abs(value) >= MEASURE_LIMIT:
        raise ValidationError(translate("Visits", "{label}: “{text}” is not a number.").format(
            label=label, text=text), field=field)
    return value.quantize(Decimal("0.001"))  # the column keeps three decimals


def number_text(value: Decimal | None) -> str:
    """A stored measure as people write it: ``38.5``, ``40`` (no trailing zeros, no exponent)."""
    if value is None:
        return ""
    return format(value.normalize(), "f")


def state_label(state: str) -> str:
    return {"planned": translate("Visits", "planned"), "done": translate("Visits", "done"),
            "signed": translate("Visits", "signed")}.get(state, state)


def outcome_label(outcome: str) -> str:
    return {"ok": translate("Visits", "OK"), "attention": translate("Visits", "Attention"),
            "fault": translate("Visits", "Fault")}.get(outcome, outcome)


def interval_label(interval: str) -> str:
    return {"quarterly": translate("Visits", "Quarterly"), "half_yearly": translate("Visits", "Half-yearly"),
            "yearly": translate("Visits", "Yearly")}.get(interval, interval)


def recommendation_label(category: str) -> str:
    return {"upgrade": translate("Visits", "Upgrade"), "replacement": translate("Visits", "Replacement"),
            "capacity": translate("Visits", "Capacity")}.get(category, category)


def item_kind_label(kind: str) -> str:
    return {"check": translate("Visits", "Check"), "measure": translate("Visits", "Measurement")}.get(kind, kind)
