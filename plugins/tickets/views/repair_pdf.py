"""The printable repair order (维修单) as a PDF, drawn with QPdfWriter in a CJK font."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

CJK_FAMILIES = ["WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", "SimHei", "PingFang SC"]


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


def _labels() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        "title": translate("RepairOrderPdf", "Repair order"), "number": translate("RepairOrderPdf", "Ticket number"),
        "customer": translate("RepairOrderPdf", "Customer"), "contact": translate("RepairOrderPdf", "Contact"),
        "asset": translate("RepairOrderPdf", "Equipment"), "symptom": translate("RepairOrderPdf", "Symptom reported"),
        "fault": translate("RepairOrderPdf", "Fault found"), "actions": translate("RepairOrderPdf", "Actions taken"),
        "engineer": translate("RepairOrderPdf", "Engineer"), "arrived": translate("RepairOrderPdf", "Arrived"),
        "completed": translate("RepairOrderPdf", "Completed"),
        "labour": translate("RepairOrderPdf", "Labour (minutes)"), "parts": translate("RepairOrderPdf", "Parts"),
        "part": translate("RepairOrderPdf", "{part} × {qty}   faulty SN {faulty}   replacement SN {replacement}"),
        "no_parts": translate("RepairOrderPdf", "No parts used."),
        "signoff": translate("RepairOrderPdf", "Customer sign-off"),
        "signer": translate("RepairOrderPdf", "Signed by"), "signed_at": translate("RepairOrderPdf", "Signed at"),
        "seal": translate("RepairOrderPdf", "Confirmed with the company seal."),
    }


def write_repair_order_pdf(document: dict, path: str) -> str:
    """Write ``service.repair_order_document(...)`` to ``path`` as a one- or two-page PDF."""
    label = _labels()
    writer = QPdfWriter(path)
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait, QMarginsF(18, 18, 18, 18),
                                     QPageLayout.Millimeter))
    writer.setTitle(f"{label['title']} {document['ticket_number']}")
    indent = writer.resolution() * 0.15
    painter = QPainter(writer)
    try:
        page = _Page(writer, painter)
        page.text(f"{document['org_name']}  {label['title']}", _font(17, bold=True), align=Qt.AlignHCenter)
        page.text(f"{label['number']}：{document['ticket_number']}", _font(11, bold=True))
        for key, field in (("customer", "customer_name"), ("contact", "contact"), ("asset", "asset"),
                           ("symptom", "symptom"), ("fault", "fault_found"), ("actions", "actions"),
                           ("engineer", "engineer"), ("arrived", "arrived_at"), ("completed", "completed_at"),
                           ("labour", "labour_minutes")):
            page.field(label[key], document[field])
        page.text(label["parts"], _font(11, bold=True))
        for part_number, quantity, faulty, replacement in document["parts"]:
            page.text(label["part"].format(part=part_number, qty=quantity, faulty=faulty or "—",
                                           replacement=replacement or "—"), _font(10), indent=indent)
        if not document["parts"]:
            page.text(label["no_parts"], _font(10), indent=indent)
        page.text(label["signoff"], _font(11, bold=True))
        page.field(label["signer"], document["signer_name"])
        page.field(label["signed_at"], document["signed_at"])
        if document["seal_confirmed"]:
            page.text(label["seal"], _font(10.5))
        if document["signature_png"]:
            image = QImage.fromData(document["signature_png"], "PNG")
            if not image.isNull():
                page.image(image, writer.resolution() * 0.8)
    finally:
        painter.end()
    return path
