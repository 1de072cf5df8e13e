"""The course catalogue: HQ reference data, read everywhere, edited by HQ trainers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QPushButton, QSplitter, QTableWidget,
                               QTableWidgetItem, QTextBrowser, QVBoxLayout, QWidget)

from app.errors import UserError
from app.ui.list_menu import ListMenu
from app.ui.plain_text import plain_label, warn
from plugins.training import service
from plugins.training.views import labels
from plugins.training.views.course_dialog import CourseDialog


class CoursesPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.dialog = None
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("courses")
        self.table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Title"), self.tr("Product line"),
                                              self.tr("Level"), self.tr("Hours"), self.tr("Pass mark"),
                                              self.tr("Prerequisites")])
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.setSelectionMode(QTableWidget.SingleSelection)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self.show_syllabus)
        self.list_menu = ListMenu(self.table, ctx, self.tr("Courses"), open=lambda _index: self.edit_course(),
                                  can_open=lambda: service.may_edit_courses(ctx.actor), number=0)
        self.syllabus = QTextBrowser()
        self.show_retired = QCheckBox(self.tr("Show retired courses"))
        self.show_retired.toggled.connect(self.reload)
        self.count = plain_label()
        may_edit = service.may_edit_courses(ctx.actor)
        self.new_button = QPushButton(self.tr("New course…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.retire_button = QPushButton(self.tr("Retire / restore"))
        for button, slot in ((self.new_button, self.new_course), (self.edit_button, self.edit_course),
                             (self.retire_button, self.toggle_retired)):
            button.setEnabled(may_edit)
            button.clicked.connect(slot)
        self._layout()
        self.reload()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.count)
        top.addWidget(self.show_retired)
        top.addStretch()
        for button in (self.new_button, self.edit_button, self.retire_button):
            top.addWidget(button)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.syllabus)
        split.setSizes([420, 140])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split)

    def refresh(self) -> None:  # F5 (``app.ui.shortcuts``)
        self.reload()

    def reload(self) -> None:
        with self.ctx.reading() as session:
            courses = service.list_courses(session, self.ctx.actor, include_inactive=self.show_retired.isChecked())
            rows = [(c.id, c.syllabus, c.active, c.code, c.title, c.product_line, labels.level(c.level), str(c.hours),
                     str(c.pass_mark), "、".join(link.required_course.code for link in c.prerequisites))
                    for c in courses]
        self.table.setRowCount(len(rows))
        for r, (course_id, syllabus, active, *values) in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.UserRole, course_id)
                item.setData(Qt.UserRole + 1, syllabus)
                if not active:
                    item.setForeground(Qt.gray)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.count.setText(self.tr("{n} courses").format(n=len(rows)))

    def selected_id(self):
        row = self.table.currentRow()
        return None if row < 0 else self.table.item(row, 0).data(Qt.UserRole)

    def show_syllabus(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            title = self.table.item(row, 1).text()
            self.syllabus.setPlainText(f"{title}\n\n{self.table.item(row, 0).data(Qt.UserRole + 1)}")

    def new_course(self) -> None:
        self._open(CourseDialog(self.ctx, None, self))

    def edit_course(self) -> None:
        if service.may_edit_courses(self.ctx.actor) and self.selected_id():
            self._open(CourseDialog(self.ctx, self.selected_id(), self))

    def _open(self, dialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(self.reload)
        dialog.open()

    def toggle_retired(self) -> None:
        course_id = self.selected_id()
        if course_id is None:
            return
        try:
            with self.ctx.transaction() as session:
                course = service.get_course(session, self.ctx.actor, course_id)
                service.set_course_active(session, self.ctx.actor, course_id, not course.active)
        except UserError as exc:
            warn(self, self.tr("Retire / restore"), str(exc))
        self.reload()
