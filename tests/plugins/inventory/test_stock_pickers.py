"""Picking from stock on both databases: the transfer dialog offers only what the sending depot has
on hand (quantities bounded, serials ticked among those in stock there), and the repair order's
choices (hook ``parts_for_repair``) are the ticket's reservation first, then the engineer's van
and the unit's depot, the places ``parts_used`` accepts a picked part from."""

import uuid
from datetime import datetime, timezone

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.errors import ValidationError
from app.ids import org_id_for_code
from app.specs import PartChoice, PartLine, PartsRequest, PartsUsage, RepairPartsRequest, UsedPart
from confirmations import answer_confirmation
from plugins.inventory import service
from plugins.inventory.models import SerialUnit
from plugins.inventory.views.transfer_dialog import TransferDialog

AUG = datetime(2026, 8, 10, 9, 0, tzinfo=timezone.utc)
HQ_TICKET = uuid.uuid4()


def reserve(ctx, org: str, ticket_id, lines) -> None:
    request = PartsRequest(ticket_id, f"{org}-T-{ticket_id.hex[:6]}", org_id_for_code(org),
                           tuple(PartLine(p, q) for p, q in lines), None, AUG)
    with ctx.transaction() as session:
        ctx.hook.parts_requested(session=session, request=request)


def test_the_transfer_dialog_offers_only_what_the_sending_depot_has_on_hand(qtbot, ctx, admin, stock):
    hq, bj = stock.depots["HQ-C"], stock.depots["BJ-D1"]
    with ctx.transaction() as session:
        service.receive(session, admin, hq, "HDD-2T", 4, serials=["S1", "S2", "S3", "S4"])
        service.receive(session, admin, hq, "DIMM-32G", 5)
        service.send_transfer(session, admin, hq, bj, "HDD-2T", 1, ["S4"])  # on its way: no longer on hand
    reserve(ctx, "HQ", HQ_TICKET, (("HDD-2T", 1),))  # one of the three disks left is promised to a ticket

    dialog = TransferDialog(ctx.signed_in(admin), hq)
    qtbot.addWidget(dialog)
    dialog.open()
    offered = [dialog.part.itemText(i) for i in range(dialog.part.count())]
    assert offered == ["DIMM-32G  32GB DDR4 内存条 · 5 available", "HDD-2T  2TB SAS 硬盘 · 2 available"]  # no MB-X1
    dialog.quantity.setValue(9)
    assert dialog.quantity.value() == 5 and not dialog.form.isRowVisible(dialog.serials)

    dialog.part.setCurrentIndex(1)
    serials = [dialog.serials.item(row) for row in range(dialog.serials.count())]
    assert [item.text() for item in serials] == ["S1", "S2", "S3"] and dialog.form.isRowVisible(dialog.serials)
    assert not dialog.quantity.isEnabled() and dialog.quantity.value() == 0  # the quantity follows the ticks
    dialog.ok_button.click()  # no unit ticked: said on the serials before any confirmation
    assert dialog.isVisible() and dialog.is_marked("serials") and "Tick the serial number" in dialog.message.text()
    serials[0].setCheckState(Qt.Checked)
    serials[2].setCheckState(Qt.Checked)
    assert dialog.quantity.value() == 2
    assert not serials[1].flags() & Qt.ItemIsEnabled  # two may go: the third cannot be ticked
    dialog.target.setCurrentIndex(dialog.target.findData(str(bj)))
    answer_confirmation()  # a sent transfer cannot be called back: asked first
    dialog.ok_button.click()
    assert dialog.message.text() == "" and not dialog.isVisible()
    with ctx.reading() as session:
        states = dict(session.execute(select(SerialUnit.serial, SerialUnit.state)).all())
        assert states == {"S1": "in_transit", "S2": "in_stock", "S3": "in_transit", "S4": "in_transit"}

    empty = TransferDialog(ctx.signed_in(admin), stock.depots["SH-D1"])
    qtbot.addWidget(empty)
    empty.open()
    assert [empty.part.itemText(i) for i in range(empty.part.count())] == ["Nothing on hand in this depot"]
    empty.ok_button.click()
    assert empty.is_marked("part") and empty.isVisible()


