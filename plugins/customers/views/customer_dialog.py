"""Add a customer, or change one's name and region: the shell's form dialog around the door."""

from __future__ import annotations

from app.ui.form_dialog import FormDialog
from plugins.customers import service


class CustomerDialog(FormDialog):
    """Without ``customer_id`` it adds a customer (to a unit the door offers); with one it edits it.
    After OK, ``customer_id`` is the saved customer's."""

    def __init__(self, ctx, customer_id=None, parent=None):
        adding = customer_id is None
        super().__init__(self.tr("New customer") if adding else self.tr("Edit customer"), parent)
        self.ctx = ctx
        self.customer_id = customer_id
        name, region, units = "", "", []
        with ctx.reading() as session:
            if adding:
                units = [(f"{u.code}  {u.name}", u.id) for u in service.units_for_new_customer(session, ctx.actor)]
            else:
                customer = service.get_customer(session, ctx.actor, customer_id)
                name, region = customer.name, customer.region
        self.name = self.add_text("name", self.tr("Name"), name)
        self.name.setMaxLength(200)
        self.region = self.add_text("region", self.tr("Region"), region,
                                    placeholder=self.tr("City or province where the customer is"))
        self.region.setMaxLength(100)
        self.unit = self.add_combo("org_id", self.tr("Served by"), units)
        self.set_visible("org_id", len(units) > 1)  # one choice needs no asking

    def perform(self) -> None:
        with self.ctx.transaction() as session:
            if self.customer_id is None:
                customer = service.create_customer(session, self.ctx.actor, name=self.name.text(),
                                                   region=self.region.text(), org_id=self.unit.currentData())
            else:
                customer = service.update_customer(session, self.ctx.actor, self.customer_id, name=self.name.text(),
                                                   region=self.region.text())
            self.customer_id = customer.id
