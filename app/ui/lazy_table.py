"""A table model that loads rows page by page in a worker, for lists of a million rows.

The view asks for more rows as the user scrolls (``canFetchMore`` / ``fetchMore``); each page
is queried in the thread pool and appended when it arrives, so the GUI thread never waits on
the database. Changing the query (a filter) bumps a generation number: pages of an old query
that arrive late are dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QRunnable, Qt, QThreadPool, Signal

PageFetcher = Callable[[int, int], Sequence[Sequence[Any]]]


class _PageSignals(QObject):
    loaded = Signal(int, int, object)  # generation, offset, rows
    failed = Signal(int, str)


class _PageJob(QRunnable):
    def __init__(self, fetch: PageFetcher, generation: int, offset: int, limit: int):
        super().__init__()
        self.fetch, self.generation, self.offset, self.limit = fetch, generation, offset, limit
        self.signals = _PageSignals()

    def run(self) -> None:
        try:
            rows = list(self.fetch(self.offset, self.limit))
        except Exception as exc:
            self.signals.failed.emit(self.generation, f"{type(exc).__name__}: {exc}")
        else:
            self.signals.loaded.emit(self.generation, self.offset, rows)


class LazyTableModel(QAbstractTableModel):
    """Rows are sequences; column 0 may hold a hidden key exposed under ``Qt.UserRole``."""

    page_loaded = Signal(int)  # rows now loaded
    load_failed = Signal(str)

    def __init__(self, headers: Sequence[str], page_size: int = 200, parent=None, key_column: int | None = None):
        super().__init__(parent)
        self.headers = list(headers)
        self.page_size = page_size
        self.key_column = key_column
        self.rows: list[Sequence[Any]] = []
        self._fetch: PageFetcher | None = None
        self._generation = 0
        self._loading = False
        self._exhausted = True
        self._jobs: list[_PageJob] = []
        self.decorate: Callable[[Sequence[Any], int, int], Any] | None = None

    # ------------------------------------------------------------ query

    def set_fetcher(self, fetch: PageFetcher) -> None:
        """Start over with a new query; the first page loads at once in the background."""
        self.beginResetModel()
        self._generation += 1
        self.rows = []
        self._fetch = fetch
        self._exhausted = False
        self._loading = False
        self.endResetModel()
        self._request_page()

    def _request_page(self) -> None:
        if self._fetch is None or self._loading or self._exhausted:
            return
        self._loading = True
        job = _PageJob(self._fetch, self._generation, len(self.rows), self.page_size)
        job.signals.loaded.connect(self._on_loaded)
        job.signals.failed.connect(self._on_failed)
        self._jobs.append(job)
        QThreadPool.globalInstance().start(job)

    def _on_loaded(self, generation: int, offset: int, rows: list) -> None:
        self._jobs = [j for j in self._jobs if j.generation == self._generation and j.offset != offset]
        if generation != self._generation or offset != len(self.rows):
            return
        self._loading = False
        self._exhausted = len(rows) < self.page_size
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        self.page_loaded.emit(len(self.rows))

    def _on_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._loading = False
            self._exhausted = True
            self.load_failed.emit(message)

    @property
    def is_loading(self) -> bool:
        return self._loading

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted and self._fetch is not None

    def fetchMore(self, parent=QModelIndex()) -> None:
        self._request_page()

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal and section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column() + (1 if self.key_column == 0 else 0)
        if role == Qt.DisplayRole:
            value = row[column]
            return "" if value is None else str(value)
        if role == Qt.UserRole and self.key_column is not None:
            return row[self.key_column]
        if self.decorate is not None:
            return self.decorate(row, column, role)
        return None

    def key_at(self, row: int):
        return self.rows[row][self.key_column] if self.key_column is not None else None
