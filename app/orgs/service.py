"""Org units: the HQ → branch → partner tree, with settings inherited down the tree."""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import installation
from app.audit import service as audit
from app.auth.actor import Actor
from app.errors import NotFound, PermissionDenied, ValidationError
from app.i18n import translate
from app.ids import org_id_for_code
from app.orgs.models import TIER_LEVEL, TIERS, OrgUnit
from app.orgs.scope import can_see, org_scope
from app.orgs.tree import child_path, lineage_ids
from app.sync.ownership import owned_org_ids
from app.user_values import parse_text

ORGS_MANAGE = "core.orgs.manage"
CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,31}$")
AUDITED_FIELDS = ("code", "name", "tier", "region", "active", "settings")
ADDRESS_LIMIT, HOTLINE_LIMIT = 200, 40
HOTLINE_PATTERN = re.compile(r"[0-9 +()-]*[0-9][0-9 +()-]*")

# Defaults every unit inherits unless it or an ancestor overrides them.
DEFAULT_SETTINGS: dict[str, Any] = {
    "calendar": {"mode": "business_hours", "days": [0, 1, 2, 3, 4], "start": "09:00", "end": "18:00",
                 "timezone": "Asia/Shanghai", "holidays": []},
}


def normalise_code(code: str) -> str:
    code = (code or "").strip().upper()
    if not CODE_PATTERN.match(code):
        raise ValidationError(
            translate("Orgs", "Org code “{code}” must be 1–32 letters, digits or dashes.").format(code=code),
            field="code",
        )
    return code


def get_by_code(session: Session, code: str) -> OrgUnit:
    org = session.scalar(select(OrgUnit).where(OrgUnit.code == code.strip().upper()))
    if org is None:
        raise NotFound(translate("Orgs", "No org unit with code {code}.").format(code=code))
    return org


def build_org(code: str, name: str, tier: str, parent: OrgUnit | None, region: str = "") -> OrgUnit:
    """A new, unsaved org unit; checks the tier order (HQ → branch → partner)."""
    code = normalise_code(code)
    if tier not in TIERS:
        raise ValidationError(translate("Orgs", "Unknown tier {tier}.").format(tier=tier), field="tier")
    if not (name or "").strip():
        raise ValidationError(translate("Orgs", "The org unit needs a name."), field="name")
    if tier == "hq" and parent is not None:
        raise ValidationError(translate("Orgs", "HQ has no parent."), field="parent")
    if tier != "hq" and parent is None:
        raise ValidationError(translate("Orgs", "A branch or partner needs a parent unit."), field="parent")
    if parent is not None and TIER_LEVEL[parent.tier] != TIER_LEVEL[tier] - 1:
        raise ValidationError(
            translate("Orgs", "A {tier} cannot sit under a {parent_tier}.").format(tier=tier, parent_tier=parent.tier),
            field="parent",
        )
    path = child_path(parent.path if parent else None, code)
    return OrgUnit(id=org_id_for_code(code), code=code, name=name.strip(), tier=tier,
                   parent_id=parent.id if parent else None, path=path, region=region, settings={})


def create_org_unit(session: Session, actor: Actor, *, code: str, name: str, tier: str,
                    parent_code: str | None, region: str = "", address: str = "", hotline: str = "") -> OrgUnit:
    actor.require(ORGS_MANAGE)
    parent = get_by_code(session, parent_code) if parent_code else None
    if parent is None or not can_see(actor, parent):
        raise PermissionDenied(translate("Orgs", "You may only create units inside your own part of the network."))
    org = build_org(code, name, tier, parent, region)
    org.settings = with_contact(org.settings, address, hotline)
    if session.get(OrgUnit, org.id) is not None:
        raise ValidationError(translate("Orgs", "Org code {code} is already taken.").format(code=org.code), field="code")
    session.add(org)
    session.flush()
    audit.record(session, actor, "org_unit", org.id, "create", org.code,
                 after=audit.snapshot(org, AUDITED_FIELDS))
    return org


def update_org_unit(session: Session, actor: Actor, org: OrgUnit, *, name: str | None = None,
                    region: str | None = None, active: bool | None = None, settings: dict | None = None,
                    address: str | None = None, hotline: str | None = None) -> OrgUnit:
    """Change what is given (None: left as it is). ``address`` and ``hotline`` go into the unit's
    settings ("" removes them: the letterhead then shows no address, and the hotline of the unit above)."""
    actor.require(ORGS_MANAGE)
    if not can_see(actor, org):
        raise PermissionDenied(translate("Orgs", "This unit is outside your part of the network."))
    if refusal := kept_elsewhere(session, org):
        raise PermissionDenied(refusal)
    if address is not None or hotline is not None:  # checked before anything changes
        base = org.settings if settings is None else settings
        settings = with_contact(base, address, hotline)
    before = audit.snapshot(org, AUDITED_FIELDS)
    if name is not None:
        if not name.strip():
            raise ValidationError(translate("Orgs", "The org unit needs a name."), field="name")
        org.name = name.strip()
    if region is not None:
        org.region = region
    if active is not None:
        org.active = active
    if settings is not None:
        org.settings = dict(settings)
    session.flush()
    audit.record(session, actor, "org_unit", org.id, "update", org.code, before=before,
                 after=audit.snapshot(org, AUDITED_FIELDS))
    return org


