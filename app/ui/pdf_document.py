"""Printable documents: one drawing for the PDF file and for the printer.

A document is a title, a page layout and a ``draw(device, painter)`` function that paints every
page onto a ``QPagedPaintDevice``: ``write_pdf`` hands it a ``QPdfWriter``, ``print_document`` a
``QPrinter`` the user set up in the system's print dialog. ``PdfPage`` is the cursor that flows
text, tables and images down the pages of either device (the repair order, the inspection
report); the certificate draws its one page itself."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QColor, QFont, QImage, QPageLayout, QPageSize, QPagedPaintDevice, QPainter, QPdfWriter,
                           QPen, QTextOption)
from PySide6.QtWidgets import QDialog, QWidget

from app.errors import UserError

CJK_FAMILIES = ["WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", "SimHei", "PingFang SC"]
MM_PER_INCH = 25.4
INK, SHADE, LINE = QColor("#111111"), QColor("#e8edf3"), "#9aa5b1"


@dataclass(frozen=True)
class PrintedDocument:
    """What ``write_pdf`` and ``print_document`` need: the drawing and the page it is laid out on."""

    title: str
    draw: Callable[[QPagedPaintDevice, QPainter], None]
    landscape: bool = False
    margins_mm: float = 18.0

    def page_layout(self) -> QPageLayout:
        orientation = QPageLayout.Landscape if self.landscape else QPageLayout.Portrait
        margins = QMarginsF(self.margins_mm, self.margins_mm, self.margins_mm, self.margins_mm)
        return QPageLayout(QPageSize(QPageSize.A4), orientation, margins, QPageLayout.Millimeter)


def write_pdf(document: PrintedDocument, path: str, resolution: int = 300) -> str:
    """``document`` as a PDF file at ``path``."""
    writer = QPdfWriter(path)
    writer.setResolution(resolution)
    writer.setPageLayout(document.page_layout())
    writer.setTitle(document.title)
    paint(document, writer)
    return path


def print_document(document: PrintedDocument, parent: QWidget | None = None) -> bool:
    """Show the system's print dialog and print ``document`` on what the user chose; False when
    they cancelled. The printer starts on the document's paper and orientation."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # only when printing: a heavy module

    printer = QPrinter(QPrinter.HighResolution)
    printer.setPageLayout(document.page_layout())
    printer.setDocName(document.title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("PrintedDocument", "Print {title}").format(title=document.title))
    if dialog.exec() != QDialog.Accepted:
        return False
    paint(document, printer)
    return True


def output_or_warn(parent: QWidget, title: str, work: Callable[[], object]):
    """Run ``work`` (``write_pdf`` or ``print_document``); a file or printer that cannot be opened
    is told in plain words under ``title``, and None returned."""
    from app.ui.plain_text import warn

    try:
        return work()
    except UserError as exc:
        warn(parent, title, str(exc))
        return None


def paint(document: PrintedDocument, device: QPagedPaintDevice) -> None:
    painter = QPainter()
    if not painter.begin(device):
        raise UserError(QCoreApplication.translate("PrintedDocument", "Could not start printing {title}: the printer "
                                                                      "or file is not available.").format(
            title=document.title))
    try:
        document.draw(device, painter)
    finally:
        painter.end()


