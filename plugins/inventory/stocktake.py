"""Stocktake: a count sheet to Excel, the counted sheet back as a preview of differences,
then the differences applied as adjustments in one transaction."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.errors import ValidationError
from app.excel_import import Problems, Row, read_workbook
from app.i18n import translate
from app.user_values import is_blank, parse_integer, parse_text, text_limit, too_long_reason
from plugins.inventory import stock
from plugins.inventory.models import Movement, Part, SerialUnit


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


def export_count_sheet(session: Session, actor: Actor, depot_id: uuid.UUID, path: str | Path, *,
                       progress: Callable[[str, float], None] | None = None,
                       cancelled: Callable[[], bool] | None = None) -> int:
    """One row per part in the depot; the sheet is named after the depot so it comes back to it.
    Written by the one Excel writer, so a part named like a formula comes back as that text."""
    from app.reports.workbook import Column, Sheet, write_workbook  # loaded on first export, not with the door

    depot = stock.get_depot(session, actor, depot_id)
    serials = _serials_in_stock(session, depot.id)
    serialised = {p.part_number: p.id for p in session.scalars(select(Part).where(Part.serialised.is_(True)))}
    balances = stock.depot_balances(session, actor, depot.id)  # one depot: at most the catalog's parts
    rows = ((row.part_number, row.name, row.on_hand, None,
             ", ".join(serials.get(serialised[row.part_number], [])) if row.part_number in serialised else None, None)
            for row in balances)
    columns = [Column(title, width=width) for title, width in zip(count_headers(), (18, 30, 12, 10, 40, 40),
                                                                    strict=True)]
    sheet = Sheet(depot.code[:31], columns, rows, expected_rows=len(balances))
    return write_workbook(path, [sheet], progress=progress, cancelled=cancelled)


# Where each value is on the count sheet ``export_count_sheet`` writes.
COLUMNS = {"part_number": 0, "name": 1, "book": 2, "counted": 3, "book_serials": 4, "counted_serials": 5}


def _split(text: str) -> list[str]:
    return [s.strip() for s in text.replace("，", ",").replace("\n", ",").split(",") if s.strip()]


@dataclass
class _Books:
    """What the depot's books say, to compare each counted row with."""

    parts: dict[str, Part]
    on_hand: dict[str, int]
    serials: dict[uuid.UUID, list[str]]
    listed_in_row: dict[str, int] = field(default_factory=dict)


def preview(session: Session, actor: Actor, depot_id: uuid.UUID, path: str | Path) -> list[Difference]:
    """The differences between the counted sheet and the books now; nothing is written.

    A part listed twice is refused, naming both rows, rather than summed: a sheet copied into
    itself or counted by two people would otherwise double the stock without anyone noticing."""
    depot = stock.get_depot(session, actor, depot_id)
    sheet = read_workbook(path, first_only=True)[0]
    if sheet.title != depot.code[:31]:
        raise ValidationError(translate("Inventory", "This count sheet is for depot {sheet}, not {depot}.").format(
            sheet=sheet.title, depot=depot.code), field="file")
    books = _Books({p.part_number: p for p in session.scalars(select(Part).where(Part.deleted_at.is_(None)))},
                   {r.part_number: r.on_hand for r in stock.depot_balances(session, actor, depot.id)},
                   _serials_in_stock(session, depot.id))
    problems = Problems()
    differences = []
    for row in sheet.rows_with(COLUMNS, problems):
        diff = _compare_row(row, books)
        if diff is not None and (diff.delta or diff.missing_serials or diff.extra_serials):
            differences.append(diff)
    problems.raise_if_any(translate("Inventory", "The count was not applied: {n} problems.").format(n=len(problems)))
    return differences


def _compare_row(row: Row, books: _Books) -> Difference | None:
    """The row's difference from the books; None when it claims nothing or has a problem (recorded)."""
    if all(is_blank(row.raw(name)) for name in ("part_number", "counted", "counted_serials")):
        return None  # a note or a heading the counter added: no claim about any part
    problems_before = len(row.problems)
    part = _listed_part(row, books)
    counted = row.parse("counted", parse_integer, column=Movement.quantity, minimum=0)
    serial_text = row.parse("counted_serials", parse_text)
    if part is None or len(row.problems) > problems_before:
        return None
    book_qty = books.on_hand.get(part.part_number, 0)
    if part.serialised and serial_text:
        return _serial_difference(row, part, book_qty, counted, serial_text, books)
    if counted is None:
        return None  # not counted: no claim about this part
    if part.serialised and counted != book_qty:
        row.refuse("counted_serials", translate("Inventory", "Part {number} is serialised: list the serial numbers "
                                                             "counted.").format(number=part.part_number))
        return None
    return Difference(part.part_number, part.name_zh, book_qty, counted)


def _listed_part(row: Row, books: _Books) -> Part | None:
    number = row.parse("part_number", parse_text, column=Part.part_number, required=True)
    if not number:
        return None
    part = books.parts.get(number)
    if part is None:
        row.refuse("part_number", translate("Inventory", "No part {number} in the catalog.").format(number=number))
        return None
    first = books.listed_in_row.setdefault(part.part_number, row.number)
    if first != row.number:
        row.refuse("part_number", translate("Inventory", "Part {number} is also listed in row {row}: list each part "
                                                         "once.").format(number=part.part_number, row=first))
        return None
    return part


def _serial_difference(row: Row, part: Part, book_qty: int, counted: int | None, serial_text: str,
                       books: _Books) -> Difference | None:
    listed = _split(serial_text)
    limit = text_limit(SerialUnit.serial)
    counted_set: set[str] = set()
    for serial in listed:
        if len(serial) > limit:
            row.refuse("counted_serials", translate("Inventory", "Serial number {serial}…: {reason}").format(
                serial=serial[:20], reason=too_long_reason(limit, len(serial))))
            return None
        if serial in counted_set:
            row.refuse("counted_serials", translate("Inventory", "Serial number {serial} is listed twice.").format(
                serial=serial))
            return None
        counted_set.add(serial)
    if counted is not None and counted != len(listed):
        row.refuse("counted", translate("Inventory", "The count {count} differs from the {n} serial numbers listed.")
                   .format(count=counted, n=len(listed)))
        return None
    book_set = set(books.serials.get(part.id, []))
    return Difference(part.part_number, part.name_zh, book_qty, len(counted_set),
                      tuple(sorted(book_set - counted_set)), tuple(sorted(counted_set - book_set)))


def apply(session: Session, actor: Actor, depot_id: uuid.UUID, path: str | Path, reason: str) -> list[Difference]:
    """Recompute the preview inside the caller's transaction and post it: all or nothing."""
    differences = preview(session, actor, depot_id, path)
    reason = reason.strip() or translate("Inventory", "Stocktake")
    for diff in differences:
        if diff.missing_serials or diff.extra_serials:
            if diff.missing_serials:
                stock.adjust(session, actor, depot_id, diff.part_number, -len(diff.missing_serials), reason,
                               diff.missing_serials)
            if diff.extra_serials:
                stock.adjust(session, actor, depot_id, diff.part_number, len(diff.extra_serials), reason,
                               diff.extra_serials)
        else:
            stock.adjust(session, actor, depot_id, diff.part_number, diff.delta, reason)
    return differences
