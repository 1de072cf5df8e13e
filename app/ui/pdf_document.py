"""Printable documents drawn with QPdfWriter in a CJK font: an A4 writer and a cursor that
flows text and images down its pages (the repair order, the inspection report)."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextOption

CJK_FAMILIES = ["WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", "SimHei", "PingFang SC"]


class PdfPage:
    """A cursor down A4 pages. Text goes down in pieces that fit the room left on the page, each
    ending at a line break, so a field of any length prints in full on as many pages as it needs.

    Fonts and wrap options are made once per document and every piece is measured and drawn with
    calls that return a value: PySide6 6.12 under Python 3.11 drops a reference to ``None`` on each
    call that returns nothing, so such calls must not grow with the length of the text."""

    def __init__(self, writer: QPdfWriter, painter: QPainter):
        self.writer, self.painter = writer, painter
        self.width = writer.width()
        self.height = writer.height()
        self.y = 0.0
        self.gap = writer.resolution() * 0.04
        self._fonts: dict[tuple[float, bool], QFont] = {}
        self._options: dict[int, QTextOption] = {}
        self._current_font: QFont | None = None

    def font(self, point_size: float, bold: bool = False) -> QFont:
        if (point_size, bold) not in self._fonts:
            font = QFont()
            font.setFamilies(CJK_FAMILIES)
            font.setPointSizeF(point_size)
            font.setBold(bold)
            self._fonts[point_size, bold] = font
        return self._fonts[point_size, bold]

    def _option(self, align) -> QTextOption:
        key = int(align)
        if key not in self._options:
            option = QTextOption(align)
            option.setWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)
            self._options[key] = option
        return self._options[key]

    def _new_page(self) -> None:
        self.writer.newPage()
        self.y = 0.0

    def text(self, text: str, font: QFont, indent: float = 0.0, align=Qt.AlignLeft) -> None:
        if font is not self._current_font:
            self.painter.setFont(font)
            self._current_font = font
        option, width, rest = self._option(align), self.width - indent, text
        while True:
            size = self._fitting(rest, width, self.height - self.y, option)
            if size == 0 and self.y > 0:
                self._new_page()
                continue
            piece, rest = rest[:max(size, 1)], rest[max(size, 1):].lstrip()
            height = self._height(piece, width, option)
            self.painter.drawText(QRectF(indent, self.y, width, height), piece, option)
            self.y += height
            if not rest:
                break
            self._new_page()
        self.y += self.gap

    def _height(self, text: str, width: float, option: QTextOption) -> float:
        return self.painter.boundingRect(QRectF(0, 0, width, 1e9), text, option).height()

    def _fitting(self, text: str, width: float, room: float, option: QTextOption) -> int:
        """How many leading characters of ``text`` fit in ``room``, ending at a word's end where
        the last line has one."""
        if self._height(text, width, option) <= room:
            return len(text)
        fits, too_many = 0, len(text)
        while too_many - fits > 1:
            middle = (fits + too_many) // 2
            if self._height(text[:middle], width, option) <= room:
                fits = middle
            else:
                too_many = middle
        if fits == 0 or text[fits].isspace() or text[fits - 1].isspace():
            return fits
        word_start = max(text.rfind(" ", 0, fits), text.rfind("\n", 0, fits))
        one_line = self._height("M", width, option)
        if word_start > 0 and self._height(text[:word_start], width, option) >= \
                self._height(text[:fits], width, option) - one_line * 1.5:
            return word_start  # the word moves whole to the next page
        return fits  # a run without spaces (Chinese, a long code) may break anywhere

    def field(self, label: str, value) -> None:
        self.text(f"{label}：{value}" if value not in (None, "") else f"{label}：—", self.font(10.5))

    def image(self, image: QImage, max_height: float) -> None:
        scaled = image.scaled(QSize(int(self.width), int(max_height)), Qt.KeepAspectRatio, Qt.SmoothTransformation)
        if self.y + scaled.height() > self.height:
            self._new_page()
        self.painter.drawImage(QRectF(0, self.y, scaled.width(), scaled.height()), scaled)
        self.y += scaled.height()


def a4_writer(path: str, title: str, resolution: int = 300) -> QPdfWriter:
    """An A4 portrait PDF with 18 mm margins at ``path``."""
    writer = QPdfWriter(path)
    writer.setResolution(resolution)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait, QMarginsF(18, 18, 18, 18),
                                     QPageLayout.Millimeter))
    writer.setTitle(title)
    return writer
