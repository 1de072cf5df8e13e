"""The HQ service packages (服务包): what response, on-site and resolution times a machine's
contract promises, optionally other ones per priority. Reference data: maintained at HQ,
received everywhere else. A ticket copies its targets when it opens, so changing or retiring a
package never moves the due times of a case already open."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth.actor import Actor
from app.clock import utcnow
from app.errors import NotFound, PermissionDenied, UserError, ValidationError
from app.i18n import translate
from app.ids import reference_id
from app.orgs.models import OrgUnit
from plugins.customers.models import Asset, ServicePackage
from plugins.customers.package_rules import (TARGETS, check_code, check_coverage, check_name, check_priority_targets,
                                             check_targets)
from plugins.customers.permissions import PACKAGES


@dataclass(frozen=True)
class PackageAction:
    """Something the packages page offers, and whether this user may do it now (and if not, why)."""

    id: str  # add | edit | retire
    label: str
    enabled: bool
    reason: str = ""

# The packages every network starts with (minutes of clock time).
DEFAULT_PACKAGES = (
    # code, name, coverage, first response, on site, resolution
    ("7X24-4H", "7×24 4小时到场", "24x7", 30, 4 * 60, 24 * 60),
    ("5X8-NBD", "5×8 次工作日", "business", 2 * 60, 9 * 60, 3 * 9 * 60),
)
DEFAULT_PACKAGE_CODE = "5X8-NBD"


def ensure_default_packages(session: Session, hq: OrgUnit) -> list[ServicePackage]:
    """Create the standard packages at HQ where they are missing (bootstrap and demo)."""
    existing = {p.code: p for p in session.scalars(select(ServicePackage))}
    for code, name, coverage, response, onsite, resolution in DEFAULT_PACKAGES:
        if code not in existing:
            existing[code] = ServicePackage(id=reference_id("service_package", code), org_id=hq.id, code=code,
                                            name=name, coverage=coverage,
                                            response_minutes=response, onsite_minutes=onsite,
                                            resolution_minutes=resolution)
            session.add(existing[code])
    session.flush()
    return list(existing.values())


@dataclass(frozen=True)
class PackageRow:
    """One line of the service packages page."""

    id: uuid.UUID
    code: str
    name: str
    coverage: str
    response_minutes: int
    onsite_minutes: int
    resolution_minutes: int
    priority_targets: dict[int, dict[str, int]]  # only the targets that differ, by priority
    retired: bool


def require_package_editor(actor: Actor) -> None:
    """Service packages are HQ reference data: the door checks this before every change, and the
    page's actions say it as the reason they are disabled."""
    actor.require(PACKAGES)
    if actor.tier != "hq":
        raise PermissionDenied(translate("Customers", "Service packages are maintained at HQ."))


def _checked(name: str, coverage: str, targets: dict[str, int | None], priority_targets: dict | None):
    name, coverage = check_name(name), check_coverage(coverage)
    check_targets(targets)
    return name, coverage, check_priority_targets(targets, priority_targets)


def _state(package: ServicePackage) -> dict:
    return {"name": package.name, "coverage": package.coverage, "priority_targets": package.priority_targets,
            **{target: getattr(package, target) for target in TARGETS}}


def create_service_package(session: Session, actor: Actor, *, code: str, name: str, coverage: str,
                           response_minutes: int | None, onsite_minutes: int | None, resolution_minutes: int | None,
                           priority_targets: dict | None = None) -> ServicePackage:
    """A new package (HQ only). Codes are unique, retired packages' included."""
    code = check_code(code)
    targets = {"response_minutes": response_minutes, "onsite_minutes": onsite_minutes,
               "resolution_minutes": resolution_minutes}
    name, coverage, overrides = _checked(name, coverage, targets, priority_targets)
    existing = package_by_code(session, code)
    if existing is not None:
        message = (translate("Customers", "A retired service package has the code {code}.") if existing.deleted_at
                   else translate("Customers", "A service package with the code {code} already exists."))
        raise ValidationError(message.format(code=code), field="code")
    package = ServicePackage(org_id=actor.org_id, code=code, name=name, coverage=coverage,
                             priority_targets=overrides, **targets)
    session.add(package)
    session.flush()
    audit.record(session, actor, "service_package", package.id, "create", code, after=_state(package))
    return package


