"""Offline verification of a certificate from its QR text or its number.

Needs only HQ's public key (reference data in this database) and, for the compact text printed
today, the center key that signed it, whose statement HQ signed (reference data too: HQ's
signature is checked here, so a key HQ did not authorise is refused); the older full-chain text
carries its statement itself. The registry, when it knows the number, adds the current status
(suspended, revoked, renewed).

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
from app.orgs.models import OrgUnit
from plugins.certification import keys, signing
from plugins.certification.certificates import effective_status, level_label, status_label
from plugins.certification.common import today
from plugins.certification.horizon import Horizon, horizon, registry_note, revocations_note
from plugins.certification.models import CenterKey, Certificate

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
        "unknown_key": translate("Certification", "Cannot be checked here yet: the training center key that signed "
                                                  "this certificate is not known in this installation. Center keys "
                                                  "arrive with HQ's reference data; sync with the parent, then "
                                                  "verify again."),
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
    text = signing.normalised(text_or_number)
    if not (signing.is_compact(text) or text.startswith(signing.QR_PREFIX + ".")):
        number = text.upper()
        if not number or len(number) > NUMBER_LENGTH or not number.isprintable():
            return Verification(False, _failure("malformed"))
        cert = _registered(session, number)
        if cert is None or not cert.qr_text:
            return Verification(False, translate("Certification", "No certificate numbered “{number}” in this "
                                                                  "installation's registry.").format(number=text))
        text = signing.normalised(cert.qr_text)
    roots = keys.root_public_keys(session)
    if not roots:
        return Verification(False, translate("Certification", "HQ's public key has not been imported yet."))
    verified, reason = _compact_chain(session, text, roots) if signing.is_compact(text) else _full_chain(text, roots)
    if verified is None:
        return Verification(False, _failure(reason))
    return _result(session, verified, text, on)


def _full_chain(text: str, roots: list) -> tuple[signing.Verified | None, str]:
    """The older text that carries the center statement and HQ's signature of it."""
    reason = "root_signature"
    for root in roots:
        try:
            return signing.verify_chain(text, root), ""
        except signing.ChainError as exc:
            reason = exc.reason if exc.reason != "root_signature" else reason
            if exc.reason == "malformed":
                break
    return None, reason


def _compact_chain(session: Session, text: str, roots: list) -> tuple[signing.Verified | None, str]:
    """The compact text, with the statement of the center key it names from this installation's
    center keys (a revoked one too: the verdict then weighs the revocation)."""
    try:
        compact = signing.read_compact(text)
    except signing.ChainError as exc:
        return None, exc.reason
    candidates = [(statement, root_signature) for public_key, statement, root_signature in session.execute(
        select(CenterKey.public_key, CenterKey.statement, CenterKey.root_signature))
        if signing.key_id(public_key) == compact.key_id]
    reason = "root_signature" if candidates else "unknown_key"
    for statement, root_signature in candidates:
        for root in roots:
            try:
                return signing.verify_compact(compact, statement.encode("utf-8"), root_signature, root), ""
            except signing.ChainError as exc:
                if exc.reason != "root_signature":
                    reason = exc.reason
                    break  # HQ's signature held: another root key changes nothing
    return None, reason


def _registered(session: Session, number: str) -> Certificate | None:
    return session.scalar(select(Certificate).where(Certificate.number == number, Certificate.deleted_at.is_(None)))


def _result(session: Session, verified: signing.Verified, text: str, on: date) -> Verification:
    payload, statement = verified.payload, verified.statement
    details = dict(number=payload["no"], holder=payload["holder"], org=_org_text(session, payload),
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


def _org_text(session: Session, payload: dict) -> str:
    """The holder's unit: the name the older text carried, else this installation's name for the code."""
    name = payload["org_name"] or session.scalar(select(OrgUnit.name).where(OrgUnit.code == payload["org"])) or ""
    return f"{name} ({payload['org']})" if name else payload["org"]


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
    if signing.normalised(cert.qr_text) != text:
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
