"""The tickets plugin's read model of its lists. Private to the plugin: views, hooks and commands
reach it through the door, ``plugins.tickets.service``.

    filters.py        TicketFilter and the ONE filter builder (``selection``: resolved for an actor)
    walk.py           a page's ids by merged index walks (what keeps a million tickets fast)
    rows.py           TicketRow and the names joined to it
    lists.py          page / count / stream / counters / queue, all from the one filter
    urgency.py        breached and due soon, in Python and in SQL
    columns.py        the columns of the screen and the export, times in the unit's zone
    export.py         the list as an Excel workbook, in the screen's order
    details.py        one ticket in full (the ticket window)
    customer_join.py  all the read model takes from the customer registry
    choices.py        the engineers and customers the list's filters offer
    commitments.py    which response-time commitments count, met or missed (scorecard and rollup)
    rollup.py         the figures per org unit of the HQ rollup
"""

from plugins.tickets.read.columns import ListLine, column_titles, list_lines, list_titles
from plugins.tickets.read.details import ticket_details, timeline
from plugins.tickets.read.export import export_list
from plugins.tickets.read.filters import TicketFilter
from plugins.tickets.read.lists import OpenCounts, breach_counts, count, counters, page, queue, queue_filter, stream
from plugins.tickets.read.rows import TicketRow

__all__ = ["ListLine", "OpenCounts", "TicketFilter", "TicketRow", "breach_counts", "column_titles", "count", "counters",
           "export_list", "list_lines", "list_titles", "page", "queue", "queue_filter", "stream", "ticket_details",
           "timeline"]
