"""The audit log as the reader sees it: the names of its kinds and actions in the reader's language,
and every entry a filter finds as an Excel workbook through the one writer (``app.reports.workbook``),
newest first, streamed in one pass. Times are date-time cells in the wall time of the unit that
recorded the entry (the reader's own for entries of no unit), whose zone is named in the last column;
the values before and after a change are written whole, as text.

    kind_label(entity_type) / action_label(action) -> str
    export_log(session, actor, path, *, entity_type=None, actor_text=None, since=None, until=None,
               progress=None, cancelled=None) -> rows written
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit.service import AUDIT_VIEW, entries_query
from app.auth.actor import Actor
from app.i18n import translate
from app.orgs.local_time import LocalClock

BATCH = 2000
CELL_LIMIT = 32_767  # the most characters an Excel cell holds


def kind_label(entity_type: str) -> str:
    return {"user": translate("Audit", "User"), "role": translate("Audit", "Role"),
            "org_unit": translate("Audit", "Org unit"), "settings": translate("Audit", "Settings"),
            "demo": translate("Audit", "Demo data")}.get(entity_type, entity_type)


def action_label(action: str) -> str:
    return {"create": translate("Audit", "created"), "update": translate("Audit", "changed"),
            "password": translate("Audit", "password set"), "generate": translate("Audit", "generated")
            }.get(action, action)


def values_text(values: dict | None, limit: int = CELL_LIMIT) -> str:
    return "" if values is None else json.dumps(values, ensure_ascii=False)[:limit]


def export_log(session: Session, actor: Actor, path: str | Path, *, entity_type: str | None = None,
               actor_text: str | None = None, since: datetime | None = None, until: datetime | None = None,
               progress: Callable[[str, float], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> int:
    from app.reports.workbook import Column, Sheet, write_workbook  # loaded on first export

    actor.require(AUDIT_VIEW)
    query = entries_query(actor, entity_type=entity_type, actor_text=actor_text, since=since, until=until)
    expected = session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    clock = LocalClock(session)
    entries = session.scalars(query.execution_options(yield_per=BATCH))
    rows = ((clock.wall(e.org_id or actor.org_id, e.at).replace(microsecond=0), e.actor_name, kind_label(e.entity_type),
             e.summary, action_label(e.action), values_text(e.before), values_text(e.after),
             clock.zone(e.org_id or actor.org_id).key) for e in entries)
    titles = (translate("Audit", "When"), translate("Audit", "Who"), translate("Audit", "Record"),
              translate("Audit", "Summary"), translate("Audit", "Action"), translate("Audit", "Before"),
              translate("Audit", "After"), translate("Audit", "Time zone"))
    columns = [Column(t, width=w) for t, w in zip(titles, (19, 18, 16, 40, 12, 40, 40, 16), strict=True)]
    sheet = Sheet(translate("Audit", "Audit log"), columns, rows, expected_rows=expected, autofilter=True)
    return write_workbook(path, [sheet], progress=progress, cancelled=cancelled)
