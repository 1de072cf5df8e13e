"""Send parts from one depot to another (transfer out → in transit at the target)."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox,
                               QVBoxLayout)

from app.errors import UserError
from plugins.inventory import catalog, service


class TransferDialog(QDialog):
    def __init__(self, ctx, from_depot_id=None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.transfer_number = None
        self.setWindowTitle(self.tr("Transfer parts"))
        self.source = QComboBox()
        self.source.setObjectName("source")
        self.target = QComboBox()
        self.target.setObjectName("target")
        self.part = QComboBox()
        self.part.setObjectName("part")
        self.part.setEditable(True)
        with ctx.reading() as session:
            for depot in service.visible_depots(session, ctx.actor):
                self.source.addItem(f"{depot.code}  {depot.name}", str(depot.id))
            for depot in service.all_depots(session, ctx.actor):
                self.target.addItem(f"{depot.code}  {depot.name}", str(depot.id))
            for part in catalog.list_parts(session, ctx.actor):
                self.part.addItem(f"{part.part_number}  {part.name_zh}", part.part_number)
        if from_depot_id is not None:
            self.source.setCurrentIndex(max(0, self.source.findData(str(from_depot_id))))
        self.source.currentIndexChanged.connect(self._other_target)
        self._other_target()
        self.setMinimumWidth(520)
        self.quantity = QSpinBox()
        self.quantity.setObjectName("quantity")
        self.quantity.setRange(1, 100000)
        self.serials = QLineEdit()
        self.serials.setObjectName("serials")
        self.serials.setPlaceholderText(self.tr("Serialised parts: serial numbers, separated by commas"))
        self.reason = QLineEdit()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("From depot"), self.source)
        form.addRow(self.tr("To depot"), self.target)
        form.addRow(self.tr("Part"), self.part)
        form.addRow(self.tr("Quantity"), self.quantity)
        form.addRow(self.tr("Serial numbers"), self.serials)
        form.addRow(self.tr("Note"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Send"))
        buttons.accepted.connect(self.send)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _other_target(self) -> None:
        """Never offer the source itself as the target."""
        if self.target.currentData() == self.source.currentData():
            index = next((i for i in range(self.target.count())
                          if self.target.itemData(i) != self.source.currentData()), -1)
            self.target.setCurrentIndex(index)

    def part_number(self) -> str:
        index = self.part.findText(self.part.currentText())
        data = self.part.itemData(index) if index >= 0 else None
        return data or self.part.currentText().split()[0] if self.part.currentText().strip() else ""

    def send(self) -> None:
        serials = [s for s in self.serials.text().replace("，", ",").split(",") if s.strip()]
        try:
            with self.ctx.transaction() as session:
                transfer = service.send_transfer(session, self.ctx.actor, uuid.UUID(self.source.currentData()),
                                                 uuid.UUID(self.target.currentData()), self.part_number(),
                                                 self.quantity.value(), serials, self.reason.text())
                self.transfer_number = transfer.number
        except UserError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
