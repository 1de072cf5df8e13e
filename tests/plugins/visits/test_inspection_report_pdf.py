"""The inspection report PDF carries the letterhead, the customer, every checklist item with its
result and the findings with their ticket numbers, read back out of the PDF; a re-print after the
registry changed shows the report as it was signed."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from app.orgs.service import get_by_code
from inspection_support import (ITEMS, LINE, all_ok, customer_with_machines, make_team, planned_inspection,
                                png_signature, publish, sheet, today)
from plugins.customers import service as customers
from plugins.visits import service

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")


def pdf_text(path: str) -> str:
    return subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True).stdout


def signed_inspection(ctx, team, customer_name: str = "北京协和医院"):
    with ctx.transaction() as session:
        get_by_code(session, "BJ").settings = {"address": "北京市朝阳区建国路 88 号", "hotline": "400-810-8888"}
    customer = customer_with_machines(ctx, team.clerk, customer_name, [("SN-PDF1", LINE, None),
                                                                       ("SN-PDF2", LINE, None)])
    inspection = planned_inspection(ctx, team, customer)
    current = sheet(ctx, team.engineer, inspection)
    results = all_ok(current)
    results[-1] = service.ResultInput(results[-1].machine_id, results[-1].item_id, None, "31.5", "进风口有遮挡")
    with ctx.transaction() as session:
        service.record_inspection_results(session, team.engineer, inspection, results)
        service.add_inspection_adjustment(session, team.engineer, inspection, "BMC告警阈值调整为32度")
        service.add_inspection_recommendation(session, team.engineer, inspection, "capacity", "建议半年内扩容存储")
        fault = service.report_inspection_fault(session, team.engineer, inspection,
                                                asset_id=current.machines[0].asset_id, text="三号硬盘SMART预警",
                                                hook=ctx.hook)
        service.complete_inspection(session, team.engineer, inspection, today(ctx))
        service.sign_inspection(session, team.engineer, inspection, signer_name="王建国", signature_png=png_signature())
    return customer, inspection, fault.ticket_number


def test_the_report_shows_customer_items_and_findings_and_reprints_as_signed(ctx, make_actor, qapp, tmp_path):
    from plugins.visits.views.inspection_pdf import write_inspection_report_pdf

    team = make_team(ctx, make_actor)
    publish(ctx, team.analyst)
    customer, inspection, ticket_number = signed_inspection(ctx, team)
    with ctx.reading() as session:
        document = service.inspection_report_document(session, team.manager, inspection)
    text = pdf_text(write_inspection_report_pdf(document, str(tmp_path / "report.pdf")))
    squeezed = "".join(text.split())
    for expected in ("北京分公司", "北京市朝阳区建国路88号", "400-810-8888", "北京协和医院", "SN-PDF1", "SN-PDF2",
                     "BMC告警阈值调整为32度", "建议半年内扩容存储", "三号硬盘SMART预警", ticket_number, "王建国",
                     "31.5°C", "进风口有遮挡", "eng1", today(ctx).isoformat()):
        assert expected in squeezed, expected
    for item in ITEMS:
        assert squeezed.count("".join(item.text.split())) == 2, item.text  # on each of the two machines
    assert "Attention" in text and "Capacity" in text

    with ctx.transaction() as session:  # the registry moves on; the signed report does not
        customers.update_customer(session, team.clerk, customer, name="北京协和医院（新院区）")
    with ctx.reading() as session:
        again = service.inspection_report_document(session, team.manager, inspection)
    assert again == document
    reprinted = "".join(pdf_text(write_inspection_report_pdf(again, str(tmp_path / "again.pdf"))).split())
    assert "新院区" not in reprinted and "北京协和医院" in reprinted
