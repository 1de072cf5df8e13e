"""Demo rows: certificates for engineers who passed, each verifying under the demo root key."""

import random
from collections import Counter
from datetime import timedelta

from sqlalchemy import select

from app.auth.models import User
from app.orgs.models import OrgUnit
from app.specs import DemoContext
from app.ids import org_id_for_code
from plugins.certification import demo, keys, service
from plugins.certification.certificates import valid_clause
from plugins.certification.common import today
from plugins.certification.models import Certificate, PartnerAuthorisation
from plugins.certification.verification import verify


def _run_demo(ctx, people, engineers, seed: int) -> None:
    with ctx.transaction() as session:
        units = sorted(session.scalars(select(OrgUnit)), key=lambda u: len(u.path))
        users = {a.label: session.get(User, a.user_id) for a in people.values()}
        staff = {"field_engineer": [session.get(User, e.user_id) for e in engineers],
                 "trainer": [users["trainer@BJ"]], "branch_manager": [users["manager@BJ"]]}
        demo.generate(DemoContext(session=session, rng=random.Random(seed), scale=20, org_units=units, staff=staff),
                      ctx.hook)


def test_demo_issues_certificates_to_those_who_passed_and_they_verify(ctx, people, transcript):
    transcript.grant(people["engineer"].user_id, "SRV-101")
    transcript.grant(people["partner_engineer"].user_id, "SRV-101")
    _run_demo(ctx, people, [people["engineer"], people["partner_engineer"]], seed=4)
    with ctx.reading() as session:
        certificates = session.scalars(select(Certificate)).all()
        assert sorted(c.holder_name for c in certificates) == ["eng", "eng"]
        for cert in certificates:
            result = verify(session, cert.qr_text, on=cert.issued_on)
            assert result.number == cert.number and "Genuine" in result.message
        assert session.scalar(select(PartnerAuthorisation.number)).startswith("AUTH-BJ-P01-")
        assert "-----BEGIN PUBLIC KEY-----" in service.export_root_public(session)
        root_private = keys.unlock(session.scalar(select(keys.RootKey.encrypted_private_pem)), demo.DEMO_PASSPHRASE)
        assert root_private is not None


def test_two_engineers_of_every_unit_keep_a_certificate_in_force(ctx, people, make_actor, transcript):
    """Courses passed long ago: the demo renews lapsed certificates only now and then and suspends or
    revokes a few, but two engineers of each unit keep theirs in force, so a dispatcher always has
    someone to send to a case of any product line the types cover."""
    engineers = [people["engineer"], people["partner_engineer"],
                 *(make_actor(ctx, login, roles=["field_engineer"]) for login in ("eng2@BJ", "eng3@BJ", "eng2@BJ-P01"))]
    for engineer in engineers:
        transcript.grant(engineer.user_id, "SRV-101", on=today() - timedelta(days=500))
    _run_demo(ctx, people, engineers, seed=2)
    with ctx.reading() as session:
        certificates = session.scalars(select(Certificate)).all()
        in_force = Counter(c.org_id for c in session.scalars(select(Certificate).where(valid_clause(today()))))
    assert len(certificates) == 5 and all(c.product_lines == ["天阔服务器"] for c in certificates)
    assert in_force[org_id_for_code("BJ")] >= 2 and in_force[org_id_for_code("BJ-P01")] == 2
