"""The inspection report (巡检工作报告) for the customer, as a PDF or printed: the unit's letterhead, the
customer and its sites, every checklist item with its result, the adjustments, recommendations
and faults with their ticket numbers, and the customer's signature. Drawn from the report as it
was signed (``service.inspection_report_document``), so a re-print is the same report."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage, QPagedPaintDevice, QPainter

from app.ui.pdf_document import PdfPage, PrintedDocument, write_pdf
from plugins.visits import service


def _labels() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        "title": translate("InspectionReportPdf", "Technical inspection report"),
        "address": translate("InspectionReportPdf", "Address"),
        "hotline": translate("InspectionReportPdf", "Service hotline"),
        "customer": translate("InspectionReportPdf", "Customer"),
        "sites": translate("InspectionReportPdf", "Sites"),
        "done_on": translate("InspectionReportPdf", "Inspection date"),
        "due_on": translate("InspectionReportPdf", "Scheduled for"),
        "engineer": translate("InspectionReportPdf", "Engineer"),
        "machine": translate("InspectionReportPdf", "{line} {model}   SN {serial}   (checklist version {version})"),
        "expected": translate("InspectionReportPdf", "expected {range}"),
        "adjustments": translate("InspectionReportPdf", "Parameter adjustments made"),
        "recommendations": translate("InspectionReportPdf", "Recommendations"),
        "faults": translate("InspectionReportPdf", "Faults found"),
        "fault": translate("InspectionReportPdf", "SN {serial}: {text}   ticket {number}"),
        "none": translate("InspectionReportPdf", "None."),
        "signoff": translate("InspectionReportPdf", "Customer sign-off"),
        "signer": translate("InspectionReportPdf", "Signed by"),
        "signed_at": translate("InspectionReportPdf", "Signed at"),
        "zone": translate("InspectionReportPdf", "Times are shown in {zone}."),
    }


def _expected(item: dict) -> str:
    low, high, unit = item["expected_min"], item["expected_max"], item["unit"]
    if low and high:
        return f"{low}–{high} {unit}".strip()
    if low:
        return f"≥ {low} {unit}".strip()
    if high:
        return f"≤ {high} {unit}".strip()
    return ""


def item_line(item: dict, label: dict[str, str]) -> str:
    """``3. 机箱进风口温度：正常  23.5 °C（expected 18–27 °C）  note``"""
    parts = [f"{item['position']}. {item['text']}：{service.result_label(item['outcome'])}"]
    if item["measured"]:
        parts.append(f"{item['measured']} {item['unit']}".strip())
    if expected := _expected(item):
        parts.append(f"（{label['expected'].format(range=expected)}）")
    if item["note"]:
        parts.append(item["note"])
    return "  ".join(parts)


def inspection_report(document: dict) -> PrintedDocument:
    """The signed report as a document to write as PDF or print."""
    label = _labels()
    return PrintedDocument(f"{label['title']} {document['customer']}",
                           lambda device, painter: _draw(device, painter, document, label))


def write_inspection_report_pdf(document: dict, path: str) -> str:
    """Write the signed report to ``path`` as a PDF of as many pages as it needs."""
    return write_pdf(inspection_report(document), path)


def _draw(device: QPagedPaintDevice, painter: QPainter, document: dict, label: dict[str, str]) -> None:
    indent = device.resolution() * 0.15
    page = PdfPage(device, painter)
    head = document["letterhead"]
    page.text(head["name"], page.font(17, bold=True), align=Qt.AlignHCenter)
    contact = "   ".join(f"{label[key]}：{head[key]}" for key in ("address", "hotline") if head[key])
    if contact:
        page.text(contact, page.font(9.5), align=Qt.AlignHCenter)
    page.text(label["title"], page.font(14, bold=True), align=Qt.AlignHCenter)
    if document.get("zone_note"):
        page.text(label["zone"].format(zone=document["zone_note"]), page.font(9))
    page.field(label["customer"], document["customer"])
    page.field(label["sites"], "；".join(document["sites"]))
    for key in ("done_on", "due_on", "engineer"):
        page.field(label[key], document[key])
    for machine in document["machines"]:
        page.text(label["machine"].format(line=machine["product_line"], model=machine["model"],
                                          serial=machine["serial_number"], version=machine["checklist_version"]),
                  page.font(11, bold=True))
        for item in machine["items"]:
            page.text(item_line(item, label), page.font(10), indent=indent)
    _section(page, label["adjustments"], document["adjustments"], label, indent)
    _section(page, label["recommendations"], [f"【{service.recommendation_label(r['category'])}】{r['text']}"
                                              for r in document["recommendations"]], label, indent)
    _section(page, label["faults"], [label["fault"].format(serial=f["serial_number"] or "—", text=f["text"],
                                                           number=f["ticket_number"])
                                     for f in document["faults"]], label, indent)
    page.text(label["signoff"], page.font(11, bold=True))
    page.field(label["signer"], document["signer_name"])
    page.field(label["signed_at"], document["signed_at"])
    image = QImage.fromData(document["signature_png"] or b"", "PNG")
    if not image.isNull():
        page.image(image, device.resolution() * 0.8)


def _section(page: PdfPage, title: str, lines: list[str], label: dict[str, str], indent: float) -> None:
    page.text(title, page.font(11, bold=True))
    for line in lines or [label["none"]]:
        page.text(line, page.font(10), indent=indent)
