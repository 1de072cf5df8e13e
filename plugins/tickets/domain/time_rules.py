"""Whether a moment a user gives is believable: one set of rules for every ticket operation
that takes one.

A moment that already happened (arrival, completion, sign-off, the customer's authorisation of
a remote session) lies not before the ticket was opened, not before the step it follows, and
not later than now plus a little clock difference between devices. A planned moment (the
engineer's estimated arrival) lies after now, less a grace for the minutes a form stayed open,
and within a horizon. A refusal names the field and shows the bound in the local time of the
ticket's unit. The caller passes ``now`` (its own clock), so tests can move time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.i18n import translate
from app.orgs.local_time import LocalClock
from plugins.tickets.models import Ticket, TicketEvent

CLOCK_SKEW = timedelta(minutes=5)  # how far ahead a device's clock may run
PLAN_GRACE = timedelta(minutes=5)  # a form filled in a few minutes ago still counts as "now"
PLAN_HORIZON = timedelta(days=30)  # no visit is planned further ahead than this


@dataclass(frozen=True)
class Step:
    """A step a moment must not precede: when it happened and what it was (translated)."""

    moment: datetime | None
    what: str


def opening(ticket: Ticket) -> Step:
    return Step(ticket.opened_at, translate("Tickets", "the opening of the ticket"))


def dispatching(session: Session, ticket: Ticket) -> Step:
    """The latest dispatch of the ticket (a reopened case may be sent out again)."""
    moment = session.scalar(select(TicketEvent.at).where(TicketEvent.ticket_id == ticket.id,
                                                         TicketEvent.kind == "dispatched")
                            .order_by(TicketEvent.at.desc()).limit(1))
    return Step(moment, translate("Tickets", "the dispatch"))


def already_happened(session: Session, ticket: Ticket, moment: datetime | None, *, field: str, label: str,
                     now: datetime, after: tuple[Step, ...] = ()) -> datetime:
    """``moment`` (UTC) if it lies after the opening and every step in ``after``, and not in the future."""
    moment = _utc(moment, field, label)
    clock = LocalClock(session)
    for step in (opening(ticket), *after):
        if step.moment is not None and moment < step.moment:
            raise ValidationError(translate("Tickets", "{field} cannot be earlier than {step} ({bound}).").format(
                field=label, step=step.what, bound=_bound(clock, ticket, step.moment, up=True)), field=field)
    latest = now + CLOCK_SKEW
    if moment > latest:
        raise ValidationError(translate("Tickets", "{field} cannot be in the future (latest {bound}).").format(
            field=label, bound=_bound(clock, ticket, latest, up=False)), field=field)
    return moment


def planned(session: Session, ticket: Ticket, moment: datetime | None, *, field: str, label: str,
            now: datetime) -> datetime:
    """``moment`` (UTC) if it lies between now (less a grace) and the planning horizon."""
    moment = _utc(moment, field, label)
    earliest, latest = max(now - PLAN_GRACE, ticket.opened_at), now + PLAN_HORIZON
    if not earliest <= moment <= latest:
        clock = LocalClock(session)
        raise ValidationError(translate("Tickets", "{field} must lie between {earliest} and {latest}.").format(
            field=label, earliest=_bound(clock, ticket, earliest, up=True),
            latest=_bound(clock, ticket, latest, up=False)), field=field)
    return moment


def _utc(moment, field: str, label: str) -> datetime:
    if not isinstance(moment, datetime):
        raise ValidationError(translate("Tickets", "{field} is required.").format(field=label), field=field)
    if moment.tzinfo is None:  # stored moments are UTC; one without an offset is read the same way
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def _bound(clock: LocalClock, ticket: Ticket, moment: datetime, *, up: bool) -> str:
    """The bound to the minute, rounded so that a time entered to the minute at it passes."""
    whole = moment.replace(second=0, microsecond=0)
    if up and whole < moment:
        whole += timedelta(minutes=1)
    text = clock.text(ticket.org_id, whole)
    zone = clock.zone_note(ticket.org_id)
    return f"{text} {zone}" if zone else text
