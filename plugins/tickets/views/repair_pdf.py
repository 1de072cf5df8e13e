"""The repair order (维修单) as a formal service report on A4, for the PDF file and the printer:
the unit's letterhead with its address and service hotline, the report number, customer and
machine with its service package, the fault and the work done, the parts table, the times, and
a sign-off row with the engineer's signature line, the customer's stored signature and a box
for the customer's seal. Every field prints in full, over as many pages as it needs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPagedPaintDevice, QPainter

from app.ui.pdf_document import PdfPage, PrintedDocument, write_pdf

SIGN_OFF_HEIGHT_MM = 46


def _labels() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        "title": translate("RepairOrderPdf", "Repair order"),
        "subtitle": translate("RepairOrderPdf", "On-site service report"),
        "address": translate("RepairOrderPdf", "Address"), "hotline": translate("RepairOrderPdf", "Service hotline"),
        "number": translate("RepairOrderPdf", "Report number"),
        "zone": translate("RepairOrderPdf", "Times are shown in {zone}."),
        "customer_section": translate("RepairOrderPdf", "Customer and equipment"),
        "customer": translate("RepairOrderPdf", "Customer"), "contact": translate("RepairOrderPdf", "Contact"),
        "product": translate("RepairOrderPdf", "Product"), "serial": translate("RepairOrderPdf", "Serial number"),
        "coverage": translate("RepairOrderPdf", "Warranty / service package"),
        "engineer": translate("RepairOrderPdf", "Engineer"),
        "work_section": translate("RepairOrderPdf", "Fault and work done"),
        "symptom": translate("RepairOrderPdf", "Symptom reported"),
        "fault": translate("RepairOrderPdf", "Diagnosis (fault found)"),
        "actions": translate("RepairOrderPdf", "Actions taken"),
        "parts": translate("RepairOrderPdf", "Parts used"),
        "position": translate("RepairOrderPdf", "No."), "part_number": translate("RepairOrderPdf", "Part number"),
        "part_name": translate("RepairOrderPdf", "Name"), "quantity": translate("RepairOrderPdf", "Qty"),
        "faulty": translate("RepairOrderPdf", "Removed (faulty) SN"),
        "replacement": translate("RepairOrderPdf", "Fitted (replacement) SN"),
        "no_parts": translate("RepairOrderPdf", "No parts used."),
        "times": translate("RepairOrderPdf", "Service times"),
        "arrived": translate("RepairOrderPdf", "Arrived"), "completed": translate("RepairOrderPdf", "Completed"),
        "labour": translate("RepairOrderPdf", "Labour (minutes)"),
        "signoff": translate("RepairOrderPdf", "Sign-off"),
        "engineer_box": translate("RepairOrderPdf", "Service engineer"),
        "name": translate("RepairOrderPdf", "Full name"),
        "signature": translate("RepairOrderPdf", "Signature"), "date": translate("RepairOrderPdf", "Date"),
        "customer_box": translate("RepairOrderPdf", "Customer signature"),
        "signed_at": translate("RepairOrderPdf", "Signed at"),
        "not_signed": translate("RepairOrderPdf", "Not signed in the application."),
        "seal_box": translate("RepairOrderPdf", "Customer seal"),
        "seal": translate("RepairOrderPdf", "Confirmed with the company seal."),
    }


def repair_order(document: dict) -> PrintedDocument:
    """``service.repair_order_document(...)`` as a document to write as PDF or print."""
    label = _labels()
    return PrintedDocument(f"{label['title']} {document['ticket_number']}",
                           lambda device, painter: _draw(device, painter, document, label))


def write_repair_order_pdf(document: dict, path: str) -> str:
    """Write ``service.repair_order_document(...)`` to ``path`` as a PDF."""
    return write_pdf(repair_order(document), path)


def _draw(device: QPagedPaintDevice, painter: QPainter, d: dict, label: dict[str, str]) -> None:
    page = PdfPage(device, painter)
    _letterhead(page, d["letterhead"], label)
    page.text(f"{label['title']} · {label['subtitle']}", page.font(15, bold=True), align=Qt.AlignHCenter)
    page.text(f"{label['number']}：{d['ticket_number']}", page.font(10.5, bold=True), align=Qt.AlignRight)
    page.running_head = f"{d['letterhead']['name']} · {label['title']} {d['ticket_number']}"
    if d.get("zone_note"):
        page.text(label["zone"].format(zone=d["zone_note"]), page.font(8.5), align=Qt.AlignRight)
    page.heading(label["customer_section"])
    page.grid([(label["customer"], d["customer_name"]), (label["contact"], d["contact"]),
               (label["product"], d["product"]), (label["serial"], d["serial_number"]),
               (label["coverage"], d["coverage"]), (label["engineer"], d["engineer"])])
    page.heading(label["work_section"])
    indent = page.mm(4)
    for key, field in (("symptom", "symptom"), ("fault", "fault_found"), ("actions", "actions")):
        page.text(label[key], page.font(10, bold=True))
        page.text(d[field] or "—", page.font(10), indent=indent)
    page.heading(label["parts"])
    page.table([label["position"], label["part_number"], label["part_name"], label["quantity"], label["faulty"],
                label["replacement"]], [0.6, 2.2, 3.0, 0.7, 2.2, 2.2],
               [[str(index), p["part_number"], p["name"], str(p["quantity"]), p["faulty_serial"],
                 p["replacement_serial"]] for index, p in enumerate(d["parts"], start=1)], empty=label["no_parts"])
    page.heading(label["times"])
    page.grid([(label["arrived"], d["arrived_at"]), (label["completed"], d["completed_at"]),
               (label["labour"], str(d["labour_minutes"]))], columns=3)
    _sign_off(page, d, label)


def _letterhead(page: PdfPage, head: dict, label: dict[str, str]) -> None:
    """The unit's name, then its address and hotline where the unit has them set up."""
    page.text(head["name"], page.font(18, bold=True), align=Qt.AlignHCenter)
    contact = "    ".join(f"{label[key]}：{head[key]}" for key in ("address", "hotline") if head.get(key))
    if contact:
        page.text(contact, page.font(9.5), align=Qt.AlignHCenter)
    page.rule(0.6)


