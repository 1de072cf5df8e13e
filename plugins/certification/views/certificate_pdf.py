"""The printable certificate: one A4 landscape page with the holder, scope, dates and the QR code
that verifies it, the same drawing for the PDF file and the printer.

The QR code is drawn as one picture of one pixel per module, scaled by the painter without
smoothing: every module stays a sharp square at any resolution, and the compact text keeps the
code small enough (version 10 or less) for modules of about 1.2 mm, which a 72 dpi print or a
phone photo of a worn copy still resolves."""

from __future__ import annotations

import io

import segno
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPagedPaintDevice, QPainter, QPen

from app.ui.pdf_document import PdfPage, PrintedDocument, write_pdf

QR_SIDE_MM = 70  # the code's side, its quiet zone included
QR_QUIET_MODULES = 4
GOLD, INK = "#8a6d1d", "#222222"


def certificate(details: dict) -> PrintedDocument:
    """``service.printable(...)`` as a document to write as PDF or print."""
    return PrintedDocument(details["number"], lambda device, painter: _draw(device, painter, details),
                           landscape=True, margins_mm=15)


def write_certificate_pdf(path: str, details: dict) -> str:
    """``details`` is ``service.printable(...)``; the QR carries the signed verification text."""
    return write_pdf(certificate(details), path)


def _labels(d: dict) -> list[tuple[str, str]]:
    translate = QCoreApplication.translate
    return [(translate("CertificatePdf", "Holder"), d["holder"]),
            (translate("CertificatePdf", "Organisation"), f"{d['org']} ({d['org_code']})"),
            (translate("CertificatePdf", "Certificate"), d["type"]),
            (translate("CertificatePdf", "Product lines"), d["product_lines"]),
            (translate("CertificatePdf", "Level"), d["level"]),
            (translate("CertificatePdf", "Issued on"), d["issued_on"]),
            (translate("CertificatePdf", "Valid"), f"{d['valid_from']} – {d['expires_on']}"),
            (translate("CertificatePdf", "Status"), d["status"])]


def _draw(device: QPagedPaintDevice, painter: QPainter, d: dict) -> None:
    translate = QCoreApplication.translate
    page = PdfPage(device, painter)
    mm, width, height = page.mm, page.width, page.height
    frame = QPen(QColor(GOLD))
    frame.setWidthF(mm(1.0))
    painter.setPen(frame)
    painter.drawRect(QRectF(mm(2), mm(2), width - mm(4), height - mm(4)))
    frame.setWidthF(mm(0.3))
    painter.setPen(frame)
    painter.drawRect(QRectF(mm(4), mm(4), width - mm(8), height - mm(8)))
    painter.setPen(QColor(INK))
    page.cell(QRectF(0, mm(18), width, mm(18)), translate("CertificatePdf", "Engineer work certificate"),
              page.font(32, bold=True), Qt.AlignHCenter)
    page.cell(QRectF(0, mm(38), width, mm(8)), translate("CertificatePdf", "No. {number}").format(number=d["number"]),
              page.font(14), Qt.AlignHCenter)
    qr_box = QRectF(width - mm(QR_SIDE_MM + 16), mm(58), mm(QR_SIDE_MM), mm(QR_SIDE_MM))
    _rows(page, QRectF(mm(20), mm(62), qr_box.left() - mm(32), height - mm(70)), _labels(d))
    _draw_qr(painter, d["qr_text"], qr_box)
    page.cell(QRectF(qr_box.left() - mm(8), qr_box.bottom() + mm(2), qr_box.width() + mm(16), mm(20)),
              translate("CertificatePdf", "Scan to verify offline with HQ's public key (Tools → Verify certificate)."),
              page.font(9), Qt.AlignHCenter)


def _rows(page: PdfPage, room: QRectF, rows: list[tuple[str, str]]) -> None:
    """Label and value lines down ``room``; a long value wraps inside its column."""
    label_font, value_font = page.font(13, bold=True), page.font(13)
    label_width = page.mm(42)
    value_width = room.width() - label_width
    y = room.top()
    for label, value in rows:
        line = max(page.measure(label, label_font, label_width), page.measure(value, value_font, value_width))
        page.cell(QRectF(room.left(), y, label_width, line), label, label_font)
        page.cell(QRectF(room.left() + label_width, y, value_width, line), value, value_font)
        y += line + page.mm(5)


def qr_image(text: str) -> QImage:
    """The code with its quiet zone, one pixel per module (error correction M or better)."""
    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buffer, kind="png", scale=1, border=QR_QUIET_MODULES)
    return QImage.fromData(buffer.getvalue(), "PNG")


def _draw_qr(painter: QPainter, text: str, box: QRectF) -> None:
    # One picture instead of a rectangle per module: thousands of small binding calls are slower
    # and, with some PySide6 builds, corrupt None's reference count (a crash at interpreter exit).
    painter.setRenderHint(QPainter.SmoothPixmapTransform, False)
    painter.drawImage(box, qr_image(text))
