"""Every list the product exports, filled with user text that reads like a spreadsheet formula.

Each ``build_<list>(ctx, admin)`` writes the rows through the doors (or, for certificates whose
issue needs a signing chain, as plain rows) and returns an ``ExportCase``: the door's export for a
filter, the number of rows the page lists for the same filter, and where the units' zones matter
the moments each exported row must show. BJ keeps the default zone (Asia/Shanghai); SH is moved to
``OTHER_ZONE`` so that a list mixing both proves each row's time is its own unit's wall time.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app.audit import service as audit
from app.audit.export import export_log
from app.auth.models import Role, User
from app.auth.passwords import hash_password
from app.auth.service import actor_for
from app.clock import utcnow
from app.orgs.models import OrgUnit
from app.orgs.service import build_org, get_by_code

HOSTILE = ["=1+1", '=HYPERLINK("http://x","y")', "@SUM(A1)", "+1", "-1"]
HOME_ZONE = "Asia/Shanghai"
OTHER_ZONE = "Asia/Urumqi"  # SH's clock in these tests: six hours ahead of UTC, two behind BJ
MANY = 100_000
_hash: list[str] = []
_serial = itertools.count(1)


@dataclass
class ExportCase:
    export: Callable  # (session, path, progress=None, cancelled=None) -> rows written
    listed: Callable  # (session) -> rows the page lists for the same filter
    moments: Callable | None = None  # (session) -> [(column, wall time)] per exported row, in order
    extra: dict = field(default_factory=dict)


def zone_of(code: str) -> ZoneInfo:
    return ZoneInfo(OTHER_ZONE if code.startswith("SH") else HOME_ZONE)


def wall(moment: datetime, code: str) -> datetime:
    return moment.astimezone(zone_of(code)).replace(tzinfo=None, microsecond=0)


def move_sh_to_other_zone(ctx) -> None:
    with ctx.transaction() as session:
        sh = get_by_code(session, "SH")
        settings = dict(sh.settings or {})
        settings["calendar"] = {**settings.get("calendar", {}), "timezone": OTHER_ZONE}
        sh.settings = settings


def people(ctx, org_code: str, role: str, names) -> list:
    """Users of ``org_code`` holding ``role``, displayed as ``names``; signed-in actors."""
    if not _hash:
        _hash.append(hash_password("user-password-1"))
    with ctx.transaction() as session:
        org = get_by_code(session, org_code)
        users = [User(org_id=org.id, username=f"{role}{next(_serial)}", display_name=name, password_hash=_hash[0],
                      roles=[session.get(Role, role)]) for name in names]
        session.add_all(users)
        session.flush()
        return [actor_for(session, user) for user in users]


def org_codes(session) -> dict:
    return dict(session.execute(select(OrgUnit.id, OrgUnit.code)).all())


# ---------------------------------------------------------------- tickets, customers, audit log


def _customers_and_tickets(ctx, admin):
    from plugins.customers import service as customers
    from plugins.tickets import service as tickets

    move_sh_to_other_zone(ctx)
    (sh_hotline,) = people(ctx, "SH", "hotline", ["=SH hotline"])
    with ctx.transaction() as session:
        for n, name in enumerate(HOSTILE * 2):
            actor = (admin, sh_hotline)[n % 2]
            customer = customers.create_customer(session, actor, name=f"{name}" if n < 5 else f"{name} 二",
                                                 region=HOSTILE[-1 - n % 5])
            customers.add_contact(session, actor, customer.id, name=HOSTILE[n % 5], phone=HOSTILE[(n + 1) % 5])
            tickets.create_ticket(session, actor, customer_id=customer.id, symptom=name, priority=1 + n % 4,
                                  now=utcnow() - timedelta(hours=n, minutes=7))


def build_tickets(ctx, admin) -> ExportCase:
    from plugins.tickets import service as tickets

    _customers_and_tickets(ctx, admin)
    chosen = tickets.TicketFilter()

    def moments(session):
        codes = org_codes(session)
        return [[(8, wall(r.opened_at, codes[r.org_id])), (11, zone_of(codes[r.org_id]).key)]
                for r in tickets.list_stream(session, admin, chosen)]

    return ExportCase(lambda session, path, **kw: tickets.export_list(session, admin, chosen, path, **kw),
                      lambda session: tickets.list_count(session, admin, chosen), moments)


def build_customers(ctx, admin) -> ExportCase:
    from plugins.customers import service as customers

    _customers_and_tickets(ctx, admin)
    return ExportCase(lambda session, path, **kw: customers.export_customers(session, admin, path, **kw),
                      lambda session: len(customers.list_customers(session, admin).rows))


def build_audit_log(ctx, admin) -> ExportCase:
    _customers_and_tickets(ctx, admin)

    def moments(session):
        codes = org_codes(session)
        return [[(0, wall(e.at, codes.get(e.org_id, "HQ"))), (7, zone_of(codes.get(e.org_id, "HQ")).key)]
                for e in audit.query(session, admin, limit=MANY)]

    return ExportCase(lambda session, path, **kw: export_log(session, admin, path, **kw),
                      lambda session: len(audit.query(session, admin, limit=MANY)), moments)


# ---------------------------------------------------------------- spare parts


def _stocked_depot(ctx, admin):
    from plugins.inventory import service as inventory
    from plugins.inventory.models import Part

    move_sh_to_other_zone(ctx)
    with ctx.transaction() as session:
        for n, name in enumerate(HOSTILE):
            session.add(Part(part_number=name, name_zh=name, name_en=HOSTILE[-1 - n], product_lines=name,
                             replaceable_by="FRU", unit_cost=Decimal("1234.50") + n))
        depot = inventory.create_depot(session, admin, org_code="SH", code="SH-D9", name=HOSTILE[0], kind="branch")
        for n, name in enumerate(HOSTILE):
            inventory.receive(session, admin, depot.id, name, n + 1, reason=HOSTILE[-1 - n])
        return depot.id


def build_ledger(ctx, admin) -> ExportCase:
    from plugins.inventory import service as inventory

    depot_id = _stocked_depot(ctx, admin)

    def moments(session):
        return [[(0, wall(at, "SH"))] for _id, at, *_ in inventory.movements_page(session, admin, depot_id, 0, MANY)]

    return ExportCase(lambda session, path, **kw: inventory.export_ledger(session, admin, path, depot_id=depot_id,
                                                                          **kw),
                      lambda session: len(inventory.movements_page(session, admin, depot_id, 0, MANY)), moments,
                      {"depot_id": depot_id})


def build_balances(ctx, admin) -> ExportCase:
    from plugins.inventory import service as inventory

    depot_id = _stocked_depot(ctx, admin)
    return ExportCase(lambda session, path, **kw: inventory.export_balances(session, admin, path, depot_id=depot_id,
                                                                            **kw),
                      lambda session: len(inventory.depot_balances(session, admin, depot_id)),
                      extra={"depot_id": depot_id})


def build_catalog(ctx, admin) -> ExportCase:
    from plugins.inventory import service as inventory

    _stocked_depot(ctx, admin)
    return ExportCase(lambda session, path, **kw: inventory.export_catalog(session, admin, path, **kw),
                      lambda session: len(inventory.list_parts(session, admin, limit=MANY)))


def build_count_sheet(ctx, admin) -> ExportCase:
    from plugins.inventory import service as inventory

    depot_id = _stocked_depot(ctx, admin)
    return ExportCase(lambda session, path, **kw: inventory.export_count_sheet(session, admin, depot_id, path, **kw),
                      lambda session: len(inventory.depot_balances(session, admin, depot_id)),
                      extra={"depot_id": depot_id})


# ---------------------------------------------------------------- certification


def build_certificates(ctx, admin) -> ExportCase:
    """Certificates as rows (issuing one needs a signing chain, which is not what is tested here)."""
    from plugins.certification import service as certification
    from plugins.certification.models import Certificate, CertificateType

    holders = people(ctx, "BJ", "field_engineer", HOSTILE)
    today = date.today()
    with ctx.transaction() as session:
        kind = CertificateType(code="SRV-X", name=HOSTILE[1], product_lines=[HOSTILE[2]], level="basic",
                               validity_months=24, required_courses=["SRV-101"])
        session.add(kind)
        session.flush()
        for n, holder in enumerate(holders):
            session.add(Certificate(org_id=holder.org_id, number=f"CERT-BJ-2026-{n:06d}", type_id=kind.id,
                                    holder_id=holder.user_id, holder_name=holder.display_name,
                                    product_lines=[HOSTILE[n]], level="basic", issued_on=today - timedelta(days=n),
                                    valid_from=today - timedelta(days=n), expires_on=today + timedelta(days=30 * n),
                                    status="valid"))
    return ExportCase(lambda session, path, **kw: certification.export_certificates(session, admin, path, **kw),
                      lambda session: len(certification.page_rows(session, admin, 0, MANY)))


def build_authorisations(ctx, admin) -> ExportCase:
    from plugins.certification import service as certification

    with ctx.transaction() as session:
        bj = get_by_code(session, "BJ")
        for n, name in enumerate(HOSTILE):
            session.add(build_org(f"BJ-X{n}", name, "partner", bj))
    today = date.today()
    with ctx.transaction() as session:
        for n in range(len(HOSTILE)):
            certification.grant(session, admin, partner_code=f"BJ-X{n}", product_lines=[HOSTILE[n]],
                                service_types=[HOSTILE[-1 - n]], valid_from=today - timedelta(days=n),
                                valid_until=today + timedelta(days=100 + n), min_engineers=1)
    return ExportCase(lambda session, path, **kw: certification.export_authorisations(session, admin, path, **kw),
                      lambda session: len(certification.list_authorisations(session, admin, limit=MANY)))


# ---------------------------------------------------------------- training


def _sessions(ctx, admin) -> list:
    from plugins.training import service as training

    trainers = people(ctx, "HQ", "trainer", HOSTILE)
    ids = []
    with ctx.transaction() as session:
        for n, name in enumerate(HOSTILE):
            course = training.save_course(session, admin, training.CourseInput(f"SRV-X{n}", name, HOSTILE[-1 - n]))
            starts = date.today() + timedelta(days=n - 2)
            ids.append(training.create_session(session, admin, training.SessionInput(
                course.id, starts, starts + timedelta(days=1), trainers[n].user_id, 20, location=name)).id)
    return ids


def build_sessions(ctx, admin) -> ExportCase:
    from plugins.training import service as training

    _sessions(ctx, admin)
    return ExportCase(lambda session, path, **kw: training.export_sessions(session, admin, path, **kw),
                      lambda session: len(training.session_rows(session, admin, 0, MANY)))


def build_enrolments(ctx, admin) -> ExportCase:
    from plugins.training import service as training

    move_sh_to_other_zone(ctx)
    sessions = _sessions(ctx, admin)
    engineers = people(ctx, "BJ", "field_engineer", HOSTILE) + people(ctx, "SH", "field_engineer", HOSTILE)
    with ctx.transaction() as session:
        for n, engineer in enumerate(engineers):
            training.enrol(session, admin, sessions[n % 3], engineer.user_id)

    def listed(session):
        return sum(len(training.session_enrolments(session, admin, row.id))
                   for row in training.session_rows(session, admin, 0, MANY))

    def moments(session):
        codes = org_codes(session)
        return [[(7, wall(e.queued_at, codes[e.org_id])), (11, zone_of(codes[e.org_id]).key)]
                for row in training.session_rows(session, admin, 0, MANY)
                for e in _enrolments_in_order(session, training, admin, row.id)]

    return ExportCase(lambda session, path, **kw: training.export_enrolments(session, admin, path, **kw), listed,
                      moments)


def _enrolments_in_order(session, training, admin, session_id):
    """The seat list's rows, as the page lists them, with each engineer's unit."""
    from plugins.training.models import Enrolment

    return [session.get(Enrolment, row.id) for row in training.session_enrolments(session, admin, session_id)]


BUILDERS = {
    "tickets": build_tickets, "customers": build_customers, "audit log": build_audit_log,
    "ledger": build_ledger, "balances": build_balances, "parts catalog": build_catalog,
    "count sheet": build_count_sheet, "certificates": build_certificates,
    "authorisations": build_authorisations, "sessions": build_sessions, "enrolments": build_enrolments,
}
