"""Planning a unit's inspections for a period from its customers' schedules, and giving an
inspection to another engineer.

Each schedule date in the period gets one inspection (``(schedule, due_on)`` is unique), of the
machines the schedule covers, each with its product line's current checklist. Generating again
adds what is new, brings planned inspections with nothing recorded up to date (machines added or
retired, a newer checklist), withdraws planned ones no longer due (a schedule ended, a contract
run out) and keeps everything done. Engineers: the schedule's own, else the unit's field engineer
with the fewest inspections in the period."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth.actor import Actor
from app.errors import ValidationError
from app.i18n import translate
from app.orgs.scope import visible_unit
from app.reports.period import parse_period
from plugins.visits.checklists import current_checklists
from plugins.visits.inspection_models import Inspection, InspectionMachine, InspectionSchedule
from plugins.visits.inspection_rules import field_engineers, inspection_for_change
from plugins.visits.inspection_schedules import (covered_assets, due_dates, last_day, recorded_anything,
                                                 running_schedules)
from plugins.visits.plan_rules import Person, ensure_written_here


@dataclass(frozen=True)
class GenerationOutcome:
    """What a generation did: inspections added, brought up to date, withdrawn, kept as done or
    signed, and schedule dates skipped because no covered machine has a checklist."""

    period: str
    added: int
    refreshed: int
    withdrawn: int
    kept_done: int
    skipped: int


class EngineerLoad:
    """The field engineer with the fewest inspections in the period so far (then by name)."""

    def __init__(self, people: list[Person], existing: list[Inspection]):
        self.people = people
        self.load = Counter(i.engineer_id for i in existing if i.deleted_at is None)

    def take(self, preferred: uuid.UUID | None) -> uuid.UUID:
        chosen = preferred if preferred in {p.id for p in self.people} else min(
            self.people, key=lambda p: (self.load[p.id], p.name, str(p.id))).id
        self.load[chosen] += 1
        return chosen


def generate_inspections(session: Session, actor: Actor, org_id: uuid.UUID | None, period: str) -> GenerationOutcome:
    unit = visible_unit(session, actor, org_id)
    ensure_written_here(session, unit.id)
    span = parse_period(period)
    engineers = field_engineers(session, unit.id)
    if not engineers:
        raise ValidationError(translate("Visits", "{unit} has no active field engineer to inspect its customers.")
                              .format(unit=unit.name), field="engineer")
    existing = list(session.scalars(select(Inspection).where(
        Inspection.org_id == unit.id, Inspection.due_on >= span.start, Inspection.due_on < span.end)))
    by_date = {(i.schedule_id, i.due_on): i for i in existing}
    with_results = set(session.scalars(select(Inspection.id).where(  # results or findings: never replanned
        Inspection.id.in_([i.id for i in existing]), recorded_anything())))
    checklists = {line: c.id for line, c in current_checklists(session).items()}
    load = EngineerLoad(engineers, existing)
    counts, due = Counter(), set()
    for schedule in running_schedules(session, unit.id, span):
        assets = covered_assets(session, schedule)
        machines = {a.id: checklists[a.product_line] for a in assets if a.product_line in checklists}
        for day in due_dates(schedule.starts_on, schedule.interval, span, last_day(schedule, assets)[0]):
            due.add((schedule.id, day))
            inspection = by_date.get((schedule.id, day))
            if not machines:
                counts["skipped"] += 1
            elif inspection is None or inspection.deleted_at is not None:
                _plan(session, schedule, day, inspection, machines, load)
                counts["added"] += 1
            elif inspection.state != "planned":
                counts["kept_done"] += 1
            elif inspection.id not in with_results and _refresh(session, inspection, machines):
                counts["refreshed"] += 1
    for key, inspection in by_date.items():
        if key not in due and inspection.deleted_at is None and inspection.state == "planned" \
                and inspection.id not in with_results:
            inspection.mark_deleted()
            counts["withdrawn"] += 1
    session.flush()
    outcome = GenerationOutcome(span.label, counts["added"], counts["refreshed"], counts["withdrawn"],
                                counts["kept_done"], counts["skipped"])
    audit.record(session, actor, "inspections", unit.id, "generate", f"{unit.code} {span.label}",
                 after=outcome.__dict__)
    return outcome


def _plan(session: Session, schedule: InspectionSchedule, day, inspection: Inspection | None,
          machines: dict[uuid.UUID, uuid.UUID], load: EngineerLoad) -> None:
    engineer_id = load.take(schedule.engineer_id)
    if inspection is None:
        inspection = Inspection(org_id=schedule.org_id, schedule_id=schedule.id, customer_id=schedule.customer_id,
                                engineer_id=engineer_id, due_on=day)
        session.add(inspection)
        session.flush()
    else:  # withdrawn before and due again (a contract renewed): the same row comes back
        inspection.deleted_at = None
        inspection.engineer_id = engineer_id
    _refresh(session, inspection, machines)


def _refresh(session: Session, inspection: Inspection, machines: dict[uuid.UUID, uuid.UUID]) -> bool:
    """Make the inspection's machines and their checklist versions ``machines``; True if it changed."""
    changed = False
    rows = {m.asset_id: m for m in session.scalars(select(InspectionMachine).where(
        InspectionMachine.inspection_id == inspection.id))}
    for asset_id, checklist_id in machines.items():
        row = rows.get(asset_id)
        if row is None:
            session.add(InspectionMachine(org_id=inspection.org_id, inspection_id=inspection.id, asset_id=asset_id,
                                          checklist_id=checklist_id))
            changed = True
        elif row.deleted_at is not None or row.checklist_id != checklist_id:
            row.deleted_at, row.checklist_id = None, checklist_id
            changed = True
    for asset_id, row in rows.items():
        if asset_id not in machines and row.deleted_at is None:
            row.mark_deleted()
            changed = True
    return changed


def assign_inspection(session: Session, actor: Actor, inspection_id: uuid.UUID,
                      engineer_id: uuid.UUID | None) -> Inspection:
    """Give an inspection not yet signed to another field engineer of its unit."""
    inspection = inspection_for_change(session, actor, inspection_id)
    if engineer_id not in {p.id for p in field_engineers(session, inspection.org_id)}:
        raise ValidationError(translate("Visits", "Choose an active field engineer of the unit."), field="engineer")
    before = str(inspection.engineer_id)
    inspection.engineer_id = engineer_id
    session.flush()
    audit.record(session, actor, "inspection", inspection.id, "assign", before={"engineer": before},
                 after={"engineer": str(engineer_id)})
    return inspection
