"""The org filter on certificates (list and expiry watch) and partner authorisations: narrowed to the
chosen unit, or it and the units below it; a unit outside the actor's scope is refused. Then the
certificates page with its widget."""

from datetime import date, timedelta

import pytest

from app.errors import PermissionDenied
from app.ids import org_id_for_code
from app.orgs.service import build_org, get_by_code
from plugins.certification import service
from plugins.certification.common import today
from plugins.certification.models import Certificate
from plugins.certification.views.certificates_page import CertificatesPage

HQ, BJ, SH, PARTNER = (org_id_for_code(c) for c in ("HQ", "BJ", "SH", "BJ-P01"))


@pytest.fixture
def certificates(ctx, hq_system, people):
    """One valid certificate per unit, expiring 10 (HQ), 20 (BJ), 40 (BJ-P01) and 70 (SH) days from
    now, written directly: this is about reading them. Number -> owner unit."""
    with ctx.transaction() as session:
        kind = service.create_type(session, hq_system, code="SRV-B", name="天阔服务器初级上岗证书",
                                   product_lines=["天阔服务器"], level="basic", validity_months=24,
                                   required_courses=["SRV-101"])
        made = {}
        for code, org, days in (("HQ", HQ, 10), ("BJ", BJ, 20), ("BJ-P01", PARTNER, 40), ("SH", SH, 70)):
            number = f"CERT-{code}-2026-0001"
            session.add(Certificate(org_id=org, number=number, type_id=kind.id, holder_id=people["engineer"].user_id,
                                    holder_name=f"工程师{code}", product_lines=["天阔服务器"], level="basic",
                                    issued_on=today(), valid_from=today(), expires_on=today() + timedelta(days=days)))
            made[number] = org
    return made


def numbers(session, actor, **unit) -> set:
    return {row[1] for row in service.page_rows(session, actor, 0, 100, **unit)}


def test_certificates_narrow_to_the_unit_and_below(ctx, certificates, admin, people):
    with ctx.reading() as session:
        assert numbers(session, admin) == set(certificates)
        assert numbers(session, admin, org_id=BJ) == {"CERT-BJ-2026-0001"}
        assert numbers(session, admin, org_id=BJ, subtree=True) == {"CERT-BJ-2026-0001", "CERT-BJ-P01-2026-0001"}
        assert numbers(session, admin, org_id=HQ) == {"CERT-HQ-2026-0001"}
        assert numbers(session, admin, org_id=HQ, subtree=True) == set(certificates)
        assert numbers(session, people["manager"], org_id=PARTNER) == {"CERT-BJ-P01-2026-0001"}
        assert service.expiring_counts(session, admin) == {30: 2, 60: 3, 90: 4}
        assert service.expiring_counts(session, admin, org_id=BJ, subtree=True) == {30: 1, 60: 2, 90: 2}
        assert service.expiring_counts(session, admin, org_id=SH) == {30: 0, 60: 0, 90: 1}


def test_authorisations_narrow_to_the_partner_or_the_branch_below_it(ctx, hq_system, people, admin):
    with ctx.transaction() as session:
        session.add(build_org("SH-P01", "上海伙伴科技有限公司", "partner", get_by_code(session, "SH")))
        session.flush()
        for code in ("BJ-P01", "SH-P01"):
            service.grant(session, admin, partner_code=code, product_lines=["天阔服务器"],
                                 service_types=["上门维修"], valid_from=date(2026, 1, 1),
                                 valid_until=today() + timedelta(days=20), min_engineers=1)

    def partners(**unit) -> list:
        return sorted(s.partner.code for s in service.list_authorisations(session, admin, **unit))

    with ctx.reading() as session:
        assert partners() == ["BJ-P01", "SH-P01"]
        assert partners(org_id=SH) == []  # a branch holds none itself
        assert partners(org_id=SH, subtree=True) == ["SH-P01"]
        assert partners(org_id=org_id_for_code("SH-P01")) == ["SH-P01"]
        assert service.authorisation_expiring_counts(session, admin, org_id=BJ, subtree=True)[30] == 1
        assert [s.partner.code for s in service.list_authorisations(
            session, people["manager"], org_id=BJ, subtree=True)] == ["BJ-P01"]


def test_a_unit_outside_the_scope_is_refused(ctx, certificates, people):
    manager = people["manager"]  # BJ: not SH, not HQ
    with ctx.reading() as session:
        for unit in (SH, HQ):
            for read in (lambda: service.page_rows(session, manager, 0, 100, org_id=unit),
                         lambda: service.expiring_counts(session, manager, org_id=unit, subtree=True),
                         lambda: service.list_authorisations(session, manager, org_id=unit, subtree=True),
                         lambda: service.authorisation_expiring_counts(session, manager, org_id=unit)):
                with pytest.raises(PermissionDenied):
                    read()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_choosing_a_unit_on_the_certificates_page_shows_only_its_certificates(qtbot, ctx, certificates, admin):
    page = CertificatesPage(ctx.signed_in(admin))
    qtbot.addWidget(page)
    page.show()

    def shown() -> set:
        return {page.model.rows[row][1] for row in range(page.model.rowCount())}

    qtbot.waitUntil(lambda: shown() == set(certificates), timeout=10_000)
    qtbot.waitUntil(lambda: page.org_filter.combo.count() == 5, timeout=10_000)
    page.org_filter.choose(SH)
    qtbot.waitUntil(lambda: shown() == {"CERT-SH-2026-0001"}, timeout=10_000)
    assert "30 days: 0 · 60 days: 0 · 90 days: 1" in page.watch.text()
    page.org_filter.choose(BJ, include_below=True)
    qtbot.waitUntil(lambda: shown() == {"CERT-BJ-2026-0001", "CERT-BJ-P01-2026-0001"}, timeout=10_000)
    assert page.org_filter.subtree.isEnabled()
    page.org_filter.subtree.click()
    qtbot.waitUntil(lambda: shown() == {"CERT-BJ-2026-0001"}, timeout=10_000)
    assert {page.model.rows[0][3]} == {"BJ"}  # the org unit column
