"""HQ's root key and the training centers' signing keys (database side of ``signing``)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth.actor import Actor
from app.errors import NotFound, ValidationError
from app.i18n import translate
from app.orgs.models import OrgUnit
from app.orgs.scope import org_scope
from plugins.certification import signing
from plugins.certification.common import today
from plugins.certification.models import CenterKey, KeySecret, RootKey

MIN_PASSPHRASE = 8
SECRETS = "certification.center_keys"  # this plugin's entry in a provisioning file's secrets
REASON_LENGTH = CenterKey.revoked_reason.type.length


def _check_passphrase(passphrase: str, field: str) -> None:
    if len(passphrase or "") < MIN_PASSPHRASE:
        raise ValidationError(translate("Certification", "A passphrase has at least {n} characters.").format(
            n=MIN_PASSPHRASE), field=field)


def unlock(pem: str, passphrase: str, field: str = "passphrase"):
    try:
        return signing.decrypt_private(pem, passphrase)
    except ValueError:
        raise ValidationError(translate("Certification", "Wrong passphrase for the signing key."), field=field) from None


# ------------------------------------------------------------------ root key


def create_root_key(session: Session, actor: Actor, passphrase: str) -> RootKey:
    """Make HQ's root key pair; the private half is stored encrypted with ``passphrase``."""
    _check_passphrase(passphrase, "passphrase")
    if session.scalar(select(RootKey.id).where(RootKey.encrypted_private_pem.is_not(None), RootKey.active)):
        raise ValidationError(translate("Certification", "HQ already has a root key."), field="root_key")
    private = signing.new_private_key()
    root = RootKey(public_key=signing.public_text(private.public_key()),
                   encrypted_private_pem=signing.encrypt_private(private, passphrase))
    session.add(root)
    session.flush()
    audit.record(session, actor, "certification.root_key", root.id, "create", root.public_key)
    return root


def root_public_keys(session: Session) -> list:
    return [signing.public_from_text(text) for text in
            session.scalars(select(RootKey.public_key).where(RootKey.active, RootKey.deleted_at.is_(None)))]


def export_root_public(session: Session) -> str:
    """HQ's public key as a PEM file's text, for installations that cannot sync yet."""
    root = session.scalar(select(RootKey).where(RootKey.active, RootKey.deleted_at.is_(None))
                          .order_by(RootKey.encrypted_private_pem.is_(None)))
    if root is None:
        raise NotFound(translate("Certification", "There is no HQ root key yet."))
    return signing.public_pem(signing.public_from_text(root.public_key))


def import_root_public(session: Session, actor: Actor, pem_text: str) -> RootKey:
    try:
        public = signing.public_from_pem(pem_text)
    except (ValueError, TypeError):
        raise ValidationError(translate("Certification", "The file is not an Ed25519 public key (PEM)."),
                              field="file") from None
    text = signing.public_text(public)
    existing = session.scalar(select(RootKey).where(RootKey.public_key == text))
    if existing is not None:
        existing.active = True
        return existing
    root = RootKey(public_key=text, encrypted_private_pem=None)
    session.add(root)
    session.flush()
    audit.record(session, actor, "certification.root_key", root.id, "import", text)
    return root


# ------------------------------------------------------------------ training center keys


def authorise_center(session: Session, actor: Actor, *, center_code: str, product_lines: Sequence[str],
                     valid_from: date, valid_until: date, root_passphrase: str, center_passphrase: str) -> CenterKey:
    """HQ signs a new key for a training center, limited to ``product_lines`` and a period."""
    _check_passphrase(center_passphrase, "center_passphrase")
    center = session.scalar(select(OrgUnit).where(OrgUnit.code == center_code))
    if center is None or center.tier == "partner":
        raise ValidationError(translate("Certification", "“{code}” is not HQ or a branch.").format(code=center_code),
                              field="center")
    if not product_lines or valid_until < valid_from:
        raise ValidationError(translate("Certification", "A center key needs product lines and a period that ends "
                                                         "after it starts."), field="valid_until")
    root = session.scalar(select(RootKey).where(RootKey.active, RootKey.encrypted_private_pem.is_not(None)))
    if root is None:
        raise NotFound(translate("Certification", "There is no HQ root key yet."))
    root_private = unlock(root.encrypted_private_pem, root_passphrase, "root_passphrase")
    private = signing.new_private_key()
    public = signing.public_text(private.public_key())
    statement = signing.center_statement(center.code, public, valid_from, valid_until, list(product_lines))
    key = CenterKey(org_id=center.id, public_key=public, statement=statement.decode("utf-8"),
                    root_signature=signing.sign(root_private, statement), valid_from=valid_from,
                    valid_until=valid_until, product_lines=sorted(product_lines),
                    encrypted_private_pem=signing.encrypt_private(private, center_passphrase))
    session.add(key)
    session.flush()
    audit.record(session, actor, "certification.center_key", key.id, "authorise",
                 f"{center.code} {valid_from}..{valid_until} {','.join(sorted(product_lines))}")
    return key


