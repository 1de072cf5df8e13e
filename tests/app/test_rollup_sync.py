"""The same figures from a branch's own database and from HQ after it synced: two branches make
their demo data and push it to a PostgreSQL HQ (the commands of docs/sync.md, through
``app.sync.demo_network``); in HQ's rollup workbook every row about a branch or one of its
partners, on every sheet and on the Summary, equals that row in the branch's own workbook."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from app.auth.service import authenticate
from app.clock import utcnow
from app.demo import DEMO_PASSWORD
from app.reports.period import parse_period
from app.reports.rollup import write_rollup
from app.sync.demo_network import build

BRANCHES = ("BJ", "SH")
# Whole-network sheets and lines (totals, trends, the reader's own data) differ by design.
WHOLE = {"Meta"}


@pytest.fixture(scope="module")
def network(request, tmp_path_factory, plugin_host):
    server = request.getfixturevalue("pg_server")
    name = server.create_database()
    built = build(server.url(name), tmp_path_factory.mktemp("rollup-network"), branches=len(BRANCHES), scale=30,
                  seed=11, plugins=plugin_host)
    yield built
    built.close()
    server.drop_database(name)


def rollup(ctx, login: str, period, path):
    with ctx.reading() as session:
        reader = authenticate(session, login, DEMO_PASSWORD)
    write_rollup(ctx.signed_in(reader), period, None, path)
    return load_workbook(path)


def unit_codes(book) -> set[str]:
    return {row[0] for row in list(book["Network"].iter_rows(values_only=True))[1:]}


def rows_about(book, codes: set[str]) -> dict[str, list[tuple]]:
    """Per sheet, the rows naming one of ``codes`` (a unit's own row, its depots, its engineers)."""
    found = {}
    for sheet in book.worksheets:
        if sheet.title not in WHOLE:
            found[sheet.title] = [row for row in sheet.iter_rows(values_only=True) if codes & set(row)]
    return found


@pytest.mark.postgres
def test_hq_reads_each_branch_as_the_branch_reads_itself(network, tmp_path, monkeypatch):
    import plugins.tickets.read.rollup as ticket_figures

    now = utcnow()
    monkeypatch.setattr(ticket_figures, "utcnow", lambda: now)  # one moment decides what is past due for both
    period = parse_period(str(now.astimezone(ZoneInfo("Asia/Shanghai")).year))
    hq = rollup(network.hq, "admin@HQ", period, tmp_path / "hq.xlsx")
    for code in BRANCHES:
        own = rollup(network.branches[code], f"admin@{code}", period, tmp_path / f"{code}.xlsx")
        codes = unit_codes(own)
        assert code in codes and len(codes) > 1, codes  # the branch and its partners
        at_hq, at_branch = rows_about(hq, codes), rows_about(own, codes)
        assert set(at_branch) <= set(at_hq)
        for title, rows in at_branch.items():
            assert at_hq[title] == rows, (code, title)
        figures = at_branch["Tickets by unit"]
        assert sum(row[2] for row in figures) > 0, "the branch made tickets in the period"
        assert [row[0] for row in at_branch["Branches"]] == [code]  # the branch with its partners
