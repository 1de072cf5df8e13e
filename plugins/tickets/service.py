"""The tickets plugin's door (docs/architecture.md, One door per plugin): what views, hooks and
commands call. No Qt here.

Every function takes ``(session, actor, ...)``, checks the actor's permission and scope, and
raises ``ValidationError`` / ``PermissionDenied`` / ``NotFound`` with a translated message.
Functions that talk to other plugins take ``hook=ctx.hook``. Run changes in
``ctx.transaction()``; every change to a ticket lands on its timeline (``TicketEvent``).

Across tiers: a line someone writes on a case (note, expert answer, remote session, escalation)
belongs to the writer's org unit and reaches the case's owner by sync. The ticket row itself
(state, clock, engineer, escalation target, repair order, emergency steps) changes only at the
node that owns the ticket (``plugins.tickets.domain.ownership``); elsewhere those calls raise
``PermissionDenied`` saying why.

Customers, machines and service packages are the customer registry's (``plugins.customers``,
whose door ``plugins.customers.service`` is the only part of it this plugin imports). Intake asks it
    find_asset_by_serial(session, actor, serial) -> Asset | None;  get_customer(session, actor, customer_id)
    coverage_status(session, actor, asset_id) -> CoverageStatus(package, state, ends_on, text, covered_by)

Contract and warranty (domain/coverage.py): a ticket keeps its machine's coverage at opening
(``coverage_state`` valid | ending | expired | none, ``coverage_ends_on``); on an expired machine
create_ticket needs coverage_handling= one of HANDLINGS (billable | goodwill | renewal) and
coverage_reason=, and puts them on the timeline (kind ``coverage``).
    coverage_line(session, actor, ticket_id) -> CoverageLine(text, expired)   (the window's contract line)
    handling_label(handling) -> str

Lifecycle (domain/lifecycle.py)
    create_ticket(session, actor, customer_id=, symptom=, category="fault", channel="hotline",
                  priority=3, serial_number="", contact_name="", contact_phone="",
                  coverage_handling="", coverage_reason="", diagnosis="") -> Ticket
        (the package's targets for the priority; ``diagnosis`` kept when the actor may diagnose)
    start_diagnosis(session, actor, ticket_id, note="")
    record_diagnosis(session, actor, ticket_id, diagnosis)       (e.g. a copied similar-case suggestion)
    resolve_remotely(session, actor, ticket_id, resolution)
    wait_for_customer(session, actor, ticket_id, reason) / resume(session, actor, ticket_id, note="")
    close_ticket(session, actor, ticket_id, hook=, note="")      (calls hook ticket_closed)
    reopen(session, actor, ticket_id, reason, hook=) / cancel(session, actor, ticket_id, reason)
        (reopen: closed or remotely resolved tickets only; the first response stays as recorded)
    archive(session, actor, ticket_id)
    add_note(session, actor, ticket_id, text) / set_priority(session, actor, ticket_id, priority)
    can_open_tickets(actor) -> bool   (whether the list offers "New ticket")

Undo (domain/undo.py): one's own last note, diagnosis or priority change, within UNDO_WINDOW (10 min)
and while no person wrote on the case since, taken back by a ``withdrawn`` line that refers to it
(the timeline stays append-only; a field gets its earlier value again)
    undo_offer(session, actor, ticket_id) -> UndoOffer(event_id, what, reason)   (``allowed``)
    undo_last(session, actor, ticket_id, event_id) -> TicketEvent   (refused unless still the offer)

What the user may do now (domain/actions.py): the ticket window's buttons, as data
    available_actions(session, actor, ticket_id) -> [TicketAction(id, label, enabled, reason)]
        every id of ACTIONS in that fixed order; disabled ones say why (read-only, a permission the
        actor lacks, another node owns the case, the state). The rules are the changing functions'
        own (``lifecycle.next_states`` for moves), so an enabled action is not refused for them.

Labels (labels.py): every name shown for a code
    state_label / category_label / channel_label / priority_label / handling_label / kind_label / action_label /
    qualification_label
    case_state_label(state, signed=False)   (a signed repair order reads "Signed off, ready to close")

Dispatch, remote, escalation (domain/dispatch.py)
    eligible_engineers(session, actor, ticket_id) -> [User]
    dispatch_choices(session, actor, ticket_id, hook=) -> DispatchChoices(engineers=(EngineerChoice(user_id,
        org_id, name, vetoes, unit, open_cases, qualification, qualification_text), ...), may_override)
        (``can_dispatch`` and ``engineer_qualification`` asked here, for the dialog to show;
        qualification_label(state) names the state)
    dispatch(session, actor, ticket_id, engineer_id=, eta=, hook=, parts=(PartLine, ...), override_reason="")
    record_remote_session(session, actor, ticket_id, authorised_by=, authorised_at=, scope=, findings=)
    escalate(session, actor, ticket_id, reason, expert=False) -> Escalation   (at the owning node)
    answer_consultation(session, actor, ticket_id, answer) -> TicketEvent  (by the unit it was escalated to)

Repair order (domain/repair.py)
    arrive(session, actor, ticket_id, at=None) -> RepairOrder
    complete_repair(session, actor, ticket_id, fault_found=, actions=, labour_minutes=, parts=[PartUse], hook=,
                    completed_at=None)
    repair_part_choices(session, actor, ticket_id, hook=) -> [PartChoice] | None   (hook ``parts_for_repair``:
        reserved parts first, then the engineer's and the unit's stock; None: no plugin keeps stock)
    sign_off(session, actor, ticket_id, signer_name=, signature_png=None, seal_confirmed=False, signed_at=None)
        (the signature: a decodable PNG of a signature's size, app/signature_image.py)
    A signed repair order is final: complete_repair and sign_off refuse it (``ValidationError``, field
    "state"), and the "repair" action is disabled with that reason.
    check_repair_entries(fault_found=, actions=, labour_minutes=, parts=()) /
    check_sign_off_entries(signer_name=, signature_png=None, seal_confirmed=False)
        (the refusals of complete_repair / sign_off that depend on the entries alone, for a form to ask
        before it confirms a final step)
    repair_order_document(session, actor, ticket_id, hook=None) -> dict   (input of views/repair_pdf.py;
        domain/repair_report.py; ``hook`` names the parts through ``part_names``)

Moments users give (domain/time_rules.py): arrival, completion, sign-off and a remote session's
authorisation lie after the opening and the step they follow, and at most CLOCK_SKEW (5 min)
ahead of now; an estimated arrival lies between now less PLAN_GRACE (5 min) and PLAN_HORIZON
(30 days) ahead. A refusal names the field and shows the bound in the unit's local time.

Cases other plugins ask for (domain/requests.py; the hooks ``reopen_case`` and ``open_case``)
    reopen_requested(session, CaseReopenRequest, hook) -> number   (a follow-up call found it unsolved)
    open_requested(session, CaseRequest) -> OpenedCase   (a complaint after a call, a fault on an inspection)
    closed_cases(session) -> [TicketClosed]   (hook ``closed_cases``: closes the demo made without announcing them)
        The caller checked its own permission; the step is made as the requesting user, lent only
        tickets.close (reopen) or tickets.create (open), so every other rule of the step still holds.
    reopen(..., hook=, source="") announces ``ticket_reopened``; close_ticket's ``TicketClosed``
        carries the category and the engineer.

Quality complaints (domain/emergency.py)
    plan_steps(session, actor, ticket_id) -> [EmergencyStep]
    complete_emergency_step(session, actor, step_id, note="")

Reading the lists (read/: one filter, and page, count, stream and counters from it)
    list_page(session, actor, TicketFilter(...), offset=, limit=, sort="opened_at"|"number"|"priority"
              |"state"|"due", descending=True) -> [TicketRow];  list_count(session, actor, filters) -> int
    list_stream(session, actor, filters, sort=, descending=) -> TicketRows in the page's order
    export_list(session, actor, filters, path, sort=, descending=, progress=None, cancelled=None) -> rows
        (the screen's rows and order, through the one Excel writer; times as date-time cells in the
        unit's wall time; a cancel raises ``ExportCancelled`` and leaves no file)
        TicketFilter(org_id=, subtree=): the org filter, tickets the unit (and those below) owns;
        opened_from/opened_to as dates: days in the acting user's unit's zone
    column_titles() / list_titles(session, actor) -> [str]
    list_lines(session, rows, zones=None) -> [ListLine(id, texts, urgency, zone)]
        (texts in each ticket's unit's zone, ``zones`` a memo a list keeps from page to page;
        ``zone`` named where it is not the workstation's)
    engineer_choices(session, actor) / customer_choices(session, actor, text)   (the filters' choices)
    customer_contacts(session, actor, customer_id) -> [ContactChoice(name, phone)]   (intake's contact picker)
    queue(session, actor, mine=False, escalated=False, offset=0, limit=200) -> [TicketRow] by due time;
        TicketRow.urgency(now) -> "breached" | "due_soon" | ""
    breach_counts(session, actor, mine=False) -> OpenCounts(open, breached, due_soon, by_state)
        (the response center's figures; the home page's counters are the same)
    timeline(session, actor, ticket_id) -> [TicketEvent];  ticket_details(session, actor, ticket_id, hook=None) -> dict
        (``lines``: [TimelineLine(at, who, what, states, details)], the events and, with ``hook``, the
        other plugins' entries (``case_timeline``) in time order)
    render_event(event) -> EventLine(what, states, details)   (the reader's language; window and exports)
    event_text(event) -> str;  kind_label(kind) -> str

Response-time clock (domain/sla.py)
    sweep_sla(session, now=None) -> number of warnings/breaches recorded, on the tickets this node
        owns (the hook ``periodic_jobs`` runs it every minute)

Similar cases (similar/search.py, similar/received.py)
    similar_cases(session, actor, text, product_line=None, limit=10, exclude_ticket_id=None) -> [SimilarCase]
    catch_up_received(session) -> number of tickets looked at: the similar-case index for tickets
        that arrived by sync (the hook ``periodic_jobs`` runs it every minute)

Hooks' work (loaded when first called)
    rollup_sections(ctx, period, org_code) (reports.py);  generate_demo(demo) (demo.py)
    staff_figures(session, period, org_ids) -> [StaffFigure]   (read/staff.py: tickets.handled and
        tickets.response_met / onsite_met / resolution_met per person, for the staff scorecard)
"""

