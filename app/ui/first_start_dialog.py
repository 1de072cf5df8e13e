"""First start: which org unit this installation serves, and its administrator."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout)

from app.errors import UserError
from app.setup import initialize


class FirstStartDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Set up this installation"))
        intro = QLabel(self.tr("This database is new. Say which org unit it serves and create its administrator."))
        intro.setWordWrap(True)
        self.tier = QComboBox()
        for code, label in (("branch", self.tr("Branch / authorised service center")),
                            ("hq", self.tr("HQ technical support")),
                            ("partner", self.tr("Channel partner"))):
            self.tier.addItem(label, code)
        self.tier.setObjectName("tier")
        self.code = QLineEdit()
        self.code.setObjectName("code")
        self.code.setPlaceholderText(self.tr("e.g. BJ"))
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setPlaceholderText(self.tr("e.g. 北京分公司"))
        self.parent_code = QLineEdit("HQ")
        self.parent_code.setObjectName("parent")
        self.admin = QLineEdit("admin")
        self.admin.setObjectName("admin")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.Password)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b00020")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Tier"), self.tier)
        form.addRow(self.tr("Org code"), self.code)
        form.addRow(self.tr("Org name"), self.name)
        form.addRow(self.tr("Parent org code"), self.parent_code)
        form.addRow(self.tr("Administrator"), self.admin)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat password"), self.repeat)
        self.tier.currentIndexChanged.connect(self._tier_changed)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Create"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.org_code = None
        self.admin_name = ""

    def _tier_changed(self) -> None:
        is_hq = self.tier.currentData() == "hq"
        self.parent_code.setEnabled(not is_hq)
        if is_hq:
            self.parent_code.clear()
        elif not self.parent_code.text().strip() and self.tier.currentData() == "branch":
            self.parent_code.setText("HQ")

    def create(self) -> None:
        if self.password.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        try:
            with self.ctx.transaction() as session:
                org = initialize(session, tier=self.tier.currentData(), code=self.code.text(),
                                 name=self.name.text(), parent_code=self.parent_code.text().strip() or None,
                                 admin_username=self.admin.text(), admin_password=self.password.text())
                self.org_code = org.code
                self.admin_name = self.admin.text().strip()
        except UserError as exc:
            self.message.setText(str(exc))
            return
        self.accept()
