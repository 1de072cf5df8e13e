"""HQ's inspection checklists: the current version of each product line with its items, and the
editor that publishes the next version (a branch sees them, and why it cannot edit)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QHBoxLayout, QHeaderView, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from app.ui.form_dialog import FormDialog
from app.ui.list_menu import ListMenu
from app.ui.plain_text import tooltip_text, warn
from plugins.visits import service
from plugins.visits.views.inspection_dialog import expected_text
from plugins.visits.views.plan_page import fill, table

TEXT, KIND, UNIT, LOW, HIGH = range(5)


class ChecklistsPanel(QWidget):
    loaded = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list = []
        self.checklists = table("checklists", [self.tr("Product line"), self.tr("Version"), self.tr("Items"),
                                               self.tr("Published")])
        self.items = table("checklist_items", [self.tr("Item"), self.tr("Kind"), self.tr("Expected")])
        self.checklists.currentCellChanged.connect(lambda *_: self.show_items())
        self.list_menu = ListMenu(self.checklists, ctx, self.tr("Checklists"), number=0)
        self.new_button = QPushButton(self.tr("New checklist…"))
        self.new_button.clicked.connect(lambda: self.edit(new=True))
        self.edit_button = QPushButton(self.tr("Edit checklist…"))
        self.edit_button.clicked.connect(lambda: self.edit())
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch()
        tables = QHBoxLayout()
        tables.addWidget(self.checklists, 2)
        tables.addWidget(self.items, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(tables)

    def reload(self) -> None:
        with self.ctx.reading() as session:
            self.rows = service.checklist_rows(session, self.ctx.actor)
            edit = service.checklist_actions(session, self.ctx.actor)[0]
        for button in (self.new_button, self.edit_button):
            button.setEnabled(edit.enabled)
            button.setToolTip(tooltip_text(edit.reason))
        fill(self.checklists, [[r.product_line, str(r.version), str(r.items), r.published_at.date().isoformat()]
                               for r in self.rows])
        if self.rows:
            self.checklists.selectRow(0)
        self.show_items()
        self.loaded.emit()

    def selected(self):
        row = self.checklists.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def show_items(self) -> None:
        chosen = self.selected()
        items = []
        if chosen is not None:
            with self.ctx.reading() as session:
                items = service.checklist_items(session, self.ctx.actor, chosen.id)
        fill(self.items, [[f"{i.position}. {i.text}", service.item_kind_label(i.kind), expected_text(i)]
                          for i in items])

    def edit(self, new: bool = False) -> ChecklistEditor | None:
        chosen = None if new else self.selected()
        if not new and chosen is None:
            warn(self, self.tr("Inspection checklists"), self.tr("Select a checklist first."))
            return None
        items = []
        if chosen is not None:
            with self.ctx.reading() as session:
                items = service.checklist_items(session, self.ctx.actor, chosen.id)
        editor = ChecklistEditor(self.ctx, chosen.product_line if chosen else "", items, self)
        editor.finished.connect(lambda result: self.reload() if result == QDialog.Accepted else None)
        editor.open()
        return editor


class ChecklistEditor(FormDialog):
    """The next version of a product line's checklist: its items in order, each a check or a
    measurement with a unit and an expected range."""

    def __init__(self, ctx, product_line: str, items, parent=None):
        super().__init__(self.tr("Inspection checklist"), parent, min_width=760, ok_text=self.tr("Publish"),
                         enter_submits=False,
                         intro=self.tr("Publishing makes a new version; inspections planned before keep theirs."))
        self.ctx = ctx
        self.product_line = self.add_text("product_line", self.tr("Product line"), product_line)
        self.product_line.setReadOnly(bool(product_line))
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("items")
        self.table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Kind"), self.tr("Unit"),
                                              self.tr("Expected from"), self.tr("Expected to")])
        self.table.horizontalHeader().setSectionResizeMode(TEXT, QHeaderView.Stretch)
        self.table.setMinimumHeight(280)
        self.add_widget("items", self.tr("Items"), self.table)
        row_buttons = QWidget()
        buttons = QHBoxLayout(row_buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        for text, slot in ((self.tr("Add item"), lambda: self.add_item()), (self.tr("Remove item"), self.remove_item)):
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch()
        self.add_widget("item_buttons", "", row_buttons)
        for item in items:
            self.add_item(item.text, item.kind, item.unit, service.measure_text(item.expected_min),
                          service.measure_text(item.expected_max))

    def add_item(self, text: str = "", kind: str = "check", unit: str = "", low: str = "", high: str = "") -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in ((TEXT, text), (UNIT, unit), (LOW, low), (HIGH, high)):
            self.table.setItem(row, column, QTableWidgetItem(value))
        choice = QComboBox()
        for code in service.ITEM_KINDS:
            choice.addItem(service.item_kind_label(code), code)
        choice.setCurrentIndex(max(choice.findData(kind), 0))
        self.table.setCellWidget(row, KIND, choice)

    def remove_item(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def item_specs(self) -> list:
        def cell(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text().strip() if item else ""

        return [service.ItemSpec(cell(r, TEXT), self.table.cellWidget(r, KIND).currentData(), cell(r, UNIT),
                                 cell(r, LOW) or None, cell(r, HIGH) or None)
                for r in range(self.table.rowCount())]

    def perform(self) -> None:
        with self.ctx.transaction() as session:
            service.publish_checklist(session, self.ctx.actor, self.product_line.text(), self.item_specs())
