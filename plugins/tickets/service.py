"""The tickets plugin's service API: what views, hooks and scripts call. No Qt here.

Every function takes ``(session, actor, ...)``, checks the actor's permission and scope, and
raises ``ValidationError`` / ``PermissionDenied`` / ``NotFound`` with a translated message.
Functions that talk to other plugins take ``hook=ctx.hook``. Run changes in
``ctx.transaction()``; every change to a ticket lands on its timeline (``TicketEvent``).

Across tiers: a line someone writes on a case (note, expert answer, remote session, escalation)
belongs to the writer's org unit and reaches the case's owner by sync. The ticket row itself
(state, clock, engineer, escalation target, repair order, emergency steps) changes only at the
node that owns the ticket (``plugins.tickets.ownership``); elsewhere those calls raise
``PermissionDenied`` saying why.

Customers and installed base (customers.py)
    create_customer(session, actor, name=, region="", org_id=None) -> Customer
    add_site(session, actor, customer_id, name=, address="") -> CustomerSite
    add_contact(session, actor, customer_id, name=, phone="", email="") -> Contact
    create_asset(session, actor, customer_id, serial_number=, product_line=, model=, site_id=None,
                 package_code=None, contract_end=None) -> Asset
    find_asset_by_serial(session, actor, serial) -> Asset | None     (intake look-up)
    search_customers(session, actor, text="", limit=50, org_id=None, subtree=False) -> [Customer]  (name prefix;
        org_id/subtree: the org filter, see ``app.orgs.scope.org_filter``)
    customer_details(session, actor, customer_id) -> {"customer", "sites", "contacts", "assets"}
    list_service_packages(session, actor) / save_service_package(session, actor, code=, name=,
        coverage="24x7"|"business", response_minutes=, onsite_minutes=, resolution_minutes=)  (HQ only)

Lifecycle (lifecycle.py)
    create_ticket(session, actor, customer_id=, symptom=, category="fault", channel="hotline",
                  priority=3, serial_number="", contact_name="", contact_phone="") -> Ticket
    start_diagnosis(session, actor, ticket_id, note="")
    record_diagnosis(session, actor, ticket_id, diagnosis)       (e.g. a copied similar-case suggestion)
    resolve_remotely(session, actor, ticket_id, resolution)
    wait_for_customer(session, actor, ticket_id, reason) / resume(session, actor, ticket_id, note="")
    close_ticket(session, actor, ticket_id, hook=, note="")      (calls hook ticket_closed)
    reopen(session, actor, ticket_id, reason) / cancel(session, actor, ticket_id, reason)
    archive(session, actor, ticket_id)
    add_note(session, actor, ticket_id, text) / set_priority(session, actor, ticket_id, priority)
    allowed_moves(ticket) -> [state]; state_label / category_label / channel_label / priority_label

Dispatch, remote, escalation (dispatch.py)
    eligible_engineers(session, actor, ticket_id) -> [User]
    dispatch(session, actor, ticket_id, engineer_id=, eta=, hook=, parts=(PartLine, ...), override_reason="")
    record_remote_session(session, actor, ticket_id, authorised_by=, authorised_at=, scope=, findings=)
    escalate(session, actor, ticket_id, reason, expert=False) -> Escalation   (at the owning node)
    answer_consultation(session, actor, ticket_id, answer) -> TicketEvent  (by the unit it was escalated to)

Repair order (repair.py)
    arrive(session, actor, ticket_id, at=None) -> RepairOrder
    complete_repair(session, actor, ticket_id, fault_found=, actions=, labour_minutes=, parts=[PartUse], hook=)
    sign_off(session, actor, ticket_id, signer_name=, signature_png=None, seal_confirmed=False)
    repair_order_document(session, actor, ticket_id) -> dict   (input of views/repair_pdf.py)

Quality complaints (emergency.py)
    plan_steps(session, actor, ticket_id) -> [EmergencyStep]
    complete_emergency_step(session, actor, step_id, note="")

Reading (queries.py)
    list_tickets(session, actor, TicketFilter(...), offset=, limit=, sort="opened_at"|"number"|"priority"
                 |"state"|"due", descending=True) -> [TicketRow];  count_tickets(session, actor, filters)
        TicketFilter(org_id=, subtree=): the org filter, tickets the unit (and those below) owns
    queue(session, actor, mine=False, escalated=False, offset=0, limit=200) -> [TicketRow] by due time;
        TicketRow.urgency(now) -> "breached" | "due_soon" | ""
    timeline(session, actor, ticket_id) -> [TicketEvent];  ticket_details(session, actor, ticket_id) -> dict
    render_event(event) -> EventLine(what, states, details)   (the reader's language; window and exports)
    event_text(event) -> str;  kind_label(kind) -> str

Response-time clock (sla.py)
    sweep_sla(session, now=None) -> number of warnings/breaches recorded, on the tickets this node
        owns (the hook ``periodic_jobs`` runs it every minute)

Similar cases (similar.py, received.py)
    similar_cases(session, actor, text, product_line=None, limit=10, exclude_ticket_id=None) -> [SimilarCase]
    catch_up_received(session) -> number of tickets looked at: the similar-case index for tickets
        that arrived by sync (the hook ``periodic_jobs`` runs it every minute)

Excel (excel.py)
    import_customers_and_assets(session, actor, path, progress=None) -> ImportReport
        (raises ImportFailed with .problems [(sheet, row, column, reason)] and changes nothing)
    export_rows(path, headers, rows, title="") -> path   (write-only workbook)
"""