def kept_elsewhere(session: Session, org: OrgUnit) -> str:
    """Why this installation may not change ``org``, "" when it may. A unit's row is written where
    the rows of the unit above it are (the root's where the root runs), and synced from there: a
    change made in another database would never travel and be undone by the next sync."""
    if installation.get_value(session, installation.NODE_ORG_ID) is None:
        return ""  # not set up as a node of the network: nothing syncs
    keeper_id = org.parent_id or org.id
    if keeper_id in owned_org_ids(session):
        return ""
    keeper = session.get(OrgUnit, keeper_id)
    return translate("Orgs", "{unit} is kept by {keeper}: its details are changed there and reach this "
                             "installation with the next sync.").format(
        unit=org.name, keeper=keeper.name if keeper is not None else org.path)


def visible_units(session: Session, actor: Actor) -> Sequence[OrgUnit]:
    stmt = select(OrgUnit).where(org_scope(actor, OrgUnit.id), OrgUnit.deleted_at.is_(None))
    return session.scalars(stmt.order_by(OrgUnit.path)).all()


@dataclass(frozen=True)
class OrgChoice:
    """One entry of a list's org filter. ``depth``: levels below the actor's own tier (its indent)."""

    id: uuid.UUID
    code: str
    name: str
    tier: str
    depth: int
    has_children: bool


def filter_choices(session: Session, actor: Actor) -> list[OrgChoice]:
    """The units a list's org filter offers: those the actor may see, each parent before its
    children. Sorted here by the path's codes, not by the database: a collation that skips
    punctuation would put "/HQ/BJ-X/" between "/HQ/BJ/" and "/HQ/BJ/ZZ/"."""
    units = sorted(visible_units(session, actor), key=lambda u: u.path.strip("/").split("/"))
    top = TIER_LEVEL.get(actor.tier, 1)
    return [OrgChoice(u.id, u.code, u.name, u.tier, max(TIER_LEVEL[u.tier] - top, 0),
                      i + 1 < len(units) and units[i + 1].path.startswith(u.path))
            for i, u in enumerate(units)]


def ancestors(session: Session, org: OrgUnit) -> list[OrgUnit]:
    """``org`` first, then its parent, up to HQ: THE walk up the tree (settings, time zone,
    calendars, the branch answering for a partner, stock up the tree, escalation). Climbs the
    materialised path through the session's identity map; a unit this database lacks is skipped."""
    above = (session.get(OrgUnit, org_id) for org_id in lineage_ids(org.path)[1:])
    return [org, *(unit for unit in above if unit is not None)]


def answering_unit(session: Session, org: OrgUnit) -> OrgUnit:
    """The unit that answers for ``org``: itself, or for a partner the branch above it."""
    return next((unit for unit in ancestors(session, org) if unit.tier != "partner"), org)


def effective_setting(session: Session, org: OrgUnit, key: str) -> Any:
    """The nearest value of ``key`` up the tree, else the product default."""
    if key in (org.settings or {}):
        return org.settings[key]
    return inherited_setting(session, org, key)


def parse_address(value) -> str:
    return parse_text(value, max_length=ADDRESS_LIMIT, field="address")


def parse_hotline(value) -> str:
    """A telephone number as people write one: digits, spaces, +, - and parentheses (full-width
    forms typed with a Chinese input method are read as their plain forms)."""
    text = unicodedata.normalize("NFKC", parse_text(value, max_length=HOTLINE_LIMIT, field="hotline"))
    if text and not HOTLINE_PATTERN.fullmatch(text):
        raise ValidationError(translate("Orgs", "“{value}” is not a telephone number: use digits, spaces, +, - and "
                                                "parentheses only.").format(value=text), field="hotline")
    return text


def with_contact(settings: dict | None, address: str | None, hotline: str | None) -> dict:
    """A copy of ``settings`` with the given address and hotline (None: kept; "": removed)."""
    result = dict(settings or {})
    for key, value in (("address", None if address is None else parse_address(address)),
                       ("hotline", None if hotline is None else parse_hotline(hotline))):
        if value:
            result[key] = value
        elif value is not None:
            result.pop(key, None)
    return result


def inherited_setting(session: Session, org: OrgUnit, key: str) -> Any:
    """What ``org`` has for ``key`` without a value of its own: the nearest one above it, else the default."""
    for unit in ancestors(session, org)[1:]:
        if key in (unit.settings or {}):
            return unit.settings[key]
    return DEFAULT_SETTINGS.get(key)


def letterhead(session: Session, org_id: uuid.UUID) -> dict[str, str]:
    """What a printed document's letterhead shows for the unit: its name, its own address and the
    hotline its customers call (the nearest one set up the tree); "" where none is set up."""
    unit = session.get(OrgUnit, org_id)
    settings = unit.settings or {}
    return {"name": unit.name, "address": str(settings.get("address") or ""),
            "hotline": str(effective_setting(session, unit, "hotline") or "")}


def time_zone(session: Session, org: OrgUnit) -> ZoneInfo:
    """The zone the times of ``org`` are shown in: its calendar's, inherited down the tree from
    the nearest unit whose calendar names one (a unit may set its own holidays and keep the zone above)."""
    for unit in ancestors(session, org):
        zone = ((unit.settings or {}).get("calendar") or {}).get("timezone")
        if zone:
            return ZoneInfo(zone)
    return ZoneInfo(DEFAULT_SETTINGS["calendar"]["timezone"])
