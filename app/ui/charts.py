"""Bar charts (QtCharts) of the figures the dashboards and the home page show, and the one way
those figures are written for the reader (counts, money, % for shares, one decimal for means).

    chart = BarChart(measure.label, ["BJ", "SH"], [0.97, 0.91], kind="share", target=0.95,
                     names=["北京分公司", "上海分公司"])
    chart.bar_activated.connect(lambda index: ...)      # a bar double-clicked

QtCharts draws its titles, axis labels and legend as rich text: every text handed to it is
escaped here, so a name or label reads literally.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCharts import (QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QHorizontalBarSeries,
                              QLineSeries, QStackedBarSeries, QValueAxis)
from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QToolTip

from app.i18n import translate
from app.ui.plain_text import tooltip_text

NO_FIGURE = "—"
PLAIN, MET, BELOW, TARGET = "#1565c0", "#2e7d32", "#c62828", "#455a64"
BAR_WIDTH = 22      # pixels a bar drawn across needs for its label
THIN_BAR = 6        # pixels a bar needs to be seen at all (and hovered, double-clicked)
CHART_HEIGHT = 300


def figure_text(kind: str, value, locale: QLocale | None = None) -> str:
    """A measure's figure as the reader sees it, in the reader's locale: a share as a percent, a
    mean with one decimal, money in yuan, a count as a whole number; "—" when there is none."""
    if value is None:
        return NO_FIGURE
    locale = locale or QLocale()
    if kind == "share":
        return locale.toString(float(value) * 100, "f", 1) + locale.percent()
    if kind == "mean":
        return locale.toString(float(value), "f", 1)
    if kind == "money":
        return locale.toCurrencyString(float(value), "¥", 2)
    return locale.toString(int(round(float(value))))


def chart_value(kind: str, value) -> float:
    """The height of a figure's bar: a share in percent, nothing as zero."""
    if value is None:
        return 0.0
    return float(value) * 100 if kind == "share" else float(value)


def below_target(value, target: float | None) -> bool:
    return target is not None and value is not None and value < target


class BarChart(QChartView):
    """One bar per category. With a ``target`` (a share's commitment) the bars are green where
    the figure meets it and red where it falls below, with the target drawn as a line.
    ``horizontal``: bars drawn across, the first at the top, for categories that are words."""

    bar_activated = Signal(int)  # the index of a bar double-clicked

    def __init__(self, title: str, categories: Sequence[str], values: Sequence, *, kind: str = "count",
                 target: float | None = None, names: Sequence[str] | None = None, horizontal: bool = False,
                 parent=None):
        super().__init__(parent)
        self.categories, self.values, self.kind, self.target = list(categories), list(values), kind, target
        self.names = list(names or categories)
        self.horizontal = horizontal and target is None
        self.below = [i for i, value in enumerate(self.values) if below_target(value, target)]
        chart = QChart()
        chart.setTitle(html.escape(title))
        chart.setAnimationOptions(QChart.NoAnimation)
        chart.legend().setVisible(target is not None)
        chart.legend().setAlignment(Qt.AlignBottom)
        self.bar_sets = self._bar_sets()
        series = (QStackedBarSeries() if target is not None
                  else QHorizontalBarSeries() if self.horizontal else QBarSeries())
        for bar_set in self.bar_sets:
            series.append(bar_set)
            bar_set.doubleClicked.connect(lambda drawn: self.bar_activated.emit(self._index(drawn)))
            bar_set.hovered.connect(lambda inside, drawn: self._hovered(inside, self._index(drawn)))
        if len(self.categories) > 20:  # a bar per branch: wide bars on a plain ground
            series.setBarWidth(0.8)
        chart.addSeries(series)
        self._add_axes(chart, series)
        self.setChart(chart)
        self.setRenderHint(QPainter.Antialiasing)
        if self.horizontal:
            self.setMinimumHeight(max(CHART_HEIGHT // 2, BAR_WIDTH * len(self.categories) + 110))
            self.setMinimumWidth(360)
        else:
            self.setMinimumHeight(CHART_HEIGHT)
            self.setMinimumWidth(max(360, THIN_BAR * len(self.categories) + 120))

    def _index(self, drawn: int) -> int:
        """The category of a drawn bar: across, the first category is drawn at the top (last)."""
        return len(self.categories) - 1 - drawn if self.horizontal else drawn

    def _in_drawing_order(self, items: list) -> list:
        return items[::-1] if self.horizontal else items

    def _bar_sets(self) -> list[QBarSet]:
        heights = [chart_value(self.kind, value) for value in self.values]
        if self.target is None:
            plain = QBarSet("")
            plain.setColor(QColor(PLAIN))
            plain.append(self._in_drawing_order(heights))
            return [plain]
        met = QBarSet(html.escape(translate("Charts", "Meets the target")))
        below = QBarSet(html.escape(translate("Charts", "Below the target")))
        met.setColor(QColor(MET))
        below.setColor(QColor(BELOW))
        for index, height in enumerate(heights):
            met.append(0.0 if index in self.below else height)
            below.append(height if index in self.below else 0.0)
        return [met, below]

    def _add_axes(self, chart: QChart, series) -> None:
        categories = QBarCategoryAxis()
        categories.append(self._in_drawing_order([html.escape(c) for c in self.categories]))
        self.category_axis = categories
        categories.setGridLineVisible(len(self.categories) <= 20)
        values = self._value_axis()
        chart.addAxis(categories, Qt.AlignLeft if self.horizontal else Qt.AlignBottom)
        chart.addAxis(values, Qt.AlignBottom if self.horizontal else Qt.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)
        if self.target is not None:
            line = self._target_line()
            chart.addSeries(line)
            line.attachAxis(categories)
            line.attachAxis(values)

    def _value_axis(self) -> QValueAxis:
        axis = QValueAxis()
        if self.kind == "share":
            axis.setRange(0, 100)
            axis.setLabelFormat("%.0f %%")
            return axis
        top = max([chart_value(self.kind, v) for v in self.values] + [0.0])
        if self.kind == "count":
            top = max(top, 4.0)  # a few cases still read as whole numbers on the axis
        axis.setRange(0, top * 1.1)
        axis.setLabelFormat("%.1f" if self.kind == "mean" else "%.0f")
        axis.applyNiceNumbers()
        return axis

    def resizeEvent(self, event) -> None:
        """Below each bar its code where there is room for it; with a bar per branch of the whole
        network there is not, and the bars speak through their tooltips and the table."""
        super().resizeEvent(event)
        if self.horizontal or not self.categories:
            return
        metrics = QFontMetrics(self.category_axis.labelsFont())
        widest = max(metrics.horizontalAdvance(c) for c in self.categories)
        room = self.chart().plotArea().width() / len(self.categories)
        self.category_axis.setLabelsVisible(room >= widest + 4)

    def _target_line(self) -> QLineSeries:
        line = QLineSeries()
        label = translate("Charts", "Target {value}").format(value=figure_text(self.kind, self.target))
        line.setName(html.escape(label))
        height = chart_value(self.kind, self.target)
        line.append(-0.5, height)
        line.append(len(self.categories) - 0.5, height)
        line.setPen(QPen(QColor(TARGET), 2, Qt.DashLine))
        return line

    def _hovered(self, inside: bool, index: int) -> None:
        if not inside or not 0 <= index < len(self.values):
            QToolTip.hideText()
            return
        name, category = self.names[index], self.categories[index]
        text = f"{name if name == category else f'{name} ({category})'}: {figure_text(self.kind, self.values[index])}"
        QToolTip.showText(QCursor.pos(), tooltip_text(text), self)
