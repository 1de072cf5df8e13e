"""Similar historical cases: the resolved tickets whose symptom is closest to one being typed.

Why this design (issue: ≤ 100 ms over 1,000,000 tickets, SQLite and PostgreSQL alike):
SQLite FTS5's trigram tokenizer cannot match the two-character words Chinese is mostly made of,
and a plain bigram OR query ranked by bm25 visits most rows because common words (客户, 故障)
occur in most tickets. So the index is our own, in ordinary tables that work on both databases:

1. Words, not characters: symptoms are segmented with jieba (dictionary mode, with the after-sales
   vocabulary's part names added); Latin runs such as models "I620-G30" or codes "0x1A3F" are
   kept whole. A generic hotline stop list (客户, 反映, 来电…) is never indexed.
2. An inverted index ``tickets_similar_postings(term, org_no, doc_no)`` with document frequencies,
   keyed so that one index range yields a term's tickets inside the actor's org scope.
3. Candidates come from the RAREST query terms first, until their expected postings reach
   ``CANDIDATE_POSTINGS``; terms in more than ``COMMON_SHARE`` of all tickets never generate
   candidates. The database sums their idf weights per ticket (GROUP BY) and returns only the
   best ``RERANK``: the work per query is bounded whatever the table size, and no posting list
   travels to Python.
4. The best ``RERANK`` candidates are re-ranked in Python with BM25 over ALL query terms (from the
   forward index ``tickets_similar_docs.terms``), with a bonus for the same product line; the ten
   best are read from ``tickets_tickets`` with the actor's org scope and a resolved state.

Keeping it current (``plugins.tickets.similar.index``): ``index_ticket(session, ticket_id)``
brings one ticket's entry in line with the ticket (added when resolved or closed, removed when
reopened, cancelled or deleted); the ticket window calls it in the transaction of every change. ``reindex(session)`` rebuilds everything (demo,
bench, repair). Public: ``search(session, actor, text, product_line=None, limit=10,
exclude_ticket_id=None) -> list[SimilarCase]`` and ``tokens(text)`` here; ``index_ticket`` and
``reindex`` in ``plugins.tickets.similar.index``.
"""

from __future__ import annotations

import math
import re
import threading
import uuid
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.orgs.models import OrgUnit
from app.orgs.scope import org_scope, visible_org_ids
from plugins.tickets.similar import vocabulary
from plugins.tickets.models import Ticket
from plugins.tickets.similar.models import SimilarDoc, SimilarOrg, SimilarPosting, SimilarStat, SimilarTerm

VIEW = "tickets.view"  # = service.VIEW (asserted by a test; not imported to avoid an import cycle)
RESOLVED_STATES = ("resolved_remotely", "closed", "archived")
CANDIDATE_POSTINGS = 20_000   # expected postings summed (in SQL) to find candidates
COMMON_SHARE = 0.05           # a term in more than 5 % of tickets never generates candidates
RERANK = 200                  # candidates re-ranked with all query terms
SAME_LINE_BONUS = 1.2
K1, B = 1.2, 0.75
STOP_WORDS = frozenset("客户 用户 反映 来电 来电称 报修 反馈 邮件 传真 通过 热线 人员 出现 发现 问题 情况 目前 已经 "
                       "一下 一个 进行 这个 那个 现在 今天 昨天 请求 需要 说明 表示 称 了 的 后 时 在 和 与 及".split())
_SEGMENTS = re.compile(r"[\u3400-\u9fff]+|[A-Za-z0-9][A-Za-z0-9.+\-]*")
_tokenizer = None
_tokenizer_lock = threading.Lock()


@dataclass(frozen=True)
class SimilarCase:
    ticket_id: uuid.UUID
    number: str
    product_line: str
    symptom: str
    resolution: str
    score: float


# ------------------------------------------------------------------------------ tokens

def _jieba():
    global _tokenizer
    with _tokenizer_lock:
        if _tokenizer is None:
            import jieba  # loaded on first use: its dictionary costs ~100 MB and half a second

            jieba.setLogLevel(60)
            tokenizer = jieba.Tokenizer()
            tokenizer.initialize()
            for names, _specs in vocabulary.PARTS.values():
                for name in names:
                    if not name.isascii():
                        tokenizer.add_word(name)
            _tokenizer = tokenizer
    return _tokenizer


def tokens(text: str) -> list[str]:
    """Distinct index terms of ``text``, in order of first occurrence."""
    seen: dict[str, None] = {}
    jieba = None
    for match in _SEGMENTS.finditer(text or ""):
        segment = match.group(0)
        if segment.isascii():
            words = [segment.lower().strip(".-+")]
        else:
            jieba = jieba or _jieba()
            words = jieba.lcut(segment, HMM=False)
        for word in words:
            if (len(word) > 1 or word.isdigit()) and word not in STOP_WORDS and len(word) <= 64:
                seen.setdefault(word, None)
    return list(seen)


# ------------------------------------------------------------------------------ search

def _stats(session: Session) -> dict[str, int]:
    return dict(session.execute(select(SimilarStat.name, SimilarStat.value)).all())


