"""Demo rows: certificates for engineers who passed, each verifying under the demo root key."""

import random

from sqlalchemy import select

from app.auth.models import User
from app.orgs.models import OrgUnit
from app.specs import DemoContext
from plugins.certification import demo, keys, service
from plugins.certification.models import Certificate, PartnerAuthorisation
from plugins.certification.verification import verify


def test_demo_issues_certificates_to_those_who_passed_and_they_verify(ctx, people, transcript):
    transcript.grant(people["engineer"].user_id, "SRV-101")
    transcript.grant(people["partner_engineer"].user_id, "SRV-101")
    with ctx.transaction() as session:
        units = sorted(session.scalars(select(OrgUnit)), key=lambda u: len(u.path))
        users = {a.label: session.get(User, a.user_id) for a in people.values()}
        staff = {"field_engineer": [users["eng@BJ"], users["eng@BJ-P01"], *[]],
                 "trainer": [users["trainer@BJ"]], "branch_manager": [users["manager@BJ"]]}
        demo.generate(DemoContext(session=session, rng=random.Random(4), scale=20, org_units=units, staff=staff),
                      ctx.hook)
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