def update_service_package(session: Session, actor: Actor, package_id: uuid.UUID, *, name: str, coverage: str,
                           response_minutes: int | None, onsite_minutes: int | None, resolution_minutes: int | None,
                           priority_targets: dict | None = None) -> ServicePackage:
    """Change a live package. Open tickets keep the targets they were opened with; the next
    ticket on a machine under the package gets the new ones."""
    package = _live_package(session, actor, package_id)
    targets = {"response_minutes": response_minutes, "onsite_minutes": onsite_minutes,
               "resolution_minutes": resolution_minutes}
    name, coverage, overrides = _checked(name, coverage, targets, priority_targets)
    before = _state(package)
    package.name, package.coverage, package.priority_targets = name, coverage, overrides
    for target, minutes in targets.items():
        setattr(package, target, minutes)
    session.flush()
    audit.record(session, actor, "service_package", package.id, "update", package.code, before=before,
                 after=_state(package))
    return package


def retire_service_package(session: Session, actor: Actor, package_id: uuid.UUID) -> ServicePackage:
    """Offer the package for no new machine. The machines under it keep it, and their tickets
    still follow its targets."""
    package = _live_package(session, actor, package_id)
    package.deleted_at = utcnow()
    session.flush()
    audit.record(session, actor, "service_package", package.id, "retire", package.code)
    return package


def _live_package(session: Session, actor: Actor, package_id: uuid.UUID) -> ServicePackage:
    package = session.get(ServicePackage, package_id)
    if package is None:
        raise NotFound(translate("Customers", "No such service package."))
    if package.deleted_at is not None:
        raise ValidationError(translate("Customers", "Service package {code} is retired.").format(code=package.code))
    return package


def list_service_packages(session: Session, actor: Actor, include_retired: bool = False) -> Sequence[ServicePackage]:
    """The live packages by code (with the retired ones after them when asked)."""
    stmt = select(ServicePackage)
    if not include_retired:
        stmt = stmt.where(ServicePackage.deleted_at.is_(None))
    return session.scalars(stmt.order_by(ServicePackage.deleted_at.is_not(None), ServicePackage.code)).all()


def package_rows(session: Session, actor: Actor) -> list[PackageRow]:
    """The service packages page: every package, live ones first."""
    return [PackageRow(p.id, p.code, p.name, p.coverage, p.response_minutes, p.onsite_minutes, p.resolution_minutes,
                       {int(k): dict(v) for k, v in (p.priority_targets or {}).items()}, p.deleted_at is not None)
            for p in list_service_packages(session, actor, include_retired=True)]


def package_actions(session: Session, actor: Actor, package_id: uuid.UUID | None = None) -> list[PackageAction]:
    """The page's actions with this user and the selected package, each with why not."""
    try:
        require_package_editor(actor)
        reason = ""
    except UserError as refusal:
        reason = str(refusal)
    change = reason
    if not reason:
        package = session.get(ServicePackage, package_id) if package_id else None
        if package is None:
            change = translate("Customers", "Select a package first.")
        elif package.deleted_at is not None:
            change = translate("Customers", "Service package {code} is retired.").format(code=package.code)
    return [PackageAction("add", translate("Customers", "New package…"), not reason, reason),
            PackageAction("edit", translate("Customers", "Edit…"), not change, change),
            PackageAction("retire", translate("Customers", "Retire…"), not change, change)]


def package_by_code(session: Session, code: str) -> ServicePackage | None:
    """The package with this code, retired or not."""
    return session.scalar(select(ServicePackage).where(ServicePackage.code == code.strip().upper()))


def package_for_new_asset(session: Session, code: str) -> ServicePackage:
    """The live package a machine is being put under; a retired one is refused."""
    package = package_by_code(session, code)
    if package is None:
        raise ValidationError(translate("Customers", "No service package {code}.").format(code=code),
                              field="package_code")
    if package.deleted_at is not None:
        raise ValidationError(translate("Customers", "Service package {code} is retired: choose a current one.")
                              .format(code=package.code), field="package_code")
    return package


def package_for_asset(session: Session, asset: Asset | None) -> ServicePackage:
    """The package covering ``asset`` (retired or not: a machine keeps the package it was put
    under); the standard next-business-day one for a machine with none (or no machine), made on
    the spot in a network that has no packages yet."""
    package = session.get(ServicePackage, asset.service_package_id) if asset and asset.service_package_id else None
    if package is None:
        package = package_by_code(session, DEFAULT_PACKAGE_CODE)
    if package is None:  # a fresh network: the standard packages, owned by the top of the tree
        top = session.scalar(select(OrgUnit).where(OrgUnit.parent_id.is_(None)))
        ensure_default_packages(session, top)
        package = package_by_code(session, DEFAULT_PACKAGE_CODE)
    return package
