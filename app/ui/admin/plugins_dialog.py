"""Tools → Plugins: what loaded, its version, its error; tick to disable (takes effect on restart)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from app.settings_service import update_settings
from app.ui.form_dialog import FormDialog


class PluginsDialog(FormDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(self.tr("Plugins"), parent, ok_text=self.tr("Save"), cancel_text=self.tr("Close"))
        self.ctx = ctx
        self.table = self._table(ctx.plugins.records)
        self.add_widget("plugins", None, self.table, door_names=("disabled_plugins",))
        self.add_info("restart_note", self.tr("Changes take effect when the application starts next."))
        self.resize(720, 360)

    def _table(self, records) -> QTableWidget:
        status = {"loaded": self.tr("loaded"), "disabled": self.tr("disabled"), "error": self.tr("error")}
        table = QTableWidget(len(records), 4)
        table.setHorizontalHeaderLabels([self.tr("Enabled"), self.tr("Plugin"), self.tr("Version"),
                                         self.tr("Status / error")])
        table.setEditTriggers(QTableWidget.NoEditTriggers)
        for row, record in enumerate(records):
            enabled = QTableWidgetItem()
            enabled.setFlags(Qt.ItemIsEnabled if record.builtin else Qt.ItemIsEnabled | Qt.ItemIsUserCheckable)
            enabled.setCheckState(Qt.Unchecked if record.status == "disabled" else Qt.Checked)
            enabled.setData(Qt.UserRole, record.name)
            table.setItem(row, 0, enabled)
            table.setItem(row, 1, QTableWidgetItem(record.name))
            table.setItem(row, 2, QTableWidgetItem(record.version))
            detail = status.get(record.status, record.status) + (f": {record.error}" if record.error else "")
            table.setItem(row, 3, QTableWidgetItem(detail))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def disabled_names(self) -> list[str]:
        names = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item.flags() & Qt.ItemIsUserCheckable and item.checkState() == Qt.Unchecked:
                names.append(item.data(Qt.UserRole))
        return sorted(names)

    def perform(self) -> None:
        with self.ctx.transaction() as session:
            update_settings(session, self.ctx.actor, self.ctx.config, disabled_plugins=self.disabled_names())
