"""One engineer's training history: every attempt, with the result against the pass mark."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QCompleter, QHBoxLayout, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)
from sqlalchemy import select

from app.orgs.models import OrgUnit
from app.ui.list_menu import ListMenu
from app.ui.plain_text import plain_label
from app.ui.shortcuts import focus_field
from plugins.training import service
from plugins.training.views import labels


class HistoryPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.engineer = QComboBox()
        self.engineer.setMinimumWidth(280)
        self.table = QTableWidget(0, 9)
        self.table.setObjectName("history")
        self.table.setHorizontalHeaderLabels([self.tr("Course"), self.tr("Title"), self.tr("Product line"),
                                              self.tr("Level"), self.tr("Dates"), self.tr("Hours"),
                                              self.tr("Attendance"), self.tr("Score / pass mark"), self.tr("Result")])
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setMinimumSectionSize(60)
        self.list_menu = ListMenu(self.table, ctx, self.tr("Training history"), number=0)
        self.totals = plain_label()
        top = QHBoxLayout()
        top.addWidget(plain_label(self.tr("Engineer")))
        top.addWidget(self.engineer)
        top.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.totals)
        layout.addWidget(self.table)
        self._fill_engineers()
        self.engineer.currentIndexChanged.connect(self.reload)
        self.reload()

    def _fill_engineers(self) -> None:
        actor = self.ctx.actor
        if not actor.has(service.VIEW):  # an engineer sees only their own history
            self.engineer.addItem(actor.display_name or actor.username, str(actor.user_id))
            self.engineer.setEnabled(False)
            return
        with self.ctx.reading() as session:
            codes = dict(session.execute(select(OrgUnit.id, OrgUnit.code)).all())
            for user in service.engineers_in_view(session, actor):  # str ids: findData compares objects by identity
                label = f"{user.display_name or user.username} ({codes.get(user.org_id, '')})"
                self.engineer.addItem(label, str(user.id))
        self.engineer.setEditable(True)
        self.engineer.setInsertPolicy(QComboBox.NoInsert)
        self.engineer.completer().setFilterMode(Qt.MatchContains)
        self.engineer.completer().setCompletionMode(QCompleter.PopupCompletion)

    def show_engineer(self, user_id) -> None:
        self.engineer.setCurrentIndex(self.engineer.findData(str(user_id)))

    def refresh(self) -> None:  # F5 (``app.ui.shortcuts``)
        self.reload()

    def focus_search(self) -> None:  # Ctrl+F: the engineer, typed to find
        focus_field(self.engineer)

    def reload(self) -> None:
        engineer_id = self.engineer.currentData()
        rows = []
        if engineer_id:
            with self.ctx.reading() as session:
                rows = service.history(session, self.ctx.actor, uuid.UUID(engineer_id))
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            attendance = labels.state(row.state) if row.state != "enrolled" else labels.attended(row.attended)
            score = "" if row.score is None else f"{row.score} / {row.pass_mark}"
            values = (row.course_code, row.course_title, row.product_line, labels.level(row.level),
                      labels.dates(row.starts_on, row.ends_on), str(row.hours), attendance, score,
                      labels.result(row.passed))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 8 and labels.result_color(row.passed) is not None:
                    item.setForeground(labels.result_color(row.passed))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        passed = {r.course_code for r in rows if r.passed}
        hours = sum(r.hours for r in rows if r.attended)
        self.totals.setText(self.tr("{passed} courses passed, {hours} hours trained, {attempts} attempts").format(
            passed=len(passed), hours=hours, attempts=sum(r.state == "enrolled" for r in rows)))
