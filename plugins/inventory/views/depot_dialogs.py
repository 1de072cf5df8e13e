"""Setting up stock: a new depot for an org unit, and the minimum/maximum level of a part."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox

from app.orgs.service import visible_units
from app.ui.form_dialog import FormDialog
from plugins.inventory import service


class _TransactionForm(FormDialog):
    """``save(session)`` runs in one transaction: all of it lands, or nothing."""

    def __init__(self, ctx, title: str, parent=None):
        super().__init__(title, parent)
        self.ctx = ctx

    def perform(self) -> None:
        with self.ctx.transaction() as session:
            self.save(session)


class NewDepotDialog(_TransactionForm):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, self.tr("New depot"), parent)
        self.org = QComboBox()
        self.org.setObjectName("org")
        with ctx.reading() as session:
            for unit in visible_units(session, ctx.actor):
                self.org.addItem(f"{unit.code}  {unit.name}", unit.code)
        self.code = QLineEdit()
        self.code.setObjectName("code")
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for label, kind in ((self.tr("Branch depot"), "branch"), (self.tr("Partner depot"), "partner"),
                            (self.tr("HQ central depot"), "central")):
            self.kind.addItem(label, kind)
        self.form.addRow(self.tr("Org unit"), self.org)
        self.form.addRow(self.tr("Depot code"), self.code)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Kind"), self.kind)

    def save(self, session) -> None:
        service.create_depot(session, self.ctx.actor, org_code=self.org.currentData(), code=self.code.text(),
                             name=self.name.text(), kind=self.kind.currentData())


class StockLevelDialog(_TransactionForm):
    def __init__(self, ctx, depot_id, depot_label: str, parent=None):
        super().__init__(ctx, self.tr("Stock levels — {depot}").format(depot=depot_label), parent)
        self.depot_id = depot_id
        self.part = QLineEdit()
        self.part.setObjectName("part")
        self.minimum = QSpinBox()
        self.minimum.setObjectName("minimum")
        self.maximum = QSpinBox()
        self.maximum.setObjectName("maximum")
        for box in (self.minimum, self.maximum):
            box.setRange(0, 100_000)
        self.form.addRow(self.tr("Part number"), self.part)
        self.form.addRow(self.tr("Minimum"), self.minimum)
        self.form.addRow(self.tr("Maximum"), self.maximum)

    def save(self, session) -> None:
        service.set_level(session, self.ctx.actor, self.depot_id, self.part.text(), self.minimum.value(),
                          self.maximum.value())
