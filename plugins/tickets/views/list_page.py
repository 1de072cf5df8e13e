"""The ticket list: ``plugins.tickets.views.list_page.TicketListPage(ctx)``.

Filters by org unit (``app.ui.org_filter``), state, priority, category, engineer, customer, breach and
opening date; quick search by ticket number, serial number or customer name; sorting by clicking a
column title; the current view exported to Excel (``app.ui.list_export``, Ctrl+E). Pages, the
count and the export all come from the door's one read model (``service.list_page``, ``list_count``,
``export_list``), off the GUI thread; rows come through ``LazyTableModel``. Times are the ticket's
org unit's (its zone named in the column titles and the time cells' tooltips where it is not the
workstation's).
Double-click (or the context menu's Open) opens the ticket window; "New ticket…" (Ctrl+N, File menu) opens
the intake dialog; F5 reloads and Ctrl+F goes to the quick search.
"""

from __future__ import annotations

from datetime import timedelta
from functools import partial

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QHeaderView,
                               QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget)

from app.ui.lazy_table import LazyTableModel
from app.ui.list_export import ListExport
from app.ui.list_menu import ListMenu
from app.ui.org_filter import OrgFilter
from app.ui.plain_text import plain_label, tooltip_text
from app.ui.shortcuts import NEW, REFRESH, focus_field, show_shortcut
from plugins.tickets import service
from plugins.tickets.views.common import Background, urgency_brush, warn

OPEN = "__open__"
SORTABLE = {0: "number", 1: "state", 2: "priority", 8: "opened_at", 9: "due"}
TIME_COLUMNS = (9, 10)  # opened and due, counting the hidden id in front


def table_rows(session, rows, zones: dict) -> list[tuple]:
    """LazyTableModel rows: hidden id, the visible texts, the urgency (colour) and the row's zone (tooltip).
    ``zones``: the units' zones the page has met so far, kept from page to page."""
    return [(line.id, *line.texts, line.urgency, line.zone)
            for line in service.list_lines(session, rows, zones=zones)]


def load_titles(ctx, model: LazyTableModel) -> Background:
    """The column titles name the user's unit's zone where it is not the workstation's; asked off the GUI thread."""
    def titles():
        with ctx.reading() as session:
            return service.list_titles(session, ctx.actor)

    def show(found) -> None:
        model.headers = list(found)
        model.headerDataChanged.emit(Qt.Horizontal, 0, len(found) - 1)
    loader = Background(model)
    loader.run(titles, show)
    return loader


def make_table(model: LazyTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.SingleSelection)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.Interactive)
    header.setStretchLastSection(True)
    for column, width in enumerate((190, 90, 80, 90, 220, 110, 120, 80, 150, 150)):  # room for a zone
        view.setColumnWidth(column, width)
    return view


def decorate(row, column, role):
    if role == Qt.BackgroundRole:
        return urgency_brush(row[-2])
    if role == Qt.ToolTipRole and column in TIME_COLUMNS and row[-1]:
        return tooltip_text(QCoreApplication.translate("TicketListPage", "Time in {zone}").format(zone=row[-1]))
    return None


