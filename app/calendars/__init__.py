"""Calendars: when an org unit is open, and clock arithmetic over it (no Qt).

    clock.py          Calendar: weekdays, intervals a day, days off and make-up working days, zone
    business_time.py  add_business_time, business_seconds_between
    setting.py        a unit's own ``calendar`` setting: read (older forms too), checked, serialised
    national.py       the PRC's public holidays and make-up working days (shipped), HQ's overrides on top
    layers.py         national + every unit from HQ down = the effective calendar, and who marked which day
    models.py         HQ's override rows (synced down to every node)
    excel.py          HQ's override sheet (date, kind, name)
    service.py        THE DOOR: calendar_for, the editor's reads and saves, HQ's national days
"""

from app.calendars.business_time import add_business_time, business_seconds_between
from app.calendars.clock import Calendar
from app.calendars.service import calendar_for
from app.calendars.setting import calendar_from_setting

__all__ = ["Calendar", "add_business_time", "business_seconds_between", "calendar_for", "calendar_from_setting"]
