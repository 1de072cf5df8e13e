"""Texts Qt draws itself that Qt's own Chinese catalog (``qtbase_zh_CN.qm``) lacks.

Listed here under Qt's own context, they are extracted into the core's catalog; Qt asks every
installed translator, so its file dialog then reads in Chinese too. Nothing needs to import this
module: it is read by ``python -m app.i18n.update``.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

MISSING_FROM_QT = (
    # QFileDialog's own form (Qt's dialog: on Linux, and wherever the system's is not used)
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
