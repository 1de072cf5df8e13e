"""The customers page's list as an Excel workbook, through the one writer (``app.reports.workbook``):
every customer the page's search and org filter find (the page shows the first ones only), by name,
streamed in one pass, names and phone numbers written as text whatever they look like. Behind the
door, which checks the permission; the rows keep to the actor's scope as the page does.

    export_customers(session, actor, path, *, text="", org_id=None, subtree=False, progress=None,
                     cancelled=None) -> rows written
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.i18n import translate
from plugins.customers.registry import customer_row, customer_rows_query

BATCH = 2000


def export_customers(session: Session, actor: Actor, path: str | Path, *, text: str = "",
                     org_id: uuid.UUID | None = None, subtree: bool = False,
                     progress: Callable[[str, float], None] | None = None,
                     cancelled: Callable[[], bool] | None = None) -> int:
    from app.reports.workbook import Column, Sheet, write_workbook  # loaded on first export

    query = customer_rows_query(session, actor, text, org_id=org_id, subtree=subtree)
    expected = session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    found = (customer_row(r) for r in session.execute(query.execution_options(yield_per=BATCH)))
    rows = ((c.name, c.region, c.unit, c.contact, c.phone, c.assets) for c in found)
    titles = (translate("Customers", "Customer"), translate("Customers", "Region"), translate("Customers", "Unit"),
              translate("Customers", "Contact"), translate("Customers", "Phone"), translate("Customers", "Machines"))
    columns = [Column(t, width=w) for t, w in zip(titles, (36, 14, 10, 14, 18, 10), strict=True)]
    sheet = Sheet(translate("Customers", "Customers"), columns, rows, expected_rows=expected, autofilter=True)
    return write_workbook(path, [sheet], progress=progress, cancelled=cancelled)
