"""The printable certificate: an A4 landscape page with the holder, scope, dates and the QR code."""

from __future__ import annotations

import io

import segno
from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen


def write_certificate_pdf(path: str, details: dict) -> None:
    """``details`` is ``service.printable(...)``; the QR carries the signed verification text."""
    writer = QPdfWriter(path)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Landscape, QMarginsF(15, 15, 15, 15)))
    writer.setResolution(300)
    writer.setTitle(details["number"])
    painter = QPainter(writer)
    try:
        _draw(painter, writer.width(), writer.height(), details)
    finally:
        painter.end()


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


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont("WenQuanYi Micro Hei")
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _draw(painter: QPainter, width: int, height: int, d: dict) -> None:
    translate = QCoreApplication.translate
    painter.setPen(QPen(QColor("#8a6d1d"), 12))
    painter.drawRect(QRectF(20, 20, width - 40, height - 40))
    painter.setPen(QColor("#222222"))
    painter.setFont(_font(30, True))
    painter.drawText(QRectF(0, 120, width, 220), Qt.AlignHCenter | Qt.AlignVCenter,
                     translate("CertificatePdf", "Engineer work certificate"))
    painter.setFont(_font(14))
    painter.drawText(QRectF(0, 330, width, 100), Qt.AlignHCenter,
                     translate("CertificatePdf", "No. {number}").format(number=d["number"]))
    y, left = 560, 220
    for label, value in _labels(d):
        painter.setFont(_font(13, True))
        painter.drawText(QRectF(left, y, 700, 120), Qt.AlignLeft | Qt.AlignVCenter, label)
        painter.setFont(_font(13))
        painter.drawText(QRectF(left + 720, y, width * 0.58 - 720, 140), Qt.AlignLeft | Qt.AlignVCenter | Qt.TextWordWrap,
                         value)
        y += 150
    side = min(900, height - 900)
    _draw_qr(painter, d["qr_text"], QRectF(width - side - 220, 560, side, side))
    painter.setFont(_font(9))
    painter.drawText(QRectF(width - side - 420, 560 + side + 20, side + 400, 200), Qt.AlignHCenter | Qt.TextWordWrap,
                     translate("CertificatePdf", "Scan to verify offline with HQ's public key "
                                                 "(Tools → Verify certificate)."))


def _draw_qr(painter: QPainter, text: str, box: QRectF) -> None:
    # One image instead of a fillRect per module: thousands of small binding calls are slower
    # and, with this PySide6 build, corrupt None's reference count (a crash at interpreter exit).
    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buffer, kind="png", scale=8, border=4)
    painter.drawImage(box, QImage.fromData(buffer.getvalue(), "PNG"))
