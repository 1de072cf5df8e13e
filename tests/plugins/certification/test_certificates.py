"""Issuing, numbering, renewing, suspending and revoking certificates; who may do what."""

import re
from datetime import date

import pytest
from sqlalchemy import select

from app.errors import PermissionDenied, ValidationError
from plugins.certification import certificates, service
from plugins.certification.common import add_months, validity_end
from plugins.certification.models import Certificate

PASSPHRASE = "center-passphrase-1"  # as in conftest.py
TODAY = date(2026, 11, 25)


def issue(ctx, people, engineer="engineer", on=TODAY):
    with ctx.transaction() as session:
        cert = service.issue_certificate(session, people["trainer"], ctx.hook, engineer_id=people[engineer].user_id,
                                         type_code="SRV-B", passphrase=PASSPHRASE, on=on)
        return cert.id, cert.number, cert.expires_on


def test_issue_is_refused_naming_the_missing_course_and_nothing_is_saved(ctx, chain, people, transcript):
    transcript.grant(people["engineer"].user_id, "SRV-101")
    with pytest.raises(ValidationError, match="SRV-102"), ctx.transaction() as session:
        service.issue_certificate(session, people["trainer"], ctx.hook, engineer_id=people["engineer"].user_id,
                                  type_code="SRV-B", passphrase=PASSPHRASE, on=TODAY)
    with ctx.reading() as session:
        assert session.scalars(select(Certificate)).all() == []


def test_issue_numbers_carry_the_org_code_and_count_up(ctx, chain, people, transcript):
    for who in ("engineer", "partner_engineer"):
        transcript.grant(people[who].user_id, "SRV-101", "SRV-102")
    _, first, expires = issue(ctx, people)
    _, second, _ = issue(ctx, people, "partner_engineer")
    assert (first, second) == ("CERT-BJ-2026-000001", "CERT-BJ-2026-000002")
    assert re.fullmatch(r"CERT-[A-Z0-9-]+-\d{4}-\d{6}", first)
    assert expires == date(2028, 11, 24)  # 24 months, the last valid day inclusive


def test_a_second_certificate_of_the_same_type_is_refused_and_a_wrong_passphrase_too(ctx, chain, people, transcript):
    transcript.grant(people["engineer"].user_id, "SRV-101", "SRV-102")
    with pytest.raises(ValidationError, match="passphrase"), ctx.transaction() as session:
        service.issue_certificate(session, people["trainer"], ctx.hook, engineer_id=people["engineer"].user_id,
                                  type_code="SRV-B", passphrase="not-the-passphrase", on=TODAY)
    assert issue(ctx, people)[1] == "CERT-BJ-2026-000001"  # the refused attempt took no number
    with pytest.raises(ValidationError, match="renew"), ctx.transaction() as session:
        service.issue_certificate(session, people["trainer"], ctx.hook, engineer_id=people["engineer"].user_id,
                                  type_code="SRV-B", passphrase=PASSPHRASE, on=TODAY)


def test_month_arithmetic_clamps_to_the_month_end():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2027, 11, 30), 3) == date(2028, 2, 29)
    assert validity_end(date(2026, 1, 31), 12) == date(2027, 1, 30)


def test_renewal_extends_from_the_old_expiry_and_keeps_the_history(ctx, chain, people, transcript):
    transcript.grant(people["engineer"].user_id, "SRV-101", "SRV-102")
    cert_id, number, _ = issue(ctx, people, on=date(2025, 3, 1))  # expires 2027-02-28
    with ctx.transaction() as session:
        cert = service.renew_certificate(session, people["trainer"], ctx.hook, cert_id, passphrase=PASSPHRASE,
                                         on=TODAY)
        assert (cert.number, cert.expires_on) == (number, date(2029, 2, 28))
        old_qr = cert.qr_text
    with ctx.transaction() as session:  # lapsed: a fresh term from the renewal day
        session.get(Certificate, cert_id).expires_on = date(2026, 10, 1)
    with ctx.transaction() as session:
        cert = service.renew_certificate(session, people["trainer"], ctx.hook, cert_id, passphrase=PASSPHRASE,
                                         on=TODAY)
        assert (cert.valid_from, cert.expires_on) == (TODAY, date(2028, 11, 24))
        assert cert.qr_text != old_qr
    with ctx.reading() as session:
        events = service.history(session, people["manager"], cert_id)
        assert [e.action for e in events] == ["issued", "renewed", "renewed"]
        assert events[0].actor_label.endswith("(trainer@BJ)") and events[0].at is not None


