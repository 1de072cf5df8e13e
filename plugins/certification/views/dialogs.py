"""Dialogs of the certificates page: issue, ask for a reason or a passphrase, show a history."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout

from app.ui.form_dialog import FormDialog, ask
from plugins.certification import service


class IssueDialog(FormDialog):
    """A trainer picks an engineer and a certificate type and unlocks the center's signing key; OK issues."""

    def __init__(self, ctx, parent=None):
        super().__init__(self.tr("Issue certificate"), parent,
                         intro=self.tr("The engineer must have passed every course the type requires."))
        self.ctx = ctx
        self.number = None
        self.setObjectName("issue_certificate_dialog")
        with ctx.reading() as session:
            engineers = [(f"{row.name} · {row.unit}", str(row.id))
                         for row in service.engineers_in_scope(session, ctx.actor)]
            types = service.list_types(session)
        months = self.tr("{n} months")
        kinds = [(f"{k.name} [{k.code}] · " + months.format(n=k.validity_months), k.code) for k in types]
        # editable: type a few letters of the name to find the engineer
        self.engineer = self.add_combo("engineer", self.tr("Engineer"), engineers, editable=True)
        self.kind = self.add_combo("type", self.tr("Certificate type"), kinds)
        self.passphrase = self.add_password("passphrase", self.tr("Signing key passphrase"),
                                            door_names=("center_key",))

    def arguments(self) -> dict:
        engineer = self.engineer.currentData()
        return {"engineer_id": uuid.UUID(engineer) if engineer else None, "type_code": self.kind.currentData(),
                "passphrase": self.passphrase.text()}

    def perform(self) -> None:
        with self.ctx.transaction() as session:
            self.number = service.issue_certificate(session, self.ctx.actor, self.ctx.hook, **self.arguments()).number


def ask_reason(parent, title: str, prompt: str, action, ask_first: tuple[str, str] | None = None) -> bool:
    """``action(reason)`` with the reason typed; a refusal stays in the prompt. True once done.
    ``ask_first``: (what happens, commit button) confirmed before a step that cannot be undone."""
    return ask(parent, title, prompt, action, name="reason", kind="multiline", ask_first=ask_first)


def ask_passphrase(parent, title: str, action) -> bool:
    """``action(passphrase)`` with the signing key's passphrase; a refusal stays in the prompt."""
    prompt = QCoreApplication.translate("IssueDialog", "Signing key passphrase")
    return ask(parent, title, prompt, action, name="passphrase", kind="password")


class HistoryDialog(QDialog):
    """``times``: each event's moment as ``app.orgs.local_time.LocalClock`` shows it."""

    def __init__(self, events, number: str, times, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("History of {number}").format(number=number))
        labels = {"issued": self.tr("Issued"), "renewed": self.tr("Renewed"), "suspended": self.tr("Suspended"),
                  "reinstated": self.tr("Reinstated"), "revoked": self.tr("Revoked")}
        table = QTableWidget(len(events), 5)
        table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Action"), self.tr("By"), self.tr("Reason"),
                                         self.tr("Valid until")])
        table.setEditTriggers(QTableWidget.NoEditTriggers)
        for r, (e, when) in enumerate(zip(events, times)):
            values = (when, labels.get(e.action, e.action), e.actor_label,
                      e.reason, e.expires_on.isoformat() if e.expires_on else "")
            for c, value in enumerate(values):
                table.setItem(r, c, QTableWidgetItem(value))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(760, 320)
