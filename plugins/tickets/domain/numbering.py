"""Ticket numbers ``<org code>-<yyyymm>-<seq>``: one counter row per org unit and month, bumped
by an atomic upsert in the creating transaction. The upsert takes the row lock, so concurrent
writers queue on it; a rolled-back ticket rolls its increment back too: no duplicate, no gap."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.orgs.models import OrgUnit
from plugins.tickets.models import TicketCounter

NUMBER_TIMEZONE = ZoneInfo("Asia/Shanghai")


def period_of(moment: datetime) -> str:
    return moment.astimezone(NUMBER_TIMEZONE).strftime("%Y%m")


def next_sequence(session: Session, org_id, period: str) -> int:
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(TicketCounter).values(org_id=org_id, period=period, last_seq=1)
    stmt = stmt.on_conflict_do_update(index_elements=[TicketCounter.org_id, TicketCounter.period],
                                      set_={"last_seq": TicketCounter.last_seq + 1})
    return session.execute(stmt.returning(TicketCounter.last_seq)).scalar_one()


def next_ticket_number(session: Session, org: OrgUnit, moment: datetime) -> str:
    period = period_of(moment)
    return f"{org.code}-{period}-{next_sequence(session, org.id, period):06d}"
