"""Reading inspections: the list of a period, and one inspection's sheet (its machines, every
checklist item with the latest result, the findings still standing)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.auth.models import User
from app.orgs.scope import org_filter, org_scope, visible_unit
from app.reports.period import parse_period
from plugins.customers.service import Asset, Customer, CustomerSite
from plugins.visits.checklists import items_of
from plugins.visits.inspection_models import (Checklist, ChecklistItem, Inspection, InspectionFinding,
                                              InspectionMachine, InspectionResult)
from plugins.visits.inspection_rules import field_engineers, visible_inspection
from plugins.visits.plan_rules import Person, unit_today


@dataclass(frozen=True)
class InspectionLine:
    id: uuid.UUID
    org_id: uuid.UUID
    customer: str
    engineer_id: uuid.UUID
    engineer: str
    due_on: date
    done_on: date | None
    state: str
    overdue: bool


@dataclass(frozen=True)
class SheetItem:
    """A checklist item on one machine, with its latest result (None: none yet)."""

    machine_id: uuid.UUID
    item_id: uuid.UUID
    position: int
    text: str
    kind: str
    unit: str
    expected_min: Decimal | None
    expected_max: Decimal | None
    outcome: str | None
    measured: Decimal | None
    note: str


@dataclass(frozen=True)
class SheetMachine:
    machine_id: uuid.UUID
    asset_id: uuid.UUID
    serial_number: str
    product_line: str
    model: str
    site: str
    checklist_version: int
    items: list[SheetItem]


@dataclass(frozen=True)
class FindingLine:
    id: uuid.UUID
    kind: str          # adjustment | recommendation | fault
    category: str      # a recommendation's kind
    serial_number: str
    text: str
    ticket_number: str
    recorded_at: datetime


@dataclass(frozen=True)
class Sheet:
    inspection_id: uuid.UUID
    org_id: uuid.UUID
    customer_id: uuid.UUID
    customer: str
    engineer_id: uuid.UUID
    engineer: str
    due_on: date
    done_on: date | None
    state: str
    signer_name: str
    signed_at: datetime | None
    machines: list[SheetMachine]
    findings: list[FindingLine]

    @property
    def missing(self) -> list[tuple[SheetMachine, SheetItem]]:
        """The items without a result yet, machine by machine."""
        return [(m, item) for m in self.machines for item in m.items if item.outcome is None]


def _name():
    return func.coalesce(func.nullif(User.display_name, ""), User.username)


def inspection_lines(session: Session, actor: Actor, period: str, org_id: uuid.UUID | None = None, *,
                     subtree: bool = False, state: str | None = None) -> list[InspectionLine]:
    """The inspections due in ``period`` the actor sees (narrowed to ``org_id``), by due date."""
    stmt = inspections_query(session, actor, period, org_id, subtree=subtree, state=state)
    return list(as_lines(session, session.execute(stmt), {}))


def inspections_query(session: Session, actor: Actor, period: str, org_id: uuid.UUID | None = None, *,
                      subtree: bool = False, state: str | None = None):
    """The rows of ``inspection_lines``, for the page and for streaming to a workbook (``as_lines``)."""
    span = parse_period(period)
    stmt = (select(Inspection.id, Inspection.org_id, Customer.name, Inspection.engineer_id, _name(),
                   Inspection.due_on, Inspection.done_on, Inspection.state)
            .join(Customer, Customer.id == Inspection.customer_id).join(User, User.id == Inspection.engineer_id)
            .where(Inspection.deleted_at.is_(None), Inspection.due_on >= span.start, Inspection.due_on < span.end,
                   org_scope(actor, Inspection.org_id),
                   org_filter(session, actor, Inspection.org_id, org_id, subtree))
            .order_by(Inspection.due_on, Customer.name, Inspection.id))
    if state:
        stmt = stmt.where(Inspection.state == state)
    return stmt


def as_lines(session: Session, rows, today: dict[uuid.UUID, date]):
    """``inspections_query`` rows as lines, overdue against each unit's today (kept in ``today``)."""
    for row in rows:
        if row.org_id not in today:
            today[row.org_id] = unit_today(session, row.org_id)
        yield InspectionLine(*row, overdue=row.state == "planned" and row.due_on < today[row.org_id])