class PdfPage:
    """A cursor down the pages of a paged device (PDF writer or printer). Text goes down in pieces
    that fit the room left on the page, each ending at a line break, so a field of any length
    prints in full on as many pages as it needs; a table row that does not fit starts the next
    page under the table's header again.

    Fonts and wrap options are made once per document and every piece is measured and drawn with
    few calls: PySide6 6.12 under Python 3.11 drops a reference to ``None`` on each call that
    returns nothing, so such calls stay a few per piece of text or table row, never one per
    character."""

    def __init__(self, device: QPagedPaintDevice, painter: QPainter):
        self.device, self.painter = device, painter
        self.width = device.width()
        self.height = device.height()
        self.y = 0.0
        self.gap = self.mm(1.0)
        self.running_head = ""  # repeated at the top of every page after the first (the document's number)
        self._fonts: dict[tuple[float, bool], QFont] = {}
        self._options: dict[int, QTextOption] = {}
        self._current_font: QFont | None = None

    def mm(self, millimetres: float) -> float:
        """Device units for a length on paper."""
        return millimetres * self.device.resolution() / MM_PER_INCH

    def font(self, point_size: float, bold: bool = False) -> QFont:
        if (point_size, bold) not in self._fonts:
            font = QFont()
            font.setFamilies(CJK_FAMILIES)
            font.setPointSizeF(point_size)
            font.setBold(bold)
            self._fonts[point_size, bold] = font
        return self._fonts[point_size, bold]

    def use(self, font: QFont) -> None:
        if font is not self._current_font:
            self.painter.setFont(font)
            self._current_font = font

    def _option(self, align) -> QTextOption:
        key = int(align)
        if key not in self._options:
            option = QTextOption(align)
            option.setWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)
            self._options[key] = option
        return self._options[key]

    def new_page(self) -> None:
        self.device.newPage()
        self.y = 0.0
        if self.running_head:
            font = self.font(8.5)
            height = self.measure(self.running_head, font, self.width, Qt.AlignRight)
            self.painter.setPen(QColor("#555555"))
            self.cell(QRectF(0, 0, self.width, height), self.running_head, font, Qt.AlignRight)
            self.painter.setPen(INK)
            self.y = height + self.gap * 2

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` fits below the cursor (a fresh page takes anything)."""
        if self.y > 0 and self.y + height > self.height:
            self.new_page()

    # ------------------------------------------------------------------ flowing text

    def text(self, text: str, font: QFont, indent: float = 0.0, align=Qt.AlignLeft) -> None:
        self.use(font)
        self.painter.setPen(INK)
        option, width, rest = self._option(align), self.width - indent, text
        while True:
            size = self._fitting(rest, width, self.height - self.y, option)
            if size == 0 and self.y > 0:
                self.new_page()
                continue
            piece, rest = rest[:max(size, 1)], rest[max(size, 1):].lstrip()
            height = self._height(piece, width, option)
            self.painter.drawText(QRectF(indent, self.y, width, height), piece, option)
            self.y += height
            if not rest:
                break
            self.new_page()
        self.y += self.gap

    def measure(self, text: str, font: QFont, width: float, align=Qt.AlignLeft) -> float:
        """The height ``text`` takes wrapped to ``width``."""
        self.use(font)
        return self._height(text, width, self._option(align))

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

    def cell(self, rect: QRectF, text: str, font: QFont, align=Qt.AlignLeft) -> None:
        """``text`` wrapped inside ``rect`` (which the caller made tall enough)."""
        self.use(font)
        self.painter.drawText(rect, text, self._option(align))

    # ------------------------------------------------------------------ lines, boxes, tables

    def pen(self, width_mm: float = 0.25, colour: str = "#333333") -> QPen:
        pen = QPen(QColor(colour))
        pen.setWidthF(self.mm(width_mm))
        return pen

    def rule(self, width_mm: float = 0.3) -> None:
        self.painter.setPen(self.pen(width_mm))
        self.painter.drawLine(0, int(self.y), int(self.width), int(self.y))
        self.y += self.gap * 2

    def heading(self, text: str) -> None:
        """A section title on a shaded band, kept with at least a few lines of what follows."""
        font = self.font(11, bold=True)
        height = self.measure(text, font, self.width) + self.mm(2)
        self.ensure(height + self.mm(15))
        self.painter.fillRect(QRectF(0, self.y, self.width, height), SHADE)
        self.painter.setPen(INK)
        self.cell(QRectF(self.mm(2), self.y + self.mm(1), self.width - self.mm(4), height), text, font)
        self.y += height + self.gap * 2

    def grid(self, pairs: Sequence[tuple[str, str]], columns: int = 2) -> None:
        """Label and value pairs side by side, ``columns`` pairs to a row, ruled below each row."""
        label_font, value_font = self.font(10, bold=True), self.font(10)
        column = self.width / columns
        label_width = min(self.mm(28), column * 0.4)
        value_width = column - label_width - self.mm(2)
        for start in range(0, len(pairs), columns):
            row = pairs[start:start + columns]
            height = max(max(self.measure(label, label_font, label_width), self.measure(value or "—", value_font,
                                                                                      value_width))
                         for label, value in row) + self.mm(2)
            self.ensure(height)
            self.painter.setPen(INK)
            for index, (label, value) in enumerate(row):
                left = index * column
                self.cell(QRectF(left, self.y + self.mm(1), label_width, height), label, label_font)
                self.cell(QRectF(left + label_width, self.y + self.mm(1), value_width, height), value or "—",
                          value_font)
            self.y += height
            self.painter.setPen(self.pen(0.15, LINE))
            self.painter.drawLine(0, int(self.y), int(self.width), int(self.y))
        self.y += self.gap * 2

    def table(self, headers: Sequence[str], weights: Sequence[float], rows: Sequence[Sequence[str]],
              empty: str = "") -> None:
        """A ruled table, each column ``weight`` parts of the width; a row that does not fit goes to
        the next page with the header repeated above it. ``empty`` stands in a table without rows."""
        total = sum(weights)
        widths = [self.width * w / total for w in weights]
        lefts = [sum(widths[:i]) for i in range(len(widths))]
        pad = self.mm(1.2)
        header_font, body_font = self.font(9.5, bold=True), self.font(9.5)

        def row_height(cells, font):
            return max(self.measure(text or "", font, width - 2 * pad) for text, width in zip(cells, widths)) + 2 * pad

        def draw_row(cells, font, height, shade=None):
            if shade:
                self.painter.fillRect(QRectF(0, self.y, self.width, height), shade)
            self.painter.setPen(INK)
            for text, left, width in zip(cells, lefts, widths):
                self.cell(QRectF(left + pad, self.y + pad, width - 2 * pad, height - pad), text or "", font)
            self.painter.setPen(self.pen(0.15, LINE))
            self.painter.drawLine(0, int(self.y + height), int(self.width), int(self.y + height))
            self.y += height

        header_height = row_height(headers, header_font)
        if not rows:  # one line across the whole table
            widths, lefts = [self.width], [0.0]
            self.ensure(header_height * 2)
            draw_row([empty], body_font, row_height([empty], body_font))
            self.y += self.gap * 3
            return
        self.ensure(header_height + row_height(rows[0], body_font))
        draw_row(headers, header_font, header_height, SHADE)
        for cells in rows:
            height = row_height(cells, body_font)
            if self.y + height > self.height:
                self.new_page()
                draw_row(headers, header_font, header_height, SHADE)
            draw_row(cells, body_font, height)
        self.y += self.gap * 3

    def box(self, rect: QRectF, title: str) -> QRectF:
        """A framed box with ``title`` in its top left corner; returns the room inside under the title."""
        self.painter.setPen(self.pen(0.3))
        self.painter.drawRect(rect)
        font = self.font(9.5, bold=True)
        inner = rect.adjusted(self.mm(2), self.mm(1.5), -self.mm(2), -self.mm(1.5))
        self.painter.setPen(INK)
        title_height = self.measure(title, font, inner.width())
        self.cell(QRectF(inner.left(), inner.top(), inner.width(), title_height), title, font)
        return inner.adjusted(0, title_height + self.mm(1), 0, 0)

    # ------------------------------------------------------------------ images

    def image(self, image: QImage, max_height: float) -> None:
        """``image`` at most the page's width and ``max_height`` tall, keeping its proportions."""
        target = fitted(image, QSizeF(self.width, max_height))
        if self.y + target.height() > self.height:
            self.new_page()
        self.painter.drawImage(QRectF(0, self.y, target.width(), target.height()), image)
        self.y += target.height()

    def image_in(self, image: QImage, room: QRectF) -> None:
        """``image`` inside ``room``, as large as fits, centred, keeping its proportions."""
        target = fitted(image, room.size())
        self.painter.drawImage(QRectF(room.left() + (room.width() - target.width()) / 2,
                                      room.top() + (room.height() - target.height()) / 2,
                                      target.width(), target.height()), image)


def fitted(image: QImage, room: QSizeF) -> QSizeF:
    """The size of ``image`` scaled to fit ``room``: the painter scales while drawing, so a
    1200 dpi printer gets the picture's own pixels, not a page-sized copy of them."""
    if image.isNull() or image.width() == 0 or image.height() == 0:
        return QSizeF(0, 0)
    scale = min(room.width() / image.width(), room.height() / image.height())
    return QSizeF(image.width() * scale, image.height() * scale)
