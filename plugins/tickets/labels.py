"""Every name the tickets plugin shows for a code: states, categories, channels, priorities,
how an expired machine's case is handled, timeline event kinds and the ticket window's actions.
Rows store codes; the reader's language is chosen when they are shown. No Qt."""

from __future__ import annotations

from app.i18n import translate


def state_label(state: str) -> str:
    return {
        "new": translate("Tickets", "New"), "diagnosing": translate("Tickets", "Diagnosing"),
        "resolved_remotely": translate("Tickets", "Resolved remotely"),
        "dispatched": translate("Tickets", "Dispatched"), "on_site": translate("Tickets", "On site"),
        "awaiting_signoff": translate("Tickets", "Awaiting sign-off"),
        "waiting_for_customer": translate("Tickets", "Waiting for customer"),
        "closed": translate("Tickets", "Closed"), "archived": translate("Tickets", "Archived"),
        "cancelled": translate("Tickets", "Cancelled"),
    }.get(state, state)


def category_label(category: str) -> str:
    return {"fault": translate("Tickets", "Fault"), "consultation": translate("Tickets", "Consultation"),
            "maintenance": translate("Tickets", "Maintenance request"),
            "quality_complaint": translate("Tickets", "Quality complaint")}.get(category, category)


def channel_label(channel: str) -> str:
    return {"hotline": translate("Tickets", "400/800 hotline"), "phone": translate("Tickets", "Phone"),
            "fax": translate("Tickets", "Fax"), "email": translate("Tickets", "E-mail"),
            "remote": translate("Tickets", "Remote"), "on_site": translate("Tickets", "On site")}.get(channel, channel)


def priority_label(priority: int) -> str:
    return {1: translate("Tickets", "P1 critical"), 2: translate("Tickets", "P2 high"),
            3: translate("Tickets", "P3 normal"), 4: translate("Tickets", "P4 low")}.get(priority, str(priority))


def qualification_label(state: str) -> str:
    """What an engineer holds for a job (hook ``engineer_qualification``), as the dispatcher reads it."""
    return {"valid": translate("Tickets", "Certificate valid"), "expiring": translate("Tickets", "Certificate expiring"),
            "none": translate("Tickets", "No certificate")}.get(state, state)


def handling_label(handling: str) -> str:
    return {"billable": translate("Tickets", "Billable service"),
            "goodwill": translate("Tickets", "Goodwill (free of charge)"),
            "renewal": translate("Tickets", "Renewal requested")}.get(handling, handling)


def kind_label(kind: str) -> str:
    labels = {
        "created": translate("Timeline", "Opened"),
        "diagnosis": translate("Timeline", "Diagnosis started"),
        "diagnosis_note": translate("Timeline", "Diagnosis"),
        "resolved": translate("Timeline", "Resolved remotely"),
        "dispatched": translate("Timeline", "Dispatched"),
        "veto_overridden": translate("Timeline", "Veto overridden"),
        "parts_requested": translate("Timeline", "Parts requested"),
        "remote_session": translate("Timeline", "Remote session"),
        "arrived": translate("Timeline", "Arrived on site"),
        "repaired": translate("Timeline", "Repair done"),
        "signed_off": translate("Timeline", "Customer sign-off"),
        "closed": translate("Timeline", "Closed"),
        "reopened": translate("Timeline", "Reopened"),
        "cancelled": translate("Timeline", "Cancelled"),
        "archived": translate("Timeline", "Archived"),
        "paused": translate("Timeline", "Waiting for customer"),
        "resumed": translate("Timeline", "Resumed"),
        "escalated": translate("Timeline", "Escalated"),
        "expert_answer": translate("Timeline", "Expert answer"),
        "note": translate("Timeline", "Note"),
        "priority": translate("Timeline", "Priority changed"),
        "sla_warning": translate("Timeline", "Response-time warning"),
        "sla_breach": translate("Timeline", "Response-time breach"),
        "complaint_notice": translate("Timeline", "Quality complaint notice"),
        "emergency_plan": translate("Timeline", "Emergency plan"),
        "emergency_step": translate("Timeline", "Emergency plan step"),
        "coverage": translate("Timeline", "Contract / warranty"),
        "opened_for": translate("Timeline", "Opened from a finding"),
        "follow_on_case": translate("Timeline", "Follow-on case"),
        "withdrawn": translate("Timeline", "Withdrawn"),
    }
    return labels.get(kind, kind)


def source_label(source: str) -> str:
    """What found a case unsolved or opened it (``CaseRequest.source``); another plugin's own word as it is."""
    return {"follow_up": translate("Tickets", "follow-up call"),
            "inspection": translate("Tickets", "technical inspection")}.get(source, source)


def action_label(action: str) -> str:
    """The ticket window's button for ``action`` (an id of ``ACTIONS`` in the actions module)."""
    return {
        "diagnose": translate("Tickets", "Start diagnosis"), "record_diagnosis": translate("Tickets", "Diagnosis…"),
        "resolve": translate("Tickets", "Resolve remotely…"), "remote": translate("Tickets", "Remote session…"),
        "dispatch": translate("Tickets", "Dispatch…"), "arrive": translate("Tickets", "Arrived on site"),
        "repair": translate("Tickets", "Repair order…"), "close": translate("Tickets", "Close"),
        "wait": translate("Tickets", "Wait for customer…"), "resume": translate("Tickets", "Resume"),
        "escalate": translate("Tickets", "Escalate…"), "expert": translate("Tickets", "Expert consultation…"),
        "answer": translate("Tickets", "Answer…"), "note": translate("Tickets", "Add note…"),
        "step_done": translate("Tickets", "Step done…"), "reopen": translate("Tickets", "Reopen…"),
        "cancel": translate("Tickets", "Cancel ticket…"), "archive": translate("Tickets", "Archive"),
        "pdf": translate("Tickets", "Export repair order (PDF)…"),
        "print": translate("Tickets", "Print repair order…"), "undo": translate("Tickets", "Undo"),
    }.get(action, action)


def case_state_label(state: str, signed: bool = False) -> str:
    """The state as a case's header and lists show it: a repair order the customer has signed no
    longer reads as waiting for the signature."""
    if state == "awaiting_signoff" and signed:
        return translate("Tickets", "Signed off, ready to close")
    return state_label(state)
