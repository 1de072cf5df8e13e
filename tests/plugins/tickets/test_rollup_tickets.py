"""The tickets' part of the rollup workbook, read back from the .xlsx file: every figure of the
tickets' sheets and of the Summary (each unit, each tier's subtotal, the network total) equals
plain SQL written here over the test rows, with cases on both sides of every rule (inside and
outside the period on the unit's own clock, met and missed, waiting, cancelled, deleted, targets
not set). An empty period gives zeros and empty shares; the file carries its formats, frozen
headers, marks and charts, and LibreOffice opens it."""

from __future__ import annotations

import itertools
import math
import shutil
import subprocess
from collections import Counter
from datetime import timedelta

import pytest

from app.cli import system_actor_for
from app.clock import utcnow
from app.db.types import UTCDateTime
from app.reports.period import Period, parse_period
from app.reports.rollup import write_rollup
from plugins.customers import service as customers
from plugins.tickets.models import Escalation, Ticket
from rollup_rows import (CODES, ORG, SHANGHAI, bounds, keep_zones, sheet, sql, summary, tier_groups, workbook)

M, H, D = timedelta(minutes=1), timedelta(hours=1), timedelta(days=1)
TARGETS = {"response": ("response_due_at", "responded_at", "response_minutes"),
           "onsite": ("onsite_due_at", "arrived_at", "onsite_minutes"),
           "resolution": ("resolution_due_at", "resolved_at", "resolution_minutes")}
STEPS = {"respond": "responded_at", "arrive": "arrived_at", "resolve": "resolved_at"}
SHARE_TITLES = {"response": "First response in time", "onsite": "On-site arrival in time",
                "resolution": "Resolution in time"}
MEAN_TITLES = {"respond": "Mean hours to first response", "arrive": "Mean hours to arrival on site",
               "resolve": "Mean hours to resolution"}
ESCALATION_TITLES = {"branch": "Escalated to the branch", "hq": "Escalated to HQ", "expert": "Expert consultations"}
LIVE = ("deleted_at IS NULL AND state <> 'cancelled' AND NOT (state = 'archived' AND closed_at IS NULL)")


def past_quarter() -> Period:
    return Period.quarter_of(utcnow().astimezone(SHANGHAI).date()).previous_quarter()


_numbers = itertools.count(1)


