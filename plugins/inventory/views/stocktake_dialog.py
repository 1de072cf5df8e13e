"""Stocktake for one depot: export a count sheet, import it counted, preview, then apply with a reason."""

from __future__ import annotations

from functools import partial

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QTableWidget, QTableWidgetItem, QWidget

from app.errors import UserError, ValidationError
from app.ui.form_dialog import FormDialog
from app.ui.list_export import ListExport
from plugins.inventory import service


class StocktakeDialog(FormDialog):
    """OK applies the previewed adjustments; nothing is written before that."""

    def __init__(self, ctx, depot_id, depot_code: str, parent=None):
        super().__init__(self.tr("Stocktake: {depot}").format(depot=depot_code), parent,
                         ok_text=self.tr("Apply adjustments"), cancel_text=self.tr("Close"))
        self.ctx, self.depot_id = ctx, depot_id
        self.count_sheet = ListExport(self, ctx, self.tr("Count sheet {depot}").format(depot=depot_code),
                                      lambda: partial(service.export_count_sheet, depot_id=self.depot_id),
                                      text=self.tr("Export count sheet…"), shortcut=False)
        self.count_sheet.finished.connect(lambda n, path: self.status.setText(
            self.tr("{n} parts written to {path}.").format(n=n, path=path)))
        self.path = None
        self.resize(820, 480)
        self.add_widget("sheet", None, self._sheet_buttons())
        self.status = self.add_info("status", self.tr("Export a count sheet, count, then import it to preview the "
                                                      "differences."))
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("Part number"), self.tr("Name"), self.tr("Book"),
                                              self.tr("Counted"), self.tr("Difference"), self.tr("Serial numbers")])
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.add_widget("differences", None, self.table, door_names=("file",))
        self.reason = self.add_text("reason", self.tr("Reason"),
                                    placeholder=self.tr("Reason for the adjustments (required)"))
        self.apply_button = self.ok_button
        self.apply_button.setEnabled(False)
        self.depot_code = depot_code
        self.ask_first(self.what_applying_does, self.tr("Apply adjustments"))

    def what_applying_does(self) -> str:
        if not self.reason.text().strip():
            return ""  # refused below for the missing reason: nothing to confirm yet
        return self.tr("Every difference shown ({n}) is booked to the stock of {depot} now, with this reason. "
                       "This cannot be taken back; only a later stocktake corrects it.").format(n=self.table.rowCount(),
                                                                                     depot=self.depot_code)

    def _sheet_buttons(self) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        import_button = QPushButton(self.tr("Import counted sheet…"))
        import_button.clicked.connect(self.choose_import)
        for button in (self.count_sheet.button, import_button):
            button.setAutoDefault(False)  # Enter applies (OK), never opens a file dialog
            layout.addWidget(button)
        layout.addStretch()
        return row

    def export_to(self, path: str):
        """Write the count sheet in a worker (``app.ui.list_export``); returns the worker."""
        self.clear_error()
        return self.count_sheet.export_to(path)

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import counted sheet"), "", "Excel (*.xlsx)")
        if path:
            self.load(path)

    def load(self, path: str) -> None:
        """Preview only: nothing is written until OK."""
        self.clear_error()
        try:
            with self.ctx.reading() as session:
                differences = service.preview_stocktake(session, self.ctx.actor, self.depot_id, path)
        except UserError as exc:
            self.path = None
            self.table.setRowCount(0)
            self.apply_button.setEnabled(False)
            self.status.clear()
            self.show_error(str(exc), getattr(exc, "field", None))
            return
        self.path = path
        self.show_differences(differences)
        self.apply_button.setEnabled(bool(differences))
        self.status.setText(self.tr("{n} differences. Check them, give a reason, then apply.").format(
            n=len(differences)) if differences else self.tr("The count matches the books."))

    def show_differences(self, differences) -> None:
        self.table.setRowCount(len(differences))
        for r, d in enumerate(differences):
            serials = "; ".join(filter(None, [
                self.tr("missing: {list}").format(list=", ".join(d.missing_serials)) if d.missing_serials else "",
                self.tr("found: {list}").format(list=", ".join(d.extra_serials)) if d.extra_serials else ""]))
            values = (d.part_number, d.name, str(d.book), str(d.counted), f"{d.delta:+d}" if d.delta else "0", serials)
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 4:
                    item.setForeground(QColor("#c62828" if d.delta < 0 else "#2e7d32"))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def perform(self) -> None:
        if not self.reason.text().strip():
            raise ValidationError(self.tr("Give a reason for the adjustments."), field="reason")
        with self.ctx.transaction() as session:
            service.apply_stocktake(session, self.ctx.actor, self.depot_id, self.path, self.reason.text())