from __future__ import annotations

from plugins.tickets.customers import (add_contact, add_site, create_asset, create_customer, customer_details,
                                       find_asset_by_serial, get_customer, list_service_packages,
                                       save_service_package, search_customers)
from plugins.tickets.dispatch import answer_consultation, dispatch, eligible_engineers, escalate, record_remote_session
from plugins.tickets.emergency import complete_step as complete_emergency_step
from plugins.tickets.excel import ImportFailed, ImportReport, export_rows, import_customers_and_assets
from plugins.tickets.emergency import plan_steps
from plugins.tickets.lifecycle import (TRANSITIONS, add_note, archive, cancel, category_label, channel_label,
                                       close_ticket, create_ticket, load_ticket, priority_label, record_diagnosis,
                                       reopen, resolve_remotely, resume, set_priority, start_diagnosis, state_label,
                                       wait_for_customer)
from plugins.tickets.models import CATEGORIES, CHANNELS, PRIORITIES, STATES, Ticket
from plugins.tickets.permissions import (ARCHIVE, CLOSE, CREATE, CUSTOMERS, DIAGNOSE, DISPATCH, EMERGENCY,
                                         ESCALATE, OVERRIDE_VETO, PACKAGES, REPAIR, VIEW, WORK)
from plugins.tickets.queries import (TicketFilter, TicketRow, count_tickets, list_tickets, queue, ticket_details,
                                     timeline)
from plugins.tickets.received import catch_up as catch_up_received
from plugins.tickets.repair import PartUse, arrive, complete_repair, repair_order_document, sign_off
from plugins.tickets.similar import search as similar_cases
from plugins.tickets.sla import sweep as sweep_sla
from plugins.tickets.timeline import EventLine, event_text, kind_label, render_event

__all__ = [
    "ARCHIVE", "CATEGORIES", "CHANNELS", "CLOSE", "CREATE", "CUSTOMERS", "DIAGNOSE", "DISPATCH", "EMERGENCY",
    "EventLine", "answer_consultation", "event_text", "kind_label", "render_event",
    "ESCALATE", "OVERRIDE_VETO", "PACKAGES", "PRIORITIES", "REPAIR", "STATES", "VIEW", "WORK",
    "ImportFailed", "ImportReport", "export_rows", "import_customers_and_assets",
    "PartUse", "TicketFilter", "TicketRow", "add_contact", "add_note", "add_site", "allowed_moves", "archive",
    "arrive", "cancel", "catch_up_received", "category_label", "channel_label", "close_ticket",
    "complete_emergency_step", "complete_repair", "count_tickets", "create_asset", "create_customer",
    "create_ticket", "customer_details",
    "dispatch", "eligible_engineers", "escalate", "find_asset_by_serial", "get_customer", "list_service_packages",
    "list_tickets", "load_ticket", "overview", "plan_steps", "priority_label", "queue", "record_diagnosis",
    "record_remote_session", "reopen", "repair_order_document", "resolve_remotely", "resume",
    "save_service_package", "search_customers", "set_priority", "sign_off", "similar_cases", "start_diagnosis",
    "state_label", "sweep_sla", "ticket_details", "timeline", "wait_for_customer",
]


def allowed_moves(ticket: Ticket) -> list[str]:
    """The states the lifecycle allows next (the ticket window enables its buttons by this)."""
    if ticket.state == "waiting_for_customer":
        return [s for s in TRANSITIONS["waiting_for_customer"] if s in (ticket.paused_from, "cancelled")]
    return list(TRANSITIONS.get(ticket.state, ()))


def overview(session, actor, limit: int = 500, *, org_id=None, subtree: bool = False):
    """Customers and regions, as the customers page lists them (``org_id``/``subtree``: the org filter)."""
    from app.i18n import translate

    customers = search_customers(session, actor, limit=limit, org_id=org_id, subtree=subtree)
    return [translate("Tickets", "Customer"), translate("Tickets", "Region")], [(c.name, c.region) for c in customers]
