"""The one parser of user values and the one safe workbook reader, through real .xlsx files."""

import zipfile
from datetime import date, datetime, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from openpyxl import Workbook
from sqlalchemy import BigInteger, Column, Integer, Numeric, String

from app.errors import ValidationError
from app.excel_import import Problems, WorkbookRejected, WorkbookUnreadable, find_columns, read_workbook
from app.user_values import (CellErrorValue, UnsavedFormula, flag_text, parse_date, parse_datetime, parse_flag,
                             parse_integer, parse_money, parse_quantity, parse_text)

COUNT = Column("count", Integer)
BIG = Column("big", BigInteger)
NAME = Column("name", String(10))
COST = Column("cost", Numeric(6, 2))


def refusal(parse, value, **options) -> str:
    with pytest.raises(ValidationError) as refused:
        parse(value, **options)
    return str(refused.value)


@pytest.mark.parametrize("value, reason", [
    (True, "TRUE is a yes/no value, not a number."),
    (0.5, "“0.5” is not a whole number."),
    ("2.5", "“2.5” is not a whole number."),
    (10**12, "1000000000000 is too large: the most allowed is 2147483647."),
    (1e12, "1000000000000 is too large: the most allowed is 2147483647."),
    (-1, "-1 is too small: the least allowed is 0."),
    ("七", "“七” is not a number."),
    (float("nan"), "“nan” is not a number."),
    ("1,2", "“1,2” is not a number."),
    (UnsavedFormula("=SUM(A1:A3)"), "The cell holds a formula whose value was not saved"),
    (CellErrorValue("#DIV/0!"), "The cell shows the error #DIV/0!"),
])
def test_a_count_refuses_what_is_not_a_whole_number_the_column_holds(value, reason):
    assert reason in refusal(parse_integer, value, column=COUNT, minimum=0)


def test_whole_numbers_read_from_cells_and_typed_text():
    assert [parse_integer(v, column=COUNT) for v in (6, 6.0, " 12 ", "1,280", "-3", None, "")] == [
        6, 6, 12, 1280, -3, None, None]
    assert parse_integer(10**12, column=BIG) == 10**12
    assert "A value is required." in refusal(parse_integer, "", required=True, field="count")
    assert parse_quantity("3") == 3
    with pytest.raises(ValidationError) as refused:
        parse_quantity(0)
    assert refused.value.field == "quantity" and "0 is too small: the least allowed is 1." in str(refused.value)


def test_money_is_exact_and_bounded_by_its_column():
    assert parse_money("1,280.5", column=COST) == Decimal("1280.50")
    assert parse_money(8600.75, column=COST) == Decimal("8600.75")
    assert parse_money("¥ 12", column=COST) == Decimal("12.00")
    assert "more than 2 decimal places" in refusal(parse_money, 10.123, column=COST)
    assert "too large: the most allowed is 9999.99" in refusal(parse_money, 10000, column=COST)
    assert "too small" in refusal(parse_money, -1, column=COST)
    assert "yes/no value" in refusal(parse_money, False, column=COST)


def test_dates_from_date_cells_serial_numbers_and_text():
    assert parse_date(datetime(2026, 3, 1)) == date(2026, 3, 1)
    assert parse_date(46082) == date(2026, 3, 1)  # the Excel serial number of that day
    for text in ("2026-03-01", "2026/3/1", "2026.3.1", "2026年3月1日", " 2026-3-1 "):
        assert parse_date(text) == date(2026, 3, 1), text
    assert "not a real date" in refusal(parse_date, "2026-02-30")
    assert "write it as YYYY-MM-DD" in refusal(parse_date, "next Tuesday")
    assert "is not a date" in refusal(parse_date, 10**9)
    assert "too late" in refusal(parse_date, "2999-01-01", latest=date(2100, 1, 1))


def test_moments_without_a_zone_are_read_in_the_org_units_zone():
    shanghai = ZoneInfo("Asia/Shanghai")
    assert parse_datetime("2026-03-01 09:30", zone=shanghai) == datetime(2026, 3, 1, 1, 30, tzinfo=timezone.utc)
    assert parse_datetime("2026年3月1日 9:30", zone=shanghai) == datetime(2026, 3, 1, 1, 30, tzinfo=timezone.utc)
    assert parse_datetime("2026-03-01T09:30+00:00", zone=shanghai) == datetime(2026, 3, 1, 9, 30,
                                                                                tzinfo=timezone.utc)
    assert "YYYY-MM-DD hh:mm" in refusal(parse_datetime, "9:30", zone=shanghai)


def test_texts_are_stripped_and_no_longer_than_their_column():
    assert parse_text("  主板  ", column=NAME) == "主板"
    assert parse_text(12345.0) == "12345"  # a part number typed as a number
    assert "Too long: at most 10 characters (11 given)." in refusal(parse_text, "x" * 11, column=NAME)
    assert "A value is required." in refusal(parse_text, "  ", column=NAME, required=True)
    assert "NUL" in refusal(parse_text, "a\x00b")
    assert "not a yes/no value" in refusal(parse_text, True)


def test_yes_and_no_in_both_languages_and_as_written_by_exports():
    assert [parse_flag(v) for v in ("是", "yes", "Y", True, 1, "否", "no", None, "", False, 0)] == [
        True, True, True, True, True, False, False, False, False, False, False]
    assert parse_flag(flag_text(True)) is True and parse_flag(flag_text(False)) is False
    assert "Write yes or no." in refusal(parse_flag, "maybe")