def _scope(session: Session, actor: Actor, total_docs: int) -> tuple[list[int] | None, float]:
    """Org numbers the actor may see (None: every indexed one) and the share of indexed tickets they own."""
    if actor.sees_subtree and session.scalars(select(OrgUnit.id).where(OrgUnit.parent_id.is_(None)).limit(2)).all() \
            == [actor.org_id]:
        return None, 1.0  # the single top of this database's tree sees everything in it
    visible = set(session.scalars(visible_org_ids(actor)))
    orgs = session.execute(select(SimilarOrg.org_id, SimilarOrg.org_no, SimilarOrg.docs)).all()
    if all(org_id in visible for org_id, _, _ in orgs):
        return None, 1.0
    wanted = [(org_no, docs) for org_id, org_no, docs in orgs if org_id in visible]
    owned = sum(docs for _, docs in wanted)
    return sorted({org_no for org_no, _ in wanted}), (owned / total_docs if total_docs else 0.0)


def _idf(df: int, total: int) -> float:
    return math.log(1.0 + (total - df + 0.5) / (df + 0.5))


def _candidates(session: Session, query: dict[str, int], total: int, org_nos, share: float) -> list[int]:
    """The ``RERANK`` best tickets by the rarest query terms, summed in SQL (no posting reaches Python)."""
    usable = sorted((df, term) for term, df in query.items() if 0 < df <= max(50, COMMON_SHARE * total))
    if not usable and any(query.values()):
        usable = [min((df, term) for term, df in query.items() if df > 0)]
    chosen, expected = [], 0.0
    for df, term in usable:
        if chosen and expected + df * share > CANDIDATE_POSTINGS:
            break
        chosen.append(term)
        expected += df * share
    if not chosen:
        return []
    weight = case({term: _idf(query[term], total) for term in chosen}, value=SimilarPosting.term, else_=0.0)
    score = func.sum(weight).label("score")
    stmt = select(SimilarPosting.doc_no, score).where(SimilarPosting.term.in_(chosen))
    if org_nos is not None:
        stmt = stmt.where(SimilarPosting.org_no.in_(org_nos))
    stmt = stmt.group_by(SimilarPosting.doc_no).order_by(score.desc(), SimilarPosting.doc_no).limit(RERANK)
    return [doc_no for doc_no, _ in session.execute(stmt)]


def _rerank(session: Session, query: dict[str, int], total: int, average_length: float, doc_nos: list[int],
            product_line: str | None) -> list[tuple[float, uuid.UUID]]:
    weights = {term: _idf(df, total) for term, df in query.items() if df > 0}
    ranked = []
    rows = session.execute(select(SimilarDoc.ticket_id, SimilarDoc.product_line, SimilarDoc.terms)
                           .where(SimilarDoc.doc_no.in_(doc_nos)))
    for ticket_id, line, terms in rows:
        words = terms.split(" ")
        norm = K1 * (1 - B + B * len(words) / average_length)
        score = sum(weights.get(word, 0.0) for word in words) * (K1 + 1) / (1 + norm)
        if product_line and line == product_line:
            score *= SAME_LINE_BONUS
        ranked.append((score, ticket_id))
    return ranked


def search(session: Session, actor: Actor, text: str, *, product_line: str | None = None, limit: int = 10,
           exclude_ticket_id: uuid.UUID | None = None) -> list[SimilarCase]:
    """The ``limit`` resolved tickets the actor may see whose symptom is most like ``text``, best first."""
    actor.require(VIEW)
    words = tokens(text)
    stats = _stats(session)
    total = stats.get("docs", 0)
    if not words or not total:
        return []
    query = dict.fromkeys(words, 0)
    query.update(session.execute(select(SimilarTerm.term, SimilarTerm.df).where(SimilarTerm.term.in_(words))).all())
    org_nos, share = _scope(session, actor, total)
    if org_nos == []:
        return []
    best = _candidates(session, query, total, org_nos, share)
    if not best:
        return []
    ranked = _rerank(session, query, total, max(1.0, stats.get("terms", 0) / total), best, product_line)
    ranked.sort(key=lambda item: (-item[0], str(item[1])))
    ranked = [item for item in ranked if item[1] != exclude_ticket_id][: limit * 2]
    return _cases(session, actor, ranked, limit)


def _cases(session: Session, actor: Actor, ranked, limit: int) -> list[SimilarCase]:
    ids = [ticket_id for _, ticket_id in ranked]
    rows = session.execute(select(Ticket.id, Ticket.number, Ticket.product_line, Ticket.symptom, Ticket.resolution,
                                  Ticket.diagnosis)
                           .where(Ticket.id.in_(ids), org_scope(actor, Ticket.org_id), Ticket.deleted_at.is_(None),
                                  Ticket.state.in_(RESOLVED_STATES))).all()
    by_id = {row.id: row for row in rows}
    cases = [SimilarCase(row.id, row.number, row.product_line, row.symptom, row.resolution or row.diagnosis, score)
             for score, ticket_id in ranked if (row := by_id.get(ticket_id)) is not None]
    return cases[:limit]
