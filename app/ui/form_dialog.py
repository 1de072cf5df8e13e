"""The shared shape of an editing dialog: a form, a red message line, OK/Cancel.

Subclasses lay out ``self.form`` and define ``perform()``; OK calls it, a ``UserError`` is shown on
the message line and the dialog stays open with what the user typed; success closes it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from app.errors import UserError


class FormDialog(QDialog):
    def __init__(self, title: str, parent=None, min_width: int = 420):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(min_width)
        self.form = QFormLayout()
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _ok(self) -> None:
        self.message.clear()
        try:
            self.perform()
        except UserError as exc:
            self.message.setText(str(exc))
            return
        self.accept()
