"""Offline verification of a certificate from its QR text or its number.

Needs only HQ's public key (reference data in this database); the registry, when it knows the
number, adds the current status (suspended, revoked, renewed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import translate
from plugins.certification import keys, signing
from plugins.certification.common import today
from plugins.certification.models import Certificate
from plugins.certification.service import effective_status, level_label, status_label


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
    genuine: bool = False  # both signatures hold and the center key was not revoked when it signed

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
    on = on or today()
    text = text_or_number.strip()
    if not text.startswith(signing.QR_PREFIX + "."):
        cert = session.scalar(select(Certificate).where(Certificate.number == text.upper()))
        if cert is None or not cert.qr_text:
            return Verification(False, translate("Certification", "No certificate numbered “{number}” in this "
                                                                  "installation's registry.").format(number=text))
        text = cert.qr_text
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
    return _result(session, verified, on)


def _result(session: Session, verified: signing.Verified, on: date) -> Verification:
    payload, statement = verified.payload, verified.statement
    details = dict(number=payload["no"], holder=payload["holder"], org=f"{payload['org_name']} ({payload['org']})",
                   product_lines=tuple(payload["lines"]), level=level_label(payload["level"]),
                   issued_on=date.fromisoformat(payload["issued"]), expires_on=date.fromisoformat(payload["expires"]),
                   center=statement["center"])
    revoked_on = keys.revoked_keys(session).get(statement["key"])
    if revoked_on is not None and payload["signed"] >= revoked_on.isoformat():
        return Verification(False, translate("Certification", "Rejected: signed on {signed} by a training center key "
                                                              "revoked on {revoked}.").format(
            signed=payload["signed"], revoked=revoked_on.isoformat()), status="revoked", **details)
    cert = session.scalar(select(Certificate).where(Certificate.number == payload["no"]))
    if cert is not None:
        details["expires_on"] = cert.expires_on
        status = effective_status(cert, on)
    else:
        status = "expired" if on > details["expires_on"] else "pending" if on.isoformat() < payload["from"] else "valid"
    message = translate("Certification", "Genuine certificate, signed by training center {center} under HQ's "
                                         "authority.").format(center=statement["center"])
    if status != "valid":
        message += " " + translate("Certification", "It is not valid now: {status}.").format(status=status_label(status))
    return Verification(status == "valid", message, status=status, genuine=True, **details)
