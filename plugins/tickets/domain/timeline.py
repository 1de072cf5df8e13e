"""The timeline in the reader's language. No Qt.

An event row stores a kind and parameters; the sentence is made here, when the row is read, so
HQ, a branch and a partner read the same rows each in its own language. Names, the user's own
words (under ``"text"``) and other plugins' answers are shown as they were written; codes
(states, SLA targets, priorities, how a customer signed) are translated. Rows written before
parameters existed show their stored text. The ticket window and any export use ``render_event``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from app.i18n import translate
from plugins.tickets.domain.coverage import coverage_sentence
from plugins.tickets.labels import kind_label, priority_label, source_label, state_label
from plugins.tickets.domain.sla import mark_text


@dataclass(frozen=True)
class EventLine:
    what: str  # the kind's name, e.g. "Escalated"
    states: str  # "Diagnosing → Dispatched", or ""
    details: str  # the sentence


class _Params(dict):
    """A row's parameters; a value a row lacks (written by another version) reads as empty."""

    def __missing__(self, key):
        return ""


def _parts(lines) -> str:
    return ", ".join(f"{number}×{quantity}" for number, quantity in lines or ())


def _parts_requested(p: _Params) -> str:
    if p["outcomes"] in ("", None):
        outcome = translate("Tickets", "No spare-parts depot answered.")
    else:
        outcome = "; ".join(
            f"{number}×{quantity} " + (translate("Tickets", "from {depot}").format(depot=source) if hit
                                       else translate("Tickets", "not in stock")) + (f" ({message})" if message else "")
            for number, quantity, hit, source, message in p["outcomes"])
    return translate("Tickets", "Parts requested: {parts}. {outcome}").format(parts=_parts(p["parts"]), outcome=outcome)


def _repaired(p: _Params) -> str:
    text = translate("Tickets", "Repair done: {fault} — {actions}").format(fault=p["fault"], actions=p["actions"])
    if p["parts"]:
        text += " " + translate("Tickets", "Parts: {parts}").format(parts=_parts(p["parts"]))
    return text


def _escalated(p: _Params) -> str:
    template = (translate("Tickets", "Expert consultation requested at {unit}: {reason}") if p["expert"]
                else translate("Tickets", "Escalated from {source} to {unit}: {reason}"))
    return template.format(source=p["source"], unit=p["unit"], reason=p["text"])


def _signed_off(p: _Params) -> str:
    how = translate("Tickets", "signature") if p["how"] == "signature" else translate("Tickets", "company seal")
    return translate("Tickets", "Signed off by {name} ({how}).").format(name=p["name"], how=how)


def _emergency_step(p: _Params) -> str:
    text = translate("Tickets", "Emergency step {n} done: {title}").format(n=p["n"], title=p["title"])
    if p["late"]:
        text += " " + translate("Tickets", "(after its deadline)")
    return text + (" — " + p["text"] if p["text"] else "")


def _reopened(p: _Params) -> str:
    if not p["source"]:
        return p["text"]
    return translate("Tickets", "Reopened after a {source}: {reason}").format(source=source_label(p["source"]),
                                                                          reason=p["text"])


def _withdrawn(p: _Params) -> str:
    if p["of"] == "priority":
        return translate("Tickets", "Priority change withdrawn; the priority is {priority} again.").format(
            priority=priority_label(p["priority"]))
    if p["of"] == "diagnosis_note":
        return translate("Tickets", "Diagnosis change withdrawn; the diagnosis is again: {text}").format(
            text=p["text"] or "—")
    return translate("Tickets", "Note withdrawn: {text}").format(text=p["text"])


def _opened_for(p: _Params) -> str:
    if p["number"]:
        return translate("Tickets", "Opened from the {source} on case {number}.").format(
            source=source_label(p["source"]), number=p["number"])
    return translate("Tickets", "Opened from a {source}.").format(source=source_label(p["source"]))


SENTENCES: dict[str, Callable[[_Params], str]] = {
    "priority": lambda p: translate("Tickets", "Priority {old} → {new}").format(
        old=priority_label(p["old"]), new=priority_label(p["new"])),
    "dispatched": lambda p: translate("Tickets", "Dispatched to {engineer}, expected on site {eta}.").format(
        engineer=p["engineer"], eta=p["eta"]),
    "veto_overridden": lambda p: translate("Tickets", "Veto overridden ({reasons}): {reason}").format(
        reasons="; ".join(p["vetoes"] or ()), reason=p["text"]),
    "parts_requested": _parts_requested,
    "remote_session": lambda p: translate(
        "Tickets", "Remote session authorised by {who} at {when} ({scope}). Findings: {findings}").format(
        who=p["who"], when=p["when"], scope=p["scope"], findings=p["text"] or "—"),
    "arrived": lambda p: translate("Tickets", "Engineer on site at {time}.").format(time=p["time"]),
    "repaired": _repaired,
    "signed_off": _signed_off,
    "escalated": _escalated,
    "expert_answer": lambda p: translate("Tickets", "Answer from {unit}: {text}").format(unit=p["unit"],
                                                                                        text=p["text"]),
    "sla_warning": lambda p: mark_text(p["target"], "warning") if p["target"] else "",
    "sla_breach": lambda p: mark_text(p["target"], "breach") if p["target"] else "",
    "complaint_notice": lambda p: translate(
        "Tickets", "Quality complaint: the branch manager of {unit} is notified.").format(unit=p["unit"]),
    "emergency_plan": lambda p: translate("Tickets", "Emergency plan started with {count} steps.").format(
        count=p["count"]),
    "emergency_step": _emergency_step,
    "coverage": coverage_sentence,
    "reopened": _reopened,
    "opened_for": _opened_for,
    "follow_on_case": lambda p: translate("Tickets", "Case {number} opened from the {source} on this case.").format(
        number=p["number"], source=source_label(p["source"])),
    "withdrawn": _withdrawn,
}


def event_text(event) -> str:
    """The sentence of one timeline row in the reader's language (kinds without a sentence of
    their own, such as notes and reasons, show the user's words)."""
    if event.params is None:
        return event.text or ""  # written before events carried parameters
    params = _Params(event.params)
    sentence = SENTENCES.get(event.kind)
    return sentence(params) if sentence else params["text"]


def render_event(event) -> EventLine:
    states = ""
    if event.to_state:
        states = (f"{state_label(event.from_state)} → " if event.from_state else "") + state_label(event.to_state)
    return EventLine(kind_label(event.kind), states, event_text(event))


@dataclass(frozen=True)
class TimelineLine:
    """One line of the ticket window's timeline: a ticket event or another plugin's entry."""

    at: datetime
    who: str
    what: str
    states: str
    details: str


def timeline_lines(events, entries=()) -> list[TimelineLine]:
    """The case's events and other plugins' entries (hook ``case_timeline``) in time order."""
    lines = []
    withdrawn = {event.params.get("event") for event in events if event.kind == "withdrawn" and event.params}
    for event in events:
        rendered = render_event(event)
        details = rendered.details
        if str(event.id) in withdrawn:  # the line stays; it says it was taken back
            details = translate("Tickets", "{text} (withdrawn)").format(text=details)
        lines.append(TimelineLine(event.at, event.actor_name, rendered.what, rendered.states, details))
    lines += [TimelineLine(entry.at, entry.by, entry.what, "", entry.details) for entry in entries]
    return sorted(lines, key=lambda line: line.at)
