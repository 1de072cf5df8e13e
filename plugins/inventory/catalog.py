"""The parts catalog and its Excel import/export. The whole file is checked before anything
is written: one bad row and nothing changes, and the report names sheet, row, column, reason."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth.actor import Actor
from app.errors import UserError
from app.excel_import import CellProblem, Problems, Row, Sheet, WorkbookRejected, find_columns, read_workbook
from app.i18n import translate
from app.user_values import flag_text, parse_flag, parse_money, parse_text
from plugins.inventory.models import REPLACEABLE_BY, Part

EXPORT_BATCH = 2000
Progress = Callable[[str, float], None]
FIELDS = ("part_number", "name_zh", "name_en", "product_lines", "replaceable_by", "unit_cost", "serialised")


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


def parts_query(search: str = ""):
    """Live parts whose number or name contains ``search``, by part number: the page and the export."""
    stmt = select(Part).where(Part.deleted_at.is_(None))
    if search.strip():
        like = f"%{search.strip()}%"
        stmt = stmt.where(Part.part_number.ilike(like) | Part.name_zh.like(like) | Part.name_en.ilike(like))
    return stmt.order_by(Part.part_number)


def list_parts(session: Session, actor: Actor, search: str = "", limit: int = 2000) -> Sequence[Part]:
    return session.scalars(parts_query(search).limit(limit)).all()


def part_names(session: Session, part_numbers: Sequence[str]) -> dict[str, str]:
    """The catalogue's name of each part number it knows (hook ``part_names``): the Chinese name,
    the English one where a part has no Chinese name."""
    wanted, names = sorted({number for number in part_numbers if number}), {}
    for start in range(0, len(wanted), EXPORT_BATCH):  # bounded IN lists on either database
        names.update((number, zh or en) for number, zh, en in session.execute(
            select(Part.part_number, Part.name_zh, Part.name_en).where(
                Part.part_number.in_(wanted[start:start + EXPORT_BATCH]))))
    return names


def export_catalog(session: Session, actor: Actor, path: str | Path, *, search: str = "",
                   progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> int:
    """The catalog as the page filters it, in the columns the import reads back; every part, not
    only the page's first ones."""
    from app.reports.workbook import MONEY, Column, Sheet, write_workbook  # loaded on first export

    query = parts_query(search)
    expected = session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    parts = session.scalars(query.execution_options(yield_per=EXPORT_BATCH))
    rows = ((p.part_number, p.name_zh, p.name_en, p.product_lines, p.replaceable_by, p.unit_cost,
             flag_text(p.serialised)) for p in parts)
    formats = (None, None, None, None, None, MONEY, None)
    columns = [Column(title, number_format, width)
               for title, number_format, width in zip(headers(), formats, (18, 32, 32, 24, 9, 12, 10), strict=True)]
    sheet = Sheet(translate("Inventory", "Parts"), columns, rows, expected_rows=expected, autofilter=True)
    return write_workbook(path, [sheet], progress=progress, cancelled=cancelled)


def _column_aliases() -> dict[str, tuple[str, ...]]:
    """Header texts accepted per field: English, Chinese, and the exporting user's language."""
    aliases: dict[str, tuple[str, ...]] = {}
    for text, field in HEADER_ALIASES.items():
        aliases[field] = (*aliases.get(field, ()), text)
    for field, text in zip(FIELDS, headers(), strict=True):
        aliases[field] = (*aliases[field], text)
    return aliases


def read_rows(path: str | Path) -> tuple[Sheet, dict[str, int], Problems]:
    """The first sheet, its field → column index, and the missing columns as problems."""
    sheet = read_workbook(path, first_only=True)[0]
    columns = find_columns(sheet.header, _column_aliases())
    problems = Problems()
    for field, name in zip(FIELDS, headers(), strict=True):
        if field not in columns and field != "name_en":
            problems.add(sheet.title, 1, name, translate("Inventory", "Missing column."))
    return sheet, columns, problems


def _check_row(row: Row, seen: dict[str, int]) -> dict:
    number = row.parse("part_number", parse_text, column=Part.part_number, required=True)
    if number and number in seen:
        row.refuse("part_number", translate("Inventory", "Part number {number} also appears in row {row}.").format(
            number=number, row=seen[number]))
    elif number:
        seen[number] = row.number
    replaceable_by = (row.parse("replaceable_by", parse_text) or "").upper()
    if replaceable_by not in REPLACEABLE_BY:
        row.refuse("replaceable_by", translate("Inventory", "Write FRU or CRU."))
    return {"part_number": number,
            "name_zh": row.parse("name_zh", parse_text, column=Part.name_zh, required=True),
            "name_en": row.parse("name_en", parse_text, column=Part.name_en),
            "product_lines": row.parse("product_lines", parse_text, column=Part.product_lines),
            "replaceable_by": replaceable_by,
            "unit_cost": row.parse("unit_cost", parse_money, column=Part.unit_cost, required=True),
            "serialised": row.parse("serialised", parse_flag)}


def check_file(path: str | Path) -> list[dict]:
    """Every row checked; raises ``CatalogImportError`` listing all problems, or returns clean rows."""
    sheet, columns, problems = read_rows(path)
    clean, seen = [], {}
    if not problems:
        clean = [_check_row(row, seen) for row in sheet.rows_with(columns, problems)]
    if not sheet.rows and not problems:
        problems.add(sheet.title, 2, "A", translate("Inventory", "The sheet has no parts."))
    if problems:
        raise CatalogImportError(problems.found)
    return clean


def import_catalog(session: Session, actor: Actor, path: str | Path,
                   progress: Callable[[str, float], None] = lambda s, f: None,
                   cancelled: Callable[[], bool] = lambda: False) -> ImportResult:
    """Create or update parts by part number, all in the caller's transaction."""
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
