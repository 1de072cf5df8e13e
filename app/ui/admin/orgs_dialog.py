"""Org units as a tree: add a unit below the selected one, rename, edit its calendar; at HQ, the
national calendar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout)

from app.calendars import service as calendars
from app.calendars.clock import minutes_text
from app.calendars.setting import read_setting
from app.orgs import service as orgs
from app.orgs.models import OrgUnit
from app.ui.admin.calendar_editor import UnitCalendarDialog
from app.ui.admin.national_calendar_dialog import NationalCalendarDialog
from app.ui.form_dialog import FormDialog
from app.ui.plain_text import information

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
        actions = [(self.tr("Add unit below…"), self.add_child), (self.tr("Edit…"), self.edit),
                   (self.tr("Calendar…"), self.edit_calendar)]
        if calendars.may_manage_national(ctx.actor):
            actions.append((self.tr("National calendar…"), self.edit_national_calendar))
        for text, slot in actions:
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
                own = "calendar" in (unit.settings or {})
                text = self._calendar_text(calendars.layers_for(session, unit))
                text += "" if own else self.tr(" (inherited)")
                item = QTreeWidgetItem([unit.code, unit.name, self.tier_label(unit.tier), unit.region, text])
                item.setData(0, Qt.UserRole, unit.id)
                parent = items.get(unit.parent_id)
                (parent.addChild(item) if parent else self.tree.addTopLevelItem(item))
                items[unit.id] = item
        self.tree.expandToDepth(0)
        for column in range(4):
            self.tree.resizeColumnToContents(column)

    def _calendar_text(self, layers) -> str:
        hours = layers.hours()
        if hours.mode == "24x7":
            return self.tr("7×24")
        return self.tr("Business hours {hours}").format(
            hours=", ".join(f"{minutes_text(start)}–{minutes_text(end)}" for start, end in hours.hours))

    def selected(self) -> OrgUnit | None:
        item = self.tree.currentItem()
        if item is None:
            information(self, self.windowTitle(), self.tr("Select an org unit first."))
            return None
        with self.ctx.reading() as session:
            return session.get(OrgUnit, item.data(0, Qt.UserRole))

    def add_child(self) -> None:
        parent = self.selected()
        if parent is None:
            return
        if parent.tier not in TIER_CHILD:
            information(self, self.windowTitle(), self.tr("Partners have no units below them."))
            return
        if OrgEditDialog(self.ctx, self, below=parent).exec() == QDialog.Accepted:
            self.reload()

    def edit(self) -> None:
        unit = self.selected()
        if unit is not None and OrgEditDialog(self.ctx, self, unit=unit).exec() == QDialog.Accepted:
            self.reload()

    def edit_calendar(self) -> None:
        unit = self.selected()
        if unit is not None and UnitCalendarDialog(self.ctx, self, unit).exec() == QDialog.Accepted:
            self.reload()

    def edit_national_calendar(self) -> None:
        if NationalCalendarDialog(self.ctx, self).exec() == QDialog.Accepted:
            self.reload()


class OrgEditDialog(FormDialog):
    """A new unit ``below`` a parent (code, name, region, the letterhead's address and hotline), or
    these and the calendar mode of ``unit`` (hours, weekdays and own days: ``UnitCalendarDialog``).
    An empty hotline is the one of the unit above, shown greyed in the field."""

    def __init__(self, ctx, parent, *, unit: OrgUnit | None = None, below: OrgUnit | None = None):
        title = unit.code if unit is not None else self.tr("New unit below {code}").format(code=below.code)
        super().__init__(title, parent)
        self.ctx, self.unit, self.below = ctx, unit, below
        own = (unit.settings or {}) if unit is not None else {}
        if unit is None:
            self.code = self.add_text("code", self.tr("Code"))
        self.name = self.add_text("name", self.tr("Name"), unit.name if unit else "")
        self.region = self.add_text("region", self.tr("Region"), unit.region if unit else "")
        hotline_above, refusal = self._read_door()
        self.address = self.add_text("address", self.tr("Address"), own.get("address", ""))
        self.hotline = self.add_text("hotline", self.tr("Service hotline"), own.get("hotline", ""), placeholder=(
            self.tr("{hotline} (as the unit above)").format(hotline=hotline_above) if hotline_above else ""))
        if refusal:  # said before anything is typed
            self.intro.setText(refusal)
            self.intro.setVisible(True)
            self.ok_button.setEnabled(False)
        if unit is not None:
            self.own_calendar = read_setting((unit.settings or {}).get("calendar"))
            self.calendar = self.add_combo("calendar", self.tr("Calendar"), (
                (self.tr("Inherit from the parent unit"), None), (self.tr("Business hours"), "business_hours"),
                (self.tr("7×24"), "24x7")), current=self.own_calendar.mode)

    def _read_door(self) -> tuple[str, str]:
        """(the hotline the unit has when its own is empty, why this installation may not change the unit or "")."""
        with self.ctx.reading() as session:
            if self.unit is None:
                return orgs.effective_setting(session, session.get(OrgUnit, self.below.id), "hotline") or "", ""
            unit = session.get(OrgUnit, self.unit.id)
            return orgs.inherited_setting(session, unit, "hotline") or "", orgs.kept_elsewhere(session, unit)

    def perform(self) -> None:
        contact = {"address": self.address.text(), "hotline": self.hotline.text()}
        with self.ctx.transaction() as session:
            if self.unit is None:
                orgs.create_org_unit(session, self.ctx.actor, code=self.code.text(), name=self.name.text(),
                                     tier=TIER_CHILD[self.below.tier], parent_code=self.below.code,
                                     region=self.region.text(), **contact)
            else:
                unit = session.get(OrgUnit, self.unit.id)
                orgs.update_org_unit(session, self.ctx.actor, unit, name=self.name.text(), region=self.region.text(),
                                     **contact)
                mode = self.calendar.currentData()
                if mode != self.own_calendar.mode:  # the unit's own days stay; only the mode changes here
                    calendars.save_unit_calendar(session, self.ctx.actor, unit,
                                                 self.own_calendar.with_mode(mode).to_setting())
