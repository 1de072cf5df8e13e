"""Response-time arithmetic: business hours skip nights, weekends and HQ holidays; waiting for
the customer stops the clock; 75 % warnings and breaches are recorded once per target."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app.orgs.service import get_by_code
from plugins.customers import service as registry
from plugins.tickets import service
from plugins.tickets.domain import sla
from app.calendars import add_business_time, business_seconds_between, calendar_for, calendar_from_setting
from plugins.tickets.models import Ticket, TicketEvent

SHANGHAI = ZoneInfo("Asia/Shanghai")
OFFICE = {"mode": "business_hours", "days": [0, 1, 2, 3, 4], "start": "09:00", "end": "18:00",
          "timezone": "Asia/Shanghai", "holidays": ["2026-10-05"]}


def local(*args):
    return datetime(*args, tzinfo=SHANGHAI)


def test_business_time_skips_the_evening_the_weekend_and_a_holiday():
    calendar = calendar_from_setting(OFFICE)
    friday_5pm = local(2026, 10, 2, 17, 0)
    # 1 h left on Friday; Saturday, Sunday and the Monday holiday are closed; 1 h more on Tuesday.
    due = add_business_time(friday_5pm, 2 * 3600, calendar)
    assert due == local(2026, 10, 6, 10, 0)
    assert business_seconds_between(friday_5pm, due, calendar) == 2 * 3600
    # Opened on Saturday night: the clock starts on Tuesday at nine.
    assert add_business_time(local(2026, 10, 3, 22, 0), 30 * 60, calendar) == local(2026, 10, 6, 9, 30)
    assert business_seconds_between(local(2026, 10, 3, 8, 0), local(2026, 10, 5, 23, 0), calendar) == 0
    always = calendar.with_mode("24x7")
    assert add_business_time(friday_5pm, 2 * 3600, always) == local(2026, 10, 2, 19, 0)


def test_hq_holidays_reach_a_branch_with_its_own_hours(ctx, admin):
    with ctx.transaction() as session:
        hq, bj = get_by_code(session, "HQ"), get_by_code(session, "BJ")
        hq.settings = {"calendar": dict(OFFICE, holidays=["2026-11-12", "2026-11-13"])}
        bj.settings = {"calendar": {"mode": "business_hours", "days": [0, 1, 2, 3, 4, 5], "start": "08:00",
                                    "end": "17:00", "timezone": "Asia/Shanghai", "holidays": ["2026-11-16"]}}
    with ctx.reading() as session:
        calendar = calendar_for(session, get_by_code(session, "BJ"))
        # Thursday 12 Nov is an HQ holiday, Sat 14 Nov a BJ working day, Mon 16 Nov a BJ holiday
        # (November: no national holiday in the way; the national days are tested in tests/app/test_calendars*).
        assert {date(2026, 11, 12), date(2026, 11, 13), date(2026, 11, 16)} <= calendar.holidays
        assert add_business_time(local(2026, 11, 12, 9, 0), 3600, calendar) == local(2026, 11, 14, 9, 0)


def events_of(ctx, ticket_id, kind):
    with ctx.reading() as session:
        return [service.event_text(e) for e in session.scalars(
            select(TicketEvent).where(TicketEvent.ticket_id == ticket_id, TicketEvent.kind == kind))]


def test_waiting_for_the_customer_is_left_out_of_the_clock(network, clock):
    start = clock.now
    ticket_id = network.open_ticket()  # 7×24: response 30 min, on site 4 h, resolution 24 h
    clock.advance(minutes=10)
    network.run("start_diagnosis", ticket_id)
    clock.advance(minutes=10)
    network.run("wait_for_customer", ticket_id, "客户需要先备份数据")
    clock.advance(hours=5)  # longer than the 4 h on-site target: must not count
    with network.ctx.transaction() as session:
        assert sla.sweep(session, clock.now) == 0
    network.run("resume", ticket_id, "客户已备份")
    with network.ctx.reading() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket.paused_seconds == 5 * 3600
        assert ticket.onsite_due_at == start + timedelta(hours=4 + 5)
        assert ticket.resolution_due_at == start + timedelta(hours=24 + 5)
        assert sla.elapsed_seconds(ticket, clock.now, sla.ticket_calendar(session, ticket)) == 20 * 60
    assert events_of(network.ctx, ticket_id, "sla_breach") == []


def test_warning_at_75_percent_and_breach_at_100_are_recorded_once(network, clock):
    ticket_id = network.open_ticket()
    ctx = network.ctx

    def sweep_at(minutes):
        clock.now = start + timedelta(minutes=minutes)
        with ctx.transaction() as session:
            return sla.sweep(session, clock.now)

    start = clock.now
    assert sweep_at(20) == 0
    assert sweep_at(23) == 1  # 23 of 30 minutes: first-response warning
    assert sweep_at(24) == 0
    assert sweep_at(31) == 1  # first response breached
    assert sweep_at(32) == 0
    network.run("add_note", ticket_id, "客户电话无人接听")  # a change re-checks too, without repeats
    assert sweep_at(180) == 1  # 3 of 4 hours: on-site warning
    assert sweep_at(240) == 1 and sweep_at(300) == 0
    assert len(events_of(ctx, ticket_id, "sla_warning")) == 2
    assert len(events_of(ctx, ticket_id, "sla_breach")) == 2
    with ctx.reading() as session:
        assert service.list_page(session, network.hotline, service.TicketFilter(breached=True))[0].id == ticket_id
        assert service.list_count(session, network.hotline, service.TicketFilter(breached=False)) == 0


def test_a_target_met_in_time_records_nothing_and_stops_being_checked(network, clock):
    ticket_id = network.open_ticket()
    clock.advance(minutes=5)
    network.run("start_diagnosis", ticket_id)
    clock.advance(minutes=60)
    network.run("resolve_remotely", ticket_id, "指导客户重新插拔电源线后恢复")
    with network.ctx.transaction() as session:
        assert sla.sweep(session, clock.now + timedelta(days=3)) == 0
        ticket = session.get(Ticket, ticket_id)
        assert ticket.next_sla_check_at is None and not ticket.breached
        assert ticket.responded_at == clock.now - timedelta(minutes=60)


def test_business_hours_package_due_times_follow_the_calendar(network, clock):
    with network.ctx.transaction() as session:
        get_by_code(session, "HQ").settings = {"calendar": OFFICE}
        customer = registry.create_customer(session, network.hotline, name="北京工商银行")
        registry.create_asset(session, network.hotline, customer.id, serial_number="SN-5X8", product_line="存储",
                              model="DS600-G35", package_code="5X8-NBD")
    clock.now = local(2026, 11, 6, 17, 30).astimezone(timezone.utc)  # Friday 17:30
    with network.ctx.transaction() as session:
        ticket = service.create_ticket(session, network.hotline, customer_id=customer.id, symptom="存储控制器告警",
                                       serial_number="SN-5X8")
        # 2 business hours: 30 min on Friday, 90 min on Monday.
        assert ticket.response_due_at == local(2026, 11, 9, 10, 30)
        assert ticket.onsite_due_at == local(2026, 11, 9, 17, 30)  # 9 business hours: the next business day


def test_the_sla_command_runs_the_sweep(network, clock, capsys):
    from plugins.tickets.cli import sweep_command

    ticket_id = network.open_ticket()
    clock.advance(minutes=40)
    assert sweep_command(None, network.ctx) == 0
    assert capsys.readouterr().out.startswith("1 ")
    assert len(events_of(network.ctx, ticket_id, "sla_breach")) == 1
    assert sweep_command(None, network.ctx) == 0
    assert capsys.readouterr().out.startswith("0 ")


def test_a_cancelled_ticket_leaves_the_clock_and_the_sweep(network, clock):
    ticket_id = network.open_ticket()
    network.run("cancel", ticket_id, "客户重复报修")
    with network.ctx.transaction() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket.next_sla_check_at is None and ticket.next_due_at is None
        assert sla.sweep(session, clock.now + timedelta(days=2)) == 0
    assert events_of(network.ctx, ticket_id, "sla_breach") == []
