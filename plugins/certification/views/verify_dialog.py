"""Verify certificate: paste the QR text (or scan it into the field) or type a number."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QPushButton,
                               QVBoxLayout)

from plugins.certification.verification import verify


class VerifyDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Verify certificate"))
        self.input = QPlainTextEdit(objectName="qr_text")
        self.input.setPlaceholderText(self.tr("Paste the QR code text, or type the certificate number"))
        self.input.setMaximumHeight(90)
        check = QPushButton(self.tr("Verify"), objectName="verify")
        check.clicked.connect(self.check)
        self.verdict = QLabel(objectName="verdict")
        self.verdict.setWordWrap(True)
        self.fields = {key: QLabel() for key in ("holder", "org", "scope", "issued", "expires", "status", "number")}
        form = QFormLayout()
        for key, label in (("number", self.tr("Number")), ("holder", self.tr("Holder")),
                           ("org", self.tr("Organisation")), ("scope", self.tr("Scope")),
                           ("issued", self.tr("Issued on")), ("expires", self.tr("Expires on")),
                           ("status", self.tr("Status"))):
            form.addRow(label, self.fields[key])
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.input)
        layout.addWidget(check)
        layout.addWidget(self.verdict)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def check(self) -> None:
        with self.ctx.reading() as session:
            result = verify(session, self.input.toPlainText())
        colour = "#1b7f3b" if result.ok else "#b26a00" if result.genuine else "#b3261e"
        self.verdict.setText(f"<b style='color:{colour}'>{result.message}</b>")
        values = {"number": result.number, "holder": result.holder, "org": result.org,
                  "scope": f"{'、'.join(result.product_lines)} · {result.level}" if result.number else "",
                  "issued": result.issued_on.isoformat() if result.issued_on else "",
                  "expires": result.expires_on.isoformat() if result.expires_on else "",
                  "status": result.status_text}
        for key, label in self.fields.items():
            label.setText(values[key])
        self.result = result
