"""Stocktake: a count sheet to Excel, the counted sheet back as a preview of differences,
then the differences applied as adjustments in one transaction."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.errors import UserError, ValidationError
from app.i18n import translate
from plugins.inventory import service
from plugins.inventory.catalog import CatalogImportError, Problem
from plugins.inventory.models import Part, SerialUnit


def count_headers() -> list[str]:
    return [translate("Inventory", "Part number"), translate("Inventory", "Name"),
            translate("Inventory", "Book quantity"), translate("Inventory", "Counted"),
            translate("Inventory", "Serial numbers (book)"), translate("Inventory", "Serial numbers (counted)")]


@dataclass(frozen=True)
class Difference:
    part_number: str
    name: str
    book: int
    counted: int
    missing_serials: tuple[str, ...] = field(default=())
    extra_serials: tuple[str, ...] = field(default=())

    @property
    def delta(self) -> int:
        return self.counted - self.book


def _serials_in_stock(session: Session, depot_id: uuid.UUID) -> dict[uuid.UUID, list[str]]:
    found: dict[uuid.UUID, list[str]] = {}
    for part_id, serial in session.execute(select(SerialUnit.part_id, SerialUnit.serial).where(
            SerialUnit.depot_id == depot_id, SerialUnit.state == "in_stock").order_by(SerialUnit.serial)):
        found.setdefault(part_id, []).append(serial)
    return found


def export_count_sheet(session: Session, actor: Actor, depot_id: uuid.UUID, path: str | Path) -> int:
    """One row per part in the depot; the sheet is named after the depot so it comes back to it."""
    actor.require(service.STOCKTAKE)
    depot = service.get_depot(session, actor, depot_id)
    serials = _serials_in_stock(session, depot.id)
    parts = {p.part_number: p for p in session.scalars(select(Part))}
    book = Workbook()
    sheet = book.active
    sheet.title = depot.code[:31]
    sheet.append(count_headers())
    rows = service.depot_balances(session, actor, depot.id)
    for row in rows:
        part = parts[row.part_number]
        sheet.append([row.part_number, row.name, row.on_hand, None,
                      ", ".join(serials.get(part.id, [])) if part.serialised else None, None])
    for letter, width in zip("ABCDEF", (18, 30, 12, 10, 40, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    book.save(path)
    return len(rows)


def _split(text) -> list[str]:
    return [s.strip() for s in str(text or "").replace("，", ",").replace("\n", ",").split(",") if s.strip()]


def preview(session: Session, actor: Actor, depot_id: uuid.UUID, path: str | Path) -> list[Difference]:
    """The differences between the counted sheet and the books now; nothing is written."""
    from openpyxl import load_workbook

    actor.require(service.STOCKTAKE)
    depot = service.get_depot(session, actor, depot_id)
    try:
        sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
    except Exception as exc:
        raise UserError(translate("Inventory", "Cannot read {path} as an Excel workbook: {error}").format(
            path=path, error=exc)) from None
    if sheet.title != depot.code[:31]:
        raise ValidationError(translate("Inventory", "This count sheet is for depot {sheet}, not {depot}.").format(
            sheet=sheet.title, depot=depot.code), field="file")
    balances = {r.part_number: r for r in service.depot_balances(session, actor, depot.id)}
    parts = {p.part_number: p for p in session.scalars(select(Part).where(Part.deleted_at.is_(None)))}
    serials = _serials_in_stock(session, depot.id)
    problems, differences = [], []
    for number, values in enumerate(sheet.iter_rows(min_row=2, max_col=6, values_only=True), start=2):
        part_number, _, _, counted, _, counted_serials = (list(values) + [None] * 6)[:6]
        if part_number in (None, "") and counted in (None, ""):
            continue
        part = parts.get(str(part_number).strip())
        if part is None:
            problems.append(Problem(sheet.title, number, "A", translate("Inventory", "No part {number} in the catalog.")
                                    .format(number=part_number)))
            continue
        book_qty = balances[part.part_number].on_hand if part.part_number in balances else 0
        name = part.name_zh
        if part.serialised and counted_serials not in (None, ""):
            counted_set = set(_split(counted_serials))
            book_set = set(serials.get(part.id, []))
            diff = Difference(part.part_number, name, book_qty, len(counted_set),
                              tuple(sorted(book_set - counted_set)), tuple(sorted(counted_set - book_set)))
        elif counted in (None, ""):
            continue  # not counted: no claim about this part
        elif not isinstance(counted, (int, float)) or counted < 0 or int(counted) != counted:
            problems.append(Problem(sheet.title, number, "D", translate("Inventory", "The count must be a whole number ≥ 0.")))
            continue
        elif part.serialised and int(counted) != book_qty:
            problems.append(Problem(sheet.title, number, "F", translate("Inventory", "Part {number} is serialised: list the serial numbers counted.")
                                    .format(number=part.part_number)))
            continue
        else:
            diff = Difference(part.part_number, name, book_qty, int(counted))
        if diff.delta or diff.missing_serials or diff.extra_serials:
            differences.append(diff)
    if problems:
        raise CatalogImportError(problems, translate("Inventory", "The count was not applied: {n} problems.").format(
            n=len(problems)))
    return differences


def apply(session: Session, actor: Actor, depot_id: uuid.UUID, path: str | Path, reason: str) -> list[Difference]:
    """Recompute the preview inside the caller's transaction and post it: all or nothing."""
    differences = preview(session, actor, depot_id, path)
    reason = reason.strip() or translate("Inventory", "Stocktake")
    for diff in differences:
        if diff.missing_serials or diff.extra_serials:
            if diff.missing_serials:
                service.adjust(session, actor, depot_id, diff.part_number, -len(diff.missing_serials), reason,
                               diff.missing_serials)
            if diff.extra_serials:
                service.adjust(session, actor, depot_id, diff.part_number, len(diff.extra_serials), reason,
                               diff.extra_serials)
        else:
            service.adjust(session, actor, depot_id, diff.part_number, diff.delta, reason)
    return differences
