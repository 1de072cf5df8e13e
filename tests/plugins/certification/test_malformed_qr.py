"""Whatever is presented, verification gives one clear verdict line and never raises: deep nesting,
non-canonical base64 or base32, signed documents or packed fields of the wrong shape, garbage of
any size; in the compact text printed today and in the full-chain text printed before it."""

import base64
import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from certificate_texts import legacy_text, signed_body
from plugins.certification import keys, service, signing
from plugins.certification.models import CenterKey
from plugins.certification.verification import verify

PASSPHRASE = "center-passphrase-1"  # as in conftest.py
TODAY = date(2026, 11, 25)
NOT_A_CERTIFICATE = "This is not a certificate QR text or number."
URLSAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


@pytest.fixture
def certificate(ctx, chain, people, transcript):
    """(compact text, full-chain text, BJ's center private key) of a certificate issued on TODAY."""
    transcript.grant(people["partner_engineer"].user_id, "SRV-101", "SRV-102")
    with ctx.transaction() as session:
        cert = service.issue_certificate(session, people["trainer"], ctx.hook, type_code="SRV-B",
                                         engineer_id=people["partner_engineer"].user_id, passphrase=PASSPHRASE,
                                         on=TODAY)
        center = keys.unlock(session.get(CenterKey, cert.center_key_id).encrypted_private_pem, PASSPHRASE)
        return cert.qr_text, legacy_text(session, cert, center), center


@pytest.fixture
def issued(certificate):
    """(full-chain text, BJ's center private key): the text certificates were printed with before."""
    return certificate[1], certificate[2]


def with_payload(qr: str, center_private, body: bytes) -> str:
    """``body`` signed as the payload by the center's real key: only its shape can refuse it."""
    prefix, _, _, statement, root_sig = qr.split(".")
    return ".".join([prefix, signing.b64(body), signing.sign(center_private, body), statement, root_sig])


def test_a_deeply_nested_signed_payload_gives_a_clear_verdict(ctx, issued):
    qr, center = issued
    nested = with_payload(qr, center, b'{"holder":' + b"[" * 1200 + b"]" * 1200 + b"}")
    assert len(nested) <= signing.MAX_TEXT
    with ctx.reading() as session:
        assert verify(session, nested, on=TODAY).message == NOT_A_CERTIFICATE
        assert verify(session, "SCC1." + "W" * 10**6, on=TODAY).message == NOT_A_CERTIFICATE


@pytest.mark.parametrize("body", [
    b"[]", b"null", b'"text"', b"\xff\xfe", b"{}",
    b'{"no":"X","holder":"a","org":"o","org_name":"n","lines":"not a list","level":"basic","issued":"2026-11-25",'
    b'"from":"2026-11-25","expires":"2028-11-24","signed":"2026-11-25"}',
    b'{"no":"X","holder":"a","org":"o","org_name":"n","lines":["\xe5\xad\x98\xe5\x82\xa8"],"level":"basic",'
    b'"issued":"2026-11-25","from":"2026-11-25","expires":"2028-11-24","signed":"20261125"}',
    b'{"no":"X","holder":"a","org":"o","org_name":"n","lines":[],"level":"basic","issued":"2026-02-30",'
    b'"from":"2026-11-25","expires":"2028-11-24","signed":"2026-11-25"}',
    b'{"no":1,"holder":"a","org":"o","org_name":"n","lines":[],"level":"basic","issued":"2026-11-25",'
    b'"from":"2026-11-25","expires":"2028-11-24","signed":"2026-11-25"}',
], ids=["list", "null", "string", "not-utf8", "empty", "lines-not-list", "compact-date", "no-such-day", "number-int"])
def test_a_signed_payload_of_the_wrong_shape_is_not_a_certificate(ctx, issued, body):
    qr, center = issued
    with ctx.reading() as session:
        result = verify(session, with_payload(qr, center, body), on=TODAY)
    assert (result.ok, result.message) == (False, NOT_A_CERTIFICATE)


def _non_canonical_tail(part: str) -> str:
    """The same bytes under lenient decoding: the unused low bits of the last character set."""
    last = URLSAFE.index(part[-1])
    return part[:-1] + URLSAFE[last | 1]


def test_non_canonical_base64_is_refused(ctx, issued):
    qr, _ = issued
    prefix, payload, center_sig, statement, root_sig = qr.split(".")
    assert len(signing.unb64(center_sig)) == 64  # 86 characters: the last one carries 4 unused bits
    loose = _non_canonical_tail(center_sig)
    assert base64.urlsafe_b64decode(loose + "==") == signing.unb64(center_sig)
    padded = center_sig + "=="
    standard = signing.b64(signing.unb64(root_sig)).replace("-", "+").replace("_", "/")
    with ctx.reading() as session:
        assert verify(session, qr, on=TODAY).ok
        for variant in (".".join([prefix, payload, loose, statement, root_sig]),
                        ".".join([prefix, payload, padded, statement, root_sig]),
                        ".".join([prefix, payload, center_sig, statement, standard]),
                        ".".join([prefix, payload + " ", center_sig, statement, root_sig])):
            if variant != qr:
                assert verify(session, variant, on=TODAY).message == NOT_A_CERTIFICATE, variant


