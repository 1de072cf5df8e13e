"""User text in Qt stays text.

A QLabel, a message box and a tooltip guess: text that looks like markup (``Qt.mightBeRichText``)
is drawn as HTML. A customer, contact, engineer or org unit may be named
``<img src="file:///…"><span style="font-size:28pt">…`` and must then read exactly that, not load a
file or paint a giant red word over the window. Every label, message box and tooltip that can show
a value someone typed is made here, with the guess switched off:

    name = plain_label(customer.name, wrap=True)        # a QLabel that never renders markup
    set_plain(self.status, message)                     # an existing label, made plain
    warn(self, self.tr("Dispatch"), str(exc))           # message boxes: warn, information, critical, question
    if confirm(self, title, what_happens, self.tr("Close ticket")): ...   # before a step that cannot be undone
    button.setToolTip(tooltip_text(action.reason))      # tooltips have no plain mode: escaped

The static ``QMessageBox.warning/critical/information/question/about`` functions guess too, so the
product never calls them; ``tests/ui/test_plain_text.py`` keeps it that way.
"""

from __future__ import annotations

import html

from PySide6 import QtGui
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = False, selectable: bool = False,
                name: str = "") -> QLabel:
    """A label that shows ``text`` literally."""
    label = QLabel(parent)
    label.setTextFormat(Qt.PlainText)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    label.setText(text)
    return label


def set_plain(label: QLabel, text: str) -> QLabel:
    """Show ``text`` literally in a label made elsewhere (by a layout, a progress dialog…)."""
    label.setTextFormat(Qt.PlainText)
    label.setText(text)
    return label


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                buttons: QMessageBox.StandardButton = QMessageBox.Ok,
                default: QMessageBox.StandardButton = QMessageBox.NoButton) -> QMessageBox:
    """A message box whose text is plain, not yet shown: ``open()`` it, or ``exec()`` it through ``message``."""
    box = QMessageBox(icon, title, "", buttons, parent)
    box.setTextFormat(Qt.PlainText)
    box.setText(text)
    if default != QMessageBox.NoButton:
        box.setDefaultButton(default)
    return box


def message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
            buttons: QMessageBox.StandardButton = QMessageBox.Ok,
            default: QMessageBox.StandardButton = QMessageBox.NoButton) -> int:
    """Show a plain message box modally; returns the standard button pressed."""
    return message_box(parent, icon, title, text, buttons, default).exec()


def warn(parent: QWidget | None, title: str, text: str) -> None:
    message(parent, QMessageBox.Warning, title, text)


def information(parent: QWidget | None, title: str, text: str) -> None:
    message(parent, QMessageBox.Information, title, text)


def critical(parent: QWidget | None, title: str, text: str) -> None:
    message(parent, QMessageBox.Critical, title, text)


def question(parent: QWidget | None, title: str, text: str,
             default: QMessageBox.StandardButton = QMessageBox.NoButton) -> bool:
    """Yes or No; True for Yes."""
    return message(parent, QMessageBox.Question, title, text, QMessageBox.Yes | QMessageBox.No,
                   default) == QMessageBox.Yes


CONFIRMATION = "confirmation"  # object names: the box, its commit and its cancel button
CONFIRM_ACTION, CONFIRM_CANCEL = "confirm_action", "confirm_cancel"


def confirm(parent: QWidget | None, title: str, what_happens: str, action_text: str) -> bool:
    """Ask before a step that cannot be undone. ``what_happens`` says what the step will do;
    the commit button reads ``action_text`` (e.g. "Close ticket", never a bare "Yes"); the other
    one, "Go back" (not "Cancel", which beside "Cancel ticket" would read as the step itself), is
    the default, pressed by Enter and Escape. True only when the user commits."""
    box = message_box(parent, QMessageBox.Warning, title, what_happens, QMessageBox.NoButton)
    box.setObjectName(CONFIRMATION)
    commit = box.addButton(action_text, QMessageBox.DestructiveRole)
    commit.setObjectName(CONFIRM_ACTION)
    cancel = box.addButton(QCoreApplication.translate("Confirm", "Go back"), QMessageBox.RejectRole)
    cancel.setObjectName(CONFIRM_CANCEL)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    committed = box.clickedButton() is commit
    box.deleteLater()
    return committed


def tooltip_text(text: str) -> str:
    """``text`` as a tooltip that reads literally. Tooltips have no plain mode: text Qt would take
    for markup is escaped and wrapped as rich text (spaces and line breaks kept); any other text
    is already shown as it is and stays unchanged."""
    if not text or not QtGui.Qt.mightBeRichText(text):
        return text or ""
    return f"<p style='white-space:pre-wrap'>{html.escape(text, quote=False)}</p>"
