"""Entry points for the shell's menu actions: each opens one dialog or window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QProcess, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app import __version__
from app.ui.plain_text import information, message_box


def open_settings(ctx, window) -> None:
    from app.ui.admin.settings_dialog import SettingsDialog

    SettingsDialog(ctx, window).exec()


def open_plugins(ctx, window) -> None:
    from app.ui.admin.plugins_dialog import PluginsDialog

    PluginsDialog(ctx, window).exec()


def open_users(ctx, window) -> None:
    from app.ui.admin.users_dialog import UsersDialog

    UsersDialog(ctx, window).exec()


def open_orgs(ctx, window) -> None:
    from app.ui.admin.orgs_dialog import OrgUnitsDialog

    OrgUnitsDialog(ctx, window).exec()


def open_audit(ctx, window) -> None:
    from app.ui.admin.audit_dialog import AuditDialog

    AuditDialog(ctx, window).exec()


def open_demo(ctx, window) -> None:
    from app.ui.demo_dialog import load_demo_data

    load_demo_data(ctx, window)


def open_change_password(ctx, window) -> None:
    from app.ui.admin.password_dialog import ChangePasswordDialog

    dialog = ChangePasswordDialog(ctx, window)
    if dialog.exec() == ChangePasswordDialog.Accepted:
        information(window, dialog.windowTitle(),
                    QCoreApplication.translate("ChangePasswordDialog", "Your password was changed."))


def open_rollup_export(ctx, window):
    """Ask for the period and the file, then write the workbook in a worker with progress."""
    from app.ui.rollup_dialog import RollupExportDialog

    window._rollup_dialog = RollupExportDialog(ctx, window)  # kept: its worker reports back to it
    window._rollup_dialog.open()
    return window._rollup_dialog


def open_about(ctx, window) -> None:
    about_box(ctx, window).exec()


def about_box(ctx, window) -> QMessageBox:
    """What support asks for, selectable to copy: the version, the data folder, the database, the log file."""
    from app.config import data_dir, log_file_path
    from app.db.engine import describe
    from app.log_file import current_log_file

    text = "\n\n".join((
        QCoreApplication.translate("About", "Service Center Suite {version}\nAfter-sales service for a three-tier "
                                            "service network.").format(version=__version__),
        QCoreApplication.translate("About", "Data folder: {folder}\nDatabase: {database}\nLog file: {log}").format(
            folder=data_dir(), database=describe(ctx.engine), log=current_log_file() or log_file_path()),
    ))
    box = message_box(window, QMessageBox.Information, QCoreApplication.translate("About", "About"), text)
    box.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
    return box


def open_user_guide(ctx, window):
    from app.ui.user_guide import open_user_guide as show_guide

    return show_guide(window)


def open_switch_database(ctx, window) -> None:
    """Pick a SQLite file or type a URL; the app restarts on it."""
    from app.ui.admin.database_dialog import DatabaseDialog

    if DatabaseDialog(ctx, window).exec() == DatabaseDialog.Accepted:
        restart()


def restart() -> None:
    """Start the app again (without a console window on Windows) and leave."""
    if getattr(sys, "frozen", False):
        QProcess.startDetached(sys.executable, [])
    else:
        windowless = Path(sys.executable).with_name("pythonw.exe")
        QProcess.startDetached(str(windowless if windowless.exists() else sys.executable), ["-m", "app"])
    QApplication.instance().quit()
