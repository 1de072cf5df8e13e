"""The follow-up specialist's work list: whom to call about which closed ticket, by when; the
calls made and how they went. Read off the GUI thread; at most LIMIT lines. Every call the filter
finds goes to Excel (``app.ui.list_export``, Ctrl+E)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from app.orgs.local_time import LocalClock
from app.ui.list_export import ListExport
from app.ui.list_menu import ListMenu
from app.ui.org_filter import OrgFilter
from app.ui.plain_text import information, plain_label, set_plain, warn
from app.ui.workers import Worker, start
from plugins.visits import service
from plugins.visits.views.record_call_dialog import RecordCallDialog

LIMIT = 500
OVERDUE = QColor("#b00020")


@dataclass(frozen=True)
class CallRow:
    call_id: object
    texts: list[str]
    overdue: bool


class FollowUpsPage(QWidget):
    loaded = Signal()  # the lines on screen are current
    failed = Signal(str)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[CallRow] | None = None
        self.shown: dict = {}  # the filter of the lines on screen: what the export writes
        self._worker: Worker | None = None
        self.state = QComboBox(objectName="state")
        for label, value in ((self.tr("Due"), "due"), (self.tr("Done"), "done"),
                             (self.tr("Unreachable"), "unreachable"), (self.tr("Withdrawn"), "withdrawn"),
                             (self.tr("All"), None)):
            self.state.addItem(label, value)
        self.state.currentIndexChanged.connect(self.reload)
        self.org_filter = OrgFilter(ctx)
        self.org_filter.changed.connect(lambda *_: self.reload())
        self.table = self._table()
        self.record_button = QPushButton(self.tr("Record call…"))
        self.record_button.clicked.connect(self.record)
        self.record_button.setEnabled(ctx.actor.has(service.RECORD))
        self.outcome = plain_label(wrap=True, name="outcome")  # what the last recorded call did
        self.export = ListExport(self, ctx, self.tr("Follow-up calls"),
                                 lambda: partial(service.export_follow_ups, **self.shown))
        top = QHBoxLayout()
        top.addWidget(plain_label(self.tr("Show")))
        top.addWidget(self.state)
        top.addWidget(self.org_filter)
        top.addStretch()
        top.addWidget(self.export.button)
        top.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.outcome)
        layout.addWidget(self.table)
        self.failed.connect(lambda message: warn(self, self.tr("Follow-up calls"), message))
        self.reload()

    def _table(self) -> QTableWidget:
        headers = [self.tr("Ticket"), self.tr("Customer"), self.tr("Contact"), self.tr("Phone"), self.tr("Engineer"),
                   self.tr("Closed at"), self.tr("Call by"), self.tr("Attempts"), self.tr("State")]
        table = QTableWidget(0, len(headers), objectName="followups")
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectRows)
        table.setSelectionMode(QTableWidget.SingleSelection)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeToContents)  # the number in full
        table.horizontalHeader().setStretchLastSection(True)
        self.list_menu = ListMenu(table, self.ctx, self.tr("Follow-up calls"), open=lambda _index: self.record(),
                                  open_text=self.tr("Record call…"), can_open=lambda: self.record_button.isEnabled())
        return table

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:  # F5 (``app.ui.shortcuts``)
        self.reload()

    def reload(self) -> None:
        ctx, state, unit = self.ctx, self.state.currentData(), self.org_filter.arguments()
        self.shown = {"state": state, **unit}
        labels = {"overdue": self.tr("Overdue")}

        def work(_progress, _cancelled):
            with ctx.reading() as session:
                lines = service.list_call_lines(session, ctx.actor, state, LIMIT, **unit)
                clock = LocalClock(session)
                return [CallRow(line.call.id, [
                    line.call.ticket_number, line.customer, line.contact, line.phone, line.engineer,
                    clock.text(line.call.org_id, line.call.closed_at), clock.text(line.call.org_id, line.call.due_at),
                    str(line.call.attempts),
                    labels["overdue"] if line.overdue else service.call_state_label(line.call.state)],
                    line.overdue) for line in lines]

        self._worker = Worker(work)
        self._worker.signals.finished.connect(self._show)
        self._worker.signals.failed.connect(self.failed.emit)
        start(self._worker)

    def _show(self, rows: list[CallRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row.texts):
                item = QTableWidgetItem(value)  # item text is never read as markup
                item.setData(Qt.UserRole, row.call_id)
                if row.overdue:
                    item.setForeground(QBrush(OVERDUE))
                self.table.setItem(r, c, item)
        self.loaded.emit()

    # ------------------------------------------------------------------ recording

    def selected_call(self):
        row = self.table.currentRow()
        if self.rows is None or not 0 <= row < len(self.rows):
            information(self, self.tr("Record call"), self.tr("Select a call first."))
            return None
        return self.rows[row].call_id

    def record_dialog(self) -> RecordCallDialog | None:
        call_id = self.selected_call()
        return None if call_id is None else RecordCallDialog(self.ctx, call_id, self)

    def record(self) -> None:
        if not self.record_button.isEnabled():
            return
        dialog = self.record_dialog()
        if dialog is not None and dialog.exec() == RecordCallDialog.Accepted:
            set_plain(self.outcome, self.outcome_text(dialog.ticket_number, dialog.recorded))
            self.reload()

    def outcome_text(self, ticket: str, recorded) -> str:
        if recorded.state == "due":
            return self.tr("Ticket {ticket}: attempt {attempt} of {most} recorded; the call is still due.").format(
                ticket=ticket, attempt=recorded.attempts, most=service.MAX_ATTEMPTS)
        if recorded.state == "unreachable":
            return self.tr("Ticket {ticket}: closed as unreachable.").format(ticket=ticket)
        parts = [self.tr("Ticket {ticket}: the survey is recorded.").format(ticket=ticket)]
        if recorded.unsolved_action == "reopen":
            parts.append(self.tr("Ticket {number} is reopened.").format(number=recorded.linked_ticket_number))
        elif recorded.unsolved_action == "complaint":
            parts.append(self.tr("Quality complaint {number} is opened.").format(number=recorded.linked_ticket_number))
        if recorded.corrective_action_id is not None:
            parts.append(self.tr("A corrective action is opened for the branch manager."))
        return " ".join(parts)
