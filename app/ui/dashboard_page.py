"""数据看板: the network's figures for a period and a unit of the reader's part of the network —
a table of the units one level below it (each with its whole subtree), the unit's own work and
its total, and a bar chart per charted measure with a bar per unit below.

Double-clicking a unit (its row or its bar) makes it the chosen unit (HQ → branch → partner);
"Up" goes back. The figures come from the door (``app.reports.dashboard``) in a worker; a new
choice cancels the one still being computed.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLineEdit, QPushButton, QScrollArea,
                               QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app.errors import UserError
from app.orgs.tree import lineage_codes
from app.reports.dashboard import CHILD, OWN, TOTAL, DashboardFigures, dashboard_figures
from app.reports.period import FORMS, Period, parse_period
from app.ui.charts import BELOW, BarChart, below_target, figure_text
from app.ui.icons import icon
from app.ui.org_filter import OrgFilter
from app.ui.plain_text import plain_label, set_plain, tooltip_text
from app.ui.workers import Worker, start

ORG_ROLE = Qt.UserRole          # on a row's first cell: the unit's id
KIND_ROLE = Qt.UserRole + 1     # on a row's first cell: child, own or total
VALUE_ROLE = Qt.UserRole        # on a figure's cell: the figure as a number (a share as 0–1)
ERROR_STYLE = "color: #b00020"
HINT_STYLE = "color: #607d8b"
FIXED_COLUMNS = 2               # code, name


class DashboardPage(QWidget):
    shown = Signal()  # new figures are on screen, or the reason they could not be read

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.figures: DashboardFigures | None = None
        self.unit_id = None              # None: the reader's own unit
        self.worker: Worker | None = None
        self.charts: list[BarChart] = []
        title = plain_label(self.tr("Dashboards"))
        title.setStyleSheet("font-size: 20px; font-weight: bold")
        self.heading = plain_label(wrap=True, name="heading")
        self.message = plain_label(wrap=True, name="message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.table = self._table()
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(self._controls())
        layout.addLayout(self._status_row())
        layout.addWidget(self.message)
        layout.addWidget(self.heading)
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self._chart_area())
        splitter.setStretchFactor(0, 1)  # a row per branch and a chart per measure share the height
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.refresh()

    # ------------------------------------------------------------------ layout

    def _controls(self) -> QHBoxLayout:
        self.period = QLineEdit(Period.quarter_of(date.today()).label, objectName="period")
        self.period.setPlaceholderText(FORMS)
        self.period.setToolTip(tooltip_text(self.tr("A year, quarter, month or range of days: {forms}").format(
            forms=FORMS)))
        self.period.setMaximumWidth(260)
        self.period.returnPressed.connect(self.refresh)
        show = QPushButton(self.tr("Show"), objectName="show")
        show.clicked.connect(self.refresh)
        self.org_filter = OrgFilter(self.ctx, self)
        self.org_filter.subtree.hide()  # a dashboard always covers the units below the chosen one
        self.org_filter.changed.connect(lambda org_id, _below: self.show_unit(org_id))
        self.up_button = QPushButton(icon("fa5s.level-up-alt"), self.tr("Up"), objectName="up")
        self.up_button.setToolTip(self.tr("Show the unit above"))
        self.up_button.setEnabled(False)
        self.up_button.clicked.connect(self.go_up)
        row = QHBoxLayout()
        row.addWidget(plain_label(self.tr("Period")))
        row.addWidget(self.period)
        row.addWidget(show)
        row.addWidget(self.org_filter)
        row.addWidget(self.up_button)
        row.addStretch()
        return row

    def _status_row(self) -> QHBoxLayout:
        self.status = plain_label(name="status")
        self.status.setStyleSheet(HINT_STYLE)
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        row = QHBoxLayout()
        row.addWidget(self.status)
        row.addWidget(self.cancel_button)
        row.addStretch()
        return row

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, FIXED_COLUMNS, objectName="figures")
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setSelectionMode(QAbstractItemView.SingleSelection)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        table.cellDoubleClicked.connect(lambda row, _column: self._row_activated(row))
        return table

    def _chart_area(self) -> QScrollArea:
        self.chart_box = QWidget()
        self.chart_layout = QVBoxLayout(self.chart_box)
        self.no_charts = plain_label(wrap=True, name="no_charts")
        self.no_charts.setStyleSheet(HINT_STYLE)
        self.chart_layout.addWidget(self.no_charts)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(self.chart_box)
        return area

    # ------------------------------------------------------------------ choosing

    def show_unit(self, org_id) -> None:
        """Show ``org_id`` (None: the reader's own unit) for the period typed."""
        self.unit_id = org_id
        self.refresh()

    def drill_down(self, org_id) -> None:
        """Make a unit below the chosen one the chosen unit, as the org filter shows it."""
        if not self.org_filter.choose(org_id):
            self.show_unit(org_id)

    def go_up(self) -> None:
        if self.figures is not None and self.figures.up_id is not None:
            self.drill_down(self.figures.up_id)

    def _row_activated(self, row: int) -> None:
        first = self.table.item(row, 0)
        if first is not None and first.data(KIND_ROLE) == CHILD:
            self.drill_down(first.data(ORG_ROLE))

    def _bar_activated(self, index: int) -> None:
        bars = self.figures.bars() if self.figures else ()
        if 0 <= index < len(bars) and bars[index].drillable:
            self.drill_down(bars[index].org_id)

    # ------------------------------------------------------------------ computing

    def refresh(self) -> None:
        """Read the period with the one parser and compute the figures in a worker. A wrong period
        is refused here, next to what was typed, and nothing is computed."""
        try:
            period = parse_period(self.period.text())
        except UserError as exc:
            set_plain(self.message, str(exc))
            self.message.show()
            self.shown.emit()
            return
        self.message.hide()
        self.cancel()
        ctx, org_id = self.ctx, self.unit_id
        worker = Worker(lambda _progress, cancelled: dashboard_figures(ctx, period, org_id, cancelled))
        worker.signals.finished.connect(lambda figures, w=worker: self._arrived(w, figures))
        worker.signals.failed.connect(lambda error, w=worker: self._failed(w, error))
        self.worker = worker
        set_plain(self.status, self.tr("Computing the figures for {period}…").format(period=period.label))
        self.cancel_button.show()
        start(worker)

    def cancel(self) -> None:
        """Stop waiting for the figures being computed; what is on screen stays."""
        if self.worker is not None:
            self.worker.cancel()
            self.worker = None
            set_plain(self.status, self.tr("Cancelled."))
        self.cancel_button.hide()

    def _arrived(self, worker: Worker, figures: DashboardFigures) -> None:
        if worker is not self.worker:
            return  # a choice made since has replaced it
        self.worker = None
        self.cancel_button.hide()
        self.status.clear()
        self.figures = figures
        self.up_button.setEnabled(figures.up_id is not None)
        set_plain(self.heading, self.tr("{path} · {name} · {period}").format(
            path=" › ".join(self._visible_lineage(figures)), name=figures.unit.name, period=figures.period.label))
        self._fill_table(figures)
        self._draw_charts(figures)
        self.shown.emit()

    def _failed(self, worker: Worker, error: str) -> None:
        if worker is not self.worker:
            return
        self.worker = None
        self.cancel_button.hide()
        self.status.clear()
        set_plain(self.message, self.tr("The figures could not be read: {error}").format(error=error))
        self.message.show()
        self.shown.emit()

    def _visible_lineage(self, figures: DashboardFigures) -> list[str]:
        """The chosen unit's path from the top of what the reader sees (HQ › BJ › BJ-P01)."""
        codes = lineage_codes(figures.unit.path)[::-1]
        top = self.ctx.actor.org_code
        return codes[codes.index(top):] if top in codes else codes[-1:]

    # ------------------------------------------------------------------ drawing

    def _fill_table(self, figures: DashboardFigures) -> None:
        measures = figures.measures
        headers = [self.tr("Code"), self.tr("Name"), *(m.label for m in measures)]
        rows = [r for r in figures.rows if r.kind != OWN or figures.children]  # a unit alone: its total says it
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        for column, measure in enumerate(measures, start=FIXED_COLUMNS):
            if measure.target is not None:
                target = self.tr("{measure}: target {value}").format(
                    measure=measure.label, value=figure_text(measure.kind, measure.target))
                self.table.horizontalHeaderItem(column).setToolTip(tooltip_text(target))
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            self._fill_row(index, row, measures)

    def _fill_row(self, index: int, row, measures) -> None:
        code, name = row.code, row.name
        if row.kind == OWN:
            name = self.tr("{name} (own work)").format(name=row.name)
        elif row.kind == TOTAL:
            code = self.tr("Total")
        cells = [QTableWidgetItem(code), QTableWidgetItem(name)]  # items never render markup
        cells[0].setData(ORG_ROLE, row.org_id)
        cells[0].setData(KIND_ROLE, row.kind)
        if row.drillable:
            cells[1].setToolTip(tooltip_text(self.tr("Double-click to see the units of {name}").format(name=row.name)))
        for measure, value in zip(measures, row.values):
            cell = QTableWidgetItem(figure_text(measure.kind, value))
            cell.setData(VALUE_ROLE, value)
            cell.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            if below_target(value, measure.target):
                cell.setForeground(QColor(BELOW))
            cells.append(cell)
        for column, cell in enumerate(cells):
            if row.kind != CHILD:
                font = QFont(cell.font())
                font.setBold(row.kind == TOTAL)
                font.setItalic(row.kind == OWN)
                cell.setFont(font)
            self.table.setItem(index, column, cell)

    def _draw_charts(self, figures: DashboardFigures) -> None:
        for chart in self.charts:
            self.chart_layout.removeWidget(chart)
            chart.setParent(None)  # gone from the page now, not at the next event loop turn
            chart.deleteLater()
        self.charts = []
        bars = figures.bars()
        for measure in figures.charted:
            chart = BarChart(measure.label, [b.code for b in bars], figures.column(measure, bars), kind=measure.kind,
                             target=measure.target, names=[b.name for b in bars])
            chart.setObjectName(f"chart:{measure.code}")
            chart.bar_activated.connect(self._bar_activated)
            self.chart_layout.addWidget(chart)
            self.charts.append(chart)
        if not figures.measures:
            set_plain(self.no_charts, self.tr("No plugin reports figures for {period}.").format(
                period=figures.period.label))
        elif not self.charts:
            set_plain(self.no_charts, self.tr("No figure is drawn as a chart."))
        self.no_charts.setVisible(not self.charts)
