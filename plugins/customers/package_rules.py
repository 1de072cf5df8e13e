"""What makes a service package's targets sound, and how a target is written: "30 min", "4 h",
"1.5 h" or a bare number of minutes. Checks raise ``ValidationError`` naming the field."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.errors import ValidationError
from app.i18n import translate
from plugins.customers.models import COVERAGES

TARGETS = ("response_minutes", "onsite_minutes", "resolution_minutes")
PRIORITIES = (1, 2, 3, 4)
MAX_MINUTES = 365 * 24 * 60  # a year: anything longer is a typing slip

_DURATION = re.compile(r"^\s*(-?\d+(?:[.,]\d+)?)\s*([^\d\s.,-][^\d]*)?\s*$")
_MINUTE_UNITS = {"m", "min", "mins", "minute", "minutes", "分", "分钟"}
_HOUR_UNITS = {"h", "hr", "hrs", "hour", "hours", "小时", "时", "钟头"}


@dataclass(frozen=True)
class PackageTargets:
    """What a ticket copies from its package when it opens (for its priority)."""

    code: str
    coverage: str
    response_minutes: int
    onsite_minutes: int
    resolution_minutes: int


def target_label(target: str) -> str:
    return {"response_minutes": translate("Customers", "First response"),
            "onsite_minutes": translate("Customers", "On site"),
            "resolution_minutes": translate("Customers", "Resolution")}[target]


def coverage_label(coverage: str) -> str:
    return {"24x7": translate("Customers", "7×24"),
            "business": translate("Customers", "Business hours")}.get(coverage, coverage)


def format_duration(minutes: int | None) -> str:
    """Whole hours as hours, anything else as minutes."""
    if minutes is None:
        return ""
    if minutes and minutes % 60 == 0:
        return translate("Customers", "{n} h").format(n=minutes // 60)
    return translate("Customers", "{n} min").format(n=minutes)


def parse_duration(text: str | None, field: str, label: str) -> int | None:
    """Minutes from what was typed ("" → None); hours may have a fraction."""
    text = (text or "").strip()
    if not text:
        return None
    match = _DURATION.match(text)
    unit = (match.group(2) or "").strip().lower().rstrip(".") if match else ""
    hours = unit in _HOUR_UNITS
    if match is None or not (hours or not unit or unit in _MINUTE_UNITS):
        raise ValidationError(translate("Customers", "{label}: write minutes or hours, such as 30 min or 4 h.")
                              .format(label=label), field=field)
    number = float(match.group(1).replace(",", "."))
    return round(number * 60) if hours else round(number)


def check_code(code: str | None) -> str:
    code = (code or "").strip().upper()
    if not code:
        raise ValidationError(translate("Customers", "The package code is required."), field="code")
    if len(code) > 32:
        raise ValidationError(translate("Customers", "The package code has at most 32 characters."), field="code")
    return code


def check_name(name: str | None) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError(translate("Customers", "The package name is required."), field="name")
    if len(name) > 100:
        raise ValidationError(translate("Customers", "The package name has at most 100 characters."), field="name")
    return name


def check_coverage(coverage: str) -> str:
    if coverage not in COVERAGES:
        raise ValidationError(translate("Customers", "The clock is 7×24 or business hours."), field="coverage")
    return coverage


def check_targets(targets: dict[str, int | None], field_of=lambda target: target, prefix: str = "") -> None:
    """Every target more than zero (and at most a year), and neither the first response nor the
    on-site arrival due after the resolution."""
    for target in TARGETS:
        minutes = targets.get(target)
        if minutes is None or minutes <= 0:
            raise ValidationError(translate("Customers", "{what} must be more than zero.").format(
                what=prefix + target_label(target)), field=field_of(target))
        if minutes > MAX_MINUTES:
            raise ValidationError(translate("Customers", "{what} is longer than a year.").format(
                what=prefix + target_label(target)), field=field_of(target))
    resolution = targets["resolution_minutes"]
    for target in ("response_minutes", "onsite_minutes"):
        if targets[target] > resolution:
            raise ValidationError(translate("Customers", "{what} ({minutes}) cannot be longer than the resolution "
                                                         "target ({resolution}).").format(
                what=prefix + target_label(target), minutes=format_duration(targets[target]),
                resolution=format_duration(resolution)), field=field_of(target))


def check_priority_targets(base: dict[str, int], overrides: dict | None) -> dict[str, dict[str, int]] | None:
    """The per-priority overrides as stored ({"1": {"response_minutes": 15}}), only the targets
    that differ; each priority's full set of targets must be sound."""
    stored: dict[str, dict[str, int]] = {}
    for priority, values in (overrides or {}).items():
        if int(priority) not in PRIORITIES:
            raise ValidationError(translate("Customers", "Priorities are P1 to P4."), field="priority_targets")
        given = {t: v for t, v in (values or {}).items() if t in TARGETS and v is not None}
        check_targets({**base, **given}, lambda _target: "priority_targets", f"P{int(priority)} ")
        differing = {t: v for t, v in given.items() if v != base[t]}
        if differing:
            stored[str(int(priority))] = differing
    return stored or None


def targets_for(package, priority: int | None) -> PackageTargets:
    """The package's targets for a ticket of ``priority``: its own, overridden where the package
    sets others for that priority."""
    values = {target: getattr(package, target) for target in TARGETS}
    values.update((package.priority_targets or {}).get(str(priority), {}))
    return PackageTargets(package.code, package.coverage, **values)
