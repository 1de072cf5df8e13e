"""The one form dialog of the product: labelled fields, a message line, OK and Cancel.

Build the form from field kinds (``add_text``, ``add_password``, ``add_multiline``, ``add_combo``,
``add_spin``, ``add_date``, ``add_datetime``, ``add_check``, ``add_info``) and, for special content
such as a signature pad, any widget (``add_widget``) or, beside the form, a panel such as the list
of similar cases (``add_side``). A date-time is typed on the org unit's clock (``zone``). OK runs
``perform()``: by default the ``submit(values)`` callback given to the constructor, which calls the
door; subclasses may override it instead.

A ``ValidationError`` whose ``field`` names a field of the form (by its name or one of its
``door_names``) is shown as "Label: message", and that field is highlighted and focused; any other
``UserError`` is shown as it is. Either way the dialog stays open with everything typed kept; success
closes it as accepted. Enter presses OK (unless ``enter_submits=False``), so does Ctrl+S; Escape cancels. Every
message is plain text, so a value the user typed never renders as HTML. A form whose OK takes a
step that cannot be undone says so first (``ask_first``): declining keeps the form as it is.

OK first takes what is typed in the number and date boxes (a number out of a field's range is
refused), then runs ``check_entries()``: a ``required`` field left empty, and whatever a subclass
adds (the door's own checks of the entries, such as ``service.check_...`` functions), refused like
the door's refusals. Only a form that passes is confirmed, so nobody confirms a final step and is
then told a field is wrong.

    dialog = FormDialog(self.tr("Revoke"), self, submit=lambda values: door.revoke(..., values["reason"]))
    dialog.add_text("reason", self.tr("Reason"))
    dialog.exec()
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, tzinfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractSpinBox, QCheckBox, QComboBox, QDateEdit, QDateTimeEdit, QDialog,
                               QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QSplitter,
                               QVBoxLayout, QWidget)

from app.errors import UserError, ValidationError
from app.orgs.local_time import zone_note
from app.ui.form_fields import (change_signal, date_edit, datetime_edit, is_empty, is_readable, make_searchable,
                                read_value, select_data)
from app.ui.shortcuts import SAVE, bind, show_shortcut
from app.ui.plain_text import confirm, plain_label

ERROR_COLOUR = "#b00020"
INVALID = "invalid"  # dynamic property set on a field (and its label) the door refused
STYLE = (f"QLabel#message {{ color: {ERROR_COLOUR}; }}"
         f"QLabel[{INVALID}=\"true\"] {{ color: {ERROR_COLOUR}; font-weight: bold; }}"
         f"QLineEdit[{INVALID}=\"true\"], QPlainTextEdit[{INVALID}=\"true\"], QComboBox[{INVALID}=\"true\"],"
         f"QAbstractSpinBox[{INVALID}=\"true\"], QListWidget[{INVALID}=\"true\"], QTableWidget[{INVALID}=\"true\"]"
         f" {{ border: 2px solid {ERROR_COLOUR}; }}"
         f"QCheckBox[{INVALID}=\"true\"] {{ color: {ERROR_COLOUR}; }}")


class FormDialog(QDialog):
    def __init__(self, title: str, parent=None, min_width: int = 420, *, submit: Callable[[dict], object] | None = None,
                 intro: str = "", ok_text: str = "", cancel_text: str = "", enter_submits: bool = True):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(min_width)
        self.setStyleSheet(STYLE)
        self._submit = submit
        self.enter_submits = enter_submits
        self.fields: dict[str, QWidget] = {}
        self._labels: dict[str, str] = {}
        self._focus: dict[str, QWidget] = {}
        self._door_names: dict[str, str] = {}
        self._required: list[str] = []
        self._ask_first: tuple[Callable[[], str], str] | None = None
        self.intro = plain_label(intro, wrap=True)
        self.intro.setObjectName("intro")
        self.intro.setVisible(bool(intro))
        form_box = QWidget()
        self.form = QFormLayout(form_box)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.body = QSplitter(Qt.Horizontal)  # the form, and beside it any side panel (``add_side``)
        self.body.setChildrenCollapsible(False)
        self.body.addWidget(form_box)
        self.message = plain_label(wrap=True)
        self.message.setObjectName("message")
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setDefault(True)
        if ok_text:
            self.ok_button.setText(ok_text)
        if cancel_text:
            self.buttons.button(QDialogButtonBox.Cancel).setText(cancel_text)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        bind(self, SAVE, self.ok_button.click, Qt.WindowShortcut)  # Ctrl+S saves, as in any program
        show_shortcut(self.ok_button, SAVE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    # ------------------------------------------------------------------ field kinds

    def add_text(self, name: str, label: str | None, value: str = "", *, placeholder: str = "",
                 password: bool = False, **options) -> QLineEdit:
        field = QLineEdit(value)
        field.setPlaceholderText(placeholder)
        if password:
            field.setEchoMode(QLineEdit.Password)
        return self.add_field(name, label, field, **options)

    def add_password(self, name: str, label: str | None, **options) -> QLineEdit:
        return self.add_text(name, label, password=True, **options)

    def add_multiline(self, name: str, label: str | None, value: str = "", *, placeholder: str = "",
                      min_height: int = 0, max_height: int = 0, **options) -> QPlainTextEdit:
        field = QPlainTextEdit(value)
        field.setPlaceholderText(placeholder)
        field.setTabChangesFocus(True)
        if min_height:
            field.setMinimumHeight(min_height)
        if max_height:
            field.setMaximumHeight(max_height)
        return self.add_field(name, label, field, **options)

    def add_combo(self, name: str, label: str | None, items: Iterable[tuple[str, object]] = (), *,
                  current=None, editable: bool = False, searchable: bool = False, **options) -> QComboBox:
        """``items`` are (shown text, value) pairs; the field's value is the chosen one's value.
        ``searchable``: typing any part of an item's text offers the items containing it (a long list)."""
        field = QComboBox()
        field.setEditable(editable)
        for text, data in items:
            field.addItem(text, data)
        if searchable:
            make_searchable(field)
        if current is not None:
            select_data(field, current)
        return self.add_field(name, label, field, **options)

    def add_spin(self, name: str, label: str | None, value: int = 0, *, minimum: int = 0, maximum: int = 99,
                 step: int = 1, suffix: str = "", special_text: str = "", **options) -> QSpinBox:
        field = QSpinBox()
        field.setRange(minimum, maximum)
        field.setSingleStep(step)
        field.setSuffix(suffix)
        field.setSpecialValueText(special_text)
        field.setValue(value)
        return self.add_field(name, label, field, **options)

    def add_date(self, name: str, label: str | None, value: date | None = None, **options) -> QDateEdit:
        return self.add_field(name, label, date_edit(value or date.today()), **options)

    def add_datetime(self, name: str, label: str | None, value: datetime, *, zone: tzinfo | None = None,
                     **options) -> QDateTimeEdit:
        """Shown and typed as the wall time of ``zone`` (the org unit's; the workstation's when None),
        named in the label where it differs from the workstation's; the value read back is the aware UTC moment."""
        if label and zone is not None and (note := zone_note(zone)):
            label = f"{label} ({note})"
        return self.add_field(name, label, datetime_edit(value, zone), **options)

    def add_check(self, name: str, text: str, checked: bool = False, *, label: str | None = "",
                  **options) -> QCheckBox:
        field = QCheckBox(text)
        field.setChecked(checked)
        self._labels[name] = text
        return self.add_field(name, label, field, **options)

    def add_info(self, name: str, text: str = "", *, label: str | None = None, **options) -> QLabel:
        """A read-only line (plain text, selectable): a notice, or a value the form shows but never edits."""
        info = plain_label(text, wrap=True, selectable=True)
        return self.add_field(name, label, info, **options)

    def add_widget(self, name: str, label: str | None, widget: QWidget, **options) -> QWidget:
        """Special content (a signature pad, a table, a list); ``focus`` says which part takes the focus."""
        return self.add_field(name, label, widget, **options)

    def add_field(self, name: str, label: str | None, widget: QWidget, *, door_names: Iterable[str] = (),
                  focus: QWidget | None = None, required: bool = False) -> QWidget:
        """Lay out ``widget`` under ``name``; ``label`` None spans the whole row. ``door_names`` are the
        names the door's ``ValidationError(field=...)`` uses for it where they differ from ``name``.
        ``required``: left empty (blank text, nothing chosen, a number box on its "none" text), OK
        refuses it before anything is asked or sent."""
        if not widget.objectName():
            widget.setObjectName(name)
        self.fields[name] = widget
        if required:
            self._required.append(name)
        if label:
            self._labels[name] = label
        self._focus[name] = focus or widget
        for door_name in door_names:
            self._door_names[door_name] = name
        if label is None:
            self.form.addRow(widget)
        else:
            row_label = plain_label(label)  # a label may carry a value, such as a unit's name
            row_label.setBuddy(widget)
            self.form.addRow(row_label, widget)
        signal = change_signal(self._focus[name])
        if signal is not None:
            signal.connect(lambda *_: self._mark(name, False))
        return widget

    def add_side(self, widget: QWidget, sizes: tuple[int, int] | None = None) -> QWidget:
        """Content beside the form rather than in it (for example the cases similar to what is typed)."""
        self.body.addWidget(widget)
        if sizes:
            self.body.setSizes(list(sizes))
        return widget

    def set_visible(self, name: str, visible: bool) -> None:
        self.form.setRowVisible(self.fields[name], visible)

    # ------------------------------------------------------------------ values

    def value(self, name: str):
        return read_value(self.fields[name])

    def values(self) -> dict:
        """Every readable field's value by name (text, data of the chosen item, number, date, moment, bool)."""
        read = {name: read_value(widget) for name, widget in self.fields.items()}
        return {name: value for name, value in read.items() if is_readable(value)}

    # ------------------------------------------------------------------ OK and its outcome

    def check_entries(self) -> None:
        """Refuse the entries before the confirmation and ``perform``: raise ``ValidationError`` with
        ``field`` naming the field. Here: the ``required`` fields shown; subclasses add the door's own
        checks of the entries, so that the door's refusal is never the first the user hears of it."""
        for name in self._required:
            if self.form.isRowVisible(self.fields[name]) and is_empty(self.fields[name]):
                raise ValidationError(self.tr("This cannot be left empty."), field=name)

    def perform(self) -> None:
        """Run the form's operation; raise ``UserError`` to keep the dialog open."""
        if self._submit is None:
            raise NotImplementedError("give FormDialog a submit callback or override perform()")
        self._submit(self.values())

    def show_error(self, message: str, field: str | None = None) -> None:
        """Say what is wrong; a known ``field`` is named, highlighted and focused."""
        name = self.field_name(field)
        if name is None:
            self.message.setText(message)
            return
        label = self._labels.get(name, "").rstrip(":：")
        self.message.setText(self.tr("{field}: {message}").format(field=label, message=message) if label else message)
        self._mark(name, True)
        self._focus[name].setFocus()

    def clear_error(self) -> None:
        self.message.clear()
        for name in self.fields:
            self._mark(name, False)

    def field_name(self, field: str | None) -> str | None:
        if field in self.fields:
            return field
        return self._door_names.get(field) if field else None

    def is_marked(self, name: str) -> bool:
        return bool(self._focus[name].property(INVALID))

    def ask_first(self, what_happens: str | Callable[[], str], action_text: str) -> None:
        """Before OK commits, confirm (``app.ui.plain_text.confirm``) with ``what_happens`` — a text, or
        a function of the form returning one, "" when this time there is nothing to confirm."""
        self._ask_first = ((what_happens if callable(what_happens) else lambda: what_happens), action_text)

    def _confirmed(self) -> bool:
        if self._ask_first is None:
            return True
        what_happens, action_text = self._ask_first
        text = what_happens()
        return not text or confirm(self, self.windowTitle(), text, action_text)

    def _ok(self) -> None:
        self.clear_error()
        try:
            self._take_typed_numbers()
            self.check_entries()
            if not self._confirmed():
                return
            self.perform()
        except ValidationError as exc:
            self.show_error(str(exc), exc.field)
            return
        except UserError as exc:
            self.show_error(str(exc))
            return
        self.accept()

    def _take_typed_numbers(self) -> None:
        """Enter and Ctrl+S come before a number box has taken what was typed into it: a field whose
        text is no number of its range is refused, every other box takes its text."""
        for name, field in self.fields.items():
            if (isinstance(field, QSpinBox) and field.isEnabled() and self.form.isRowVisible(field)
                    and not field.hasAcceptableInput()):
                raise ValidationError(self.tr("Enter a number from {minimum} to {maximum}.").format(
                    minimum=field.minimum(), maximum=field.maximum()), field=name)
        for box in self.findChildren(QAbstractSpinBox):
            box.interpretText()

    def _mark(self, name: str, invalid: bool) -> None:
        widget = self._focus[name]
        label = self.form.labelForField(self.fields[name])
        for target in (widget, label):
            if target is not None and bool(target.property(INVALID)) != invalid:
                target.setProperty(INVALID, invalid)
                target.style().unpolish(target)
                target.style().polish(target)

    def keyPressEvent(self, event) -> None:
        if not self.enter_submits and event.key() in (Qt.Key_Return, Qt.Key_Enter):
            event.accept()  # Enter belongs to the fields here (a search, a lookup), never to OK
            return
        super().keyPressEvent(event)


def ask(parent: QWidget | None, title: str, label: str, submit: Callable[[str], object], *, name: str = "value",
        kind: str = "text", value: str = "", ok_text: str = "", ask_first: tuple[str, str] | None = None,
        required: bool | None = None) -> bool:
    """One value asked for and handed to ``submit``; a refusal stays in the prompt. True once it went through.

    ``name`` is the door's name for the value (so its refusal highlights the field); ``kind`` is
    "text", "multiline" or "password"; ``ask_first``: (what happens, commit button text) for a step
    that cannot be undone (``FormDialog.ask_first``). ``required`` (by default: when asking first, as
    a step that cannot be undone is taken with its reason): an empty value is refused before the
    confirmation."""
    dialog = FormDialog(title, parent, submit=lambda values: submit(values[name]), ok_text=ok_text)
    if ask_first:
        dialog.ask_first(*ask_first)
    required = ask_first is not None if required is None else required
    if kind == "multiline":
        dialog.add_multiline(name, label, value, min_height=90, required=required)
    else:
        dialog.add_text(name, label, value, password=kind == "password", required=required)
    return dialog.exec() == QDialog.Accepted
