"""Plan a session of a course: dates, place or online, trainer, capacity."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QSpinBox, QVBoxLayout)

from app.errors import UserError
from plugins.training import enrolment_service, service


class SessionDialog(QDialog):
    def __init__(self, ctx, parent=None, session_id=None):
        super().__init__(parent)
        self.ctx, self.session_id = ctx, session_id
        self.created_id = None
        self.promoted = 0
        self.setWindowTitle(self.tr("Edit training session") if session_id else self.tr("New training session"))
        self.course, self.trainer = QComboBox(), QComboBox()
        today = QDate.currentDate()
        self.starts_on, self.ends_on = QDateEdit(today.addDays(14)), QDateEdit(today.addDays(15))
        for edit in (self.starts_on, self.ends_on):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.starts_on.dateChanged.connect(lambda d: self.ends_on.setDate(max(d, self.ends_on.date())))
        self.online = QCheckBox(self.tr("Online"))
        self.location = QLineEdit()
        self.location.setPlaceholderText(self.tr("Training room, address"))
        self.online.toggled.connect(lambda on: self.location.setEnabled(not on))
        self.capacity = QSpinBox()
        self.capacity.setRange(1, 500)
        self.capacity.setValue(12)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828")
        self.message.setWordWrap(True)
        self._fill()
        self._build()
        if session_id is not None:
            self._load()

    def _fill(self) -> None:
        with self.ctx.reading() as session:
            for course in service.list_courses(session, self.ctx.actor):
                self.course.addItem(f"{course.code}  {course.title}", course.id)
            for trainer in service.trainers(session, self.ctx.actor):
                self.trainer.addItem(trainer.display_name or trainer.username, trainer.id)
        self.trainer.setCurrentIndex(max(0, self._index(self.trainer, self.ctx.actor.user_id)))  # the planner

    def _load(self) -> None:
        with self.ctx.reading() as session:
            row = service.get_session(session, self.ctx.actor, self.session_id)
            self.course.setCurrentIndex(max(0, self._index(self.course, row.course_id)))
            self.starts_on.setDate(QDate(row.starts_on))
            self.ends_on.setDate(QDate(row.ends_on))
            self.online.setChecked(row.online)
            self.location.setText(row.location)
            self.trainer.setCurrentIndex(max(0, self._index(self.trainer, row.trainer_id)))
            self.capacity.setValue(row.capacity)
        self.course.setEnabled(False)  # another course is another session

    @staticmethod
    def _index(combo: QComboBox, value) -> int:
        return next((i for i in range(combo.count()) if combo.itemData(i) == value), -1)

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Course"), self.course)
        form.addRow(self.tr("Starts on"), self.starts_on)
        form.addRow(self.tr("Ends on"), self.ends_on)
        form.addRow("", self.online)
        form.addRow(self.tr("Place"), self.location)
        form.addRow(self.tr("Trainer"), self.trainer)
        form.addRow(self.tr("Capacity"), self.capacity)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(460, 320)

    def save(self) -> None:
        if self.course.currentData() is None or self.trainer.currentData() is None:
            self.message.setText(self.tr("Choose a course and a trainer."))
            return
        data = service.SessionInput(self.course.currentData(), self.starts_on.date().toPython(),
                                    self.ends_on.date().toPython(), self.trainer.currentData(),
                                    self.capacity.value(), self.online.isChecked(), self.location.text())
        try:
            with self.ctx.transaction() as session:
                if self.session_id is None:
                    self.created_id = service.create_session(session, self.ctx.actor, data).id
                else:
                    moved = enrolment_service.change_session(session, self.ctx.actor, self.session_id, data)
                    self.created_id, self.promoted = self.session_id, len(moved)
        except UserError as exc:
            self.message.setText(str(exc))
            return
        self.accept()
