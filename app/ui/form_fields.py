"""What the form dialog needs to know about each kind of field: how to read its value, whether it
was left empty, which signal says the user changed it, how a date-time edit holds a moment of an org
unit's clock, and how a long list of choices is searched by typing."""

from __future__ import annotations

from datetime import date, datetime, timezone, tzinfo

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone, Qt
from PySide6.QtWidgets import (QAbstractSpinBox, QCheckBox, QComboBox, QCompleter, QDateEdit, QDateTimeEdit,
                               QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget)

DATE_FORMAT = "yyyy-MM-dd"
DATETIME_FORMAT = "yyyy-MM-dd HH:mm"
ZONE_PROPERTY = "zone"  # the tzinfo a QDateTimeEdit's wall time belongs to

_UNREADABLE = object()


def wall_time(moment: datetime, zone: tzinfo | None) -> QDateTime:
    """``moment`` as the wall time of ``zone`` (the workstation's when None), held without a zone
    of its own so that Qt never shifts it by the workstation's offset."""
    local = moment.astimezone(zone) if zone is not None else moment.astimezone()
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second),
                     QTimeZone.UTC)


def moment_of(edit: QDateTimeEdit) -> datetime:
    """The aware moment an edit shows, read in the zone it was given; stored values are UTC."""
    shown = edit.dateTime()
    wall = datetime.combine(shown.date().toPython(), shown.time().toPython())
    zone = edit.property(ZONE_PROPERTY)
    local = wall.replace(tzinfo=zone) if zone is not None else wall.astimezone()
    return local.astimezone(timezone.utc)


def read_value(widget: QWidget):
    """The value a field holds, or ``_UNREADABLE`` for special content the form cannot read."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        return data if data is not None or not widget.isEditable() else widget.currentText()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QDateEdit):
        return widget.date().toPython()
    if isinstance(widget, QDateTimeEdit):
        return moment_of(widget)
    if isinstance(widget, QLabel):
        return widget.text()
    return _UNREADABLE


def is_readable(value) -> bool:
    return value is not _UNREADABLE


def is_empty(widget: QWidget) -> bool:
    """Left empty: blank text, nothing chosen, a number box showing its "none" text (its minimum)."""
    if isinstance(widget, QLineEdit):
        return not widget.text().strip()
    if isinstance(widget, QPlainTextEdit):
        return not widget.toPlainText().strip()
    if isinstance(widget, QComboBox):
        return not widget.currentText().strip() if widget.isEditable() else widget.currentData() is None
    if isinstance(widget, QSpinBox):
        return bool(widget.specialValueText()) and widget.value() == widget.minimum()
    return False


def make_searchable(combo: QComboBox) -> QComboBox:
    """A long list of choices found by typing: any part of an item's text, in any case, offers the
    items containing it. Leaving the box with text that names no item takes the one item containing
    it, or else puts the chosen item's text back, so the text shown is always the choice made."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.NoInsert)
    completer = combo.completer()
    completer.setFilterMode(Qt.MatchContains)
    completer.setCaseSensitivity(Qt.CaseInsensitive)
    completer.setCompletionMode(QCompleter.PopupCompletion)
    combo.lineEdit().editingFinished.connect(lambda: _settle(combo))
    # a chosen item longer than the box shows its beginning (the number), not its end
    combo.currentIndexChanged.connect(lambda _index: combo.lineEdit().setCursorPosition(0))
    combo.model().rowsInserted.connect(lambda _parent, first, last: _widen_popups(combo, first, last))
    if combo.count():
        _widen_popups(combo, 0, combo.count() - 1)
    return combo


def _widen_popups(combo: QComboBox, first: int, last: int) -> None:
    """The list opened and the list found by typing show whole items, however narrow the box."""
    metrics = combo.fontMetrics()
    widest = max(metrics.horizontalAdvance(combo.itemText(i)) for i in range(first, last + 1)) + 40
    for view in (combo.view(), combo.completer().popup()):
        view.setMinimumWidth(max(view.minimumWidth(), widest))


def _settle(combo: QComboBox) -> None:
    text = combo.currentText().strip().casefold()
    if combo.currentIndex() >= 0 and combo.itemText(combo.currentIndex()).casefold() == text:
        return
    matching = [i for i in range(combo.count()) if text and text in combo.itemText(i).casefold()]
    exact = [i for i in matching if combo.itemText(i).casefold() == text]
    chosen = (exact or matching)[0] if len(exact) == 1 or len(matching) == 1 else combo.currentIndex()
    combo.setCurrentIndex(chosen)
    combo.setEditText(combo.itemText(chosen) if chosen >= 0 else "")


def change_signal(widget: QWidget):
    """The signal a user's edit of ``widget`` emits, or None for content the form does not watch."""
    if isinstance(widget, QLineEdit):
        return widget.textEdited
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QCheckBox):
        return widget.toggled
    if isinstance(widget, QDateTimeEdit):  # also QDateEdit
        return widget.dateTimeChanged
    if isinstance(widget, QAbstractSpinBox) and hasattr(widget, "valueChanged"):
        return widget.valueChanged
    return None


def select_data(combo: QComboBox, value) -> int:
    """Choose the item whose value equals ``value`` (compared in Python, so ids and tuples match);
    the first item when none does. Returns the index chosen."""
    index = next((i for i in range(combo.count()) if combo.itemData(i) == value), 0 if combo.count() else -1)
    combo.setCurrentIndex(index)
    return index


def date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    return edit


def datetime_edit(moment: datetime, zone: tzinfo | None) -> QDateTimeEdit:
    edit = QDateTimeEdit(wall_time(moment, zone))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATETIME_FORMAT)
    edit.setProperty(ZONE_PROPERTY, zone)
    return edit
