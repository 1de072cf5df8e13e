"""Whether a machine is covered: its service package, and whether its contract or warranty is
valid, ends within 30 days, or has expired. A machine is covered while either runs; the one that
runs longer is the one shown. The last day of a contract or warranty is still covered."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.clock import utcnow
from app.errors import NotFound
from app.i18n import translate
from app.orgs.local_time import LocalClock
from app.orgs.scope import org_scope
from plugins.customers.models import Asset, ServicePackage

ENDING_WITHIN_DAYS = 30
STATES = ("valid", "ending", "expired", "none")


@dataclass(frozen=True)
class CoverageStatus:
    package: str  # "CODE name" of the machine's package ("" without one), "(retired)" where it is
    state: str  # valid | ending | expired | none
    ends_on: date | None  # the last covered day
    text: str  # the state in words, in the reader's language
    covered_by: str = ""  # contract | warranty | "" (neither on record)


def coverage_status(session: Session, actor: Actor, asset_id: uuid.UUID, on: date | None = None) -> CoverageStatus:
    """The coverage of a machine the actor may see, on ``on`` (today in the machine's unit without it)."""
    asset = session.scalar(select(Asset).where(Asset.id == asset_id, org_scope(actor, Asset.org_id)))
    if asset is None:
        raise NotFound(translate("Customers", "No such machine."))
    return coverage_of(session, asset, on)


def coverage_of(session: Session, asset: Asset, on: date | None = None) -> CoverageStatus:
    """The coverage of ``asset`` on ``on``, for a caller that has checked its own permission."""
    on = on or utcnow().astimezone(LocalClock(session).zone(asset.org_id)).date()
    package = _package_label(session, asset)
    ends = [(end, kind) for end, kind in ((asset.contract_end, "contract"), (asset.warranty_end, "warranty")) if end]
    if not ends:
        return CoverageStatus(package, "none", None, translate("Customers", "No contract or warranty on record"))
    ends_on, kind = max(ends, key=lambda pair: pair[0])  # on a tie the contract is named
    days_left = (ends_on - on).days
    state = "expired" if days_left < 0 else "ending" if days_left <= ENDING_WITHIN_DAYS else "valid"
    return CoverageStatus(package, state, ends_on, _text(kind, state, ends_on, days_left), kind)


def _package_label(session: Session, asset: Asset) -> str:
    package = session.get(ServicePackage, asset.service_package_id) if asset.service_package_id else None
    if package is None:
        return ""
    label = f"{package.code} {package.name}"
    return label + " " + translate("Customers", "(retired)") if package.deleted_at is not None else label


def _text(kind: str, state: str, ends_on: date, days_left: int) -> str:
    day = ends_on.isoformat()
    if kind == "warranty":
        texts = {"valid": translate("Customers", "Warranty valid until {day}"),
                 "ending": translate("Customers", "Warranty ends on {day}, in {days} days"),
                 "expired": translate("Customers", "Warranty expired on {day}")}
    else:
        texts = {"valid": translate("Customers", "Contract valid until {day}"),
                 "ending": translate("Customers", "Contract ends on {day}, in {days} days"),
                 "expired": translate("Customers", "Contract expired on {day}")}
    return texts[state].format(day=day, days=days_left)
