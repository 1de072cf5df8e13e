"""Verify certificate: paste the QR text (or scan it into the field) or type a number.

Everything shown comes from the presented text (a holder name may be anything), so every label
is plain text: markup in a holder field must never draw a fake "VALID"."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QPushButton,
                               QVBoxLayout)

from app.ui import plain_text
from plugins.certification import service

VALID, GENUINE_NOT_VALID, REFUSED = "#1b7f3b", "#b26a00", "#b3261e"


def plain_label(name: str) -> QLabel:
    return plain_text.plain_label(wrap=True, selectable=True, name=name)


class VerifyDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.result = None
        self.setWindowTitle(self.tr("Verify certificate"))
        self.input = QPlainTextEdit(objectName="qr_text")
        self.input.setPlaceholderText(self.tr("Paste the QR code text, or type the certificate number"))
        self.input.setMaximumHeight(90)
        check = QPushButton(self.tr("Verify"), objectName="verify")
        check.clicked.connect(self.check)
        self.verdict = plain_label("verdict")
        self.fields = {key: plain_label(key) for key in ("holder", "org", "scope", "issued", "expires", "status",
                                                         "number")}
        form = QFormLayout()
        for key, label in (("number", self.tr("Number")), ("holder", self.tr("Holder")),
                           ("org", self.tr("Organisation")), ("scope", self.tr("Scope")),
                           ("issued", self.tr("Issued on")), ("expires", self.tr("Expires on")),
                           ("status", self.tr("Status"))):
            form.addRow(plain_text.plain_label(label), self.fields[key])
        self.confirmed = plain_label("confirmed")
        self.unconfirmed = plain_label("unconfirmed")
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.input)
        layout.addWidget(check)
        layout.addWidget(self.verdict)
        layout.addLayout(form)
        layout.addWidget(self.confirmed)
        layout.addWidget(self.unconfirmed)
        layout.addStretch()
        layout.addWidget(buttons)
        self.resize(600, 520)

    def check(self) -> None:
        with self.ctx.reading() as session:
            result = service.verify_certificate(session, self.input.toPlainText())
        colour = VALID if result.ok else GENUINE_NOT_VALID if result.genuine else REFUSED
        self.verdict.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.verdict.setText(result.message)
        values = {"number": result.number, "holder": result.holder, "org": result.org,
                  "scope": f"{'、'.join(result.product_lines)} · {result.level}" if result.number else "",
                  "issued": result.issued_on.isoformat() if result.issued_on else "",
                  "expires": result.expires_on.isoformat() if result.expires_on else "",
                  "status": result.status_text}
        for key, label in self.fields.items():
            label.setText(values[key])
        self._show_notes(self.confirmed, self.tr("Confirmed by this check:"), result.confirmed)
        self._show_notes(self.unconfirmed, self.tr("Not confirmed by this offline check:"), result.unconfirmed)
        self.result = result

    @staticmethod
    def _show_notes(label: QLabel, heading: str, notes: tuple[str, ...]) -> None:
        label.setText("\n".join([heading, *(f"• {note}" for note in notes)]) if notes else "")
        label.setVisible(bool(notes))
