"""What every inspection operation checks (the inspection in scope and written here, not yet
signed; the engineers of a unit; a measured value) and the names shown for the codes."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.auth.roles import FIELD_ENGINEER
from app.errors import NotFound, ValidationError
from app.i18n import translate
from app.orgs.scope import org_scope
from app.user_values import parse_decimal
from plugins.visits.inspection_models import MEASURE, Inspection
from plugins.visits.plan_rules import Person, ensure_written_here, people_of

MEASURE_LIMIT = Decimal("999999999.999")  # what a Numeric(12, 3) column holds


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
    # Locked, then read again: a signature given meanwhile in another session is seen here, so a
    # signed inspection never takes a change (nor a second signature).
    session.refresh(inspection, with_for_update=True)
    if inspection.state == "signed":
        raise ValidationError(translate("Visits", "This inspection is signed by the customer and can no longer "
                                                  "change."))
    return inspection


def parse_measure(text: str | Decimal | float | None, field: str, label: str) -> Decimal | None:
    """A measured value or range bound as typed (``38.5``, ``-2``, ``1,5``); empty is None. No
    more than the three decimals and the magnitude the column keeps (never rounded)."""
    if isinstance(text, str):
        text = text.strip().replace(",", ".")
    elif isinstance(text, bool) or (text is not None and not isinstance(text, (Decimal, int, float))):
        raise ValidationError(translate("Visits", "{label}: “{text}” is not a number.").format(
            label=label, text=text), field=field)
    try:
        return parse_decimal(text, places=MEASURE.scale, maximum=MEASURE_LIMIT, field=field)
    except ValidationError as refusal:
        raise ValidationError(f"{label}: {refusal}", field=field) from None


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
