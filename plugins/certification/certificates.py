"""Certificate types and engineer work certificates: issue, renew, suspend, reinstate, revoke,
kept to the actor's scope. Behind the door (``service``), which checks the permissions.

Which courses an engineer passed is asked through the ``passed_courses`` hook: functions that
need it take ``hook`` (the plugin host's hook relay, e.g. ``ctx.hook``).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import and_, case, func, or_, select, tuple_
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth.actor import Actor
from app.auth.models import User
from app.clock import utcnow
from app.errors import NotFound, ValidationError
from app.i18n import translate
from app.orgs.models import OrgUnit
from app.orgs.scope import can_see, org_filter, org_scope
from plugins.certification import keys, signing
from plugins.certification.common import today, validity_end
from plugins.certification.models import Certificate, CertificateEvent, CertificateType, NumberCounter
from plugins.certification.permissions import VIEW_ALL

NUMBER_FORMAT = "CERT-{org}-{year}-{serial:06d}"


# ------------------------------------------------------------------ certificate types (HQ reference data)


def create_type(session: Session, actor: Actor, *, code: str, name: str, product_lines: Sequence[str], level: str,
                validity_months: int, required_courses: Sequence[str]) -> CertificateType:
    code = code.strip()
    if not code or not name.strip():
        raise ValidationError(translate("Certification", "A certificate type needs a code and a name."), field="code")
    if not product_lines:
        raise ValidationError(translate("Certification", "A certificate type covers at least one product line."),
                              field="product_lines")
    if not 1 <= validity_months <= 120:
        raise ValidationError(translate("Certification", "Validity is 1 to 120 months."), field="validity_months")
    if not required_courses:
        raise ValidationError(translate("Certification", "A certificate type requires at least one course."),
                              field="required_courses")
    if session.scalar(select(CertificateType.id).where(CertificateType.code == code)):
        raise ValidationError(translate("Certification", "Certificate type {code} already exists.").format(code=code),
                              field="code")
    kind = CertificateType(code=code, name=name.strip(), product_lines=list(product_lines), level=level,
                           validity_months=validity_months, required_courses=list(required_courses))
    session.add(kind)
    session.flush()
    audit.record(session, actor, "certification.type", kind.id, "create", code)
    return kind


def list_types(session: Session) -> Sequence[CertificateType]:
    return session.scalars(select(CertificateType).where(CertificateType.active, CertificateType.deleted_at.is_(None))
                           .order_by(CertificateType.code)).all()


def type_by_code(session: Session, code: str) -> CertificateType:
    kind = session.scalar(select(CertificateType).where(CertificateType.code == code))
    if kind is None:
        raise NotFound(translate("Certification", "No certificate type {code}.").format(code=code))
    return kind


def no_types_reason() -> str:
    return translate("Certification", "There are no certificate types here yet: they are HQ's reference data and "
                                      "arrive with the next sync from HQ.")


def _type_to_issue(session: Session, type_code: str | None) -> CertificateType:
    if type_code:
        return type_by_code(session, type_code)
    raise ValidationError(translate("Certification", "Choose a certificate type.") if list_types(session)
                          else no_types_reason(), field="type")


# ------------------------------------------------------------------ course passes (through the hook)


def passed_course_codes(hook, session: Session, engineer_id: uuid.UUID) -> set[str]:
    groups = hook.passed_courses(session=session, engineer_id=engineer_id)
    return {p.course_code for group in groups for p in (group or [])}


def missing_courses(kind: CertificateType, passed: set[str]) -> list[str]:
    return [code for code in kind.required_courses if code not in passed]


def _require_courses(hook, session: Session, kind: CertificateType, engineer: User) -> None:
    missing = missing_courses(kind, passed_course_codes(hook, session, engineer.id))
    if missing:
        raise ValidationError(translate("Certification", "{name} has not passed the required course {courses}.").format(
            name=engineer.display_name or engineer.username, courses=_course_labels(hook, session, missing)),
            field="engineer")


def _course_labels(hook, session: Session, codes: Sequence[str]) -> str:
    """The courses by title and code, as the training catalogue names them (hook ``course_names``);
    by code alone where no catalogue knows the course."""
    titles = hook.course_names(session=session, course_codes=list(codes)) or {}
    return "、".join(translate("Certification", "{title} ({code})").format(title=titles[code], code=code)
                    if titles.get(code) else code for code in codes)


# ------------------------------------------------------------------ numbers


def next_number(session: Session, org_code: str, year: int) -> str:
    """Take the next serial for (org, year). The counter row stays locked until commit, so two
    trainers of one node never get the same number; the org code keeps nodes apart nationwide."""
    counter = _locked_counter(session, org_code, year)
    if counter is None:
        try:
            with session.begin_nested():
                session.add(NumberCounter(org_code=org_code, year=year, last_value=0))
        except IntegrityError:
            pass  # another transaction created it first: lock theirs
        counter = _locked_counter(session, org_code, year)
    counter.last_value += 1
    session.flush()
    return NUMBER_FORMAT.format(org=org_code, year=year, serial=counter.last_value)


def _locked_counter(session: Session, org_code: str, year: int) -> NumberCounter | None:
    return session.scalar(select(NumberCounter).where(NumberCounter.org_code == org_code, NumberCounter.year == year)
                          .with_for_update().execution_options(populate_existing=True))


# ------------------------------------------------------------------ status


def effective_status(cert: Certificate, on: date | None = None) -> str:
    """valid | expired | suspended | revoked | pending (not yet in force)."""
    on = on or today()
    if cert.status != "valid":
        return cert.status
    if on > cert.expires_on:
        return "expired"
    if on < cert.valid_from:
        return "pending"
    return "valid"


def status_label(status: str) -> str:
    return {"valid": translate("Certification", "Valid"), "expired": translate("Certification", "Expired"),
            "suspended": translate("Certification", "Suspended"), "revoked": translate("Certification", "Revoked"),
            "pending": translate("Certification", "Not yet valid")}.get(status, status)


LEVELS = ("basic", "intermediate", "advanced", "expert")  # as the training plugin names course levels


def level_label(level: str) -> str:
    """Course levels as the training plugin names them; an unknown level is shown as it is."""
    return {"basic": translate("Certification", "Basic"), "intermediate": translate("Certification", "Intermediate"),
            "advanced": translate("Certification", "Advanced"), "expert": translate("Certification", "Expert")
            }.get(level, level)


def valid_clause(on: date):
    return and_(Certificate.status == "valid", Certificate.valid_from <= on, Certificate.expires_on >= on,
                Certificate.deleted_at.is_(None))


def covers(cert: Certificate, product_line: str | None) -> bool:
    return product_line is None or product_line in (cert.product_lines or [])


def valid_certificates(session: Session, engineer_id: uuid.UUID, on: date) -> Sequence[Certificate]:
    return session.scalars(select(Certificate).where(Certificate.holder_id == engineer_id, valid_clause(on))).all()


# ------------------------------------------------------------------ lifecycle


def _engineer(session: Session, actor: Actor, engineer_id: uuid.UUID) -> User:
    if engineer_id is None:
        raise ValidationError(translate("Certification", "Choose an engineer."), field="engineer")
    engineer = session.get(User, engineer_id)
    org = engineer and session.get(OrgUnit, engineer.org_id)
    if engineer is None or engineer.deleted_at is not None or not can_see(actor, org):
        raise NotFound(translate("Certification", "No such engineer in your scope."))
    if not engineer.active:
        raise ValidationError(translate("Certification", "{name} is no longer active.").format(
            name=engineer.display_name), field="engineer")
    return engineer


def _certificate(session: Session, actor: Actor, certificate_id: uuid.UUID) -> Certificate:
    cert = session.scalar(select(Certificate).where(Certificate.id == certificate_id,
                                                    org_scope(actor, Certificate.org_id)))
    if cert is None:
        raise NotFound(translate("Certification", "No such certificate in your scope."))
    return cert


def _event(session: Session, actor: Actor, cert: Certificate, action: str, reason: str = "") -> None:
    session.add(CertificateEvent(org_id=cert.org_id, certificate_id=cert.id, action=action, at=utcnow(),
                                 actor_id=actor.user_id, actor_label=f"{actor.display_name} ({actor.label})",
                                 reason=reason, expires_on=cert.expires_on))
    audit.record(session, actor, "certification.certificate", cert.id, action,
                 f"{cert.number} {reason}".strip(), after={"status": cert.status, "expires_on": str(cert.expires_on)})


def _sign(session: Session, actor: Actor, cert: Certificate, org: OrgUnit, passphrase: str, on: date) -> None:
    center = keys.signing_key_for(session, actor, cert.product_lines, on)
    private = keys.unlock(keys.private_pem(session, center), passphrase)
    fields = signing.CertificateFields(cert.number, cert.holder_name, org.code, cert.level,
                                       tuple(sorted(cert.product_lines)), cert.issued_on, cert.valid_from,
                                       cert.expires_on, on)
    cert.center_key_id = center.id
    cert.qr_text = signing.compact_qr_text(fields, private, json.loads(center.statement)["scope"])


def issue_certificate(session: Session, actor: Actor, hook, *, engineer_id: uuid.UUID, type_code: str,
                      passphrase: str, on: date | None = None) -> Certificate:
    """A trainer issues a certificate to an engineer who passed every required course."""
    on = on or today()
    engineer = _engineer(session, actor, engineer_id)
    kind = _type_to_issue(session, type_code)
    held = session.scalar(select(Certificate.number).where(
        Certificate.holder_id == engineer.id, Certificate.type_id == kind.id,
        Certificate.status.in_(("valid", "suspended")), Certificate.expires_on >= on))
    if held:
        raise ValidationError(translate("Certification", "{name} already holds certificate {number} of this type; "
                                                         "renew it instead.").format(name=engineer.display_name,
                                                                                     number=held), field="type")
    _require_courses(hook, session, kind, engineer)
    org = session.get(OrgUnit, engineer.org_id)
    cert = Certificate(org_id=engineer.org_id, number=next_number(session, actor.org_code, on.year),
                       type_id=kind.id, holder_id=engineer.id, holder_name=engineer.display_name or engineer.username,
                       product_lines=list(kind.product_lines), level=kind.level, issued_on=on, valid_from=on,
                       expires_on=validity_end(on, kind.validity_months), status="valid", issued_by=actor.user_id)
    session.add(cert)
    session.flush()
    _sign(session, actor, cert, org, passphrase, on)
    _event(session, actor, cert, "issued")
    session.flush()
    return cert


def renew_certificate(session: Session, actor: Actor, hook, certificate_id: uuid.UUID, *, passphrase: str,
                      on: date | None = None) -> Certificate:
    """Re-certification: a new term of the type's validity, from the old expiry if not yet
    expired (no days lost by renewing early), else from today. The number stays."""
    on = on or today()
    cert = _certificate(session, actor, certificate_id)
    if cert.status != "valid":
        raise ValidationError(translate("Certification", "Certificate {number} is {status}; it cannot be renewed.")
                              .format(number=cert.number, status=status_label(cert.status)), field="status")
    kind = session.get(CertificateType, cert.type_id)
    _require_courses(hook, session, kind, _engineer(session, actor, cert.holder_id))
    if cert.expires_on >= on:
        start = cert.expires_on + timedelta(days=1)
    else:  # lapsed: a fresh term from today
        start = cert.valid_from = on
    cert.expires_on = validity_end(start, kind.validity_months)
    cert.product_lines, cert.level = list(kind.product_lines), kind.level
    _sign(session, actor, cert, session.get(OrgUnit, cert.org_id), passphrase, on)
    _event(session, actor, cert, "renewed")
    session.flush()
    return cert


def _change_status(session: Session, actor: Actor, certificate_id: uuid.UUID, reason: str, *, allowed_from: tuple,
                   new_status: str, action: str) -> Certificate:
    if not reason.strip():
        raise ValidationError(translate("Certification", "Give a reason."), field="reason")
    cert = _certificate(session, actor, certificate_id)
    if cert.status not in allowed_from:
        raise ValidationError(translate("Certification", "Certificate {number} is {status}.").format(
            number=cert.number, status=status_label(cert.status)), field="status")
    cert.status = new_status
    cert.status_reason = reason.strip() if new_status != "valid" else ""
    _event(session, actor, cert, action, reason.strip())
    session.flush()
    return cert


def suspend_certificate(session: Session, actor: Actor, certificate_id: uuid.UUID, reason: str) -> Certificate:
    return _change_status(session, actor, certificate_id, reason, allowed_from=("valid",), new_status="suspended",
                          action="suspended")


def reinstate_certificate(session: Session, actor: Actor, certificate_id: uuid.UUID, reason: str) -> Certificate:
    return _change_status(session, actor, certificate_id, reason, allowed_from=("suspended",), new_status="valid",
                          action="reinstated")


def revoke_certificate(session: Session, actor: Actor, certificate_id: uuid.UUID, reason: str) -> Certificate:
    return _change_status(session, actor, certificate_id, reason, allowed_from=("valid", "suspended"),
                          new_status="revoked", action="revoked")


# ------------------------------------------------------------------ reading


def _visible(actor: Actor):
    """Trainers, managers and HQ see their scope; everyone else only their own certificates."""
    if actor.has(VIEW_ALL) and actor.sees_subtree and actor.tier == "hq":
        # HQ's subtree is every row; without the IN (all units) filter the planner can walk the
        # (expires_on, number) index instead of gathering a million rows by org and sorting them.
        return Certificate.deleted_at.is_(None)
    if actor.has(VIEW_ALL):
        return org_scope(actor, Certificate.org_id)
    return Certificate.holder_id == actor.user_id


def certificate_query(actor: Actor, *, status: str | None = None, expiring_within: int | None = None,
                      text: str = "", on: date | None = None):
    on = on or today()
    stmt = select(Certificate).where(_visible(actor), Certificate.deleted_at.is_(None))
    if status == "valid":
        stmt = stmt.where(valid_clause(on))
    elif status == "expired":
        stmt = stmt.where(Certificate.status == "valid", Certificate.expires_on < on)
    elif status in ("suspended", "revoked"):
        stmt = stmt.where(Certificate.status == status)
    if expiring_within is not None:
        stmt = stmt.where(valid_clause(on), Certificate.expires_on <= on + timedelta(days=expiring_within))
    if text.strip():
        like = f"%{text.strip()}%"
        stmt = stmt.where(or_(Certificate.number.like(like), Certificate.holder_name.like(like)))
    return stmt


def list_certificates(session: Session, actor: Actor, *, offset: int = 0, limit: int = 200, **filters
                      ) -> Sequence[Certificate]:
    stmt = certificate_query(actor, **filters).order_by(Certificate.expires_on, Certificate.number)
    return session.scalars(stmt.offset(offset).limit(limit)).all()


def get_certificate(session: Session, actor: Actor, certificate_id: uuid.UUID) -> Certificate:
    cert = session.scalar(select(Certificate).where(Certificate.id == certificate_id, _visible(actor)))
    if cert is None:
        raise NotFound(translate("Certification", "No such certificate in your scope."))
    return cert


def history(session: Session, actor: Actor, certificate_id: uuid.UUID) -> Sequence[CertificateEvent]:
    cert = get_certificate(session, actor, certificate_id)
    return session.scalars(select(CertificateEvent).where(CertificateEvent.certificate_id == cert.id)
                           .order_by(CertificateEvent.at, CertificateEvent.id)).all()


def expiring_counts(session: Session, actor: Actor, on: date | None = None, *, org_id: uuid.UUID | None = None,
                    subtree: bool = False) -> dict[int, int]:
    """Valid certificates expiring within 30, 60 and 90 days (cumulative), in one indexed range scan."""
    on = on or today()
    windows = (30, 60, 90)
    narrowed = org_filter(session, actor, Certificate.org_id, org_id, subtree)
    within = certificate_query(actor, on=on).where(
        narrowed, valid_clause(on), Certificate.expires_on <= on + timedelta(days=windows[-1])).subquery()
    sums = [func.coalesce(func.sum(case((within.c.expires_on <= on + timedelta(days=days), 1), else_=0)), 0)
            for days in windows]
    return dict(zip(windows, session.execute(select(*sums)).one()))


def engineers_in_scope(session: Session, actor: Actor):
    """Active users of the actor's scope holding the field engineer role: whom a trainer certifies.
    Rows of (id, name, unit code): the unit tells apart people of one name, or of one login in two units."""
    from app.auth.models import user_roles

    name = func.coalesce(func.nullif(User.display_name, ""), User.username)
    stmt = (select(User.id, name.label("name"), OrgUnit.code.label("unit"))
            .join(user_roles, user_roles.c.user_id == User.id).join(OrgUnit, OrgUnit.id == User.org_id)
            .where(user_roles.c.role_code == "field_engineer", org_scope(actor, User.org_id), User.active,
                   User.deleted_at.is_(None)).order_by(name, OrgUnit.code))
    return session.execute(stmt).all()


def listed_query(session: Session, actor: Actor, on: date, org_id: uuid.UUID | None = None, subtree: bool = False,
                 **filters):
    """The certificates page's rows, (Certificate, org code, type name) by expiry then number: the
    page reads it by keyset, the export in one pass."""
    return (certificate_query(actor, on=on, **filters)
            .where(org_filter(session, actor, Certificate.org_id, org_id, subtree))
            .join(OrgUnit, OrgUnit.id == Certificate.org_id)
            .join(CertificateType, CertificateType.id == Certificate.type_id)
            .add_columns(OrgUnit.code, CertificateType.name)
            .order_by(Certificate.expires_on, Certificate.number))


def page_rows(session: Session, actor: Actor, offset: int, limit: int, on: date | None = None,
              after: tuple[str, str] | None = None, org_id: uuid.UUID | None = None, subtree: bool = False,
              **filters) -> list[tuple]:
    """Rows for the certificates page: (id, number, holder, org, type, status text, issued, expires,
    level, product lines, status code, days left), ordered by expiry then number. ``after`` is the
    (expires, number) of the previous page's last row: a keyset, so deep pages cost what the first does.
    ``org_id``/``subtree``: the org filter (``app.orgs.scope.org_filter``)."""
    on = on or today()
    stmt = listed_query(session, actor, on, org_id, subtree, **filters)
    if after is not None:
        expires, number = date.fromisoformat(after[0]), after[1]
        # The plain range on the leading column lets either planner start the index scan there.
        stmt = stmt.where(Certificate.expires_on >= expires,
                          tuple_(Certificate.expires_on, Certificate.number) > tuple_(expires, number))
    else:
        stmt = stmt.offset(offset)
    stmt = stmt.limit(limit)
    rows = []
    for cert, org_code, type_name in session.execute(stmt):
        status = effective_status(cert, on)
        rows.append((cert.id, cert.number, cert.holder_name, org_code, type_name, status_label(status),
                     cert.issued_on.isoformat(), cert.expires_on.isoformat(), level_label(cert.level),
                     "、".join(cert.product_lines), status, (cert.expires_on - on).days))
    return rows


def printable(session: Session, actor: Actor, certificate_id: uuid.UUID) -> dict:
    """What the printed certificate shows, as plain values."""
    cert = get_certificate(session, actor, certificate_id)
    org = session.get(OrgUnit, cert.org_id)
    kind = session.get(CertificateType, cert.type_id)
    return {"number": cert.number, "holder": cert.holder_name, "org": org.name, "org_code": org.code,
            "type": kind.name, "product_lines": "、".join(cert.product_lines), "level": level_label(cert.level),
            "issued_on": cert.issued_on.isoformat(), "valid_from": cert.valid_from.isoformat(),
            "expires_on": cert.expires_on.isoformat(), "status": status_label(effective_status(cert)),
            "qr_text": cert.qr_text}


