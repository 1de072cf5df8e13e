"""The desktop app's start: a window at once, then plugins, database, first-start, sign-in."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from app.ui.plain_text import critical, plain_label, question
from app.ui.qt_app import ensure_application

log = logging.getLogger(__name__)


def startup_window() -> QLabel:
    """The first thing painted, before the slow imports: users see the app started."""
    splash = plain_label("Service Center Suite\n服务中心套件\n\n正在启动… / Starting…")
    splash.setAlignment(Qt.AlignCenter)
    splash.setWindowFlags(Qt.SplashScreen | Qt.FramelessWindowHint)
    splash.setStyleSheet("background: #263238; color: white; font-size: 16px; padding: 24px")
    splash.resize(420, 200)
    splash.show()
    splash.repaint()
    QApplication.processEvents()
    return splash


def run_gui(config, database_url: str | None = None) -> int:
    from app.ui import uncaught

    app = ensure_application(gui=True)
    uncaught.install()
    splash = startup_window()
    window = open_main_window(config, database_url, splash)
    if window is None:
        return 0 if getattr(app, "_user_cancelled", False) else 2
    return app.exec()


def open_main_window(config, database_url, splash=None):
    from app.errors import UserError
    from app.plugins import get_plugin_manager
    from app.runtime import is_initialized, open_context
    from app.ui.translation import install_translations

    app = QApplication.instance()
    plugins = get_plugin_manager(disabled=config.disabled_plugins)
    install_translations(config.effective_language, plugins)
    try:
        ctx = open_context(config, database_url, plugins=plugins)
    except UserError as exc:
        _fail(splash, str(exc))
        return None
    except Exception as exc:
        log.exception("cannot open the database")
        _fail(splash, QApplication.translate("Startup", "The database could not be opened: {error}").format(error=exc))
        return None
    first_start = not is_initialized(ctx)
    if splash:
        splash.close()
    org_code, username = _run_first_start(ctx) if first_start else (node_code(ctx), "")
    if org_code is None:
        app._user_cancelled = True
        return None
    actor = _sign_in(ctx, org_code, username)
    if actor is None:
        app._user_cancelled = True
        return None
    from app.ui.main_window import MainWindow

    window = MainWindow(ctx.signed_in(actor))
    window.show()
    if first_start:
        _offer_demo(window)
    app._main_window = window
    return window


def _fail(splash, message: str) -> None:
    if splash:
        splash.close()
    print(f"service-center: {message}", file=sys.stderr)
    critical(None, "Service Center Suite", message)


def node_code(ctx) -> str:
    """The code of this installation's org unit: the sign-in offers it."""
    from app.runtime import node_org

    with ctx.reading() as session:
        return node_org(ctx, session).code


def _run_first_start(ctx):
    from app.ui.first_start_dialog import FirstStartDialog

    dialog = FirstStartDialog(ctx)
    return (dialog.org_code, dialog.admin_name) if dialog.exec() == FirstStartDialog.Accepted else (None, "")


def _sign_in(ctx, org_code: str, username: str = ""):
    from app.ui.login_dialog import LoginDialog

    dialog = LoginDialog(ctx, org_code)
    if username:
        dialog.username.setText(username)
        dialog.password.setFocus()
    return dialog.actor if dialog.exec() == LoginDialog.Accepted else None


def _offer_demo(window) -> None:
    if not window.ctx.actor.has("core.demo.load"):
        return
    if question(window, QApplication.translate("Startup", "Demo data"),
                QApplication.translate("Startup", "Load demo data (org units, staff and records of every plugin) "
                                                  "to try the app?")):
        from app.ui.demo_dialog import load_demo_data

        load_demo_data(window.ctx, window, scale=2000)
