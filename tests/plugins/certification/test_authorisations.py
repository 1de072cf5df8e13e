"""Partner service authorisations, the expiry watch and the can_dispatch veto."""

from datetime import date, datetime, timezone

import pytest
from sqlalchemy import select

from app.auth.models import User
from app.errors import PermissionDenied, ValidationError
from app.ids import org_id_for_code
from app.specs import DispatchCheck
from plugins.certification import authorisations, service
from plugins.certification.models import Certificate

PASSPHRASE = "center-passphrase-1"  # as in conftest.py
TODAY = date(2026, 11, 25)


def certify(ctx, people, who, on=TODAY):
    with ctx.transaction() as session:
        return service.issue_certificate(session, people["trainer"], ctx.hook, engineer_id=people[who].user_id,
                                         type_code="SRV-B", passphrase=PASSPHRASE, on=on).id


def grant(ctx, actor, until, need=1, lines=("天阔服务器",)):
    with ctx.transaction() as session:
        return service.grant(session, actor, partner_code="BJ-P01", product_lines=list(lines),
                                    service_types=["上门维修", "备件更换"], valid_from=date(2026, 1, 1),
                                    valid_until=until, min_engineers=need).id


def status(ctx, auth_id, on=TODAY):
    with ctx.reading() as session:
        from plugins.certification.models import PartnerAuthorisation

        state = authorisations.state_of(session, session.get(PartnerAuthorisation, auth_id), on)
        return state.status, state.certified


def test_status_is_derived_from_the_period_and_the_certified_engineers(ctx, chain, people, transcript):
    transcript.grant(people["partner_engineer"].user_id, "SRV-101", "SRV-102")
    auth_id = grant(ctx, people["trainer"], date(2027, 12, 31))
    assert status(ctx, auth_id) == ("lapsed", 0)  # nobody certified yet
    cert_id = certify(ctx, people, "partner_engineer")
    assert status(ctx, auth_id) == ("active", 1)
    assert status(ctx, auth_id, date(2027, 12, 10))[0] == "expiring"  # within 30 days of its end
    assert status(ctx, auth_id, date(2028, 1, 1))[0] == "lapsed"  # period over
    assert status(ctx, auth_id, date(2028, 11, 25))[0] == "lapsed"
    with ctx.transaction() as session:  # the certified engineer leaves the partner
        session.get(User, people["partner_engineer"].user_id).active = False
    assert status(ctx, auth_id) == ("lapsed", 0)
    with ctx.transaction() as session:
        session.get(User, people["partner_engineer"].user_id).active = True
        session.get(Certificate, cert_id).expires_on = date(2026, 11, 1)  # the certificate expired
    assert status(ctx, auth_id) == ("lapsed", 0)


def test_grant_checks_permission_partner_and_period(ctx, chain, people):
    with pytest.raises(PermissionDenied), ctx.transaction() as session:
        service.grant(session, people["engineer"], partner_code="BJ-P01", product_lines=["天阔服务器"],
                             service_types=["上门维修"], valid_from=TODAY, valid_until=date(2027, 1, 1), min_engineers=1)
    for partner, until, field in (("SH", date(2027, 1, 1), "partner"), ("BJ-P01", date(2026, 1, 1), "valid_until")):
        with pytest.raises(ValidationError) as err, ctx.transaction() as session:
            service.grant(session, people["trainer"], partner_code=partner, product_lines=["天阔服务器"],
                                 service_types=["上门维修"], valid_from=TODAY, valid_until=until, min_engineers=1)
        assert err.value.field == field


def test_expiry_watch_counts_certificates_and_authorisations(ctx, chain, people, transcript):
    for who in ("engineer", "partner_engineer"):
        transcript.grant(people[who].user_id, "SRV-101", "SRV-102")
    certify(ctx, people, "engineer")
    cert_id = certify(ctx, people, "partner_engineer")
    grant(ctx, people["trainer"], date(2027, 2, 1))
    with ctx.transaction() as session:
        session.get(Certificate, cert_id).expires_on = date(2026, 12, 20)
    manager = people["manager"]
    with ctx.reading() as session:
        assert service.expiring_counts(session, manager, TODAY) == {30: 1, 60: 1, 90: 1}
        assert service.authorisation_expiring_counts(session, manager, TODAY) == {30: 0, 60: 0, 90: 1}
        assert [c.id for c in service.list_certificates(session, manager, expiring_within=30, on=TODAY)] == [cert_id]
        with session.no_autoflush:
            counters = {c.id: c.value for g in ctx.hook.dashboard_counters(session=session, actor=manager) for c in g}
    assert "certification.expiring" in counters and "certification.authorisations_expiring" in counters


def check(people, who, line="天阔服务器", org="BJ-P01", at=datetime(2026, 11, 26, 9, tzinfo=timezone.utc)):
    return DispatchCheck(people[who].user_id, org_id_for_code(org), line, at)


def veto(ctx, dispatch_check):
    with ctx.reading() as session:
        answers = [a for a in ctx.hook.can_dispatch(session=session, check=dispatch_check) if a]
    return answers[0] if answers else None


def test_can_dispatch_vetoes_uncertified_engineers_and_lapsed_partners(ctx, chain, people, transcript):
    assert "no valid work certificate for 天阔服务器" in veto(ctx, check(people, "engineer", org="BJ"))
    transcript.grant(people["engineer"].user_id, "SRV-101", "SRV-102")
    transcript.grant(people["partner_engineer"].user_id, "SRV-101", "SRV-102")
    certify(ctx, people, "engineer")
    assert veto(ctx, check(people, "engineer", org="BJ")) is None
    assert "存储" in veto(ctx, check(people, "engineer", "存储", org="BJ"))  # not covered by the certificate
    certify(ctx, people, "partner_engineer")
    assert "not authorised to serve 天阔服务器" in veto(ctx, check(people, "partner_engineer"))
    auth_id = grant(ctx, people["trainer"], date(2027, 12, 31), need=2)
    message = veto(ctx, check(people, "partner_engineer"))
    assert "Lapsed" in message and "only 1 of 2" in message
    with ctx.transaction() as session:
        from plugins.certification.models import PartnerAuthorisation

        session.get(PartnerAuthorisation, auth_id).min_engineers = 1
    assert veto(ctx, check(people, "partner_engineer")) is None
    with ctx.transaction() as session:
        cert = session.scalar(select(Certificate).where(Certificate.holder_id == people["partner_engineer"].user_id))
        service.suspend_certificate(session, people["manager"], cert.id, "调查")
    assert "no valid work certificate" in veto(ctx, check(people, "partner_engineer"))
