"""Enrol engineers into a session (seats first, then the waiting list), or cancel an enrolment."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QVBoxLayout)
from sqlalchemy import select

from app.errors import UserError
from app.orgs.models import OrgUnit
from plugins.training import enrolment_service, service


class EnrolDialog(QDialog):
    """Tick engineers of one's unit; each is enrolled in turn, so the order ticked is the queue order."""

    def __init__(self, ctx, session_id, parent=None):
        super().__init__(parent)
        self.ctx, self.session_id = ctx, session_id
        self.outcome: list[str] = []
        self.setWindowTitle(self.tr("Enrol engineers"))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by name or org unit"))
        self.filter.textChanged.connect(self._apply_filter)
        self.engineers = QListWidget()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828")
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Enrol"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.engineers)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(420, 480)
        self._fill()

    def _fill(self) -> None:
        with self.ctx.reading() as session:
            rows = enrolment_service.session_enrolments(session, self.ctx.actor, self.session_id)
            taken = {r.engineer_id for r in rows if r.state != "cancelled"}
            codes = dict(session.execute(select(OrgUnit.id, OrgUnit.code)).all())
            people = [(u.id, u.display_name or u.username, codes.get(u.org_id, ""))
                      for u in service.engineers(session, self.ctx.actor) if u.id not in taken]
            missing = enrolment_service.missing_prerequisites(session, self.ctx.actor, self.session_id,
                                                              [user_id for user_id, *_ in people])
        for user_id, name, code in people:
            item = QListWidgetItem(f"{name}  ({code})")
            item.setData(Qt.UserRole, user_id)
            item.setCheckState(Qt.Unchecked)
            if user_id in missing:  # shown, so the trainer sees why, but not selectable
                item.setText(self.tr("{name}  ({code}) — prerequisite not passed: {courses}").format(
                    name=name, code=code, courses="、".join(missing[user_id])))
                item.setFlags(item.flags() & ~Qt.ItemIsEnabled)
            self.engineers.addItem(item)

    def _apply_filter(self, text: str) -> None:
        for i in range(self.engineers.count()):
            item = self.engineers.item(i)
            item.setHidden(bool(text) and text.lower() not in item.text().lower())

    def check(self, name: str) -> None:
        """Tick the engineer whose label starts with ``name`` (as a user would click it)."""
        for i in range(self.engineers.count()):
            if self.engineers.item(i).text().startswith(name):
                self.engineers.item(i).setCheckState(Qt.Checked)

    def save(self) -> None:
        chosen = [self.engineers.item(i) for i in range(self.engineers.count())
                  if self.engineers.item(i).checkState() == Qt.Checked]
        if not chosen:
            self.message.setText(self.tr("Tick at least one engineer."))
            return
        try:
            with self.ctx.transaction() as session:  # all or nothing: one refusal enrols nobody
                states = [enrolment_service.enrol(session, self.ctx.actor, self.session_id,
                                                  item.data(Qt.UserRole)).state for item in chosen]
        except UserError as exc:
            self.message.setText(str(exc))
            return
        self.outcome = states
        self.accept()


class CancelEnrolmentDialog(QDialog):
    def __init__(self, ctx, enrolment_id, engineer: str, parent=None):
        super().__init__(parent)
        self.ctx, self.enrolment_id = ctx, enrolment_id
        self.promoted = None
        self.setWindowTitle(self.tr("Cancel enrolment"))
        self.reason = QLineEdit()
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828")
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Cancel enrolment"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Keep"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Cancel the enrolment of {name}? The first engineer on the waiting list "
                                        "takes the seat.").format(name=engineer)))
        layout.addWidget(QLabel(self.tr("Reason")))
        layout.addWidget(self.reason)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            with self.ctx.transaction() as session:
                promoted = enrolment_service.cancel(session, self.ctx.actor, self.enrolment_id, self.reason.text())
                self.promoted = promoted.id if promoted else None
        except UserError as exc:
            self.message.setText(str(exc))
            return
        self.accept()