class Cases:
    """Ticket rows written straight into the database, on a 7×24 clock (due = opening + target)."""

    def __init__(self, ctx, make_actor):
        self.ctx = ctx
        keep_zones(ctx)
        self.engineers = {code: make_actor(ctx, f"eng@{code}", roles=["field_engineer"]).user_id
                          for code in ("BJ", "SH", "BJ-P01")}
        with ctx.transaction() as session:
            clerk = system_actor_for(ctx, session)
            self.customers = {code: customers.create_customer(session, clerk, name=f"{code} 客户", org_id=ORG[code]).id
                              for code in ("BJ", "SH", "BJ-P01")}

    def add(self, session, code, opened, *, category="fault", channel="hotline", state="closed", engineer=False,
            responded=None, arrived=None, resolved=None, closed=None, minutes=(60, 240, 1440), paused=None,
            deleted=False) -> Ticket:
        response, onsite, resolution = minutes
        ticket = Ticket(org_id=ORG[code], number=f"R-{code}-{next(_numbers):05d}", channel=channel,
                        customer_id=self.customers[code], symptom="宕机", category=category, priority=2, state=state,
                        is_open=state not in ("closed", "archived", "cancelled"),
                        engineer_id=self.engineers[code] if engineer else None, opened_at=opened,
                        responded_at=responded, arrived_at=arrived, resolved_at=resolved, closed_at=closed,
                        clock="24x7", response_minutes=response, onsite_minutes=onsite,
                        resolution_minutes=resolution, response_due_at=opened + response * M,
                        onsite_due_at=opened + onsite * M, resolution_due_at=opened + resolution * M,
                        paused_since=paused, paused_seconds=0, sla_marks="", breached=False,
                        deleted_at=opened + D if deleted else None)
        session.add(ticket)
        session.flush()
        return ticket

    def seed(self, period: Period) -> None:
        """Every case for BJ, some for SH and the partner, none for HQ; escalations from BJ and the partner."""
        with self.ctx.transaction() as session:
            for code, chosen in (("BJ", None), ("SH", {1, 2, 3, 5, 6}), ("BJ-P01", {1, 4, 9, 11})):
                S, E = bounds(code, period)
                made = {n: case(S, E) for n, case in self.cases(session, code).items()
                        if chosen is None or n in chosen}
                if code == "BJ":
                    self.escalate(session, made[1], "BJ", "HQ", "tier", S + D + H)
                    self.escalate(session, made[1], "BJ", "HQ", "expert", S + D + 2 * H)
                    self.escalate(session, made[5], "BJ", "HQ", "tier", S - 10 * M)  # before the period
                if code == "BJ-P01":
                    self.escalate(session, made[1], "BJ-P01", "BJ", "tier", S + D + H)
                    self.escalate(session, made[4], "BJ-P01", "BJ", "tier", S + 4 * D + H)

    def cases(self, session, code):
        add = self.add
        return {
            # in time to respond and resolve, late on site
            1: lambda S, E: add(session, code, S + D, engineer=True, responded=S + D + 30 * M, arrived=S + D + 5 * H,
                                resolved=S + D + 20 * H, closed=S + 2 * D),
            # solved remotely, the response late: no visit owed
            2: lambda S, E: add(session, code, S + 2 * D, category="consultation", channel="phone",
                                responded=S + 2 * D + 2 * H, resolved=S + 2 * D + 3 * H, closed=S + 2 * D + 4 * H),
            # nobody took it: the response and the resolution missed (their due times passed)
            3: lambda S, E: add(session, code, S + 3 * D, state="new"),
            # waiting for the customer: its arrival and resolution are not decided yet
            4: lambda S, E: add(session, code, S + 4 * D, state="waiting_for_customer", engineer=True,
                                responded=S + 4 * D + 10 * M, paused=S + 4 * D + 30 * M, category="maintenance",
                                channel="email"),
            # opened the day before the period on the unit's clock; closed and resolved in it
            5: lambda S, E: add(session, code, S - H, responded=S - 30 * M, resolved=S + 30 * M, closed=S + H),
            # opened in its last hour; the response falls due exactly as it ends (outside), closed after
            6: lambda S, E: add(session, code, E - H, responded=E + 10 * M, resolved=E + H, closed=E + 2 * H,
                                channel="fax"),
            # cancelled: opened, nothing else counts
            7: lambda S, E: add(session, code, S + 5 * D, state="cancelled", responded=S + 5 * D + 10 * M),
            # deleted: counts nowhere
            8: lambda S, E: add(session, code, S + 6 * D, deleted=True, responded=S + 6 * D + 10 * M,
                                closed=S + 6 * D + H),
            # no response target in its package; on site and resolved in time
            9: lambda S, E: add(session, code, S + 7 * D, minutes=(0, 240, 1440), engineer=True,
                                responded=S + 7 * D + 3 * H, arrived=S + 7 * D + H, resolved=S + 7 * D + 2 * H,
                                closed=S + 7 * D + 3 * H, category="quality_complaint", channel="remote"),
            # archived without a close (as a cancelled case is): counts only as opened
            10: lambda S, E: add(session, code, S + 8 * D, state="archived", responded=S + 8 * D + 5 * M),
            # on site in time, still open past its resolution due
            11: lambda S, E: add(session, code, S + 9 * D, state="on_site", engineer=True,
                                 responded=S + 9 * D + 20 * M, arrived=S + 9 * D + 3 * H, channel="on_site"),
        }

    @staticmethod
    def escalate(session, ticket, source, target, kind, at):
        session.add(Escalation(org_id=ORG[source], ticket_id=ticket.id, from_org_id=ORG[source],
                               to_org_id=ORG[target], kind=kind, reason="需要支持", at=at))


