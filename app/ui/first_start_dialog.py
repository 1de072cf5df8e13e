"""First start: which org unit this installation serves, and its administrator."""

from __future__ import annotations

from app.errors import ValidationError
from app.setup import initialize
from app.ui.form_dialog import FormDialog


class FirstStartDialog(FormDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(self.tr("Set up this installation"), parent, min_width=460,
                         intro=self.tr("This database is new. Say which org unit it serves and create its "
                                       "administrator."), ok_text=self.tr("Create"), cancel_text=self.tr("Cancel"))
        self.ctx = ctx
        self.org_code = None
        self.admin_name = ""
        self.tier = self.add_combo("tier", self.tr("Tier"), ((self.tr("Branch / authorised service center"), "branch"),
                                                             (self.tr("HQ technical support"), "hq"),
                                                             (self.tr("Channel partner"), "partner")))
        self.code = self.add_text("code", self.tr("Org code"), placeholder=self.tr("e.g. BJ"))
        self.name = self.add_text("name", self.tr("Org name"), placeholder=self.tr("e.g. 北京分公司"))
        self.parent_code = self.add_text("parent", self.tr("Parent org code"), "HQ")
        self.admin = self.add_text("admin", self.tr("Administrator"), "admin", door_names=("username",))
        self.password = self.add_password("password", self.tr("Password"))
        self.repeat = self.add_password("repeat", self.tr("Repeat password"))
        self.tier.currentIndexChanged.connect(self._tier_changed)

    def _tier_changed(self) -> None:
        is_hq = self.tier.currentData() == "hq"
        self.parent_code.setEnabled(not is_hq)
        if is_hq:
            self.parent_code.clear()
        elif not self.parent_code.text().strip() and self.tier.currentData() == "branch":
            self.parent_code.setText("HQ")

    def perform(self) -> None:
        if self.password.text() != self.repeat.text():
            raise ValidationError(self.tr("The two passwords differ."), field="repeat")
        with self.ctx.transaction() as session:
            org = initialize(session, tier=self.tier.currentData(), code=self.code.text(), name=self.name.text(),
                             parent_code=self.parent_code.text().strip() or None,
                             admin_username=self.admin.text(), admin_password=self.password.text())
            self.org_code = org.code
        self.admin_name = self.admin.text().strip()
