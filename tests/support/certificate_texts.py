"""Certificate QR texts as a forger or an older installation would present them: compact texts
re-signed with a center's private key or altered without it, signed bodies of any shape, and the
full-chain text (SCC1) certificates were printed with before the compact one."""

from __future__ import annotations

import base64
from dataclasses import replace
from datetime import date

from app.orgs.models import OrgUnit
from plugins.certification import signing
from plugins.certification.models import CenterKey, Certificate

SCOPE = ("存储", "天阔服务器")  # the scope of the center keys of the certification tests' ``chain``
# The older payload's names, which the tests keep using for the fields they change.
OLD_NAMES = {"no": "number", "from": "valid_from"}
DAYS = {"issued", "valid_from", "expires", "signed"}


def changed(fields: signing.CertificateFields, changes: dict) -> signing.CertificateFields:
    values = {}
    for name, value in changes.items():
        name = OLD_NAMES.get(name, name)
        values[name] = date.fromisoformat(value) if name in DAYS and isinstance(value, str) else value
    return replace(fields, **values)


def resigned(qr: str, center_private, scope=SCOPE, **changes) -> str:
    """The compact text with ``changes``, signed again by ``center_private``."""
    fields = signing.unpack_fields(signing.read_compact(qr), list(scope))
    return signing.compact_qr_text(changed(fields, changes), center_private, list(scope))


def altered(qr: str, scope=SCOPE, **changes) -> str:
    """The compact text with ``changes`` but its old signature, as someone without the key edits it."""
    compact = signing.read_compact(qr)
    fields = changed(signing.unpack_fields(compact, list(scope)), changes)
    return compact_text(compact.key_id + signing.pack_fields(fields, list(scope)) + compact.signature)


def signed_body(center_private, fields: bytes) -> str:
    """``fields`` (any bytes) after the key id, signed by the center's real key: only their shape
    can refuse them."""
    body = signing.key_id(signing.public_text(center_private.public_key())) + fields
    return compact_text(body + center_private.sign(signing.COMPACT_PREFIX.encode("ascii") + body))


def compact_text(data: bytes) -> str:
    return f"{signing.COMPACT_PREFIX}.{base64.b32encode(data).decode('ascii').rstrip('=')}"


def legacy_text(session, cert: Certificate, center_private, **changes) -> str:
    """The full-chain text the certificate would have carried when printed before the compact text."""
    org = session.get(OrgUnit, cert.org_id)
    key = session.get(CenterKey, cert.center_key_id)
    payload = signing.canonical({
        "v": 1, "no": cert.number, "holder": cert.holder_name, "org": org.code, "org_name": org.name,
        "lines": sorted(cert.product_lines), "level": cert.level, "issued": cert.issued_on.isoformat(),
        "from": cert.valid_from.isoformat(), "expires": cert.expires_on.isoformat(),
        "signed": cert.issued_on.isoformat(), **changes})
    return signing.qr_text(payload, signing.sign(center_private, payload), key.statement.encode("utf-8"),
                           key.root_signature)
