"""Follow-up calls due: the follow-up specialist's work list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QInputDialog, QLabel, QMessageBox, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app.errors import UserError
from app.ui.org_filter import OrgFilter
from plugins.visits import service


class FollowUpsPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.state = QComboBox()
        for label, value in ((self.tr("Due"), "due"), (self.tr("Done"), "done"),
                             (self.tr("Unreachable"), "unreachable"), (self.tr("All"), None)):
            self.state.addItem(label, value)
        self.state.currentIndexChanged.connect(self.reload)
        self.org_filter = OrgFilter(ctx)
        self.org_filter.changed.connect(lambda *_: self.reload())
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("followups")
        self.table.setHorizontalHeaderLabels([self.tr("Ticket"), self.tr("Call by"), self.tr("State"),
                                              self.tr("Satisfaction"), self.tr("Notes")])
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        record = QPushButton(self.tr("Record call…"))
        record.clicked.connect(self.record)
        record.setEnabled(ctx.actor.has(service.RECORD))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.state)
        top.addWidget(self.org_filter)
        top.addStretch()
        top.addWidget(record)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        states = {"due": self.tr("Due"), "done": self.tr("Done"), "unreachable": self.tr("Unreachable")}
        with self.ctx.reading() as session:
            calls = service.list_calls(session, self.ctx.actor, self.state.currentData(),
                                       **self.org_filter.arguments())
            rows = [(c.id, c.ticket_number, c.due_at.astimezone().strftime("%Y-%m-%d %H:%M"), states[c.state],
                     "" if c.satisfaction is None else str(c.satisfaction), c.notes) for c in calls]
        self.table.setRowCount(len(rows))
        for r, (call_id, *values) in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.UserRole, call_id)
                self.table.setItem(r, c, item)

    def record(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            QMessageBox.information(self, self.tr("Record call"), self.tr("Select a call first."))
            return
        call_id = self.table.item(row, 0).data(Qt.UserRole)
        score, ok = QInputDialog.getInt(self, self.tr("Record call"),
                                        self.tr("Satisfaction 1–5 (0 if the customer was unreachable)"), 5, 0, 5)
        if not ok:
            return
        notes, _ = QInputDialog.getText(self, self.tr("Record call"), self.tr("Notes"))
        try:
            with self.ctx.transaction() as session:
                service.record_call(session, self.ctx.actor, call_id, reached=score > 0, solved=score >= 3,
                                    satisfaction=score or None, notes=notes)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Record call"), str(exc))
        self.reload()
