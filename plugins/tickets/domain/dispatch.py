"""Dispatch (派单), remote sessions with the customer's authorisation, and escalation
across tiers (partner → branch → HQ, or expert consultation at HQ)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.auth.models import Role, User, user_roles
from app.auth.roles import FIELD_ENGINEER
from app.clock import utcnow
from app.errors import PermissionDenied, ValidationError
from app.i18n import translate
from app.orgs.local_time import local_text
from app.orgs.models import OrgUnit
from app.orgs.service import ancestors
from app.specs import QUALIFICATION_STATES, DispatchCheck, PartLine, PartsRequest
from plugins.tickets.domain import sla
from plugins.tickets.domain.emergency import responsible_branch
from plugins.tickets.domain.events import record_event, writer_org
from plugins.tickets.domain.lifecycle import ensure_changeable, load_ticket, move
from plugins.tickets.models import OPEN_STATES, Escalation, RemoteSession, Ticket
from plugins.tickets.domain.ownership import ensure_owned
from plugins.tickets.permissions import DIAGNOSE, DISPATCH, ESCALATE, OVERRIDE_VETO
from plugins.tickets.domain.time_rules import already_happened, planned

REMOTE_STATES = ("diagnosing", "dispatched", "on_site")  # while the case is worked on


def engineer_units(session: Session, ticket: Ticket) -> list[OrgUnit]:
    """The ticket's branch and its partner units: where an on-site engineer may come from."""
    branch = responsible_branch(session, session.get(OrgUnit, ticket.org_id))
    partners = session.scalars(select(OrgUnit).where(OrgUnit.parent_id == branch.id, OrgUnit.tier == "partner",
                                                     OrgUnit.active.is_(True))).all()
    return [branch, *partners]


def eligible_engineers(session: Session, actor: Actor, ticket_id: uuid.UUID) -> Sequence[User]:
    actor.require(DISPATCH)
    ticket = load_ticket(session, actor, ticket_id)
    unit_ids = [u.id for u in engineer_units(session, ticket)]
    stmt = (select(User).join(user_roles, user_roles.c.user_id == User.id).join(Role)
            .where(Role.code == FIELD_ENGINEER, User.org_id.in_(unit_ids), User.deleted_at.is_(None))
            .order_by(User.display_name))
    return [u for u in session.scalars(stmt).unique() if getattr(u, "active", True)]


@dataclass(frozen=True)
class EngineerChoice:
    """An engineer the ticket may be sent to, with the other plugins' vetoes (empty: none), the
    unit they belong to, the open cases they hold now and what they hold for the job
    (``qualification``: the lowest state the ``engineer_qualification`` answers give, "" when
    none answers; ``qualification_text`` their sentences)."""

    user_id: uuid.UUID
    org_id: uuid.UUID
    name: str
    vetoes: tuple[str, ...]
    unit: str = ""
    open_cases: int = 0
    qualification: str = ""
    qualification_text: str = ""


@dataclass(frozen=True)
class DispatchChoices:
    engineers: tuple[EngineerChoice, ...]
    may_override: bool  # whether the actor may dispatch despite a veto, giving a reason


def _vetoes(session: Session, ticket: Ticket, engineer: User, hook, now: datetime) -> list[str]:
    check = DispatchCheck(engineer.id, engineer.org_id, ticket.product_line or None, now)
    return [v for v in hook.can_dispatch(session=session, check=check) if v]


def _qualification(session: Session, ticket: Ticket, engineer: User, hook, now: datetime) -> tuple[str, str]:
    check = DispatchCheck(engineer.id, engineer.org_id, ticket.product_line or None, now)
    answers = [a for a in hook.engineer_qualification(session=session, check=check) if a is not None]
    if not answers:
        return "", ""
    # QUALIFICATION_STATES runs from best to worst; an unknown state counts as the worst
    worst = max(answers, key=lambda a: QUALIFICATION_STATES.index(a.state) if a.state in QUALIFICATION_STATES
                else len(QUALIFICATION_STATES))
    return worst.state, " ".join(a.text for a in answers)


