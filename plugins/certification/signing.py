"""The two-level Ed25519 chain, independent of the database.

HQ's root key signs a *center statement* (center code, the center's public key, validity,
product-line scope); the center's key signs each *certificate payload*.

Certificates are printed with the *compact text* (below): the payload packed in binary
with the center's signature and a short id of its key, in base32 so that the QR code uses its
alphanumeric mode and stays small enough (version 10 or less at level M) to scan from a 72 dpi
print or a phone photo. The center statement and HQ's signature of it are not in the code: the
verifier takes them from its center keys (reference data every installation receives from HQ)
and checks HQ's signature there, so the chain still needs nothing but HQ's public key to trust.

Certificates printed earlier carry the whole chain, which still verifies:

    SCC1.<payload>.<center signature>.<center statement>.<root signature>

each part base64url without padding, in its one canonical spelling (a verifier refuses any
other); payload and statement are canonical JSON (sorted keys, no spaces, UTF-8).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date, timedelta

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


# ------------------------------------------------------------------ the compact text
#
#     SCC2.<base32 of: key id (5 bytes) | fields | center signature (64 bytes)>
#
# The fields, in this order: number, holder, org code, level (each a length-prefixed UTF-8 text),
# the product lines as a bit mask over the signing key's sorted scope (length-prefixed), and the
# days issued, valid from, expires and signed (each two bytes: days since 2000-01-01). The center
# signs the prefix "SCC2" and everything between it and the signature. Base32 is RFC 4648's
# alphabet without padding, upper case (a scanner may hand it over in lower case).

COMPACT_PREFIX = "SCC2"
KEY_ID_BYTES = 5
SIGNATURE_BYTES = 64
EPOCH = date(2000, 1, 1)
_BASE32 = re.compile(r"[A-Z2-7]+")


@dataclass(frozen=True)
class CertificateFields:
    """What a compact text states about a certificate."""

    number: str
    holder: str
    org: str
    level: str
    lines: tuple[str, ...]
    issued: date
    valid_from: date
    expires: date
    signed: date

    def payload(self) -> dict:
        """The fields under the names the verdict reads (those of the older JSON payload)."""
        return {"no": self.number, "holder": self.holder, "org": self.org, "org_name": "", "lines": list(self.lines),
                "level": self.level, "issued": self.issued, "from": self.valid_from, "expires": self.expires,
                "signed": self.signed}


@dataclass(frozen=True)
class CompactText:
    """A compact text taken apart, nothing of it trusted yet."""

    key_id: bytes
    signed: bytes  # the bytes the center's signature covers
    signature: bytes


def key_id(public_key_text: str) -> bytes:
    """The short id a compact text names its signing key by (the start of the key's SHA-256). It
    only picks the stored statement to check: keys that happen to share an id are each tried."""
    return hashlib.sha256(unb64(public_key_text)).digest()[:KEY_ID_BYTES]


def is_compact(text: str) -> bool:
    return text.strip().upper().startswith(COMPACT_PREFIX + ".")


def normalised(text: str) -> str:
    """The one spelling of a presented text: compact texts in upper case, others as they are."""
    text = text.strip()
    return text.upper() if is_compact(text) else text


def compact_qr_text(fields: CertificateFields, center_private: Ed25519PrivateKey, scope: list[str]) -> str:
    """The certificate signed by the center key whose statement names ``scope``."""
    public = public_text(center_private.public_key())
    body = key_id(public) + pack_fields(fields, scope)
    signature = center_private.sign(COMPACT_PREFIX.encode("ascii") + body)
    return f"{COMPACT_PREFIX}.{_b32(body + signature)}"


def read_compact(text: str) -> CompactText:
    """Take a compact text apart; ChainError("malformed") when it is none."""
    text = normalised(text) if len(text) <= MAX_TEXT else ""
    prefix, _, encoded = text.partition(".")
    if prefix != COMPACT_PREFIX or not _BASE32.fullmatch(encoded):
        raise ChainError("malformed")
    try:
        data = base64.b32decode(encoded + "=" * (-len(encoded) % 8))
    except ValueError:  # a length no base32 text has
        raise ChainError("malformed") from None
    if _b32(data) != encoded or len(data) < KEY_ID_BYTES + SIGNATURE_BYTES:
        raise ChainError("malformed")  # trailing bits set, or an impossible length
    body = data[:-SIGNATURE_BYTES]
    return CompactText(body[:KEY_ID_BYTES], COMPACT_PREFIX.encode("ascii") + body, data[-SIGNATURE_BYTES:])


def verify_compact(compact: CompactText, statement_bytes: bytes, root_signature: str,
                   root_public: Ed25519PublicKey) -> Verified:
    """Check HQ's signature of the center statement (from the verifier's center keys), the center's
    signature of the text, and that the certificate lies within the key's validity; nothing of the
    text is parsed before its signature holds, and nothing raises but ChainError."""
    try:
        root_public.verify(unb64(root_signature), statement_bytes)
    except (InvalidSignature, ValueError):
        raise ChainError("root_signature") from None
    statement = _document(statement_bytes, STATEMENT_FIELDS)
    try:
        if key_id(statement["key"]) != compact.key_id:
            raise ValueError("another key")
        public_from_text(statement["key"]).verify(compact.signature, compact.signed)
    except (InvalidSignature, ValueError):
        raise ChainError("center_signature") from None
    fields = unpack_fields(compact, statement["scope"])
    if not statement["from"] <= fields.signed <= statement["until"]:
        raise ChainError("center_validity")
    return Verified(fields.payload(), statement)


def unpack_fields(compact: CompactText, scope: list[str]) -> CertificateFields:
    """The fields of a compact text whose signing key's statement names ``scope``."""
    reader = _Reader(compact.signed[len(COMPACT_PREFIX) + KEY_ID_BYTES:])
    number, holder, org, level = (reader.text() for _ in range(4))
    lines = _lines(reader.chunk(), sorted(scope))
    issued, valid_from, expires, signed = (reader.day() for _ in range(4))
    reader.end()
    return CertificateFields(number, holder, org, level, lines, issued, valid_from, expires, signed)


