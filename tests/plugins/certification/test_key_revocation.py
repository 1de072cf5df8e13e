"""A revoked training center key: what it signed is trusted only before the revocation and only where
the registry lists it; every verdict says what this offline check could not confirm."""

from datetime import date, datetime, timezone

import pytest
from sqlalchemy import select

from app import installation
from app.errors import ValidationError
from app.orgs.service import get_by_code
from app.sync.state import LAST
from certificate_texts import resigned
from plugins.certification import keys, service
from plugins.certification.models import CenterKey, Certificate
from plugins.certification.verification import verify

PASSPHRASE = "center-passphrase-1"  # as in conftest.py
TODAY = date(2026, 11, 25)
REVOKED_ON = date(2026, 12, 1)
LATER = date(2026, 12, 6)


@pytest.fixture
def issued(ctx, chain, people, transcript):
    """A certificate BJ issued on TODAY, then BJ's key revoked from REVOKED_ON; returns
    (number, QR text, BJ's private key as a thief would hold it)."""
    transcript.grant(people["partner_engineer"].user_id, "SRV-101", "SRV-102")
    with ctx.transaction() as session:
        cert = service.issue_certificate(session, people["trainer"], ctx.hook, type_code="SRV-B",
                                         engineer_id=people["partner_engineer"].user_id, passphrase=PASSPHRASE,
                                         on=TODAY)
        number, qr = cert.number, cert.qr_text
        bj_key = session.get(CenterKey, cert.center_key_id)
        stolen = keys.unlock(bj_key.encrypted_private_pem, PASSPHRASE)
        service.revoke_center_key(session, chain, bj_key.id, "私钥泄露", revoked_on=REVOKED_ON)
    return number, qr, stolen


def test_a_backdated_certificate_the_registry_does_not_list_is_refused_with_the_reason(ctx, issued):
    _, qr, stolen = issued
    forged = resigned(qr, stolen, no="CERT-BJ-2026-777777", holder="李四", signed="2026-11-30")
    with ctx.reading() as session:
        result = verify(session, forged, on=LATER)
    assert (result.ok, result.genuine, result.status) == (False, False, "revoked")
    assert result.message.startswith("Not trusted") and "revoked on 2026-12-01 (私钥泄露)" in result.message
    assert "registry does not list CERT-BJ-2026-777777" in result.message
    assert any("Not in this installation's registry" in note for note in result.unconfirmed)


def test_a_listed_certificate_signed_before_the_revocation_stays_valid_with_the_caveat(ctx, issued):
    number, qr, _ = issued
    with ctx.reading() as session:
        for presented in (qr, number):
            result = verify(session, presented, on=LATER)
            assert (result.ok, result.genuine, result.status) == (True, True, "valid"), result.message
            assert "revoked on 2026-12-01 (私钥泄露)" in result.message
            assert "registry lists it as signed on 2026-11-25, before the revocation" in result.message
            assert any(note.startswith("In this installation's registry: Valid") for note in result.confirmed)
            assert any(note.startswith("Key revocations are current") for note in result.confirmed)  # this is HQ


def test_a_signature_on_or_after_the_revocation_date_is_refused(ctx, issued):
    number, qr, stolen = issued
    with ctx.reading() as session:
        for signed in ("2026-12-01", "2026-12-05"):
            result = verify(session, resigned(qr, stolen, signed=signed), on=LATER)
            assert not result.ok and not result.genuine
            assert result.message == (f"Rejected: signed on {signed} by a training center key revoked on 2026-12-01 "
                                      "(私钥泄露).")


def test_the_registry_vouches_only_for_the_text_it_holds(ctx, issued):
    number, qr, stolen = issued
    altered = resigned(qr, stolen, holder="冒名顶替")  # the real number, backdated, another holder
    with ctx.reading() as session:
        result = verify(session, altered, on=LATER)
    assert not result.ok and "not the one the registry holds for " + number in result.message
    with ctx.transaction() as session:  # a registry entry that was deleted vouches for nothing
        session.scalar(select(Certificate).where(Certificate.number == number)).deleted_at = datetime.now(timezone.utc)
    with ctx.reading() as session:
        assert "does not list" in verify(session, qr, on=LATER).message


def test_a_revocation_moves_only_earlier(ctx, issued, chain):
    with ctx.transaction() as session:
        key_id = session.scalar(select(CenterKey.id).where(CenterKey.revoked_on.is_not(None)))
    with pytest.raises(ValidationError, match="already revoked on 2026-12-01"), ctx.transaction() as session:
        service.revoke_center_key(session, chain, key_id, "改期", revoked_on=date(2027, 1, 1))
    with pytest.raises(ValidationError, match="at most 400"), ctx.transaction() as session:
        service.revoke_center_key(session, chain, key_id, "长" * 401, revoked_on=date(2026, 11, 1))
    with ctx.transaction() as session:
        service.revoke_center_key(session, chain, key_id, "更早泄露", revoked_on=date(2026, 11, 1))
    _, qr, _ = issued
    with ctx.reading() as session:
        assert "revoked on 2026-11-01 (更早泄露)" in verify(session, qr, on=LATER).message


def _become_branch(ctx, pulled_at: str | None) -> None:
    with ctx.transaction() as session:
        installation.set_value(session, installation.NODE_ORG_ID, str(get_by_code(session, "BJ").id))
        installation.set_value(session, LAST, {"pull": {"at": pulled_at, "ok_at": pulled_at}} if pulled_at else {})


def test_a_branch_says_as_of_when_it_knows_revocations_and_the_registry(ctx, issued):
    number, qr, stolen = issued
    _become_branch(ctx, "2026-11-20T10:00:00+00:00")
    with ctx.reading() as session:
        listed = verify(session, qr, on=LATER)
        unknown = verify(session, resigned(qr, stolen, no="CERT-BJ-2026-888888"), on=LATER)
    # Stored in UTC, shown in BJ's zone (Asia/Shanghai).
    assert any("Key revocations known as of 2026-11-20 18:00" in note for note in listed.unconfirmed)
    assert any("Registry last synced at 2026-11-20 18:00" in note for note in listed.unconfirmed)
    assert not any("revocations" in note for note in listed.confirmed)
    assert not unknown.ok and any("Registry last synced" in note for note in unknown.unconfirmed)
    _become_branch(ctx, None)
    with ctx.reading() as session:
        never = verify(session, number, on=LATER)
    assert never.ok and any("never synced with its parent" in note for note in never.unconfirmed)


def test_an_unrevoked_key_still_names_what_is_not_known_offline(ctx, chain, people, transcript):
    transcript.grant(people["engineer"].user_id, "SRV-101", "SRV-102")
    with ctx.transaction() as session:
        cert = service.issue_certificate(session, people["trainer"], ctx.hook, type_code="SRV-B",
                                         engineer_id=people["engineer"].user_id, passphrase=PASSPHRASE, on=TODAY)
        bj_private = keys.unlock(session.get(CenterKey, cert.center_key_id).encrypted_private_pem, PASSPHRASE)
        # Issued elsewhere and not synced here yet: a good signature, no registry entry.
        elsewhere = resigned(cert.qr_text, bj_private, no="CERT-BJ-2026-555555")
    with ctx.reading() as session:
        result = verify(session, elsewhere, on=TODAY)
    assert result.ok and result.confirmed[0].startswith("Both signatures hold: HQ's root key authorised training "
                                                        "center BJ's key")
    assert any("Not in this installation's registry" in note for note in result.unconfirmed)
