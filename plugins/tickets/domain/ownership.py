"""Which cases this installation may change itself.

Every installation holds copies: HQ holds its branches' tickets, a partner holds the notes HQ
wrote on its cases. The ticket row (state, clock, engineer, where it is escalated to) and the
rows hanging off it (repair order, emergency steps) are written only by the node that owns the
ticket, so two databases never change the same row. Anyone who may see a case can still add
their own rows to it anywhere: notes, expert answers, remote sessions.
"""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from app.errors import PermissionDenied
from app.i18n import translate
from app.orgs.models import OrgUnit
from app.sync.ownership import owned_org_ids

_CACHE_KEY = "tickets.owned_org_ids"


def owned_here(session: Session, org_id: uuid.UUID) -> bool:
    """Whether this node writes the rows of ``org_id`` (looked up once per session)."""
    owned = session.info.get(_CACHE_KEY)
    if owned is None:
        owned = session.info[_CACHE_KEY] = frozenset(owned_org_ids(session))
    return org_id in owned


def ensure_owned(session: Session, org_id: uuid.UUID, number: str | None = None) -> None:
    """Refuse to change case ``number`` (or, without one, to open a case) for a unit that keeps
    its cases in its own database."""
    if owned_here(session, org_id):
        return
    unit = session.get(OrgUnit, org_id)
    name = unit.name if unit is not None else str(org_id)
    if number is None:
        raise PermissionDenied(translate("Tickets", "Only {unit} can open its cases: it keeps them in its own "
                                                    "database.").format(unit=name))
    raise PermissionDenied(translate(
        "Tickets", "Only {unit} can change case {number}: it keeps its cases in its own database, and a "
                   "change made here to its ticket would clash with its own. Add a note or an expert answer "
                   "instead; they reach {unit} with the next sync.").format(unit=name, number=number))
