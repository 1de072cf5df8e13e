"""A year at a glance: twelve month grids with every closed day (and every day worked against
the weekday rule) marked in the colour of the layer that decided it, a legend naming those
layers, and a click on a day reported to the dialog that owns the view."""

from __future__ import annotations

import calendar as month_calendar
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from app.calendars.layers import INHERITED, NATIONAL, OWN, WEEKDAY, DayMark
from app.calendars.national import OVERRIDE, holiday_name
from app.ui.plain_text import plain_label, tooltip_text

SOURCE_COLOURS = {NATIONAL: "#f6c9ce", OVERRIDE: "#ffd699", OWN: "#d9c8f2", WEEKDAY: "#e6e6e6"}
INHERITED_COLOURS = ("#c6dcff", "#a9c9f5", "#8fb5ea")  # one shade per unit above, in order of appearance
CLOSED_TEXT, OPEN_TEXT = "#b00020", "#1b6e20"
CELL = 26


class MonthModel(QAbstractTableModel):
    """One month as six weeks of seven days, Monday first. The cells ask the year view how to look,
    so a new set of marks costs one change signal per month, not a call per day."""

    def __init__(self, view: YearView, month: int):
        super().__init__(view)
        self.view, self.month = view, month
        self.days: dict[tuple[int, int], date] = {}
        self.cells: dict[date, tuple[int, int]] = {}

    def show_year(self, year: int) -> None:
        self.beginResetModel()
        weeks = month_calendar.Calendar().monthdatescalendar(year, self.month)
        self.days = {(row, column): day for row, week in enumerate(weeks) for column, day in enumerate(week)
                     if day.month == self.month}
        self.cells = {day: cell for cell, day in self.days.items()}
        self.endResetModel()

    def marks_changed(self) -> None:
        self.dataChanged.emit(self.index(0, 0), self.index(5, 6))

    def day_at(self, index: QModelIndex) -> date | None:
        return self.days.get((index.row(), index.column()))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 7

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.view.weekday_names[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        day = self.day_at(index)
        if day is None:
            return None
        if role == Qt.DisplayRole:
            return str(day.day)
        if role == Qt.TextAlignmentRole:
            return Qt.AlignCenter
        return self.view.cell_look(day, role)


class MonthGrid(QTableView):
    def __init__(self, model: MonthModel, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.horizontalHeader().setDefaultSectionSize(CELL)
        self.verticalHeader().setDefaultSectionSize(CELL - 4)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.NoSelection)
        self.setFocusPolicy(Qt.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setFixedSize(7 * CELL + 4, 6 * (CELL - 4) + self.horizontalHeader().sizeHint().height() + 4)


class YearView(QWidget):
    dayClicked = Signal(object)  # a date
    yearChanged = Signal(int)

    def __init__(self, year: int, parent=None):
        super().__init__(parent)
        self.year = year
        self.marks: dict[date, DayMark] = {}
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self._unit_shades: dict[str, str] = {}
        self.previous, self.next = QPushButton("◀"), QPushButton("▶")
        self.previous.setObjectName("previousYear")
        self.next.setObjectName("nextYear")
        self.previous.clicked.connect(lambda: self.set_year(self.year - 1))
        self.next.clicked.connect(lambda: self.set_year(self.year + 1))
        self.year_label = plain_label(str(year), wrap=False)
        self.year_label.setObjectName("year")
        self.year_label.setAlignment(Qt.AlignCenter)
        top = QHBoxLayout()
        top.addWidget(self.previous)
        top.addWidget(self.year_label, 1)
        top.addWidget(self.next)
        self.weekday_names = [self.tr("Mo"), self.tr("Tu"), self.tr("We"), self.tr("Th"), self.tr("Fr"),
                              self.tr("Sa"), self.tr("Su")]
        self.models = [MonthModel(self, month) for month in range(1, 13)]
        self.grids: list[MonthGrid] = []
        months = QGridLayout()
        for month, model in enumerate(self.models):
            grid = MonthGrid(model)
            grid.clicked.connect(lambda index, m=model: self._clicked(m.day_at(index)))
            self.grids.append(grid)
            box = QVBoxLayout()
            box.addWidget(plain_label(self._month_name(month + 1), wrap=False))
            box.addWidget(grid)
            months.addLayout(box, month // 4, month % 4)
        self.legend = QWidget()
        self.legend.setObjectName("legend")
        QVBoxLayout(self.legend).setContentsMargins(0, 0, 0, 0)
        self.legend_rows: list[QWidget] = []
        self._legend_shown: list[tuple[str, str]] = []
        self.detail = plain_label(wrap=True)
        self.detail.setObjectName("dayDetail")
        self.detail.setMinimumWidth(220)
        self.note = plain_label(wrap=True)  # what the owner wants said about the year shown
        self.note.setObjectName("yearNote")
        side = QVBoxLayout()  # beside the months: the legend and what the last clicked day is
        side.addWidget(self.note)
        side.addWidget(self.legend)
        side.addSpacing(12)
        side.addWidget(self.detail)
        side.addStretch()
        body = QHBoxLayout()
        body.addLayout(months)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body)
        self._draw_months()

    def _month_name(self, month: int) -> str:
        return (self.tr("January"), self.tr("February"), self.tr("March"), self.tr("April"), self.tr("May"),
                self.tr("June"), self.tr("July"), self.tr("August"), self.tr("September"), self.tr("October"),
                self.tr("November"), self.tr("December"))[month - 1]

    # ------------------------------------------------------------------ what the owner calls

    def set_year(self, year: int) -> None:
        if year != self.year:
            self.year = year
            self.year_label.setText(str(year))
            self._draw_months()
            self.yearChanged.emit(year)

    def show_marks(self, marks: dict[date, DayMark]) -> None:
        self.marks = marks
        self._unit_shades = {}
        for mark in sorted(marks.values(), key=lambda m: m.day):
            if mark.source == INHERITED and mark.unit_code not in self._unit_shades:
                self._unit_shades[mark.unit_code] = INHERITED_COLOURS[len(self._unit_shades) % len(INHERITED_COLOURS)]
        for model in self.models:
            model.marks_changed()
        self._draw_legend()

    def cell_for(self, day: date) -> tuple[MonthGrid, QModelIndex]:
        """The grid showing ``day`` of the year shown, and the day's cell in it."""
        model = self.models[day.month - 1]
        return self.grids[day.month - 1], model.index(*model.cells[day])

    def cell_look(self, day: date, role):
        """What a day's cell shows beyond its number: colours, weight and tooltip of its mark."""
        mark = self.marks.get(day)
        if role == Qt.BackgroundRole:
            return QColor(self._colour(mark)) if mark else None
        if role == Qt.ForegroundRole:
            return QColor(OPEN_TEXT if mark is None or mark.open else CLOSED_TEXT)
        if role == Qt.FontRole:
            return self._bold if mark is not None and mark.open else None
        if role == Qt.ToolTipRole:
            return tooltip_text(self.describe(day))
        return None

    def describe(self, day: date) -> str:
        """What the view says about ``day``: open or closed, the holiday's name, who decided."""
        mark = self.marks.get(day)
        if mark is None:
            return self.tr("{day}: working day").format(day=day.isoformat())
        state = self.tr("working day") if mark.open else self.tr("closed")
        name = f" ({holiday_name(mark.name)})" if mark.name else ""
        return self.tr("{day}: {state}{name} · {source}").format(day=day.isoformat(), state=state, name=name,
                                                                 source=self.source_text(mark))

    def source_text(self, mark: DayMark) -> str:
        if mark.source == INHERITED:
            return self.tr("inherited from {name} ({code})").format(name=mark.unit_name, code=mark.unit_code)
        return {NATIONAL: self.tr("national calendar"), OVERRIDE: self.tr("HQ override of the national calendar"),
                OWN: self.tr("this unit's own"), WEEKDAY: self.tr("not a working weekday")}[mark.source]

    def legend_texts(self) -> list[str]:
        return [row.findChild(QLabel, "legendText").text() for row in self.legend_rows]

    # ------------------------------------------------------------------ drawing

    def _draw_months(self) -> None:
        for model in self.models:
            model.show_year(self.year)

    def _colour(self, mark: DayMark) -> str:
        if mark.source == INHERITED:
            return self._unit_shades.get(mark.unit_code, INHERITED_COLOURS[0])
        return SOURCE_COLOURS[mark.source]

    def _draw_legend(self) -> None:
        entries = self._legend_entries()
        if entries == self._legend_shown:
            return  # most clicks change a day, not the layers present: keep the widgets
        for row in self.legend_rows:
            row.hide()
            row.deleteLater()
        self.legend_rows = []
        for colour, text in entries:
            self._legend_row(colour, text)
        self._legend_shown = entries

    def _legend_entries(self) -> list[tuple[str, str]]:
        seen: dict[tuple, DayMark] = {}
        for mark in sorted(self.marks.values(), key=lambda m: m.day):
            seen.setdefault((mark.source, mark.unit_code), mark)
        order = (NATIONAL, OVERRIDE, INHERITED, OWN, WEEKDAY)
        units = list(self._unit_shades)
        entries = []
        for key in sorted(seen, key=lambda k: (order.index(k[0]), units.index(k[1]) if k[0] == INHERITED else 0)):
            text = self.source_text(seen[key])
            entries.append((self._colour(seen[key]), text[:1].upper() + text[1:]))
        entries.append(("", self.tr("Red day: closed · bold green day: working day although off by the weekday rule")))
        return entries

    def _legend_row(self, colour: str, text: str) -> None:
        row = QWidget(self.legend)
        swatch = plain_label(parent=row)
        swatch.setFixedSize(14, 14)
        if colour:
            swatch.setStyleSheet(f"background: {colour}; border: 1px solid #999;")
        label = plain_label(text, wrap=True)
        label.setObjectName("legendText")
        label.setMinimumWidth(220)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(swatch, 0, Qt.AlignTop)
        line.addWidget(label, 1)
        self.legend.layout().addWidget(row)
        self.legend_rows.append(row)

    def _clicked(self, day: date | None) -> None:
        if day is None:
            return
        self.dayClicked.emit(day)
        self.detail.setText(self.describe(day))
