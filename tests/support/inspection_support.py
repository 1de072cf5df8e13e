"""Helpers for the inspection tests: a branch team, customers with machines, a small checklist,
a schedule with one inspection due, and a real PNG signature."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from datetime import date

from app.ids import org_id_for_code
from app.reports.period import Period
from plugins.customers import service as customers
from plugins.visits import service
from plugins.visits.plan_rules import unit_today

BJ = org_id_for_code("BJ")
LINE = "机架式服务器"
ITEMS = [service.ItemSpec("电源模块冗余状态"), service.ItemSpec("硬盘 SMART 及 RAID 状态"),
         service.ItemSpec("机箱进风口温度", "measure", "°C", "18", "27")]


@dataclass
class Team:
    clerk: object
    manager: object
    engineer: object
    other_engineer: object
    analyst: object


def make_team(ctx, make_actor) -> Team:
    return Team(clerk=make_actor(ctx, "hot@BJ", roles=["hotline"]),
                manager=make_actor(ctx, "mgr@BJ", roles=["branch_manager"]),
                engineer=make_actor(ctx, "eng1@BJ", roles=["field_engineer"]),
                other_engineer=make_actor(ctx, "eng2@BJ", roles=["field_engineer"]),
                analyst=make_actor(ctx, "analyst@HQ", roles=["hq_analyst"]))


def today(ctx) -> date:
    with ctx.reading() as session:
        return unit_today(session, BJ)


def current_quarter(ctx) -> Period:
    return Period.quarter_of(today(ctx))


def publish(ctx, analyst, line: str = LINE, items=ITEMS):
    with ctx.transaction() as session:
        return service.publish_checklist(session, analyst, line, list(items)).id


def customer_with_machines(ctx, clerk, name: str, machines: list[tuple[str, str, date | None]]):
    """A customer of BJ with a site and ``machines`` as (serial, product line, contract end)."""
    with ctx.transaction() as session:
        customer = customers.create_customer(session, clerk, name=name, region="北京")
        site = customers.add_site(session, clerk, customer.id, name="主机房", address="北京市海淀区中关村大街 1 号")
        for serial, line, contract_end in machines:
            customers.create_asset(session, clerk, customer.id, serial_number=serial, product_line=line,
                                   model="I620-G30", site_id=site.id, contract_end=contract_end)
        return customer.id


def planned_inspection(ctx, team: Team, customer_id, starts_on: date | None = None):
    """A quarterly schedule starting today and the inspection it plans this quarter (its id)."""
    starts_on = starts_on or today(ctx)
    with ctx.transaction() as session:
        service.create_inspection_schedule(session, team.manager, customer_id, interval="quarterly",
                                           starts_on=starts_on, engineer_id=team.engineer.user_id)
        service.generate_inspections(session, team.manager, BJ, current_quarter(ctx).label)
    with ctx.reading() as session:
        lines = [line for line in service.inspection_lines(session, team.manager, current_quarter(ctx).label, BJ)
                 if line.due_on == starts_on]
    return lines[0].id


def sheet(ctx, actor, inspection_id):
    with ctx.reading() as session:
        return service.inspection_sheet(session, actor, inspection_id)


def all_ok(sheet_) -> list:
    """A result for every item: OK, and 23.5 for a measurement."""
    return [service.ResultInput(m.machine_id, item.item_id, "ok", "23.5" if item.kind == "measure" else "")
            for m in sheet_.machines for item in m.items]


def png_signature(width: int = 240, height: int = 80) -> bytes:
    rows = b"".join(b"\x00" + bytes(0x20 if abs(row - height // 2) < 2 else 0xFF for _ in range(width))
                    for row in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
