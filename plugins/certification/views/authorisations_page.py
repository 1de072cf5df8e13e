"""Partner service authorisations (服务授权) with their derived status, and granting one."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QInputDialog, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from app.errors import UserError
from app.ui.org_filter import OrgFilter
from plugins.certification import authorisations, common

COLOURS = {"active": None, "expiring": "#fff3cd", "lapsed": "#f8d7da", "pending": "#e7f1ff", "withdrawn": "#e2e3e5"}


class AuthorisationsPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.watch = QLabel(objectName="expiry_watch")
        self.table = QTableWidget(0, 8, objectName="authorisations")
        self.table.setHorizontalHeaderLabels([
            self.tr("Number"), self.tr("Partner"), self.tr("Status"), self.tr("Certified engineers"),
            self.tr("Valid from"), self.tr("Valid until"), self.tr("Service types"), self.tr("Product lines")])
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        top = QHBoxLayout()
        self.org_filter = OrgFilter(ctx)
        self.org_filter.changed.connect(lambda *_: self.reload())
        top.addWidget(self.org_filter)
        for name, text, slot in (("grant", self.tr("Authorise partner…"), self.grant),
                                 ("withdraw", self.tr("Withdraw…"), self.withdraw)):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            button.setEnabled(ctx.actor.has(common.AUTHORISE))
            top.addWidget(button)
        top.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.watch)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        unit = self.org_filter.arguments()
        with self.ctx.reading() as session:
            states = authorisations.list_authorisations(session, self.ctx.actor, **unit)
            counts = authorisations.expiring_counts(session, self.ctx.actor, **unit)
            rows = [(s.authorisation.id, s.authorisation.number, f"{s.partner.name} ({s.partner.code})",
                     authorisations.status_label(s.status) + (f" — {s.reason}" if s.reason else ""),
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
        dialog = GrantDialog(self)
        if dialog.exec() != QDialog.Accepted:
            return
        try:
            with self.ctx.transaction() as session:
                authorisations.grant(session, self.ctx.actor, **dialog.values())
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Authorise partner"), str(exc))
        self.reload()

    def withdraw(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            QMessageBox.information(self, self.tr("Withdraw"), self.tr("Select an authorisation first."))
            return
        reason, ok = QInputDialog.getText(self, self.tr("Withdraw"), self.tr("Reason"))
        if not ok:
            return
        try:
            with self.ctx.transaction() as session:
                authorisations.withdraw(session, self.ctx.actor, self.table.item(row, 0).data(Qt.UserRole), reason)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Withdraw"), str(exc))
        self.reload()


class GrantDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Authorise partner"))
        self.partner = QLineEdit(objectName="partner")
        self.partner.setPlaceholderText("BJ-P01")
        self.lines = QLineEdit(objectName="product_lines")
        self.lines.setPlaceholderText(self.tr("Separate with commas"))
        self.types = QLineEdit(objectName="service_types")
        self.types.setPlaceholderText(self.tr("Separate with commas"))
        today = QDate.currentDate()
        self.start = QDateEdit(today, calendarPopup=True)
        self.until = QDateEdit(today.addDays(timedelta(days=730).days), calendarPopup=True)
        self.need = QSpinBox(minimum=1, maximum=99, value=2)
        form = QFormLayout(self)
        for label, widget in ((self.tr("Partner code"), self.partner), (self.tr("Product lines"), self.lines),
                              (self.tr("Service types"), self.types), (self.tr("Valid from"), self.start),
                              (self.tr("Valid until"), self.until), (self.tr("Certified engineers required"), self.need)):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        def split(text):
            return [p.strip() for p in text.replace("，", ",").replace("、", ",").split(",") if p.strip()]

        return {"partner_code": self.partner.text().strip().upper(), "product_lines": split(self.lines.text()),
                "service_types": split(self.types.text()), "valid_from": self.start.date().toPython(),
                "valid_until": self.until.date().toPython(), "min_engineers": self.need.value()}
