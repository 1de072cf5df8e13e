"""The parts catalog, with Excel import (checked as a whole, in a worker) and export (``app.ui.list_export``:
every part the search finds, in the columns the import reads back)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QHeaderView, QLineEdit, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from app.ui.list_export import ListExport
from app.ui.list_menu import ListMenu
from app.ui.plain_text import plain_label
from app.ui.shortcuts import focus_field
from app.ui.workers import Worker, run_with_progress
from plugins.inventory import service
from plugins.inventory.views.depot_page import tidy


class CatalogPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.worker: Worker | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search part number or name"))
        self.search.returnPressed.connect(self.reload)
        self.import_button = QPushButton(self.tr("Import from Excel…"))
        self.import_button.clicked.connect(self.choose_import)
        self.import_button.setEnabled(service.may_import_catalog(ctx.actor))
        self.export = ListExport(self, ctx, self.tr("Parts catalog"),
                                 lambda: partial(service.export_catalog, search=self.shown_search))
        self.export.finished.connect(lambda n, path: self.message.setText(
            self.tr("{n} parts written to {path}.").format(n=n, path=path)))
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("parts")
        self.table.setHorizontalHeaderLabels(service.catalog_headers())
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        tidy(self.table, 1)
        self.list_menu = ListMenu(self.table, ctx, self.tr("Parts catalog"), number=0)
        self.message = plain_label(wrap=True, name="message")
        self.problems = QTableWidget(0, 4)
        self.problems.setObjectName("problems")
        self.problems.setHorizontalHeaderLabels([self.tr("Sheet"), self.tr("Row"), self.tr("Column"),
                                                 self.tr("Problem")])
        self.problems.setEditTriggers(QTableWidget.NoEditTriggers)
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.problems.setMaximumHeight(180)
        self.problems.hide()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.import_button)
        top.addWidget(self.export.button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addWidget(self.problems)
        self.reload()

    def refresh(self) -> None:  # F5 (``app.ui.shortcuts``)
        self.reload()

    def focus_search(self) -> None:  # Ctrl+F
        focus_field(self.search)

    def reload(self) -> None:
        self.shown_search = self.search.text()  # what the export writes: the rows on screen, all of them
        with self.ctx.reading() as session:
            parts = service.list_parts(session, self.ctx.actor, self.shown_search)
            rows = [(p.part_number, p.name_zh, p.name_en, p.product_lines, p.replaceable_by, f"{p.unit_cost:,.2f}",
                     self.tr("yes") if p.serialised else self.tr("no")) for p in parts]
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(value)
                if c == 5:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import parts catalog"), "", "Excel (*.xlsx)")
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> Worker:
        """Check and save the file in a worker: the whole file, or nothing."""
        ctx = self.ctx
        self.problems.hide()

        def work(progress, cancelled):
            try:
                with ctx.transaction() as session:
                    return service.import_catalog(session, ctx.actor, path, progress, cancelled)
            except service.CatalogImportError as exc:
                return exc  # handed back whole so the page can list each problem

        self.worker = run_with_progress(self, self.tr("Importing the parts catalog"), work, self.imported,
                                        self.message.setText)
        return self.worker

    def imported(self, result) -> None:
        if isinstance(result, service.CatalogImportError):
            self.message.setText(self.tr("Nothing was imported: {n} problems in the file.").format(n=len(result.problems)))
            self.problems.setRowCount(len(result.problems))
            for r, p in enumerate(result.problems):
                for c, value in enumerate((p.sheet, str(p.row), p.column, p.reason)):
                    self.problems.setItem(r, c, QTableWidgetItem(value))
            self.problems.resizeColumnsToContents()
            self.problems.show()
            return
        self.message.setText(self.tr("Imported: {created} new, {updated} updated, {unchanged} unchanged.").format(
            created=result.created, updated=result.updated, unchanged=result.unchanged))
        self.reload()
