"""Sign-in: user name (``name`` or ``name@ORG``), org code, password."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout)

from app.auth import service as auth
from app.errors import UserError


class LoginDialog(QDialog):
    def __init__(self, ctx, default_org: str = "", parent=None, title: str | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.actor = None
        self.setWindowTitle(title or self.tr("Sign in — Service Center Suite"))
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.org = QLineEdit(default_org)
        self.org.setObjectName("org")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.Password)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Org code"), self.org)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Sign in"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)
        (self.username if not default_org else self.username).setFocus()

    def try_sign_in(self) -> None:
        try:
            with self.ctx.reading() as session:
                self.actor = auth.authenticate(session, self.username.text(), self.password.text(),
                                               self.org.text().strip() or None)
        except UserError as exc:
            self.message.setText(str(exc))
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()
