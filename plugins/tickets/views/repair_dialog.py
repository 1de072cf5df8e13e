"""The on-site repair order (维修单): fault found, actions, labour, parts with faulty and replacement
serial numbers, and the customer's sign-off by a drawn signature or the company seal.

``RepairOrderDialog(ctx, ticket_id, run, sign_only=False)``: with ``sign_only`` the order was
completed earlier and only the sign-off is taken. Completion and sign-off go in one transaction.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QPushButton, QTableWidget, QTableWidgetItem

from app.errors import ValidationError
from app.ui.form_dialog import FormDialog
from plugins.tickets import service
from app.ui.signature_pad import signature_row


class RepairOrderDialog(FormDialog):
    def __init__(self, ctx, ticket_id, run, sign_only: bool = False, parent=None):
        super().__init__(self.tr("Repair order"), parent, min_width=640, ok_text=self.tr("Save repair order"))
        self.ctx, self.ticket_id, self.run, self.sign_only = ctx, ticket_id, run, sign_only
        self.fault_found = self.add_multiline("fault_found", self.tr("Fault found"), max_height=70)
        self.actions = self.add_multiline("actions", self.tr("Actions taken"), max_height=70)
        self.labour = self.add_spin("labour", self.tr("Labour time"), maximum=24 * 60, step=15, suffix=self.tr(" min"),
                                    door_names=("labour_minutes",))
        self.parts = self.add_widget("parts", self.tr("Parts used"), self._parts_table())
        add_part = self.add_widget("add_part", "", QPushButton(self.tr("Add part")))
        add_part.setAutoDefault(False)  # Enter saves the order, never adds an empty line
        add_part.clicked.connect(lambda: self.add_part())
        for name in ("fault_found", "actions", "labour", "parts", "add_part"):
            self.set_visible(name, not sign_only)
        self._sign_off_rows()

    def _parts_table(self) -> QTableWidget:
        parts = QTableWidget(0, 4)
        parts.setObjectName("repair_parts")
        parts.setHorizontalHeaderLabels([self.tr("Part number"), self.tr("Quantity"), self.tr("Faulty serial"),
                                         self.tr("Replacement serial")])
        parts.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        parts.setMaximumHeight(120)
        return parts

    def _sign_off_rows(self) -> None:
        heading = self.add_info("sign_off", self.tr("Customer sign-off"))
        heading.setStyleSheet("font-weight: bold; margin-top: 8px")
        self.signer = self.add_text("signer", self.tr("Signed by"), door_names=("signer_name",),
                                    placeholder=self.tr("Name of the customer who signs"))
        self.pad, pad_row = signature_row()
        self.add_widget("signature", self.tr("Signature"), pad_row, focus=self.pad)
        self.seal = self.add_check("seal", self.tr("Company seal stamped on the paper copy instead of a signature"),
                                   door_names=("seal_confirmed",))

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
                raise ValidationError(self.tr("Part line {n}: quantity must be a whole number.").format(n=row + 1),
                                      field="parts")
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
