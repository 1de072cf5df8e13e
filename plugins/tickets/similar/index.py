"""Keeping the similar-case index (``plugins.tickets.similar.search``) in line with the tickets.

- ``index_ticket(session, ticket_id)``: after a ticket is resolved, closed, reopened, cancelled or
  its symptom edited, call this in the same transaction; a resolved ticket gets (or keeps) an
  entry, any other loses it. Cheap: a few rows per term of one symptom.
- ``reindex(session, progress=None, cancelled=None) -> int``: rebuild from every resolved ticket
  (demo data, bench, repair); returns the number of tickets indexed. On PostgreSQL the postings go
  in with COPY.
- ``org_no(org_id) -> int``: the small key postings carry for an org unit.
No Qt; no permission check (it derives data the service already allowed to change).
"""

from __future__ import annotations

import uuid
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from sqlalchemy import delete, insert, select, text, tuple_
from sqlalchemy.orm import Session

from app.i18n import translate
from plugins.tickets.models import Ticket
from plugins.tickets.similar.models import SimilarDoc, SimilarOrg, SimilarPosting, SimilarStat, SimilarTerm
from plugins.tickets.similar.search import RESOLVED_STATES, tokens

BATCH = 5000


def org_no(org_id: uuid.UUID) -> int:
    return zlib.crc32(org_id.bytes) & 0x7FFFFFFF


def _insert(session: Session):
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    return dialect_insert


def _add_counts(session: Session, model, key: str, column: str, rows: Sequence[dict]) -> None:
    """``column += delta`` per key, inserting missing keys; sorted so concurrent writers never deadlock."""
    if not rows:
        return
    stmt = _insert(session)(model).values(sorted(rows, key=lambda row: str(row[key])))
    stmt = stmt.on_conflict_do_update(index_elements=[key],
                                      set_={column: getattr(model, column) + getattr(stmt.excluded, column)})
    session.execute(stmt)


def _next_doc_no(session: Session) -> int:
    _add_counts(session, SimilarStat, "name", "value", [{"name": "next_doc", "value": 1}])
    return session.scalar(select(SimilarStat.value).where(SimilarStat.name == "next_doc"))


def _remove(session: Session, doc: SimilarDoc, org_id: uuid.UUID | None) -> None:
    words = [w for w in doc.terms.split(" ") if w]
    if words:
        session.execute(delete(SimilarPosting).where(
            tuple_(SimilarPosting.term, SimilarPosting.org_no, SimilarPosting.doc_no).in_(
                [(w, doc.org_no, doc.doc_no) for w in words])))
        _add_counts(session, SimilarTerm, "term", "df", [{"term": w, "df": -1} for w in words])
    if org_id is not None:
        _add_counts(session, SimilarOrg, "org_id", "docs", [{"org_id": org_id, "org_no": doc.org_no, "docs": -1}])
    _add_counts(session, SimilarStat, "name", "value",
                [{"name": "docs", "value": -1}, {"name": "terms", "value": -len(words)}])
    session.execute(delete(SimilarDoc).where(SimilarDoc.doc_no == doc.doc_no))


def _add(session: Session, ticket_id: uuid.UUID, org_id: uuid.UUID, line: str, words: list[str]) -> None:
    number, org = _next_doc_no(session), org_no(org_id)
    session.execute(insert(SimilarDoc).values(doc_no=number, ticket_id=ticket_id, org_no=org, product_line=line,
                                              terms=" ".join(words)))
    session.execute(insert(SimilarPosting), [{"term": w, "org_no": org, "doc_no": number} for w in words])
    _add_counts(session, SimilarTerm, "term", "df", [{"term": w, "df": 1} for w in words])
    _add_counts(session, SimilarOrg, "org_id", "docs", [{"org_id": org_id, "org_no": org, "docs": 1}])
    _add_counts(session, SimilarStat, "name", "value",
                [{"name": "docs", "value": 1}, {"name": "terms", "value": len(words)}])


