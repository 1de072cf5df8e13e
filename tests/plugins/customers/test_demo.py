"""Demo customers are where their names say: a unit's customers are mostly in its own city, the
rest elsewhere, and each shows its own region, not its serving unit's."""

from __future__ import annotations

import random

from sqlalchemy import func, select

from app.orgs.models import OrgUnit
from app.specs import DemoContext
from plugins.customers import demo_names, service
from plugins.customers.service import Contact, Customer, CustomerSite, ServicePackage


def _city_of(name: str) -> str:
    return max((c for c in demo_names.CITIES if name.startswith(c)), key=len)


def _demo(session, seed: int, scale: int = 2000, reference_only: bool = False) -> DemoContext:
    units = session.scalars(select(OrgUnit).order_by(OrgUnit.path)).all()
    return DemoContext(session=session, rng=random.Random(seed), scale=scale, org_units=list(units), staff={},
                       reference_only=reference_only)


def test_demo_customers_carry_their_own_region_with_a_site_and_a_contact(ctx, admin):
    with ctx.transaction() as session:
        service.generate_demo(_demo(session, seed=3))
    with ctx.reading() as session:
        beijing = session.scalar(select(OrgUnit).where(OrgUnit.code == "BJ"))
        rows = session.execute(select(Customer.name, Customer.region, Customer.org_id)).all()
        assert session.scalar(select(func.count()).select_from(CustomerSite)) == len(rows)
        assert session.scalar(select(func.count()).select_from(Contact)) == len(rows)
        shown = {r.id: r.region for r in service.list_customers(session, admin, org_id=beijing.id).rows}
    assert all(region == _city_of(name) for name, region, _ in rows)
    at_bj = [region for _, region, org in rows if org == beijing.id]
    assert len(at_bj) >= 15  # the branch's share of 2000 cases, one customer per 25
    home = sum(region == "北京" for region in at_bj)
    assert 0.5 * len(at_bj) <= home < len(at_bj)  # mostly local, yet some accounts far away
    assert set(shown.values()) == set(at_bj)  # the page shows each customer's region


def test_reference_data_alone_is_the_standard_packages(ctx):
    with ctx.transaction() as session:
        service.generate_demo(_demo(session, seed=1, reference_only=True))
        service.generate_demo(_demo(session, seed=2, reference_only=True))  # a second run adds nothing
    with ctx.reading() as session:
        assert session.scalar(select(func.count()).select_from(Customer)) == 0
        assert sorted(session.scalars(select(ServicePackage.code))) == ["5X8-NBD", "7X24-4H"]
