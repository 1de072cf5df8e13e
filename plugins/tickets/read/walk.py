"""The ids of one page of a ticket list, fast at a million tickets on SQLite and PostgreSQL.

With the org scope (``org_id IN (…) OR escalated_to_org_id = …``) neither database can walk an
index in ``opened_at`` order, so the first page at HQ would sort every ticket (seconds at
1,000,000). The tickets table has composite indexes whose SECOND column is ``opened_at`` —
(org_id, opened_at), (state, opened_at), (priority, opened_at), (category, opened_at),
(engineer_id, opened_at), (customer_id, opened_at), (breached, opened_at). So a page is the merge
of a few index-ordered branches, each cut at ``offset + limit`` rows: one branch per state (HQ),
per visible org unit (a branch or partner, plus cases escalated to it), per priority or state when
sorting by it, or the one branch a customer/engineer/category/… filter selects. The org filter
narrows the list of units (and drops the branch of cases escalated to the actor's unit: a chosen
unit shows the cases it owns). Sorting by due time (soonest first) splits each state branch in
two, the cases with a due time walked by (state, next_due_at, opened_at) and those without by the
same index's NULL range, because neither database walks an index for "NULLS LAST"; every open
case by due time is one walk of (is_open, next_due_at, opened_at). The outer query merges the
branches in the list's full order (``list_order``), the same order the export streams in.

Counting needs no order but the same split (``counting_parts``): a branch's or partner's count is
the sum over its units, each served by an index leading with org_id, plus the cases escalated to
the actor's unit that none of those units owns, so that the parts never overlap.
"""

from __future__ import annotations

from sqlalchemy import and_, select, union_all
from sqlalchemy.orm import Session

from plugins.tickets.models import OPEN_STATES, PRIORITIES, STATES, Ticket
from plugins.tickets.read.filters import Selection

TIE_SLACK = 16  # rows past the cut that share its opened_at; more ties than this at one cut are not expected
MAX_ORG_BRANCHES = 64  # more visible units than this: branch by state instead
# Given "org_id = ? AND state = ?", SQLite's planner walks (state, opened_at) over the whole country
# instead of the unit's few tickets. In a unit's branch the other filters are therefore written as
# coalesce(column, column): the same value, but no index matches it (on both databases).
UNIT, BY_STATE, BY_PRIORITY, ONE, OPEN_BY_DUE = "unit", "state", "priority", "one", "open_by_due"
SORT_KEYS = {"opened_at": (), "priority": (Ticket.priority,), "state": (Ticket.state,), "number": (Ticket.number,),
             "due": (Ticket.next_due_at,)}


def sort_name(sort: str) -> str:
    return sort if sort in SORT_KEYS else "opened_at"


def direction(key, descending: bool):
    """Cases without a due time come last either way (both databases understand NULLS LAST)."""
    ordered = key.desc() if descending else key.asc()
    return ordered.nulls_last() if key.key == "next_due_at" else ordered


def order_columns(sort: str, columns=None) -> list:
    """The list's full order by ``sort``: the sort key, then opened_at, then id (ties broken alike
    everywhere). ``columns``: a subquery's columns to take them from instead of the table's."""
    keys = (*SORT_KEYS[sort_name(sort)], Ticket.opened_at, Ticket.id)
    return [columns[k.key] for k in keys] if columns is not None else list(keys)


def list_order(sort: str, descending: bool, columns=None) -> list:
    return [direction(k, descending) for k in order_columns(sort, columns)]


