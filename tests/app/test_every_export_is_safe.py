"""Every list the product exports goes out through the one writer: user text that reads like a
formula comes back as that text, the workbook holds the rows the page lists for the same filter,
times are the wall time of each row's unit, and a cancel or a path that cannot be written leaves
no file. On SQLite and on PostgreSQL, each exporter with its own rows (tests/support/export_world.py)."""

from __future__ import annotations

from datetime import date, datetime
from functools import partial

import pytest
from openpyxl import load_workbook

from app.errors import UserError
from app.reports import workbook
from app.reports.workbook import ExportCancelled
from export_world import BUILDERS, HOSTILE, build_count_sheet, build_tickets

FORMULA_STARTS = ("=", "+", "-", "@")


def read_cells(path) -> list:
    """Every data cell of every sheet (the header rows left out)."""
    book = load_workbook(path)
    return [cell for sheet in book.worksheets for row in sheet.iter_rows(min_row=2) for cell in row]


def data_rows(path) -> list[list]:
    book = load_workbook(path)
    return [[cell for cell in row] for sheet in book.worksheets for row in sheet.iter_rows(min_row=2)]


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_every_exporter_writes_user_text_as_text_and_the_pages_rows(ctx, admin, tmp_path, name):
    case = BUILDERS[name](ctx, admin)
    path = tmp_path / "list.xlsx"
    with ctx.reading() as session:
        written = case.export(session, path)
        listed = case.listed(session)
    cells = read_cells(path)
    assert written == listed == len(data_rows(path)) > 0, name
    assert not [c for c in cells if c.data_type == "f"], name
    texts = [c for c in cells if isinstance(c.value, str)]
    for hostile in HOSTILE:
        found = [c for c in texts if c.value == hostile]
        assert found, (name, hostile)
        assert all(c.data_type == "s" and c.quotePrefix for c in found), (name, hostile)
    assert all(c.data_type == "s" for c in texts if c.value.startswith(FORMULA_STARTS)), name
    assert load_workbook(path).worksheets[0].freeze_panes == "A2"


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_a_cancel_or_a_path_that_cannot_be_written_leaves_no_file(ctx, admin, tmp_path, name):
    case = BUILDERS[name](ctx, admin)
    folder = tmp_path / "out"
    folder.mkdir()
    with ctx.reading() as session:
        with pytest.raises(ExportCancelled):
            case.export(session, folder / "cancelled.xlsx", cancelled=lambda: True)
        missing = tmp_path / "no such folder" / "list.xlsx"
        with pytest.raises(UserError, match="Cannot write") as refused:
            case.export(session, missing)
    assert str(missing) in str(refused.value)
    assert not list(folder.iterdir()) and not missing.parent.exists()


@pytest.mark.parametrize("name", ["tickets", "ledger", "enrolments", "audit log"])
def test_times_are_date_time_cells_in_each_rows_unit(ctx, admin, tmp_path, name, utc_workstation):
    case = BUILDERS[name](ctx, admin)
    path = tmp_path / "times.xlsx"
    with ctx.reading() as session:
        case.export(session, path)
        expected = case.moments(session)
    rows = data_rows(path)
    assert len(rows) == len(expected) > 0
    zones = set()
    for row, wanted in zip(rows, expected):
        for column, value in wanted:
            if isinstance(value, datetime):
                assert row[column].is_date and row[column].value == value, (name, column)
            else:
                assert row[column].value == value
                zones.add(value)
    if name != "ledger":  # the ledger is one depot's, of one unit; the others mix BJ's, HQ's and SH's rows
        assert zones == {"Asia/Shanghai", "Asia/Urumqi"}, name


@pytest.mark.parametrize("name", ["certificates", "authorisations", "sessions"])
def test_days_are_date_cells(ctx, admin, tmp_path, name):
    case = BUILDERS[name](ctx, admin)
    path = tmp_path / "days.xlsx"
    with ctx.reading() as session:
        case.export(session, path)
    dated = [c for row in data_rows(path) for c in row if c.is_date]
    assert dated and all(c.number_format == workbook.DATE_FORMAT for c in dated)
    assert all(isinstance(c.value, (datetime, date)) for c in dated)


def test_money_has_a_number_format(ctx, admin, tmp_path):
    case = BUILDERS["balances"](ctx, admin)
    path = tmp_path / "balances.xlsx"
    with ctx.reading() as session:
        case.export(session, path)
    sheet = load_workbook(path).worksheets[0]
    values = [(row[9], row[10]) for row in sheet.iter_rows(min_row=2)]
    assert all(c.number_format == workbook.MONEY and isinstance(c.value, (int, float)) for pair in values for c in pair)
    assert all(value.value == pytest.approx(cost.value * on_hand.value)
               for cost, value, on_hand in ((r[9], r[10], r[2]) for r in sheet.iter_rows(min_row=2)))
    assert sheet.column_dimensions["B"].width >= 30  # a part's name fits


def test_a_count_sheet_with_formula_like_parts_comes_back_to_its_depot(ctx, admin, tmp_path):
    from plugins.inventory import service as inventory

    case = build_count_sheet(ctx, admin)
    path = tmp_path / "count.xlsx"
    with ctx.reading() as session:
        case.export(session, path)
        assert inventory.preview_stocktake(session, admin, case.extra["depot_id"], path) == []


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_past_a_sheets_rows_the_tickets_continue_on_a_new_sheet(ctx, admin, tmp_path, monkeypatch):
    from plugins.tickets.read import export

    case = build_tickets(ctx, admin)
    monkeypatch.setattr(export, "write_workbook", partial(workbook.write_workbook, max_rows=4))
    path = tmp_path / "long.xlsx"
    with ctx.reading() as session:
        written = case.export(session, path)
    book = load_workbook(path)
    assert written == 10 and [len(list(s.iter_rows(min_row=2))) for s in book.worksheets] == [4, 4, 2]
    headers = [[c.value for c in next(s.iter_rows(max_row=1))] for s in book.worksheets]
    assert headers[0] == headers[1] == headers[2] and headers[0][0] == "Number"
    assert book.sheetnames == ["Tickets", "Tickets (2)", "Tickets (3)"]
