"""Org units as a tree: add a unit below the selected one, rename, set the business-hours calendar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout)

from app.errors import UserError
from app.orgs import service as orgs
from app.orgs.models import OrgUnit

TIER_CHILD = {"hq": "branch", "branch": "partner"}


class OrgUnitsDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Org units"))
        self.tree = QTreeWidget()
        self.tree.setObjectName("orgs")
        self.tree.setHeaderLabels([self.tr("Code"), self.tr("Name"), self.tr("Tier"), self.tr("Region"),
                                   self.tr("Calendar")])
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("Add unit below…"), self.add_child), (self.tr("Edit…"), self.edit)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch()
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(820, 520)
        self.reload()

    def tier_label(self, tier: str) -> str:
        return {"hq": self.tr("HQ"), "branch": self.tr("Branch"), "partner": self.tr("Partner")}[tier]

    def reload(self) -> None:
        self.tree.clear()
        items: dict = {}
        with self.ctx.reading() as session:
            for unit in orgs.visible_units(session, self.ctx.actor):
                calendar = orgs.effective_setting(session, unit, "calendar")
                own = "calendar" in (unit.settings or {})
                text = self._calendar_text(calendar) + ("" if own else self.tr(" (inherited)"))
                item = QTreeWidgetItem([unit.code, unit.name, self.tier_label(unit.tier), unit.region, text])
                item.setData(0, Qt.UserRole, unit.id)
                parent = items.get(unit.parent_id)
                (parent.addChild(item) if parent else self.tree.addTopLevelItem(item))
                items[unit.id] = item
        self.tree.expandToDepth(0)
        for column in range(4):
            self.tree.resizeColumnToContents(column)

    def _calendar_text(self, calendar: dict) -> str:
        if calendar.get("mode") == "24x7":
            return self.tr("7×24")
        return self.tr("Business hours {start}–{end}").format(start=calendar.get("start"), end=calendar.get("end"))

    def selected(self) -> OrgUnit | None:
        item = self.tree.currentItem()
        if item is None:
            QMessageBox.information(self, self.windowTitle(), self.tr("Select an org unit first."))
            return None
        with self.ctx.reading() as session:
            return session.get(OrgUnit, item.data(0, Qt.UserRole))

    def add_child(self) -> None:
        parent = self.selected()
        if parent is None:
            return
        if parent.tier not in TIER_CHILD:
            QMessageBox.information(self, self.windowTitle(), self.tr("Partners have no units below them."))
            return
        dialog = OrgEditDialog(self, title=self.tr("New unit below {code}").format(code=parent.code), with_code=True)
        if dialog.exec() != QDialog.Accepted:
            return
        self._save(lambda s: orgs.create_org_unit(s, self.ctx.actor, code=dialog.code.text(), name=dialog.name.text(),
                                                  tier=TIER_CHILD[parent.tier], parent_code=parent.code,
                                                  region=dialog.region.text()))

    def edit(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        dialog = OrgEditDialog(self, title=unit.code, with_code=False)
        dialog.name.setText(unit.name)
        dialog.region.setText(unit.region)
        calendar = (unit.settings or {}).get("calendar") or {}
        dialog.calendar.setCurrentIndex({"business_hours": 1, "24x7": 2}.get(calendar.get("mode"), 0))
        if dialog.exec() != QDialog.Accepted:
            return
        settings = dict(unit.settings or {})
        mode = dialog.calendar.currentData()
        if mode is None:
            settings.pop("calendar", None)
        else:
            # Keep the unit's own hours, days and holidays; only the mode changes here.
            settings["calendar"] = {**orgs.DEFAULT_SETTINGS["calendar"], **calendar, "mode": mode}

        def change(session):
            target = session.get(OrgUnit, unit.id)
            orgs.update_org_unit(session, self.ctx.actor, target, name=dialog.name.text(),
                                 region=dialog.region.text(), settings=settings)
        self._save(change)

    def _save(self, fn) -> None:
        try:
            with self.ctx.transaction() as session:
                fn(session)
        except UserError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        self.reload()


class OrgEditDialog(QDialog):
    def __init__(self, parent, title: str, with_code: bool):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.code = QLineEdit()
        self.code.setObjectName("code")
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.region = QLineEdit()
        self.calendar = QComboBox()
        self.calendar.addItem(self.tr("Inherit from the parent unit"), None)
        self.calendar.addItem(self.tr("Business hours (Mon–Fri 09:00–18:00)"), "business_hours")
        self.calendar.addItem(self.tr("7×24"), "24x7")
        form = QFormLayout()
        if with_code:
            form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Region"), self.region)
        if not with_code:
            form.addRow(self.tr("Calendar"), self.calendar)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel())
        layout.addWidget(buttons)