def revoke_center_key(session: Session, actor: Actor, key_id: uuid.UUID, reason: str,
                      revoked_on: date | None = None) -> CenterKey:
    """Everything the key signs from ``revoked_on`` on is rejected; what it signed earlier stands
    only where the verifier's registry lists it (``verification``): the key's holder could
    backdate a signature, but not a registry entry."""
    if not reason.strip():
        raise ValidationError(translate("Certification", "Give a reason."), field="reason")
    if len(reason.strip()) > REASON_LENGTH:
        raise ValidationError(translate("Certification", "A reason has at most {n} characters.").format(
            n=REASON_LENGTH), field="reason")
    key = session.get(CenterKey, key_id)
    if key is None:
        raise NotFound(translate("Certification", "No such center key."))
    revoked_on = revoked_on or today()
    if key.revoked_on is not None and revoked_on > key.revoked_on:
        # A later date would make certificates signed in between trusted again.
        raise ValidationError(translate("Certification", "This key was already revoked on {date}; a revocation can "
                                                         "only be moved earlier.").format(
            date=key.revoked_on.isoformat()), field="revoked_on")
    key.revoked_on = revoked_on
    key.revoked_reason = reason.strip()
    audit.record(session, actor, "certification.center_key", key.id, "revoke", reason)
    session.flush()
    return key


def list_center_keys(session: Session, actor: Actor) -> Sequence[CenterKey]:
    return session.scalars(select(CenterKey).where(org_scope(actor, CenterKey.org_id))
                           .order_by(CenterKey.valid_until.desc())).all()


def signing_key_for(session: Session, actor: Actor, product_lines: Sequence[str], on: date) -> CenterKey:
    """The actor's own training center key that may sign these lines on ``on`` and whose private
    half this installation holds (latest expiry first)."""
    candidates = session.scalars(select(CenterKey).where(
        CenterKey.org_id == actor.org_id, CenterKey.deleted_at.is_(None), CenterKey.valid_from <= on,
        CenterKey.valid_until >= on).order_by(CenterKey.valid_until.desc())).all()
    usable = [key for key in candidates
              if (key.revoked_on is None or key.revoked_on > on) and set(product_lines) <= set(key.product_lines)]
    held = [key for key in usable if private_pem(session, key)]
    if held:
        return held[0]
    if usable:
        raise ValidationError(translate("Certification", "This installation does not hold your training center's "
                                                         "signing key: ask HQ for a new provisioning file and "
                                                         "connect with it."), field="center_key")
    raise ValidationError(translate("Certification", "Your training center has no valid signing key for {lines}; "
                                                     "ask HQ to authorise one.").format(lines="、".join(product_lines)),
                          field="center_key")


def holds_signing_key(session: Session, org_id: uuid.UUID, on: date) -> bool:
    """Whether this installation holds the private half of a key of ``org_id`` good on ``on``."""
    current = session.scalars(select(CenterKey).where(
        CenterKey.org_id == org_id, CenterKey.deleted_at.is_(None), CenterKey.valid_from <= on,
        CenterKey.valid_until >= on, or_(CenterKey.revoked_on.is_(None), CenterKey.revoked_on > on)))
    return any(private_pem(session, key) for key in current)


def private_pem(session: Session, key: CenterKey) -> str:
    """The key's encrypted private half: in its own row where HQ made it, else as the provisioning
    file handed it over (sync leaves the column empty); "" when this installation holds neither."""
    if key.encrypted_private_pem:
        return key.encrypted_private_pem
    secret = session.get(KeySecret, key.id)
    return secret.encrypted_private_pem if secret is not None else ""


# ------------------------------------------------------------------ handing keys to a provisioned node


def node_secrets(session: Session, org_id: uuid.UUID) -> dict:
    """The encrypted private halves of the org unit's keys that are (or will be) good for signing,
    for its provisioning file. They stay encrypted with the center passphrase HQ chose."""
    on = today()
    rows = session.execute(select(CenterKey.id, CenterKey.encrypted_private_pem).where(
        CenterKey.org_id == org_id, CenterKey.deleted_at.is_(None), CenterKey.valid_until >= on,
        or_(CenterKey.revoked_on.is_(None), CenterKey.revoked_on > on), CenterKey.encrypted_private_pem != "")
        .order_by(CenterKey.id)).all()
    return {SECRETS: [{"id": str(key_id), "encrypted_private_pem": pem} for key_id, pem in rows]} if rows else {}


def store_secrets(session: Session, secrets: dict) -> None:
    """Keep the private halves handed over at provisioning; provisioning again replaces them."""
    for item in secrets.get(SECRETS, ()):
        key_id = uuid.UUID(item["id"])
        secret = session.get(KeySecret, key_id) or KeySecret(key_id=key_id)
        secret.encrypted_private_pem = item["encrypted_private_pem"]
        session.add(secret)
    session.flush()


@dataclass(frozen=True)
class Revocation:
    """A center key's revocation as this installation knows it (revocations reach branches as
    reference data): signatures from ``revoked_on`` on are rejected."""

    key_id: uuid.UUID
    revoked_on: date
    reason: str


def revocation_of(session: Session, public_key: str) -> Revocation | None:
    row = session.execute(select(CenterKey.id, CenterKey.revoked_on, CenterKey.revoked_reason).where(
        CenterKey.public_key == public_key, CenterKey.revoked_on.is_not(None))).first()
    return Revocation(*row) if row else None


def root_key_summary(session: Session) -> list[tuple[str, bool]]:
    """(public key, private half held here) for every active root key."""
    return [(r.public_key, r.encrypted_private_pem is not None) for r in session.scalars(
        select(RootKey).where(RootKey.active, RootKey.deleted_at.is_(None)))]


def center_key_rows(session: Session, actor: Actor) -> list[tuple]:
    """(id, center code, valid from, valid until, product lines, revoked on, reason) for the keys dialog."""
    codes = dict(session.execute(select(OrgUnit.id, OrgUnit.code)).all())
    return [(k.id, codes.get(k.org_id, ""), k.valid_from, k.valid_until, k.product_lines, k.revoked_on,
             k.revoked_reason) for k in list_center_keys(session, actor)]
