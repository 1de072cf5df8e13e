"""The inspection report handed to the customer (巡检工作报告): what it shows, sealed when the
customer signs.

At signing the report's content is stored with the inspection, with the SHA-256 of that content
and the signature image: a re-print shows exactly what was signed, whatever changes later in
the registry (a customer renamed, an engineer gone, a letterhead moved), and a row changed behind
the program's back is detected instead of printed. Codes (results, recommendation kinds) stay
codes in the content and are named in the reader's language when printed."""

from __future__ import annotations

import hashlib
import json
import uuid

from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.errors import ValidationError
from app.i18n import translate
from app.orgs.local_time import LocalClock
from app.orgs.service import letterhead
from plugins.visits.inspection_models import Inspection
from plugins.visits.inspection_queries import Sheet, findings_by_kind
from plugins.visits.inspection_rules import number_text, visible_inspection

REPORT_FORMAT = 1


def report_content(session: Session, inspection: Inspection, sheet: Sheet) -> dict:
    """Everything the printed report shows, as plain values (JSON)."""
    clock = LocalClock(session)
    findings = findings_by_kind(sheet.findings)
    return {
        "format": REPORT_FORMAT,
        "inspection_id": str(inspection.id),
        "letterhead": letterhead(session, inspection.org_id),
        "customer": sheet.customer,
        "sites": sorted({m.site for m in sheet.machines if m.site}),
        "due_on": sheet.due_on.isoformat(),
        "done_on": sheet.done_on.isoformat() if sheet.done_on else "",
        "engineer": sheet.engineer,
        "machines": [{"serial_number": m.serial_number, "product_line": m.product_line, "model": m.model,
                      "site": m.site, "checklist_version": m.checklist_version,
                      "items": [{"position": i.position, "text": i.text, "kind": i.kind, "unit": i.unit,
                                 "expected_min": number_text(i.expected_min),
                                 "expected_max": number_text(i.expected_max),
                                 "outcome": i.outcome or "", "measured": number_text(i.measured), "note": i.note}
                                for i in m.items]}
                     for m in sheet.machines],
        "adjustments": [f.text for f in findings.get("adjustment", [])],
        "recommendations": [{"category": f.category, "text": f.text} for f in findings.get("recommendation", [])],
        "faults": [{"serial_number": f.serial_number, "text": f.text, "ticket_number": f.ticket_number}
                   for f in findings.get("fault", [])],
        "signer_name": inspection.signer_name,
        "signed_at": clock.text(inspection.org_id, inspection.signed_at),
        "zone_note": clock.zone_note(inspection.org_id),
    }


def fingerprint(content: dict, signature_png: bytes | None) -> str:
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(canonical + b"\x00" + (signature_png or b"")).hexdigest()


def seal_report(session: Session, inspection: Inspection, sheet: Sheet) -> None:
    """Store the report as signed (called when the customer signs)."""
    content = report_content(session, inspection, sheet)
    inspection.report = content
    inspection.report_sha256 = fingerprint(content, inspection.signature_png)


def report_document(session: Session, actor: Actor, inspection_id: uuid.UUID) -> dict:
    """The signed report, to print or re-print: its content plus ``signature_png``."""
    inspection = visible_inspection(session, actor, inspection_id)
    if inspection.state != "signed" or inspection.report is None:
        raise ValidationError(translate("Visits", "The inspection report is made once the customer has signed the "
                                                  "inspection; this one is not signed yet."))
    if fingerprint(inspection.report, inspection.signature_png) != inspection.report_sha256:
        raise ValidationError(translate("Visits", "The archived report of this inspection no longer matches what "
                                                  "the customer signed: it was changed outside the program."))
    return {**inspection.report, "signature_png": inspection.signature_png}
