"""Partner service authorisations (服务授权), their derived status, and the dispatch veto."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth.actor import Actor
from app.auth.models import User
from app.errors import NotFound, ValidationError
from app.i18n import translate
from app.orgs.models import OrgUnit
from app.orgs.scope import can_see, org_filter, org_scope
from app.specs import DispatchCheck, Qualification
from plugins.certification.certificates import covers, valid_certificates, valid_clause
from plugins.certification.common import EXPIRING_DAYS, today
from plugins.certification.models import Certificate, PartnerAuthorisation


@dataclass(frozen=True)
class AuthorisationState:
    authorisation: PartnerAuthorisation
    partner: OrgUnit
    status: str  # active | expiring | lapsed | pending | withdrawn
    certified: int  # engineers of the partner holding a valid certificate for its product lines
    reason: str


def grant(session: Session, actor: Actor, *, partner_code: str, product_lines: Sequence[str],
          service_types: Sequence[str], valid_from: date, valid_until: date, min_engineers: int) -> PartnerAuthorisation:
    partner = session.scalar(select(OrgUnit).where(OrgUnit.code == partner_code))
    if partner is None or partner.tier != "partner" or not can_see(actor, partner):
        raise ValidationError(translate("Certification", "“{code}” is not a partner in your scope.").format(
            code=partner_code), field="partner")
    if not product_lines or not service_types:
        raise ValidationError(translate("Certification", "Name at least one product line and one service type."),
                              field="product_lines")
    if valid_until < valid_from:
        raise ValidationError(translate("Certification", "The period ends before it starts."), field="valid_until")
    if min_engineers < 1:
        raise ValidationError(translate("Certification", "At least one certified engineer is required."),
                              field="min_engineers")
    serial = (session.scalar(select(func.count()).where(PartnerAuthorisation.org_id == partner.id)) or 0) + 1
    auth = PartnerAuthorisation(org_id=partner.id, number=f"AUTH-{partner.code}-{valid_from.year}-{serial:03d}",
                                product_lines=list(product_lines), service_types=list(service_types),
                                valid_from=valid_from, valid_until=valid_until, min_engineers=min_engineers,
                                granted_by=actor.user_id)
    session.add(auth)
    session.flush()
    audit.record(session, actor, "certification.authorisation", auth.id, "grant",
                 f"{auth.number} {','.join(product_lines)} {valid_from}..{valid_until}")
    return auth


def withdraw(session: Session, actor: Actor, authorisation_id: uuid.UUID, reason: str) -> PartnerAuthorisation:
    if not reason.strip():
        raise ValidationError(translate("Certification", "Give a reason."), field="reason")
    auth = session.scalar(select(PartnerAuthorisation).where(PartnerAuthorisation.id == authorisation_id,
                                                             org_scope(actor, PartnerAuthorisation.org_id)))
    if auth is None:
        raise NotFound(translate("Certification", "No such authorisation in your scope."))
    auth.withdrawn_on, auth.withdrawn_reason = today(), reason.strip()
    audit.record(session, actor, "certification.authorisation", auth.id, "withdraw", reason)
    session.flush()
    return auth


def certified_engineers(session: Session, partner_id: uuid.UUID, product_lines: Sequence[str], on: date) -> int:
    """Engineers still with the partner (active members) who hold a valid certificate for one of the lines."""
    return certified_for(certificates_held(session, [partner_id], on).get(partner_id, []), product_lines)


def certificates_held(session: Session, partner_ids: Sequence[uuid.UUID], on: date) -> dict[uuid.UUID, list]:
    """Per partner: (holder, product lines) of each valid certificate its active members hold on ``on``."""
    held: dict[uuid.UUID, list] = {}
    for org_id, holder, lines in session.execute(
            select(User.org_id, Certificate.holder_id, Certificate.product_lines)
            .join(User, User.id == Certificate.holder_id)
            .where(User.org_id.in_(list(partner_ids)), User.active, User.deleted_at.is_(None), valid_clause(on))):
        held.setdefault(org_id, []).append((holder, lines))
    return held


def certified_for(held: Sequence[tuple], product_lines: Sequence[str]) -> int:
    """How many holders of ``held`` (``certificates_held``) are certified for one of the lines."""
    return len({holder for holder, lines in held if set(lines or []) & set(product_lines)})


def state_of(session: Session, auth: PartnerAuthorisation, on: date | None = None) -> AuthorisationState:
    on = on or today()
    partner = session.get(OrgUnit, auth.org_id)
    certified = certified_engineers(session, auth.org_id, auth.product_lines, on)
    status, reason = status_on(auth, certified, on)
    return AuthorisationState(auth, partner, status, certified, reason)


def status_on(auth: PartnerAuthorisation, certified: int, on: date) -> tuple[str, str]:
    """The authorisation's status on ``on`` with ``certified`` engineers, and the reason shown."""
    if auth.withdrawn_on is not None and auth.withdrawn_on <= on:
        status, reason = "withdrawn", auth.withdrawn_reason
    elif on < auth.valid_from:
        status, reason = "pending", translate("Certification", "starts on {date}").format(date=auth.valid_from)
    elif on > auth.valid_until:
        status, reason = "lapsed", translate("Certification", "expired on {date}").format(date=auth.valid_until)
    elif certified < auth.min_engineers:
        status, reason = "lapsed", translate("Certification", "only {n} of {m} required certified engineers").format(
            n=certified, m=auth.min_engineers)
    elif auth.valid_until <= on + timedelta(days=EXPIRING_DAYS):
        status, reason = "expiring", translate("Certification", "expires on {date}").format(date=auth.valid_until)
    else:
        status, reason = "active", ""
    return status, reason


