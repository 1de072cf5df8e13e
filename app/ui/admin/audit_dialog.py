"""The audit log, filterable by kind of record, by who, and by date; the screen shows the newest
entries the filter finds, the export to Excel (``app.ui.list_export``, Ctrl+E) all of them."""

from __future__ import annotations

from datetime import datetime, time, timezone
from functools import partial

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QHBoxLayout, QLineEdit,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout)

from app.audit import service as audit
from app.audit.export import action_label, export_log, kind_label, values_text
from app.orgs.local_time import LocalClock
from app.ui.list_export import ListExport
from app.ui.list_menu import ListMenu
from app.ui.plain_text import plain_label
from app.ui.shortcuts import FIND, REFRESH, bind, focus_field, show_shortcut


class AuditDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Audit log"))
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for label, value in ((self.tr("All records"), None), (self.tr("Users"), "user"), (self.tr("Roles"), "role"),
                             (self.tr("Org units"), "org_unit"), (self.tr("Settings"), "settings")):
            self.kind.addItem(label, value)
        self.who = QLineEdit()
        self.who.setObjectName("who")
        self.who.setPlaceholderText(self.tr("who (e.g. admin@BJ)"))
        self.since = QDateEdit(QDate.currentDate().addMonths(-1))
        self.since.setCalendarPopup(True)
        self.until = QDateEdit(QDate.currentDate())
        self.until.setCalendarPopup(True)
        search = QPushButton(self.tr("Filter"))
        search.clicked.connect(self.reload)
        filters = QHBoxLayout()
        for widget in (self.kind, self.who, plain_label(self.tr("from")), self.since, plain_label(self.tr("to")),
                       self.until, search):
            filters.addWidget(widget)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("entries")
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("Record"), self.tr("Action"),
                                              self.tr("Before"), self.tr("After")])
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.list_menu = ListMenu(self.table, ctx, self.tr("Audit log"), number=2)  # the record
        bind(self, REFRESH, self.reload)
        bind(self, FIND, lambda: focus_field(self.who))
        show_shortcut(search, REFRESH)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        self.export = ListExport(self, ctx, self.tr("Audit log"), lambda: partial(export_log, **self.shown))
        self.export.button.setAutoDefault(False)  # Enter in the filter never opens a file dialog
        close.addButton(self.export.button, QDialogButtonBox.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addWidget(close)
        self.resize(1000, 560)
        self.reload()

    def reload(self) -> None:
        with self.ctx.reading() as session:
            clock, own = LocalClock(session), self.ctx.actor.org_id
            days = self.since.date().toPython(), self.until.date().toPython()  # the reader's unit's days
            since, until = (datetime.combine(day, moment, tzinfo=clock.zone(own)).astimezone(timezone.utc)
                            for day, moment in zip(days, (time.min, time.max)))
            self.shown = {"entity_type": self.kind.currentData(), "actor_text": self.who.text().strip() or None,
                          "since": since, "until": until}
            entries = audit.query(session, self.ctx.actor, **self.shown)
            rows = [(clock.text(e.org_id or own, e.at, "%Y-%m-%d %H:%M:%S"), e.actor_name,
                     f"{kind_label(e.entity_type)} {e.summary}", action_label(e.action),
                     values_text(e.before, 200), values_text(e.after, 200)) for e in entries]
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
