"""Create or edit a course of the HQ catalogue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPlainTextEdit, QSpinBox, QVBoxLayout)

from app.errors import UserError
from plugins.training import service
from plugins.training.models import LEVELS
from plugins.training.views import labels


class CourseDialog(QDialog):
    def __init__(self, ctx, course_id=None, parent=None):
        super().__init__(parent)
        self.ctx, self.course_id = ctx, course_id
        self.setWindowTitle(self.tr("Edit course") if course_id else self.tr("New course"))
        self.code, self.title, self.product_line = QLineEdit(), QLineEdit(), QComboBox()
        self.product_line.setEditable(True)
        self.level = QComboBox()
        for code in LEVELS:
            self.level.addItem(labels.level(code), code)
        self.hours, self.pass_mark = QSpinBox(), QSpinBox()
        self.hours.setRange(1, 1000)
        self.hours.setValue(8)
        self.pass_mark.setRange(0, 100)
        self.pass_mark.setValue(60)
        self.syllabus = QPlainTextEdit()
        self.prerequisites = QListWidget()
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828")
        self.message.setWordWrap(True)
        self._build()
        self._load()

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Product line"), self.product_line)
        form.addRow(self.tr("Level"), self.level)
        form.addRow(self.tr("Hours"), self.hours)
        form.addRow(self.tr("Pass mark"), self.pass_mark)
        form.addRow(self.tr("Prerequisites"), self.prerequisites)
        form.addRow(self.tr("Syllabus"), self.syllabus)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(560, 620)

    def _load(self) -> None:
        with self.ctx.reading() as session:
            courses = service.list_courses(session, self.ctx.actor, include_inactive=True)
            lines = sorted({c.product_line for c in courses if c.product_line})
            current = next((c for c in courses if c.id == self.course_id), None)
            required = {link.required_course.code for link in current.prerequisites} if current else set()
            others = [(c.code, c.title) for c in courses if c.id != self.course_id]
            if current:
                self.code.setText(current.code)
                self.title.setText(current.title)
                self.level.setCurrentIndex(self.level.findData(current.level))
                self.hours.setValue(current.hours)
                self.pass_mark.setValue(current.pass_mark)
                self.syllabus.setPlainText(current.syllabus)
        self.product_line.addItems(lines)
        self.product_line.setCurrentText(current.product_line if current else (lines[0] if lines else ""))
        for code, title in others:
            item = QListWidgetItem(f"{code}  {title}")
            item.setData(Qt.UserRole, code)
            item.setCheckState(Qt.Checked if code in required else Qt.Unchecked)
            self.prerequisites.addItem(item)

    def checked_prerequisites(self) -> list[str]:
        items = (self.prerequisites.item(i) for i in range(self.prerequisites.count()))
        return [item.data(Qt.UserRole) for item in items if item.checkState() == Qt.Checked]

    def save(self) -> None:
        data = service.CourseInput(self.code.text(), self.title.text(), self.product_line.currentText().strip(),
                                   self.level.currentData(), self.hours.value(), self.pass_mark.value(),
                                   self.syllabus.toPlainText(), self.checked_prerequisites())
        try:
            with self.ctx.transaction() as session:
                service.save_course(session, self.ctx.actor, data, self.course_id)
        except UserError as exc:
            self.message.setText(str(exc))
            return
        self.accept()
