"""The Sync page's two forms: where the parent is, and a new child's provisioning file.

Both are short calls to the sync door (no long query): they run in ``perform`` so a refusal stays
on the form's message line next to what the user typed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from app.errors import ValidationError
from app.sync import service as sync
from app.ui.form_dialog import FormDialog

MAX_INTERVAL_MINUTES = 24 * 60


def _with_button(field: QLineEdit, text: str, slot) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(field, 1)
    button = QPushButton(text)
    button.clicked.connect(slot)
    layout.addWidget(button)
    return row


class ConnectDialog(FormDialog):
    """A provisioning file from the parent (it also carries the bundle key) or a database URL."""

    def __init__(self, ctx, interval_minutes: int, parent=None):
        super().__init__(self.tr("Connect to the parent"), parent, min_width=560)
        self.ctx = ctx
        self.target = QLineEdit()
        self.target.setObjectName("target")
        self.target.setPlaceholderText(self.tr("provisioning file (.json) or postgresql://host/database"))
        self.add_widget("target", self.tr("Parent"), _with_button(self.target, self.tr("Choose file…"), self.choose),
                        focus=self.target)
        self.interval = self.add_spin("interval", self.tr("Sync automatically every"), interval_minutes,
                                      maximum=MAX_INTERVAL_MINUTES, suffix=self.tr(" min"),
                                      special_text=self.tr("off (sync by hand only)"))
        self.where = ""

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Provisioning file"), "",
                                              self.tr("Provisioning file (*.json);;All files (*)"))
        if path:
            self.target.setText(path)

    def perform(self) -> None:
        self.where = sync.connect(self.ctx, self.ctx.actor, self.target.text().strip(), self.interval.value())


class ProvisionDialog(FormDialog):
    """Register a child here and write the file its administrator sets it up or connects with."""

    def __init__(self, ctx, parent=None):
        super().__init__(self.tr("Provision a child installation"), parent, min_width=560)
        self.ctx = ctx
        self.code = self.add_text("code", self.tr("Org unit code"), placeholder=self.tr("e.g. BJ or BJ-P01"))
        self.name = self.add_text("name", self.tr("Name"),
                                  placeholder=self.tr("only for a unit that does not exist yet"))
        self.url = self.add_text("url", self.tr("Address for the child"),
                                 placeholder=self.tr("optional: how the child reaches this database"))
        self.path = QLineEdit()
        self.path.setObjectName("path")
        self.add_widget("path", self.tr("Save the file as"), _with_button(self.path, self.tr("Choose…"), self.choose),
                        focus=self.path)
        self.result_code = ""

    def choose(self) -> None:
        suggested = f"{self.code.text().strip() or 'node'}-provisioning.json"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the provisioning file"), suggested,
                                              self.tr("Provisioning file (*.json)"))
        if path:
            self.path.setText(path)

    def perform(self) -> None:
        if not self.path.text().strip():
            raise ValidationError(self.tr("Choose where to save the provisioning file."), field="path")
        result = sync.provision_node(self.ctx, self.ctx.actor, self.code.text().strip(),
                                     Path(self.path.text().strip()), self.url.text().strip() or None,
                                     name=self.name.text().strip() or None)
        self.result_code = result.node_code
