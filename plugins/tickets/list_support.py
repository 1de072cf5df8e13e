"""What the ticket list needs beyond ``queries``: filter choices, row texts, and streaming the
current view into an Excel file (write-only workbook, one query streamed, no OFFSET paging, so a
large view exports in one pass). No Qt.

    engineer_choices(session, actor) -> [(user_id, name)]
    customer_choices(session, actor, text, limit=30) -> [(customer_id, name)]
    row_texts(row: TicketRow) -> [str]                        (the list's visible columns)
    column_titles() -> [str]
    export_tickets(session, actor, filters, sort, descending, path, progress=None, cancelled=None) -> int
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.auth.models import User, user_roles
from app.auth.roles import FIELD_ENGINEER
from app.errors import UserError
from app.i18n import translate
from app.orgs.scope import org_scope
from plugins.tickets import service
from plugins.tickets.queries import SORT_COLUMNS, TicketFilter, TicketRow, _narrowed, _rows
from plugins.tickets.models import Ticket

EXCEL_MAX_ROWS = 1_048_575  # a sheet's rows minus the header
STREAM_BATCH = 2000


def engineer_choices(session: Session, actor: Actor) -> list[tuple[uuid.UUID, str]]:
    actor.require(service.VIEW)
    stmt = (select(User.id, User.display_name, User.username).join(user_roles, user_roles.c.user_id == User.id)
            .where(user_roles.c.role_code == FIELD_ENGINEER, org_scope(actor, User.org_id), User.active.is_(True))
            .order_by(User.display_name, User.username))
    return [(user_id, display or username) for user_id, display, username in session.execute(stmt)]


def customer_choices(session: Session, actor: Actor, text: str, limit: int = 30) -> list[tuple[uuid.UUID, str]]:
    return [(c.id, c.name) for c in service.search_customers(session, actor, text.strip(), limit=limit)]


def local_text(moment) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment is not None else ""


def column_titles() -> list[str]:
    return [translate("Tickets", "Number"), translate("Tickets", "State"), translate("Tickets", "Priority"),
            translate("Tickets", "Category"), translate("Tickets", "Customer"), translate("Tickets", "Product line"),
            translate("Tickets", "Serial number"), translate("Tickets", "Engineer"), translate("Tickets", "Opened"),
            translate("Tickets", "Due"), translate("Tickets", "Breached")]


def row_texts(row: TicketRow) -> list[str]:
    return [row.number, service.state_label(row.state), service.priority_label(row.priority),
            service.category_label(row.category), row.customer, row.product_line, row.serial_number,
            row.engineer or "", local_text(row.opened_at), local_text(row.next_due_at),
            translate("Tickets", "Yes") if row.breached else ""]


def export_tickets(session: Session, actor: Actor, filters: TicketFilter, sort: str, descending: bool, path: str | Path,
                   progress: Callable[[str, float], None] | None = None,
                   cancelled: Callable[[], bool] | None = None, expected: int | None = None) -> int:
    """Write the rows of the list as filtered and sorted into ``path``; returns the row count.
    Cancelling leaves no file behind."""
    actor.require(service.VIEW)
    column = SORT_COLUMNS.get(sort, Ticket.opened_at)
    order = [column.desc(), Ticket.id.desc()] if descending else [column.asc(), Ticket.id.asc()]
    stmt = _rows(session, _narrowed(session, actor, filters).order_by(*order)).order_by(*order)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(translate("Tickets", "Tickets"))
    sheet.append(column_titles())
    written = 0
    for row in session.execute(stmt.execution_options(yield_per=STREAM_BATCH)):
        if written >= EXCEL_MAX_ROWS:
            raise UserError(translate("Tickets", "More than {n} rows: narrow the filter to export to Excel.")
                            .format(n=EXCEL_MAX_ROWS))
        sheet.append(row_texts(TicketRow(*row)))
        written += 1
        if written % STREAM_BATCH == 0:
            if cancelled and cancelled():
                return -1
            if progress:
                progress(translate("Tickets", "{n} rows written").format(n=written),
                         written / expected if expected else 0.0)
    book.save(str(path))
    return written
