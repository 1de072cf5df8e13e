"""The shell's own menu entries, declared as data like the plugins' actions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.specs import ActionSpec


def shell_actions(window) -> list[ActionSpec]:
    from app.ui.admin import dialogs
    from app.ui.shortcuts import FIND, FOCUS_SEARCH, REFRESH, RELOAD, SAVE, SAVE_PAGE, on_page

    return [
        # keys acting on the page shown (``app.ui.shortcuts``: pages without the method ignore them)
        ActionSpec("core.save", "file", QCoreApplication.translate("ShellActions", "Save"), on_page(SAVE_PAGE),
                   "fa5s.save", shortcut=SAVE),
        ActionSpec("core.find", "view", QCoreApplication.translate("ShellActions", "Search this page"),
                   on_page(FOCUS_SEARCH), "fa5s.search", shortcut=FIND),
        ActionSpec("core.refresh", "view", QCoreApplication.translate("ShellActions", "Refresh"), on_page(RELOAD),
                   "fa5s.sync-alt", shortcut=REFRESH),
        ActionSpec("core.settings", "file", QCoreApplication.translate("ShellActions", "Settings…"), dialogs.open_settings, "fa5s.cog",
                   "core.settings.manage"),
        ActionSpec("core.password", "file", QCoreApplication.translate("ShellActions", "Change my password…"),
                   dialogs.open_change_password, "fa5s.key"),
        ActionSpec("core.switch_db", "file", QCoreApplication.translate("ShellActions", "Switch database…"), dialogs.open_switch_database, "fa5s.database",
                   "core.settings.manage"),
        ActionSpec("core.lock", "file", QCoreApplication.translate("ShellActions", "Lock"), lambda ctx, w: w.lock(), "fa5s.lock"),
        ActionSpec("core.sign_out", "file", QCoreApplication.translate("ShellActions", "Switch user / Sign out…"),
                   lambda ctx, w: w.sign_out(), "fa5s.exchange-alt"),
        ActionSpec("core.quit", "file", QCoreApplication.translate("ShellActions", "Quit"), lambda ctx, w: w.close(), "fa5s.sign-out-alt"),
        ActionSpec("core.plugins", "tools", QCoreApplication.translate("ShellActions", "Plugins…"), dialogs.open_plugins, "fa5s.puzzle-piece"),
        ActionSpec("core.users", "tools", QCoreApplication.translate("ShellActions", "Users and roles…"), dialogs.open_users, "fa5s.users",
                   "core.users.manage"),
        ActionSpec("core.orgs", "tools", QCoreApplication.translate("ShellActions", "Org units…"), dialogs.open_orgs, "fa5s.sitemap", "core.orgs.manage"),
        ActionSpec("core.audit", "tools", QCoreApplication.translate("ShellActions", "Audit log…"), dialogs.open_audit, "fa5s.history", "core.audit.view"),
        ActionSpec("core.demo", "tools", QCoreApplication.translate("ShellActions", "Load demo data…"), dialogs.open_demo, "fa5s.magic", "core.demo.load"),
        ActionSpec("core.rollup", "reports", QCoreApplication.translate("ShellActions", "Export rollup…"),
                   dialogs.open_rollup_export, "fa5s.file-excel", "core.rollup.export"),
        ActionSpec("core.user_guide", "help", QCoreApplication.translate("ShellActions", "User guide"),
                   dialogs.open_user_guide, "fa5s.book"),
        ActionSpec("core.about", "help", QCoreApplication.translate("ShellActions", "About"), dialogs.open_about, "fa5s.info-circle"),
    ]
