"""Names of timeline event kinds, as the ticket window shows them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def kind_label(kind: str) -> str:
    labels = {
        "created": QCoreApplication.translate("Timeline", "Opened"),
        "diagnosis": QCoreApplication.translate("Timeline", "Diagnosis started"),
        "diagnosis_note": QCoreApplication.translate("Timeline", "Diagnosis"),
        "resolved": QCoreApplication.translate("Timeline", "Resolved remotely"),
        "dispatched": QCoreApplication.translate("Timeline", "Dispatched"),
        "veto_overridden": QCoreApplication.translate("Timeline", "Veto overridden"),
        "parts_requested": QCoreApplication.translate("Timeline", "Parts requested"),
        "remote_session": QCoreApplication.translate("Timeline", "Remote session"),
        "arrived": QCoreApplication.translate("Timeline", "Arrived on site"),
        "repaired": QCoreApplication.translate("Timeline", "Repair done"),
        "signed_off": QCoreApplication.translate("Timeline", "Customer sign-off"),
        "closed": QCoreApplication.translate("Timeline", "Closed"),
        "reopened": QCoreApplication.translate("Timeline", "Reopened"),
        "cancelled": QCoreApplication.translate("Timeline", "Cancelled"),
        "archived": QCoreApplication.translate("Timeline", "Archived"),
        "paused": QCoreApplication.translate("Timeline", "Waiting for customer"),
        "resumed": QCoreApplication.translate("Timeline", "Resumed"),
        "escalated": QCoreApplication.translate("Timeline", "Escalated"),
        "note": QCoreApplication.translate("Timeline", "Note"),
        "priority": QCoreApplication.translate("Timeline", "Priority changed"),
        "sla_warning": QCoreApplication.translate("Timeline", "Response-time warning"),
        "sla_breach": QCoreApplication.translate("Timeline", "Response-time breach"),
        "complaint_notice": QCoreApplication.translate("Timeline", "Quality complaint notice"),
        "emergency_plan": QCoreApplication.translate("Timeline", "Emergency plan"),
        "emergency_step": QCoreApplication.translate("Timeline", "Emergency plan step"),
    }
    return labels.get(kind, kind)
