"""The printed repair order carries every character of its long fields, over as many pages as
they need: 3,000 distinct markers in the fault found, more in the symptom and the actions, and
two hundred part lines all come back out of the PDF's text."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from plugins.tickets import service


def pdf_text(path: str) -> tuple[str, int]:
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True).stdout
        return text, text.count("\f")
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        pytest.skip("no PDF text reader here: install poppler-utils (pdftotext)")
    document = QPdfDocument()
    document.load(path)
    pages = document.pageCount()
    return "\n".join(document.getAllText(page).text() for page in range(pages)), pages


def markers(prefix: str, count: int) -> list[str]:
    return [f"{prefix}{index:04d}Q" for index in range(count)]


def test_every_character_of_long_fields_is_printed(network, qapp, tmp_path):
    from plugins.tickets.views.repair_pdf import write_repair_order_pdf

    hook = network.hook()
    symptom, fault, actions = markers("S", 400), markers("F", 3000), markers("A", 600)
    parts = [service.PartUse(f"PN{index:04d}Q", 1, f"OLD{index:04d}", f"NEW{index:04d}") for index in range(200)]
    ticket_id = network.open_ticket()
    with network.ctx.transaction() as session:
        service.load_ticket(session, network.hotline, ticket_id).symptom = "\n".join(symptom)  # one per line
    network.drive_to(ticket_id, "on_site", hook)
    network.run("complete_repair", ticket_id, actor=network.engineer, fault_found=" ".join(fault),
                actions="更换电源模块并做满载测试。" * 300 + " ".join(actions), labour_minutes=90, hook=hook,
                parts=parts)
    network.run("sign_off", ticket_id, actor=network.engineer, signer_name="王建国", seal_confirmed=True)
    with network.ctx.reading() as session:
        document = service.repair_order_document(session, network.hotline, ticket_id)

    text, pages = pdf_text(write_repair_order_pdf(document, str(tmp_path / "long.pdf")))

    for prefix, expected in (("S", symptom), ("F", fault), ("A", actions)):
        assert set(re.findall(prefix + r"\d{4}Q", text)) == set(expected), prefix
    assert set(re.findall(r"PN\d{4}Q", text)) == {p.part_number for p in parts}
    assert set(re.findall(r"NEW\d{4}", text)) == {p.replacement_serial for p in parts}
    # Each page after the first starts with the report's running head: without it the pages join up.
    chinese = re.sub(r"\s", "", text).replace(f"{document['letterhead']['name']}·Repairorder{document['ticket_number']}",
                                              "")
    assert chinese.count("更换电源模块并做满载测试。") == 300
    assert pages > 5 and "王建国" in text and document["ticket_number"] in text
