"""Partner service authorisations (服务授权) with their derived status, granting one, and the list
as filtered to Excel (``app.ui.list_export``, Ctrl+E)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from app.ui.form_dialog import FormDialog, ask
from app.ui.list_export import ListExport
from app.ui.list_menu import ListMenu
from app.ui.org_filter import OrgFilter
from app.ui.plain_text import information, plain_label
from plugins.certification import service

COLOURS = {"active": None, "expiring": "#fff3cd", "lapsed": "#f8d7da", "pending": "#e7f1ff", "withdrawn": "#e2e3e5"}


class AuthorisationsPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.watch = plain_label(name="expiry_watch")
        self.table = QTableWidget(0, 8, objectName="authorisations")
        self.table.setHorizontalHeaderLabels([
            self.tr("Number"), self.tr("Partner"), self.tr("Status"), self.tr("Certified engineers"),
            self.tr("Valid from"), self.tr("Valid until"), self.tr("Service types"), self.tr("Product lines")])
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.list_menu = ListMenu(self.table, ctx, self.tr("Partner authorisations"), number=0)
        top = QHBoxLayout()
        self.org_filter = OrgFilter(ctx)
        self.org_filter.changed.connect(lambda *_: self.reload())
        top.addWidget(self.org_filter)
        for name, text, slot in (("grant", self.tr("Authorise partner…"), self.grant),
                                 ("withdraw", self.tr("Withdraw…"), self.withdraw)):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            button.setEnabled(ctx.actor.has(service.AUTHORISE))
            top.addWidget(button)
        top.addStretch()
        self.export = ListExport(self, ctx, self.tr("Partner authorisations"),
                                 lambda: partial(service.export_authorisations, **self.shown))
        top.addWidget(self.export.button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.watch)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.reload()

    def refresh(self) -> None:  # F5 (``app.ui.shortcuts``)
        self.reload()

    def reload(self) -> None:
        unit = self.shown = self.org_filter.arguments()
        with self.ctx.reading() as session:
            states = service.list_authorisations(session, self.ctx.actor, **unit)
            counts = service.authorisation_expiring_counts(session, self.ctx.actor, **unit)
            rows = [(s.authorisation.id, s.authorisation.number, f"{s.partner.name} ({s.partner.code})",
                     service.authorisation_status_label(s.status) + (f" — {s.reason}" if s.reason else ""),
                     f"{s.certified} / {s.authorisation.min_engineers}",
                     s.authorisation.valid_from.isoformat(), s.authorisation.valid_until.isoformat(),
                     "、".join(s.authorisation.service_types), "、".join(s.authorisation.product_lines), s.status)
                    for s in states]
        self.watch.setText(self.tr("Expiry watch — authorisations ending within 30 days: {a} · 60 days: {b} · "
                                   "90 days: {c}").format(a=counts[30], b=counts[60], c=counts[90]))
        self.table.setRowCount(len(rows))
        for r, (auth_id, *values, status) in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.UserRole, auth_id)
                if COLOURS.get(status):
                    item.setBackground(QColor(COLOURS[status]))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def grant(self) -> None:
        if GrantDialog(self.ctx, self).exec() == QDialog.Accepted:
            self.reload()

    def withdraw(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            information(self, self.tr("Withdraw"), self.tr("Select an authorisation first."))
            return
        authorisation_id = self.table.item(row, 0).data(Qt.UserRole)

        def withdraw(reason: str) -> None:
            with self.ctx.transaction() as session:
                service.withdraw(session, self.ctx.actor, authorisation_id, reason)
        partner = self.table.item(row, 1).text()
        what_happens = self.tr("The authorisation of {partner} is withdrawn from today, for good: only a new "
                               "authorisation lets the partner work under it again.").format(partner=partner)
        if ask(self, self.tr("Withdraw"), self.tr("Reason"), withdraw, name="reason",
               ask_first=(what_happens, self.tr("Withdraw authorisation"))):
            self.reload()


def split(text: str) -> list[str]:
    return [p.strip() for p in text.replace("，", ",").replace("、", ",").split(",") if p.strip()]


class GrantDialog(FormDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(self.tr("Authorise partner"), parent)
        self.ctx = ctx
        today = QDate.currentDate()
        self.partner = self.add_text("partner", self.tr("Partner code"), placeholder="BJ-P01")
        self.lines = self.add_text("product_lines", self.tr("Product lines"),
                                   placeholder=self.tr("Separate with commas"))
        self.types = self.add_text("service_types", self.tr("Service types"),
                                   placeholder=self.tr("Separate with commas"))
        self.start = self.add_date("valid_from", self.tr("Valid from"), today.toPython())
        self.until = self.add_date("valid_until", self.tr("Valid until"), today.addDays(730).toPython())
        self.need = self.add_spin("min_engineers", self.tr("Certified engineers required"), 2, minimum=1, maximum=99)

    def arguments(self) -> dict:
        return {"partner_code": self.partner.text().strip().upper(), "product_lines": split(self.lines.text()),
                "service_types": split(self.types.text()), "valid_from": self.start.date().toPython(),
                "valid_until": self.until.date().toPython(), "min_engineers": self.need.value()}

    def perform(self) -> None:
        with self.ctx.transaction() as session:
            service.grant(session, self.ctx.actor, **self.arguments())
