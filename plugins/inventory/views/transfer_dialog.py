"""Send parts from one depot to another (transfer out → in transit at the target). The part is
picked from what the sending depot has on hand beyond its reservations, the quantity is bounded by
that, and a serialised part's units are ticked among the serial numbers in stock there (the
quantity follows the ticks). The part is found by typing any part of its number or name. What the
send would be refused for (nothing chosen, no unit ticked) is said on its field before the
confirmation that a sent transfer cannot be called back."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from app.errors import UserError, ValidationError
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
        self.stock = []  # the source depot's PartChoices
        self.source = self.add_combo("source", self.tr("From depot"), sources,
                                     current=None if from_depot_id is None else str(from_depot_id),
                                     door_names=("from_depot",))
        self.target = self.add_combo("target", self.tr("To depot"), targets, door_names=("to_depot",))
        self.part = self.add_combo("part", self.tr("Part"), door_names=("part_number",), searchable=True)
        self.quantity = self.add_spin("quantity", self.tr("Quantity"), 1, minimum=1, maximum=1)
        self.serials = self.add_widget("serials", self.tr("Serial numbers"), QListWidget(), door_names=("serial",))
        self.serials.setMaximumHeight(140)
        self.reason = self.add_text("reason", self.tr("Note"))
        self.source.currentIndexChanged.connect(self._other_target)
        self.source.currentIndexChanged.connect(self.load_stock)
        self.part.currentIndexChanged.connect(self._part_chosen)
        self.serials.itemChanged.connect(self._count_serials)
        self._other_target()
        self.load_stock()
        self.ask_first(self.what_sending_does, self.tr("Send"))

    def what_sending_does(self) -> str:
        choice = self.part.currentData()
        return self.tr("{quantity} × {part} leave {source} now and are in transit to {target} until it receives "
                       "them. A sent transfer cannot be called back.").format(
            quantity=self.quantity.value(), part=choice.part_number, source=self.source.currentText().split("  ")[0],
            target=self.target.currentText().split("  ")[0])

    def _other_target(self) -> None:
        """Never offer the source itself as the target."""
        if self.target.currentData() == self.source.currentData():
            index = next((i for i in range(self.target.count())
                          if self.target.itemData(i) != self.source.currentData()), -1)
            self.target.setCurrentIndex(index)

    # ------------------------------------------------------------------ picking from the source's stock

    def load_stock(self) -> None:
        """What the chosen source depot can send now (the door's ``depot_stock``)."""
        self.stock = []
        if self.source.currentData():
            try:
                with self.ctx.reading() as session:
                    self.stock = service.depot_stock(session, self.ctx.actor, uuid.UUID(self.source.currentData()))
            except UserError as exc:
                self.show_error(str(exc), "source")
        self.part.blockSignals(True)  # filled in one go, then shown once
        self.part.clear()
        for choice in self.stock:
            self.part.addItem(self.tr("{number}  {name} · {available} available").format(
                number=choice.part_number, name=choice.name, available=choice.available), choice)
        if not self.stock:
            self.part.addItem(self.tr("Nothing on hand in this depot"), None)
        self.part.blockSignals(False)
        self._part_chosen()

    def _part_chosen(self) -> None:
        choice = self.part.currentData()
        serialised = choice is not None and choice.serialised
        self.serials.blockSignals(True)
        self.serials.clear()
        for serial in choice.serials if serialised else ():
            item = QListWidgetItem(serial)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked)
            self.serials.addItem(item)
        self.serials.blockSignals(False)
        self.set_visible("serials", serialised)
        self.quantity.setRange(0 if serialised else 1, max(choice.available, 1) if choice is not None else 1)
        self.quantity.setEnabled(choice is not None and not serialised)
        self._count_serials()

    def _count_serials(self) -> None:
        """A serialised part sends the units ticked, never more than the depot can give."""
        choice = self.part.currentData()
        if choice is None or not choice.serialised:
            return
        ticked = len(self.chosen_serials())
        self.quantity.setValue(ticked)
        self.serials.blockSignals(True)
        for row in range(self.serials.count()):
            item = self.serials.item(row)
            open_to_tick = item.checkState() == Qt.Checked or ticked < choice.available
            item.setFlags(item.flags() | Qt.ItemIsEnabled if open_to_tick else item.flags() & ~Qt.ItemIsEnabled)
        self.serials.blockSignals(False)

    def chosen_serials(self) -> list[str]:
        return [self.serials.item(row).text() for row in range(self.serials.count())
                if self.serials.item(row).checkState() == Qt.Checked]

    def check_entries(self) -> None:
        super().check_entries()
        choice = self.part.currentData()
        if choice is None:
            raise ValidationError(self.tr("Choose the part to send.") if self.stock
                                  else self.tr("The sending depot has nothing on hand to send."), field="part")
        if choice.serialised and not self.chosen_serials():
            raise ValidationError(self.tr("Tick the serial number of each unit to send."), field="serials")

    def perform(self) -> None:
        choice = self.part.currentData()
        serials = self.chosen_serials() if choice.serialised else []
        quantity = len(serials) if choice.serialised else self.quantity.value()
        with self.ctx.transaction() as session:
            transfer = service.send_transfer(session, self.ctx.actor, uuid.UUID(self.source.currentData()),
                                             uuid.UUID(self.target.currentData()), choice.part_number,
                                             quantity, serials, self.reason.text())
            self.transfer_number = transfer.number
