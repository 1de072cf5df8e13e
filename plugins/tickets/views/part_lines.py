"""The repair order's parts, picked rather than typed: each line chooses a part from the stock the
door offers (``service.repair_part_choices``: the ticket's reservations first, then the engineer's
and the unit's depots), a quantity no larger than that depot can give, the faulty serial number
taken out of the machine, and the replacement's serial number from those on hand there.

The part and the serial are found by typing any part of the number or name (a depot holds dozens
of parts), in the door's order: the ticket's reservations first, then what is in stock. Every line,
filled in beforehand or added, has the same column widths, so a quantity or a serial number is
always readable.

Where no plugin keeps stock (the door answers ``None``) the part number and serials are typed.
"""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QHeaderView, QLineEdit, QPushButton, QSpinBox, QTableWidget,
                               QWidget)

from app.errors import ValidationError
from app.ui.form_fields import make_searchable
from app.ui.icons import icon
from plugins.tickets import service

PART, QUANTITY, FAULTY, REPLACEMENT, REMOVE = range(5)
TYPED_MAXIMUM = 999  # a typed line has no stock to bound it; the door and the stock plugin check it
SERIAL_SAMPLE = "SN-0000000000-00"  # a long serial number, to size the serial columns by
VISIBLE_LINES = 4  # lines shown without scrolling
PART_MINIMUM_CHARACTERS = 24  # the part column stretches; its combo never asks for its longest item's width


