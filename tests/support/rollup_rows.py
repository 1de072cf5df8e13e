"""What the rollup tests share: each unit's clock (SH keeps Urumqi time, two hours behind the
others), plain SQL over the test rows with typed parameters, and the written workbook read back
with openpyxl as rows keyed by org code."""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

from openpyxl import load_workbook
from sqlalchemy import Date, bindparam, text
from sqlalchemy.types import Uuid

from app.db.types import UTCDateTime
from app.ids import org_id_for_code
from app.reports.period import Period

SHANGHAI, URUMQI = ZoneInfo("Asia/Shanghai"), ZoneInfo("Asia/Urumqi")
ZONES = {"HQ": SHANGHAI, "BJ": SHANGHAI, "BJ-P01": SHANGHAI, "SH": URUMQI}
CODES = tuple(ZONES)  # tree order: HQ, BJ, its partner, SH
TIERS = {"HQ": "HQ", "BJ": "Branch", "SH": "Branch", "BJ-P01": "Partner"}
ORG = {code: org_id_for_code(code) for code in CODES}


def keep_zones(ctx) -> None:
    """SH counts its days on Urumqi's clock; the rest keep the default (Shanghai)."""
    from app.orgs.models import OrgUnit

    with ctx.transaction() as session:
        unit = session.get(OrgUnit, ORG["SH"])
        unit.settings = {**(unit.settings or {}), "calendar": {"timezone": "Asia/Urumqi"}}


def bounds(code: str, period: Period) -> tuple[datetime, datetime]:
    """The period's first and end moments on the unit's clock, in UTC."""
    return period.bounds_utc(ZONES[code])


def sql_text(statement: str, columns: dict | None = None, **params):
    """``text`` whose parameters are typed by their values (ids, moments, days), so one statement
    runs on both databases."""
    kinds = {uuid.UUID: Uuid(), datetime: UTCDateTime(), date: Date()}
    clause = text(statement).bindparams(*(bindparam(name, type_=kinds[type(value)])
                                          for name, value in used(statement, params).items() if type(value) in kinds))
    return clause.columns(**columns) if columns else clause


def used(statement: str, params: dict) -> dict:
    """The parameters the statement names (a helper may offer more than one statement uses)."""
    return {name: value for name, value in params.items() if re.search(rf":{name}\b", statement)}


def sql(ctx, statement: str, columns: dict | None = None, **params) -> list[tuple]:
    with ctx.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(sql_text(statement, columns, **params),
                                                         used(statement, params))]


def scalar(ctx, statement: str, **params):
    return sql(ctx, statement, **params)[0][0]


def workbook(path):
    return load_workbook(path)


def sheet(book, title: str) -> dict[str, dict]:
    """A unit sheet's rows by org code (its first column), each as {header: value}."""
    rows = list(book[title].iter_rows(values_only=True))
    return {row[0]: dict(zip(rows[0], row)) for row in rows[1:]}


def summary(book) -> dict[str, dict]:
    """The Summary's lines: each unit by code, each subtotal as "Subtotal: <tier>", and "Network total"."""
    rows = list(book["Summary"].iter_rows(values_only=True))
    lines = {}
    for row in rows[1:]:
        key = f"{row[0]}: {row[1]}" if row[0] == "Subtotal" else row[0]
        lines[key] = dict(zip(rows[0], row))
    return lines


def tier_groups() -> dict[str, tuple[str, ...]]:
    """The Summary's lines above the units: each tier's subtotal and the network total."""
    groups = {f"Subtotal: {tier}": tuple(c for c in CODES if TIERS[c] == tier) for tier in ("HQ", "Branch", "Partner")}
    groups["Network total"] = CODES
    return groups