def _open_cases(session: Session, engineer_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
    stmt = (select(Ticket.engineer_id, func.count()).where(Ticket.engineer_id.in_(list(engineer_ids)),
                                                          Ticket.state.in_(OPEN_STATES))
            .group_by(Ticket.engineer_id))
    return dict(session.execute(stmt).all()) if engineer_ids else {}


def dispatch_choices(session: Session, actor: Actor, ticket_id: uuid.UUID, *, hook) -> DispatchChoices:
    """The engineers the dispatch dialog offers, each with what ``can_dispatch`` and
    ``engineer_qualification`` answer now, their unit and their open cases."""
    ticket = load_ticket(session, actor, ticket_id)
    now = utcnow()
    users = eligible_engineers(session, actor, ticket_id)
    units = {u.id: u.name for u in engineer_units(session, ticket)}
    load = _open_cases(session, [u.id for u in users])
    engineers = tuple(EngineerChoice(user.id, user.org_id, user.display_name or user.username,
                                     tuple(_vetoes(session, ticket, user, hook, now)), units.get(user.org_id, ""),
                                     load.get(user.id, 0), *_qualification(session, ticket, user, hook, now))
                      for user in users)
    return DispatchChoices(engineers, actor.has(OVERRIDE_VETO))


def dispatch(session: Session, actor: Actor, ticket_id: uuid.UUID, *, engineer_id: uuid.UUID, eta: datetime,
             hook, parts: Sequence[PartLine] = (), override_reason: str = "") -> Ticket:
    """Send an engineer. Any ``can_dispatch`` veto blocks, unless a branch manager overrides
    it with a reason that goes on the timeline. Parts go to ``parts_requested``."""
    actor.require(DISPATCH)
    ticket = load_ticket(session, actor, ticket_id)
    ensure_changeable(ticket)
    ensure_owned(session, ticket.org_id, ticket.number)
    now = utcnow()
    engineer = next((u for u in eligible_engineers(session, actor, ticket_id) if u.id == engineer_id), None)
    if engineer is None:
        raise ValidationError(translate("Tickets", "Choose a field engineer of this branch or its partners."),
                              field="engineer")
    eta = planned(session, ticket, eta, field="eta", label=translate("Tickets", "The estimated arrival"), now=now)
    vetoes = _vetoes(session, ticket, engineer, hook, now)
    if vetoes and not (override_reason or "").strip():
        raise ValidationError(translate("Tickets", "Dispatch refused: {reasons}").format(reasons="; ".join(vetoes)),
                              field="engineer")
    if vetoes:
        if not actor.has(OVERRIDE_VETO):
            raise PermissionDenied(translate("Tickets", "Only a branch manager may override a dispatch veto."))
        # the vetoes are other plugins' sentences, kept as they were given
        record_event(session, ticket, actor, "veto_overridden", {"vetoes": vetoes, "text": override_reason.strip()},
                     at=now)
    ticket.engineer_id, ticket.engineer_eta = engineer.id, eta
    move(session, actor, ticket, "dispatched", "dispatched",
         {"engineer": engineer.display_name or engineer.username, "eta": local_text(session, ticket.org_id, eta)}, now)
    if parts:
        _request_parts(session, actor, ticket, tuple(parts), hook, now)
    return ticket


def _request_parts(session: Session, actor: Actor, ticket: Ticket, lines: tuple[PartLine, ...], hook,
                   now: datetime) -> None:
    request = PartsRequest(ticket.id, ticket.number, ticket.org_id, lines, actor.user_id, now)
    outcomes = hook.parts_requested(session=session, request=request)
    answers = None if outcomes is None else [[o.part_number, o.quantity, o.hit, o.source, o.message]
                                             for o in outcomes]
    record_event(session, ticket, actor, "parts_requested",
                 {"parts": [[line.part_number, line.quantity] for line in lines], "outcomes": answers}, at=now)


def record_remote_session(session: Session, actor: Actor, ticket_id: uuid.UUID, *, authorised_by: str,
                          authorised_at: datetime | None, scope: str, findings: str) -> RemoteSession:
    """A remote login, recorded only with the customer's authorisation (who, when, what)."""
    actor.require(DIAGNOSE)
    ticket = load_ticket(session, actor, ticket_id)
    ensure_changeable(ticket)
    if ticket.state not in REMOTE_STATES:
        raise ValidationError(translate("Tickets", "Remote sessions are recorded while the ticket is being worked on."),
                              field="state")
    if not (authorised_by or "").strip() or authorised_at is None:
        raise ValidationError(translate("Tickets", "A remote session needs the customer's authorisation: who "
                                                   "authorised it and when."), field="authorised_by")
    if not (scope or "").strip():
        raise ValidationError(translate("Tickets", "State what the customer authorised (scope)."), field="scope")
    authorised_at = already_happened(session, ticket, authorised_at, field="authorised_at",
                                     label=translate("Tickets", "The authorisation time"), now=utcnow())
    # HQ's expert logging in remotely on a partner's case writes HQ's own record of it
    remote = RemoteSession(org_id=writer_org(ticket, actor), ticket_id=ticket.id, authorised_by=authorised_by.strip(),
                           authorised_at=authorised_at, scope=scope.strip(), findings=(findings or "").strip(),
                           engineer_id=actor.user_id)
    session.add(remote)
    record_event(session, ticket, actor, "remote_session",
                 {"who": remote.authorised_by, "when": local_text(session, ticket.org_id, authorised_at),
                  "scope": remote.scope, "text": remote.findings})
    session.flush()
    return remote


def escalate(session: Session, actor: Actor, ticket_id: uuid.UUID, reason: str, *, expert: bool = False) -> Escalation:
    """Hand the case one tier up (partner → branch → HQ), or to HQ's experts, with a reason.
    The receiving unit sees it in its queue. Where a case sits is a field of the ticket row, so
    only the node owning the ticket escalates it."""
    actor.require(ESCALATE)
    ticket = load_ticket(session, actor, ticket_id)
    ensure_changeable(ticket)
    ensure_owned(session, ticket.org_id, ticket.number)
    if not ticket.is_open:
        raise ValidationError(translate("Tickets", "Only open tickets can be escalated."), field="state")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(translate("Tickets", "Give a reason to escalate."), field="reason")
    current = session.get(OrgUnit, ticket.escalated_to_org_id or ticket.org_id)
    chain = ancestors(session, current)
    target = chain[-1] if expert else (chain[1] if len(chain) > 1 else None)
    if target is None:
        raise ValidationError(translate("Tickets", "HQ is the top tier; ask for an expert consultation instead."),
                              field="reason")
    now = utcnow()
    escalation = Escalation(org_id=writer_org(ticket, actor), ticket_id=ticket.id, from_org_id=current.id,
                            to_org_id=target.id, kind="expert" if expert else "tier", reason=reason, at=now,
                            by_id=actor.user_id)
    session.add(escalation)
    ticket.escalated_to_org_id = target.id
    record_event(session, ticket, actor, "escalated",
                 {"expert": expert, "source": current.name, "unit": target.name, "text": reason}, at=now)
    sla.check_ticket(session, ticket, now)
    session.flush()
    return escalation


def answer_consultation(session: Session, actor: Actor, ticket_id: uuid.UUID, answer: str):
    """The answer of the unit a case was escalated to (e.g. HQ's expert): a timeline line of
    that unit's own, which reaches the case's owner with the next sync. The ticket row is not
    touched, so any tier the case reached may answer from its own database."""
    actor.require(DIAGNOSE)
    ticket = load_ticket(session, actor, ticket_id)
    ensure_changeable(ticket)
    if session.scalar(select(Escalation.id).where(Escalation.ticket_id == ticket.id,
                                                  Escalation.to_org_id == actor.org_id).limit(1)) is None:
        raise ValidationError(translate("Tickets", "Ticket {number} was not escalated to your unit; add a note "
                                                   "instead.").format(number=ticket.number), field="answer")
    answer = (answer or "").strip()
    if not answer:
        raise ValidationError(translate("Tickets", "Write the answer."), field="answer")
    unit = session.get(OrgUnit, actor.org_id)
    event = record_event(session, ticket, actor, "expert_answer", {"unit": unit.name, "text": answer})
    session.flush()
    return event