class PartLines(QTableWidget):
    def __init__(self, choices, parent: QWidget | None = None):
        """``choices``: the door's ``PartChoice`` list, or ``None`` to type the parts."""
        super().__init__(0, 5, parent)
        self.choices = choices
        self.setObjectName("repair_parts")
        self.setHorizontalHeaderLabels([self.tr("Part"), self.tr("Quantity"), self.tr("Faulty serial"),
                                        self.tr("Replacement serial"), ""])
        self.verticalHeader().setVisible(False)
        self._size_columns()
        self.setMinimumHeight(self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
                              + VISIBLE_LINES * self.verticalHeader().defaultSectionSize())

    def _size_columns(self) -> None:
        """Fixed widths from the font, not from the lines there happen to be when the table is first
        laid out: a line added later would otherwise get the headers' widths only."""
        header = self.horizontalHeader()
        header.setSectionResizeMode(PART, QHeaderView.Stretch)  # the part's number, name and depot
        serial = self.fontMetrics().horizontalAdvance(SERIAL_SAMPLE) + 40  # text margins and the arrow
        quantity = QSpinBox()
        quantity.setRange(0, TYPED_MAXIMUM)
        remove = QPushButton(icon("fa5s.times"), "")
        widths = {QUANTITY: quantity.sizeHint().width() + 8, FAULTY: serial, REPLACEMENT: serial,
                  REMOVE: remove.sizeHint().width() + 4}
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.Interactive if column in (FAULTY, REPLACEMENT)
                                        else QHeaderView.Fixed)
            header.resizeSection(column, max(width, header.sectionSizeHint(column)))

    @property
    def typed(self) -> bool:
        return self.choices is None

    def prefill_reserved(self) -> None:
        """A line per part reserved for the ticket (a serialised part: a line per unit)."""
        for choice in self.choices or ():
            if choice.reserved:
                for _ in range(choice.reserved if choice.serialised else 1):
                    self.add_line(choice, 1 if choice.serialised else choice.reserved)

    def add_line(self, choice=None, quantity: int = 1) -> int:
        row = self.rowCount()
        self.insertRow(row)
        part = QComboBox()
        part.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        part.setMinimumContentsLength(PART_MINIMUM_CHARACTERS)
        part.setEditable(True)  # typed where no plugin keeps stock; else typed to search
        if not self.typed:
            for option in self.choices:
                part.addItem(self.choice_text(option), option)
            make_searchable(part)
            part.setCurrentIndex(-1)
            part.lineEdit().setPlaceholderText(self.tr("Type a part number or name…"))
        quantity_spin = QSpinBox()
        quantity_spin.setRange(1, TYPED_MAXIMUM)
        serial = QComboBox()
        serial.setEditable(True)
        if not self.typed:
            make_searchable(serial)
        remove = QPushButton(icon("fa5s.times"), "")
        remove.setToolTip(self.tr("Remove this line"))
        remove.setAutoDefault(False)  # Enter saves the order, never removes a line
        remove.clicked.connect(lambda _checked=False, button=remove: self.remove_line(button))
        for column, widget in ((PART, part), (QUANTITY, quantity_spin), (FAULTY, QLineEdit()),
                               (REPLACEMENT, serial), (REMOVE, remove)):
            self.setCellWidget(row, column, widget)
        part.currentIndexChanged.connect(lambda _index, combo=part: self._part_changed(combo))
        if choice is not None:
            part.setCurrentIndex(self.choices.index(choice))
        self._part_changed(part)
        quantity_spin.setValue(quantity)
        return row

    def choice_text(self, choice) -> str:
        if choice.reserved:
            return self.tr("{number}  {name} · {depot}: {reserved} reserved for this ticket").format(
                number=choice.part_number, name=choice.name, depot=choice.depot, reserved=choice.reserved)
        return self.tr("{number}  {name} · {depot}: {available} available").format(
            number=choice.part_number, name=choice.name, depot=choice.depot, available=choice.available)

    def remove_line(self, button: QPushButton) -> None:
        for row in range(self.rowCount()):
            if self.cellWidget(row, REMOVE) is button:
                self.removeRow(row)
                return

    # ------------------------------------------------------------------ a line's widgets

    def part_combo(self, row: int) -> QComboBox:
        return self.cellWidget(row, PART)

    def quantity_spin(self, row: int) -> QSpinBox:
        return self.cellWidget(row, QUANTITY)

    def faulty_edit(self, row: int) -> QLineEdit:
        return self.cellWidget(row, FAULTY)

    def serial_combo(self, row: int) -> QComboBox:
        return self.cellWidget(row, REPLACEMENT)

    def _row_of(self, widget: QWidget, column: int) -> int:
        return next(row for row in range(self.rowCount()) if self.cellWidget(row, column) is widget)

    def _part_changed(self, combo: QComboBox) -> None:
        """Bound the quantity by what the chosen depot can give; offer the serials on hand there."""
        if self.typed:
            return
        row = self._row_of(combo, PART)
        choice = combo.currentData()
        quantity, serial = self.quantity_spin(row), self.serial_combo(row)
        quantity.setRange(1, 1 if choice is None or choice.serialised else max(choice.available, 1))
        quantity.setEnabled(choice is not None and not choice.serialised)
        serial.clear()
        serial.setEnabled(choice is not None and choice.serialised)
        if choice is not None and choice.serialised:
            for number in choice.serials:
                serial.addItem(number, number)
            serial.setCurrentIndex(-1)
        serial.lineEdit().setPlaceholderText(self.tr("Type or choose the serial…")
                                             if choice is not None and choice.serialised else "")

    # ------------------------------------------------------------------ what the lines say

    def uses(self) -> list:
        """The lines as the door takes them; a line with nothing chosen or typed is left out."""
        uses = []
        for row in range(self.rowCount()):
            part = self.part_combo(row)
            choice = None if self.typed else part.currentData()
            number = part.currentText().strip() if self.typed else (choice.part_number if choice else "")
            faulty = self.faulty_edit(row).text().strip()
            replacement = (self.serial_combo(row).currentText().strip() if self.typed
                           else self.serial_combo(row).currentData() or "")
            if not (number or faulty or (self.typed and replacement)):
                continue
            uses.append(service.PartUse(number, self.quantity_spin(row).value(), faulty, replacement,
                                        choice.depot if choice else ""))
        return uses

    def check_entries(self) -> None:
        """Before the order is confirmed: a serialised part picked from stock is recorded with the
        serial number of the unit put in (the stock plugin refuses it otherwise)."""
        for row in range(self.rowCount()):
            choice = None if self.typed else self.part_combo(row).currentData()
            if choice is not None and choice.serialised and not self.serial_combo(row).currentData():
                self.setCurrentCell(row, REPLACEMENT)
                raise ValidationError(self.tr("Line {n}: choose the serial number of the {part} put in.")
                                      .format(n=row + 1, part=choice.part_number), field="parts")
