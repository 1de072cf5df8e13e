"""Dialogs behind the ticket window's buttons: dispatch (with the veto shown and a manager's
override), a remote session with the customer's authorisation, and a reason or text prompt."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QLabel, QLineEdit, QPlainTextEdit

from app.clock import utcnow
from app.ui.form_dialog import FormDialog
from app.specs import DispatchCheck, PartLine
from plugins.tickets import service


def to_qt(moment) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


def from_qt(value: QDateTime):
    return value.toPython().astimezone()


class TextDialog(FormDialog):
    """One text (a reason, a note, a resolution) handed to ``action(text)``."""

    def __init__(self, title: str, label: str, action, parent=None, text: str = ""):
        super().__init__(title, parent)
        self.action = action
        self.text = QPlainTextEdit(text)
        self.text.setMinimumHeight(100)
        self.form.addRow(label, self.text)

    def perform(self) -> None:
        self.action(self.text.toPlainText())


class DispatchDialog(FormDialog):
    def __init__(self, ctx, ticket_id, run, parent=None):
        super().__init__(self.tr("Dispatch an on-site engineer"), parent)
        self.ctx, self.ticket_id, self.run = ctx, ticket_id, run
        self.engineer = QComboBox()
        with ctx.reading() as session:
            ticket = service.load_ticket(session, ctx.actor, ticket_id)
            self.product_line = ticket.product_line or None
            for user in service.eligible_engineers(session, ctx.actor, ticket_id):
                self.engineer.addItem(user.display_name or user.username, (user.id, user.org_id))
        self.eta = QDateTimeEdit(to_qt(utcnow() + timedelta(hours=4)), calendarPopup=True,
                                 displayFormat="yyyy-MM-dd HH:mm")
        self.parts = QLineEdit(placeholderText=self.tr("Part numbers to bring, e.g. PSU-800W×2, HDD-1.2T"))
        self.veto = QLabel()
        self.veto.setWordWrap(True)
        self.veto.setStyleSheet("color: #8a4b00")
        self.override = QLineEdit(placeholderText=self.tr("Reason for overriding the veto"))
        self.override.setEnabled(False)
        self.form.addRow(self.tr("Engineer"), self.engineer)
        self.form.addRow(self.tr("Expected on site"), self.eta)
        self.form.addRow(self.tr("Parts"), self.parts)
        self.form.addRow(self.veto)
        self.form.addRow(self.tr("Override"), self.override)
        self.engineer.currentIndexChanged.connect(self.check_veto)
        self.check_veto()

    def vetoes(self) -> list[str]:
        data = self.engineer.currentData()
        if data is None:
            return []
        check = DispatchCheck(data[0], data[1], self.product_line, utcnow())
        with self.ctx.reading() as session:
            return [v for v in self.ctx.hook.can_dispatch(session=session, check=check) if v]

    def check_veto(self) -> None:
        vetoes = [v.strip().rstrip("。.") for v in self.vetoes()]
        manager = self.ctx.actor.has(service.OVERRIDE_VETO)
        if not vetoes:
            self.veto.setText("")
        elif manager:
            self.veto.setText(self.tr("Veto: {reasons}. As a manager you may override it with a reason.")
                              .format(reasons="; ".join(vetoes)))
        else:
            self.veto.setText(self.tr("Veto: {reasons}. Only a branch manager may override it.")
                              .format(reasons="; ".join(vetoes)))
        self.override.setEnabled(bool(vetoes) and manager)

    def part_lines(self) -> tuple[PartLine, ...]:
        lines = []
        for chunk in self.parts.text().replace("，", ",").split(","):
            number, _, quantity = chunk.strip().replace("x", "×").partition("×")
            if number.strip():
                lines.append(PartLine(number.strip(), int(quantity) if quantity.strip().isdigit() else 1))
        return tuple(lines)

    def perform(self) -> None:
        data = self.engineer.currentData()
        engineer_id = data[0] if data else None
        self.run(lambda session: service.dispatch(
            session, self.ctx.actor, self.ticket_id, engineer_id=engineer_id, eta=from_qt(self.eta.dateTime()),
            hook=self.ctx.hook, parts=self.part_lines(), override_reason=self.override.text()))


class RemoteSessionDialog(FormDialog):
    def __init__(self, ctx, ticket_id, run, parent=None):
        super().__init__(self.tr("Remote session"), parent)
        self.ctx, self.ticket_id, self.run = ctx, ticket_id, run
        notice = QLabel(self.tr("A remote login is recorded only with the customer's authorisation."))
        notice.setWordWrap(True)
        self.authorised_by = QLineEdit(placeholderText=self.tr("Name of the customer's person who authorised it"))
        self.authorised_at = QDateTimeEdit(to_qt(utcnow()), calendarPopup=True, displayFormat="yyyy-MM-dd HH:mm")
        self.scope = QLineEdit(placeholderText=self.tr("e.g. read BMC logs on the affected server only"))
        self.findings = QPlainTextEdit()
        self.form.addRow(notice)
        self.form.addRow(self.tr("Authorised by"), self.authorised_by)
        self.form.addRow(self.tr("Authorised at"), self.authorised_at)
        self.form.addRow(self.tr("Scope"), self.scope)
        self.form.addRow(self.tr("Findings"), self.findings)

    def perform(self) -> None:
        self.run(lambda session: service.record_remote_session(
            session, self.ctx.actor, self.ticket_id, authorised_by=self.authorised_by.text(),
            authorised_at=from_qt(self.authorised_at.dateTime()), scope=self.scope.text(),
            findings=self.findings.toPlainText()))
