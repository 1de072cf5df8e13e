"""Due times on a business-hours calendar (Mon–Fri 09:00–18:00, Asia/Shanghai, as every unit
gets by default) around the official holidays and make-up working days, with no hand
configuration: opened before, during and after each holiday, and on a make-up working day.

Sources of the expected dates:
- 2025: 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号): Spring Festival
  Jan 28–Feb 4 off, Sun Jan 26 and Sat Feb 8 working; Labour Day May 1–5 off, Sun Apr 27
  working; National Day and Mid-Autumn Oct 1–8 off, Sun Sep 28 and Sat Oct 11 working.
- 2026: 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号), as the shipped
  chinese-calendar data carries it and checked against the notice: Spring Festival Feb 15–23
  off, Sat Feb 14 and Sat Feb 28 working; Labour Day May 1–5 off, Sat May 9 working;
  Mid-Autumn Sep 25–27 off; National Day Oct 1–7 off, Sun Sep 20 and Sat Oct 10 working.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from app.calendars import add_business_time, business_seconds_between, calendar_for
from app.orgs.service import get_by_code

SHANGHAI = ZoneInfo("Asia/Shanghai")
HOUR = 3600


def at(*args) -> datetime:
    return datetime(*args, tzinfo=SHANGHAI)


@pytest.fixture
def office(ctx):
    """BJ's clock, all defaults: the product's business hours and the national calendar."""
    with ctx.reading() as session:
        return calendar_for(session, get_by_code(session, "BJ"))


def due(calendar, opened: datetime, hours: float) -> datetime:
    return add_business_time(opened, hours * HOUR, calendar).astimezone(SHANGHAI)


def test_spring_festival_2025(office):
    assert due(office, at(2025, 1, 27, 16, 0), 4) == at(2025, 2, 5, 11, 0)  # before: 2 h, then Wed 5 Feb
    assert due(office, at(2025, 1, 31, 10, 0), 4) == at(2025, 2, 5, 13, 0)  # during: the clock starts on 5 Feb
    assert due(office, at(2025, 1, 26, 10, 0), 9) == at(2025, 1, 27, 10, 0)  # on make-up Sunday 26 Jan
    assert due(office, at(2025, 2, 7, 17, 0), 2) == at(2025, 2, 8, 10, 0)  # after: make-up Saturday 8 Feb counts
    assert due(office, at(2025, 2, 8, 10, 0), 16) == at(2025, 2, 10, 17, 0)  # on make-up Saturday 8 Feb
    assert business_seconds_between(at(2025, 1, 27, 16, 0), at(2025, 2, 5, 10, 0), office) == 3 * HOUR


def test_labour_day_2025(office):
    assert due(office, at(2025, 4, 30, 15, 0), 4) == at(2025, 5, 6, 10, 0)  # before
    assert due(office, at(2025, 5, 3, 12, 0), 1) == at(2025, 5, 6, 10, 0)  # during
    assert due(office, at(2025, 5, 6, 17, 30), 1) == at(2025, 5, 7, 9, 30)  # after
    assert due(office, at(2025, 4, 27, 17, 0), 2) == at(2025, 4, 28, 10, 0)  # on make-up Sunday 27 Apr


def test_national_day_2025(office):
    assert due(office, at(2025, 9, 28, 9, 0), 8) == at(2025, 9, 28, 17, 0)  # on make-up Sunday 28 Sep
    assert due(office, at(2025, 9, 30, 14, 0), 8) == at(2025, 10, 9, 13, 0)  # before: Oct 1–8 off
    assert due(office, at(2025, 10, 1, 10, 0), 4) == at(2025, 10, 9, 13, 0)  # during
    assert due(office, at(2025, 10, 10, 16, 0), 4) == at(2025, 10, 11, 11, 0)  # after: make-up Saturday 11 Oct
    assert due(office, at(2025, 10, 11, 17, 0), 2) == at(2025, 10, 13, 10, 0)  # on make-up Saturday 11 Oct
    # Opened on 1 October, looked at on 2 October: no open time has passed, so nothing is late.
    assert business_seconds_between(at(2025, 10, 1, 10, 0), at(2025, 10, 2, 18, 0), office) == 0


def test_spring_festival_2026(office):
    assert due(office, at(2026, 2, 13, 17, 0), 2) == at(2026, 2, 14, 10, 0)  # before: make-up Saturday 14 Feb
    assert due(office, at(2026, 2, 14, 10, 0), 9) == at(2026, 2, 24, 10, 0)  # on make-up Saturday, then Feb 15–23 off
    assert due(office, at(2026, 2, 18, 11, 0), 4) == at(2026, 2, 24, 13, 0)  # during
    assert due(office, at(2026, 2, 27, 16, 0), 4) == at(2026, 2, 28, 11, 0)  # after: make-up Saturday 28 Feb


def test_labour_day_2026(office):
    assert due(office, at(2026, 4, 30, 16, 0), 4) == at(2026, 5, 6, 11, 0)  # before: May 1–5 off
    assert due(office, at(2026, 5, 4, 9, 0), 1) == at(2026, 5, 6, 10, 0)  # during
    assert due(office, at(2026, 5, 8, 17, 0), 2) == at(2026, 5, 9, 10, 0)  # after: make-up Saturday 9 May
    assert due(office, at(2026, 5, 9, 16, 0), 4) == at(2026, 5, 11, 11, 0)  # on make-up Saturday 9 May


def test_mid_autumn_and_national_day_2026(office):
    assert due(office, at(2026, 9, 20, 17, 0), 2) == at(2026, 9, 21, 10, 0)  # on make-up Sunday 20 Sep
    assert due(office, at(2026, 9, 24, 17, 0), 2) == at(2026, 9, 28, 10, 0)  # Mid-Autumn: Fri 25 Sep off
    assert due(office, at(2026, 9, 30, 15, 0), 4) == at(2026, 10, 8, 10, 0)  # before: Oct 1–7 off
    assert due(office, at(2026, 10, 1, 10, 0), 4) == at(2026, 10, 8, 13, 0)  # during
    assert due(office, at(2026, 10, 9, 17, 0), 2) == at(2026, 10, 10, 10, 0)  # after: make-up Saturday 10 Oct
    assert due(office, at(2026, 10, 10, 17, 0), 2) == at(2026, 10, 12, 10, 0)  # on make-up Saturday 10 Oct


def test_two_intervals_a_day_around_national_day_2025(ctx, admin):
    from app.calendars import service as calendars

    with ctx.transaction() as session:
        calendars.save_unit_calendar(session, admin, get_by_code(session, "BJ"),
                                     {"hours": [["09:00", "12:00"], ["13:30", "18:00"]]})
    with ctx.reading() as session:
        calendar = calendar_for(session, get_by_code(session, "BJ"))
    assert due(calendar, at(2025, 9, 30, 11, 0), 4) == at(2025, 9, 30, 16, 30)  # lunch left out
    assert due(calendar, at(2025, 9, 30, 11, 0), 8) == at(2025, 10, 9, 11, 30)  # 5.5 h, holiday, 2.5 h
    assert due(calendar, at(2025, 10, 11, 12, 15), 1) == at(2025, 10, 11, 14, 30)  # make-up Saturday, at lunch
    assert business_seconds_between(at(2025, 9, 30, 11, 0), at(2025, 10, 9, 11, 30), calendar) == 8 * HOUR
