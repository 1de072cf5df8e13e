"""The write-only export, with a real .xlsx file written and read back. (The import of customers
and their machines is the customer registry's: tests/plugins/customers/test_excel_import.py.)"""

from __future__ import annotations

from datetime import datetime, timezone

from openpyxl import load_workbook

from plugins.tickets import service


def test_export_writes_a_workbook_that_reads_back(tmp_path):
    opened = datetime(2026, 11, 2, 2, 0, tzinfo=timezone.utc)
    rows = ([f"BJ-202611-{n:06d}", "北京市第一人民医院", n % 4 + 1, opened] for n in range(1, 2501))
    path = service.export_rows(tmp_path / "view.xlsx", ["单号", "客户", "优先级", "创建时间"], rows, title="问题单")
    book = load_workbook(path, read_only=True)
    values = list(book["问题单"].iter_rows(values_only=True))
    assert values[0] == ("单号", "客户", "优先级", "创建时间")
    assert len(values) == 2501 and values[1] == ("BJ-202611-000001", "北京市第一人民医院", 2, datetime(2026, 11, 2, 10, 0))
