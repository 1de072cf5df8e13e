from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QMessageBox,
                               QSpinBox, QVBoxLayout)

from app.errors import UserError
from app.settings_service import update_settings


class SettingsDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        config = ctx.config
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if config.effective_language == "zh_CN" else 1)
        self.idle = QSpinBox()
        self.idle.setObjectName("idle")
        self.idle.setRange(0, 480)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setSpecialValueText(self.tr("never"))
        self.idle.setValue(config.idle_lock_minutes)
        self.backups = QSpinBox()
        self.backups.setRange(1, 100)
        self.backups.setValue(config.backups_to_keep)
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Lock the window after idle"), self.idle)
        form.addRow(self.tr("Database backups to keep"), self.backups)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("A new language shows after a restart.")))
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            with self.ctx.transaction() as session:
                update_settings(session, self.ctx.actor, self.ctx.config, language=self.language.currentData(),
                                idle_lock_minutes=self.idle.value(), backups_to_keep=self.backups.value())
        except UserError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        parent = self.parent()
        if parent is not None and hasattr(parent, "idle"):
            parent.idle.set_minutes(self.ctx.config.idle_lock_minutes)
        self.accept()
