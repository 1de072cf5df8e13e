"""Words shared by the training pages: levels, enrolment states, exam results."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

PASS_COLOR, FAIL_COLOR = QColor("#2e7d32"), QColor("#c62828")


def level(code: str) -> str:
    names = {"basic": QCoreApplication.translate("Training", "Basic"),
             "advanced": QCoreApplication.translate("Training", "Advanced"),
             "expert": QCoreApplication.translate("Training", "Expert")}
    return names.get(code, code)


def state(code: str) -> str:
    names = {"enrolled": QCoreApplication.translate("Training", "Enrolled"),
             "waiting": QCoreApplication.translate("Training", "Waiting list"),
             "cancelled": QCoreApplication.translate("Training", "Cancelled")}
    return names.get(code, code)


def attended(value: bool | None) -> str:
    if value is None:
        return ""
    if value:
        return QCoreApplication.translate("Training", "Present")
    return QCoreApplication.translate("Training", "Absent")


def result(passed: bool | None) -> str:
    if passed is None:
        return ""
    if passed:
        return QCoreApplication.translate("Training", "Passed")
    return QCoreApplication.translate("Training", "Failed")


def result_color(passed: bool | None) -> QColor | None:
    return None if passed is None else (PASS_COLOR if passed else FAIL_COLOR)


def dates(starts_on, ends_on) -> str:
    return str(starts_on) if starts_on == ends_on else f"{starts_on} – {ends_on}"
