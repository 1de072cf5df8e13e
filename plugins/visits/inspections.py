"""Recording an inspection: results per checklist item, adjustments, recommendations, faults that
open tickets, completion, and the customer's signature.

Results and findings are append-only rows (see ``inspection_models``): saving the results table
again adds a row only for an item whose result changed, and the latest counts. Every check of a
call is made before its first row is written, so a refusal saves nothing. Once the customer has
signed, nothing of the inspection changes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from app.audit import service as audit
from app.auth.actor import Actor
from app.clock import utcnow
from app.errors import NotFound, ValidationError
from app.i18n import translate
from app.signature_image import check_signature_png
from app.specs import CaseRequest
from plugins.customers.service import Asset
from plugins.visits.inspection_models import (OUTCOMES, RECOMMENDATION_KINDS, Inspection, InspectionFinding,
                                              InspectionResult, InspectionSchedule)
from plugins.visits.inspection_queries import SheetItem, latest_results, sheet_machines, sheet_of, standing_findings
from plugins.visits.inspection_report import seal_report
from plugins.visits.inspection_rules import inspection_for_change, parse_measure
from plugins.visits.plan_rules import required_text, unit_today

FIELD_RESULTS = "results"


@dataclass(frozen=True)
class ResultInput:
    """One line of the results table as the engineer fills it in. ``outcome`` None on a
    measurement: judged from the expected range (inside OK, outside attention)."""

    machine_id: uuid.UUID
    item_id: uuid.UUID
    outcome: str | None
    measured: str = ""
    note: str = ""


def record_results(session, actor: Actor, inspection_id: uuid.UUID, results: list[ResultInput]) -> int:
    """Record the results; returns how many items got a new result."""
    inspection = inspection_for_change(session, actor, inspection_id)
    items = {(item.machine_id, item.item_id): (machine, item)
             for machine in sheet_machines(session, inspection.id) for item in machine.items}
    latest = latest_results(session, inspection.id)
    rows, now = [], utcnow()
    for line in results:
        if (line.machine_id, line.item_id) not in items:
            raise ValidationError(translate("Visits", "This inspection's checklist has no such item: a result can "
                                                      "only be recorded for the items of its checklist version."),
                                  field=FIELD_RESULTS)
        machine, item = items[line.machine_id, line.item_id]
        outcome, measured = _checked(line, item, machine.serial_number)
        note = (line.note or "").strip()
        before = latest.get((line.machine_id, line.item_id))
        if before is not None and (before.outcome, before.measured, before.note) == (outcome, measured, note):
            continue
        rows.append(InspectionResult(org_id=inspection.org_id, inspection_id=inspection.id,
                                     machine_id=line.machine_id, item_id=line.item_id, outcome=outcome,
                                     measured=measured, note=note, recorded_by=actor.user_id, recorded_at=now))
    session.add_all(rows)
    session.flush()
    if rows:
        audit.record(session, actor, "inspection", inspection.id, "results", str(len(rows)))
    return len(rows)


def _checked(line: ResultInput, item: SheetItem, serial: str) -> tuple[str, object]:
    where = translate("Visits", "{serial}, item {position} “{text}”").format(serial=serial, position=item.position,
                                                                           text=item.text)
    if item.kind != "measure":
        if (line.measured or "").strip():
            raise ValidationError(translate("Visits", "{where} is a check, not a measurement: it has no measured "
                                                      "value.").format(where=where), field=FIELD_RESULTS)
        if line.outcome not in OUTCOMES:
            raise ValidationError(translate("Visits", "{where}: choose OK, attention or fault.").format(where=where),
                                  field=FIELD_RESULTS)
        return line.outcome, None
    measured = parse_measure(line.measured, FIELD_RESULTS, where)
    if measured is None:
        raise ValidationError(translate("Visits", "{where} is a measurement: enter the measured value{unit}.").format(
            where=where, unit=f" ({item.unit})" if item.unit else ""), field=FIELD_RESULTS)
    if line.outcome is None:
        inside = (item.expected_min is None or measured >= item.expected_min) and \
                 (item.expected_max is None or measured <= item.expected_max)
        return ("ok" if inside else "attention"), measured
    if line.outcome not in OUTCOMES:
        raise ValidationError(translate("Visits", "{where}: choose OK, attention or fault.").format(where=where),
                              field=FIELD_RESULTS)
    return line.outcome, measured


def _finding(session, actor: Actor, inspection: Inspection, kind: str, **values) -> InspectionFinding:
    finding = InspectionFinding(org_id=inspection.org_id, inspection_id=inspection.id, kind=kind,
                                recorded_by=actor.user_id, recorded_at=utcnow(), **values)
    session.add(finding)
    session.flush()
    audit.record(session, actor, "inspection", inspection.id, kind, values.get("text", ""))
    return finding


def add_adjustment(session, actor: Actor, inspection_id: uuid.UUID, text: str) -> InspectionFinding:
    """A parameter adjusted on site (what and to which value, in the engineer's words)."""
    inspection = inspection_for_change(session, actor, inspection_id)
    text = required_text(text, "text", translate("Visits", "Adjustment"))
    return _finding(session, actor, inspection, "adjustment", text=text)


def add_recommendation(session, actor: Actor, inspection_id: uuid.UUID, category: str, text: str) -> InspectionFinding:
    """A recommendation to the customer: an upgrade, a replacement or more capacity."""
    inspection = inspection_for_change(session, actor, inspection_id)
    if category not in RECOMMENDATION_KINDS:
        raise ValidationError(translate("Visits", "Choose upgrade, replacement or capacity."), field="category")
    text = required_text(text, "text", translate("Visits", "Recommendation"))
    return _finding(session, actor, inspection, "recommendation", category=category, text=text)


def withdraw_finding(session, actor: Actor, inspection_id: uuid.UUID, finding_id: uuid.UUID) -> InspectionFinding:
    """Take back an adjustment or recommendation recorded by mistake. A fault stays: its ticket is
    open, and is closed in the tickets' own way."""
    inspection = inspection_for_change(session, actor, inspection_id)
    standing = {f.id: f for f in standing_findings(session, inspection.id)}
    finding = standing.get(finding_id)
    if finding is None:
        raise NotFound(translate("Visits", "No such finding on this inspection."))
    if finding.kind == "fault":
        raise ValidationError(translate("Visits", "A fault found stays on the inspection: it opened ticket {number}.")
                              .format(number=finding.ticket_number))
    return _finding(session, actor, inspection, "withdrawal", withdraws_id=finding.id, text=finding.text)


def report_fault(session, actor: Actor, inspection_id: uuid.UUID, *, asset_id: uuid.UUID | None, text: str,
                 priority: int = 3, hook) -> InspectionFinding:
    """A fault found on one of the inspection's machines: a ticket (category fault, from the
    inspection, with the machine's serial number) opens at once; its number stays on the finding."""
    inspection = inspection_for_change(session, actor, inspection_id)
    machines = {m.asset_id: m for m in sheet_machines(session, inspection.id)}
    if asset_id not in machines:
        raise ValidationError(translate("Visits", "Choose one of the inspection's machines."), field="asset")
    text = required_text(text, "text", translate("Visits", "Fault found"))
    asset = session.get(Asset, asset_id)
    opened = hook.open_case(session=session, request=CaseRequest(
        org_id=inspection.org_id, customer_id=inspection.customer_id, category="fault", symptom=text,
        opened_by=actor.user_id, source="inspection", serial_number=asset.serial_number, priority=priority))
    if opened is None:
        raise ValidationError(translate("Visits", "No plugin keeps tickets here: the fault cannot open one."))
    return _finding(session, actor, inspection, "fault", asset_id=asset_id, text=text, ticket_id=opened.ticket_id,
                    ticket_number=opened.ticket_number)


def complete_inspection(session, actor: Actor, inspection_id: uuid.UUID, done_on: date | None) -> Inspection:
    """The inspection is done on ``done_on``: every checklist item of every machine has a result."""
    inspection = inspection_for_change(session, actor, inspection_id)
    if done_on is None:
        raise ValidationError(translate("Visits", "Inspection date is required."), field="done_on")
    if isinstance(done_on, datetime) or not isinstance(done_on, date):
        raise ValidationError(translate("Visits", "Inspection date is a day, such as 2026-11-27."), field="done_on")
    schedule = session.get(InspectionSchedule, inspection.schedule_id)
    if schedule is not None and done_on < schedule.starts_on:
        raise ValidationError(translate("Visits", "Inspection date {day} is before its schedule starts ({start}).")
                              .format(day=done_on.isoformat(), start=schedule.starts_on.isoformat()), field="done_on")
    if done_on > unit_today(session, inspection.org_id):
        raise ValidationError(translate("Visits", "Inspection date {day} is in the future.").format(
            day=done_on.isoformat()), field="done_on")
    _require_every_result(sheet_machines(session, inspection.id),
                          translate("Visits", "The inspection cannot be completed"))
    inspection.done_on, inspection.state = done_on, "done"
    session.flush()
    audit.record(session, actor, "inspection", inspection.id, "complete", done_on.isoformat())
    return inspection


def _require_every_result(machines, what: str) -> None:
    missing = [(m, item) for m in machines for item in m.items if item.outcome is None]
    if not machines:
        raise ValidationError(translate("Visits", "{what}: it covers no machine.").format(what=what),
                              field=FIELD_RESULTS)
    if missing:
        machine, item = missing[0]
        raise ValidationError(translate("Visits", "{what}: {count} checklist items have no result yet, the first "
                                                  "being {serial}, item {position} “{text}”.").format(
            what=what, count=len(missing), serial=machine.serial_number, position=item.position, text=item.text),
            field=FIELD_RESULTS)


def sign_inspection(session, actor: Actor, inspection_id: uuid.UUID, *, signer_name: str,
                    signature_png: bytes | None) -> Inspection:
    """The customer signs the completed inspection; the report is sealed as signed."""
    inspection = inspection_for_change(session, actor, inspection_id)
    if inspection.state != "done":
        _require_every_result(sheet_machines(session, inspection.id),
                              translate("Visits", "The customer cannot sign yet"))
        raise ValidationError(translate("Visits", "The customer cannot sign yet: complete the inspection first "
                                                  "(its date)."), field="done_on")
    signer_name = required_text(signer_name, "signer_name", translate("Visits", "Signed by"))
    if len(signer_name) > 100:
        raise ValidationError(translate("Visits", "Signed by: at most 100 characters."), field="signer_name")
    if signature_png is None:
        raise ValidationError(translate("Visits", "The customer's signature is required."), field="signature")
    check_signature_png(signature_png)
    inspection.signer_name, inspection.signature_png = signer_name, bytes(signature_png)
    inspection.signed_at, inspection.state = utcnow(), "signed"
    seal_report(session, inspection, sheet_of(session, inspection))
    session.flush()
    audit.record(session, actor, "inspection", inspection.id, "sign", signer_name)
    return inspection
