"""Recording an inspection: results, findings, a fault that opens a ticket through the real
tickets plugin, completion and the customer's signature. Every bad input is refused with a
clear message and nothing saved; a signed inspection never changes."""

from __future__ import annotations

import uuid
from datetime import date, datetime

import pytest
from sqlalchemy import Uuid, bindparam, text

from app.db.append_only import AppendOnlyRefused
from app.errors import ValidationError
from inspection_support import (ITEMS, LINE, all_ok, customer_with_machines, make_team, planned_inspection,
                                png_signature, publish, sheet, today)
from plugins.visits import service


@pytest.fixture
def setup(ctx, make_actor):
    team = make_team(ctx, make_actor)
    publish(ctx, team.analyst)
    customer = customer_with_machines(ctx, team.clerk, "协和医院", [("SN-A1", LINE, None), ("SN-A2", LINE, None)])
    return team, planned_inspection(ctx, team, customer)


def count(ctx, table: str) -> int:
    with ctx.reading() as session:
        return session.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar()


def refused(ctx, operation, *args, **kwargs) -> ValidationError:
    with ctx.transaction() as session, pytest.raises(ValidationError) as caught:
        operation(session, *args, **kwargs)
    return caught.value


def test_bad_results_are_refused_with_nothing_saved(ctx, setup):
    team, inspection = setup
    current = sheet(ctx, team.engineer, inspection)
    machine = current.machines[0]
    check, measure = machine.items[0], machine.items[2]
    good = service.ResultInput(machine.machine_id, check.item_id, "ok")
    other_version = publish(ctx, team.analyst, items=[service.ItemSpec("风扇运行状态")])
    with ctx.reading() as session:
        foreign_item = service.checklist_items(session, team.engineer, other_version)[0].id
    cases = [
        ([good, service.ResultInput(machine.machine_id, foreign_item, "ok")], "no such item"),
        ([good, service.ResultInput(uuid.uuid4(), check.item_id, "ok")], "no such item"),
        ([good, service.ResultInput(machine.machine_id, measure.item_id, "ok", "三十")], "is not a number"),
        ([good, service.ResultInput(machine.machine_id, measure.item_id, None, "")], "enter the measured value"),
        ([good, service.ResultInput(machine.machine_id, check.item_id, "ok", "12")], "has no measured value"),
        ([service.ResultInput(machine.machine_id, check.item_id, "broken")], "choose OK, attention or fault"),
        ([good, service.ResultInput(machine.machine_id, measure.item_id, None, "27.0004")], "more than 3 decimal"),
        ([good, service.ResultInput(machine.machine_id, measure.item_id, None, "999999999.9996")], "too large"),
    ]
    for results, message in cases:
        error = refused(ctx, service.record_inspection_results, team.engineer, inspection, results)
        assert message in str(error) and error.field == "results", message
    assert "SN-A1" in str(refused(ctx, service.record_inspection_results, team.engineer, inspection, cases[2][0]))
    assert count(ctx, "visits_inspection_results") == 0


def test_a_measurement_is_judged_by_its_range_and_corrections_are_new_rows(ctx, setup):
    team, inspection = setup
    machine = sheet(ctx, team.engineer, inspection).machines[0]
    measure = machine.items[2]
    with ctx.transaction() as session:
        service.record_inspection_results(session, team.engineer, inspection, [
            service.ResultInput(machine.machine_id, measure.item_id, None, "35")])
    assert sheet(ctx, team.engineer, inspection).machines[0].items[2].outcome == "attention"
    with ctx.transaction() as session:
        assert service.record_inspection_results(session, team.engineer, inspection, [
            service.ResultInput(machine.machine_id, measure.item_id, None, "24,5", "复测")]) == 1
        assert service.record_inspection_results(session, team.engineer, inspection, [
            service.ResultInput(machine.machine_id, measure.item_id, "ok", "24.5", "复测")]) == 0  # unchanged
    corrected = sheet(ctx, team.engineer, inspection).machines[0].items[2]
    assert (corrected.outcome, service.measure_text(corrected.measured), corrected.note) == ("ok", "24.5", "复测")
    assert count(ctx, "visits_inspection_results") == 2
    with ctx.transaction() as session, pytest.raises(AppendOnlyRefused):
        session.execute(text("UPDATE visits_inspection_results SET outcome = 'fault'"))


def test_completing_and_signing_need_every_result(ctx, setup):
    team, inspection = setup
    current = sheet(ctx, team.engineer, inspection)
    partial = all_ok(current)[:-1]
    with ctx.transaction() as session:
        service.record_inspection_results(session, team.engineer, inspection, partial)
    for wrong_day, message in ((datetime.now(), "is a day"), (date(1901, 1, 1), "before its schedule starts")):
        assert message in str(refused(ctx, service.complete_inspection, team.engineer, inspection, wrong_day))
    error = refused(ctx, service.complete_inspection, team.engineer, inspection, today(ctx))
    assert "1 checklist items have no result yet" in str(error) and "SN-A2" in str(error) and ITEMS[2].text in \
        str(error)
    error = refused(ctx, service.sign_inspection, team.engineer, inspection, signer_name="王建国",
                    signature_png=png_signature())
    assert "cannot sign yet" in str(error)
    error = refused(ctx, service.inspection_report_document, team.engineer, inspection)
    assert "not signed yet" in str(error)
    assert sheet(ctx, team.engineer, inspection).state == "planned"


