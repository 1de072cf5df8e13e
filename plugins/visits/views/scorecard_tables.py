"""The scorecard page's tables: figures shown as people read them (85.0 %, 4.25, 12), sorted by
their values, not by their text; a figure without a base shows a dash and sorts first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from app.ui.plain_text import tooltip_text

NO_FIGURE = "–"
SORT_ROLE = Qt.UserRole + 10


class SortItem(QTableWidgetItem):
    """A cell that sorts by the value it stands for (``SORT_ROLE``)."""

    def __init__(self, text: str, key=None):
        super().__init__(text)  # item text is never read as markup
        self.setData(SORT_ROLE, key if key is not None else None)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if mine is None or theirs is None:
            return mine is None and theirs is not None
        if isinstance(mine, str) != isinstance(theirs, str):
            return isinstance(mine, str)
        return mine < theirs


def table(name: str, headers: list[str], sortable: bool = False) -> QTableWidget:
    widget = QTableWidget(0, len(headers))
    widget.setObjectName(name)
    widget.setHorizontalHeaderLabels(headers)
    widget.setEditTriggers(QTableWidget.NoEditTriggers)
    widget.setSelectionBehavior(QTableWidget.SelectRows)
    widget.verticalHeader().setVisible(False)
    if sortable:
        widget.horizontalHeader().setSortIndicator(-1, Qt.AscendingOrder)  # the door's order until a click
        widget.setSortingEnabled(True)
    return widget


def text_item(text: str) -> SortItem:
    return SortItem(text, (text or "").casefold())


def figure_item(kind: str, value, detail: str = "") -> SortItem:
    """``kind``: count, share (0–1) or mean; ``detail`` (e.g. "17 / 20") shown as the tooltip."""
    if value is None:
        item = SortItem(NO_FIGURE)
    elif kind == "share":
        item = SortItem(f"{100 * value:.1f} %", float(value))
    elif kind == "mean":
        item = SortItem(f"{value:.2f}", float(value))
    elif kind == "score":
        item = SortItem(f"{value:.1f}", float(value))
    else:
        item = SortItem(str(value), float(value))
    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
    if detail:
        item.setToolTip(tooltip_text(detail))
    return item


def fill(widget: QTableWidget, rows: list[list[QTableWidgetItem]]) -> None:
    """Replace the rows, keeping the column the user sorted by."""
    sorting = widget.isSortingEnabled()
    widget.setSortingEnabled(False)
    widget.setRowCount(len(rows))
    for r, items in enumerate(rows):
        for c, item in enumerate(items):
            widget.setItem(r, c, item)
    widget.setSortingEnabled(sorting)
    widget.resizeColumnsToContents()


def column_texts(widget: QTableWidget, column: int) -> list[str]:
    return [widget.item(r, column).text() for r in range(widget.rowCount())]
