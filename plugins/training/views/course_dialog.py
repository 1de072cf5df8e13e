"""Create or edit a course of the HQ catalogue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from app.ui.form_dialog import FormDialog
from plugins.training import service
from plugins.training.views import labels


class CourseDialog(FormDialog):
    def __init__(self, ctx, course_id=None, parent=None):
        super().__init__(self.tr("Edit course") if course_id else self.tr("New course"), parent,
                         ok_text=self.tr("Save"), cancel_text=self.tr("Cancel"))
        self.ctx, self.course_id = ctx, course_id
        self.code = self.add_text("code", self.tr("Code"))
        self.title = self.add_text("title", self.tr("Title"))
        self.product_line = self.add_combo("product_line", self.tr("Product line"), editable=True)
        self.level = self.add_combo("level", self.tr("Level"), [(labels.level(code), code) for code in service.LEVELS])
        self.hours = self.add_spin("hours", self.tr("Hours"), 8, minimum=1, maximum=1000)
        self.pass_mark = self.add_spin("pass_mark", self.tr("Pass mark"), 60, maximum=100)
        self.prerequisites = self.add_widget("prerequisites", self.tr("Prerequisites"), QListWidget())
        self.syllabus = self.add_multiline("syllabus", self.tr("Syllabus"))
        self.resize(560, 620)
        self._load()

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

    def perform(self) -> None:
        data = service.CourseInput(self.code.text(), self.title.text(), self.product_line.currentText().strip(),
                                   self.level.currentData(), self.hours.value(), self.pass_mark.value(),
                                   self.syllabus.toPlainText(), self.checked_prerequisites())
        with self.ctx.transaction() as session:
            service.save_course(session, self.ctx.actor, data, self.course_id)
