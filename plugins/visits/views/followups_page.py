"""Follow-up calls due: the follow-up specialist's work list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from app.orgs.local_time import LocalClock
from app.ui.org_filter import OrgFilter
from app.ui.plain_text import information, plain_label
from plugins.visits import service
from plugins.visits.views.record_call_dialog import RecordCallDialog


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
        self.table = QTableWidget(0, 8)
        self.table.setObjectName("followups")
        self.table.setHorizontalHeaderLabels([self.tr("Ticket"), self.tr("Customer"), self.tr("Contact"),
                                              self.tr("Phone"), self.tr("Call by"), self.tr("State"),
                                              self.tr("Satisfaction"), self.tr("Notes")])
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        record = QPushButton(self.tr("Record call…"))
        record.clicked.connect(self.record)
        record.setEnabled(ctx.actor.has(service.RECORD))
        top = QHBoxLayout()
        top.addWidget(plain_label(self.tr("Show")))
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
            lines = service.list_call_lines(session, self.ctx.actor, self.state.currentData(),
                                            **self.org_filter.arguments())
            clock = LocalClock(session)
            rows = [(line.call.id, line.call.ticket_number, line.customer, line.contact, line.phone,
                     clock.text(line.call.org_id, line.call.due_at), states[line.call.state],
                     "" if line.call.satisfaction is None else str(line.call.satisfaction), line.call.notes)
                    for line in lines]
        self.table.setRowCount(len(rows))
        for r, (call_id, *values) in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.UserRole, call_id)
                self.table.setItem(r, c, item)

    def record(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            information(self, self.tr("Record call"), self.tr("Select a call first."))
            return
        dialog = RecordCallDialog(self.ctx, self.table.item(row, 0).data(Qt.UserRole), self)
        if dialog.exec() == RecordCallDialog.Accepted:
            self.reload()