def engineer_choices(session: Session, actor: Actor, org_id: uuid.UUID | None) -> list[Person]:
    """Who may be given the unit's inspections: its active field engineers."""
    return field_engineers(session, visible_unit(session, actor, org_id).id)


def inspection_sheet(session: Session, actor: Actor, inspection_id: uuid.UUID) -> Sheet:
    return sheet_of(session, visible_inspection(session, actor, inspection_id))


def sheet_of(session: Session, inspection: Inspection) -> Sheet:
    customer = session.get(Customer, inspection.customer_id)
    engineer = session.get(User, inspection.engineer_id)
    return Sheet(inspection.id, inspection.org_id, inspection.customer_id, customer.name,
                 inspection.engineer_id, (engineer.display_name or engineer.username) if engineer else "",
                 inspection.due_on, inspection.done_on, inspection.state, inspection.signer_name,
                 inspection.signed_at, sheet_machines(session, inspection.id), standing_findings(session, inspection.id))


def live_machines(session: Session, inspection_id: uuid.UUID) -> list[tuple[InspectionMachine, Asset]]:
    """The inspection's machines with their registry rows, by serial number."""
    return list(session.execute(select(InspectionMachine, Asset).join(Asset, Asset.id == InspectionMachine.asset_id)
                                .where(InspectionMachine.inspection_id == inspection_id,
                                       InspectionMachine.deleted_at.is_(None))
                                .order_by(Asset.serial_number)))


def latest_results(session: Session, inspection_id: uuid.UUID) -> dict[tuple[uuid.UUID, uuid.UUID],
                                                                        InspectionResult]:
    """The result that counts per (machine, item): the latest recorded."""
    latest: dict[tuple[uuid.UUID, uuid.UUID], InspectionResult] = {}
    for result in session.scalars(select(InspectionResult).where(InspectionResult.inspection_id == inspection_id)
                                  .order_by(InspectionResult.recorded_at, InspectionResult.id)):
        latest[result.machine_id, result.item_id] = result
    return latest


def sheet_machines(session: Session, inspection_id: uuid.UUID) -> list[SheetMachine]:
    results = latest_results(session, inspection_id)
    machines, items_by_checklist, versions = [], {}, {}
    sites = {}
    for machine, asset in live_machines(session, inspection_id):
        if machine.checklist_id not in items_by_checklist:
            items_by_checklist[machine.checklist_id] = items_of(session, machine.checklist_id)
            versions[machine.checklist_id] = session.get(Checklist, machine.checklist_id).version
        if asset.site_id and asset.site_id not in sites:
            site = session.get(CustomerSite, asset.site_id)
            sites[asset.site_id] = " ".join(x for x in (site.name, site.address) if x) if site else ""
        items = [_sheet_item(machine.id, item, results.get((machine.id, item.id)))
                 for item in items_by_checklist[machine.checklist_id]]
        machines.append(SheetMachine(machine.id, asset.id, asset.serial_number, asset.product_line, asset.model,
                                     sites.get(asset.site_id, ""), versions[machine.checklist_id], items))
    return machines


def _sheet_item(machine_id: uuid.UUID, item: ChecklistItem, result: InspectionResult | None) -> SheetItem:
    return SheetItem(machine_id, item.id, item.position, item.text, item.kind, item.unit, item.expected_min,
                     item.expected_max, result.outcome if result else None, result.measured if result else None,
                     result.note if result else "")


def standing_findings(session: Session, inspection_id: uuid.UUID) -> list[FindingLine]:
    """Adjustments, recommendations and faults not withdrawn, in the order they were recorded."""
    rows = list(session.execute(select(InspectionFinding, Asset.serial_number)
                                .outerjoin(Asset, Asset.id == InspectionFinding.asset_id)
                                .where(InspectionFinding.inspection_id == inspection_id)
                                .order_by(InspectionFinding.recorded_at, InspectionFinding.id)))
    withdrawn = {f.withdraws_id for f, _ in rows if f.kind == "withdrawal"}
    return [FindingLine(f.id, f.kind, f.category, serial or "", f.text, f.ticket_number, f.recorded_at)
            for f, serial in rows if f.kind != "withdrawal" and f.id not in withdrawn]


def findings_by_kind(findings: list[FindingLine]) -> dict[str, list[FindingLine]]:
    grouped: dict[str, list[FindingLine]] = defaultdict(list)
    for finding in findings:
        grouped[finding.kind].append(finding)
    return grouped
