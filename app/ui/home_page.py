"""Home: who and where you are, the counters plugins report (open tickets, expiring certificates…),
the charts some of them form (e.g. one's own open cases per state) and, for those who may see
the dashboards, this quarter's charted figures of their unit with a bar per unit below it (a
branch manager: the branch and its partners)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from app.core_plugin import DASHBOARD_VIEW
from app.reports.dashboard import OWN, dashboard_figures
from app.orgs.models import OrgUnit
from app.reports.period import Period
from app.ui.charts import CHART_HEIGHT, BarChart, figure_text
from app.ui.plain_text import plain_label, set_plain
from app.ui.shortcuts import REFRESH, show_shortcut
from app.ui.workers import Worker, start

COLORS = {"info": "#1565c0", "warning": "#ef6c00", "critical": "#c62828"}
CHART_WIDTH = 420


class HomePage(QWidget):
    counters_shown = Signal()
    figures_shown = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        actor = ctx.actor
        with ctx.reading() as session:
            org = session.get(OrgUnit, actor.org_id)
            tier = {"hq": self.tr("HQ"), "branch": self.tr("Branch"), "partner": self.tr("Partner")}[org.tier]
            title = plain_label(self.tr("Welcome, {name}").format(name=actor.display_name), wrap=True, name="welcome")
            subtitle = plain_label(f"{org.name} ({org.code}) · {tier}", wrap=True, name="org_unit")
        title.setStyleSheet("font-size: 20px; font-weight: bold")
        self.grid = QGridLayout()
        self.grid.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.counter_charts = QHBoxLayout()
        self.counter_charts.setAlignment(Qt.AlignLeft)
        self.charts: list[BarChart] = []
        self.quarter = QuarterFigures(ctx) if actor.has(DASHBOARD_VIEW) else None
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        show_shortcut(refresh, REFRESH)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(12)
        layout.addLayout(self.grid)
        layout.addLayout(self.counter_charts)
        if self.quarter is not None:
            self.quarter.shown.connect(self.figures_shown)
            layout.addWidget(self.quarter)
        layout.addWidget(refresh, 0, Qt.AlignLeft)
        layout.addStretch()
        self.refresh()

    def refresh(self) -> None:
        """Count in the thread pool: a plugin's counter may scan a large table."""
        ctx = self.ctx

        def count(progress, cancelled):
            with ctx.reading() as session:
                groups = ctx.hook.dashboard_counters(session=session, actor=ctx.actor)
                return [c for group in groups for c in (group or ())]

        self._worker = Worker(count)
        self._worker.signals.finished.connect(self.show_counters)
        self._worker.signals.failed.connect(lambda message: self.show_counters([], message))
        start(self._worker)
        if self.quarter is not None:
            self.quarter.refresh()

    def show_counters(self, counters, error: str = "") -> None:
        while self.grid.count():
            self.grid.takeAt(0).widget().deleteLater()
        cards = [c for c in counters if not c.chart]
        if error:
            self.grid.addWidget(plain_label(self.tr("Counters could not be read: {error}").format(error=error),
                                            wrap=True), 0, 0)
        elif not counters:
            self.grid.addWidget(plain_label(self.tr("Nothing to report yet.")), 0, 0)
        for index, counter in enumerate(cards):
            self.grid.addWidget(self._card(counter), index // 3, index % 3)
        self._draw_counter_charts([c for c in counters if c.chart])
        self.counters_shown.emit()

    def _draw_counter_charts(self, counters) -> None:
        for chart in self.charts:
            self.counter_charts.removeWidget(chart)
            chart.setParent(None)  # gone from the page now, not at the next event loop turn
            chart.deleteLater()
        grouped = defaultdict(list)
        for counter in counters:
            grouped[counter.chart].append(counter)
        self.charts = []
        for title, bars in grouped.items():
            chart = BarChart(title, [c.label for c in bars], [c.value for c in bars], horizontal=True)
            chart.setObjectName(f"chart:{bars[0].id}")
            chart.setFixedWidth(max(CHART_WIDTH, chart.minimumWidth()))
            self.counter_charts.addWidget(chart)
            self.charts.append(chart)

    def _card(self, counter) -> QFrame:
        card = QFrame()
        card.setObjectName(counter.id)
        card.setFrameShape(QFrame.StyledPanel)
        card.setFixedWidth(240)
        value = plain_label(str(counter.value))
        value.setStyleSheet(f"font-size: 28px; color: {COLORS.get(counter.severity, COLORS['info'])}")
        layout = QVBoxLayout(card)
        layout.addWidget(value)
        layout.addWidget(plain_label(counter.label, wrap=True))
        return card


class QuarterFigures(QGroupBox):
    """This quarter's charted figures of the reader's unit: its totals, and a chart of one measure
    (chosen from a list when there are several) with a bar per unit below it."""

    shown = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("quarter_figures")
        self.figures = None
        self.chart: BarChart | None = None
        self.totals = plain_label(wrap=True, name="quarter_totals")
        self.measure = QComboBox(objectName="quarter_measure")
        self.measure.currentIndexChanged.connect(lambda _index: self._draw_chart())
        self.scroll = QScrollArea()  # HQ's chart has a bar per branch: it scrolls, the page keeps its width
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.setFixedHeight(CHART_HEIGHT + 24)
        layout = QVBoxLayout(self)
        layout.addWidget(self.totals)
        layout.addWidget(self.measure, 0, Qt.AlignLeft)
        layout.addWidget(self.scroll)
        self._worker: Worker | None = None
        self.hide()  # until there is something to chart

    def refresh(self) -> None:
        ctx, period = self.ctx, Period.quarter_of(date.today())
        self._worker = Worker(lambda _progress, cancelled: dashboard_figures(ctx, period, None, cancelled))
        self._worker.signals.finished.connect(self._arrived)
        self._worker.signals.failed.connect(self._failed)
        start(self._worker)

    def _failed(self, error: str) -> None:
        set_plain(self.totals, self.tr("This quarter's figures could not be read: {error}").format(error=error))
        self.measure.hide()
        self.show()
        self.shown.emit()

    def _arrived(self, figures) -> None:
        self.figures = figures
        charted = figures.charted
        self.setTitle(self.tr("{period} at {name}").format(period=figures.period.label, name=figures.unit.name))
        totals = [f"{m.label}: {figure_text(m.kind, figures.total.values[figures.measures.index(m)])}" for m in charted]
        set_plain(self.totals, "\n".join(totals))
        self.measure.blockSignals(True)
        self.measure.clear()
        for measure in charted:
            self.measure.addItem(measure.label, measure.code)  # item text is never read as markup
        self.measure.blockSignals(False)
        self.measure.setVisible(len(charted) > 1)
        self.setVisible(bool(charted))
        self._draw_chart()
        self.shown.emit()

    def _draw_chart(self) -> None:
        if self.chart is not None:
            self.scroll.takeWidget()
            self.chart.setParent(None)  # gone from the page now, not at the next event loop turn
            self.chart.deleteLater()
            self.chart = None
        figures = self.figures
        code = self.measure.currentData()
        measure = next((m for m in figures.charted if m.code == code), None) if figures else None
        if measure is None:
            return
        bars = figures.own_and_below()  # a branch manager: the branch's own work beside each partner's
        names = [self.tr("{name} (own work)").format(name=b.name) if b.kind == OWN else b.name for b in bars]
        self.chart = BarChart(measure.label, [b.code for b in bars], figures.column(measure, bars), kind=measure.kind,
                              target=measure.target, names=names)
        self.chart.setObjectName(f"chart:{measure.code}")
        self.chart.setMaximumWidth(max(2 * CHART_WIDTH, self.chart.minimumWidth()))
        self.scroll.setWidget(self.chart)
