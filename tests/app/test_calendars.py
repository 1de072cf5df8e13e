"""Calendars per org unit, inherited down the tree, on top of the national calendar; HQ's
overrides beat the shipped data; bad settings are refused with the field named, nothing saved."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from app.calendars import add_business_time, calendar_for
from app.calendars import service as calendars
from app.calendars.layers import INHERITED, NATIONAL, OWN, WEEKDAY
from app.calendars.national import OVERRIDE
from app.errors import PermissionDenied, ValidationError
from app.orgs.service import get_by_code, time_zone

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(*args) -> datetime:
    return datetime(*args, tzinfo=SHANGHAI)


def save(ctx, actor, code, setting):
    with ctx.transaction() as session:
        calendars.save_unit_calendar(session, actor, get_by_code(session, code), setting)


def clock_of(ctx, code):
    with ctx.reading() as session:
        return calendar_for(session, get_by_code(session, code))


def marks_of(ctx, code, year):
    with ctx.reading() as session:
        return calendars.layers_for(session, get_by_code(session, code)).marks(year)


def test_a_branch_holiday_and_the_national_calendar_both_apply_and_a_partner_inherits_both(ctx, admin):
    # Wed 12 Aug 2026: a regional holiday of BJ's; National Day 2026 comes from the shipped data.
    save(ctx, admin, "BJ", {"holidays": ["2026-08-12"]})
    for code in ("BJ", "BJ-P01"):
        clock = clock_of(ctx, code)
        assert add_business_time(at(2026, 8, 11, 17, 0), 2 * 3600, clock) == at(2026, 8, 13, 10, 0)
        assert add_business_time(at(2026, 9, 30, 17, 0), 2 * 3600, clock) == at(2026, 10, 8, 10, 0)
    sh = clock_of(ctx, "SH")  # BJ's own holiday is not Shanghai's
    assert add_business_time(at(2026, 8, 11, 17, 0), 2 * 3600, sh) == at(2026, 8, 12, 10, 0)

    partner = marks_of(ctx, "BJ-P01", 2026)
    assert (partner[date(2026, 8, 12)].source, partner[date(2026, 8, 12)].unit_code) == (INHERITED, "BJ")
    assert partner[date(2026, 10, 1)].source == NATIONAL and not partner[date(2026, 10, 1)].open
    assert partner[date(2026, 10, 10)].source == NATIONAL and partner[date(2026, 10, 10)].open  # make-up Saturday
    assert partner[date(2026, 8, 15)].source == WEEKDAY
    assert marks_of(ctx, "BJ", 2026)[date(2026, 8, 12)].source == OWN


def test_a_nearer_unit_keeps_its_own_hours_and_its_own_working_day_beats_a_holiday_above(ctx, admin):
    save(ctx, admin, "HQ", {"holidays": ["2026-11-20"], "timezone": "Asia/Urumqi"})
    save(ctx, admin, "BJ", {"hours": [["08:00", "12:00"], ["14:00", "17:00"]], "working_days": ["2026-11-20"]})
    save(ctx, admin, "BJ-P01", {"holidays": ["2026-11-23"]})  # own days only: hours and zone from above
    partner = clock_of(ctx, "BJ-P01")
    assert partner.hours == ((8 * 60, 12 * 60), (14 * 60, 17 * 60))
    assert partner.timezone == ZoneInfo("Asia/Urumqi")
    assert partner.is_working_day(date(2026, 11, 20)) and not partner.is_working_day(date(2026, 11, 23))
    assert not clock_of(ctx, "SH").is_working_day(date(2026, 11, 20))
    with ctx.reading() as session:  # times are shown in the zone the calendar counts in
        assert time_zone(session, get_by_code(session, "BJ-P01")) == ZoneInfo("Asia/Urumqi")


def test_an_older_setting_with_one_interval_is_still_read(ctx):
    with ctx.transaction() as session:
        get_by_code(session, "BJ").settings = {"calendar": {
            "mode": "business_hours", "days": [0, 1, 2, 3, 4, 5], "start": "08:30", "end": "17:30",
            "timezone": "Asia/Shanghai", "holidays": ["2026-11-16"]}}
    clock = clock_of(ctx, "BJ")
    assert clock.hours == ((8 * 60 + 30, 17 * 60 + 30),) and 5 in clock.weekdays
    assert not clock.is_working_day(date(2026, 11, 16))


def test_hq_override_beats_the_shipped_data(ctx, admin):
    # Shipped: Sat 11 Oct 2025 is a make-up working day, Wed 8 Oct a holiday. Say otherwise.
    with ctx.transaction() as session:
        calendars.save_national_days(session, admin, {date(2025, 10, 11): ("holiday", "国庆调整"),
                                                      date(2025, 10, 8): ("working", "")})
    clock = clock_of(ctx, "BJ")
    assert not clock.is_working_day(date(2025, 10, 11)) and clock.is_working_day(date(2025, 10, 8))
    assert marks_of(ctx, "BJ-P01", 2025)[date(2025, 10, 11)].source == OVERRIDE

    with ctx.transaction() as session:  # back to the shipped data
        calendars.save_national_days(session, admin, {date(2025, 10, 11): None})
    assert clock_of(ctx, "BJ").is_working_day(date(2025, 10, 11))
    assert marks_of(ctx, "BJ", 2025)[date(2025, 10, 11)].source == NATIONAL


def test_an_override_fills_a_year_the_shipped_data_does_not_cover(ctx, admin):
    from app.calendars.national import shipped_years

    year = shipped_years()[1] + 1
    with ctx.reading() as session:
        assert not calendars.national_calendar(session).covers(year)
    with ctx.transaction() as session:
        calendars.save_national_days(session, admin, {date(year, 10, 1): ("holiday", "国庆节")})
    with ctx.reading() as session:
        assert calendars.national_calendar(session).covers(year)
        assert calendars.national_year(session, year)[date(year, 10, 1)].name == "国庆节"
    assert not clock_of(ctx, "SH").is_working_day(date(year, 10, 1))


def test_only_hq_administrators_change_the_national_calendar(ctx, admin, make_actor):
    bj_admin = make_actor(ctx, "root@BJ", roles=["admin"])
    analyst = make_actor(ctx, "ana@HQ", roles=["hq_analyst"])
    for actor in (bj_admin, analyst):
        with ctx.transaction() as session, pytest.raises(PermissionDenied):
            calendars.save_national_days(session, actor, {date(2027, 1, 1): ("holiday", "元旦")})
    manager = make_actor(ctx, "boss@BJ", roles=["branch_manager"])
    with ctx.transaction() as session, pytest.raises(PermissionDenied):
        calendars.save_unit_calendar(session, manager, get_by_code(session, "BJ"), {"holidays": ["2026-08-12"]})


BAD_SETTINGS = [
    ({"holidays": ["2026-08-12"], "working_days": ["2026-08-12"]}, "holidays",
     "both as a holiday and as a working day"),
    ({"hours": [["09:00", "12:30"], ["12:00", "18:00"]]}, "hours", "overlap"),
    ({"hours": [["18:00", "09:00"]]}, "hours", "before it starts"),
    ({"hours": [["9h", "18:00"]]}, "hours", "not a time of day"),
    ({"hours": []}, "hours", "at least one interval"),
    ({"days": []}, "days", "at least one working weekday"),
    ({"timezone": "Mars/Olympus"}, "timezone", "Unknown time zone"),
    ({"holidays": ["2026-02-30"]}, "holidays", "not a date"),
]


def test_a_bad_setting_is_refused_naming_the_field_and_nothing_is_saved(ctx, admin):
    save(ctx, admin, "BJ", {"holidays": ["2026-08-12"]})
    for setting, field, words in BAD_SETTINGS:
        with ctx.transaction() as session, pytest.raises(ValidationError) as refused:
            calendars.save_unit_calendar(session, admin, get_by_code(session, "BJ"), setting)
        assert refused.value.field == field and words in str(refused.value), setting
    with ctx.reading() as session:
        assert get_by_code(session, "BJ").settings["calendar"] == {"holidays": ["2026-08-12"], "working_days": []}


def test_inheriting_everything_removes_the_units_own_calendar(ctx, admin):
    save(ctx, admin, "BJ", {"mode": "24x7"})
    assert clock_of(ctx, "BJ").always_open
    save(ctx, admin, "BJ", None)
    with ctx.reading() as session:
        assert "calendar" not in get_by_code(session, "BJ").settings
    assert not clock_of(ctx, "BJ").always_open