def status_label(status: str) -> str:
    return {"active": translate("Certification", "Active"), "expiring": translate("Certification", "Expiring"),
            "lapsed": translate("Certification", "Lapsed"), "pending": translate("Certification", "Not yet valid"),
            "withdrawn": translate("Certification", "Withdrawn")}.get(status, status)


def list_authorisations(session: Session, actor: Actor, on: date | None = None, limit: int = 2000, *,
                        org_id: uuid.UUID | None = None, subtree: bool = False) -> list[AuthorisationState]:
    """``org_id``/``subtree``: the org filter; a partner's authorisations belong to the partner."""
    auths = session.scalars(authorisation_query(session, actor, org_id, subtree).limit(limit)).all()
    return [state_of(session, a, on) for a in auths]


def authorisation_query(session: Session, actor: Actor, org_id: uuid.UUID | None = None, subtree: bool = False):
    """The authorisations the page lists, by end of validity then number."""
    return (select(PartnerAuthorisation)
            .where(org_scope(actor, PartnerAuthorisation.org_id), PartnerAuthorisation.deleted_at.is_(None),
                   org_filter(session, actor, PartnerAuthorisation.org_id, org_id, subtree))
            .order_by(PartnerAuthorisation.valid_until, PartnerAuthorisation.number))


def expiring_counts(session: Session, actor: Actor, on: date | None = None, *, org_id: uuid.UUID | None = None,
                    subtree: bool = False) -> dict[int, int]:
    """Authorisations in force whose period ends within 30, 60 and 90 days (cumulative)."""
    on = on or today()
    ends = session.scalars(select(PartnerAuthorisation.valid_until).where(
        org_scope(actor, PartnerAuthorisation.org_id), PartnerAuthorisation.deleted_at.is_(None),
        org_filter(session, actor, PartnerAuthorisation.org_id, org_id, subtree),
        PartnerAuthorisation.withdrawn_on.is_(None), PartnerAuthorisation.valid_from <= on,
        PartnerAuthorisation.valid_until >= on, PartnerAuthorisation.valid_until <= on + timedelta(days=90))).all()
    return {days: sum(1 for end in ends if end <= on + timedelta(days=days)) for days in (30, 60, 90)}


# ------------------------------------------------------------------ the dispatch veto


def dispatch_qualification(session: Session, check: DispatchCheck) -> Qualification:
    """The engineer's work certificate for the job (hook ``engineer_qualification``): the one
    covering the product line that runs longest, valid or expiring within EXPIRING_DAYS, or none."""
    on = check.at.date()
    held = [c for c in valid_certificates(session, check.engineer_id, on) if covers(c, check.product_line)]
    if not held:
        line = check.product_line or translate("Certification", "any product line")
        return Qualification("none", translate("Certification", "No valid work certificate for {line}.")
                             .format(line=line))
    longest = max(held, key=lambda c: c.expires_on)
    state = "expiring" if longest.expires_on <= on + timedelta(days=EXPIRING_DAYS) else "valid"
    return Qualification(state, translate("Certification", "Certificate {number}, valid until {date}.")
                         .format(number=longest.number, date=longest.expires_on.isoformat()))


def dispatch_veto(session: Session, check: DispatchCheck) -> str | None:
    on = check.at.date()
    engineer = session.get(User, check.engineer_id)
    name = engineer.display_name if engineer is not None else str(check.engineer_id)
    line = check.product_line or translate("Certification", "any product line")
    if not any(covers(c, check.product_line) for c in valid_certificates(session, check.engineer_id, on)):
        return translate("Certification", "{name} holds no valid work certificate for {line} on {date}.").format(
            name=name, line=line, date=on.isoformat())
    org = session.get(OrgUnit, check.engineer_org_id)
    if org is None or org.tier != "partner":
        return None
    auths = session.scalars(select(PartnerAuthorisation).where(PartnerAuthorisation.org_id == org.id,
                                                               PartnerAuthorisation.deleted_at.is_(None))).all()
    states = [state_of(session, a, on) for a in auths
              if check.product_line is None or check.product_line in (a.product_lines or [])]
    if any(s.status in ("active", "expiring") for s in states):
        return None
    if not states:
        return translate("Certification", "Partner {org} is not authorised to serve {line}.").format(
            org=org.name, line=line)
    latest = max(states, key=lambda s: s.authorisation.valid_until)
    return translate("Certification", "Partner {org}'s service authorisation {number} for {line} is {status}: "
                                      "{reason}.").format(org=org.name, number=latest.authorisation.number, line=line,
                                                          status=status_label(latest.status), reason=latest.reason)
