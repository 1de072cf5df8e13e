"""Inspection checklists per product line: HQ reference data, published in versions.

A version never changes once published: editing a checklist publishes the next version, and an
inspection keeps the version its machines were planned with. Only HQ edits them (a checklist
written in a branch's database would never reach HQ nor the other branches)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth.actor import Actor
from app.errors import NotFound, ValidationError
from app.i18n import translate
from app.ids import reference_id
from plugins.visits.checklist_defaults import DEFAULT_CHECKLISTS, ItemSpec
from plugins.visits.inspection_models import ITEM_KINDS, Checklist, ChecklistItem
from plugins.visits.inspection_rules import parse_measure
from plugins.visits.permissions import CHECKLISTS_MANAGE
from plugins.visits.plan_rules import ensure_written_here

MAX_ITEMS = 100


@dataclass(frozen=True)
class ChecklistRow:
    """A product line's current checklist on the checklists page."""

    id: uuid.UUID
    product_line: str
    version: int
    items: int
    published_at: datetime


@dataclass(frozen=True)
class ChecklistAction:
    """Something the checklists page offers, and whether this user may do it now (and if not, why)."""

    id: str  # edit
    label: str
    enabled: bool
    reason: str = ""


def editing_refusal(actor: Actor) -> str:
    """Why this user may not edit checklists, or "" when they may (the door refuses with it)."""
    if not actor.has(CHECKLISTS_MANAGE):
        return translate("Visits", "You may not edit inspection checklists.")
    if actor.tier != "hq":
        return translate("Visits", "Inspection checklists are maintained at HQ.")
    return ""


def checklist_actions(session: Session, actor: Actor) -> list[ChecklistAction]:
    reason = editing_refusal(actor)
    return [ChecklistAction("edit", translate("Visits", "Edit checklist…"), not reason, reason)]


def current_checklists(session: Session) -> dict[str, Checklist]:
    """The newest version of every product line's checklist."""
    newest = (select(Checklist.product_line, func.max(Checklist.version).label("version"))
              .where(Checklist.deleted_at.is_(None)).group_by(Checklist.product_line).subquery())
    found = session.scalars(select(Checklist).join(newest, (newest.c.product_line == Checklist.product_line)
                                                   & (newest.c.version == Checklist.version)))
    return {checklist.product_line: checklist for checklist in found}


def checklist_rows(session: Session, actor: Actor) -> list[ChecklistRow]:
    current = current_checklists(session)
    counts = dict(session.execute(select(ChecklistItem.checklist_id, func.count()).where(
        ChecklistItem.checklist_id.in_([c.id for c in current.values()])).group_by(ChecklistItem.checklist_id)).all())
    return [ChecklistRow(c.id, line, c.version, counts.get(c.id, 0), c.created_at)
            for line, c in sorted(current.items())]


def checklist_items(session: Session, actor: Actor, checklist_id: uuid.UUID) -> list[ChecklistItem]:
    """The items of one version, in order."""
    if session.get(Checklist, checklist_id) is None:
        raise NotFound(translate("Visits", "No such checklist."))
    return items_of(session, checklist_id)


def items_of(session: Session, checklist_id: uuid.UUID) -> list[ChecklistItem]:
    return list(session.scalars(select(ChecklistItem).where(ChecklistItem.checklist_id == checklist_id)
                                .order_by(ChecklistItem.position)))


def publish_checklist(session: Session, actor: Actor, product_line: str, items: list[ItemSpec]) -> Checklist:
    """Publish the next version of ``product_line``'s checklist with ``items`` (HQ only; the door
    checked it). Inspections planned before keep the version they have."""
    ensure_written_here(session, actor.org_id)
    product_line = (product_line or "").strip()
    if not product_line:
        raise ValidationError(translate("Visits", "Product line is required."), field="product_line")
    checked = [_checked_item(number, item) for number, item in enumerate(items, start=1)]
    _check_list(checked)
    current = current_checklists(session).get(product_line)
    if current is not None and [_spec(i) for i in items_of(session, current.id)] == checked:
        raise ValidationError(translate("Visits", "Version {version} of the {line} checklist already has exactly "
                                                  "these items.").format(version=current.version, line=product_line),
                              field="items")
    version = (current.version + 1) if current is not None else 1
    checklist = _add(session, actor.org_id, product_line, version, checked, actor.user_id)
    audit.record(session, actor, "inspection_checklist", checklist.id, "publish", f"{product_line} v{version}")
    return checklist


