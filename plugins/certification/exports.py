"""The certification pages' lists as Excel workbooks, through the one writer (``app.reports.workbook``):
the certificates and the partner authorisations the page lists for the same filter, in the page's
order, streamed in one pass, with their days as date cells. Behind the door, which checks the
permission; the rows keep to the actor's scope as the pages do.

    export_certificates(session, actor, path, *, status=None, expiring_within=None, text="", org_id=None,
                        subtree=False, on=None, progress=None, cancelled=None) -> rows written
    export_authorisations(session, actor, path, *, org_id=None, subtree=False, on=None, progress=None,
                          cancelled=None) -> rows written
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.i18n import translate
from plugins.certification.authorisations import authorisation_query, state_of, status_label as authorisation_label
from plugins.certification.certificates import effective_status, level_label, listed_query, status_label
from plugins.certification.common import today

BATCH = 2000
LIST_SEPARATOR = "、"
Progress = Callable[[str, float], None]


def _count(session: Session, query) -> int:
    return session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0


def export_certificates(session: Session, actor: Actor, path: str | Path, *, org_id: uuid.UUID | None = None,
                        subtree: bool = False, on: date | None = None, progress: Progress | None = None,
                        cancelled: Callable[[], bool] | None = None, **filters) -> int:
    """``filters``: the page's ``status``, ``expiring_within`` and ``text``."""
    from app.reports.workbook import Column, Sheet, write_workbook  # loaded on first export

    on = on or today()
    query = listed_query(session, actor, on, org_id, subtree, **filters)
    expected = _count(session, query)
    found = session.execute(query.execution_options(yield_per=BATCH))
    rows = ((cert.number, cert.holder_name, org_code, type_name, status_label(effective_status(cert, on)),
             cert.issued_on, cert.expires_on, level_label(cert.level), LIST_SEPARATOR.join(cert.product_lines))
            for cert, org_code, type_name in found)
    titles = (translate("Certification", "Number"), translate("Certification", "Holder"),
              translate("Certification", "Org unit"), translate("Certification", "Certificate"),
              translate("Certification", "Status"), translate("Certification", "Issued"),
              translate("Certification", "Expires"), translate("Certification", "Level"),
              translate("Certification", "Product lines"))
    columns = [Column(t, width=w) for t, w in zip(titles, (24, 16, 12, 28, 14, 12, 12, 12, 30), strict=True)]
    sheet = Sheet(translate("Certification", "Certificates"), columns, rows, expected_rows=expected, autofilter=True)
    return write_workbook(path, [sheet], progress=progress, cancelled=cancelled)


def export_authorisations(session: Session, actor: Actor, path: str | Path, *, org_id: uuid.UUID | None = None,
                          subtree: bool = False, on: date | None = None, progress: Progress | None = None,
                          cancelled: Callable[[], bool] | None = None) -> int:
    from app.reports.workbook import Column, Sheet, write_workbook  # loaded on first export

    on = on or today()
    query = authorisation_query(session, actor, org_id, subtree)
    expected = _count(session, query)
    states = (state_of(session, auth, on) for auth in session.scalars(query.execution_options(yield_per=BATCH)))
    rows = ((s.authorisation.number, s.partner.name, s.partner.code, authorisation_label(s.status), s.reason,
             s.certified, s.authorisation.min_engineers, s.authorisation.valid_from, s.authorisation.valid_until,
             LIST_SEPARATOR.join(s.authorisation.service_types), LIST_SEPARATOR.join(s.authorisation.product_lines))
            for s in states)
    titles = (translate("Certification", "Number"), translate("Certification", "Partner"),
              translate("Certification", "Partner code"), translate("Certification", "Status"),
              translate("Certification", "Why"), translate("Certification", "Certified engineers"),
              translate("Certification", "Required"), translate("Certification", "Valid from"),
              translate("Certification", "Valid until"), translate("Certification", "Service types"),
              translate("Certification", "Product lines"))
    columns = [Column(t, width=w) for t, w in zip(titles, (24, 30, 12, 12, 30, 10, 10, 12, 12, 24, 24), strict=True)]
    sheet = Sheet(translate("Certification", "Authorisations"), columns, rows, expected_rows=expected, autofilter=True)
    return write_workbook(path, [sheet], progress=progress, cancelled=cancelled)