def test_a_fault_found_opens_a_ticket_and_a_signed_inspection_never_changes(ctx, setup):
    team, inspection = setup
    current = sheet(ctx, team.engineer, inspection)
    asset = current.machines[1].asset_id
    with ctx.transaction() as session:
        service.record_inspection_results(session, team.engineer, inspection, all_ok(current))
        service.add_inspection_adjustment(session, team.engineer, inspection, "风扇策略调整为性能模式")
        wrong = service.add_inspection_recommendation(session, team.engineer, inspection, "upgrade", "写错了")
        service.add_inspection_recommendation(session, team.engineer, inspection, "capacity", "建议半年内扩容")
        service.withdraw_inspection_finding(session, team.engineer, inspection, wrong.id)
        fault = service.report_inspection_fault(session, team.engineer, inspection, asset_id=asset,
                                                text="2 号电源模块无输出", hook=ctx.hook)
        service.complete_inspection(session, team.engineer, inspection, today(ctx))
    with ctx.reading() as session:  # the tickets plugin's own row, read back with plain SQL
        ticket = session.execute(text("SELECT number, category, serial_number, channel FROM tickets_tickets "
                                      "WHERE id = :id AND customer_id = :customer").bindparams(
            bindparam("id", type_=Uuid()), bindparam("customer", type_=Uuid())),
            {"id": fault.ticket_id, "customer": current.customer_id}).one()
    assert tuple(ticket) == (fault.ticket_number, "fault", "SN-A2", "on_site")
    findings = sheet(ctx, team.engineer, inspection).findings
    assert [(f.kind, f.text, f.ticket_number) for f in findings] == [
        ("adjustment", "风扇策略调整为性能模式", ""), ("recommendation", "建议半年内扩容", ""),
        ("fault", "2 号电源模块无输出", fault.ticket_number)]
    assert "stays on the inspection" in str(refused(ctx, service.withdraw_inspection_finding, team.engineer,
                                                    inspection, fault.id))
    assert "signature is required" in str(refused(ctx, service.sign_inspection, team.engineer, inspection,
                                                  signer_name="王建国", signature_png=None))
    assert "damaged" in str(refused(ctx, service.sign_inspection, team.engineer, inspection, signer_name="王建国",
                                    signature_png=b"\x89PNG\r\n\x1a\n"))
    with ctx.transaction() as session:
        service.sign_inspection(session, team.engineer, inspection, signer_name="王建国",
                                signature_png=png_signature())
    machine = current.machines[0]
    signed_rows = (count(ctx, "visits_inspection_results"), count(ctx, "visits_inspection_findings"))
    changes = [
        (service.record_inspection_results, [service.ResultInput(machine.machine_id, machine.items[0].item_id,
                                                                 "fault")]),
        (service.add_inspection_adjustment, "再调一次"),
        (service.complete_inspection, today(ctx)),
    ]
    for operation, argument in changes:
        assert "signed by the customer" in str(refused(ctx, operation, team.engineer, inspection, argument))
    assert "signed by the customer" in str(refused(ctx, service.assign_inspection, team.manager, inspection,
                                                   team.other_engineer.user_id))
    assert "signed by the customer" in str(refused(ctx, service.report_inspection_fault, team.engineer, inspection,
                                                   asset_id=asset, text="又一个", hook=ctx.hook))
    assert (count(ctx, "visits_inspection_results"), count(ctx, "visits_inspection_findings")) == signed_rows
    with ctx.reading() as session:
        report = service.inspection_report_document(session, team.manager, inspection)
    assert report["faults"] == [{"serial_number": "SN-A2", "text": "2 号电源模块无输出",
                                 "ticket_number": fault.ticket_number}]
    assert report["signer_name"] == "王建国" and report["signature_png"] == png_signature()


def test_a_report_changed_behind_the_programs_back_is_not_printed(ctx, setup):
    team, inspection = setup
    with ctx.transaction() as session:
        service.record_inspection_results(session, team.engineer, inspection, all_ok(sheet(ctx, team.engineer,
                                                                                         inspection)))
        service.complete_inspection(session, team.engineer, inspection, today(ctx))
        service.sign_inspection(session, team.engineer, inspection, signer_name="王建国",
                                signature_png=png_signature())
    with ctx.transaction() as session:
        session.execute(text("UPDATE visits_inspections SET signer_name = 'x', signature_png = :png"),
                        {"png": png_signature(200, 60)})
    assert "no longer matches" in str(refused(ctx, service.inspection_report_document, team.manager, inspection))