def test_the_repair_orders_choices_are_what_parts_used_accepts(ctx, admin, stock):
    bj = stock.depots["BJ-D1"]
    engineer = uuid.uuid4()
    with ctx.transaction() as session:
        van = service.create_depot(session, admin, org_code="BJ", code="BJ-VAN-7", name="随车", kind="van",
                                   engineer_id=engineer).id
        service.receive(session, admin, bj, "HDD-2T", 2, serials=["B1", "B2"])
        service.receive(session, admin, bj, "DIMM-32G", 4)
        service.receive(session, admin, van, "DIMM-32G", 1)
        service.receive(session, admin, stock.depots["SH-D1"], "DIMM-32G", 1)
    ticket = uuid.uuid4()
    reserve(ctx, "BJ", ticket, (("HDD-2T", 1),))
    request = RepairPartsRequest(ticket, "BJ-T-1", org_id_for_code("BJ"), engineer)
    with ctx.reading() as session:
        choices = ctx.hook.parts_for_repair(session=session, request=request)
    assert choices == [PartChoice("HDD-2T", "2TB SAS 硬盘", True, "BJ-D1", 2, reserved=1, serials=("B1", "B2")),
                       PartChoice("DIMM-32G", "32GB DDR4 内存条", False, "BJ-VAN-7", 1),
                       PartChoice("DIMM-32G", "32GB DDR4 内存条", False, "BJ-D1", 4)]

    def use(*lines):
        usage = PartsUsage(ticket, "BJ-T-1", org_id_for_code("BJ"), lines, None, AUG, engineer_id=engineer)
        with ctx.transaction() as session:
            ctx.hook.parts_used(session=session, usage=usage)

    with pytest.raises(ValidationError, match="SH-D1 does not serve"):  # another branch's depot
        use(UsedPart("DIMM-32G", 1, source_depot="SH-D1"))
    use(UsedPart("HDD-2T", 1, installed_serial="B2", removed_serial="OLD-1", source_depot="BJ-D1"),
        UsedPart("DIMM-32G", 1, source_depot="BJ-VAN-7"))
    with ctx.reading() as session:
        assert {r.part_number: r.on_hand for r in service.depot_balances(session, admin, van)} == {"DIMM-32G": 0}
        bj_rows = {r.part_number: (r.on_hand, r.reserved) for r in service.depot_balances(session, admin, bj)}
        assert bj_rows["HDD-2T"] == (1, 0) and bj_rows["DIMM-32G"] == (4, 0)
        assert ctx.hook.parts_for_repair(session=session, request=request) == [
            PartChoice("DIMM-32G", "32GB DDR4 内存条", False, "BJ-D1", 4),
            PartChoice("HDD-2T", "2TB SAS 硬盘", True, "BJ-D1", 1, serials=("B1",))]


def _balances(ctx, admin, depot) -> dict:
    with ctx.reading() as session:
        return {r.part_number: (r.on_hand, r.reserved) for r in service.depot_balances(session, admin, depot)}


def _use_refused(ctx, ticket, line: UsedPart) -> None:
    usage = PartsUsage(ticket, "BJ-T-1", org_id_for_code("BJ"), (line,), None, AUG, engineer_id=uuid.uuid4())
    with pytest.raises(ValidationError, match="does not serve"):
        with ctx.transaction() as session:
            ctx.hook.parts_used(session=session, usage=usage)


def test_a_depot_serves_a_ticket_only_for_the_part_it_holds_for_it_and_never_a_colleagues_van(ctx, admin, stock):
    """A crafted repair order cannot take stock the picker would not offer: another part from the
    depot that reserved one part, anything after the reservation was cancelled, a colleague's van."""
    hq = stock.depots["HQ-C"]
    with ctx.transaction() as session:
        service.receive(session, admin, hq, "HDD-2T", 1, serials=["H1"])
        service.receive(session, admin, hq, "DIMM-32G", 5)
        van = service.create_depot(session, admin, org_code="BJ", code="BJ-VAN-9", name="同事的随车备件", kind="van",
                                   engineer_id=uuid.uuid4()).id
        service.receive(session, admin, van, "DIMM-32G", 2)
    reserved_other = uuid.uuid4()
    reserve(ctx, "BJ", reserved_other, (("HDD-2T", 1),))  # BJ holds none: reserved at HQ-C
    _use_refused(ctx, reserved_other, UsedPart("DIMM-32G", 3, source_depot="HQ-C"))
    cancelled = uuid.uuid4()
    reserve(ctx, "BJ", cancelled, (("DIMM-32G", 1),))
    with ctx.transaction() as session:
        service.cancel_requests(session, admin, cancelled)
    _use_refused(ctx, cancelled, UsedPart("DIMM-32G", 4, source_depot="HQ-C"))
    _use_refused(ctx, uuid.uuid4(), UsedPart("DIMM-32G", 2, source_depot="BJ-VAN-9"))
    assert _balances(ctx, admin, hq)["DIMM-32G"] == (5, 0)
    assert _balances(ctx, admin, van)["DIMM-32G"] == (2, 0)
