"""The two-level Ed25519 chain, independent of the database.

HQ's root key signs a *center statement* (center code, the center's public key, validity,
product-line scope); the center's key signs each *certificate payload*. The QR text carries
all four parts, so a verifier holding only HQ's public key can check a certificate offline:

    SCC1.<payload>.<center signature>.<center statement>.<root signature>

each part base64url without padding, in its one canonical spelling (a verifier refuses any
other); payload and statement are canonical JSON (sorted keys, no spaces, UTF-8).
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from datetime import date

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

QR_PREFIX = "SCC1"


class ChainError(Exception):
    """The QR text is malformed or a signature does not hold. ``reason`` is a short code."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64(text: str) -> bytes:
    """Strict: the URL-safe alphabet without padding, and only the canonical spelling (unused
    trailing bits zero), so every signed part has exactly one text. ValueError otherwise."""
    try:
        data = base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_", validate=True)
    except ValueError:  # binascii.Error, or text that is not ASCII
        raise ValueError("not base64url") from None
    if b64(data) != text:
        raise ValueError("not canonical base64url")
    return data


def canonical(data: dict) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def new_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def public_text(key: Ed25519PublicKey) -> str:
    return b64(key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))


def public_from_text(text: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(unb64(text))


def encrypt_private(key: Ed25519PrivateKey, passphrase: str) -> str:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.BestAvailableEncryption(passphrase.encode("utf-8"))).decode("ascii")


def decrypt_private(pem: str, passphrase: str) -> Ed25519PrivateKey:
    """Raises ValueError on a wrong passphrase."""
    try:
        key = serialization.load_pem_private_key(pem.encode("ascii"), passphrase.encode("utf-8"))
    except (ValueError, TypeError) as exc:
        raise ValueError("wrong passphrase") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("not an Ed25519 key")
    return key


def public_pem(key: Ed25519PublicKey) -> str:
    return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")


def public_from_pem(pem: str) -> Ed25519PublicKey:
    key = serialization.load_pem_public_key(pem.encode("ascii"))
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    return key


def center_statement(center_code: str, center_public: str, valid_from: date, valid_until: date,
                     product_lines: list[str]) -> bytes:
    return canonical({"v": 1, "center": center_code, "key": center_public, "from": valid_from.isoformat(),
                      "until": valid_until.isoformat(), "scope": sorted(product_lines)})


def sign(key: Ed25519PrivateKey, data: bytes) -> str:
    return b64(key.sign(data))


def qr_text(payload: bytes, center_signature: str, statement: bytes, root_signature: str) -> str:
    return ".".join((QR_PREFIX, b64(payload), center_signature, b64(statement), root_signature))


# What each signed document must hold; dates are ISO days (YYYY-MM-DD), lists hold texts.
STATEMENT_FIELDS = {"center": str, "key": str, "from": date, "until": date, "scope": list}
PAYLOAD_FIELDS = {"no": str, "holder": str, "org": str, "org_name": str, "lines": list, "level": str,
                  "issued": date, "from": date, "expires": date, "signed": date}
MAX_TEXT = 4096  # a QR code holds at most 2,953 bytes: anything longer was not scanned from one
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True)
class Verified:
    """What a valid chain proves: the payload as HQ's authorised center signed it. Both are
    checked against their field lists; date fields are ``date`` objects."""

    payload: dict
    statement: dict


def verify_chain(text: str, root_public: Ed25519PublicKey) -> Verified:
    """Check both signatures and that the payload lies within the center's validity and scope.
    Nothing is parsed before the signature over it holds, and nothing raises but ChainError."""
    payload_bytes, center_sig, statement_bytes, root_sig = _parts(text)
    try:
        root_public.verify(root_sig, statement_bytes)
    except InvalidSignature:
        raise ChainError("root_signature") from None
    statement = _document(statement_bytes, STATEMENT_FIELDS)
    try:
        public_from_text(statement["key"]).verify(center_sig, payload_bytes)
    except (InvalidSignature, ValueError):
        raise ChainError("center_signature") from None
    payload = _document(payload_bytes, PAYLOAD_FIELDS)
    if not statement["from"] <= payload["signed"] <= statement["until"]:
        raise ChainError("center_validity")
    if not set(payload["lines"]) <= set(statement["scope"]):
        raise ChainError("center_scope")
    return Verified(payload, statement)


def _parts(text: str) -> tuple[bytes, bytes, bytes, bytes]:
    parts = text.strip().split(".") if len(text) <= MAX_TEXT else ()
    if len(parts) != 5 or parts[0] != QR_PREFIX:
        raise ChainError("malformed")
    try:
        return unb64(parts[1]), unb64(parts[2]), unb64(parts[3]), unb64(parts[4])
    except ValueError:
        raise ChainError("malformed") from None


def _document(data: bytes, fields: dict) -> dict:
    """The signed JSON object with every field of ``fields`` in its expected kind."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):  # RecursionError: nesting deeper than the parser goes
        raise ChainError("malformed") from None
    if not isinstance(document, dict):
        raise ChainError("malformed")
    checked = dict(document)
    for name, kind in fields.items():
        checked[name] = _field(document.get(name), kind)
    return checked


def _field(value, kind):
    if kind is date:
        if isinstance(value, str) and _ISO_DAY.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
    elif kind is list:
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return value
    elif isinstance(value, kind):
        return value
    raise ChainError("malformed")
