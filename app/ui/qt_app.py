"""The one Qt application object: QApplication for windows, QCoreApplication for the command line."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication


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
    return app