from __future__ import annotations

from plugins.customers.service import coverage_status, find_asset_by_serial, get_customer
from plugins.tickets.domain.coverage import HANDLINGS, CoverageLine, coverage_line
from plugins.tickets.domain.dispatch import (DispatchChoices, EngineerChoice, answer_consultation, dispatch,
                                             dispatch_choices, eligible_engineers, escalate, record_remote_session)
from plugins.tickets.domain.actions import ACTIONS, TicketAction, available_actions
from plugins.tickets.domain.emergency import complete_step as complete_emergency_step
from plugins.tickets.domain.emergency import plan_steps
from plugins.tickets.labels import (action_label, category_label, channel_label, handling_label, kind_label,
                                    priority_label, qualification_label, state_label)
from plugins.tickets.domain.lifecycle import (REOPENABLE, add_note, archive, cancel, close_ticket, create_ticket,
                                              load_ticket, record_diagnosis, reopen, resolve_remotely, resume,
                                              set_priority, start_diagnosis, wait_for_customer)
from plugins.tickets.models import CATEGORIES, CHANNELS, OPEN_STATES, PRIORITIES, STATES, Ticket
from plugins.tickets.permissions import (ARCHIVE, CLOSE, CREATE, DIAGNOSE, DISPATCH, EMERGENCY, ESCALATE,
                                         OVERRIDE_VETO, REPAIR, VIEW, WORK)
