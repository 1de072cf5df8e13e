"""A small network of depots and a few catalog parts for the inventory tests."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from plugins.inventory import service
from plugins.inventory.models import Part


@dataclass
class Stock:
    depots: dict  # code -> depot id


def add_parts(session):
    session.add_all([
        Part(part_number="DIMM-32G", name_zh="32GB DDR4 内存条", name_en="32GB DDR4 DIMM", product_lines="机架服务器",
             replaceable_by="CRU", unit_cost=Decimal("1280.00"), serialised=False),
        Part(part_number="HDD-2T", name_zh="2TB SAS 硬盘", name_en="2TB SAS HDD", product_lines="机架服务器,存储",
             replaceable_by="CRU", unit_cost=Decimal("950.50"), serialised=True),
        Part(part_number="MB-X1", name_zh="X1 主板", name_en="X1 mainboard", product_lines="机架服务器",
             replaceable_by="FRU", unit_cost=Decimal("8600.00"), serialised=True),
    ])
    session.flush()


@pytest.fixture
def stock(ctx, admin):
    """HQ central depot, a BJ branch depot, a BJ-P01 partner depot and an SH branch depot."""
    return make_stock(ctx, admin)


@pytest.fixture
def sqlite_admin(sqlite_ctx):
    from app.auth.service import authenticate
    from testdata import ADMIN_PASSWORD

    with sqlite_ctx.reading() as session:
        return authenticate(session, "admin@HQ", ADMIN_PASSWORD)


@pytest.fixture
def sqlite_stock(sqlite_ctx, sqlite_admin):
    return make_stock(sqlite_ctx, sqlite_admin)


def make_stock(ctx, admin) -> Stock:
    with ctx.transaction() as session:
        add_parts(session)
        depots = {}
        for org, code, kind in (("HQ", "HQ-C", "central"), ("BJ", "BJ-D1", "branch"),
                                ("BJ-P01", "BJ-P01-D1", "partner"), ("SH", "SH-D1", "branch")):
            depots[code] = service.create_depot(session, admin, org_code=org, code=code, name=code, kind=kind).id
    return Stock(depots)
