"""THE DOOR to calendars: the clock every business-hours target is counted in, what an editor
shows and may change, and HQ's corrections of the national calendar. No Qt.

    calendar_for(session, org)                         -> Calendar (cached; the SLA sweep's clock)
    layers_for(session, org)                           -> CalendarLayers (the editor's year view)
    save_unit_calendar(session, actor, org, setting)   the unit's own ``calendar`` setting (None: inherit)
    national_year(session, year)                       -> {date: NationalDay}
    save_national_days(session, actor, changes)        HQ: {date: (kind, name) | None (as shipped)}
    import_national_days(session, actor, path)         HQ: an Excel sheet of days, all or nothing
    may_manage_national(actor)                         whether the two above are the actor's to call
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth.actor import Actor
from app.calendars.clock import Calendar
from app.calendars.layers import CalendarLayers, Level
from app.calendars.models import KINDS, NationalDayOverride
from app.calendars.national import OVERRIDE, NationalCalendar, NationalDay
from app.calendars.setting import check_setting, read_setting
from app.errors import PermissionDenied, ValidationError
from app.i18n import translate
from app.ids import reference_id
from app.orgs import service as orgs
from app.orgs.models import OrgUnit
from app.orgs.scope import can_see

CALENDARS_MANAGE = "core.calendars.manage"
_SESSION_KEY = "app.calendars.national"
_CACHE_LIMIT = 512
_nationals: dict[tuple, NationalCalendar] = {}
_calendars: dict[tuple, Calendar] = {}


# ------------------------------------------------------------------ reading


def national_calendar(session: Session) -> NationalCalendar:
    """Shipped days and HQ's overrides; read again only when the override rows changed."""
    return _national(session)[1]


def _national(session: Session) -> tuple[tuple, NationalCalendar]:
    cached = session.info.get(_SESSION_KEY)
    if cached is not None:
        return cached
    fingerprint = tuple(session.execute(select(func.count(), func.max(NationalDayOverride.updated_at),
                                               func.sum(NationalDayOverride.row_version))).one())
    national = _nationals.get(fingerprint)
    if national is None:
        rows = session.scalars(select(NationalDayOverride).where(NationalDayOverride.deleted_at.is_(None)))
        national = NationalCalendar.with_overrides(NationalDay(r.day, r.kind, r.name, OVERRIDE) for r in rows)
        _remember(_nationals, fingerprint, national)
    session.info[_SESSION_KEY] = fingerprint, national
    return fingerprint, national


def layers_for(session: Session, org: OrgUnit) -> CalendarLayers:
    chain = list(reversed(orgs.ancestors(session, org)))
    return CalendarLayers(national_calendar(session), tuple(
        Level(unit.code, unit.name, read_setting((unit.settings or {}).get("calendar"))) for unit in chain))


def calendar_for(session: Session, org: OrgUnit) -> Calendar:
    """The clock of ``org``: national days, every unit's own days from HQ down, hours from the
    nearest unit that sets them. The same chain of settings gives the same (cached) calendar."""
    fingerprint, _ = _national(session)
    chain = orgs.ancestors(session, org)
    key = (fingerprint, *(json.dumps((unit.settings or {}).get("calendar"), sort_keys=True, default=str)
                           for unit in chain))
    calendar = _calendars.get(key)
    if calendar is None:
        calendar = layers_for(session, org).calendar()
        _remember(_calendars, key, calendar)
    return calendar


def _remember(cache: dict, key, value) -> None:
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[key] = value


def national_year(session: Session, year: int) -> dict[date, NationalDay]:
    return national_calendar(session).in_year(year)


def unit_layers(session: Session, actor: Actor, org: OrgUnit) -> CalendarLayers:
    if not can_see(actor, org):
        raise PermissionDenied(translate("Orgs", "This unit is outside your part of the network."))
    return layers_for(session, org)


# ------------------------------------------------------------------ a unit's own calendar


def save_unit_calendar(session: Session, actor: Actor, org: OrgUnit, setting: Mapping | None) -> OrgUnit:
    """Store the unit's own calendar (checked first; nothing is saved when a field is wrong).
    ``None`` or an empty setting: everything as the unit above."""
    settings = dict(org.settings or {})
    own = check_setting(setting or {})
    if own.is_empty:
        settings.pop("calendar", None)
    else:
        settings["calendar"] = own.to_setting()
    return orgs.update_org_unit(session, actor, org, settings=settings)


# ------------------------------------------------------------------ HQ's national days


def may_manage_national(actor: Actor) -> bool:
    return actor.has(CALENDARS_MANAGE) and actor.tier == "hq"


def require_national_manager(actor: Actor) -> None:
    actor.require(CALENDARS_MANAGE)
    if actor.tier != "hq":
        raise PermissionDenied(translate("Calendars", "The national calendar is HQ reference data: change it at HQ."))


def save_national_days(session: Session, actor: Actor, changes: Mapping[date, tuple[str, str] | None]) -> int:
    """Set each day to (kind, name), or back to the shipped data with ``None``. Returns how many changed."""
    require_national_manager(actor)
    for day, change in changes.items():
        if change is not None and change[0] not in KINDS:
            raise ValidationError(translate("Calendars", "Unknown kind of day “{kind}”.").format(kind=change[0]),
                                  field="kind")
    changed = sum(_set_day(session, actor, day, change) for day, change in sorted(changes.items()))
    session.flush()
    session.info.pop(_SESSION_KEY, None)
    return changed


def import_national_days(session: Session, actor: Actor, path: str | Path) -> int:
    """Every day of the sheet becomes an override; a bad cell refuses the whole file."""
    from app.calendars.excel import read_national_days

    require_national_manager(actor)
    days = read_national_days(path)
    return save_national_days(session, actor, {d.day: (d.kind, d.name) for d in days})


def _set_day(session: Session, actor: Actor, day: date, change: tuple[str, str] | None) -> bool:
    row = session.get(NationalDayOverride, reference_id("national-day", day.isoformat()))
    if change is None:
        if row is None or row.deleted_at is not None:
            return False
        row.mark_deleted()
        audit.record(session, actor, "national_day", day.isoformat(), "delete", day.isoformat())
        return True
    kind, name = change[0], (change[1] or "").strip()[:100]
    if row is not None and row.deleted_at is None and (row.kind, row.name) == (kind, name):
        return False
    if row is None:
        row = NationalDayOverride(id=reference_id("national-day", day.isoformat()), day=day, year=day.year)
        session.add(row)
    row.kind, row.name, row.deleted_at = kind, name, None
    audit.record(session, actor, "national_day", day.isoformat(), "update", f"{day.isoformat()} {kind} {name}".strip(),
                 after={"kind": kind, "name": name})
    return True
