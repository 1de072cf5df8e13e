"""Tools → Plugins: what loaded, its version, its error; tick to disable (takes effect on restart)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QMessageBox, QTableWidget, QTableWidgetItem,
                               QVBoxLayout)

from app.errors import UserError
from app.settings_service import update_settings


class PluginsDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Plugins"))
        status = {"loaded": self.tr("loaded"), "disabled": self.tr("disabled"), "error": self.tr("error")}
        records = ctx.plugins.records
        self.table = QTableWidget(len(records), 4)
        self.table.setObjectName("plugins")
        self.table.setHorizontalHeaderLabels([self.tr("Enabled"), self.tr("Plugin"), self.tr("Version"),
                                              self.tr("Status / error")])
        for row, record in enumerate(records):
            enabled = QTableWidgetItem()
            if record.builtin:
                enabled.setFlags(Qt.ItemIsEnabled)
            else:
                enabled.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable)
            enabled.setCheckState(Qt.Unchecked if record.status == "disabled" else Qt.Checked)
            enabled.setData(Qt.UserRole, record.name)
            self.table.setItem(row, 0, enabled)
            self.table.setItem(row, 1, QTableWidgetItem(record.name))
            self.table.setItem(row, 2, QTableWidgetItem(record.version))
            detail = status.get(record.status, record.status) + (f": {record.error}" if record.error else "")
            self.table.setItem(row, 3, QTableWidgetItem(detail))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Close)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(QLabel(self.tr("Changes take effect when the application starts next.")))
        layout.addWidget(buttons)
        self.resize(720, 360)

    def disabled_names(self) -> list[str]:
        names = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item.flags() & Qt.ItemIsUserCheckable and item.checkState() == Qt.Unchecked:
                names.append(item.data(Qt.UserRole))
        return sorted(names)

    def save(self) -> None:
        try:
            with self.ctx.transaction() as session:
                update_settings(session, self.ctx.actor, self.ctx.config, disabled_plugins=self.disabled_names())
        except UserError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        self.accept()
