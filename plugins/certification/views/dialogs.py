"""Dialogs of the certificates page: issue, ask for a reason or a passphrase, show a history."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QInputDialog, QLabel, QLineEdit,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from plugins.certification import service


class IssueDialog(QDialog):
    """A trainer picks an engineer and a certificate type and unlocks the center's signing key."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Issue certificate"))
        self.setObjectName("issue_certificate_dialog")
        with ctx.reading() as session:
            engineers = [(f"{u.display_name} ({u.username})", str(u.id)) for u in service.engineers_in_scope(session, ctx.actor)]
            types = service.list_types(session)
        months = self.tr("{n} months")
        kinds = [(f"{k.name} [{k.code}] · " + months.format(n=k.validity_months), k.code) for k in types]
        self.engineer = QComboBox(objectName="engineer")
        self.engineer.setEditable(True)  # type a few letters of the name to find the engineer
        for label, value in engineers:
            self.engineer.addItem(label, value)
        self.kind = QComboBox(objectName="type")
        for label, value in kinds:
            self.kind.addItem(label, value)
        self.passphrase = QLineEdit(objectName="passphrase")
        self.passphrase.setEchoMode(QLineEdit.Password)
        form = QFormLayout()
        form.addRow(self.tr("Engineer"), self.engineer)
        form.addRow(self.tr("Certificate type"), self.kind)
        form.addRow(self.tr("Signing key passphrase"), self.passphrase)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The engineer must have passed every course the type requires.")))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> dict:
        engineer = self.engineer.currentData()
        return {"engineer_id": uuid.UUID(engineer) if engineer else None, "type_code": self.kind.currentData(),
                "passphrase": self.passphrase.text()}


def ask_reason(parent, title: str, prompt: str) -> str | None:
    text, ok = QInputDialog.getMultiLineText(parent, title, prompt)
    return text if ok else None


def ask_passphrase(parent, title: str) -> str | None:
    prompt = QCoreApplication.translate("IssueDialog", "Signing key passphrase")
    text, ok = QInputDialog.getText(parent, title, prompt, QLineEdit.Password)
    return text if ok else None


class HistoryDialog(QDialog):
    def __init__(self, events, number: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("History of {number}").format(number=number))
        labels = {"issued": self.tr("Issued"), "renewed": self.tr("Renewed"), "suspended": self.tr("Suspended"),
                  "reinstated": self.tr("Reinstated"), "revoked": self.tr("Revoked")}
        table = QTableWidget(len(events), 5)
        table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Action"), self.tr("By"), self.tr("Reason"),
                                         self.tr("Valid until")])
        table.setEditTriggers(QTableWidget.NoEditTriggers)
        for r, e in enumerate(events):
            values = (e.at.astimezone().strftime("%Y-%m-%d %H:%M"), labels.get(e.action, e.action), e.actor_label,
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