from plugins.tickets.read.choices import ContactChoice, customer_choices, customer_contacts, engineer_choices
from plugins.tickets.read import (ListLine, OpenCounts, TicketFilter, TicketRow, breach_counts, column_titles,
                                  export_list, list_lines, list_titles, queue, ticket_details, timeline)
from plugins.tickets.read import count as list_count, page as list_page, stream as list_stream
from plugins.tickets.similar.received import catch_up as catch_up_received
from plugins.tickets.domain.repair import (PartUse, arrive, check_repair_entries, check_sign_off_entries,
                                           complete_repair, repair_part_choices, sign_off)
from plugins.tickets.domain.repair_report import repair_order_document
from plugins.tickets.similar.search import SimilarCase
from plugins.tickets.similar.search import search as similar_cases
from plugins.tickets.domain.sla import sweep as sweep_sla
from plugins.tickets.domain.timeline import EventLine, TimelineLine, event_text, render_event, timeline_lines
from plugins.tickets.domain.requests import open_requested, reopen_requested
from plugins.tickets.read.staff import closed_cases
from plugins.tickets.labels import case_state_label
from plugins.tickets.domain.undo import UNDO_WINDOW, UndoOffer, undo_last, undo_offer

__all__ = [
    "ContactChoice", "customer_contacts", "qualification_label", "repair_part_choices",
    "ACTIONS", "DispatchChoices", "EngineerChoice", "REOPENABLE", "SimilarCase", "TicketAction", "action_label",
    "available_actions", "can_open_tickets", "dispatch_choices", "generate_demo", "rollup_sections", "Ticket",
    "HANDLINGS", "CoverageLine", "coverage_line", "coverage_status", "handling_label",
    "ARCHIVE", "CATEGORIES", "CHANNELS", "CLOSE", "CREATE", "DIAGNOSE", "DISPATCH", "EMERGENCY",
    "EventLine", "answer_consultation", "event_text", "kind_label", "render_event",
    "TimelineLine", "timeline_lines", "open_requested", "reopen_requested", "closed_cases",
    "ESCALATE", "OPEN_STATES", "OVERRIDE_VETO", "PRIORITIES", "REPAIR", "STATES", "VIEW", "WORK",
    "PartUse", "TicketFilter", "TicketRow", "add_note", "archive",
    "arrive", "cancel", "catch_up_received", "category_label", "channel_label", "close_ticket",
    "complete_emergency_step", "complete_repair",
    "create_ticket",
    "dispatch", "eligible_engineers", "escalate", "find_asset_by_serial", "get_customer",
    "ListLine", "OpenCounts", "breach_counts", "column_titles", "customer_choices", "engineer_choices", "export_list",
    "list_count", "list_lines", "list_page", "list_stream", "list_titles",
    "load_ticket", "plan_steps", "priority_label", "queue", "record_diagnosis",
    "record_remote_session", "reopen", "repair_order_document", "resolve_remotely", "resume",
    "set_priority", "sign_off", "similar_cases", "staff_figures", "start_diagnosis",
    "state_label", "sweep_sla", "ticket_details", "timeline", "wait_for_customer",
    "UNDO_WINDOW", "UndoOffer", "undo_last", "undo_offer", "case_state_label",
    "check_repair_entries", "check_sign_off_entries",
]


def can_open_tickets(actor) -> bool:
    """Whether the actor may open tickets (the list page's "New ticket")."""
    return actor.has(CREATE)


def staff_figures(session, period, org_ids):
    """The tickets' figures per person for the staff scorecard (hook ``staff_figures``)."""
    from plugins.tickets.read.staff import staff_figures as figures

    return figures(session, period, org_ids)


def rollup_sections(ctx, period, org_code):
    """The tickets' part of the period rollup (hook ``rollup_sections``)."""
    from plugins.tickets.reports import rollup_sections as sections

    return sections(ctx, period, org_code)


def generate_demo(demo) -> None:
    """The demonstration tickets (hook ``demo_data``)."""
    from plugins.tickets.demo import generate

    generate(demo)
