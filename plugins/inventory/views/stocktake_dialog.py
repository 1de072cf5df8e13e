"""Stocktake for one depot: export a count sheet, import it counted, preview, apply."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from app.errors import UserError
from plugins.inventory import stocktake


class StocktakeDialog(QDialog):
    def __init__(self, ctx, depot_id, depot_code: str, parent=None):
        super().__init__(parent)
        self.ctx, self.depot_id = ctx, depot_id
        self.path = None
        self.setWindowTitle(self.tr("Stocktake: {depot}").format(depot=depot_code))
        self.resize(820, 480)
        export = QPushButton(self.tr("Export count sheet…"))
        export.clicked.connect(self.choose_export)
        load = QPushButton(self.tr("Import counted sheet…"))
        load.clicked.connect(self.choose_import)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("differences")
        self.table.setHorizontalHeaderLabels([self.tr("Part number"), self.tr("Name"), self.tr("Book"),
                                              self.tr("Counted"), self.tr("Difference"), self.tr("Serial numbers")])
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason for the adjustments (required)"))
        self.message = QLabel(self.tr("Export a count sheet, count, then import it to preview the differences."))
        self.message.setWordWrap(True)
        self.apply_button = QPushButton(self.tr("Apply adjustments"))
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        top = QHBoxLayout()
        top.addWidget(export)
        top.addWidget(load)
        top.addStretch()
        bottom = QHBoxLayout()
        bottom.addWidget(self.reason, 1)
        bottom.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table)
        layout.addLayout(bottom)

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export count sheet"), "", "Excel (*.xlsx)")
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        try:
            with self.ctx.reading() as session:
                count = stocktake.export_count_sheet(session, self.ctx.actor, self.depot_id, path)
        except UserError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("{n} parts written to {path}.").format(n=count, path=path))

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import counted sheet"), "", "Excel (*.xlsx)")
        if path:
            self.load(path)

    def load(self, path: str) -> None:
        """Preview only: nothing is written until Apply."""
        try:
            with self.ctx.reading() as session:
                differences = stocktake.preview(session, self.ctx.actor, self.depot_id, path)
        except UserError as exc:
            self.path = None
            self.table.setRowCount(0)
            self.apply_button.setEnabled(False)
            self.message.setText(str(exc))
            return
        self.path = path
        self.show_differences(differences)
        self.apply_button.setEnabled(bool(differences))
        self.message.setText(self.tr("{n} differences. Check them, give a reason, then apply.").format(
            n=len(differences)) if differences else self.tr("The count matches the books."))

    def show_differences(self, differences) -> None:
        self.table.setRowCount(len(differences))
        for r, d in enumerate(differences):
            serials = "; ".join(filter(None, [
                self.tr("missing: {list}").format(list=", ".join(d.missing_serials)) if d.missing_serials else "",
                self.tr("found: {list}").format(list=", ".join(d.extra_serials)) if d.extra_serials else ""]))
            for c, value in enumerate((d.part_number, d.name, str(d.book), str(d.counted), f"{d.delta:+d}" if d.delta else "0", serials)):
                item = QTableWidgetItem(value)
                if c == 4:
                    item.setForeground(QColor("#c62828" if d.delta < 0 else "#2e7d32"))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def apply(self) -> None:
        if not self.reason.text().strip():
            self.message.setText(self.tr("Give a reason for the adjustments."))
            return
        try:
            with self.ctx.transaction() as session:
                applied = stocktake.apply(session, self.ctx.actor, self.depot_id, self.path, self.reason.text())
        except UserError as exc:
            self.message.setText(str(exc))
            return
        self.apply_button.setEnabled(False)
        self.message.setText(self.tr("{n} adjustments posted.").format(n=len(applied)))
