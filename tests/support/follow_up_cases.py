"""Helpers for the follow-up tests: real tickets of BJ taken to their close through the tickets
plugin's door, a customer with a contact to call, and the answers a reached customer gives."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select

from app.clock import utcnow
from app.ids import org_id_for_code
from app.orgs.service import get_by_code
from app.specs import TicketClosed
from plugins.customers import service as customers
from plugins.tickets import service as tickets
from plugins.visits import service

BJ = org_id_for_code("BJ")


def closed_event(org: str = "BJ", *, number: str | None = None, ticket_id=None, customer_id=None,
                 category: str = "fault", engineer_id=None, days_ago: float = 3) -> TicketClosed:
    """A close as the tickets plugin announces it, for tests that need no real ticket."""
    return TicketClosed(ticket_id or uuid.uuid4(), number or f"{org}-202611-{uuid.uuid4().int % 10**6:06d}",
                        org_id_for_code(org), customer_id, utcnow() - timedelta(days=days_ago), None,
                        category=category, engineer_id=engineer_id)


def schedule(ctx, event: TicketClosed) -> uuid.UUID:
    """Announce the close as the tickets plugin does; the id of the task it made."""
    from plugins.visits.models import FollowUpCall

    with ctx.transaction() as session:
        ctx.hook.ticket_closed(session=session, event=event)
    with ctx.reading() as session:
        return session.scalar(select(FollowUpCall.id).where(FollowUpCall.ticket_id == event.ticket_id,
                                                            FollowUpCall.closed_at == event.closed_at))


def answers(solved: bool = True, satisfaction: int = 5, **more) -> dict:
    return {"solved": solved, "satisfaction": satisfaction, **more}


@dataclass
class Desk:
    """BJ's hotline, dispatcher and follow-up specialist, a customer with a contact, and its tickets."""

    ctx: object
    hotline: object
    dispatcher: object
    specialist: object
    customer_id: uuid.UUID

    def closed_ticket(self, category: str = "fault", *, archived: bool = False) -> uuid.UUID:
        """A ticket opened, resolved remotely and closed (and archived when asked)."""
        with self.ctx.transaction() as session:
            ticket = tickets.create_ticket(session, self.hotline, customer_id=self.customer_id,
                                           symptom="服务器无法开机，电源指示灯闪烁", category=category)
            ticket_id = ticket.id
        for step in (lambda s: tickets.start_diagnosis(s, self.hotline, ticket_id),
                     lambda s: tickets.resolve_remotely(s, self.hotline, ticket_id, "更换电源模块后恢复"),
                     lambda s: tickets.close_ticket(s, self.hotline, ticket_id, hook=self.ctx.hook)):
            with self.ctx.transaction() as session:
                step(session)
        if archived:
            with self.ctx.transaction() as session:
                tickets.archive(session, self.dispatcher, ticket_id)
        return ticket_id

    def reopen(self, ticket_id: uuid.UUID) -> None:
        with self.ctx.transaction() as session:
            tickets.reopen(session, self.hotline, ticket_id, "客户反映故障复现", hook=self.ctx.hook)

    def close_again(self, ticket_id: uuid.UUID) -> None:
        for step in (lambda s: tickets.resolve_remotely(s, self.hotline, ticket_id, "再次更换电源模块"),
                     lambda s: tickets.close_ticket(s, self.hotline, ticket_id, hook=self.ctx.hook)):
            with self.ctx.transaction() as session:
                step(session)

    def calls(self, ticket_id: uuid.UUID, state: str | None = None) -> list:
        with self.ctx.reading() as session:
            found = [c for c in service.list_calls(session, self.specialist, None, 10_000) if c.ticket_id == ticket_id]
            session.expunge_all()
        return sorted((c for c in found if state is None or c.state == state), key=lambda c: c.closed_at)

    def ticket(self, ticket_id: uuid.UUID):
        with self.ctx.reading() as session:
            row = tickets.load_ticket(session, self.hotline, ticket_id)
            session.expunge(row)
            return row

    def timeline(self, ticket_id: uuid.UUID) -> list:
        with self.ctx.reading() as session:
            return tickets.ticket_details(session, self.hotline, ticket_id, hook=self.ctx.hook)["lines"]

    def record(self, call_id, actor=None, **kwargs):
        with self.ctx.transaction() as session:
            return service.record_call(session, actor or self.specialist, call_id, hook=self.ctx.hook, **kwargs)


def desk(ctx, make_actor) -> Desk:
    hotline = make_actor(ctx, "hot@BJ", roles=["hotline"])
    dispatcher = make_actor(ctx, "disp@BJ", roles=["dispatcher"])
    specialist = make_actor(ctx, "fu@BJ", roles=["followup"])
    with ctx.transaction() as session:
        customers.ensure_default_packages(session, get_by_code(session, "HQ"))
        customer = customers.create_customer(session, hotline, name="北京协和医院", region="北京")
        customers.add_contact(session, hotline, customer.id, name="李工（信息中心）", phone="010-69156114")
        customer_id = customer.id
    return Desk(ctx, hotline, dispatcher, specialist, customer_id)


def count(ctx, model, *where) -> int:
    with ctx.reading() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where))
