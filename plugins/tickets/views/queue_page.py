"""Work queues sorted by due time, breached rows red and due-soon rows amber:

- ``plugins.tickets.views.queue_page.MyQueuePage(ctx)``: the open cases assigned to the user;
- ``plugins.tickets.views.queue_page.ResponseCenterPage(ctx)``: every open case the user's unit
  answers for (its scope plus cases escalated to it).
Pages come from the door's read model (``service.queue``: open cases, due time ascending) through
``LazyTableModel``; the summary (open, breached, due soon) from ``service.breach_counts``, over
every case of the queue, not only the rows loaded, and the same figures as the home page's
counters. Double-click (or the context menu's Open) opens the ticket. Warnings and breaches are
recorded by the shell's periodic SLA sweep (hook ``periodic_jobs``); the page only reads, and
reloads every minute (and on F5) because due times move.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.lazy_table import LazyTableModel
from app.ui.list_menu import ListMenu
from app.ui.plain_text import plain_label
from app.ui.shortcuts import REFRESH, show_shortcut
from plugins.tickets import service
from plugins.tickets.views.common import URGENCY_COLOURS, Background, warn
from plugins.tickets.views.list_page import decorate, load_titles, make_table, table_rows

REFRESH_MS = 60_000  # due times move: the colours are recomputed every minute


class QueuePage(QWidget):
    mine = False

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.windows: list[QWidget] = []
        self.zones = {}  # org unit -> zone, looked up once while the page is open
        self.model = LazyTableModel(service.column_titles(), page_size=200, key_column=0)
        self.model.decorate = decorate
        self.model.load_failed.connect(lambda message: warn(self, self.tr("Queue"), message))
        self.titles = load_titles(self.ctx, self.model)
        self.counting = Background(self)
        self.view = make_table(self.model)
        self.view.setObjectName("ticket_queue")
        self.list_menu = ListMenu(self.view, ctx, self.title_text(), several=True,
                                  open=lambda index: self.open_ticket(self.model.key_at(index.row())))
        self.summary = plain_label(name="summary")
        legend = [_swatch(self.tr("breached"), "breached"), _swatch(self.tr("due within an hour"), "due_soon")]
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.reload)
        show_shortcut(refresh, REFRESH)
        top = QHBoxLayout()
        top.addWidget(plain_label(self.title_text()))
        top.addWidget(self.summary)
        top.addStretch()
        for swatch in legend:
            top.addWidget(swatch)
        top.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self.timer = QTimer(self, interval=REFRESH_MS)
        self.timer.timeout.connect(self.reload)
        self.timer.start()
        self.reload()

    def title_text(self) -> str:
        return self.tr("Open cases by due time")

    def refresh(self) -> None:  # F5 (``app.ui.shortcuts``)
        self.reload()

    def reload(self) -> None:
        ctx, actor, mine, zones = self.ctx, self.ctx.actor, self.mine, self.zones

        def fetch(offset, limit):
            with ctx.reading() as session:
                return table_rows(session, service.queue(session, actor, mine=mine, offset=offset, limit=limit),
                                  zones)
        self.model.set_fetcher(fetch)

        def count():
            with ctx.reading() as session:
                return service.breach_counts(session, actor, mine=mine)
        self.counting.run(count, self._show_counts, self.summary.setText)

    def _show_counts(self, counts) -> None:
        self.summary.setText(self.tr("{n} open, {breached} breached, {soon} due soon")
                             .format(n=counts.open, breached=counts.breached, soon=counts.due_soon))

    def open_ticket(self, ticket_id):
        from plugins.tickets.views.ticket_window import TicketWindow

        window = TicketWindow(self.ctx, ticket_id)
        window.changed.connect(self.reload)
        self.windows = [w for w in self.windows if w.isVisible()] + [window]
        window.show()
        return window


class MyQueuePage(QueuePage):
    mine = True

    def title_text(self) -> str:
        return self.tr("My open cases by due time")


class ResponseCenterPage(QueuePage):
    mine = False

    def title_text(self) -> str:
        return self.tr("Response center: every open case by due time")


def _swatch(text: str, urgency: str) -> QLabel:
    """A legend entry in the colour the table gives rows of that urgency."""
    label = plain_label(text, name=f"legend_{urgency}")
    label.setStyleSheet(f"background: {URGENCY_COLOURS[urgency].name()}; padding: 0 4px")
    return label
