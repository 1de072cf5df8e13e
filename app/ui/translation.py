"""Loads the .qm files of the core and every plugin and routes ``app.i18n.translate`` to Qt."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app import i18n

_loaded: list[QTranslator] = []


def install_translations(language: str, plugins) -> list[str]:
    """Install translators for ``language`` (English is the source language: nothing to load)."""
    for translator in _loaded:
        QCoreApplication.removeTranslator(translator)
    _loaded.clear()
    loaded = []
    if language != "en":
        # Qt's own strings first (standard buttons such as Close, Save, Cancel).
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_files = [str(Path(qt_dir) / f"qtbase_{language}.qm")]
        for group in [qt_files, *plugins.hook.translation_files(language=language)]:
            for path in group or ():
                translator = QTranslator()
                if Path(path).is_file() and translator.load(str(path)):
                    QCoreApplication.installTranslator(translator)
                    _loaded.append(translator)
                    loaded.append(str(path))
        QLocale.setDefault(QLocale(language))
    i18n.install_translator(QCoreApplication.translate)
    return loaded
