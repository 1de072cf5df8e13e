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
    """A page in the navigation pane. ``factory(ctx)`` builds the widget when first opened."""

    id: str
    title: str
    icon: str
    factory: Callable[[Any], Any]
    permission: str | None = None
    order: int = 100


@dataclass(frozen=True)
class ActionSpec:
    """A menu action. ``menu`` is a shell menu id: ``file``, ``tools``, ``help`` or ``reports``."""

    id: str
    menu: str
    text: str
    callback: Callable[[Any, Any], None]
    icon: str | None = None
    permission: str | None = None


@dataclass(frozen=True)
class RollupSection:
    """One sheet of the HQ Excel rollup: a title, column headers and rows of plain values."""

    title: str
    columns: Sequence[str]
    rows: Iterable[Sequence[Any]]


@dataclass(frozen=True)
class DashboardCounter:
    """A number shown on the home page, e.g. certificates expiring in 30 days."""

    id: str
    label: str
    value: int
    severity: str = "info"  # info | warning | critical


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


@dataclass(frozen=True)
class PartsUsage:
    """Parts recorded on a repair order (hook ``parts_used``)."""

    ticket_id: uuid.UUID
    ticket_number: str
    org_id: uuid.UUID
    lines: tuple[UsedPart, ...]
    used_by: uuid.UUID | None
    used_at: datetime


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
