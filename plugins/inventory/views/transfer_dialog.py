"""Send parts from one depot to another (transfer out → in transit at the target)."""

from __future__ import annotations

import uuid

from app.ui.form_dialog import FormDialog
from plugins.inventory import service


class TransferDialog(FormDialog):
    def __init__(self, ctx, from_depot_id=None, parent=None):
        super().__init__(self.tr("Transfer parts"), parent, min_width=520, ok_text=self.tr("Send"))
        self.ctx = ctx
        self.transfer_number = None
        with ctx.reading() as session:
            sources = [(f"{d.code}  {d.name}", str(d.id)) for d in service.visible_depots(session, ctx.actor)]
            targets = [(f"{d.code}  {d.name}", str(d.id)) for d in service.all_depots(session, ctx.actor)]
            parts = [(f"{p.part_number}  {p.name_zh}", p.part_number) for p in service.list_parts(session, ctx.actor)]
        self.source = self.add_combo("source", self.tr("From depot"), sources,
                                     current=None if from_depot_id is None else str(from_depot_id),
                                     door_names=("from_depot",))
        self.target = self.add_combo("target", self.tr("To depot"), targets, door_names=("to_depot",))
        self.part = self.add_combo("part", self.tr("Part"), parts, editable=True, door_names=("part_number",))
        self.quantity = self.add_spin("quantity", self.tr("Quantity"), 1, minimum=1, maximum=100000)
        self.serials = self.add_text("serials", self.tr("Serial numbers"), door_names=("serial",),
                                     placeholder=self.tr("Serialised parts: serial numbers, separated by commas"))
        self.reason = self.add_text("reason", self.tr("Note"))
        self.source.currentIndexChanged.connect(self._other_target)
        self._other_target()

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

    def perform(self) -> None:
        serials = [s for s in self.serials.text().replace("，", ",").split(",") if s.strip()]
        with self.ctx.transaction() as session:
            transfer = service.send_transfer(session, self.ctx.actor, uuid.UUID(self.source.currentData()),
                                             uuid.UUID(self.target.currentData()), self.part_number(),
                                             self.quantity.value(), serials, self.reason.text())
            self.transfer_number = transfer.number
