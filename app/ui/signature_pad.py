"""A signature pad: the customer draws with the mouse or a pen; ``png()`` gives the PNG bytes
(the repair order's sign-off, the inspection report's)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from app.i18n import translate

PAD_SIZE = QSize(480, 160)


class SignaturePad(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("signature_pad")
        self.setFixedSize(PAD_SIZE)
        self.setCursor(Qt.CrossCursor)
        self.setAttribute(Qt.WA_StaticContents)
        self.image = QImage(PAD_SIZE, QImage.Format_ARGB32)
        self.strokes = 0
        self._last: QPoint | None = None
        self.clear()

    def clear(self) -> None:
        self.image.fill(QColor("white"))
        self.strokes = 0
        self.update()
        self.changed.emit()

    def is_empty(self) -> bool:
        return self.strokes == 0

    def png(self) -> bytes | None:
        if self.is_empty():
            return None
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.WriteOnly)
        self.image.save(buffer, "PNG")
        return bytes(data)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.LeftButton:
            self._last = event.position().toPoint()

    def mouseMoveEvent(self, event) -> None:
        if self._last is None or not (event.buttons() & Qt.LeftButton):
            return
        self._draw_to(event.position().toPoint())

    def mouseReleaseEvent(self, event) -> None:
        if self._last is not None and event.button() == Qt.LeftButton:
            self._draw_to(event.position().toPoint())
            self._last = None

    def _draw_to(self, point: QPoint) -> None:
        if point == self._last:
            return
        painter = QPainter(self.image)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(QPen(QColor("#0b2e6f"), 2.5, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin))
        painter.drawLine(self._last, point)
        painter.end()
        self._last = point
        self.strokes += 1
        self.update()
        self.changed.emit()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.drawImage(0, 0, self.image)
        painter.setPen(QPen(QColor("#9aa0a6"), 1, Qt.DashLine))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.drawLine(20, self.height() - 30, self.width() - 20, self.height() - 30)
        painter.end()


def signature_row() -> tuple[SignaturePad, QWidget]:
    """A pad with its "Clear signature" button beside it, for a form's signature field."""
    pad = SignaturePad()
    clear = QPushButton(translate("Signature", "Clear signature"))
    clear.setAutoDefault(False)
    clear.clicked.connect(pad.clear)
    row_widget = QWidget()
    row = QHBoxLayout(row_widget)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(pad)
    row.addWidget(clear)
    row.addStretch()
    return pad, row_widget
