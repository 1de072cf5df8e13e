"""Export to Excel for any list page: a button (and Ctrl+E) that asks where to save, runs the
door's export in a worker with a progress dialog and Cancel, then says in plain words how it went.

    self.export = ListExport(self, ctx, self.tr("Tickets"),
                             lambda: partial(service.export_list, filters=self.filters(), sort=self.sort))
    toolbar.addWidget(self.export.button)

``prepare`` runs on the GUI thread at the moment the user asks, so the export takes the filter the
page shows then; what it returns is a door's export operation with that filter bound, called in
the worker as ``export(session, actor, path=, progress=, cancelled=) -> rows written``. The door
checks the permission, streams the rows through ``app.reports.workbook`` and leaves no file behind
when it fails or is cancelled.

A page with several lists makes one ``ListExport`` per list and gives each the widget its Ctrl+E
belongs to (``shortcut_on``: the shortcut works while the focus is inside it).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from app.ui.icons import icon
from app.ui.plain_text import message_box, tooltip_text
from app.ui.qt_app import window_settings
from app.ui.workers import Worker, run_with_progress

SHORTCUT = "Ctrl+E"
FOLDER_KEY = "list_export/folder"
NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')

Export = Callable[..., int]


class ListExport(QObject):
    """One list's "Export to Excel…": ``button`` for the page's toolbar, ``action`` for Ctrl+E."""

    finished = Signal(int, str)  # rows written, the file
    failed = Signal(str)  # what went wrong, in words (a cancel too)

    def __init__(self, page: QWidget, ctx, title: str, prepare: Callable[[], Export], *, text: str = "",
                 shortcut_on: QWidget | None = None, shortcut: bool = True):
        super().__init__(page)
        self.page, self.ctx, self.title, self.prepare = page, ctx, title, prepare
        self.worker: Worker | None = None
        self._busy = False
        self._stopped = threading.Event()
        self.notice: QMessageBox | None = None  # the last report, kept open without blocking
        self.button = QPushButton(icon("fa5s.file-excel"), text or self.tr("Export to Excel…"))
        self.button.setObjectName("export")
        self.button.setToolTip(tooltip_text(self.tr("Write the rows of this list, as filtered now, to an Excel "
                                                    "workbook ({shortcut})").format(shortcut=SHORTCUT)))
        self.button.clicked.connect(self.choose)
        self.action = QAction(self.button.text(), page)
        if shortcut:
            self.action.setShortcut(QKeySequence(SHORTCUT))
            self.action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            (shortcut_on or page).addAction(self.action)
        self.action.triggered.connect(self.choose)

    def running(self) -> bool:
        return self._busy

    def default_path(self) -> str:
        """The list's title and today's date, in the folder the last export went to."""
        folder = window_settings().value(FOLDER_KEY, "") or QStandardPaths.writableLocation(
            QStandardPaths.DocumentsLocation)
        name = " ".join(NOT_IN_FILE_NAMES.sub(" ", self.title).split()) or "export"
        return str(Path(folder) / f"{name} {date.today().isoformat()}.xlsx")

    def choose(self) -> Worker | None:
        """Ask for the file, then export to it; None when the user changed their mind."""
        if self.running():
            return None
        path, _ = QFileDialog.getSaveFileName(self.page, self.tr("Export {title} to Excel").format(title=self.title),
                                              self.default_path(), self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return None
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        window_settings().setValue(FOLDER_KEY, str(Path(path).parent))
        return self.export_to(path)

    def export_to(self, path: str) -> Worker:
        export, ctx = self.prepare(), self.ctx
        stopped = self._stopped = threading.Event()

        def work(progress, cancelled):
            def stop() -> bool:  # the export saw the cancel (closing the progress dialog later asks too)
                if cancelled():
                    stopped.set()
                return stopped.is_set()
            with ctx.reading() as session:
                return export(session, ctx.actor, path=path, progress=progress, cancelled=stop)

        self._busy = True
        self.worker = run_with_progress(self.page, self.tr("Exporting {title} to Excel").format(title=self.title),
                                        work, lambda rows: self._written(rows, path), self._failed)
        return self.worker

    def _written(self, rows: int, path: str) -> None:
        self._busy = False
        self._tell(QMessageBox.Information, self.tr("{n} rows written to {path}").format(n=rows, path=path))
        self.finished.emit(rows, path)

    def _failed(self, reason: str) -> None:
        self._busy = False
        if self._stopped.is_set():
            reason = self.tr("Export cancelled; no file was written.")
            self._tell(QMessageBox.Information, reason)
        else:
            self._tell(QMessageBox.Warning, self.tr("The export failed: {reason}").format(reason=reason))
        self.failed.emit(reason)

    def _tell(self, kind: QMessageBox.Icon, text: str) -> None:
        if self.notice is not None:
            self.notice.close()
        self.notice = message_box(self.page, kind, self.tr("Export {title}").format(title=self.title), text)
        self.notice.open()
