"""Setting up stock: a new depot for an org unit, and the minimum/maximum level of a part."""

from __future__ import annotations

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
        with ctx.reading() as session:
            units = [(f"{unit.code}  {unit.name}", unit.code) for unit in visible_units(session, ctx.actor)]
        self.org = self.add_combo("org", self.tr("Org unit"), units, door_names=("org_code",))
        self.code = self.add_text("code", self.tr("Depot code"))
        self.name = self.add_text("name", self.tr("Name"))
        self.kind = self.add_combo("kind", self.tr("Kind"), ((self.tr("Branch depot"), "branch"),
                                                             (self.tr("Partner depot"), "partner"),
                                                             (self.tr("HQ central depot"), "central")))

    def save(self, session) -> None:
        service.create_depot(session, self.ctx.actor, org_code=self.org.currentData(), code=self.code.text(),
                             name=self.name.text(), kind=self.kind.currentData())


class StockLevelDialog(_TransactionForm):
    def __init__(self, ctx, depot_id, depot_label: str, parent=None):
        super().__init__(ctx, self.tr("Stock levels — {depot}").format(depot=depot_label), parent)
        self.depot_id = depot_id
        self.part = self.add_text("part", self.tr("Part number"), door_names=("part_number",))
        self.minimum = self.add_spin("minimum", self.tr("Minimum"), maximum=100_000, door_names=("min_qty",))
        self.maximum = self.add_spin("maximum", self.tr("Maximum"), maximum=100_000, door_names=("max_qty",))

    def save(self, session) -> None:
        service.set_level(session, self.ctx.actor, self.depot_id, self.part.text(), self.minimum.value(),
                          self.maximum.value())
