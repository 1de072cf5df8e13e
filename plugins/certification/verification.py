"""Offline verification of a certificate from its QR text or its number.

Needs only HQ's public key (reference data in this database); the registry, when it knows the
number, adds the current status (suspended, revoked, renewed).

A revoked training center key: what it signed on or after the revocation date is rejected. What
it signed earlier is trusted only if this installation's registry holds that very QR text, since
whoever holds a revoked key can sign with any earlier date but cannot put an entry into the
registry. A certificate the registry does not know is not trusted.

Every verdict lists what the check confirmed and what it could not confirm here (how current the
revocations and the registry are), so "valid" is never read as "valid everywhere, as of now"."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import translate
from plugins.certification import keys, signing
from plugins.certification.certificates import effective_status, level_label, status_label
from plugins.certification.common import today
from plugins.certification.horizon import Horizon, horizon, registry_note, revocations_note
from plugins.certification.models import Certificate

NUMBER_LENGTH = Certificate.number.type.length


@dataclass(frozen=True)
class Verification:
    ok: bool  # genuine and valid today
    message: str
    number: str = ""
    holder: str = ""
    org: str = ""
    product_lines: tuple[str, ...] = field(default_factory=tuple)
    level: str = ""
    issued_on: date | None = None
    expires_on: date | None = None
    status: str = ""
    center: str = ""
    genuine: bool = False  # both signatures hold and the signing key's revocation does not touch it
    confirmed: tuple[str, ...] = ()  # what this check established
    unconfirmed: tuple[str, ...] = ()  # what an offline check here cannot know

    @property
    def status_text(self) -> str:
        return status_label(self.status) if self.status else ""


def _failure(reason: str) -> str:
    return {
        "malformed": translate("Certification", "This is not a certificate QR text or number."),
        "root_signature": translate("Certification", "Rejected: the training center's key is not signed by HQ's "
                                                     "root key (wrong or unknown key)."),
        "center_signature": translate("Certification", "Rejected: the certificate data was altered or signed with "
                                                       "another key."),
        "center_validity": translate("Certification", "Rejected: signed outside the training center key's validity."),
        "center_scope": translate("Certification", "Rejected: covers product lines the training center may not "
                                                   "certify."),
    }[reason]


def verify(session: Session, text_or_number: str, on: date | None = None) -> Verification:
    """The verdict on a QR text or a certificate number; never raises for what was presented."""
    on = on or today()
    text = text_or_number.strip()
    if not text.startswith(signing.QR_PREFIX + "."):
        number = text.upper()
        if not number or len(number) > NUMBER_LENGTH or not number.isprintable():
            return Verification(False, _failure("malformed"))
        cert = _registered(session, number)
        if cert is None or not cert.qr_text:
            return Verification(False, translate("Certification", "No certificate numbered “{number}” in this "
                                                                  "installation's registry.").format(number=text))
        text = cert.qr_text.strip()
    roots = keys.root_public_keys(session)
    if not roots:
        return Verification(False, translate("Certification", "HQ's public key has not been imported yet."))
    verified, reason = None, "root_signature"
    for root in roots:
        try:
            verified = signing.verify_chain(text, root)
            break
        except signing.ChainError as exc:
            reason = exc.reason if exc.reason != "root_signature" else reason
            if exc.reason == "malformed":
                break
    if verified is None:
        return Verification(False, _failure(reason))
    return _result(session, verified, text, on)


def _registered(session: Session, number: str) -> Certificate | None:
    return session.scalar(select(Certificate).where(Certificate.number == number, Certificate.deleted_at.is_(None)))


def _result(session: Session, verified: signing.Verified, text: str, on: date) -> Verification:
    payload, statement = verified.payload, verified.statement
    details = dict(number=payload["no"], holder=payload["holder"], org=f"{payload['org_name']} ({payload['org']})",
                   product_lines=tuple(payload["lines"]), level=level_label(payload["level"]),
                   issued_on=payload["issued"], expires_on=payload["expires"], center=statement["center"])
    known = horizon(session)
    cert = _registered(session, payload["no"])
    confirmed, unconfirmed = _notes(known, verified, cert, on)
    revocation = keys.revocation_of(session, statement["key"])
    if revocation is not None:
        refusal = _revocation_refusal(revocation, payload, cert, text)
        if refusal:
            return Verification(False, refusal, status="revoked", confirmed=confirmed, unconfirmed=unconfirmed,
                                **details)
    if cert is not None:
        details["expires_on"] = cert.expires_on
        status = effective_status(cert, on)
    else:
        status = "expired" if on > payload["expires"] else "pending" if on < payload["from"] else "valid"
    message = translate("Certification", "Genuine certificate, signed by training center {center} under HQ's "
                                         "authority.").format(center=statement["center"])
    if revocation is not None:
        caveat = translate("Certification", "Its signing key was revoked on {revoked} ({reason}); it stands because "
                                            "the registry lists it as signed on {signed}, before the revocation.")
        message += " " + caveat.format(**_revocation_values(revocation, payload))
    if status != "valid":
        message += " " + translate("Certification", "It is not valid now: {status}.").format(status=status_label(status))
    return Verification(status == "valid", message, status=status, genuine=True, confirmed=confirmed,
                        unconfirmed=unconfirmed, **details)


def _revocation_values(revocation: keys.Revocation, payload: dict) -> dict:
    return dict(signed=payload["signed"].isoformat(), revoked=revocation.revoked_on.isoformat(),
                reason=revocation.reason, number=payload["no"])


def _revocation_refusal(revocation: keys.Revocation, payload: dict, cert: Certificate | None, text: str) -> str:
    """Why a signature by a revoked key is not trusted, or "" when the registry vouches for it."""
    values = _revocation_values(revocation, payload)
    if payload["signed"] >= revocation.revoked_on:
        return translate("Certification", "Rejected: signed on {signed} by a training center key revoked on "
                                          "{revoked} ({reason}).").format(**values)
    if cert is None:
        return translate("Certification", "Not trusted: signed on {signed} by a training center key revoked on "
                                          "{revoked} ({reason}), and this installation's registry does not list "
                                          "{number}, so nothing confirms it was issued before the revocation."
                         ).format(**values)
    if cert.qr_text.strip() != text:
        return translate("Certification", "Not trusted: signed by a training center key revoked on {revoked} "
                                          "({reason}), and this QR text is not the one the registry holds for "
                                          "{number}; verify the current certificate or its number.").format(**values)
    return ""


def _notes(known: Horizon, verified: signing.Verified, cert: Certificate | None, on: date) -> tuple[tuple, tuple]:
    """(confirmed, not confirmed here) for a chain whose signatures hold."""
    statement = verified.statement
    confirmed = [translate("Certification", "Both signatures hold: HQ's root key authorised training center "
                                            "{center}'s key for {scope} from {start} to {end}, and that key signed "
                                            "this certificate on {signed}.").format(
        center=statement["center"], scope="、".join(statement["scope"]), start=statement["from"].isoformat(),
        end=statement["until"].isoformat(), signed=verified.payload["signed"].isoformat())]
    unconfirmed = []
    (confirmed if known.at_hq else unconfirmed).append(revocations_note(known))
    if cert is not None:
        listed = translate("Certification", "In this installation's registry: {status}, expires on {expires}.")
        confirmed.append(listed.format(status=status_label(effective_status(cert, on)),
                                       expires=cert.expires_on.isoformat()))
    else:
        unconfirmed.append(translate("Certification", "Not in this installation's registry: whether it was "
                                                      "suspended, revoked or renewed cannot be checked here."))
    unconfirmed.append(registry_note(known))
    return tuple(confirmed), tuple(unconfirmed)
