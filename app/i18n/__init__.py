"""Translation without Qt.

Service code marks its user-visible strings with ``translate(context, text)`` so that
``pyside6-lupdate`` extracts them. The GUI and the command line install a Qt-backed
translator at start; until then (and in plain library use) the source text is returned.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

_translator: Callable[[str, str], str] = lambda context, text: text

I18N_DIR = Path(__file__).parent
DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")


def translate(context: str, text: str) -> str:
    """Return ``text`` translated into the user's language (lupdate extracts these calls)."""
    return _translator(context, text)


def install_translator(func: Callable[[str, str], str]) -> None:
    """Route every ``translate`` call through ``func`` (called once by the Qt layer)."""
    global _translator
    _translator = func
