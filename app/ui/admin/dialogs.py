"""Entry points for the shell's menu actions: each opens one dialog."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from app import __version__
from app.errors import UserError
from app.settings_service import update_settings


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
    from PySide6.QtWidgets import QLineEdit

    from app.auth.models import User
    from app.auth.service import set_password

    tr = window.tr
    old, ok = QInputDialog.getText(window, tr("Change my password"), tr("Current password"), QLineEdit.Password)
    if not ok:
        return
    new, ok = QInputDialog.getText(window, tr("Change my password"), tr("New password"), QLineEdit.Password)
    if not ok:
        return
    try:
        with ctx.transaction() as session:
            set_password(session, ctx.actor, session.get(User, ctx.actor.user_id), new, old)
    except UserError as exc:
        QMessageBox.warning(window, tr("Change my password"), str(exc))
        return
    QMessageBox.information(window, tr("Change my password"), tr("Your password was changed."))


def open_rollup_export(ctx, window) -> None:
    """Ask for the period and the file, then write the workbook in a worker with progress."""
    from datetime import date
    from pathlib import Path

    from app.reports.rollup import write_rollup
    from app.ui.workers import run_with_progress

    tr = window.tr
    today = date.today()
    default = f"{today.year}Q{(today.month - 1) // 3 + 1}"
    period, ok = QInputDialog.getText(window, tr("Export rollup"), tr("Period (2026Q3, 2026-09 or 2026)"), text=default)
    if not ok:
        return
    path, _ = QFileDialog.getSaveFileName(window, tr("Export rollup"), f"rollup-{period.strip()}.xlsx", "Excel (*.xlsx)")
    if not path:
        return
    window._rollup_worker = run_with_progress(
        window, tr("Exporting the rollup…"),
        lambda progress, cancelled: write_rollup(ctx, period, None, Path(path), progress, cancelled),
        lambda sheets: QMessageBox.information(window, tr("Export rollup"),
                                               tr("Wrote {n} sheets to {path}.").format(n=sheets, path=path)),
        lambda message: QMessageBox.warning(window, tr("Export rollup"), message))


def open_about(ctx, window) -> None:
    tr = window.tr
    QMessageBox.about(window, tr("About"), tr("Service Center Suite {version}\nAfter-sales service for a three-tier "
                                              "service network.").format(version=__version__))


def open_switch_database(ctx, window) -> None:
    """Pick a SQLite file or type a URL; the app restarts on it."""
    tr = window.tr
    choice = QMessageBox.question(window, tr("Switch database"), tr("Open a SQLite file? (No: type a database URL)"),
                                  QMessageBox.Yes | QMessageBox.No | QMessageBox.Cancel)
    if choice == QMessageBox.Cancel:
        return
    if choice == QMessageBox.Yes:
        path, _ = QFileDialog.getSaveFileName(window, tr("SQLite database"), "", "SQLite (*.sqlite3 *.db)",
                                              options=QFileDialog.DontConfirmOverwrite)
        if not path:
            return
        from app.db.engine import sqlite_url

        url = sqlite_url(path)
    else:
        url, ok = QInputDialog.getText(window, tr("Switch database"), tr("Database URL (e.g. postgresql://host/db)"))
        if not ok or not url.strip():
            return
        url = url.strip()
    try:
        from app.db.engine import make_engine

        engine = make_engine(url)
        try:
            engine.connect().close()  # a wrong host or password must not be saved
        except Exception as exc:
            raise UserError(tr("Cannot connect: {error}").format(error=str(getattr(exc, "orig", exc)).strip())) from None
        finally:
            engine.dispose()
        with ctx.transaction() as session:
            update_settings(session, ctx.actor, ctx.config, database_url=url)
    except UserError as exc:
        QMessageBox.warning(window, tr("Switch database"), str(exc))
        return
    restart()


def restart() -> None:
    """Start the app again (without a console window on Windows) and leave."""
    if getattr(sys, "frozen", False):
        QProcess.startDetached(sys.executable, [])
    else:
        windowless = Path(sys.executable).with_name("pythonw.exe")
        QProcess.startDetached(str(windowless if windowless.exists() else sys.executable), ["-m", "app"])
    QApplication.instance().quit()