@pytest.mark.parametrize("presented", ["", "   ", "\x00", "CERT-\x00-1", "证书" * 30, "x" * 100_000, "SCC1.",
                                       "SCC1....", "SCC1.a.b.c.d", "SCC1.====.AA.AA.AA", "SCC1.🙂.AA.AA.AA",
                                       "SCC2.", "SCC2.A", "scc2.!!", "SCC2.AA==", "SCC2." + "7" * 200,
                                       "SCC2." + "A" * 100_000, "SCC2.证书"])
def test_garbage_gets_one_verdict_line(ctx, chain, presented):
    with ctx.reading() as session:
        result = verify(session, presented, on=TODAY)
    assert not result.ok and not result.genuine and "\n" not in result.message and result.message


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
                           max_leaves=20)
FIELDS = sorted(signing.PAYLOAD_FIELDS)
ROOT, CENTER = signing.new_private_key(), signing.new_private_key()
STATEMENT = signing.center_statement("BJ", signing.public_text(CENTER.public_key()), date(2025, 1, 1),
                                     date(2030, 12, 31), ["天阔服务器"])


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=5), JSON_VALUES, max_size=12) | JSON_VALUES)
def test_any_signed_json_is_either_a_well_formed_payload_or_malformed(document):
    body = json.dumps(document).encode("utf-8")
    text = signing.qr_text(body, signing.sign(CENTER, body), STATEMENT, signing.sign(ROOT, STATEMENT))
    try:
        verified = signing.verify_chain(text, ROOT.public_key())
    except signing.ChainError as exc:
        assert exc.reason in {"malformed", "center_validity", "center_scope"}
        return
    assert all(isinstance(verified.payload[name], date) for name in ("issued", "from", "expires", "signed"))
    assert all(isinstance(line, str) for line in verified.payload["lines"])


# ------------------------------------------------------------------ the compact text

GOOD = signing.CertificateFields("CERT-BJ-2026-000001", "王建国", "BJ-P01", "basic", ("天阔服务器",), TODAY, TODAY,
                                 date(2028, 11, 24), TODAY)
SCOPE = ["存储", "天阔服务器"]  # the chain's center keys


def _bad_fields() -> dict[str, bytes]:
    good = signing.pack_fields(GOOD, SCOPE)
    number = b"CERT-BJ-2026-000001"
    return {"empty": b"", "one-byte": b"\x00", "trailing-byte": good + b"\x00", "cut-short": good[:-1],
            "not-utf8": b"\x02\xff\xfe" + good[1 + len(number):],
            "long-length-for-short-text": b"\x93\x00" + good[1:],
            "line-outside-scope": good.replace(b"basic\x01\x01", b"basic\x01\x04", 1),
            "mask-not-shortest": good.replace(b"basic\x01\x01", b"basic\x02\x01\x00", 1)}


@pytest.mark.parametrize("name", sorted(_bad_fields()))
def test_signed_compact_fields_of_the_wrong_shape_are_not_a_certificate(ctx, certificate, name):
    _, _, center = certificate
    with ctx.reading() as session:
        assert verify(session, signed_body(center, signing.pack_fields(GOOD, SCOPE)), on=TODAY).ok  # the control
        result = verify(session, signed_body(center, _bad_fields()[name]), on=TODAY)
    assert (result.ok, result.genuine, result.message) == (False, False, NOT_A_CERTIFICATE)


def test_non_canonical_base32_is_refused_and_case_is_not_a_spelling(ctx, certificate):
    compact, _, _ = certificate
    data = base64.b32decode(compact[5:] + "=" * (-len(compact[5:]) % 8))
    assert len(data) * 8 % 5  # the last character carries unused bits
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    loose = compact[:-1] + alphabet[alphabet.index(compact[-1]) | 1]
    assert loose != compact and base64.b32decode(loose[5:] + "=" * (-len(loose[5:]) % 8)) == data
    with ctx.reading() as session:
        assert verify(session, compact.lower(), on=TODAY).ok
        for variant in (loose, compact + "=" * (-len(compact[5:]) % 8), compact[:5] + " " + compact[5:],
                        compact + "A", compact.replace(".", ":")):
            assert verify(session, variant, on=TODAY).message == NOT_A_CERTIFICATE, variant


COMPACT_ROOT, COMPACT_CENTER = signing.new_private_key(), signing.new_private_key()
COMPACT_STATEMENT = signing.center_statement("BJ", signing.public_text(COMPACT_CENTER.public_key()), date(2025, 1, 1),
                                             date(2030, 12, 31), SCOPE)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=120) | st.builds(lambda cut, extra: signing.pack_fields(GOOD, SCOPE)[:cut] + extra,
                                           st.integers(0, 60), st.binary(max_size=4)))
def test_any_signed_fields_are_either_a_certificate_or_malformed(fields):
    compact = signing.read_compact(signed_body(COMPACT_CENTER, fields))
    try:
        verified = signing.verify_compact(compact, COMPACT_STATEMENT, signing.sign(COMPACT_ROOT, COMPACT_STATEMENT),
                                          COMPACT_ROOT.public_key())
    except signing.ChainError as exc:
        assert exc.reason in {"malformed", "center_validity"}
        return
    assert signing.pack_fields(signing.unpack_fields(compact, SCOPE), SCOPE) == fields  # one spelling each
    assert set(verified.payload["lines"]) <= set(SCOPE) and isinstance(verified.payload["signed"], date)
