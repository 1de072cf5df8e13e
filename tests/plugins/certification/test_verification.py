"""The signed QR payload: valid, altered, under a wrong root key, after a center key's revocation."""

import json
from datetime import date

import pytest

from app.errors import ValidationError
from certificate_texts import altered, legacy_text, resigned
from plugins.certification import keys, service, signing
from plugins.certification.models import CenterKey, Certificate, RootKey
from plugins.certification.verification import verify

PASSPHRASE = "center-passphrase-1"  # as in conftest.py
TODAY = date(2026, 11, 25)


@pytest.fixture
def issued(ctx, chain, people, transcript):
    transcript.grant(people["partner_engineer"].user_id, "SRV-101", "SRV-102")
    with ctx.transaction() as session:
        cert = service.issue_certificate(session, people["trainer"], ctx.hook, type_code="SRV-B",
                                         engineer_id=people["partner_engineer"].user_id, passphrase=PASSPHRASE,
                                         on=TODAY)
        return cert.id, cert.number, cert.qr_text


def test_a_valid_certificate_verifies_from_its_qr_text_and_its_number(ctx, issued):
    cert_id, number, qr = issued
    assert qr.startswith("SCC2.") and len(qr) < 260  # compact: binary fields and one signature, base32
    with ctx.reading() as session:
        cert = session.get(Certificate, cert_id)
        center = keys.unlock(session.get(CenterKey, cert.center_key_id).encrypted_private_pem, PASSPHRASE)
        printed_earlier = legacy_text(session, cert, center)  # the full chain, as certificates were printed before
        for presented in (qr, f" {qr.lower()}\n", printed_earlier, number, number.lower()):
            result = verify(session, presented, on=TODAY)
            assert result.ok, result.message
            assert (result.number, result.holder, result.status) == (number, "eng", "valid")
            assert result.product_lines == ("天阔服务器",) and "BJ-P01" in result.org
            assert (result.issued_on, result.expires_on, result.center) == (TODAY, date(2028, 11, 24), "BJ")
        expired = verify(session, qr, on=date(2029, 1, 1))
        assert (expired.genuine, expired.ok, expired.status) == (True, False, "expired")
        assert not verify(session, "CERT-XX-2026-000009").ok


def test_an_altered_payload_is_rejected(ctx, issued):
    cert_id, _, qr = issued
    with ctx.reading() as session:
        result = verify(session, altered(qr, expires="2040-12-31"), on=TODAY)
        assert not result.ok and "altered" in result.message
        cert = session.get(Certificate, cert_id)
        center = keys.unlock(session.get(CenterKey, cert.center_key_id).encrypted_private_pem, PASSPHRASE)
        older = legacy_text(session, cert, center)
        prefix, payload, *rest = older.split(".")
        data = {**json.loads(signing.unb64(payload)), "expires": "2040-12-31"}
        forged = ".".join([prefix, signing.b64(signing.canonical(data)), *rest])
        assert "altered" in verify(session, forged, on=TODAY).message


def test_a_chain_under_another_root_key_is_rejected(ctx, issued):
    cert_id, _, qr = issued
    impostor = signing.new_private_key()
    with ctx.reading() as session:  # the older text carries HQ's signature: another one is refused
        cert = session.get(Certificate, cert_id)
        center = keys.unlock(session.get(CenterKey, cert.center_key_id).encrypted_private_pem, PASSPHRASE)
        prefix, payload, center_sig, statement, _ = legacy_text(session, cert, center).split(".")
        rogue = ".".join([prefix, payload, center_sig, statement, signing.sign(impostor, signing.unb64(statement))])
        assert "root key" in verify(session, rogue, on=TODAY).message
        # A center key this installation has never received: the compact text names it, nothing vouches for it.
        unknown = verify(session, resigned(qr, signing.new_private_key()), on=TODAY)
        assert not unknown.ok and not unknown.genuine and unknown.message.startswith("Cannot be checked here yet")
    with ctx.transaction() as session:  # a verifier that trusts only another HQ key rejects the genuine one
        for root in session.query(RootKey):
            root.active = False
        service.import_root_public(session, issued_by_hq(ctx), signing.public_pem(impostor.public_key()))
    with ctx.reading() as session:
        result = verify(session, qr, on=TODAY)
    assert not result.ok and "root key" in result.message


def issued_by_hq(ctx):
    from app.auth.actor import system_actor
    from app.orgs.service import get_by_code
    from plugins.certification.service import MANAGE

    with ctx.reading() as session:
        return system_actor(get_by_code(session, "HQ"), frozenset({MANAGE}))


def test_a_revoked_center_key_invalidates_what_it_signs_afterwards(ctx, chain, people, transcript, issued):
    _, _, before = issued
    with ctx.transaction() as session:
        bj_key = session.query(CenterKey).filter(CenterKey.statement.contains('"center":"BJ"')).one()
        revoked_key, key_pem = bj_key.id, bj_key.encrypted_private_pem
        service.revoke_center_key(session, chain, revoked_key, "私钥泄露", revoked_on=date(2026, 12, 1))
    # The key's holder still signs after the revocation date (offline, stolen key): rejected.
    with ctx.reading() as session:
        after = resigned(before, keys.unlock(key_pem, PASSPHRASE), signed="2026-12-05")
        result = verify(session, after, on=date(2026, 12, 6))
        assert not result.ok and "revoked on 2026-12-01" in result.message
        assert verify(session, before, on=date(2026, 12, 6)).ok  # signed before the revocation: still valid
    with pytest.raises(ValidationError, match="no valid signing key"), ctx.transaction() as session:
        transcript.grant(people["engineer"].user_id, "SRV-101", "SRV-102")
        service.issue_certificate(session, people["trainer"], ctx.hook, engineer_id=people["engineer"].user_id,
                                  type_code="SRV-B", passphrase=PASSPHRASE, on=date(2026, 12, 2))


def test_status_from_the_registry_and_the_root_key_round_trips_through_a_file(ctx, issued, people, tmp_path):
    cert_id, number, qr = issued
    with ctx.transaction() as session:
        service.suspend_certificate(session, people["manager"], cert_id, "调查")
    with ctx.reading() as session:
        result = verify(session, qr, on=TODAY)
        assert (result.ok, result.status) == (False, "suspended")
        exported = tmp_path / "hq-root.pem"
        exported.write_text(service.export_root_public(session))
    with ctx.transaction() as session:
        session.query(RootKey).delete()
    with ctx.reading() as session:
        assert "not been imported" in verify(session, number).message
    with pytest.raises(ValidationError, match="PEM"), ctx.transaction() as session:
        service.import_root_public(session, issued_by_hq(ctx), "garbage")
    with ctx.transaction() as session:
        service.import_root_public(session, issued_by_hq(ctx), exported.read_text())
    with ctx.reading() as session:
        assert verify(session, number, on=TODAY).status == "suspended"
