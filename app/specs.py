"""Plain data that hooks return. No Qt, no database sessions kept inside."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class PermissionSpec:
    """A permission a plugin defines; ``default_roles`` get it when it first appears."""

    code: str
    label: str
    default_roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageSpec:
    """A page in the navigation pane. ``factory(ctx)`` builds the widget when first opened.

    The widget may have ``refresh()``, ``focus_search()`` and ``save()``: the shell's F5, Ctrl+F and
    Ctrl+S call them while it shows the page (``app.ui.shortcuts``); without one, the key does nothing."""

    id: str
    title: str
    icon: str
    factory: Callable[[Any], Any]
    permission: str | None = None
    order: int = 100


@dataclass(frozen=True)
class ActionSpec:
    """A menu action. ``menu`` is a shell menu id: ``file``, ``view``, ``tools``, ``help`` or ``reports``.

    ``shortcut``: its keys, shown beside it in the menu: a ``QKeySequence.StandardKey`` name
    (``"New"``, ``"Find"``, ``"Refresh"``, ``"Save"``: the platform's own keys) or keys such as
    ``"Ctrl+Shift+P"``."""

    id: str
    menu: str
    text: str
    callback: Callable[[Any, Any], None]
    icon: str | None = None
    permission: str | None = None
    shortcut: str | None = None


COLUMN_KINDS = ("text", "count", "percent", "money", "hours", "decimal", "date", "datetime")


@dataclass(frozen=True)
class RollupColumn:
    """A column of a rollup sheet: its title and what its values are, which sets the number
    format (``percent``: a fraction 0–1 shown as %; ``money``: CNY; ``hours``, ``decimal``: one
    decimal). ``target``: a percent column's commitment (e.g. 0.95); a value below it is marked."""

    title: str
    kind: str = "text"
    target: float | None = None


@dataclass(frozen=True)
class Measure:
    """A figure a plugin reports per org unit, for the Summary sheet and the dashboards.

    ``kind``: ``count`` (summed), ``money`` (summed, CNY), ``share`` (``value`` met out of
    ``base``, shown as %, summed as both), ``mean`` (``value`` a total over ``base`` items, e.g.
    satisfaction points over answers, or hours over cases). ``target``: a share's commitment;
    below it the figure is marked. ``chart``: shown as a bar per unit on the dashboard and as a
    chart of the workbook."""

    code: str
    label: str
    kind: str = "count"
    target: float | None = None
    chart: bool = False


@dataclass(frozen=True)
class UnitFigure:
    """One measure of one org unit in the period: units are summed up the tree by the core."""

    measure: str
    org_id: uuid.UUID
    value: float
    base: float | None = None


@dataclass(frozen=True)
class RollupChart:
    """A native chart over a sheet's own columns: ``bar`` (per row) or ``line`` (a trend)."""

    kind: str
    title: str
    category_column: int
    value_columns: tuple[int, ...]


@dataclass(frozen=True)
class RollupSection:
    """One sheet of the HQ Excel rollup: a title, column headers (text, or ``RollupColumn`` with
    a kind for the number format) and rows of plain values.

    ``measures`` and ``figures``: what the section adds to the Summary sheet and the dashboards
    (per unit, the unit's own work only: the core adds units up the tree). ``charts``: native
    charts over this sheet's columns."""

    title: str
    columns: Sequence[Any]
    rows: Iterable[Sequence[Any]]
    measures: Sequence[Measure] = ()
    figures: Sequence[UnitFigure] = ()
    charts: Sequence[RollupChart] = ()


@dataclass(frozen=True)
class DashboardCounter:
    """A number shown on the home page, e.g. certificates expiring in 30 days.

    ``chart``: counters naming the same chart are drawn together as one bar chart with that
    title, a bar per counter in the order given (e.g. one's open cases per state), not as cards."""

    id: str
    label: str
    value: int
    severity: str = "info"  # info | warning | critical
    chart: str = ""


@dataclass
class DemoContext:
    """What the demo generator hands every plugin: the org units and staff it created."""

    session: Any
    rng: Any
    scale: int
    org_units: list[Any]
    staff: dict[str, list[Any]]  # role code -> users holding it
    progress: Callable[[str, float], None] = lambda stage, fraction: None
    cancelled: Callable[[], bool] = lambda: False
    hook: Any = None  # the plugin host's hook relay, to ask other plugins (e.g. passed_courses)
    # HQ's reference data alone (catalogs, types, keys), for branches to pull before their own
    # demo: no units, staff or operational rows. Plugins that own no reference data do nothing.
    reference_only: bool = False

    def users_with_role(self, role: str, org_id: uuid.UUID | None = None) -> list[Any]:
        users = self.staff.get(role, [])
        return [u for u in users if org_id is None or u.org_id == org_id]


@dataclass(frozen=True)
class SyncTable:
    """How one table travels between a node and its parent (hook ``sync_tables``).

    ``direction`` documents who writes the rows: ``up`` (the node's subtree owns them and
    pushes them to the parent), ``down`` (reference rows an ancestor owns; children pull them),
    ``local`` (derived or private: never leaves the node, not captured). The same two rules
    move every non-local row: a node pushes the rows its subtree owns, and pulls the rows of
    its ancestors, the rows of ``everywhere`` tables, and rows others wrote on its cases
    (``audience``).

    :param owner: the column naming the owning org unit; ``None`` means HQ (the root) owns
        every row.
    :param everywhere: every node receives every row (registries such as certificates).
    :param audience: a SQL expression over the table (unqualified columns) giving the org unit
        whose case a row concerns, e.g. the ticket's owner for a note HQ wrote on it.
    :param private: ``(column, value)`` pairs: the column never leaves the node; a copy gets
        ``value`` when inserted and keeps its own when updated.
    :param order: a SQL expression rows of one batch are applied in (parents before children
        of a self-referencing table).
    """

    name: str
    direction: str
    owner: str | None = "org_id"
    everywhere: bool = False
    audience: str | None = None
    private: tuple[tuple[str, Any], ...] = ()
    order: str | None = None


@dataclass(frozen=True)
class PeriodicJob:
    """Work the shell repeats (hook ``periodic_jobs``), e.g. the SLA sweep.

    ``run(ctx)`` does one pass in its own transaction (``ctx.transaction()``) and writes only
    rows this node owns (``app.sync.ownership.owned_org_ids``): the rows it holds as copies of
    another node's are that node's to change. It runs in a worker thread, never on the GUI
    thread, at most once at a time, ``interval_seconds`` after its previous start.
    """

    id: str
    interval_seconds: float
    run: Callable[[Any], Any]


@dataclass(frozen=True)
class DispatchCheck:
    """Asked before an engineer is dispatched to a ticket (hook ``can_dispatch``)."""

    engineer_id: uuid.UUID
    engineer_org_id: uuid.UUID
    product_line: str | None
    at: datetime


@dataclass(frozen=True)
class TicketClosed:
    """Announced when a ticket is closed (hook ``ticket_closed``)."""

    ticket_id: uuid.UUID
    ticket_number: str
    org_id: uuid.UUID
    customer_id: uuid.UUID | None
    closed_at: datetime
    closed_by: uuid.UUID | None
    category: str = ""                    # the ticket's category code (``case_categories``)
    engineer_id: uuid.UUID | None = None  # who resolved it: the engineer on site, else who took it into work


@dataclass(frozen=True)
class TicketReopened:
    """Announced when a closed or resolved ticket is reopened (hook ``ticket_reopened``)."""

    ticket_id: uuid.UUID
    ticket_number: str
    org_id: uuid.UUID
    reopened_at: datetime
    reopened_by: uuid.UUID | None


@dataclass(frozen=True)
class CaseChoice:
    """A code users choose and the label it is shown with (hook ``case_categories``)."""

    code: str
    label: str


@dataclass(frozen=True)
class CaseReopenRequest:
    """Another plugin's finding that a closed case is not solved (hook ``reopen_case``)."""

    ticket_id: uuid.UUID
    reason: str                      # the user's words, kept on the case's timeline
    requested_by: uuid.UUID | None   # the user who found it
    source: str                      # what found it, as a kind the case's timeline renders (e.g. ``follow_up``)


@dataclass(frozen=True)
class CaseRequest:
    """A new case another plugin opens (hook ``open_case``): a quality complaint after a
    follow-up call, a fault found on an inspection."""

    org_id: uuid.UUID                # the unit that will own the case
    customer_id: uuid.UUID
    category: str                    # a code of ``case_categories``
    symptom: str
    opened_by: uuid.UUID | None
    source: str                      # ``follow_up`` | ``inspection`` | another plugin's word
    related_ticket_id: uuid.UUID | None = None   # the case this one follows from, linked both ways
    serial_number: str = ""
    priority: int = 3


@dataclass(frozen=True)
class OpenedCase:
    """The answer to ``open_case``."""

    ticket_id: uuid.UUID
    ticket_number: str


@dataclass(frozen=True)
class TimelineEntry:
    """A line another plugin adds to a case's timeline (hook ``case_timeline``), already in the
    reader's language: it is rendered when the timeline is read, never stored as text."""

    at: datetime
    what: str
    details: str = ""
    by: str = ""                     # who, as a name; empty for the program


@dataclass(frozen=True)
class StaffFigure:
    """One measure of one person's work in a period (hook ``staff_figures``).

    ``count`` is the number done (e.g. tickets handled, commitments met); ``base`` what it is
    a share of (e.g. commitments due), or None for a plain count."""

    measure: str
    user_id: uuid.UUID
    org_id: uuid.UUID
    count: int
    base: int | None = None


@dataclass(frozen=True)
class PartLine:
    part_number: str
    quantity: int = 1


@dataclass(frozen=True)
class PartsRequest:
    """Parts a dispatched ticket needs (hook ``parts_requested``)."""

    ticket_id: uuid.UUID
    ticket_number: str
    org_id: uuid.UUID
    lines: tuple[PartLine, ...]
    requested_by: uuid.UUID | None
    requested_at: datetime


@dataclass(frozen=True)
class PartOutcome:
    part_number: str
    quantity: int
    hit: bool
    source: str  # depot code that serves it, or "" when nobody can
    message: str = ""


@dataclass(frozen=True)
class UsedPart:
    part_number: str
    quantity: int = 1
    installed_serial: str | None = None
    removed_serial: str | None = None
    unit_cost: Decimal | None = None
    source_depot: str = ""  # the depot code the part was picked from (``PartChoice.depot``); "" for the usual one


@dataclass(frozen=True)
class PartsUsage:
    """Parts recorded on a repair order (hook ``parts_used``)."""

    ticket_id: uuid.UUID
    ticket_number: str
    org_id: uuid.UUID
    lines: tuple[UsedPart, ...]
    used_by: uuid.UUID | None
    used_at: datetime
    engineer_id: uuid.UUID | None = None  # the engineer on the case, whose own stock (a van) may serve it


@dataclass(frozen=True)
class RepairPartsRequest:
    """Which parts a ticket's repair order may record (hook ``parts_for_repair``)."""

    ticket_id: uuid.UUID
    ticket_number: str
    org_id: uuid.UUID
    engineer_id: uuid.UUID | None


@dataclass(frozen=True)
class PartChoice:
    """A part that can be picked from one depot's stock: how many units may be taken
    (``available``; for a part reserved for the ticket, its reservation included), how many of
    them the ticket reserved, and for a serialised part the serial numbers on hand there."""

    part_number: str
    name: str
    serialised: bool
    depot: str
    available: int
    reserved: int = 0
    serials: tuple[str, ...] = ()


QUALIFICATION_STATES = ("valid", "expiring", "none")


@dataclass(frozen=True)
class Qualification:
    """What an engineer holds for a job (hook ``engineer_qualification``): ``state`` one of
    ``QUALIFICATION_STATES`` and a translated sentence saying which certificate and until when."""

    state: str
    text: str


@dataclass(frozen=True)
class CoursePass:
    """An engineer passed a course's exam (hook ``passed_courses``)."""

    course_code: str
    product_line: str
    level: str
    passed_on: date
    score: int


@dataclass
class PluginRecord:
    """How one plugin fared at load time; shown in Tools → Plugins and ``service-center plugins``."""

    name: str
    version: str = ""
    status: str = "loaded"  # loaded | disabled | error
    error: str = ""
    builtin: bool = False
    extra: dict = field(default_factory=dict)
