"""A ticket and its machine's contract or warranty.

At opening the ticket keeps the coverage its machine had that day (the flag lists and the window
show). When it had expired, the hotline engineer says how the case is handled (billable service,
goodwill, renewal requested) and why; no ticket opens on an expired machine without that choice,
and the choice is a line on the timeline."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.errors import ValidationError
from app.i18n import translate
from app.orgs.local_time import LocalClock
from plugins.customers import service as customers
from plugins.tickets.domain.events import record_event
from plugins.tickets.labels import handling_label
from plugins.tickets.models import Ticket

HANDLINGS = ("billable", "goodwill", "renewal")


@dataclass(frozen=True)
class OpeningCoverage:
    """What a new ticket records of its machine's coverage."""

    status: customers.CoverageStatus | None  # None: no machine
    handling: str = ""
    reason: str = ""


@dataclass(frozen=True)
class CoverageLine:
    """The ticket window's contract line."""

    text: str
    expired: bool


def coverage_at_opening(session: Session, asset: customers.Asset | None, handling: str, reason: str,
                        now: datetime) -> OpeningCoverage:
    """The machine's coverage on the day the ticket opens (in its unit's calendar); an expired one
    needs a handling and a reason, anything else needs neither."""
    if asset is None:
        return OpeningCoverage(None)
    today = now.astimezone(LocalClock(session).zone(asset.org_id)).date()
    status = customers.coverage_of(session, asset, on=today)
    if status.state != "expired":
        return OpeningCoverage(status)
    if handling not in HANDLINGS:
        raise ValidationError(translate("Tickets", "{coverage}: choose how this case is handled (billable service, "
                                                   "goodwill or renewal requested).").format(coverage=status.text),
                              field="coverage_handling")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(translate("Tickets", "Give the reason for handling a case whose contract has expired "
                                                   "this way."), field="coverage_reason")
    return OpeningCoverage(status, handling, reason)


def record_opening(session: Session, actor: Actor, ticket: Ticket, opening: OpeningCoverage, now: datetime) -> None:
    """Keep the coverage on the ticket and put the handling of an expired one on the timeline."""
    status = opening.status
    if status is None:
        return
    ticket.coverage_state, ticket.coverage_ends_on = status.state, status.ends_on
    ticket.coverage_handling = opening.handling
    if opening.handling:
        record_event(session, ticket, actor, "coverage", {
            "state": status.state, "covered_by": status.covered_by, "package": status.package,
            "ends_on": status.ends_on.isoformat() if status.ends_on else None,
            "handling": opening.handling, "text": opening.reason}, at=now)


def coverage_sentence(p) -> str:
    """The timeline's sentence for a ``coverage`` event (``p``: its parameters)."""
    expired = (translate("Tickets", "Warranty expired on {day}") if p["covered_by"] == "warranty"
               else translate("Tickets", "Contract expired on {day}")).format(day=p["ends_on"])
    return translate("Tickets", "{expired}: handled as {handling}. Reason: {reason}").format(
        expired=expired, handling=handling_label(p["handling"]), reason=p["text"])


def coverage_line(session: Session, actor: Actor, ticket_id: uuid.UUID) -> CoverageLine:
    """The machine's package and coverage today, and what the ticket recorded at opening."""
    from plugins.tickets.domain.lifecycle import load_ticket

    ticket = load_ticket(session, actor, ticket_id)
    asset = session.get(customers.Asset, ticket.asset_id) if ticket.asset_id else None
    if asset is None:
        return CoverageLine("—", False)
    today = customers.coverage_of(session, asset)
    parts = [today.package or translate("Tickets", "no service package"), today.text]
    if ticket.coverage_state == "expired":
        parts.append(translate("Tickets", "expired at opening, handled as {handling}").format(
            handling=handling_label(ticket.coverage_handling)) if ticket.coverage_handling
            else translate("Tickets", "expired at opening"))
    return CoverageLine(" · ".join(parts), today.state == "expired" or ticket.coverage_state == "expired")
