"""One demo ticket's story: the steps its state implies, at plausible times, written as the
ticket row, its timeline events and the records the steps leave (repair order, parts, remote
session, escalation, complaint plan). Uses the real SLA rules to mark warnings and breaches."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from types import SimpleNamespace

from app.ids import new_id
from app.orgs.local_time import moment_text
from plugins.tickets.domain import sla
from plugins.tickets.similar import vocabulary
from plugins.tickets.domain.emergency import default_plan
from plugins.tickets.models import (EmergencyStep, Escalation, RemoteSession, RepairOrder, RepairPart, Ticket,
                                    TicketEvent)

CLOSED = ("closed", "archived", "cancelled")
PART_PREFIXES = ("PSU", "HDD", "SSD", "MEM", "FAN", "MB", "RAID", "NIC", "CPU", "BP")


def _weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _name(user) -> str:
    return (user.display_name or user.username) if user is not None else "system"


class TicketStory:
    def __init__(self, rng: random.Random, buffer, unit, staff, calendar, now: datetime):
        self.rng, self.buffer, self.unit, self.staff, self.now = rng, buffer, unit, staff, now
        self.calendars = {"business": calendar, "24x7": calendar.with_mode("24x7")}

    def _local(self, moment: datetime) -> str:
        """As the real steps write it: the unit's clock (its calendar's zone)."""
        return moment_text(moment, self.calendars["business"].timezone)

    # ------------------------------------------------------------------ plan

    def _steps(self, state: str, route: str, fast: bool) -> list[tuple[str, str | None, str | None, float]]:
        """(kind, from, to, hours after the previous step) along the path to ``state``; ``fast``
        for a 7×24 contract, where the engineer usually makes the 4-hour visit."""
        rng = self.rng
        travel = rng.uniform(0.5, 2.8) if fast else rng.uniform(1, 6)
        respond = rng.uniform(0.03, 0.4) if rng.random() > 0.05 else rng.uniform(0.6, 3)
        steps = [("diagnosis", "new", "diagnosing", respond)]
        if state == "new":
            return []
        if state == "cancelled":
            return (steps if rng.random() < 0.6 else []) + [("cancelled", None, "cancelled", rng.uniform(0.2, 8))]
        if state in ("diagnosing",):
            return steps
        if state == "waiting_for_customer":
            return steps + [("paused", "diagnosing", "waiting_for_customer", rng.uniform(0.2, 3))]
        if route == "remote":
            steps.append(("resolved", "diagnosing", "resolved_remotely", rng.uniform(0.3, 6)))
        else:
            steps += [("dispatched", "diagnosing", "dispatched", rng.uniform(0.2, 2)),
                      ("arrived", "dispatched", "on_site", travel if rng.random() > 0.06 else rng.uniform(5, 30)),
                      ("repaired", "on_site", "awaiting_signoff", rng.uniform(0.5, 4)),
                      ("signed_off", None, None, rng.uniform(0.05, 0.3))]
        cut = {"dispatched": 2, "on_site": 3, "awaiting_signoff": 4, "resolved_remotely": 2}.get(state)
        if cut is not None:
            return steps[:cut]
        last = "resolved_remotely" if route == "remote" else "awaiting_signoff"
        steps.append(("closed", last, "closed", rng.uniform(1, 48)))
        if state == "archived":
            steps.append(("archived", "closed", "archived", rng.uniform(24, 24 * 30)))
        return steps

    # ------------------------------------------------------------------ write

    def write(self, number: str, opened_at: datetime, state: str, asset) -> None:
        rng = self.rng
        record = vocabulary.record(rng, asset.line)
        category = _weighted(rng, {"fault": 78, "consultation": 11, "maintenance": 9, "quality_complaint": 2})
        route = "remote" if state == "resolved_remotely" or (state in CLOSED and rng.random() < 0.4) else "onsite"
        steps = self._steps(state, route, asset.package.coverage == "24x7")
        span = sum(h for *_, h in steps)
        room = (self.now - opened_at).total_seconds() / 3600 - 0.01
        scale = min(1.0, room / span) if span else 1.0
        hotline, engineer = rng.choice(self.staff.hotline), rng.choice(self.staff.engineers)
        package = asset.package
        ticket = SimpleNamespace(
            id=new_id(), org_id=self.unit.id, number=number, channel=_weighted(rng, {"hotline": 68, "phone": 13,
                                                                                   "email": 8, "fax": 2, "remote": 6,
                                                                                   "on_site": 3}),
            customer_id=asset.customer_id, asset_id=asset.id, serial_number=asset.serial,
            product_line=asset.line, contact_name=asset.contact, contact_phone="", symptom=record.symptom,
            diagnosis="", resolution="", category=category,
            priority=_weighted(rng, {1: 6, 2: 20, 3: 60, 4: 14}), state=state, is_open=state not in CLOSED,
            paused_from=None, engineer_id=None, engineer_eta=None, escalated_to_org_id=None, opened_at=opened_at,
            opened_by=hotline.id if hotline else None, responded_at=None, arrived_at=None, resolved_at=None,
            closed_at=None, clock="24x7" if package.coverage == "24x7" else "business",
            response_minutes=package.response_minutes, onsite_minutes=package.onsite_minutes,
            resolution_minutes=package.resolution_minutes, paused_since=None, paused_seconds=0, sla_marks="",
            breached=False, response_due_at=None, onsite_due_at=None, resolution_due_at=None, next_due_at=None,
            next_sla_check_at=None)
        self.ticket, self.hotline, self.engineer, self.record = ticket, hotline, engineer, record
        self._event(opened_at, hotline, "created", None, "new", {"text": record.symptom})
        if category == "quality_complaint":
            self._complaint(opened_at, state)
        at, order = opened_at, None
        for kind, from_state, to_state, hours in steps:
            at = at + timedelta(hours=hours * scale)
            order = self._step(kind, from_state, to_state, at, order) or order
        if ticket.is_open and ticket.escalated_to_org_id is None and self.unit.parent_id and rng.random() < 0.04:
            self._escalate(at)
        self._clock(ticket)
        self.buffer.add(Ticket, vars(ticket))

    def _step(self, kind, from_state, to_state, at, order):
        ticket, rng = self.ticket, self.rng
        actor = self.hotline
        params = {}
        if kind == "diagnosis":
            ticket.responded_at = at
            if rng.random() < 0.3:
                self._remote(at)
        elif kind == "resolved":
            ticket.resolved_at, ticket.resolution = at, self.record.resolution
            params = {"text": self.record.resolution}
        elif kind == "paused":
            ticket.paused_from, ticket.paused_since = "diagnosing", at
            params = {"text": rng.choice(["等待客户提供系统日志", "客户机房暂不开放", "等待客户确认停机窗口", "客户联系人出差"])}
        elif kind == "dispatched":
            actor = rng.choice(self.staff.dispatcher)
            ticket.engineer_id = self.engineer.id if self.engineer else None
            ticket.engineer_eta = at + timedelta(hours=rng.uniform(1, 4))
            params = {"engineer": _name(self.engineer), "eta": self._local(ticket.engineer_eta)}
        elif kind == "arrived":
            actor, ticket.arrived_at = self.engineer, at
            params = {"time": self._local(at)}
            order = {"id": new_id(), "org_id": ticket.org_id, "ticket_id": ticket.id, "engineer_id": ticket.engineer_id,
                     "fault_found": "", "actions": "", "labour_minutes": 0, "arrived_at": at, "completed_at": None,
                     "signer_name": "", "signature_png": None, "seal_confirmed": False, "signed_at": None}
            self.buffer.add(RepairOrder, order)
        elif kind == "repaired":
            actor, ticket.resolved_at, ticket.resolution = self.engineer, at, self.record.resolution
            order.update(fault_found=f"{self.record.component}故障", actions=self.record.resolution,
                         labour_minutes=self.rng.randrange(20, 240, 5), completed_at=at)
            params = {"fault": order["fault_found"], "actions": order["actions"], "parts": []}
            if rng.random() < 0.45:
                params["parts"] = [self._part(order)]
        elif kind == "signed_off":
            actor = self.engineer
            order.update(signer_name=ticket.contact_name, seal_confirmed=True, signed_at=at)
            params = {"name": ticket.contact_name, "how": "seal"}
        elif kind == "closed":
            ticket.closed_at = at
        elif kind == "cancelled":
            params = {"text": rng.choice(["客户自行解决", "重复报修", "客户撤回报修", "非本公司产品"])}
        elif kind == "archived":
            actor = rng.choice(self.staff.dispatcher)
        self._event(at, actor, kind, from_state, to_state, params)
        return order

    def _clock(self, ticket) -> None:
        calendar = self.calendars[ticket.clock]
        sla.refresh_due_times(None, ticket, calendar)
        if ticket.state == "cancelled":
            ticket.next_due_at = ticket.next_sla_check_at = None
            return
        until = ticket.closed_at or self.now
        found = sla.new_marks(ticket, until, calendar)
        for target, kind in found:
            moment = sla._moment(ticket, 1.0 if kind == "breach" else sla.WARNING_SHARE, target, calendar)
            self._event(min(moment, until), None, f"sla_{kind}", None, None, {"target": target})
        sla.apply_marks(ticket, found)
        sla.refresh_due_times(None, ticket, calendar)

    # ------------------------------------------------------------------ side records

    def _event(self, at, actor, kind, from_state, to_state, params) -> None:
        """A timeline row as the service writes it: kind + parameters, the user's words also in ``text``."""
        self.buffer.add(TicketEvent, {"id": new_id(), "org_id": self.ticket.org_id, "ticket_id": self.ticket.id,
                                      "at": at, "actor_id": actor.id if actor else None, "actor_name": _name(actor),
                                      "kind": kind, "from_state": from_state, "to_state": to_state,
                                      "text": params.get("text", ""), "params": params})

    def _remote(self, at) -> None:
        ticket = self.ticket
        findings = f"{self.record.component}相关日志存在异常记录"
        self.buffer.add(RemoteSession, {"id": new_id(), "org_id": ticket.org_id, "ticket_id": ticket.id,
                                        "authorised_by": ticket.contact_name, "authorised_at": at,
                                        "scope": "仅查看 BMC 与系统日志", "findings": findings,
                                        "engineer_id": self.hotline.id if self.hotline else None})
        self._event(at, self.hotline, "remote_session", None, None,
                    {"who": ticket.contact_name, "when": self._local(at), "scope": "仅查看 BMC 与系统日志",
                     "text": findings})

    def _part(self, order) -> list:
        rng = self.rng
        prefix = rng.choice(PART_PREFIXES)
        number = f"{prefix}-{rng.randrange(100, 999)}"
        self.buffer.add(RepairPart, {"id": new_id(), "org_id": self.ticket.org_id, "repair_order_id": order["id"],
                                     "part_number": number, "quantity": 1,
                                     "faulty_serial": f"{prefix}{rng.randrange(10**8):08d}",
                                     "replacement_serial": f"{prefix}{rng.randrange(10**8):08d}"})
        return [number, 1]

    def _escalate(self, at) -> None:
        ticket = self.ticket
        reason = self.rng.choice(["现场无法定位故障，申请上级支持", "需要更换主板，申请技术支持", "客户要求升级处理"])
        self.buffer.add(Escalation, {"id": new_id(), "org_id": ticket.org_id, "ticket_id": ticket.id,
                                     "from_org_id": self.unit.id, "to_org_id": self.unit.parent_id, "kind": "tier",
                                     "reason": reason, "at": at, "by_id": self.hotline.id if self.hotline else None})
        ticket.escalated_to_org_id = self.unit.parent_id
        self._event(at, self.hotline, "escalated", None, None,
                    {"expert": False, "source": self.unit.name, "unit": self.unit.parent.name, "text": reason})

    def _owner(self, role: str):
        people = {"branch_manager": self.staff.manager, "dispatcher": self.staff.dispatcher}.get(role)
        return people[0].id if people and people[0] is not None else None

    def _complaint(self, opened_at, state) -> None:
        ticket = self.ticket
        if self.unit.tier == "partner":
            ticket.escalated_to_org_id = self.unit.parent_id
        branch = self.unit.parent if self.unit.tier == "partner" else self.unit  # whose manager hears of it
        self._event(opened_at, self.hotline, "complaint_notice", None, None, {"unit": branch.name})
        finished = state in CLOSED
        for position, item in enumerate(default_plan(), start=1):
            due = opened_at + timedelta(hours=item["hours"])
            done = finished or (due < self.now and self.rng.random() < 0.7)
            done_at = min(due - timedelta(minutes=self.rng.randrange(1, 50)), self.now) if done else None
            self.buffer.add(EmergencyStep, {"id": new_id(), "org_id": ticket.org_id, "ticket_id": ticket.id,
                                            "position": position, "title": item["title"],
                                            "owner_role": item["owner_role"], "owner_id": self._owner(item["owner_role"]),
                                            "due_at": due,
                                            "done_at": done_at if done_at and done_at > opened_at else (
                                                opened_at if done else None),
                                            "done_by": None, "note": ""})