# ------------------------------------------------------------------ workbooks


def save(path, rows, title="Counts"):
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def rewrite_member(path, member, change):
    """Write a copy of the .xlsx at ``path`` with one member's XML changed by ``change``."""
    changed = path.with_name("changed-" + path.name)
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(changed, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, change(data.decode()).encode() if item.filename == member else data)
    return changed


def test_rows_keep_their_sheet_row_numbers_and_skip_blank_rows(tmp_path):
    path = save(tmp_path / "a.xlsx", [["Part number", "Counted"], ["A-1", 3], [None, None], ["  ", None], ["B-2", 0]])
    sheet, = read_workbook(path)
    assert sheet.title == "Counts" and sheet.header == ("Part number", "Counted")
    assert sheet.rows == [(2, ("A-1", 3)), (5, ("B-2", 0))]
    assert find_columns(sheet.header, {"part": ("part number", "备件号"), "count": ("counted",),
                                       "name": ("name",)}) == {"part": 0, "count": 1}


def test_a_formula_without_its_saved_value_is_refused_not_skipped(tmp_path):
    # openpyxl writes formulas without results, as does any program that does not calculate.
    path = save(tmp_path / "f.xlsx", [["Part number", "Counted"], ["A-1", "=2+3"]])
    sheet, = read_workbook(path)
    assert isinstance(sheet.rows[0][1][1], UnsavedFormula)
    problems = Problems()
    row, = sheet.rows_with({"part": 0, "count": 1}, problems)
    assert row.parse("count", parse_integer, column=COUNT) is None
    with pytest.raises(WorkbookRejected) as rejected:
        problems.raise_if_any("Nothing was changed.")
    assert str(rejected.value).splitlines() == [
        "Nothing was changed.",
        "Sheet “Counts”, row 2, column B: The cell holds a formula whose value was not saved: open the file in "
        "Excel and save it, then import it again."]


def test_a_formula_with_its_saved_value_reads_as_that_value(tmp_path):
    path = save(tmp_path / "f.xlsx", [["Counted", "Ratio"], ["=2+3", "=1/0"]])
    saved = rewrite_member(path, "xl/worksheets/sheet1.xml", lambda xml: xml
                           .replace("<f>2+3</f><v></v>", "<f>2+3</f><v>5</v>")
                           .replace('<c r="B2"><f>1/0</f><v></v>', '<c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v>'))
    sheet, = read_workbook(saved)
    assert sheet.rows[0][1][0] == 5
    assert isinstance(sheet.rows[0][1][1], CellErrorValue) and sheet.rows[0][1][1] == "#DIV/0!"


LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol;" if i == 1 else f"&lol{i - 1};") * 10}">' for i in range(1, 10))
          + "]>")


def without_declaration(xml: str) -> str:
    return xml.split("?>", 1)[1] if xml.startswith("<?xml") else xml


@pytest.mark.parametrize("member, change", [
    ("xl/worksheets/sheet1.xml",
     lambda xml: LAUGHS + without_declaration(xml).replace("<v>3</v>", "<v>&lol9;</v>")),
    ("xl/worksheets/sheet1.xml", lambda xml: LAUGHS + without_declaration(xml).replace("A-1", "&lol9;")),
    ("xl/worksheets/sheet1.xml", lambda xml: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY secret SYSTEM '
                                             '"file:///etc/passwd">]>' + without_declaration(xml)
     .replace("<v>3</v>", "<v>&secret;</v>")),
], ids=["billion-laughs-in-a-number", "billion-laughs-in-a-text", "external-entity"])
def test_malicious_xml_inside_a_workbook_is_refused_in_one_line(tmp_path, member, change):
    assert openpyxl.DEFUSEDXML, "defusedxml must be installed: openpyxl parses with it only then"
    book = Workbook()
    book.active.append(["Part number", "Counted"])
    book.active.append(["A-1", 3])
    book.save(tmp_path / "plain.xlsx")
    bomb = rewrite_member(tmp_path / "plain.xlsx", member, change)
    with pytest.raises(WorkbookUnreadable) as refused:
        read_workbook(bomb)
    message = str(refused.value)
    assert message == ("Cannot read changed-plain.xlsx as an Excel workbook: it contains XML entity declarations "
                       "or external references, which are refused for safety.")
    assert refused.value.field == "file"


@pytest.mark.parametrize("content, reason", [
    (None, "the file does not exist."),
    (b"", "it is not an .xlsx workbook"),
    (b"Part number,Counted\nA-1,3\n", "it is not an .xlsx workbook"),
])
def test_a_file_that_is_not_a_workbook_gives_one_line_naming_it(tmp_path, content, reason):
    path = tmp_path / "counts.xlsx"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(WorkbookUnreadable) as refused:
        read_workbook(path)
    assert str(refused.value).startswith("Cannot read counts.xlsx as an Excel workbook: " + reason)
    assert "\n" not in str(refused.value)


def test_damaged_xml_names_the_damage_in_one_line(tmp_path):
    path = save(tmp_path / "a.xlsx", [["Part number"], ["A-1"]])
    broken = rewrite_member(path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace("</sheetData>", ""))
    with pytest.raises(WorkbookUnreadable) as refused:
        read_workbook(broken)
    assert str(refused.value).startswith("Cannot read changed-a.xlsx as an Excel workbook: its content is damaged (")
    assert "\n" not in str(refused.value)