def test_suspend_reinstate_revoke_with_reasons_on_record(ctx, chain, people, transcript):
    transcript.grant(people["engineer"].user_id, "SRV-101", "SRV-102")
    cert_id, _, _ = issue(ctx, people)
    manager = people["manager"]
    with pytest.raises(ValidationError, match="reason"), ctx.transaction() as session:
        service.suspend_certificate(session, manager, cert_id, "  ")
    with ctx.transaction() as session:
        assert service.suspend_certificate(session, manager, cert_id, "客户投诉调查").status == "suspended"
    with pytest.raises(ValidationError), ctx.transaction() as session:  # a suspended certificate is not renewed
        service.renew_certificate(session, people["trainer"], ctx.hook, cert_id, passphrase=PASSPHRASE)
    with ctx.transaction() as session:
        service.reinstate_certificate(session, manager, cert_id, "调查结束")
        cert = service.revoke_certificate(session, manager, cert_id, "违规操作")
        assert (cert.status, cert.status_reason, service.effective_status(cert)) == ("revoked", "违规操作", "revoked")
    with ctx.reading() as session:
        events = service.history(session, manager, cert_id)
        assert [(e.action, e.reason) for e in events] == [
            ("issued", ""), ("suspended", "客户投诉调查"), ("reinstated", "调查结束"), ("revoked", "违规操作")]


def test_only_trainers_issue_and_only_managers_or_hq_suspend(ctx, chain, people, transcript, make_actor):
    transcript.grant(people["engineer"].user_id, "SRV-101", "SRV-102")
    with pytest.raises(PermissionDenied), ctx.transaction() as session:
        service.issue_certificate(session, people["manager"], ctx.hook, engineer_id=people["engineer"].user_id,
                                  type_code="SRV-B", passphrase=PASSPHRASE)
    cert_id, _, _ = issue(ctx, people)
    for who in ("trainer", "engineer"):
        with pytest.raises(PermissionDenied), ctx.transaction() as session:
            service.suspend_certificate(session, people[who], cert_id, "x")
    with pytest.raises(PermissionDenied), ctx.transaction() as session:
        service.renew_certificate(session, people["manager"], ctx.hook, cert_id, passphrase=PASSPHRASE)
    with pytest.raises(Exception, match="scope"), ctx.transaction() as session:  # SH cannot touch BJ's
        service.revoke_certificate(session, people["sh_manager"], cert_id, "x")
    analyst = make_actor(ctx, "analyst@HQ", roles=["hq_analyst"])
    with ctx.transaction() as session:
        assert service.suspend_certificate(session, analyst, cert_id, "总部抽查").status == "suspended"


def test_engineers_see_only_their_own_certificates(ctx, chain, people, transcript):
    for who in ("engineer", "partner_engineer"):
        transcript.grant(people[who].user_id, "SRV-101", "SRV-102")
    _, mine, _ = issue(ctx, people)
    issue(ctx, people, "partner_engineer")
    with ctx.reading() as session:
        assert [c.number for c in service.list_certificates(session, people["engineer"])] == [mine]
        assert len(service.list_certificates(session, people["manager"])) == 2
        assert service.list_certificates(session, people["sh_manager"]) == []


def test_two_trainers_taking_numbers_at_once_get_different_ones(ctx):
    """The counter row stays locked until commit (PostgreSQL row lock; SQLite has one writer anyway)."""
    import threading
    import time

    if ctx.engine.dialect.name != "postgresql":
        pytest.skip("SQLite serialises writers itself")
    taken = []

    def take_in_own_transaction():
        with ctx.transaction() as session:
            taken.append(certificates.next_number(session, "BJ", 2026))

    with ctx.transaction() as session:
        first = certificates.next_number(session, "BJ", 2026)
        other = threading.Thread(target=take_in_own_transaction)
        other.start()
        time.sleep(0.5)
        assert other.is_alive() and taken == []  # waiting for our lock
    other.join(10)
    assert (first, taken) == ("CERT-BJ-2026-000001", ["CERT-BJ-2026-000002"])


def test_the_list_pages_by_keyset_in_expiry_order(ctx, chain, people, transcript):
    for who in ("engineer", "partner_engineer"):
        transcript.grant(people[who].user_id, "SRV-101", "SRV-102")
    issue(ctx, people, on=date(2026, 5, 1))
    issue(ctx, people, "partner_engineer", on=date(2026, 2, 1))
    with ctx.reading() as session:
        first = service.page_rows(session, people["manager"], 0, 1, on=TODAY)
        rest = service.page_rows(session, people["manager"], 1, 5, on=TODAY, after=(first[-1][7], first[-1][1]))
        everything = service.page_rows(session, people["manager"], 0, 5, on=TODAY)
    assert [r[1] for r in first + rest] == [r[1] for r in everything] == ["CERT-BJ-2026-000002", "CERT-BJ-2026-000001"]
    assert everything[0][7] == "2028-01-31" and everything[0][5] == "Valid"
