"""Demo rows for the technical inspections: HQ's standard checklists; for every branch and partner
with field engineers, inspection schedules for some of its customers and this quarter's
inspections generated from them. Those already due are done, with results (a few points to
watch, a measurement out of range), adjustments and recommendations; the first two done in the
network found a fault that opened a ticket and are signed by the customer. Written through the
inspections' own rules as the engineer, so the demo's rows are ones a user could have made.
Deterministic for a seed."""

from __future__ import annotations

import math
import struct
import zlib
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import select

from app.auth.actor import SCOPE_SUBTREE, system_actor
from app.auth.models import User
from app.auth.roles import FIELD_ENGINEER
from app.auth.service import actor_for
from app.i18n import translate
from app.orgs.models import OrgUnit
from app.reports.period import Period
from app.signature_image import PNG_MAGIC
from app.specs import DemoContext
from plugins.customers.service import Asset, coverage_status, demo_customers
from plugins.visits.checklists import ensure_default_checklists
from plugins.visits.inspection_generation import generate_inspections as generate
from plugins.visits.inspection_models import Inspection, InspectionSchedule
from plugins.visits.inspection_queries import sheet_machines
from plugins.visits.inspection_schedules import add_months, create_schedule
from plugins.visits.inspections import (ResultInput, add_adjustment, add_recommendation, complete_inspection,
                                        record_results, report_fault, sign_inspection)
from plugins.visits.permissions import INSPECT, INSPECTIONS_PLAN
from plugins.visits.plan_rules import unit_today

SCHEDULED_SHARE = 0.4       # of a unit's customers with machines, under an inspection schedule
MAX_SCHEDULES_PER_UNIT = 12
SIGNED_WITH_FAULT = 2       # in the whole network
INTERVALS = ("quarterly", "quarterly", "half_yearly", "yearly")
ADJUSTMENTS = ("BMC 告警阈值由 35°C 调整为 32°C", "风扇策略调整为性能模式", "RAID 巡读周期调整为每周一次",
               "NTP 时间同步服务器改为客户内网地址")
RECOMMENDATIONS = (("upgrade", "BIOS 与 BMC 固件建议升级至最新推荐版本"),
                   ("replacement", "2 号电源模块老化，建议下次停机窗口更换"),
                   ("capacity", "存储池使用率接近告警线，建议半年内扩容"),
                   ("upgrade", "操作系统补丁落后两个版本，建议安排升级"))
FAULTS = ("巡检发现 3 号硬盘 SMART 预警，RAID 处于降级状态", "巡检发现 1 号电源模块无输出，单路供电运行")


def generate_inspections(demo: DemoContext) -> None:
    session = demo.session
    top = session.scalar(select(OrgUnit).where(OrgUnit.parent_id.is_(None))) or demo.org_units[0]
    ensure_default_checklists(session, top.id)  # reuses the ones here (at a branch: pulled from HQ)
    if demo.reference_only:
        return
    hook = demo.hook
    if hook is None:  # a DemoContext built by hand: ask a host loaded the usual way
        from app.plugins import get_plugin_manager

        hook = get_plugin_manager().hook
    planner = system_actor(top, frozenset({SCOPE_SUBTREE, INSPECTIONS_PLAN, INSPECT}))
    units = [u for u in demo.org_units if u.tier in ("branch", "partner")]
    signed = 0
    for index, unit in enumerate(units):
        if demo.cancelled():
            return
        if demo.users_with_role(FIELD_ENGINEER, unit.id):
            signed += _unit(demo, planner, unit, hook, SIGNED_WITH_FAULT - signed)
        demo.progress(translate("Visits", "Technical inspections"), (index + 1) / len(units))


