"""Depots: balances with low stock in colour, stock value, hit rate, transfers, ledger, stocktake.
The balances and the ledger of the chosen depot go to Excel (``app.ui.list_export``, Ctrl+E in each tab)."""

from __future__ import annotations

import uuid
from datetime import date
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QPushButton, QTableView, QTableWidget,
                               QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from app.errors import UserError
from app.orgs.local_time import LocalClock
from app.reports.period import Period
from app.ui.lazy_table import LazyTableModel
from app.ui.list_export import ListExport
from app.ui.list_menu import ListMenu
from app.ui.org_filter import OrgFilter
from app.ui.plain_text import confirm, plain_label
from app.ui.shortcuts import REFRESH, show_shortcut
from app.ui.workers import Worker, start
from plugins.inventory import service

LOW = QColor("#ffcdd2")
NUMBER = Qt.AlignRight | Qt.AlignVCenter


def recent_quarters(today: date, count: int = 6) -> list[Period]:
    quarters = [Period.quarter_of(today)]
    while len(quarters) < count:
        quarters.append(quarters[-1].previous_quarter())
    return quarters


def money(value) -> str:
    return f"¥{value:,.2f}"


def fill(table: QTableWidget, rows, numeric_from: int = 99) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            if c >= numeric_from:
                item.setTextAlignment(NUMBER)
            table.setItem(r, c, item)


def tidy(view, stretch: int) -> None:
    """One line per row, the text column takes the spare width (not the last, numeric one)."""
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setStretchLastSection(False)
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.Stretch)


def make_table(name: str, headers: list[str], stretch: int = 1) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectRows)
    tidy(table, stretch)
    return table


class DepotPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._workers: list[Worker] = []
        self.depot = QComboBox()
        self.depot.setObjectName("depot")
        self.depot.setMinimumWidth(260)
        self.org_filter = OrgFilter(ctx)
        self.org_filter.changed.connect(lambda *_: self.reload_depots())
        with ctx.reading() as session:
            for depot in service.visible_depots(session, ctx.actor):
                self.depot.addItem(f"{depot.code}  {depot.name}", str(depot.id))  # str: findData cannot match UUID objects
        self.period = QComboBox()
        self.period.setObjectName("period")
        for quarter in recent_quarters(date.today()):
            self.period.addItem(quarter.label, quarter)
        self.summary = plain_label(name="summary")
        self.summary.setStyleSheet("font-size: 14px; padding: 4px 0")
        self.tabs = QTabWidget()
        self.balances = make_table("balances", [
            self.tr("Part number"), self.tr("Name"), self.tr("On hand"), self.tr("Reserved"), self.tr("Available"),
            self.tr("In transit"), self.tr("Defective"), self.tr("Min"), self.tr("Max"), self.tr("Value")])
        self.transit = make_table("transit", stretch=3, headers=[self.tr("Transfer"), self.tr("From"), self.tr("To"),
                                              self.tr("Part number"), self.tr("Quantity"), self.tr("Sent")])
        self.rates = make_table("rates", [self.tr("Depot"), self.tr("Name"), self.tr("Requests"), self.tr("Hits"),
                                          self.tr("Hit rate")])
        self.values = make_table("values", [self.tr("Org unit"), self.tr("Stock value")], stretch=0)
        self.low = make_table("low", [self.tr("Depot"), self.tr("Part number"), self.tr("Name"),
                                      self.tr("Available"), self.tr("Min")], stretch=2)
        self.ledger_model = LazyTableModel([self.tr("Time"), self.tr("Movement"), self.tr("Part number"),
                                            self.tr("Quantity"), self.tr("Serial number"), self.tr("Ticket"),
                                            self.tr("By"), self.tr("Reason")], key_column=0)
        ledger_view = QTableView()
        ledger_view.setObjectName("ledger")
        ledger_view.setModel(self.ledger_model)
        tidy(ledger_view, 7)
        self.list_menus = [ListMenu(self.balances, ctx, self.tr("Balances"), number=0),
                           ListMenu(self.transit, ctx, self.tr("In transit"), number=0),
                           ListMenu(ledger_view, ctx, self.tr("Ledger"), number=2),  # the part number
                           ListMenu(self.low, ctx, self.tr("Low stock"), number=1)]
        self.ledger_model.page_loaded.connect(lambda n: n <= self.ledger_model.page_size
                                              and ledger_view.resizeColumnsToContents())
        self.tabs.addTab(self._exported(self.balances, "balances_export", service.export_balances),
                         self.tr("Balances"))
        self.tabs.addTab(self._transit_tab(), self.tr("In transit"))
        self.tabs.addTab(self._exported(ledger_view, "ledger_export", service.export_ledger), self.tr("Ledger"))
        self.tabs.addTab(self.low, self.tr("Low stock"))
        self.tabs.addTab(self.rates, self.tr("Hit rate"))
        self.tabs.addTab(self.values, self.tr("Stock value"))
        layout = QVBoxLayout(self)
        layout.addLayout(self._toolbar())
        layout.addWidget(self.summary)
        self.done_note = plain_label(name="done_note")  # what the last action did, e.g. the transfer sent
        layout.addWidget(self.done_note)
        layout.addWidget(self.tabs)
        self.depot.currentIndexChanged.connect(self.reload)
        self.period.currentIndexChanged.connect(self.reload_rates)
        self.reload()

    def _toolbar(self) -> QHBoxLayout:
        top = QHBoxLayout()
        top.addWidget(self.org_filter)
        top.addWidget(plain_label(self.tr("Depot")))
        top.addWidget(self.depot)
        top.addWidget(plain_label(self.tr("Period")))
        top.addWidget(self.period)
        top.addStretch()
        self.transfer_button = QPushButton(self.tr("Transfer…"))
        self.transfer_button.setObjectName("transfer")
        self.transfer_button.clicked.connect(self.open_transfer)
        self.transfer_button.setEnabled(self.ctx.actor.has(service.MOVE))
        stocktake = QPushButton(self.tr("Stocktake…"))
        stocktake.clicked.connect(self.open_stocktake)
        stocktake.setEnabled(self.ctx.actor.has(service.STOCKTAKE))
        self.new_depot_button = QPushButton(self.tr("New depot…"))
        self.new_depot_button.clicked.connect(self.open_new_depot)
        self.levels_button = QPushButton(self.tr("Stock levels…"))
        self.levels_button.clicked.connect(self.open_levels)
        for button in (self.new_depot_button, self.levels_button):
            button.setEnabled(self.ctx.actor.has(service.DEPOTS))
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.reload)
        show_shortcut(refresh, REFRESH)
        for button in (self.transfer_button, stocktake, self.new_depot_button, self.levels_button, refresh):
            top.addWidget(button)
        return top

    def open_new_depot(self) -> None:
        from plugins.inventory.views.depot_dialogs import NewDepotDialog

        dialog = NewDepotDialog(self.ctx, self)
        if dialog.exec() == NewDepotDialog.Accepted:
            self.reload_depots(select_code=dialog.code.text().strip().upper())

    def open_levels(self) -> None:
        from plugins.inventory.views.depot_dialogs import StockLevelDialog

        if self.depot_id() is None:
            return
        dialog = StockLevelDialog(self.ctx, self.depot_id(), self.depot.currentText(), self)
        if dialog.exec() == StockLevelDialog.Accepted:
            self.reload()

    def reload_depots(self, select_code: str | None = None) -> None:
        """Refill the depot list (after a new depot) and select ``select_code``."""
        self.depot.blockSignals(True)
        self.depot.clear()
        with self.ctx.reading() as session:
            for depot in service.visible_depots(session, self.ctx.actor, **self.org_filter.arguments()):
                self.depot.addItem(f"{depot.code}  {depot.name}", str(depot.id))
        self.depot.blockSignals(False)
        if select_code:
            for index in range(self.depot.count()):
                if self.depot.itemText(index).split("  ")[0] == select_code:
                    self.depot.setCurrentIndex(index)
                    break
        self.reload()

    def _exported(self, table, name: str, operation) -> QWidget:
        """``table`` with its "Export to Excel…" below it; Ctrl+E exports it while the focus is in the tab."""
        box = QWidget()
        export = ListExport(self, self.ctx, "", lambda: partial(operation, depot_id=self.depot_id()),
                            shortcut_on=box)
        export.button.setObjectName(name)
        setattr(self, name, export)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(table)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(export.button)
        layout.addLayout(row)
        return box

    def _name_exports(self) -> None:
        """The exports' titles (the default file names) name the depot shown."""
        code = self.depot.currentText().split("  ")[0]
        self.balances_export.title = self.tr("Balances {depot}").format(depot=code)
        self.ledger_export.title = self.tr("Ledger {depot}").format(depot=code)
        for export in (self.balances_export, self.ledger_export):
            export.button.setEnabled(self.depot_id() is not None)

    def _transit_tab(self) -> QWidget:
        box = QWidget()
        self.receive_button = QPushButton(self.tr("Receive selected transfer"))
        self.receive_button.setObjectName("receive")
        self.receive_button.clicked.connect(self.receive_selected)
        self.receive_button.setEnabled(self.ctx.actor.has(service.MOVE))
        self.transit_message = plain_label()
        layout = QVBoxLayout(box)
        layout.addWidget(self.transit)
        row = QHBoxLayout()
        row.addWidget(self.transit_message, 1)
        row.addWidget(self.receive_button)
        layout.addLayout(row)
        return box

    # ------------------------------------------------------------ loading

    def depot_id(self):
        data = self.depot.currentData()
        return uuid.UUID(data) if data else None

    def refresh(self) -> None:  # F5 (``app.ui.shortcuts``)
        self.reload()

    def reload(self) -> None:
        self._name_exports()
        depot_id = self.depot_id()
        if depot_id is None:  # none yet, or none in the unit the org filter chose: clear what showed before
            self._depot_text = (self.tr("No depot in this unit.") if self.org_filter.org_id() is not None
                                else self.tr("No depot in your area yet."))
            self.summary.setText(self._depot_text)
            fill(self.balances, [])
            fill(self.transit, [])
            self.ledger_model.set_fetcher(lambda offset, limit: [])
            self.reload_rates()
            return
        actor = self.ctx.actor
        with self.ctx.reading() as session:  # one depot: a few hundred rows through an index
            rows = service.depot_balances(session, actor, depot_id)
            transfers = service.pending_transfers(session, actor, depot_id)
            depot_org = service.get_depot(session, actor, depot_id).org_id  # times in the depot's unit's zone
            sent = [LocalClock(session).text(depot_org, t.sent_at) for t in transfers]
        self.show_balances(rows)
        fill(self.transit, [(t.number, t.from_depot, t.to_depot, t.part_number, t.quantity, when)
                            for t, when in zip(transfers, sent)], 4)
        for r, t in enumerate(transfers):
            self.transit.item(r, 0).setData(Qt.UserRole, t.id)
        value = sum((r.value for r in rows), start=0)
        low = sum(1 for r in rows if r.low)
        self._depot_text = self.tr("Stock value {value} · {low} parts below minimum").format(value=money(value), low=low)
        self.summary.setText(self._depot_text)
        self.ledger_model.set_fetcher(self._ledger_fetcher(depot_id, depot_org))
        self.reload_rates()

    def show_balances(self, rows) -> None:
        fill(self.balances, [(r.part_number, r.name, r.on_hand, r.reserved, r.available, r.in_transit, r.defective,
                              r.min_qty, r.max_qty, money(r.value)) for r in rows], 2)
        for r, row in enumerate(rows):
            if not (row.on_hand or row.in_transit or row.defective or row.min_qty):
                for c in range(self.balances.columnCount()):  # stocked once, nothing now, no level
                    self.balances.item(r, c).setForeground(QBrush(QColor("#9e9e9e")))
            if row.low:
                for c in range(self.balances.columnCount()):
                    self.balances.item(r, c).setBackground(QBrush(LOW))
                self.balances.item(r, 4).setToolTip(self.tr("Below the minimum of {n}").format(n=row.min_qty))
        self.balances.resizeColumnsToContents()
        self.balances.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)

    def _ledger_fetcher(self, depot_id, depot_org):
        ctx, labels = self.ctx, service.kind_label

        def fetch(offset: int, limit: int):
            with ctx.reading() as session:
                rows = service.movements_page(session, ctx.actor, depot_id, offset, limit)
                clock = LocalClock(session)
                return [(m_id, clock.text(depot_org, at), labels(kind), part, qty, serial, ticket, by, reason)
                        for m_id, at, kind, part, qty, serial, ticket, by, reason in rows]
        return fetch

    def reload_rates(self) -> None:
        """Hit rate, value and low stock over every visible depot: in the thread pool."""
        ctx, period, depot_code = self.ctx, self.period.currentData(), self.depot.currentText().split("  ")[0]
        unit = self.org_filter.arguments()

        def work(progress, cancelled):
            with ctx.reading() as session:
                rates = service.hit_rates(session, ctx.actor, period, "depot", **unit)
                _, per_org = service.stock_value(session, ctx.actor, **unit)
                low = service.low_stock(session, ctx.actor, limit=2000, **unit)
            return rates, per_org, low

        worker = Worker(work)
        worker.signals.finished.connect(lambda result: self.show_rates(depot_code, *result))
        worker.signals.failed.connect(self.summary.setText)
        self._workers.append(worker)
        start(worker)

    def show_rates(self, depot_code: str, rates, per_org, low) -> None:
        fill(self.rates, [(r.code, r.name, r.requests, r.hits, "–" if r.rate is None else f"{r.rate:.1%}")
                          for r in rates], 2)
        fill(self.values, [(org, money(value)) for org, value in per_org], 1)
        fill(self.low, low, 3)
        own = next((r for r in rates if r.code == depot_code), None)
        total = service.total_hit_rate(rates)
        own_text = self.tr("no requests") if own is None or own.rate is None else f"{own.rate:.1%} ({own.hits}/{own.requests})"
        all_text = "–" if total.rate is None else f"{total.rate:.1%}"
        self.summary.setText(self._depot_text + " · " + self.tr("Hit rate {period}: {own}, all depots {all}").format(
            period=self.period.currentText(), own=own_text, all=all_text))
        self.rates.resizeColumnsToContents()

    # ------------------------------------------------------------ actions

    def open_transfer(self):
        from plugins.inventory.views.transfer_dialog import TransferDialog

        dialog = TransferDialog(self.ctx, self.depot_id(), self)
        dialog.accepted.connect(self.reload)
        dialog.accepted.connect(lambda: self.done_note.setText(self.tr("Transfer {number} sent to {depot}.").format(
            number=dialog.transfer_number, depot=dialog.target.currentText().split("  ")[0])))
        dialog.open()
        return dialog

    def receive_selected(self) -> None:
        row = self.transit.currentRow()
        if row < 0:
            self.transit_message.setText(self.tr("Select a transfer first."))
            return
        if not confirm(self, self.tr("Receive transfer"),
                       self.tr("The parts of transfer {number} are booked into the stock of {depot} now. This cannot "
                               "be undone; parts that should not have come go back by a new transfer.").format(
                           number=self.transit.item(row, 0).text(), depot=self.depot.currentText().split("  ")[0]),
                       self.tr("Receive")):
            return
        try:
            with self.ctx.transaction() as session:
                transfer = service.receive_transfer(session, self.ctx.actor, self.transit.item(row, 0).data(Qt.UserRole))
                number = transfer.number
        except UserError as exc:
            self.transit_message.setText(str(exc))
            return
        self.reload()
        self.transit_message.setText(self.tr("Transfer {number} received.").format(number=number))

    def open_stocktake(self):
        from plugins.inventory.views.stocktake_dialog import StocktakeDialog

        dialog = StocktakeDialog(self.ctx, self.depot_id(), self.depot.currentText().split("  ")[0], self)
        dialog.finished.connect(lambda _: self.reload())
        dialog.open()
        return dialog
