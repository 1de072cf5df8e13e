"""The dispatch dialog's engineer chooser: closed, it names the chosen engineer; open, it lists every
candidate the door offers with their unit, open cases, certificate and veto, side by side, so the
dispatcher compares load and qualification before choosing. What it shows is the door's answer
(``service.dispatch_choices``); it decides nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QTableView

from app.ui.plain_text import tooltip_text
from plugins.tickets import service

NAME, UNIT, OPEN_CASES, CERTIFICATE, VETO = range(5)
STATE_COLOURS = {"expiring": "#8a4b00", "none": "#b00020"}


class EngineerPicker(QComboBox):
    def __init__(self, engineers, parent=None):
        """``engineers``: the door's ``EngineerChoice`` tuple, in its order."""
        super().__init__(parent)
        model = QStandardItemModel(0, 5, self)
        model.setHorizontalHeaderLabels([self.tr("Engineer"), self.tr("Unit"), self.tr("Open cases"),
                                         self.tr("Certificate"), self.tr("Veto")])
        for choice in engineers:
            model.appendRow(self._row(choice))
        self.setModel(model)
        view = QTableView(self)
        view.setSelectionBehavior(QAbstractItemView.SelectRows)
        view.verticalHeader().hide()
        view.setShowGrid(False)
        view.setWordWrap(False)
        self.setView(view)
        view.resizeColumnsToContents()
        view.setMinimumWidth(view.horizontalHeader().length() + view.frameWidth() * 2)

    def _row(self, choice) -> list[QStandardItem]:
        vetoes = "; ".join(v.strip() for v in choice.vetoes)
        texts = (choice.name, choice.unit, str(choice.open_cases), service.qualification_label(choice.qualification),
                 vetoes)
        items = [QStandardItem(text) for text in texts]
        for item in items:
            item.setEditable(False)
        items[NAME].setData(choice, Qt.UserRole)
        items[OPEN_CASES].setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
        items[CERTIFICATE].setToolTip(tooltip_text(choice.qualification_text))
        items[VETO].setToolTip(tooltip_text(vetoes))
        if choice.qualification in STATE_COLOURS:
            items[CERTIFICATE].setForeground(QBrush(QColor(STATE_COLOURS[choice.qualification])))
        return items

    def cell_text(self, row: int, column: int) -> str:
        return self.model().item(row, column).text()

    def standing_text(self) -> str:
        """The chosen engineer's unit, open cases and certificate, in a line."""
        choice = self.currentData()
        if choice is None:
            return ""
        text = self.tr("{unit} · open cases: {n}").format(unit=choice.unit, n=choice.open_cases)
        return f"{text} · {choice.qualification_text}" if choice.qualification_text else text