def _unit(demo: DemoContext, planner, unit: OrgUnit, hook, to_sign: int) -> int:
    session, rng = demo.session, demo.rng
    if session.scalar(select(InspectionSchedule.id).where(InspectionSchedule.org_id == unit.id).limit(1)):
        return 0  # the demo ran here before: its schedules stay as they are
    today = unit_today(session, unit.id)
    quarter = Period.quarter_of(today)
    with_machines = set(session.scalars(select(Asset.customer_id).where(Asset.org_id == unit.id,
                                                                      Asset.deleted_at.is_(None))))
    customers = [c for c in demo_customers(session, unit.id) if c.id in with_machines]
    chosen = [c for c in customers if rng.random() < SCHEDULED_SHARE][:MAX_SCHEDULES_PER_UNIT]
    for number, customer in enumerate(chosen):
        interval = rng.choice(INTERVALS)
        past = number % 2 == 0  # half of them due by today, the rest later in the quarter
        span = (today - quarter.start).days if past else (quarter.last_day - today).days
        due = (quarter.start if past else today) + timedelta(days=rng.randrange(span + 1))
        starts_on = add_months(due, -{"quarterly": 3, "half_yearly": 6, "yearly": 12}[interval] * rng.randrange(3))
        create_schedule(session, planner, customer.id, interval=interval, starts_on=starts_on)
    generate(session, planner, unit.id, quarter.label)
    due_now = session.scalars(select(Inspection).where(
        Inspection.org_id == unit.id, Inspection.deleted_at.is_(None), Inspection.due_on >= quarter.start,
        Inspection.due_on <= today).order_by(Inspection.due_on, Inspection.id)).all()
    signed = 0
    for inspection in due_now:
        engineer = actor_for(session, session.get(User, inspection.engineer_id))
        if _inspect(demo, engineer, inspection, hook, fault=signed < to_sign):
            sign_inspection(session, engineer, inspection.id, signer_name=rng.choice(("王建国", "李红", "张伟")),
                            signature_png=signature_png(rng))
            signed += 1
    return signed


def _inspect(demo: DemoContext, engineer, inspection: Inspection, hook, fault: bool) -> bool:
    """Record the inspection; with ``fault``, a fault on a machine still under contract or warranty
    (a machine out of cover needs someone to decide how its case is handled). Whether one was found."""
    session, rng = demo.session, demo.rng
    machines = sheet_machines(session, inspection.id)
    results = [ResultInput(m.machine_id, item.item_id, *_result(rng, item)) for m in machines for item in m.items]
    record_results(session, engineer, inspection.id, results)
    if rng.random() < 0.5:
        add_adjustment(session, engineer, inspection.id, rng.choice(ADJUSTMENTS))
    category, text = rng.choice(RECOMMENDATIONS)
    add_recommendation(session, engineer, inspection.id, category, text)
    covered = [m for m in machines if coverage_status(session, engineer, m.asset_id).state in ("valid", "ending")]
    found = fault and bool(covered)
    if found:
        report_fault(session, engineer, inspection.id, asset_id=covered[0].asset_id, text=rng.choice(FAULTS),
                     priority=2, hook=hook)
    complete_inspection(session, engineer, inspection.id, inspection.due_on)
    return found


def _result(rng, item) -> tuple[str | None, str, str]:
    if item.kind == "measure":
        low = item.expected_min if item.expected_min is not None else Decimal(0)
        high = item.expected_max if item.expected_max is not None else low + 50
        if rng.random() < 0.1:  # out of range: judged "attention" by the rules
            return None, str(high + Decimal(rng.randrange(1, 6))), "超出建议范围，已告知客户"
        return None, str(low + (high - low) * Decimal(rng.randrange(30, 80)) / 100), ""
    roll = rng.random()
    if roll < 0.07:
        return "attention", "", "需关注，下次巡检复查"
    return "ok", "", ""


def signature_png(rng, width: int = 240, height: int = 80) -> bytes:
    """A drawn-looking signature as a grey PNG (the pad's image at a smaller size)."""
    pixels = bytearray(b"\xff" * (width * height))
    phase, amplitude = rng.random() * 6.0, rng.randrange(10, 22)
    for x in range(16, width - 16):
        y = int(height / 2 + amplitude * math.sin(x / 8 + phase) * math.cos(x / 31))
        for dy in (-1, 0, 1):
            pixels[(y + dy) * width + x] = 0x30
    raw = b"".join(b"\x00" + bytes(pixels[row * width:(row + 1) * width]) for row in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return PNG_MAGIC + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
