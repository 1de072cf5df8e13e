"""The one Qt application object: QApplication for windows, QCoreApplication for the command line."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QSettings


def ensure_application(gui: bool, offscreen: bool = False) -> QCoreApplication:
    app = QCoreApplication.instance()
    if app is not None:
        return app
    QCoreApplication.setOrganizationName("ServiceCenter")
    QCoreApplication.setApplicationName("ServiceCenterSuite")
    if not gui:
        return QCoreApplication(sys.argv[:1])
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    # The main window closes every window the app opened before it goes (MainWindow.closeEvent),
    # so the last one closing ends the process even with a ticket window open at the time.
    app.setQuitOnLastWindowClosed(True)
    return app


def window_settings() -> QSettings:
    """Window state in an INI file in the data folder (``SERVICE_CENTER_HOME`` or the platform's):
    two installations on one machine, or a test and the user, never share it."""
    from app.config import window_settings_path

    return QSettings(str(window_settings_path()), QSettings.IniFormat)
