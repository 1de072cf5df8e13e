"""Keyboard shortcuts of the main actions, written and shown one way everywhere.

A shortcut is a ``QKeySequence.StandardKey`` name (``NEW``, ``FIND``, ``REFRESH``, ``SAVE``: the
platform's own keys, Ctrl+N, Ctrl+F, F5 and Ctrl+S on Windows and Linux) or keys such as
``EXPORT`` ("Ctrl+E"). A menu entry shows its keys itself (``ActionSpec.shortcut``); a button
that does the same as a key says so in its tooltip:

    show_shortcut(self.new_button, NEW)            # tooltip "New ticket (Ctrl+N)"
    bind(dialog, SAVE, dialog.ok_button.click)     # Ctrl+S presses OK while the dialog has the focus

The shell's Find, Refresh and Save act on the page on screen through the page's own methods
(``PAGE_METHODS``); a page without the method leaves the key alone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QWidget

from app.ui.plain_text import tooltip_text

NEW, FIND, REFRESH, SAVE = "New", "Find", "Refresh", "Save"
EXPORT = "Ctrl+E"  # a list's "Export to Excel…" (``app.ui.list_export``)

# The page protocol: what the shell's keys call on the page shown, when the page has it.
FOCUS_SEARCH = "focus_search"  # Ctrl+F: put the cursor in the page's search or filter field
RELOAD = "refresh"             # F5: read the page's lists again
SAVE_PAGE = "save"             # Ctrl+S: store what the page edits
PAGE_METHODS = (FOCUS_SEARCH, RELOAD, SAVE_PAGE)


def key_sequences(shortcut: str) -> list[QKeySequence]:
    """Every key sequence ``shortcut`` stands for, the preferred one first."""
    standard = getattr(QKeySequence.StandardKey, shortcut, None)
    if isinstance(standard, QKeySequence.StandardKey):
        bindings = QKeySequence.keyBindings(standard)
        if bindings:
            return bindings
    sequence = QKeySequence(shortcut)
    if sequence.isEmpty():
        raise ValueError(f"not a key sequence: {shortcut!r}")
    return [sequence]


def shortcut_text(shortcut: str) -> str:
    """The keys as the platform writes them (e.g. "Ctrl+N")."""
    return key_sequences(shortcut)[0].toString(QKeySequence.NativeText)


def set_shortcut(action: QAction, shortcut: str | None) -> QAction:
    if shortcut:
        action.setShortcuts(key_sequences(shortcut))
    return action


def with_shortcut(text: str, shortcut: str) -> str:
    """A button's words with its keys: "New ticket…" → "New ticket (Ctrl+N)"."""
    words = text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip("…").rstrip(".").strip()
    return f"{words} ({shortcut_text(shortcut)})"


def show_shortcut(button: QAbstractButton, shortcut: str, text: str = "") -> None:
    """Name the keys that do what ``button`` does in its tooltip."""
    button.setToolTip(tooltip_text(with_shortcut(text or button.text(), shortcut)))


def bind(widget: QWidget, shortcut: str, slot: Callable[[], object],
         context: Qt.ShortcutContext = Qt.WidgetWithChildrenShortcut) -> QAction:
    """``slot`` runs on ``shortcut`` while the focus is inside ``widget``."""
    action = set_shortcut(QAction(widget), shortcut)
    action.setShortcutContext(context)
    action.triggered.connect(lambda *_: slot())
    widget.addAction(action)
    return action


def focus_field(field: QWidget) -> None:
    """A page's answer to Ctrl+F: the field takes the focus with its text selected, to be typed over."""
    field.setFocus(Qt.ShortcutFocusReason)
    editor = field.lineEdit() if isinstance(field, QComboBox) else field
    if isinstance(editor, QLineEdit):
        editor.selectAll()


def page_handler(page: QWidget | None, method: str) -> Callable[[], object] | None:
    handler = getattr(page, method, None) if page is not None else None
    return handler if callable(handler) else None


def on_page(method: str) -> Callable[[object, object], None]:
    """An ``ActionSpec`` callback calling ``method`` of the page the window shows, where it has it.
    The callback carries ``page_method`` so the shell greys the entry out on pages without it."""
    def act(_ctx, window) -> None:
        handler = page_handler(window.stack.currentWidget(), method)
        if handler is not None:
            handler()
    act.page_method = method
    return act
