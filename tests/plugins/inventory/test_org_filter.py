"""The org filter on the depots page's reads: the depot list, low stock, stock value and hit rates
of the chosen unit (and below it when asked); a unit outside the actor's scope is refused."""

import pytest

from app.errors import PermissionDenied
from app.ids import org_id_for_code
from app.reports.period import parse_period
from plugins.inventory import service

BJ, SH, PARTNER = (org_id_for_code(c) for c in ("BJ", "SH", "BJ-P01"))


def test_depots_and_their_figures_narrow_to_the_unit(ctx, admin, stock, make_actor):
    with ctx.transaction() as session:
        for code in ("BJ-D1", "BJ-P01-D1", "SH-D1"):
            service.receive(session, admin, stock.depots[code], "DIMM-32G", 1)
            service.set_level(session, admin, stock.depots[code], "DIMM-32G", 5, 10)
    manager = make_actor(ctx, "mgr@BJ", roles=["branch_manager"])
    with ctx.reading() as session:
        def depots(actor, **unit):
            return [d.code for d in service.visible_depots(session, actor, **unit)]

        assert depots(admin, org_id=BJ) == ["BJ-D1"]
        assert depots(admin, org_id=BJ, subtree=True) == ["BJ-D1", "BJ-P01-D1"]
        assert depots(manager, org_id=PARTNER) == ["BJ-P01-D1"]
        assert [row[0] for row in service.low_stock(session, admin)] == ["BJ-D1", "BJ-P01-D1", "SH-D1"]
        assert [row[0] for row in service.low_stock(session, admin, org_id=BJ, subtree=True)] == ["BJ-D1", "BJ-P01-D1"]
        assert [org for org, _ in service.stock_value(session, admin, org_id=SH)[1]] == ["SH"]
        assert [org for org, _ in service.stock_value(session, admin, org_id=BJ, subtree=True)[1]] == ["BJ", "BJ-P01"]
        assert service.hit_rates(session, admin, parse_period("2026Q3"), "depot", org_id=SH) == []
        for read in (lambda: service.visible_depots(session, manager, org_id=SH),
                     lambda: service.low_stock(session, manager, org_id=SH),
                     lambda: service.stock_value(session, manager, org_id=SH, subtree=True),
                     lambda: service.hit_rates(session, manager, parse_period("2026Q3"), org_id=SH)):
            with pytest.raises(PermissionDenied):
                read()
