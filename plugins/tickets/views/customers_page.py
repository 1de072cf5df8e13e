"""Customers of the unit, and the Excel import of customers and their installed base."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPlainTextEdit, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app.ui.org_filter import OrgFilter
from app.ui.workers import run_with_progress
from plugins.tickets import service
from plugins.tickets.permissions import CUSTOMERS


class CustomersPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.count = QLabel()
        self.org_filter = OrgFilter(ctx)
        self.org_filter.changed.connect(lambda *_: self.reload())
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("customers")
        self.table.setHorizontalHeaderLabels([self.tr("Customer"), self.tr("Region")])
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.problems = QPlainTextEdit()
        self.problems.setObjectName("problems")
        self.problems.setReadOnly(True)
        self.problems.setVisible(False)
        self.import_button = QPushButton(self.tr("Import from Excel…"))
        self.import_button.setObjectName("import")
        self.import_button.setEnabled(ctx.actor.has(CUSTOMERS))
        self.import_button.clicked.connect(self.choose_file)
        top = QHBoxLayout()
        top.addWidget(self.org_filter)
        top.addWidget(self.count)
        top.addStretch()
        top.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.problems)
        layout.addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        with self.ctx.reading() as session:
            _, rows = service.overview(session, self.ctx.actor, **self.org_filter.arguments())
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.count.setText(self.tr("{n} customers").format(n=len(rows)))

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import customers and assets"), "", "Excel (*.xlsx)")
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path):
        """Checks the whole workbook first; any problem → nothing imported and every problem listed."""
        ctx = self.ctx

        def work(progress, cancelled):
            with ctx.transaction() as session:
                return service.import_customers_and_assets(session, ctx.actor, path, progress)

        self.problems.setVisible(False)
        return run_with_progress(self, self.tr("Importing {file}…").format(file=path.name), work,
                                 self._imported, self._failed)

    def _imported(self, report) -> None:
        self.reload()
        QMessageBox.information(self, self.tr("Import"), self.tr(
            "Imported {customers} customers, {sites} sites, {contacts} contacts and {assets} assets.").format(
            customers=report.customers, sites=report.sites, contacts=report.contacts, assets=report.assets))

    def _failed(self, message: str) -> None:
        self.problems.setPlainText(message)
        self.problems.setVisible(True)
