"""The Export rollup dialog: a period as the command line takes it and a file to write.

The period is read by the core's one parser on OK, so a wrong period stays on the form's message
line next to what the user typed; the workbook is then written in a worker, with progress and
cancel, and the result is shown without blocking the window.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QMessageBox, QPushButton, QWidget

from app.errors import UserError
from app.reports.period import FORMS, Period, parse_period
from app.reports.rollup import write_rollup
from app.ui.form_dialog import FormDialog
from app.ui.plain_text import message_box, plain_label
from app.ui.workers import run_with_progress


class RollupExportDialog(FormDialog):
    exported = Signal(str, int)  # the file written, its number of sheets
    failed = Signal(str)

    def __init__(self, ctx, parent=None):
        super().__init__(self.tr("Export rollup"), parent, min_width=520)
        self.ctx = ctx
        self.message.setTextFormat(Qt.PlainText)  # the refusal quotes what the user typed
        self.period = QLineEdit(Period.quarter_of(date.today()).label)
        self.period.setObjectName("period")
        self.period.setPlaceholderText(FORMS)
        self.path = QLineEdit()
        self.path.setObjectName("path")
        self.form.addRow(plain_label(self.tr("Period")), self.period)
        self.form.addRow(plain_label(self.tr("Save the workbook as")), self._with_choose_button())
        self.worker = None
        self.result_box: QMessageBox | None = None

    def _with_choose_button(self) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.path, 1)
        button = QPushButton(self.tr("Choose…"))
        button.clicked.connect(self.choose)
        layout.addWidget(button)
        return row

    def choose(self) -> None:
        suggested = f"rollup-{self.period.text().strip() or 'period'}.xlsx".replace("..", "_")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export rollup"), suggested, "Excel (*.xlsx)")
        if path:
            self.path.setText(path)

    def perform(self) -> None:
        period = parse_period(self.period.text())
        out = self._output()
        ctx, owner = self.ctx, self.parentWidget() or self
        self.worker = run_with_progress(
            owner, self.tr("Exporting the rollup…"),
            lambda progress, cancelled: write_rollup(ctx, period, None, out, progress, cancelled),
            lambda sheets: self._done(str(out), sheets), self._failed)

    def _output(self) -> Path:
        text = self.path.text().strip()
        if not text:
            raise UserError(self.tr("Choose where to save the workbook."))
        out = Path(text)
        if out.suffix.lower() != ".xlsx":
            out = out.with_name(out.name + ".xlsx")
        if not out.parent.is_dir():
            raise UserError(self.tr("The folder {folder} does not exist.").format(folder=out.parent))
        return out

    def _done(self, path: str, sheets: int) -> None:
        self._show(QMessageBox.Information, self.tr("Wrote {n} sheets to {path}.").format(n=sheets, path=path))
        self.exported.emit(path, sheets)

    def _failed(self, message: str) -> None:
        self._show(QMessageBox.Warning, message)
        self.failed.emit(message)

    def _show(self, icon, text: str) -> None:
        self.result_box = message_box(self.parentWidget() or self, icon, self.tr("Export rollup"), text)
        self.result_box.open()
