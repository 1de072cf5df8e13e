"""The printable repair order (维修单) as a PDF, drawn with QPdfWriter in a CJK font."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

CJK_FAMILIES = ["WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", "SimHei", "PingFang SC"]


def tr(text: str) -> str:
    return QCoreApplication.translate("RepairOrderPdf", text)


def _font(point_size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(CJK_FAMILIES)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


class _Page:
    """A cursor down an A4 page; adds pages as the text runs over."""

    def __init__(self, writer: QPdfWriter, painter: QPainter):
        self.writer, self.painter = writer, painter
        self.width = writer.width()
        self.height = writer.height()
        self.y = 0.0

    def text(self, text: str, font: QFont, indent: float = 0.0, align=Qt.AlignLeft) -> None:
        self.painter.setFont(font)
        flags = int(align) | int(Qt.TextWordWrap)
        bounds = self.painter.boundingRect(QRectF(indent, 0, self.width - indent, self.height), flags, text)
        if self.y + bounds.height() > self.height:
            self.writer.newPage()
            self.y = 0.0
        self.painter.drawText(QRectF(indent, self.y, self.width - indent, bounds.height()), flags, text)
        self.y += bounds.height() + self.writer.resolution() * 0.04

    def field(self, label: str, value) -> None:
        self.text(f"{label}：{value}" if value not in (None, "") else f"{label}：—", _font(10.5))

    def image(self, image: QImage, max_height: float) -> None:
        scaled = image.scaledToHeight(int(max_height), Qt.SmoothTransformation)
        if self.y + scaled.height() > self.height:
            self.writer.newPage()
            self.y = 0.0
        self.painter.drawImage(QRectF(0, self.y, scaled.width(), scaled.height()), scaled)
        self.y += scaled.height()


def write_repair_order_pdf(document: dict, path: str) -> str:
    """Write ``service.repair_order_document(...)`` to ``path`` as a one- or two-page PDF."""
    writer = QPdfWriter(path)
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait, QMarginsF(18, 18, 18, 18),
                                     QPageLayout.Millimeter))
    writer.setTitle(f"{tr('Repair order')} {document['ticket_number']}")
    painter = QPainter(writer)
    try:
        page = _Page(writer, painter)
        page.text(f"{document['org_name']}  {tr('Repair order')}", _font(17, bold=True), align=Qt.AlignHCenter)
        page.text(f"{tr('Ticket number')}：{document['ticket_number']}", _font(11, bold=True))
        page.field(tr("Customer"), document["customer_name"])
        page.field(tr("Contact"), document["contact"])
        page.field(tr("Equipment"), document["asset"])
        page.field(tr("Symptom reported"), document["symptom"])
        page.field(tr("Fault found"), document["fault_found"])
        page.field(tr("Actions taken"), document["actions"])
        page.field(tr("Engineer"), document["engineer"])
        page.field(tr("Arrived"), document["arrived_at"])
        page.field(tr("Completed"), document["completed_at"])
        page.field(tr("Labour (minutes)"), document["labour_minutes"])
        page.text(tr("Parts"), _font(11, bold=True))
        if document["parts"]:
            for part_number, quantity, faulty, replacement in document["parts"]:
                page.text(tr("{part} × {qty}   faulty SN {faulty}   replacement SN {replacement}").format(
                    part=part_number, qty=quantity, faulty=faulty or "—", replacement=replacement or "—"),
                    _font(10), indent=writer.resolution() * 0.15)
        else:
            page.text(tr("No parts used."), _font(10), indent=writer.resolution() * 0.15)
        page.text(tr("Customer sign-off"), _font(11, bold=True))
        page.field(tr("Signed by"), document["signer_name"])
        page.field(tr("Signed at"), document["signed_at"])
        if document["seal_confirmed"]:
            page.text(tr("Confirmed with the company seal."), _font(10.5))
        if document["signature_png"]:
            image = QImage.fromData(document["signature_png"], "PNG")
            if not image.isNull():
                page.image(image, writer.resolution() * 0.8)
    finally:
        painter.end()
    return path
