"""Enrol engineers into a session (seats first, then the waiting list), or cancel an enrolment."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem
from sqlalchemy import select

from app.errors import ValidationError
from app.orgs.models import OrgUnit
from app.ui.form_dialog import FormDialog
from plugins.training import service


class EnrolDialog(FormDialog):
    """Tick engineers of one's unit; each is enrolled in turn, so the order ticked is the queue order."""

    def __init__(self, ctx, session_id, parent=None):
        super().__init__(self.tr("Enrol engineers"), parent, ok_text=self.tr("Enrol"), cancel_text=self.tr("Cancel"),
                         enter_submits=False)  # Enter in the filter must not enrol whoever is ticked
        self.ctx, self.session_id = ctx, session_id
        self.outcome: list[str] = []
        self.filter = self.add_text("filter", None, placeholder=self.tr("Filter by name or org unit"))
        self.filter.textChanged.connect(self._apply_filter)
        self.engineers = self.add_widget("engineers", None, QListWidget(), door_names=("engineer",))
        self.resize(420, 480)
        self._fill()

    def _fill(self) -> None:
        with self.ctx.reading() as session:
            rows = service.session_enrolments(session, self.ctx.actor, self.session_id)
            taken = {r.engineer_id for r in rows if r.state != "cancelled"}
            codes = dict(session.execute(select(OrgUnit.id, OrgUnit.code)).all())
            people = [(u.id, u.display_name or u.username, codes.get(u.org_id, ""))
                      for u in service.engineers(session, self.ctx.actor) if u.id not in taken]
            missing = service.missing_prerequisites(session, self.ctx.actor, self.session_id,
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

    def perform(self) -> None:
        chosen = [self.engineers.item(i) for i in range(self.engineers.count())
                  if self.engineers.item(i).checkState() == Qt.Checked]
        if not chosen:
            raise ValidationError(self.tr("Tick at least one engineer."), field="engineers")
        with self.ctx.transaction() as session:  # all or nothing: one refusal enrols nobody
            states = [service.enrol(session, self.ctx.actor, self.session_id,
                                              item.data(Qt.UserRole)).state for item in chosen]
        self.outcome = states


class CancelEnrolmentDialog(FormDialog):
    def __init__(self, ctx, enrolment_id, engineer: str, parent=None):
        super().__init__(self.tr("Cancel enrolment"), parent, ok_text=self.tr("Cancel enrolment"),
                         cancel_text=self.tr("Keep"),
                         intro=self.tr("Cancel the enrolment of {name}? The first engineer on the waiting list "
                                       "takes the seat.").format(name=engineer))
        self.ctx, self.enrolment_id = ctx, enrolment_id
        self.promoted = None
        self.reason = self.add_text("reason", self.tr("Reason"))

    def perform(self) -> None:
        with self.ctx.transaction() as session:
            promoted = service.cancel_enrolment(session, self.ctx.actor, self.enrolment_id, self.reason.text())
            self.promoted = promoted.id if promoted else None