def page_ids(session: Session, chosen: Selection, offset: int, limit: int, sort: str, descending: bool) -> list:
    sort = sort_name(sort)
    base, unit_base, scope = chosen.conditions(), chosen.conditions(unindexed=True), chosen.scope()
    keys = [Ticket.id, Ticket.opened_at, *SORT_KEYS[sort]]
    # A branch's order stops at opened_at so its index delivers it without a sort; ties on opened_at
    # at the cut are covered by TIE_SLACK extra rows, and the outer query orders fully (…, id).
    order = [direction(k, descending) for k in (*SORT_KEYS[sort], Ticket.opened_at)]
    branches = []
    for extra, scoped, kind in _branches(chosen, sort):
        conditions = [*(unit_base if kind == UNIT else base),
                      *(c for c in (scope if scoped else None, extra) if c is not None)]
        for split, branch_order in _due_split(sort, descending, kind, order):
            branch = (select(*keys).where(and_(*conditions, *split)).order_by(*branch_order)
                      .limit(offset + limit + TIE_SLACK))
            branches.append(select(*branch.subquery().c))
    merged = (union_all(*branches) if len(branches) > 1 else branches[0]).subquery()
    outer = select(merged.c.id).distinct() if len(branches) > 1 else select(merged.c.id)
    outer = outer.add_columns(*order_columns(sort, merged.c)[:-1]).order_by(*list_order(sort, descending, merged.c))
    return [row[0] for row in session.execute(outer.offset(offset).limit(limit))]


def counting_parts(chosen: Selection) -> list[list]:
    """The listed tickets as disjoint parts (WHERE conditions each) that count fast: a unit's own
    tickets by (org_id, …) indexes, the cases escalated to the actor's unit that none of them owns,
    or everything at once where the scope needs no condition (HQ) or covers too many units."""
    orgs = chosen.orgs
    if orgs is None or len(orgs) > MAX_ORG_BRANCHES:
        return [chosen.where()]
    owned = chosen.conditions(unindexed=True)
    parts = [[*owned, Ticket.org_id == org] for org in orgs]
    if chosen.with_escalated:
        parts.append([*owned, Ticket.escalated_to_org_id.between(chosen.actor_org_id, chosen.actor_org_id),
                      Ticket.org_id.not_in(orgs)])
    return parts


def _branches(chosen: Selection, sort: str) -> list[tuple]:
    """(extra condition, scoped?, kind) per index-ordered branch; one ``(None, True, ONE)``: a single branch."""
    filters, orgs = chosen.filters, chosen.orgs
    states = list(filters.states) or list(OPEN_STATES if filters.open_only else STATES)
    if chosen.text or filters.customer_id or filters.engineer_id or filters.escalated_here:
        return [(None, True, ONE)]
    if orgs is not None and len(orgs) <= MAX_ORG_BRANCHES:
        # a unit's own tickets are few: walk them by (org_id, opened_at) whatever else is filtered;
        # cases escalated to the actor's unit belong to other units, so that branch is not scoped
        # (a range, not "=": after ANALYZE SQLite sees the mostly-NULL column's index as useless
        # for equality and scans the table; for a range it uses the index)
        units = [(Ticket.org_id == org, False, UNIT) for org in orgs]
        if chosen.with_escalated:
            units.append((Ticket.escalated_to_org_id.between(chosen.actor_org_id, chosen.actor_org_id), False, UNIT))
        return units
    if sort == "due" and filters.open_only and not filters.states:
        # "= true", not "IS TRUE", so that both databases use the index
        return [(Ticket.is_open == True, True, OPEN_BY_DUE)]  # noqa: E712
    if sort == "priority" and filters.priority is None:
        return [(Ticket.priority == p, True, BY_PRIORITY) for p in PRIORITIES]
    if sort == "state" or filters.states:
        return [(Ticket.state == s, True, BY_STATE) for s in states]
    if filters.priority is not None or filters.category or filters.breached is not None or sort == "number":
        return [(None, True, ONE)]
    return [(Ticket.state == s, True, BY_STATE) for s in states]


def _due_split(sort: str, descending: bool, kind: str, order: list) -> list[tuple]:
    """(extra conditions, order) per sub-branch; a sort by due time is split at NULL so that each
    part walks its index (forwards or backwards) and the outer query puts the NULLs last."""
    if sort != "due" or kind not in (BY_STATE, OPEN_BY_DUE):
        return [((), order)]
    due, opened = (Ticket.next_due_at.desc(), Ticket.opened_at.desc()) if descending else (
        Ticket.next_due_at.asc(), Ticket.opened_at.asc())
    return [((Ticket.next_due_at.is_not(None),), [due, opened]), ((Ticket.next_due_at.is_(None),), [opened])]
