"""The HQ service packages: every package with its clock and targets (and those it sets per
priority), live ones first; new, edit and retire are the door's answer to what this user may do
with the selected package. The list is a handful of rows, read as the page opens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from app.errors import UserError
from app.ui.list_menu import ListMenu
from app.ui.plain_text import confirm as confirm_step, message, plain_label, tooltip_text
from plugins.customers import service
from plugins.customers.views.package_dialog import PackageDialog

RETIRED_COLOUR = "#808080"


class PackagesPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.count = plain_label(name="count")
        self.buttons = {action: QPushButton(objectName=action) for action in ("add", "edit", "retire")}
        for action, slot in (("add", self.add), ("edit", self.edit), ("retire", self.retire)):
            self.buttons[action].clicked.connect(slot)
        self.table = self._table()
        top = QHBoxLayout()
        top.addWidget(self.count, 1)
        for button in self.buttons.values():
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.reload()

    def _table(self) -> QTableWidget:
        titles = [self.tr("Code"), self.tr("Name"), self.tr("Clock"),
                  *(service.target_label(t) for t in service.TARGETS), self.tr("Per priority"), self.tr("State")]
        table = QTableWidget(0, len(titles), objectName="packages")
        table.setHorizontalHeaderLabels(titles)
        table.setEditTriggers(QTableWidget.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectRows)
        table.setSelectionMode(QTableWidget.SingleSelection)
        table.horizontalHeader().setStretchLastSection(True)
        table.itemSelectionChanged.connect(self.refresh_actions)
        self.list_menu = ListMenu(table, self.ctx, self.tr("Service packages"), open=lambda _index: self.edit(),
                                  can_open=lambda: self.buttons["edit"].isEnabled())
        return table

    def refresh(self) -> None:  # F5 (``app.ui.shortcuts``)
        self.reload()

    def reload(self) -> None:
        selected = self.selected_id()
        with self.ctx.reading() as session:
            rows = service.package_rows(session, self.ctx.actor)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = (row.code, row.name, service.coverage_label(row.coverage),
                      *(service.format_duration(getattr(row, t)) for t in service.TARGETS),
                      self._overrides_text(row.priority_targets),
                      self.tr("retired") if row.retired else self.tr("current"))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.UserRole, row.id)
                if row.retired:
                    item.setForeground(QBrush(QColor(RETIRED_COLOUR)))
                self.table.setItem(r, c, item)
            if row.id == selected:
                self.table.selectRow(r)
        self.table.resizeColumnsToContents()
        self.count.setText(self.tr("{n} service packages").format(n=len(rows)))
        self.refresh_actions()

    @staticmethod
    def _overrides_text(overrides: dict) -> str:
        return "; ".join(f"P{priority}: " + ", ".join(f"{service.target_label(t)} {service.format_duration(m)}"
                                                       for t, m in targets.items())
                         for priority, targets in sorted(overrides.items()))

    def selected_id(self):
        items = self.table.selectedItems()
        return items[0].data(Qt.UserRole) if items else None

    def select_code(self, code: str) -> None:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).text() == code:
                self.table.selectRow(r)

    def refresh_actions(self) -> None:
        with self.ctx.reading() as session:
            actions = service.package_actions(session, self.ctx.actor, self.selected_id())
        for action in actions:
            button = self.buttons[action.id]
            button.setText(action.label)
            button.setEnabled(action.enabled)
            button.setToolTip(tooltip_text(action.reason))

    def add(self) -> PackageDialog:
        return self._open(PackageDialog(self.ctx, parent=self))

    def edit(self) -> PackageDialog | None:
        package_id = self.selected_id()
        return self._open(PackageDialog(self.ctx, package_id, parent=self)) if package_id else None

    def _open(self, dialog: PackageDialog) -> PackageDialog:
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    def retire(self) -> None:
        package_id = self.selected_id()
        if package_id is None:
            return
        code = self.table.item(self.table.currentRow(), 0).text()
        title = self.tr("Retire service package")
        if not self.confirm(title, self.tr("Retire {code}? No new machine can be put under it; machines under it "
                                           "keep it, and open tickets keep their due times.").format(code=code)):
            return
        try:
            with self.ctx.transaction() as session:
                service.retire_service_package(session, self.ctx.actor, package_id)
        except UserError as refusal:
            message(self, QMessageBox.Warning, title, str(refusal))
        self.reload()

    def confirm(self, title: str, text: str) -> bool:
        return confirm_step(self, title, text, title)  # the title names the step: "Retire …"
