"""Excel import of customers and their machines. The WHOLE workbook is checked first: one bad
row and nothing changes, and the refusal names sheet, row, column and reason."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.errors import ValidationError
from app.excel_import import CellProblem, WorkbookRejected
from app.i18n import translate
from app.orgs.scope import org_scope
from plugins.customers.installed_base import add_contact, add_site, create_asset
from plugins.customers.models import Asset, Customer, ServicePackage
from plugins.customers.registry import create_customer

# field -> accepted header texts (English, Chinese); matched case-insensitively.
CUSTOMER_COLUMNS = {"name": ("name", "customer", "客户名称", "客户"), "region": ("region", "地区"),
                    "site": ("site", "地点", "站点"), "address": ("address", "地址"),
                    "contact": ("contact", "联系人"), "phone": ("phone", "电话"), "email": ("email", "e-mail", "邮箱")}
ASSET_COLUMNS = {"serial_number": ("serial number", "serial", "序列号"), "customer": ("customer", "客户名称", "客户"),
                 "product_line": ("product line", "产品线"), "model": ("model", "型号"), "site": ("site", "地点", "站点"),
                 "package": ("service package", "package", "服务包"),
                 "contract_end": ("contract end", "合同到期"), "warranty_end": ("warranty end", "保修到期")}
CUSTOMER_SHEETS = ("customers", "客户")
ASSET_SHEETS = ("assets", "设备", "资产")


Problem = CellProblem


class ImportFailed(WorkbookRejected):
    """The workbook has problems; nothing was imported. ``problems`` lists every one found."""

    def __init__(self, problems: list[Problem]):
        super().__init__(translate("Customers", "Nothing was imported: {n} problem(s) in the file.").format(
            n=len(problems)), problems)


@dataclass
class ImportReport:
    customers: int = 0
    sites: int = 0
    contacts: int = 0
    assets: int = 0


@dataclass
class _Sheet:
    title: str
    columns: dict[str, int]  # field -> 0-based column index
    headers: list[str]
    rows: list[tuple[int, tuple]] = field(default_factory=list)

    def value(self, row: tuple, name: str):
        index = self.columns.get(name)
        value = row[index] if index is not None and index < len(row) else None
        return value.strip() if isinstance(value, str) else value

    def text(self, row: tuple, name: str) -> str:
        value = self.value(row, name)
        return "" if value is None else str(value).strip()

    def column(self, name: str) -> str:
        from openpyxl.utils import get_column_letter

        index = self.columns.get(name, 0)
        return f"{get_column_letter(index + 1)} ({self.headers[index] if index < len(self.headers) else name})"


def _read_sheet(workbook, names: Sequence[str], spec: dict, required: Sequence[str],
                problems: list[Problem]) -> _Sheet | None:
    sheet = next((workbook[n] for n in workbook.sheetnames if n.strip().lower() in names), None)
    if sheet is None:
        return None
    rows = sheet.iter_rows(values_only=True)
    headers = [str(h or "").strip() for h in next(rows, ())]
    lookup = {h.lower(): i for i, h in enumerate(headers) if h}
    columns = {name: next((lookup[a] for a in aliases if a in lookup), None) for name, aliases in spec.items()}
    for name in required:
        if columns[name] is None:
            problems.append(Problem(sheet.title, 1, spec[name][0], translate("Customers", "This column is missing.")))
    parsed = _Sheet(sheet.title, {k: v for k, v in columns.items() if v is not None}, headers)
    for number, row in enumerate(rows, start=2):
        if any(v not in (None, "") for v in row):
            parsed.rows.append((number, row))
    return parsed


def _date(sheet: _Sheet, row: tuple, number: int, problems: list[Problem], key: str) -> date | None:
    value = sheet.value(row, key)
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        problems.append(Problem(sheet.title, number, sheet.column(key),
                                translate("Customers", "“{value}” is not a date (YYYY-MM-DD).")
                                .format(value=value)))
        return None


def import_customers_and_assets(session: Session, actor: Actor, path: str | Path,
                                progress: Callable[[str, float], None] = lambda stage, fraction: None) -> ImportReport:
    """Import the sheets "Customers"/"客户" and "Assets"/"设备" into the actor's own unit.
    Run it inside one transaction: on any problem it raises ImportFailed before changing a row."""
    from openpyxl import load_workbook  # loaded on first import, not at start-up

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        raise ValidationError(translate("Customers", "{file} is not an Excel workbook: {error}")
                              .format(file=Path(path).name, error=error), field="file") from error
    problems: list[Problem] = []
    customers = _read_sheet(workbook, CUSTOMER_SHEETS, CUSTOMER_COLUMNS, ("name",), problems)
    assets = _read_sheet(workbook, ASSET_SHEETS, ASSET_COLUMNS,
                         ("serial_number", "customer", "product_line", "model"), problems)
    workbook.close()
    if customers is None and assets is None:
        raise ValidationError(translate("Customers",
                                        "The workbook needs a sheet named Customers (客户) or Assets (设备)."),
                              field="file")
    progress(translate("Customers", "Checking the workbook"), 0.1)
    existing = {name: cid for cid, name in session.execute(
        select(Customer.id, Customer.name).where(org_scope(actor, Customer.org_id), Customer.deleted_at.is_(None)))}
    retired = set(session.scalars(select(Customer.name).where(Customer.org_id == actor.org_id,
                                                              Customer.deleted_at.is_not(None))))
    new_customers = _check_customers(customers, existing, retired, problems) if customers else {}
    asset_rows = _check_assets(session, assets, set(existing) | set(new_customers), problems) if assets else []
    if problems:
        raise ImportFailed(problems)
    progress(translate("Customers", "Importing"), 0.4)
    return _apply(session, actor, customers, new_customers, existing, asset_rows, progress)


def _check_customers(sheet: _Sheet, existing: dict, retired: set[str],
                     problems: list[Problem]) -> dict[str, list[tuple]]:
    """Customer name → its rows (several rows of one customer add sites and contacts)."""
    grouped: dict[str, list[tuple]] = {}
    for number, row in sheet.rows:
        name = sheet.text(row, "name")
        if not name:
            problems.append(Problem(sheet.title, number, sheet.column("name"),
                                    translate("Customers", "The customer name is empty.")))
            continue
        if name in existing and name not in grouped:
            problems.append(Problem(sheet.title, number, sheet.column("name"),
                                    translate("Customers", "Customer “{name}” already exists.").format(name=name)))
            continue
        if name in retired:
            problems.append(Problem(sheet.title, number, sheet.column("name"), translate(
                "Customers", "A retired customer of this unit is already called “{name}”.").format(name=name)))
            continue
        if sheet.text(row, "address") and not sheet.text(row, "site"):
            problems.append(Problem(sheet.title, number, sheet.column("site"),
                                    translate("Customers", "An address needs a site name.")))
        if (sheet.text(row, "phone") or sheet.text(row, "email")) and not sheet.text(row, "contact"):
            problems.append(Problem(sheet.title, number, sheet.column("contact"),
                                    translate("Customers", "A phone number or e-mail needs a contact name.")))
        grouped.setdefault(name, []).append(row)
    return grouped


def _check_assets(session: Session, sheet: _Sheet, customer_names: set[str], problems: list[Problem]) -> list[dict]:
    packages = set(session.scalars(select(ServicePackage.code).where(ServicePackage.deleted_at.is_(None))))
    serials_in_file: dict[str, int] = {}
    checked = []
    candidates = [sheet.text(row, "serial_number").upper() for _, row in sheet.rows]
    taken = set()
    for start in range(0, len(candidates), 500):
        chunk = [s for s in candidates[start:start + 500] if s]
        taken |= set(session.scalars(select(Asset.serial_number).where(Asset.serial_number.in_(chunk))))
    for number, row in sheet.rows:
        values = {name: sheet.text(row, name) for name in ("serial_number", "customer", "product_line", "model",
                                                           "site", "package")}
        values["serial_number"] = values["serial_number"].upper()
        for name in ("serial_number", "customer", "product_line", "model"):
            if not values[name]:
                problems.append(Problem(sheet.title, number, sheet.column(name),
                                        translate("Customers", "This cell must not be empty.")))
        serial = values["serial_number"]
        if serial and serial in taken:
            problems.append(Problem(sheet.title, number, sheet.column("serial_number"),
                                    translate("Customers", "Serial number {serial} is already registered.")
                                    .format(serial=serial)))
        elif serial and serial in serials_in_file:
            problems.append(Problem(sheet.title, number, sheet.column("serial_number"),
                                    translate("Customers", "Serial number {serial} also appears in row {row}.")
                                    .format(serial=serial, row=serials_in_file[serial])))
        serials_in_file.setdefault(serial, number)
        if values["customer"] and values["customer"] not in customer_names:
            problems.append(Problem(sheet.title, number, sheet.column("customer"),
                                    translate("Customers", "No customer “{name}” here or in the file.")
                                    .format(name=values["customer"])))
        if values["package"] and values["package"].upper() not in packages:
            problems.append(Problem(sheet.title, number, sheet.column("package"),
                                    translate("Customers", "No service package {code}.")
                                    .format(code=values["package"])))
        values["package"] = values["package"].upper() or None
        values["contract_end"] = _date(sheet, row, number, problems, "contract_end")
        values["warranty_end"] = _date(sheet, row, number, problems, "warranty_end")
        checked.append(values)
    return checked


def _apply(session: Session, actor: Actor, sheet: _Sheet | None, new_customers: dict, existing: dict,
           asset_rows: list[dict], progress) -> ImportReport:
    report = ImportReport()
    ids = dict(existing)
    sites: dict[tuple, object] = {}
    for name, rows in new_customers.items():
        customer = create_customer(session, actor, name=name, region=sheet.text(rows[0], "region"))
        ids[name] = customer.id
        report.customers += 1
        for row in rows:
            site_name = sheet.text(row, "site")
            if site_name and (name, site_name) not in sites:
                sites[(name, site_name)] = add_site(session, actor, customer.id, name=site_name,
                                                                     address=sheet.text(row, "address")).id
                report.sites += 1
            if sheet.text(row, "contact"):
                add_contact(session, actor, customer.id, name=sheet.text(row, "contact"),
                                             phone=sheet.text(row, "phone"), email=sheet.text(row, "email"))
                report.contacts += 1
    for index, values in enumerate(asset_rows):
        site_id = sites.get((values["customer"], values["site"])) if values["site"] else None
        if values["site"] and site_id is None:
            site_id = add_site(session, actor, ids[values["customer"]], name=values["site"]).id
            sites[(values["customer"], values["site"])] = site_id
            report.sites += 1
        create_asset(session, actor, ids[values["customer"]], serial_number=values["serial_number"],
                                      product_line=values["product_line"], model=values["model"], site_id=site_id,
                                      package_code=values["package"], contract_end=values["contract_end"],
                                      warranty_end=values["warranty_end"])
        report.assets += 1
        if index % 200 == 0:
            progress(translate("Customers", "Importing"), 0.4 + 0.6 * index / max(1, len(asset_rows)))
    progress(translate("Customers", "Importing"), 1.0)
    return report
