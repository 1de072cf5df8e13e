"""The on-site repair order (维修单): fault found, actions, labour, parts with faulty and replacement
serial numbers, and the customer's sign-off by a drawn signature or the company seal.

``RepairOrderDialog(ctx, ticket_id, run, sign_only=False)``: with ``sign_only`` the order was
completed earlier and only the sign-off is taken. Completion and sign-off go in one transaction.
"""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QGroupBox, QHBoxLayout, QHeaderView, QLineEdit, QPlainTextEdit, QPushButton,
                               QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout)

from app.errors import ValidationError
from plugins.tickets import service
from plugins.tickets.views.action_dialogs import FormDialog
from plugins.tickets.views.signature import SignaturePad


class RepairOrderDialog(FormDialog):
    def __init__(self, ctx, ticket_id, run, sign_only: bool = False, parent=None):
        super().__init__(self.tr("Repair order"), parent)
        self.ctx, self.ticket_id, self.run, self.sign_only = ctx, ticket_id, run, sign_only
        self.setMinimumWidth(640)
        self.fault_found = QPlainTextEdit()
        self.fault_found.setMaximumHeight(70)
        self.actions = QPlainTextEdit()
        self.actions.setMaximumHeight(70)
        self.labour = QSpinBox(minimum=0, maximum=24 * 60, singleStep=15, suffix=self.tr(" min"))
        self.parts = QTableWidget(0, 4)
        self.parts.setObjectName("repair_parts")
        self.parts.setHorizontalHeaderLabels([self.tr("Part number"), self.tr("Quantity"), self.tr("Faulty serial"),
                                              self.tr("Replacement serial")])
        self.parts.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.parts.setMaximumHeight(120)
        add_part = QPushButton(self.tr("Add part"))
        add_part.clicked.connect(lambda: self.add_part())
        if not sign_only:
            self.form.addRow(self.tr("Fault found"), self.fault_found)
            self.form.addRow(self.tr("Actions taken"), self.actions)
            self.form.addRow(self.tr("Labour time"), self.labour)
            self.form.addRow(self.tr("Parts used"), self.parts)
            self.form.addRow("", add_part)
        self.form.addRow(self._sign_off_box())
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("Save repair order"))

    def _sign_off_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Customer sign-off"))
        self.signer = QLineEdit(placeholderText=self.tr("Name of the customer who signs"))
        self.pad = SignaturePad()
        clear = QPushButton(self.tr("Clear signature"))
        clear.clicked.connect(self.pad.clear)
        self.seal = QCheckBox(self.tr("Company seal stamped on the paper copy instead of a signature"))
        row = QHBoxLayout()
        row.addWidget(self.pad)
        row.addWidget(clear)
        row.addStretch()
        layout = QVBoxLayout(box)
        layout.addWidget(self.signer)
        layout.addLayout(row)
        layout.addWidget(self.seal)
        return box

    def add_part(self, number: str = "", quantity: int = 1, faulty: str = "", replacement: str = "") -> None:
        row = self.parts.rowCount()
        self.parts.insertRow(row)
        for column, text in enumerate((number, str(quantity), faulty, replacement)):
            self.parts.setItem(row, column, QTableWidgetItem(text))

    def part_uses(self) -> list:
        uses = []
        for row in range(self.parts.rowCount()):
            texts = [(self.parts.item(row, c).text() if self.parts.item(row, c) else "").strip() for c in range(4)]
            if not any(texts):
                continue
            if not texts[1].isdigit():
                raise ValidationError(self.tr("Part line {n}: quantity must be a whole number.").format(n=row + 1))
            uses.append(service.PartUse(texts[0], int(texts[1]), texts[2], texts[3]))
        return uses

    def signing(self) -> bool:
        return bool(self.signer.text().strip()) or not self.pad.is_empty() or self.seal.isChecked()

    def perform(self) -> None:
        parts = [] if self.sign_only else self.part_uses()

        def work(session):
            if not self.sign_only:
                service.complete_repair(session, self.ctx.actor, self.ticket_id, fault_found=self.fault_found.toPlainText(),
                                        actions=self.actions.toPlainText(), labour_minutes=self.labour.value(),
                                        parts=parts, hook=self.ctx.hook)
            if self.sign_only or self.signing():
                service.sign_off(session, self.ctx.actor, self.ticket_id, signer_name=self.signer.text(),
                                 signature_png=self.pad.png(), seal_confirmed=self.seal.isChecked())
        self.run(work)