def expected(ctx, code: str, period: Period) -> dict:
    """The unit's own figures by plain SQL: counts, and the halves of every share and mean."""
    start, end = bounds(code, period)
    org, now = ORG[code], utcnow()

    def count(where: str) -> int:
        return sql(ctx, f"SELECT count(*) FROM tickets_tickets WHERE org_id = :org AND {where}",
                   org=org, s=start, e=end, now=now)[0][0]

    figures = {"opened": count("deleted_at IS NULL AND opened_at >= :s AND opened_at < :e"),
               "closed": count(f"{LIVE} AND closed_at >= :s AND closed_at < :e")}
    for name in ("category", "channel"):
        figures[name] = Counter(dict(sql(
            ctx, f"SELECT {name}, count(*) FROM tickets_tickets WHERE org_id = :org AND deleted_at IS NULL "
                 f"AND opened_at >= :s AND opened_at < :e GROUP BY {name}", org=org, s=start, e=end)))
    for target, (due, met_at, minutes) in TARGETS.items():
        owed = (f"{LIVE} AND {minutes} > 0 AND {due} >= :s AND {due} < :e "
                f"AND ({met_at} IS NOT NULL OR ({due} < :now AND paused_since IS NULL))")
        if target == "onsite":
            owed += " AND engineer_id IS NOT NULL"
        figures[f"due.{target}"] = count(owed)
        figures[f"met.{target}"] = count(f"{owed} AND {met_at} IS NOT NULL AND {met_at} <= {due}")
    for step, moment in STEPS.items():
        spans = sql(ctx, f"SELECT opened_at, {moment} FROM tickets_tickets WHERE org_id = :org AND {LIVE} "
                         f"AND {moment} >= :s AND {moment} < :e", columns={"opened_at": UTCDateTime(),
                                                                            moment: UTCDateTime()},
                    org=org, s=start, e=end)
        figures[f"hours.{step}"] = sum(math.floor(b.timestamp()) - math.floor(a.timestamp()) for a, b in spans) / 3600
        figures[f"cases.{step}"] = len(spans)
    escalations = dict(((kind, tier), n) for kind, tier, n in sql(
        ctx, "SELECT e.kind, o.tier, count(*) FROM tickets_escalations e JOIN core_org_units o ON o.id = e.to_org_id "
             "WHERE e.from_org_id = :org AND e.at >= :s AND e.at < :e GROUP BY e.kind, o.tier", org=org, s=start,
        e=end))
    figures["esc.branch"] = escalations.get(("tier", "branch"), 0)
    figures["esc.hq"] = escalations.get(("tier", "hq"), 0)
    figures["esc.expert"] = sum(n for (kind, _), n in escalations.items() if kind == "expert")
    return figures


def added(parts: list[dict]) -> dict:
    total = Counter()
    for part in parts:
        total.update({k: v for k, v in part.items() if not isinstance(v, Counter)})
    return total


def share(met, due):
    return met / due if due else None


@pytest.fixture
def cases(ctx, make_actor):
    return Cases(ctx, make_actor)


