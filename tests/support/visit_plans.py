"""Helpers for the visit plan tests: a unit's customers and the quarter its visits fall in."""

from __future__ import annotations

from app.ids import org_id_for_code
from app.reports.period import Period
from plugins.customers import service as customers
from plugins.visits.plan_rules import unit_today

BJ = org_id_for_code("BJ")


def current_quarter(ctx) -> Period:
    """The quarter holding today on BJ's clock: a visit may be dated from its first day to today."""
    with ctx.reading() as session:
        return Period.quarter_of(unit_today(session, BJ))


def add_customers(ctx, clerk, specs) -> dict[str, object]:
    """``specs``: (name, region, active); returns the customers' ids by name."""
    ids = {}
    with ctx.transaction() as session:
        for name, region, active in specs:
            customer = customers.create_customer(session, clerk, name=name, region=region)
            ids[name] = customer.id
            if not active:
                customers.retire_customer(session, clerk, customer.id)
    return ids
