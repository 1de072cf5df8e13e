from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from plugins.tickets import service


class MainPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        with ctx.reading() as session:
            headers, rows = service.overview(session, ctx.actor)
        table = QTableWidget(len(rows), len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.NoEditTriggers)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(value))
        table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("{n} records").format(n=len(rows))))
        layout.addWidget(table)