def _checked_item(number: int, item: ItemSpec) -> ItemSpec:
    label = translate("Visits", "Item {number}").format(number=number)
    text = (item.text or "").strip()
    if not text:
        raise ValidationError(translate("Visits", "{label}: the text is required.").format(label=label), field="items")
    if len(text) > 300:
        raise ValidationError(translate("Visits", "{label}: at most 300 characters.").format(label=label),
                              field="items")
    if item.kind not in ITEM_KINDS:
        raise ValidationError(translate("Visits", "{label}: unknown kind “{kind}”.").format(
            label=label, kind=item.kind), field="items")
    unit = (item.unit or "").strip()
    low = parse_measure(item.expected_min, "items", label)
    high = parse_measure(item.expected_max, "items", label)
    if item.kind == "check" and (unit or low is not None or high is not None):
        raise ValidationError(translate("Visits", "{label}: only a measurement has a unit and an expected range.")
                              .format(label=label), field="items")
    if len(unit) > 16:
        raise ValidationError(translate("Visits", "{label}: the unit has at most 16 characters.").format(label=label),
                              field="items")
    if low is not None and high is not None and low > high:
        raise ValidationError(translate("Visits", "{label}: the expected range ends below its start.").format(
            label=label), field="items")
    return ItemSpec(text, item.kind, unit, low, high)


def _check_list(items: list[ItemSpec]) -> None:
    if not items:
        raise ValidationError(translate("Visits", "A checklist needs at least one item."), field="items")
    if len(items) > MAX_ITEMS:
        raise ValidationError(translate("Visits", "A checklist has at most {count} items.").format(count=MAX_ITEMS),
                              field="items")
    seen = set()
    for item in items:
        if item.text in seen:
            raise ValidationError(translate("Visits", "The item “{text}” appears twice.").format(text=item.text),
                                  field="items")
        seen.add(item.text)


def _spec(item: ChecklistItem) -> ItemSpec:
    return ItemSpec(item.text, item.kind, item.unit, item.expected_min, item.expected_max)


def _add(session: Session, org_id: uuid.UUID, product_line: str, version: int, items: list[ItemSpec],
         published_by: uuid.UUID | None, *, reference: bool = False) -> Checklist:
    key = f"{product_line}:{version}"

    def fixed_id(kind: str, code: str) -> dict:
        return {"id": reference_id(kind, code)} if reference else {}

    checklist = Checklist(**fixed_id("inspection_checklist", key), org_id=org_id, product_line=product_line,
                          version=version, published_by=published_by)
    session.add(checklist)
    session.flush()
    for position, item in enumerate(items, start=1):
        session.add(ChecklistItem(**fixed_id("inspection_checklist_item", f"{key}:{position}"), org_id=org_id,
                                  checklist_id=checklist.id, position=position, text=item.text, kind=item.kind,
                                  unit=item.unit, expected_min=item.expected_min, expected_max=item.expected_max))
    session.flush()
    return checklist


def ensure_default_checklists(session: Session, hq_id: uuid.UUID) -> list[Checklist]:
    """Version 1 of the standard checklists for every product line that has none (bootstrap and
    demo). Their ids are the same in every database, so HQ's copies replace a branch's."""
    existing = set(session.scalars(select(Checklist.product_line)))
    return [_add(session, hq_id, line, 1, list(items), None, reference=True)
            for line, items in DEFAULT_CHECKLISTS.items() if line not in existing]
