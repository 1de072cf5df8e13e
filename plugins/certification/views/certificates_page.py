"""Certificates: the list with status and expiry colouring, the expiry watch, every action, and the
list as filtered to Excel (``app.ui.list_export``, Ctrl+E)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLineEdit, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from app.orgs.local_time import LocalClock
from app.ui.lazy_table import LazyTableModel
from app.ui.list_export import ListExport
from app.ui.list_menu import ListMenu
from app.ui.org_filter import OrgFilter
from app.ui.pdf_document import output_or_warn, print_document, write_pdf
from app.ui.plain_text import information, plain_label, tooltip_text
from app.ui.shortcuts import focus_field
from plugins.certification import service
from plugins.certification.views.certificate_pdf import certificate
from plugins.certification.views.dialogs import HistoryDialog, IssueDialog, ask_passphrase, ask_reason

STATUS_COLOURS = {"suspended": "#fff3cd", "revoked": "#f8d7da", "expired": "#e2e3e5", "pending": "#e7f1ff"}
CODE, DAYS_LEFT, EXPIRES_COLUMN = 10, 11, 7  # positions in a row of service.page_rows


class CertificatesPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.filter = QComboBox(objectName="filter")
        for label, value in ((self.tr("All"), {}), (self.tr("Valid"), {"status": "valid"}),
                             (self.tr("Expiring within 30 days"), {"expiring_within": 30}),
                             (self.tr("Expiring within 60 days"), {"expiring_within": 60}),
                             (self.tr("Expiring within 90 days"), {"expiring_within": 90}),
                             (self.tr("Expired"), {"status": "expired"}), (self.tr("Suspended"), {"status": "suspended"}),
                             (self.tr("Revoked"), {"status": "revoked"})):
            self.filter.addItem(label, value)
        self.filter.currentIndexChanged.connect(self.reload)
        self.search = QLineEdit(objectName="search")
        self.search.setPlaceholderText(self.tr("Number or holder"))
        self.search.returnPressed.connect(self.reload)
        self.org_filter = OrgFilter(ctx)
        self.org_filter.changed.connect(lambda *_: self.reload())
        self.watch = plain_label(name="expiry_watch")
        self.done_note = plain_label(name="done_note")  # what the last action did, e.g. the number issued
        self.shown: dict = {}  # the filter of the rows on screen, for the export
        self.export = ListExport(self, ctx, self.tr("Certificates"),
                                 lambda: partial(service.export_certificates, **self.shown))
        self.model = LazyTableModel([self.tr("Number"), self.tr("Holder"), self.tr("Org unit"), self.tr("Certificate"),
                                     self.tr("Status"), self.tr("Issued"), self.tr("Expires"), self.tr("Level"),
                                     self.tr("Product lines")], key_column=0, parent=self)
        self.model.decorate = self.decorate
        self.table = QTableView(objectName="certificates")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setSelectionMode(QTableView.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.list_menu = ListMenu(self.table, ctx, self.tr("Certificates"), open=lambda _index: self.show_history(),
                                  open_text=self.tr("History"), number=0)
        self.model.page_loaded.connect(lambda _: self.table.resizeColumnsToContents())
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(plain_label(self.tr("Show")))
        top.addWidget(self.filter)
        top.addWidget(self.org_filter)
        top.addWidget(self.search, 1)
        layout.addLayout(top)
        layout.addWidget(self.watch)
        layout.addWidget(self.done_note)
        layout.addLayout(self._buttons())
        layout.addWidget(self.table)
        self.reload()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.action_buttons = {}  # by the door's action id (service.certificate_actions), set on reload
        for name, text, slot in (
                ("issue", self.tr("Issue…"), self.issue),
                ("renew", self.tr("Renew…"), self.renew),
                ("suspend", self.tr("Suspend…"), lambda: self.change("suspend")),
                ("reinstate", self.tr("Reinstate…"), lambda: self.change("reinstate")),
                ("revoke", self.tr("Revoke…"), lambda: self.change("revoke")),
                ("history", self.tr("History"), self.show_history),
                ("print", self.tr("Export PDF…"), self.print_pdf),
                ("print_paper", self.tr("Print…"), self.print_paper),
                ("verify", self.tr("Verify…"), self.verify)):
            button = self.action_buttons[name] = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch()
        row.addWidget(self.export.button)
        return row

    # ------------------------------------------------------------ list

    def refresh(self) -> None:  # F5 (``app.ui.shortcuts``)
        self.reload()

    def focus_search(self) -> None:  # Ctrl+F
        focus_field(self.search)

    def reload(self) -> None:
        filters, text = dict(self.filter.currentData() or {}), self.search.text()
        unit = self.org_filter.arguments()
        ctx = self.ctx
        self.shown = {"text": text, **unit, **filters}

        last_keys = {}  # offset of the next page -> (expires, number) of the row before it

        def fetch(offset, limit):
            with ctx.reading() as session:
                rows = service.page_rows(session, ctx.actor, offset, limit, after=last_keys.get(offset),
                                         text=text, **unit, **filters)
            if rows:
                last_keys[offset + len(rows)] = (rows[-1][EXPIRES_COLUMN], rows[-1][1])
            return rows

        self.model.set_fetcher(fetch)
        with ctx.reading() as session:
            counts = service.expiring_counts(session, ctx.actor, **unit)
            for name, action in service.certificate_actions(session, ctx.actor).items():
                self.action_buttons[name].setEnabled(action.enabled)  # what cannot be done here, and why
                self.action_buttons[name].setToolTip(tooltip_text(action.reason))
        self.watch.setText(self.tr("Expiry watch — valid certificates expiring within 30 days: {a} · 60 days: {b} · "
                                   "90 days: {c}").format(a=counts[30], b=counts[60], c=counts[90]))

    def decorate(self, row, column, role):
        if role == Qt.BackgroundRole and row[CODE] in STATUS_COLOURS:
            return QColor(STATUS_COLOURS[row[CODE]])
        if role == Qt.ForegroundRole and column == EXPIRES_COLUMN and row[CODE] == "valid":
            days = row[DAYS_LEFT]
            return QColor("#b3261e") if days <= 30 else QColor("#b26a00") if days <= 90 else None
        return None

    def selected(self):
        index = self.table.currentIndex()
        if not index.isValid():
            information(self, self.tr("Certificates"), self.tr("Select a certificate first."))
            return None
        return self.model.rows[index.row()]

    def _save(self, action) -> None:
        """For a form's OK: ``action(session)`` in one transaction, then the list again; a refusal
        propagates to the form, which keeps it on screen."""
        with self.ctx.transaction() as session:
            action(session)
        self.reload()

    # ------------------------------------------------------------ actions

    def issue(self) -> None:
        dialog = IssueDialog(self.ctx, self)
        self.issue_dialog = dialog  # reachable by tests while it is open
        if dialog.exec() == IssueDialog.Accepted:
            self.reload()
            self.done_note.setText(self.tr("Certificate {number} issued to {engineer}.").format(
                number=dialog.number, engineer=dialog.engineer.currentText()))

    def renew(self) -> None:
        row = self.selected()
        if row:
            ask_passphrase(self, self.tr("Renew {number}").format(number=row[1]), lambda passphrase: self._save(
                lambda session: service.renew_certificate(session, self.ctx.actor, self.ctx.hook, row[0],
                                                          passphrase=passphrase)))

    def change(self, what: str) -> None:
        row = self.selected()
        if not row:
            return
        titles = {"suspend": self.tr("Suspend {number}"), "reinstate": self.tr("Reinstate {number}"),
                  "revoke": self.tr("Revoke {number}")}
        function = {"suspend": service.suspend_certificate, "reinstate": service.reinstate_certificate,
                    "revoke": service.revoke_certificate}[what]
        revoking = (self.tr("Certificate {number} is revoked for good: it can never be reinstated or renewed, "
                            "and its holder is no longer dispatched on its strength.").format(number=row[1]),
                    self.tr("Revoke certificate"))
        ask_reason(self, titles[what].format(number=row[1]), self.tr("Reason (kept in the certificate's history)"),
                   lambda reason: self._save(lambda session: function(session, self.ctx.actor, row[0], reason)),
                   ask_first=revoking if what == "revoke" else None)

    def show_history(self) -> None:
        row = self.selected()
        if row:
            with self.ctx.reading() as session:
                events = service.history(session, self.ctx.actor, row[0])
                clock = LocalClock(session)
                times = [clock.text(e.org_id, e.at) for e in events]  # in the recording unit's zone
            HistoryDialog(events, row[1], times, self).exec()

    def print_pdf(self) -> None:
        row = self.selected()
        if not row:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save certificate as PDF"), f"{row[1]}.pdf", "PDF (*.pdf)")
        if path:
            self._output(lambda: write_pdf(self._printed(row), path))

    def print_paper(self) -> bool:
        """The selected certificate through the system's print dialog; False when nothing was printed."""
        row = self.selected()
        return bool(row) and bool(self._output(lambda: print_document(self._printed(row), self)))

    def _output(self, work):
        return output_or_warn(self, self.tr("Print certificate"), work)

    def _printed(self, row):
        with self.ctx.reading() as session:
            return certificate(service.printable(session, self.ctx.actor, row[0]))

    def verify(self) -> None:
        from plugins.certification.views.verify_dialog import VerifyDialog

        dialog = VerifyDialog(self.ctx, self)
        row = self.table.currentIndex().isValid() and self.model.rows[self.table.currentIndex().row()]
        if row:
            dialog.input.setPlainText(row[1])
        dialog.exec()