class TicketListPage(QWidget):
    ticket_opened = Signal(object)  # the ticket window, for tests and the shell

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.windows: list[QWidget] = []
        self.sort, self.descending = "opened_at", True
        self.zones = {}  # org unit -> zone, looked up once while the page is open
        self.background = Background(self)
        self.counting = Background(self)
        self.choices = Background(self)
        self._build_filters()
        self.model = LazyTableModel(service.column_titles(), page_size=200, key_column=0)
        self.model.decorate = decorate
        self.model.load_failed.connect(lambda message: warn(self, self.tr("Tickets"), message))
        self.titles = load_titles(self.ctx, self.model)
        self.view = make_table(self.model)
        self.view.setObjectName("ticket_list")
        self.list_menu = ListMenu(self.view, ctx, self.tr("Tickets"), several=True,
                                  open=lambda index: self.open_ticket(self.model.key_at(index.row())))
        header = self.view.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSortIndicator(8, Qt.DescendingOrder)
        header.sectionClicked.connect(self._sort_by)
        layout = QVBoxLayout(self)
        layout.addLayout(self.filter_row)
        layout.addLayout(self.action_row)
        layout.addWidget(self.view)
        self.debounce = QTimer(self, singleShot=True, interval=300)
        self.debounce.timeout.connect(self.reload)
        self.reload()
        self.choices.run(lambda: self._load_engineers(), self._fill_engineers)

    # ------------------------------------------------------------------ filters

    def _combo(self, items) -> QComboBox:
        combo = QComboBox()
        for label, value in items:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(self.reload)
        return combo

    def _build_filters(self) -> None:
        self.org_filter = OrgFilter(self.ctx)
        self.org_filter.changed.connect(lambda *_: self.reload())
        self.search = QLineEdit(placeholderText=self.tr("Ticket number, serial number or customer"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        self.search.textChanged.connect(lambda _text: self.debounce.start())
        self.state = self._combo([(self.tr("All states"), None), (self.tr("Open"), OPEN)]
                                 + [(service.state_label(s), s) for s in service.STATES])
        self.priority = self._combo([(self.tr("Any priority"), None)]
                                    + [(service.priority_label(p), p) for p in service.PRIORITIES])
        self.category = self._combo([(self.tr("Any category"), None)]
                                    + [(service.category_label(c), c) for c in service.CATEGORIES])
        self.breach = self._combo([(self.tr("Breached or not"), None), (self.tr("Breached"), True),
                                   (self.tr("Not breached"), False)])
        self.engineer = self._combo([(self.tr("Any engineer"), None)])
        self.customer = QComboBox(editable=True)
        self.customer.setMinimumWidth(200)
        self.customer.lineEdit().setPlaceholderText(self.tr("Customer (type, then Enter)"))
        self.customer.lineEdit().returnPressed.connect(self._find_customers)
        self.customer.currentIndexChanged.connect(self.reload)
        self.dated = QCheckBox(self.tr("Opened between"))
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-30), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.date_to = QDateEdit(today, calendarPopup=True, displayFormat="yyyy-MM-dd")
        for widget in (self.date_from, self.date_to):
            widget.setEnabled(False)
            widget.dateChanged.connect(self.reload)
            self.dated.toggled.connect(widget.setEnabled)
        self.dated.toggled.connect(self.reload)
        self.count = plain_label(name="count")
        self.new_button = QPushButton(self.tr("New ticket…"))
        self.new_button.setEnabled(service.can_open_tickets(self.ctx.actor))
        self.new_button.clicked.connect(self.new_ticket)
        show_shortcut(self.new_button, NEW)
        self.excel = ListExport(self, self.ctx, self.tr("Tickets"), self.export_operation)
        self.excel.finished.connect(lambda n, path: self.count.setText(
            self.tr("Exported {n} tickets to {path}").format(n=n, path=path)))
        self.export_button = self.excel.button
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.reload)
        show_shortcut(refresh, REFRESH)
        self.filter_row = QHBoxLayout()
        for widget in (self.org_filter, self.search, self.state, self.priority, self.category, self.breach,
                       self.engineer):
            self.filter_row.addWidget(widget)
        self.filter_row.addStretch()
        self.action_row = QHBoxLayout()
        for widget in (self.customer, self.dated, self.date_from, plain_label("–"), self.date_to, self.count):
            self.action_row.addWidget(widget)
        self.action_row.addStretch()
        for widget in (refresh, self.export_button, self.new_button):
            self.action_row.addWidget(widget)

    def filters(self) -> service.TicketFilter:
        """What the widgets say; the dates are days in the user's unit (the door resolves them)."""
        state = self.state.currentData()
        opened_from = opened_to = None
        if self.dated.isChecked():
            opened_from = self.date_from.date().toPython()
            opened_to = self.date_to.date().toPython() + timedelta(days=1)
        customer = self.customer.currentData() if self.customer.currentIndex() > 0 else None
        return service.TicketFilter(states=(state,) if state and state != OPEN else (), open_only=state == OPEN,
                            priority=self.priority.currentData(), category=self.category.currentData(),
                            engineer_id=self.engineer.currentData(), customer_id=customer,
                            breached=self.breach.currentData(), opened_from=opened_from, opened_to=opened_to,
                            text=self.search.text().strip(), **self.org_filter.arguments())

    def _load_engineers(self):
        with self.ctx.reading() as session:
            return service.engineer_choices(session, self.ctx.actor)

    def _fill_engineers(self, engineers) -> None:
        self.engineer.blockSignals(True)
        for user_id, name in engineers:
            self.engineer.addItem(name, user_id)
        self.engineer.blockSignals(False)

    def _find_customers(self) -> None:
        text = self.customer.currentText().strip()

        def load():
            with self.ctx.reading() as session:
                return service.customer_choices(session, self.ctx.actor, text)
        self.choices.run(load, self._fill_customers)

    def _fill_customers(self, customers) -> None:
        self.customer.blockSignals(True)
        self.customer.clear()
        self.customer.addItem(self.tr("Any customer"), None)
        for customer_id, name in customers:
            self.customer.addItem(name, customer_id)
        self.customer.blockSignals(False)
        self.customer.setCurrentIndex(1 if customers else 0)
        self.reload()

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:  # F5 (``app.ui.shortcuts``)
        self.reload()

    def focus_search(self) -> None:  # Ctrl+F
        focus_field(self.search)

    def reload(self) -> None:
        ctx, actor, filters, sort, descending = self.ctx, self.ctx.actor, self.filters(), self.sort, self.descending
        zones = self.zones

        def fetch(offset, limit):
            with ctx.reading() as session:
                return table_rows(session, service.list_page(session, actor, filters, offset=offset, limit=limit,
                                                             sort=sort, descending=descending), zones)
        self.model.set_fetcher(fetch)
        self.count.setText(self.tr("Counting…"))

        def count():
            with ctx.reading() as session:
                return service.list_count(session, actor, filters)
        self.counting.run(count, lambda n: self.count.setText(self.tr("Tickets: {n}").format(n=n)),
                          lambda message: self.count.setText(message))

    def _sort_by(self, column: int) -> None:
        header = self.view.horizontalHeader()
        if column not in SORTABLE:
            header.setSortIndicator(next(c for c, s in SORTABLE.items() if s == self.sort),
                                    Qt.DescendingOrder if self.descending else Qt.AscendingOrder)
            return
        self.sort, self.descending = SORTABLE[column], header.sortIndicatorOrder() == Qt.DescendingOrder
        self.reload()

    # ------------------------------------------------------------------ actions

    def open_ticket(self, ticket_id):
        from plugins.tickets.views.ticket_window import TicketWindow

        window = TicketWindow(self.ctx, ticket_id)
        window.changed.connect(self.reload)
        self.windows = [w for w in self.windows if w.isVisible()] + [window]
        window.show()
        self.ticket_opened.emit(window)
        return window

    def new_ticket(self):
        from plugins.tickets.views.new_ticket_dialog import NewTicketDialog

        dialog = NewTicketDialog(self.ctx, self)
        dialog.created.connect(lambda ticket_id: (self.reload(), self.open_ticket(ticket_id)))
        dialog.show()
        return dialog

    def export_operation(self):
        """The door's export with what the page shows now: its filter and its order."""
        return partial(service.export_list, filters=self.filters(), sort=self.sort, descending=self.descending)

    def export_to(self, path: str):
        return self.excel.export_to(path)


def new_ticket_from_shell(ctx, window):
    """File → New ticket (Ctrl+N) from any page: the ticket list comes up with the intake dialog over
    it, so the new case shows in the list and opens in its window once saved."""
    page = window.open_page("tickets.list")
    if isinstance(page, TicketListPage):
        return page.new_ticket()
    from plugins.tickets.views.new_ticket_dialog import NewTicketDialog

    dialog = NewTicketDialog(ctx, window)  # the list is not among this user's pages
    dialog.show()
    return dialog
