"""Tools → Settings: language, idle lock, how many database backups to keep."""

from __future__ import annotations

from app.settings_service import update_settings
from app.ui.form_dialog import FormDialog


class SettingsDialog(FormDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(self.tr("Settings"), parent, ok_text=self.tr("Save"))
        self.ctx = ctx
        config = ctx.config
        self.language = self.add_combo("language", self.tr("Language"), (("简体中文", "zh_CN"), ("English", "en")),
                                       current="zh_CN" if config.effective_language == "zh_CN" else "en")
        self.idle = self.add_spin("idle", self.tr("Lock the window after idle"), config.idle_lock_minutes,
                                  maximum=480, suffix=self.tr(" min"), special_text=self.tr("never"),
                                  door_names=("idle_lock_minutes",))
        self.backups = self.add_spin("backups", self.tr("Database backups to keep"), config.backups_to_keep,
                                     minimum=1, maximum=100, door_names=("backups_to_keep",))
        self.add_info("restart_note", self.tr("A new language shows after a restart."))

    def perform(self) -> None:
        with self.ctx.transaction() as session:
            update_settings(session, self.ctx.actor, self.ctx.config, language=self.language.currentData(),
                            idle_lock_minutes=self.idle.value(), backups_to_keep=self.backups.value())
        parent = self.parent()
        if parent is not None and hasattr(parent, "idle"):
            parent.idle.set_minutes(self.ctx.config.idle_lock_minutes)
