"""Tables of the similar-case index (see ``plugins.tickets.similar.search``).

The index is derived data: every node builds it from its own resolved tickets
(``similar.index.reindex``) and keeps it current as tickets are resolved, closed or reopened
(``similar.index.index_ticket``). It is never synced, so it may use small node-local integer keys
(``doc_no`` from the ``next_doc`` counter, ``org_no`` a hash) instead of UUIDs: a posting is then
three small values, which keeps ~15 postings per ticket for a million tickets compact on SQLite
and PostgreSQL alike.
"""

from __future__ import annotations

import uuid

from sqlalchemy import BigInteger, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base


class SimilarOrg(Base):
    """How many indexed tickets an org unit owns (for cost estimates), and its small ``org_no``.

    ``org_no`` is a 31-bit hash of the org id, so concurrent writers never race to allocate one; a
    rare collision only widens a candidate scan, since results are re-checked with ``org_scope``."""

    __tablename__ = "tickets_similar_orgs"

    org_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    org_no: Mapped[int] = mapped_column(Integer)
    docs: Mapped[int] = mapped_column(BigInteger, default=0)


class SimilarDoc(Base):
    """One indexed (resolved) ticket; ``terms`` is its forward index, used to re-rank candidates."""

    __tablename__ = "tickets_similar_docs"

    doc_no: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    ticket_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    org_no: Mapped[int] = mapped_column(Integer)
    product_line: Mapped[str] = mapped_column(String(100), default="")
    terms: Mapped[str] = mapped_column(Text, default="")


class SimilarTerm(Base):
    """Document frequency of a term: how many indexed tickets contain it."""

    __tablename__ = "tickets_similar_terms"

    term: Mapped[str] = mapped_column(String(64), primary_key=True)
    df: Mapped[int] = mapped_column(BigInteger, default=0)


class SimilarPosting(Base):
    """Term → ticket. Keyed (term, org_no, doc_no) so one index range serves a term within a scope."""

    __tablename__ = "tickets_similar_postings"
    __table_args__ = {"sqlite_with_rowid": False}

    term: Mapped[str] = mapped_column(String(64), primary_key=True)
    org_no: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    doc_no: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


class SimilarStat(Base):
    """Totals for ranking: ``docs`` (indexed tickets), ``terms`` (sum of document lengths), ``next_doc``."""

    __tablename__ = "tickets_similar_stats"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)