def _sign_off(page: PdfPage, d: dict, label: dict[str, str]) -> None:
    """Three boxes side by side, kept together on one page: engineer, customer, seal."""
    page.heading(label["signoff"])
    height, gap = page.mm(SIGN_OFF_HEIGHT_MM), page.mm(3)
    page.ensure(height)
    width = (page.width - 2 * gap) / 3
    boxes = [QRectF(index * (width + gap), page.y, width, height) for index in range(3)]
    small, line_height = page.font(9), page.mm(5.5)

    engineer = page.box(boxes[0], label["engineer_box"])
    lines = [f"{label['name']}：{d['engineer'] or ''}", f"{label['signature']}：", f"{label['date']}："]
    for index, text in enumerate(lines):
        top = engineer.top() + page.mm(3) + index * line_height * 1.6
        page.painter.setPen(QColor("#111111"))
        page.cell(QRectF(engineer.left(), top, engineer.width(), line_height), text, small)
        if index:  # a line to write on by hand
            page.painter.setPen(page.pen(0.2))
            start = engineer.left() + page.mm(14)
            page.painter.drawLine(int(start), int(top + line_height), int(engineer.right()), int(top + line_height))

    customer = page.box(boxes[1], label["customer_box"])
    caption_height = 2 * line_height
    image = QImage.fromData(d["signature_png"] or b"", "PNG")
    picture = QRectF(customer.left(), customer.top(), customer.width(), customer.height() - caption_height)
    page.painter.setPen(QColor("#111111"))
    if not image.isNull():
        page.image_in(image, picture)
    elif not d["signer_name"]:
        page.cell(picture, label["not_signed"], small)
    captions = [f"{label['name']}：{d['signer_name'] or ''}", f"{label['signed_at']}：{d['signed_at'] or ''}"]
    for index, text in enumerate(captions):
        page.cell(QRectF(customer.left(), customer.bottom() - caption_height + index * line_height,
                         customer.width(), line_height), text, small)

    seal = page.box(boxes[2], label["seal_box"])
    if d["seal_confirmed"]:
        page.cell(QRectF(seal.left(), seal.bottom() - line_height * 2, seal.width(), line_height * 2), label["seal"],
                  small, align=Qt.AlignHCenter)
    page.y += height + page.gap
