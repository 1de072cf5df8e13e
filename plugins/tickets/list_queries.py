"""Pages of the ticket list that stay fast at a million tickets, on SQLite and PostgreSQL.

``service.list_tickets`` states the filter as one WHERE clause; with the org scope
(``org_id IN (…) OR escalated_to_org_id = …``) neither database can walk an index in ``opened_at``
order, so the first page at HQ sorts every ticket (seconds at 1,000,000). The tickets table has
composite indexes whose SECOND column is ``opened_at`` — (org_id, opened_at), (state, opened_at),
(priority, opened_at), (category, opened_at), (engineer_id, opened_at), (customer_id, opened_at),
(breached, opened_at). So a page is the merge of a few index-ordered branches, each cut at
``offset + limit`` rows: one branch per state (HQ), per visible org unit (a branch or partner, plus
cases escalated to it), per priority or state when sorting by it, or the one branch a
customer/engineer/category/… filter selects. The org filter narrows the list of units (and drops
the branch of cases escalated to the actor's unit: a chosen unit shows the cases it owns). Sorting
by due time (soonest first) splits each state branch in two, the cases with a due time walked by
(state, next_due_at, opened_at) and those without by the same index's NULL range, because neither
database walks an index for "NULLS LAST". The outer query merges the branches, and the page's names
are joined for its rows only.

    list_page(session, actor, filters, offset=0, limit=200, sort="opened_at", descending=True)
        -> [TicketRow]   (same rows, filters and sort keys as ``service.list_tickets``)
"""

from __future__ import annotations

from sqlalchemy import and_, func, or_, select, union_all
from sqlalchemy.orm import Session, aliased

from app.auth.actor import Actor
from app.auth.models import User
from app.orgs.models import OrgUnit
from app.orgs.scope import org_filter_ids, visible_org_ids
from plugins.tickets import service
from plugins.tickets.models import OPEN_STATES, PRIORITIES, STATES, Customer, Ticket
from plugins.tickets.queries import TicketFilter, TicketRow

TIE_SLACK = 16
MAX_CUSTOMER_MATCHES = 500  # quick search by a short name prefix: the first 500 customers
PREFIX_END = "\U0010ffff"  # sorts after every character a prefix can be followed by
MAX_ORG_BRANCHES = 64  # more visible units than this: branch by state instead
# Given "org_id = ? AND state = ?", SQLite's planner walks (state, opened_at) over the whole country
# instead of the unit's few tickets. In a unit's branch the other filters are therefore written as
# coalesce(column, column): the same value, but no index matches it (on both databases).
UNIT, BY_STATE, BY_PRIORITY, ONE, OPEN_BY_DUE = "unit", "state", "priority", "one", "open_by_due"
SORT_KEYS = {"opened_at": (), "priority": (Ticket.priority,), "state": (Ticket.state,), "number": (Ticket.number,),
             "due": (Ticket.next_due_at,)}


def _visible_orgs(session: Session, actor: Actor) -> list | None:
    """The org ids the actor may see, or None when that is every unit in this database."""
    return _unless_every_unit(session, session.scalars(visible_org_ids(actor)).all())


def _unless_every_unit(session: Session, orgs: list) -> list | None:
    """``orgs``, or None when that is every unit in this database (then no org condition at all)."""
    if len(orgs) >= session.scalar(select(func.count()).select_from(OrgUnit)):
        return None
    return orgs


def _conditions(filters: TicketFilter, customers: list, unindexed: bool = False) -> list:
    def column(attribute):
        return func.coalesce(attribute, attribute) if unindexed else attribute

    found = [Ticket.deleted_at.is_(None)]
    if filters.states:
        found.append(column(Ticket.state).in_(list(filters.states)))
    if filters.open_only:  # left bare: its only index is (org_id, is_open, next_due_at), which a unit may use
        found.append(Ticket.is_open.is_(True))
    for attribute, value in ((Ticket.priority, filters.priority), (Ticket.category, filters.category),
                             (Ticket.engineer_id, filters.engineer_id), (Ticket.customer_id, filters.customer_id),
                             (Ticket.breached, filters.breached)):
        if value is not None:
            found.append(column(attribute) == value)
    if filters.opened_from:
        found.append(Ticket.opened_at >= filters.opened_from)
    if filters.opened_to:
        found.append(Ticket.opened_at < filters.opened_to)
    text = filters.text.strip()
    if text:
        found.append(_quick_search(text, customers))
    return found


def _prefix(column, text: str):
    """``column`` starts with ``text``, as a range an ordinary index serves (LIKE uses none here:
    SQLite's LIKE ignores case, PostgreSQL's needs the C collation)."""
    return and_(column >= text, column < text + PREFIX_END)


def _matching_customers(session: Session, text: str) -> list:
    """Customers whose name starts with ``text``, looked up first: as a list, ``customer_id IN``
    joins the OR below as one more index lookup (a subquery there makes PostgreSQL scan the table)."""
    if not text:
        return []
    return session.scalars(select(Customer.id).where(_prefix(Customer.name, text)).limit(MAX_CUSTOMER_MATCHES)).all()


def _quick_search(text: str, customers: list):
    alternatives = [_prefix(Ticket.number, text.upper()), Ticket.serial_number == text.upper()]
    if customers:
        alternatives.append(Ticket.customer_id.in_(customers))
    return or_(*alternatives)


