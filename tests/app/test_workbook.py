"""The one Excel writer: user text never becomes a formula, moments are real date-time cells in
the unit's wall time, a sheet too long continues with its header, and a failed or cancelled
write leaves no file."""

from __future__ import annotations

import os
from datetime import date, datetime, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from app.errors import UserError
from app.reports.workbook import PERCENT, Column, ExportCancelled, Sheet, write_workbook

HOSTILE = ["=1+1", '=HYPERLINK("http://x","y")', "@SUM(A1)", "+1", "-1", "\t=2+2", "\r=3", "#N/A"]


def cells(path, title=None):
    book = load_workbook(path)
    sheet = book[title] if title else book.worksheets[0]
    return [[(cell.value, cell.data_type) for cell in row] for row in sheet.iter_rows()]


def test_hostile_text_comes_back_as_text_cells(tmp_path):
    out = tmp_path / "hostile.xlsx"
    rows = [[name, f"{name} 客户"] for name in HOSTILE]
    assert write_workbook(out, [Sheet("名单", ["=Name", "Customer"], rows)]) == len(HOSTILE)
    read = cells(out)
    assert read[0] == [("=Name", "s"), ("Customer", "s")]
    for (name, _), (value, data_type) in zip(rows, (row[0] for row in read[1:])):
        assert (value, data_type) == (name, "s")
    book = load_workbook(out)
    assert all(book.active.cell(row=r, column=1).quotePrefix for r in range(2, len(HOSTILE) + 2))
    formulas = load_workbook(out, data_only=False).active
    assert not any(cell.data_type == "f" for row in formulas.iter_rows() for cell in row)


def test_moments_are_date_time_cells_in_the_given_zone(tmp_path):
    out = tmp_path / "times.xlsx"
    moment = datetime(2026, 7, 1, 1, 30, tzinfo=timezone.utc)  # 09:30 in Beijing
    rows = [[moment, date(2026, 7, 1), Decimal("2.5"), 0.8125, None, True]]
    write_workbook(out, [Sheet("Times", ["At", "Day", "Amount", Column("Rate", PERCENT), "None", "Flag"], rows,
                               zone=ZoneInfo("Asia/Shanghai"))])
    sheet = load_workbook(out).active
    at, day, amount, rate = (sheet.cell(row=2, column=c) for c in (1, 2, 3, 4))
    assert at.is_date and at.value == datetime(2026, 7, 1, 9, 30)
    assert day.is_date and day.value.date() == date(2026, 7, 1)
    assert amount.value == 2.5 and rate.value == 0.8125 and rate.number_format == PERCENT
    assert sheet.cell(row=2, column=5).value is None and sheet.cell(row=2, column=6).value is True
    assert sheet.freeze_panes == "A2" and sheet.cell(row=1, column=1).font.bold


def test_characters_a_sheet_cannot_hold_are_dropped(tmp_path):
    out = tmp_path / "control.xlsx"
    write_workbook(out, [Sheet("S", ["Name"], [["北京\x00\x07分公司"], ["=\x01x"]])])
    assert [v for v, _ in (row[0] for row in cells(out)[1:])] == ["北京分公司", "=x"]


def test_rows_past_a_sheets_limit_continue_with_the_header_repeated(tmp_path):
    out = tmp_path / "long.xlsx"
    progress = []
    rows = ([i, f"n{i}"] for i in range(7))
    written = write_workbook(out, [Sheet("Data", ["No", "Name"], rows, expected_rows=7)], max_rows=3,
                             progress=lambda stage, fraction: progress.append(fraction))
    assert written == 7
    book = load_workbook(out)
    assert book.sheetnames == ["Data", "Data (2)", "Data (3)"]
    assert [[c.value for c in r] for r in book["Data (2)"].iter_rows()] == [["No", "Name"], [3, "n3"], [4, "n4"],
                                                                           [5, "n5"]]
    assert [[c.value for c in r] for r in book["Data (3)"].iter_rows()] == [["No", "Name"], [6, "n6"]]
    assert progress[-1] == 1.0


def test_sheet_titles_are_made_valid_and_unique(tmp_path):
    out = tmp_path / "titles.xlsx"
    write_workbook(out, [Sheet("a/b:c", ["x"], [[1]]), Sheet("a b c", ["x"], [[2]]), Sheet("Y" * 40, ["x"], [])])
    assert load_workbook(out).sheetnames == ["a b c", "a b c (2)", "Y" * 31]


def test_cancelling_leaves_no_file(tmp_path):
    out = tmp_path / "cancelled.xlsx"
    out.write_bytes(b"the previous export")
    calls = {"n": 0}

    def cancelled():
        calls["n"] += 1
        return calls["n"] > 1  # the second check, after the first thousand rows

    with pytest.raises(ExportCancelled):
        write_workbook(out, [Sheet("S", ["n"], ([i] for i in range(5000)))], cancelled=cancelled)
    assert out.read_bytes() == b"the previous export"  # the old file untouched, nothing beside it
    assert sorted(os.listdir(tmp_path)) == ["cancelled.xlsx"]


def test_a_failure_while_writing_leaves_no_file(tmp_path):
    out = tmp_path / "broken.xlsx"

    def rows():
        yield ["fine"]
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        write_workbook(out, [Sheet("S", ["n"], rows())])
    assert os.listdir(tmp_path) == []


def test_an_unwritable_path_is_a_clear_error_and_no_file(tmp_path):
    missing = tmp_path / "no such folder" / "out.xlsx"
    with pytest.raises(UserError, match="Cannot write .*out.xlsx"):
        write_workbook(missing, [Sheet("S", ["n"], [[1]])])
    with pytest.raises(UserError, match="it is a folder"):
        write_workbook(tmp_path, [Sheet("S", ["n"], [[1]])])
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        with pytest.raises(UserError, match="Cannot write"):
            write_workbook(locked / "out.xlsx", [Sheet("S", ["n"], [[1]])])
    assert sorted(p.name for p in tmp_path.rglob("*")) == ([] if os.geteuid() == 0 else ["locked"])
