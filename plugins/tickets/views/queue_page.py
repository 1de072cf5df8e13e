"""Work queues sorted by due time, breached rows red and due-soon rows amber:

- ``plugins.tickets.views.queue_page.MyQueuePage(ctx)``: the open cases assigned to the user;
- ``plugins.tickets.views.queue_page.ResponseCenterPage(ctx)``: every open case the user's unit
  answers for (its scope plus cases escalated to it).
Pages come from ``list_queries.list_page`` (open cases, due time ascending, the same cases as
``service.queue``) through ``LazyTableModel``; double-click opens the ticket. Warnings and
breaches are recorded by the shell's periodic SLA sweep (hook ``periodic_jobs``); the page only
reads, and reloads every minute because due times move.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.lazy_table import LazyTableModel
from plugins.tickets import list_queries, list_support
from plugins.tickets.queries import TicketFilter
from plugins.tickets.views.common import URGENCY_COLOURS, warn
from plugins.tickets.views.list_page import decorate, make_table, table_rows

REFRESH_MS = 60_000  # due times move: the colours are recomputed every minute


class QueuePage(QWidget):
    mine = False

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.windows: list[QWidget] = []
        self.model = LazyTableModel(list_support.column_titles(), page_size=200, key_column=0)
        self.model.decorate = decorate
        self.model.load_failed.connect(lambda message: warn(self, self.tr("Queue"), message))
        self.model.page_loaded.connect(self._show_count)
        self.view = make_table(self.model)
        self.view.setObjectName("ticket_queue")
        self.view.doubleClicked.connect(lambda index: self.open_ticket(self.model.key_at(index.row())))
        self.summary = QLabel()
        legend = QLabel(self.tr('<span style="background:{red}">&nbsp;breached&nbsp;</span> '
                                '<span style="background:{amber}">&nbsp;due within an hour&nbsp;</span>')
                        .format(red=URGENCY_COLOURS["breached"].name(), amber=URGENCY_COLOURS["due_soon"].name()))
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.title_text()))
        top.addWidget(self.summary)
        top.addStretch()
        top.addWidget(legend)
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

    def reload(self) -> None:
        ctx, actor, mine = self.ctx, self.ctx.actor, self.mine

        filters = TicketFilter(open_only=True, engineer_id=actor.user_id if mine else None)

        def fetch(offset, limit):
            with ctx.reading() as session:
                return table_rows(list_queries.list_page(session, actor, filters, offset=offset, limit=limit,
                                                         sort="due", descending=False))
        self.model.set_fetcher(fetch)

    def _show_count(self, loaded: int) -> None:
        urgent = sum(1 for row in self.model.rows if row[-1] == "breached")
        soon = sum(1 for row in self.model.rows if row[-1] == "due_soon")
        more = "+" if self.model.canFetchMore() else ""
        self.summary.setText(self.tr("{n}{more} open, {breached} breached, {soon} due soon")
                             .format(n=loaded, more=more, breached=urgent, soon=soon))

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