def _branches(filters: TicketFilter, sort: str, orgs: list | None, actor: Actor, escalated: bool) -> list[tuple]:
    """(extra condition, scoped?, kind) per index-ordered branch; one ``(None, True, ONE)``: a single branch."""
    states = list(filters.states) or list(OPEN_STATES if filters.open_only else STATES)
    if filters.text.strip() or filters.customer_id or filters.engineer_id:
        return [(None, True, ONE)]
    if orgs is not None and len(orgs) <= MAX_ORG_BRANCHES:
        # a unit's own tickets are few: walk them by (org_id, opened_at) whatever else is filtered;
        # cases escalated to the actor's unit belong to other units, so that branch is not scoped
        # (a range, not "=": after ANALYZE SQLite sees the mostly-NULL column's index as useless
        # for equality and scans the table; for a range it uses the index)
        units = [(Ticket.org_id == org, False, UNIT) for org in orgs]
        if escalated:
            units.append((Ticket.escalated_to_org_id.between(actor.org_id, actor.org_id), False, UNIT))
        return units
    if sort == "due" and filters.open_only and not filters.states:
        # every open case by due time: one walk of (is_open, next_due_at, opened_at); "= true", not
        # "IS TRUE", so that both databases use the index
        return [(Ticket.is_open == True, True, OPEN_BY_DUE)]  # noqa: E712
    if sort == "priority" and filters.priority is None:
        return [(Ticket.priority == p, True, BY_PRIORITY) for p in PRIORITIES]
    if sort == "state" or filters.states:
        return [(Ticket.state == s, True, BY_STATE) for s in states]
    if filters.priority is not None or filters.category or filters.breached is not None or sort == "number":
        return [(None, True, ONE)]
    return [(Ticket.state == s, True, BY_STATE) for s in states]


def _scope(orgs: list | None, actor: Actor, escalated: bool):
    if orgs is None:
        return None
    if not escalated:
        return Ticket.org_id.in_(orgs)
    return or_(Ticket.org_id.in_(orgs), Ticket.escalated_to_org_id == actor.org_id)


def _direction(key, descending: bool):
    """Cases without a due time come last either way (both databases understand NULLS LAST)."""
    ordered = key.desc() if descending else key.asc()
    return ordered.nulls_last() if key.key == "next_due_at" else ordered


def _key_columns(sort: str) -> list:
    return [Ticket.id, Ticket.opened_at, *SORT_KEYS.get(sort, ())]


def _page_ids(session: Session, actor: Actor, filters: TicketFilter, offset: int, limit: int, sort: str,
              descending: bool) -> list:
    sort = sort if sort in SORT_KEYS else "opened_at"
    chosen = org_filter_ids(session, actor, filters.org_id, filters.subtree)
    if chosen is None:
        orgs, escalated = _visible_orgs(session, actor), True
    else:
        orgs, escalated = _unless_every_unit(session, chosen), False
    customers = _matching_customers(session, filters.text.strip())
    base, unit_base = _conditions(filters, customers), _conditions(filters, customers, unindexed=True)
    scope = _scope(orgs, actor, escalated)
    keys = _key_columns(sort)
    # A branch's order stops at opened_at so its index delivers it without a sort; ties on opened_at
    # at the cut are covered by TIE_SLACK extra rows, and the outer query orders fully (…, id).
    order = [_direction(k, descending) for k in (*SORT_KEYS[sort], Ticket.opened_at)]
    branches = []
    for extra, scoped, kind in _branches(filters, sort, orgs, actor, escalated):
        conditions = [*(unit_base if kind == UNIT else base),
                      *(c for c in (scope if scoped else None, extra) if c is not None)]
        for split, branch_order in _due_split(sort, descending, kind, order):
            branch = (select(*keys).where(and_(*conditions, *split)).order_by(*branch_order)
                      .limit(offset + limit + TIE_SLACK))
            branches.append(select(*branch.subquery().c))
    merged = (union_all(*branches) if len(branches) > 1 else branches[0]).subquery()
    outer_keys = [merged.c[k.key] for k in (*SORT_KEYS[sort], Ticket.opened_at, Ticket.id)]
    outer = (select(merged.c.id).distinct() if len(branches) > 1 else select(merged.c.id))
    outer = outer.add_columns(*outer_keys).order_by(*[_direction(k, descending) for k in outer_keys])
    return [row[0] for row in session.execute(outer.offset(offset).limit(limit))]


def _due_split(sort: str, descending: bool, kind: str, order: list) -> list[tuple]:
    """(extra conditions, order) per sub-branch; a sort by due time is split at NULL so that each
    part walks its index (forwards or backwards) and the outer query puts the NULLs last."""
    if sort != "due" or kind not in (BY_STATE, OPEN_BY_DUE):
        return [((), order)]
    due, opened = (Ticket.next_due_at.desc(), Ticket.opened_at.desc()) if descending else (
        Ticket.next_due_at.asc(), Ticket.opened_at.asc())
    return [((Ticket.next_due_at.is_not(None),), [due, opened]), ((Ticket.next_due_at.is_(None),), [opened])]


def _rows(session: Session, ids: list) -> list[TicketRow]:
    engineer = aliased(User)
    query = (select(Ticket.id, Ticket.number, Ticket.state, Ticket.priority, Ticket.category, Customer.name,
                    Ticket.product_line, Ticket.serial_number, engineer.display_name, Ticket.opened_at,
                    Ticket.next_due_at, Ticket.breached)
             .join(Customer, Customer.id == Ticket.customer_id)
             .outerjoin(engineer, engineer.id == Ticket.engineer_id).where(Ticket.id.in_(ids)))
    by_id = {row[0]: TicketRow(*row) for row in session.execute(query)}
    return [by_id[i] for i in ids if i in by_id]


def list_page(session: Session, actor: Actor, filters: TicketFilter | None = None, *, offset: int = 0,
              limit: int = 200, sort: str = "opened_at", descending: bool = True) -> list[TicketRow]:
    actor.require(service.VIEW)
    ids = _page_ids(session, actor, filters or TicketFilter(), offset, limit, sort, descending)
    return _rows(session, ids) if ids else []