def index_ticket(session: Session, ticket_id: uuid.UUID) -> bool:
    """Bring one ticket's index entry in line with the ticket; True if it is now indexed."""
    session.flush()
    ticket = session.execute(select(Ticket.org_id, Ticket.state, Ticket.deleted_at, Ticket.symptom,
                                    Ticket.product_line).where(Ticket.id == ticket_id)).first()
    wanted = ticket is not None and ticket.deleted_at is None and ticket.state in RESOLVED_STATES
    words = tokens(ticket.symptom) if wanted else []
    doc = session.scalar(select(SimilarDoc).where(SimilarDoc.ticket_id == ticket_id))
    if doc is not None:
        if words and doc.terms == " ".join(words) and doc.org_no == org_no(ticket.org_id) \
                and doc.product_line == (ticket.product_line or ""):
            return True
        _remove(session, doc, ticket.org_id if ticket is not None else _org_of(session, doc.org_no))
    if words:
        _add(session, ticket_id, ticket.org_id, ticket.product_line or "", words)
    return bool(words)


def _org_of(session: Session, number: int) -> uuid.UUID | None:
    return session.scalar(select(SimilarOrg.org_id).where(SimilarOrg.org_no == number).limit(1))


# ------------------------------------------------------------------------------ bulk rebuild

def _clear(session: Session) -> None:
    tables = [m.__table__ for m in (SimilarPosting, SimilarDoc, SimilarTerm, SimilarOrg, SimilarStat)]
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("TRUNCATE " + ", ".join(t.name for t in tables)))
    else:
        for table in tables:
            session.execute(table.delete())


def _bulk(session: Session, model, columns: Sequence[str], rows: Iterable[tuple]) -> None:
    """Insert many rows: COPY on PostgreSQL (ten times faster), executemany elsewhere."""
    rows = list(rows)
    if not rows:
        return
    if session.get_bind().dialect.name == "postgresql":
        raw = session.connection().connection.driver_connection
        with raw.cursor() as cursor, cursor.copy(
                f"COPY {model.__tablename__} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    session.execute(insert(model), [dict(zip(columns, row)) for row in rows])


def reindex(session: Session, progress: Callable[[str, float], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> int:
    """Rebuild the whole index from the resolved tickets; returns how many were indexed."""
    session.flush()
    _clear(session)
    frequencies, org_docs, total_terms, doc_no, last = Counter(), Counter(), 0, 0, None
    todo = session.scalar(select(text("count(*)")).select_from(Ticket).where(Ticket.state.in_(RESOLVED_STATES)))
    while True:
        stmt = select(Ticket.id, Ticket.org_id, Ticket.product_line, Ticket.symptom).where(
            Ticket.state.in_(RESOLVED_STATES), Ticket.deleted_at.is_(None))
        if last is not None:
            stmt = stmt.where(Ticket.id > last)
        batch = session.execute(stmt.order_by(Ticket.id).limit(BATCH)).all()
        if not batch or (cancelled and cancelled()):
            break
        docs, postings = [], []
        for row in batch:
            words = tokens(row.symptom)
            if not words:
                continue
            doc_no += 1
            org = org_no(row.org_id)
            docs.append((doc_no, row.id, org, row.product_line or "", " ".join(words)))
            postings.extend((w, org, doc_no) for w in words)
            frequencies.update(words)
            org_docs[row.org_id] += 1
            total_terms += len(words)
        _bulk(session, SimilarDoc, ("doc_no", "ticket_id", "org_no", "product_line", "terms"), docs)
        _bulk(session, SimilarPosting, ("term", "org_no", "doc_no"), sorted(postings))
        last = batch[-1].id
        if progress:
            progress(translate("Tickets", "Indexing resolved tickets for similar-case search"), min(1.0, doc_no / max(1, todo or 1)))
    _bulk(session, SimilarTerm, ("term", "df"), sorted(frequencies.items()))
    _bulk(session, SimilarOrg, ("org_id", "org_no", "docs"), [(o, org_no(o), n) for o, n in org_docs.items()])
    _bulk(session, SimilarStat, ("name", "value"), [("docs", doc_no), ("terms", total_terms), ("next_doc", doc_no)])
    return doc_no