def test_every_ticket_figure_of_the_workbook_is_the_sql_count(cases, ctx, admin, tmp_path):
    period = past_quarter()
    cases.seed(period)
    write_rollup(ctx.signed_in(admin), period, None, tmp_path / "rollup.xlsx")
    book = workbook(tmp_path / "rollup.xlsx")
    own = {code: expected(ctx, code, period) for code in CODES}
    assert own["BJ"]["opened"] == 9 and own["BJ"]["closed"] == 4 and own["HQ"]["opened"] == 0  # the cases hold

    units, commitments = sheet(book, "Tickets by unit"), sheet(book, "Commitments by unit")
    categories, channels = sheet(book, "Tickets opened by category"), sheet(book, "Tickets opened by channel")
    assert list(units) == list(commitments) == list(categories) == list(CODES)
    for code, f in own.items():
        row = units[code]
        assert (row["Tickets opened"], row["Tickets closed"]) == (f["opened"], f["closed"]), code
        for step, title in MEAN_TITLES.items():
            assert row[title] == pytest.approx(share(f[f"hours.{step}"], f[f"cases.{step}"]), abs=1e-6), (code, step)
        for key, title in ESCALATION_TITLES.items():
            assert row[title] == f[f"esc.{key}"], (code, key)
        line = commitments[code]
        for target, title in SHARE_TITLES.items():
            due, met = f[f"due.{target}"], f[f"met.{target}"]
            plural = {"response": "First responses", "onsite": "On-site arrivals", "resolution": "Resolutions"}[target]
            assert (line[f"{plural} due"], line[f"{plural} met"]) == (due, met), (code, target)
            assert line[title] == pytest.approx(share(met, due)), (code, target)
        assert {k: v for k, v in categories[code].items() if k not in ("Org code", "Org unit", "Total")} == {
            "Fault": f["category"]["fault"], "Consultation": f["category"]["consultation"],
            "Maintenance request": f["category"]["maintenance"],
            "Quality complaint": f["category"]["quality_complaint"]}
        assert categories[code]["Total"] == channels[code]["Total"] == f["opened"]
        assert channels[code]["400/800 hotline"] == f["channel"]["hotline"]
        assert channels[code]["Fax"] == f["channel"]["fax"] and channels[code]["On site"] == f["channel"]["on_site"]

    lines = summary(book)
    for key, codes in {**{code: (code,) for code in CODES}, **tier_groups()}.items():
        f, line = added([own[c] for c in codes]), lines[key]
        assert (line["Tickets opened"], line["Tickets closed"]) == (f["opened"], f["closed"]), key
        for target, title in SHARE_TITLES.items():
            assert line[title] == pytest.approx(share(f[f"met.{target}"], f[f"due.{target}"])), (key, target)
        for step, title in MEAN_TITLES.items():
            assert line[title] == pytest.approx(share(f[f"hours.{step}"], f[f"cases.{step}"]), abs=1e-6), key
        for name, title in ESCALATION_TITLES.items():
            assert line[title] == f[f"esc.{name}"], (key, name)


def test_a_branch_reader_and_a_subtree_see_only_their_units(cases, ctx, admin, make_actor, tmp_path):
    period = past_quarter()
    cases.seed(period)
    manager = make_actor(ctx, "boss@BJ", roles=["branch_manager"])
    write_rollup(ctx.signed_in(manager), period, None, tmp_path / "bj.xlsx")
    write_rollup(ctx.signed_in(admin), period, "BJ", tmp_path / "subtree.xlsx")
    mine, subtree = (sheet(workbook(tmp_path / name), "Tickets by unit") for name in ("bj.xlsx", "subtree.xlsx"))
    assert list(mine) == list(subtree) == ["BJ", "BJ-P01"]
    assert mine == subtree
    assert mine["BJ"]["Tickets opened"] == expected(ctx, "BJ", period)["opened"]
    hotline_elsewhere = make_actor(ctx, "clerk@SH", roles=["sales"])
    from plugins.tickets.reports import rollup_sections

    assert rollup_sections(ctx.signed_in(hotline_elsewhere), period, None) == []  # no tickets.view


def test_an_empty_period_gives_zeros_and_empty_shares(cases, ctx, admin, tmp_path):
    cases.seed(past_quarter())
    empty = parse_period("2001Q1")
    write_rollup(ctx.signed_in(admin), empty, None, tmp_path / "empty.xlsx")
    book = workbook(tmp_path / "empty.xlsx")
    for title in ("Tickets by unit", "Commitments by unit", "Tickets opened by category", "Tickets opened by channel"):
        rows = sheet(book, title)
        assert list(rows) == list(CODES), title
        for row in rows.values():
            numbers = [v for k, v in row.items() if k not in ("Org code", "Org unit")]
            assert all(v == 0 or v is None for v in numbers) and any(v == 0 for v in numbers), (title, row)
    for line in summary(book).values():
        assert line["Tickets opened"] == 0 and line["First response in time"] is None
        assert line["Mean hours to resolution"] is None


