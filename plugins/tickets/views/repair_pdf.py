"""The printable repair order (维修单) as a PDF, drawn with QPdfWriter in a CJK font."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMarginsF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from app.ui.pdf_document import PdfPage


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
        "zone": translate("RepairOrderPdf", "Times are shown in {zone}."),
    }


def write_repair_order_pdf(document: dict, path: str) -> str:
    """Write ``service.repair_order_document(...)`` to ``path`` as a PDF of as many pages as its
    fields need."""
    label = _labels()
    writer = QPdfWriter(path)
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait, QMarginsF(18, 18, 18, 18),
                                     QPageLayout.Millimeter))
    writer.setTitle(f"{label['title']} {document['ticket_number']}")
    indent = writer.resolution() * 0.15
    painter = QPainter(writer)
    try:
        page = PdfPage(writer, painter)
        page.text(f"{document['org_name']}  {label['title']}", page.font(17, bold=True), align=Qt.AlignHCenter)
        page.text(f"{label['number']}：{document['ticket_number']}", page.font(11, bold=True))
        if document.get("zone_note"):
            page.text(label["zone"].format(zone=document["zone_note"]), page.font(9))
        for key, field in (("customer", "customer_name"), ("contact", "contact"), ("asset", "asset"),
                           ("symptom", "symptom"), ("fault", "fault_found"), ("actions", "actions"),
                           ("engineer", "engineer"), ("arrived", "arrived_at"), ("completed", "completed_at"),
                           ("labour", "labour_minutes")):
            page.field(label[key], document[field])
        page.text(label["parts"], page.font(11, bold=True))
        for part_number, quantity, faulty, replacement in document["parts"]:
            page.text(label["part"].format(part=part_number, qty=quantity, faulty=faulty or "—",
                                           replacement=replacement or "—"), page.font(10), indent=indent)
        if not document["parts"]:
            page.text(label["no_parts"], page.font(10), indent=indent)
        page.text(label["signoff"], page.font(11, bold=True))
        page.field(label["signer"], document["signer_name"])
        page.field(label["signed_at"], document["signed_at"])
        if document["seal_confirmed"]:
            page.text(label["seal"], page.font(10.5))
        if document["signature_png"]:
            image = QImage.fromData(document["signature_png"], "PNG")
            if not image.isNull():
                page.image(image, writer.resolution() * 0.8)
    finally:
        painter.end()
    return path