def _b32(data: bytes) -> str:
    return base64.b32encode(data).decode("ascii").rstrip("=")


def pack_fields(fields: CertificateFields, scope: list[str]) -> bytes:
    """The fields as the compact text packs them, for a key whose statement names ``scope``."""
    scope = sorted(scope)
    if not set(fields.lines) <= set(scope):
        raise ValueError("product lines outside the key's scope")
    mask = sum(1 << index for index, line in enumerate(scope) if line in fields.lines)
    parts = [_chunk(value.encode("utf-8")) for value in (fields.number, fields.holder, fields.org, fields.level)]
    parts.append(_chunk(mask.to_bytes((mask.bit_length() + 7) // 8, "little")))
    parts.extend(_day(day) for day in (fields.issued, fields.valid_from, fields.expires, fields.signed))
    return b"".join(parts)


def _chunk(data: bytes) -> bytes:
    """``data`` after its length (one byte below 128, else two: LEB128)."""
    size = len(data)
    if size >= 1 << 14:
        raise ValueError("field too long")
    prefix = bytes([size]) if size < 128 else bytes([size & 0x7F | 0x80, size >> 7])
    return prefix + data


def _day(day: date) -> bytes:
    return (day - EPOCH).days.to_bytes(2, "big")  # OverflowError outside 2000..2179


def _lines(mask_bytes: bytes, scope: list[str]) -> tuple[str, ...]:
    mask = int.from_bytes(mask_bytes, "little")
    if mask_bytes and mask_bytes[-1] == 0 or mask >> len(scope):
        raise ChainError("malformed")  # not the shortest spelling, or lines the key does not have
    return tuple(line for index, line in enumerate(scope) if mask >> index & 1)


class _Reader:
    """Reads the packed fields strictly: each in its one spelling, nothing left over."""

    def __init__(self, data: bytes):
        self.data, self.at = data, 0

    def take(self, size: int) -> bytes:
        if self.at + size > len(self.data):
            raise ChainError("malformed")
        self.at += size
        return self.data[self.at - size:self.at]

    def chunk(self) -> bytes:
        first = self.take(1)[0]
        size = first
        if first & 0x80:
            second = self.take(1)[0]
            if second == 0 or second & 0x80:
                raise ChainError("malformed")
            size = first & 0x7F | second << 7
        return self.take(size)

    def text(self) -> str:
        try:
            return self.chunk().decode("utf-8")
        except UnicodeDecodeError:
            raise ChainError("malformed") from None

    def day(self) -> date:
        return EPOCH + timedelta(days=int.from_bytes(self.take(2), "big"))

    def end(self) -> None:
        if self.at != len(self.data):
            raise ChainError("malformed")