def test_the_file_has_formats_frozen_headers_marks_and_charts(cases, ctx, admin, tmp_path):
    period = past_quarter()
    cases.seed(period)
    write_rollup(ctx.signed_in(admin), period, None, tmp_path / "rollup.xlsx")
    book = workbook(tmp_path / "rollup.xlsx")
    commitments = book["Commitments by unit"]
    header = [c.value for c in commitments[1]]
    share_column = header.index("First response in time") + 1
    assert commitments.cell(3, share_column).number_format == "0.0%"
    assert commitments.cell(3, header.index("First responses due") + 1).number_format == "#,##0"
    assert commitments.freeze_panes == "A2" and commitments.auto_filter.ref
    marks = [(cf.sqref, rule) for cf in commitments.conditional_formatting for rule in cf.rules]
    assert len(marks) == 3 and all(r.operator == "lessThan" and float(r.formula[0]) == 0.95 for _, r in marks)
    units = book["Tickets by unit"]
    header = [c.value for c in units[1]]
    assert units.cell(3, header.index("Mean hours to resolution") + 1).number_format == "0.0"
    assert isinstance(units.cell(3, header.index("Tickets opened") + 1).value, int)
    summary_sheet = book["Summary"]
    header = [c.value for c in summary_sheet[1]]
    assert summary_sheet.cell(3, header.index("Resolution in time") + 1).number_format == "0.0%"
    assert summary_sheet.freeze_panes == "A2"
    assert {float(r.formula[0]) for cf in summary_sheet.conditional_formatting for r in cf.rules} >= {0.95}
    charted = {"".join(run.t for line in chart.title.tx.rich.p for run in line.r or ())
               for chart in book["Branches"]._charts}
    assert set(SHARE_TITLES.values()) <= charted


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_libreoffice_opens_the_workbook(cases, ctx, admin, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not on PATH: the workbook was not opened in it")
    period = past_quarter()
    cases.seed(period)
    write_rollup(ctx.signed_in(admin), period, None, tmp_path / "rollup.xlsx")
    result = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
                             "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(tmp_path / "rollup.xlsx")],
                            capture_output=True, text=True, timeout=300)
    pdf = tmp_path / "pdf" / "rollup.pdf"
    assert result.returncode == 0 and pdf.exists() and pdf.stat().st_size > 1000, result.stderr


@pytest.mark.postgres
def test_postgresql_can_read_the_periods_tickets_from_the_moments_index_alone(ctx):
    """The period figures' query states the latest moment exactly as the index does, and the
    index carries every column the query reads: with the whole-table scan ruled out, PostgreSQL
    finds the cases of a period and everything their figures need in the index alone."""
    if ctx.engine.dialect.name != "postgresql":
        pytest.skip("the index exists on PostgreSQL only")
    from sqlalchemy import select, text
    from sqlalchemy.sql.visitors import iterate

    from app.orgs.models import OrgUnit
    from app.reports.unit_windows import unit_windows
    from plugins.tickets.read.rollup import _alive_during, tickets_statement

    with ctx.reading() as session:
        org_ids = list(session.scalars(select(OrgUnit.id)))
        windows = unit_windows(session, org_ids, parse_period("2026Q3"))
        stmt, _ = tickets_statement(windows, org_ids, utcnow())
        read = {element.name for element in iterate(stmt) if getattr(element, "table", None) is Ticket.__table__}
        assert {"org_id", "opened_at", "closed_at", "resolution_due_at", "paused_since"} <= read
        probe = select(*(Ticket.__table__.c[name] for name in sorted(read))).where(_alive_during(windows))
        for setting in ("enable_seqscan", "enable_bitmapscan"):
            session.execute(text(f"SET LOCAL {setting} = off"))
        plan = "\n".join(session.scalars(text("EXPLAIN " + str(probe.compile(
            dialect=session.bind.dialect, compile_kwargs={"literal_binds": True})))))
    assert "Index Only Scan using ix_tickets_tickets_moments" in plan, plan
