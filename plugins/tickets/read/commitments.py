"""The response-time commitments as every report counts them: the staff scorecard per person
(``read/staff.py``) and the rollup per org unit (``read/rollup.py``) share these rules.

A ticket carries three commitments copied from its service package: the first response, the
on-site arrival and the resolution, each a due time. A commitment counts in a period when its due
time falls in it, and only once it is decided: met (its moment recorded, in time or late), or
missed (its due time has passed and it is still not met). A case waiting for the customer is not
yet decided (its clock stands still). An on-site arrival is only owed where an engineer was
dispatched (a case solved remotely has none); a target the package does not set (0 minutes) is
owed nowhere; cancelled and deleted cases count nowhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, or_
from sqlalchemy.sql import ColumnElement

from plugins.tickets.models import Ticket

TARGETS = ("response", "onsite", "resolution")


def live() -> ColumnElement[bool]:
    """Neither deleted nor cancelled (a cancelled case archived keeps no close)."""
    return and_(Ticket.deleted_at.is_(None), Ticket.state != "cancelled",
                or_(Ticket.state != "archived", Ticket.closed_at.is_not(None)))


@dataclass(frozen=True)
class Commitment:
    target: str
    due: object       # the ticket's due-time column
    met_at: object    # the moment that keeps it
    minutes: object   # the package's target in minutes (0: none)

    def owed(self) -> ColumnElement[bool]:
        """The ticket owes this commitment at all."""
        conditions = [live(), self.minutes > 0]
        if self.target == "onsite":
            conditions.append(Ticket.engineer_id.is_not(None))
        return and_(*conditions)

    def decided(self, now: datetime) -> ColumnElement[bool]:
        """Met, or past due without standing still for the customer: it counts."""
        return or_(self.met_at.is_not(None), and_(self.due < now, Ticket.paused_since.is_(None)))

    def met(self) -> ColumnElement[bool]:
        return and_(self.met_at.is_not(None), self.met_at <= self.due)


COMMITMENTS = {
    "response": Commitment("response", Ticket.response_due_at, Ticket.responded_at, Ticket.response_minutes),
    "onsite": Commitment("onsite", Ticket.onsite_due_at, Ticket.arrived_at, Ticket.onsite_minutes),
    "resolution": Commitment("resolution", Ticket.resolution_due_at, Ticket.resolved_at, Ticket.resolution_minutes),
}
