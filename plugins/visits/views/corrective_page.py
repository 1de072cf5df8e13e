"""Corrective actions (整改措施): what poor follow-up scores asked of the branch managers, open ones
first, overdue ones marked; the owner or a branch manager closes one with its resolution. Every
action the filter finds goes to Excel (``app.ui.list_export``, Ctrl+E)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from app.orgs.local_time import LocalClock
from app.ui.form_dialog import ask
from app.ui.list_export import ListExport
from app.ui.list_menu import ListMenu
from app.ui.org_filter import OrgFilter
from app.ui.plain_text import information, plain_label, warn
from app.ui.workers import Worker, start
from plugins.visits import service

LIMIT = 500
OVERDUE = QColor("#b00020")


@dataclass(frozen=True)
class ActionRow:
    action_id: object
    texts: list[str]
    overdue: bool
    may_close: bool


class CorrectiveActionsPage(QWidget):
    loaded = Signal()
    failed = Signal(str)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[ActionRow] | None = None
        self.shown: dict = {}  # the filter of the lines on screen: what the export writes
        self._worker: Worker | None = None
        self.show_which = QComboBox(objectName="show")
        self.show_which.addItem(self.tr("Open"), True)
        self.show_which.addItem(self.tr("All"), False)
        self.show_which.currentIndexChanged.connect(self.reload)
        self.org_filter = OrgFilter(ctx)
        self.org_filter.changed.connect(lambda *_: self.reload())
        self.table = self._table()
        self.close_button = QPushButton(self.tr("Close action…"))
        self.close_button.clicked.connect(self.close_action)
        self.close_button.setEnabled(False)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.export = ListExport(self, ctx, self.tr("Corrective actions"),
                                 lambda: partial(service.export_corrective_actions, **self.shown))
        top = QHBoxLayout()
        top.addWidget(plain_label(self.tr("Show")))
        top.addWidget(self.show_which)
        top.addWidget(self.org_filter)
        top.addStretch()
        top.addWidget(self.export.button)
        top.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.failed.connect(lambda message: warn(self, self.tr("Corrective actions"), message))
        self.reload()

    def _table(self) -> QTableWidget:
        headers = [self.tr("Ticket"), self.tr("Customer"), self.tr("Engineer"), self.tr("Owner"),
                   self.tr("Satisfaction"), self.tr("Reason"), self.tr("Opened"), self.tr("Due"), self.tr("State"),
                   self.tr("Resolution")]
        table = QTableWidget(0, len(headers), objectName="corrective")
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectRows)
        table.setSelectionMode(QTableWidget.SingleSelection)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        self.list_menu = ListMenu(table, self.ctx, self.tr("Corrective actions"), number=0)
        return table

    def refresh(self) -> None:  # F5 (``app.ui.shortcuts``)
        self.reload()

    def reload(self) -> None:
        ctx, open_only, unit = self.ctx, self.show_which.currentData(), self.org_filter.arguments()
        self.shown = {"open_only": open_only, **unit}
        words = {"open": self.tr("Open"), "overdue": self.tr("Overdue"), "closed": self.tr("Closed {when} by {who}")}

        def work(_progress, _cancelled):
            with ctx.reading() as session:
                lines = service.corrective_lines(session, ctx.actor, open_only=open_only, limit=LIMIT, **unit)
                clock = LocalClock(session)
                return [self._row(line, clock, words) for line in lines]

        self._worker = Worker(work)
        self._worker.signals.finished.connect(self._show)
        self._worker.signals.failed.connect(self.failed.emit)
        start(self._worker)

    @staticmethod
    def _row(line, clock: LocalClock, words: dict) -> ActionRow:
        action = line.action
        if action.closed_at is not None:
            state = words["closed"].format(when=clock.text(action.org_id, action.closed_at), who=line.closed_by)
        else:
            state = words["overdue"] if line.overdue else words["open"]
        return ActionRow(action.id, [action.ticket_number, line.customer, line.engineer, line.owner,
                                     f"{action.satisfaction} / 5", action.reason,
                                     clock.text(action.org_id, action.opened_at), action.due_on.isoformat(), state,
                                     action.resolution], line.overdue, line.may_close)

    def _show(self, rows: list[ActionRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row.texts):
                item = QTableWidgetItem(value)  # item text is never read as markup
                if row.overdue:
                    item.setForeground(QBrush(OVERDUE))
                self.table.setItem(r, c, item)
        self._selection_changed()
        self.loaded.emit()

    def selected_row(self) -> ActionRow | None:
        row = self.table.currentRow()
        return self.rows[row] if self.rows is not None and 0 <= row < len(self.rows) else None

    def _selection_changed(self) -> None:
        row = self.selected_row()
        self.close_button.setEnabled(row is not None and row.may_close)

    def close_action(self) -> None:
        row = self.selected_row()
        if row is None:
            information(self, self.tr("Corrective actions"), self.tr("Select an open action first."))
            return

        def submit(resolution: str) -> None:
            with self.ctx.transaction() as session:
                service.close_corrective_action(session, self.ctx.actor, row.action_id, resolution)

        what_happens = self.tr("The corrective action is closed with this resolution, for good: it leaves the open "
                               "actions and cannot be reopened.")
        if ask(self, self.tr("Close corrective action"), self.tr("Resolution"), submit, name="resolution",
               kind="multiline", ask_first=(what_happens, self.tr("Close action"))):
            self.reload()
