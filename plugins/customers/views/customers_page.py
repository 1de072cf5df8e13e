"""The customers of the units one sees: search, add, edit, retire, the Excel import of customers
and their machines, and every customer the search finds to Excel (``app.ui.list_export``, Ctrl+E).
The list is read off the GUI thread; the buttons are the door's answer to what this user may do
with the selected customer."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app.errors import UserError
from app.ui.list_export import ListExport
from app.ui.list_menu import ListMenu
from app.ui.org_filter import OrgFilter
from app.ui.plain_text import confirm as confirm_step, message, plain_label, tooltip_text
from app.ui.shortcuts import focus_field
from app.ui.workers import Worker, run_with_progress, start
from plugins.customers import service
from plugins.customers.views.customer_dialog import CustomerDialog

SEARCH_DELAY_MS = 300


class CustomersPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        self._workers: set[Worker] = set()  # kept alive until they report
        self.search = QLineEdit(objectName="search")
        self.search.setPlaceholderText(self.tr("Search by name or region"))
        self.search.setClearButtonEnabled(True)
        self.debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self.debounce.start())
        self.search.returnPressed.connect(self.reload)
        self.org_filter = OrgFilter(ctx)
        self.org_filter.changed.connect(lambda *_: self.reload())
        self.count = plain_label(name="count")
        self.buttons = {action: QPushButton(objectName=action) for action in ("add", "edit", "retire", "import")}
        for action, slot in (("add", self.add), ("edit", self.edit), ("retire", self.retire),
                             ("import", self.choose_file)):
            self.buttons[action].clicked.connect(slot)
        self.table = self._table()
        self.problems = QPlainTextEdit(objectName="problems")
        self.problems.setReadOnly(True)
        self.problems.setVisible(False)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.org_filter)
        top.addWidget(self.count)
        for button in self.buttons.values():
            top.addWidget(button)
        self.export = ListExport(self, ctx, self.tr("Customers"),
                                 lambda: partial(service.export_customers, **self.shown))
        top.addWidget(self.export.button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.problems)
        layout.addWidget(self.table)
        self.refresh_actions()
        self.reload()

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, 6, objectName="customers")
        table.setHorizontalHeaderLabels([self.tr("Customer"), self.tr("Region"), self.tr("Unit"), self.tr("Contact"),
                                         self.tr("Phone"), self.tr("Machines")])
        table.setEditTriggers(QTableWidget.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectRows)
        table.setSelectionMode(QTableWidget.SingleSelection)
        table.horizontalHeader().setStretchLastSection(True)
        table.itemSelectionChanged.connect(self.refresh_actions)
        self.list_menu = ListMenu(table, self.ctx, self.tr("Customers"), open=lambda _index: self.edit(),
                                  can_open=lambda: self.buttons["edit"].isEnabled())
        return table

    # ------------------------------------------------------------------ the list

    def refresh(self) -> None:  # F5 (``app.ui.shortcuts``)
        self.reload()

    def focus_search(self) -> None:  # Ctrl+F
        focus_field(self.search)

    def reload(self) -> None:
        """Read the list in the thread pool; a newer reload makes an older one's result moot."""
        self.debounce.stop()
        self._generation += 1
        generation, ctx, text, unit = self._generation, self.ctx, self.search.text(), self.org_filter.arguments()
        self.shown = {"text": text, **unit}  # what the export writes: every customer this finds

        def work(_progress, _cancelled):
            with ctx.reading() as session:
                return service.list_customers(session, ctx.actor, text, **unit)

        worker = Worker(work)
        worker.signals.finished.connect(lambda listing: self._loaded(worker, generation, listing))
        worker.signals.failed.connect(lambda message: self._loaded(worker, generation, None, message))
        self._workers.add(worker)
        start(worker)

    def _loaded(self, worker: Worker, generation: int, listing, error: str = "") -> None:
        self._workers.discard(worker)
        if generation != self._generation:
            return  # a newer reload's answer is on its way
        if listing is None:
            self.count.setText(self.tr("The list could not be read: {error}").format(error=error))
            return
        selected = self.selected_id()
        self.table.setRowCount(len(listing.rows))
        for r, row in enumerate(listing.rows):
            values = (row.name, row.region, row.unit, row.contact, row.phone, str(row.assets))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.UserRole, row.id)
                if c == len(values) - 1:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(r, c, item)
            if row.id == selected:
                self.table.selectRow(r)
        self.table.resizeColumnsToContents()
        self.count.setText(self.tr("First {n} customers: search to narrow").format(n=len(listing.rows))
                           if listing.truncated else self.tr("{n} customers").format(n=len(listing.rows)))
        self.refresh_actions()

    def selected_id(self):
        items = self.table.selectedItems()
        return items[0].data(Qt.UserRole) if items else None

    def selected_name(self) -> str:
        items = self.table.selectedItems()
        return self.table.item(items[0].row(), 0).text() if items else ""

    def refresh_actions(self) -> None:
        with self.ctx.reading() as session:
            actions = service.available_actions(session, self.ctx.actor, self.selected_id())
        for action in actions:
            button = self.buttons[action.id]
            button.setText(action.label)
            button.setEnabled(action.enabled)
            button.setToolTip(tooltip_text(action.reason))

    # ------------------------------------------------------------------ add, edit, retire

    def add(self) -> CustomerDialog:
        dialog = CustomerDialog(self.ctx, parent=self)
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    def edit(self) -> CustomerDialog | None:
        customer_id = self.selected_id()
        if customer_id is None:
            return None
        dialog = CustomerDialog(self.ctx, customer_id, parent=self)
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    def retire(self) -> None:
        customer_id, name = self.selected_id(), self.selected_name()
        if customer_id is None:
            return
        title = self.tr("Retire customer")
        if not self.confirm(title, self.tr("Retire “{name}”? It leaves the lists and can no longer get new cases; "
                                           "its past cases keep its name.").format(name=name)):
            return
        try:
            with self.ctx.transaction() as session:
                service.retire_customer(session, self.ctx.actor, customer_id)
        except UserError as refusal:
            self.tell(title, str(refusal), QMessageBox.Warning)
        self.reload()

    def confirm(self, title: str, text: str) -> bool:
        return confirm_step(self, title, text, title)  # the title names the step: "Retire …"

    def tell(self, title: str, text: str, icon=QMessageBox.Information) -> None:
        message(self, icon, title, text)

    # ------------------------------------------------------------------ Excel import

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
        self.tell(self.tr("Import"), self.tr(
            "Imported {customers} customers, {sites} sites, {contacts} contacts and {assets} assets.").format(
            customers=report.customers, sites=report.sites, contacts=report.contacts, assets=report.assets))

    def _failed(self, message: str) -> None:
        self.problems.setPlainText(message)
        self.problems.setVisible(True)
