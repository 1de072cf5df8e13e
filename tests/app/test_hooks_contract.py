"""The calling conventions of the hooks between plugins, checked with small in-test plugins."""

import uuid
from datetime import datetime, timezone

from app.hookspecs import hookimpl
from app.plugins import get_plugin_manager
from app.reports.period import parse_period
from app.specs import DispatchCheck, PartLine, PartOutcome, PartsRequest, PartsUsage, RollupSection, UsedPart

NOW = datetime(2026, 11, 25, 8, 0, tzinfo=timezone.utc)


class Veto:
    @hookimpl
    def can_dispatch(self, session, check):
        return "no certificate for " + (check.product_line or "?")


class Allow:
    @hookimpl
    def can_dispatch(self, session, check):
        return None


class Stock:
    used = []

    @hookimpl
    def parts_requested(self, session, request):
        return [PartOutcome(line.part_number, line.quantity, True, "BJ-D1") for line in request.lines]

    @hookimpl
    def parts_used(self, session, usage):
        self.used.append(usage)

    @hookimpl
    def rollup_sections(self, ctx, period, org_code):
        return [RollupSection("Hit rate", ["Depot", "Hit rate"], [("BJ-D1", 0.9)])]


class Transcript:
    @hookimpl
    def passed_courses(self, session, engineer_id):
        from datetime import date

        from app.specs import CoursePass

        return [CoursePass("SRV-101", "服务器", "basic", date(2026, 3, 1), 86)]


def host_with(*plugins):
    host = get_plugin_manager(entry_points=[])
    host.pm.unregister(name="core")  # only the plugins under test answer
    for plugin in plugins:
        host.pm.register(plugin)
    return host


def test_can_dispatch_collects_every_veto():
    host = host_with(Veto(), Allow())
    check = DispatchCheck(uuid.uuid4(), uuid.uuid4(), "天阔服务器", NOW)
    answers = host.hook.can_dispatch(session=None, check=check)
    assert [a for a in answers if a] == ["no certificate for 天阔服务器"]


def test_parts_requested_is_answered_by_the_first_stock_keeper_and_none_without_one():
    request = PartsRequest(uuid.uuid4(), "BJ-202611-000001", uuid.uuid4(), (PartLine("DIMM-32G", 2),), None, NOW)
    assert host_with().hook.parts_requested(session=None, request=request) is None
    outcome = host_with(Stock()).hook.parts_requested(session=None, request=request)
    assert outcome == [PartOutcome("DIMM-32G", 2, True, "BJ-D1")]


def test_parts_used_and_rollup_sections_reach_the_plugin():
    stock = Stock()
    host = host_with(stock)
    usage = PartsUsage(uuid.uuid4(), "BJ-202611-000001", uuid.uuid4(),
                       (UsedPart("DIMM-32G", 1, "SN-NEW", "SN-OLD"),), None, NOW)
    host.hook.parts_used(session=None, usage=usage)
    assert stock.used[-1].lines[0].removed_serial == "SN-OLD"
    sections = [s for group in host.hook.rollup_sections(ctx=None, period=parse_period("2026Q3"), org_code=None) for s in group]
    assert sections[0].title == "Hit rate"


def test_migration_and_translation_locations_exist_for_every_built_in_plugin():
    from pathlib import Path

    host = get_plugin_manager()
    locations = [p for group in host.hook.migration_locations() for p in group]
    built_in = {"customers", "tickets", "inventory", "training", "certification", "visits"}
    assert {Path(p).parent.name for p in locations} == built_in and all(Path(p).is_dir() for p in locations)
    qm_files = [p for group in host.hook.translation_files(language="zh_CN") for p in group]
    assert len(qm_files) == len(built_in) + 1 and all(Path(p).is_file() for p in qm_files)


def test_passed_courses_are_joined_across_plugins():
    engineer = uuid.uuid4()
    answers = host_with(Transcript()).hook.passed_courses(session=None, engineer_id=engineer)
    assert [p.course_code for group in answers for p in group] == ["SRV-101"]
