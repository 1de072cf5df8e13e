"""The parts catalog and its Excel import/export. The whole file is checked before anything
is written: one bad row and nothing changes, and the report names sheet, row, column, reason."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth.actor import Actor
from app.errors import UserError
from app.excel_import import CellProblem, WorkbookRejected
from app.i18n import translate
from plugins.inventory import service
from plugins.inventory.models import REPLACEABLE_BY, Part

FIELDS = ("part_number", "name_zh", "name_en", "product_lines", "replaceable_by", "unit_cost", "serialised")
MAX_COST = Decimal("9999999999.99")
YES = {"yes", "y", "true", "1", "是", "√"}
NO = {"no", "n", "false", "0", "否", ""}


def headers() -> list[str]:
    return [translate("Inventory", "Part number"), translate("Inventory", "Name (Chinese)"),
            translate("Inventory", "Name (English)"), translate("Inventory", "Product lines"),
            translate("Inventory", "FRU/CRU"), translate("Inventory", "Unit cost"),
            translate("Inventory", "Serialised")]


# English and Chinese headers are both accepted, whatever the exporting user's language was.
HEADER_ALIASES = {
    "part number": "part_number", "备件号": "part_number", "name (chinese)": "name_zh", "中文名称": "name_zh",
    "name (english)": "name_en", "英文名称": "name_en", "product lines": "product_lines", "产品线": "product_lines",
    "fru/cru": "replaceable_by", "unit cost": "unit_cost", "单价": "unit_cost", "serialised": "serialised",
    "序列号管理": "serialised",
}


Problem = CellProblem


class CatalogImportError(WorkbookRejected):
    """The file has bad rows; ``problems`` lists each one. Nothing was changed."""

    def __init__(self, problems: Sequence[Problem], headline: str | None = None):
        super().__init__(headline or translate("Inventory", "The catalog was not changed: {n} problems.").format(
            n=len(problems)), problems)


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int


def list_parts(session: Session, actor: Actor, search: str = "", limit: int = 2000) -> Sequence[Part]:
    actor.require(service.VIEW)
    stmt = select(Part).where(Part.deleted_at.is_(None))
    if search.strip():
        like = f"%{search.strip()}%"
        stmt = stmt.where(Part.part_number.ilike(like) | Part.name_zh.like(like) | Part.name_en.ilike(like))
    return session.scalars(stmt.order_by(Part.part_number).limit(limit)).all()


def export_catalog(session: Session, actor: Actor, path: str | Path) -> int:
    parts = list_parts(session, actor, limit=1_000_000)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(translate("Inventory", "Parts"))
    sheet.append(headers())
    for p in parts:
        sheet.append([p.part_number, p.name_zh, p.name_en, p.product_lines, p.replaceable_by, p.unit_cost,
                      translate("Inventory", "yes") if p.serialised else translate("Inventory", "no")])
    book.save(path)
    return len(parts)


def read_rows(path: str | Path) -> tuple[str, list[tuple[int, dict]], list[Problem]]:
    """The first sheet as (row number, {field: (column letter, raw value)}) plus header problems."""
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise UserError(translate("Inventory", "Cannot read {path} as an Excel workbook: {error}").format(
            path=path, error=exc)) from None
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, ())
    columns = {}
    for index, title in enumerate(header):
        field = HEADER_ALIASES.get(str(title or "").strip().lower())
        if field:
            columns[field] = index
    problems = [Problem(sheet.title, 1, name, translate("Inventory", "Missing column."))
                for field, name in zip(FIELDS, headers(), strict=True) if field not in columns and field != "name_en"]
    parsed = []
    for number, values in enumerate(rows, start=2):
        if not any(v not in (None, "") for v in values):
            continue
        parsed.append((number, {f: (get_column_letter(i + 1), values[i] if i < len(values) else None)
                                for f, i in columns.items()}))
    book.close()
    return sheet.title, parsed, problems


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _check_row(sheet: str, number: int, cells: dict, seen: dict[str, int]) -> tuple[dict, list[Problem]]:
    problems: list[Problem] = []

    def bad(field: str, reason: str) -> None:
        problems.append(Problem(sheet, number, cells.get(field, ("?", None))[0], reason))

    values = {f: _text(cells.get(f, ("", None))[1]) for f in FIELDS}
    number_text = values["part_number"]
    if not number_text or len(number_text) > 40:
        bad("part_number", translate("Inventory", "A part number is required (at most 40 characters)."))
    elif number_text in seen:
        bad("part_number", translate("Inventory", "Part number {number} also appears in row {row}.").format(
            number=number_text, row=seen[number_text]))
    else:
        seen[number_text] = number
    if not values["name_zh"] or len(values["name_zh"]) > 200:
        bad("name_zh", translate("Inventory", "A Chinese name is required (at most 200 characters)."))
    values["replaceable_by"] = values["replaceable_by"].upper()
    if values["replaceable_by"] not in REPLACEABLE_BY:
        bad("replaceable_by", translate("Inventory", "Write FRU or CRU."))
    raw_cost = cells.get("unit_cost", ("", None))[1]
    try:
        cost = Decimal(str(raw_cost).strip()) if raw_cost not in (None, "") else None
    except InvalidOperation:
        cost = None
    if cost is None or not cost.is_finite() or cost < 0 or cost > MAX_COST or cost != cost.quantize(Decimal("0.01")):
        bad("unit_cost", translate("Inventory", "The unit cost must be a number ≥ 0 with at most two decimals."))
    else:
        values["unit_cost"] = cost.quantize(Decimal("0.01"))
    flag = values["serialised"].lower()
    if flag not in YES | NO and flag not in (translate("Inventory", "yes"), translate("Inventory", "no")):
        bad("serialised", translate("Inventory", "Write yes or no."))
    values["serialised"] = flag in YES or flag == translate("Inventory", "yes")
    return values, problems


def check_file(path: str | Path) -> list[dict]:
    """Every row checked; raises ``CatalogImportError`` listing all problems, or returns clean rows."""
    sheet, rows, problems = read_rows(path)
    clean, seen = [], {}
    if not problems:
        for number, cells in rows:
            values, row_problems = _check_row(sheet, number, cells, seen)
            problems.extend(row_problems)
            clean.append(values)
    if not rows and not problems:
        problems.append(Problem(sheet, 2, "A", translate("Inventory", "The sheet has no parts.")))
    if problems:
        raise CatalogImportError(problems)
    return clean


def import_catalog(session: Session, actor: Actor, path: str | Path,
                   progress: Callable[[str, float], None] = lambda s, f: None,
                   cancelled: Callable[[], bool] = lambda: False) -> ImportResult:
    """Create or update parts by part number, all in the caller's transaction."""
    service.require_hq_catalog(actor)
    progress(translate("Inventory", "Checking the file"), 0.0)
    rows = check_file(path)
    existing = {p.part_number: p for p in session.scalars(select(Part).where(
        Part.part_number.in_([r["part_number"] for r in rows])))}
    created = updated = unchanged = 0
    for index, row in enumerate(rows):
        if cancelled():
            raise UserError(translate("Inventory", "Import cancelled; the catalog was not changed."))
        part = existing.get(row["part_number"])
        if part is None:
            session.add(Part(**row))
            created += 1
        elif any(getattr(part, f) != row[f] for f in FIELDS) or part.deleted_at is not None:
            for f in FIELDS:
                setattr(part, f, row[f])
            part.deleted_at = None
            updated += 1
        else:
            unchanged += 1
        if index % 200 == 0:
            progress(translate("Inventory", "Saving parts"), index / max(1, len(rows)))
    session.flush()
    audit.record(session, actor, "inventory.catalog", Path(path).name, "import",
                 f"created={created} updated={updated} unchanged={unchanged}")
    return ImportResult(created, updated, unchanged)
