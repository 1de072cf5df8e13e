"""The context menu of a list: Open, Copy number, Export selection to Excel.

    ListMenu(self.view, ctx, self.tr("Tickets"), open=lambda index: self.open_ticket(...), number=0)

- **Open** does what a double-click does: ``open(index)`` is given the row clicked, and the
  ListMenu connects the view's double-click to it too, so both gestures stay one. ``can_open()``
  says whether it applies now (e.g. the door allows editing); lists with nothing to open have no
  Open entry.
- **Copy number** puts the row's number, code or name on the clipboard: the text of the
  ``number`` column, or ``number(row)``; with several rows selected, one per line.
- **Export selection…** writes the selected rows, as the list shows them (visible columns in
  their order, under their titles), through the one Excel writer (``app.reports.workbook``) with
  the file dialog, progress and report of ``app.ui.list_export``.

``several=True`` lets the user select several rows (Ctrl- and Shift-click); give it only where the
page's buttons act on the current row alone, never on "the selection".
A right click on a row that is not selected selects it first, so the menu acts on what it points at.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QMenu

from app.ui.list_export import ListExport
from app.ui.workers import Worker

Number = int | Callable[[int], str]


class ListMenu(QObject):
    def __init__(self, view: QAbstractItemView, ctx, title: str, *,
                 open: Callable[[QModelIndex], object] | None = None, open_text: str = "",
                 can_open: Callable[[], bool] | None = None, number: Number = 0, several: bool = False):
        super().__init__(view)
        self.view, self.ctx, self.title = view, ctx, title
        self.open, self.can_open, self.number = open, can_open, number
        self.index = QModelIndex()  # the row the menu was opened on
        self.exporter: ListExport | None = None  # made at the first export
        if several:
            view.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.menu = QMenu(view)
        self.open_action = self.menu.addAction(open_text or self.tr("Open"))
        self.open_action.setObjectName("open")
        self.open_action.setVisible(open is not None)
        self.open_action.triggered.connect(lambda: self.open_row(self.index))
        self.copy_action = self.menu.addAction(self.tr("Copy number"))
        self.copy_action.setObjectName("copy_number")
        self.copy_action.triggered.connect(self.copy_numbers)
        self.export_action = self.menu.addAction(self.tr("Export selection to Excel…"))
        self.export_action.setObjectName("export_selection")
        self.export_action.triggered.connect(self.export_selection)
        view.setContextMenuPolicy(Qt.CustomContextMenu)
        view.customContextMenuRequested.connect(self.popup)
        if open is not None:
            view.doubleClicked.connect(self.open_row)

    # ------------------------------------------------------------ the menu

    def menu_at(self, position: QPoint) -> QMenu | None:
        """The menu for a right click at ``position`` (viewport coordinates), or None off the rows."""
        index = self.view.indexAt(position)
        if not index.isValid():
            return None
        selection = self.view.selectionModel()
        if index.row() in self.selected_rows():
            selection.setCurrentIndex(index, QItemSelectionModel.NoUpdate)
        else:
            self.view.setCurrentIndex(index)
        self.index = index
        self.open_action.setEnabled(self.open is not None and (self.can_open is None or bool(self.can_open())))
        return self.menu

    def popup(self, position: QPoint) -> None:
        menu = self.menu_at(position)
        if menu is not None:
            menu.popup(self.view.viewport().mapToGlobal(position))

    def open_row(self, index: QModelIndex) -> None:
        if self.open is not None and index.isValid() and (self.can_open is None or self.can_open()):
            self.open(index)

    # ------------------------------------------------------------ what the rows hold

    def selected_rows(self) -> list[int]:
        """The selected rows in list order; the current row when nothing is selected."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedIndexes()})
        current = self.view.currentIndex()
        return rows or ([current.row()] if current.isValid() else [])

    def number_of(self, row: int) -> str:
        if callable(self.number):
            return self.number(row)
        text = self.view.model().index(row, self.number).data()
        return "" if text is None else str(text)

    def copy_numbers(self) -> str:
        text = "\n".join(self.number_of(row) for row in self.selected_rows())
        QGuiApplication.clipboard().setText(text)
        return text

    def shown_columns(self) -> list[int]:
        header = getattr(self.view, "horizontalHeader", lambda: None)()
        if header is None:
            return list(range(self.view.model().columnCount()))
        logical = (header.logicalIndex(visual) for visual in range(header.count()))
        return [column for column in logical if not header.isSectionHidden(column)]

    def selection_table(self) -> tuple[list[str], list[list[str]]]:
        """The selected rows as the list shows them: column titles, then each row's texts."""
        model, columns = self.view.model(), self.shown_columns()
        titles = [str(model.headerData(column, Qt.Horizontal) or "") for column in columns]
        rows = [["" if (text := model.index(row, column).data()) is None else str(text) for column in columns]
                for row in self.selected_rows()]
        return titles, rows

    # ------------------------------------------------------------ export

    def export_selection(self) -> Worker | None:
        """Ask for the file, then write the selected rows to it; None when the user changed their mind."""
        return self._exporter().choose()

    def export_selection_to(self, path: str) -> Worker:
        return self._exporter().export_to(path)

    def _exporter(self) -> ListExport:
        if self.exporter is None:
            self.exporter = ListExport(self.view, self.ctx, self.tr("{title} (selection)").format(title=self.title),
                                       self._selection_export, shortcut=False)
        return self.exporter

    def _selection_export(self):
        """The rows are read on the GUI thread at the moment of asking; the worker only writes them."""
        titles, rows = self.selection_table()
        sheet_title = self.title

        def export(_session, _actor, *, path, progress=None, cancelled=None) -> int:
            from app.reports.workbook import Sheet, write_workbook

            return write_workbook(path, [Sheet(sheet_title, titles, rows, expected_rows=len(rows))],
                                  progress=progress, cancelled=cancelled)
        return export
