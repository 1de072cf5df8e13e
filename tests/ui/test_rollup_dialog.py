"""The Export rollup dialog: the period as the command line takes it, refused in plain words when
wrong, and a workbook written in a worker whose sheets carry the plugins' figures."""

from datetime import date

from openpyxl import load_workbook
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from app.auth.service import authenticate
from app.hookspecs import hookimpl
from app.reports.period import Period
from app.specs import RollupSection
from app.ui.admin.dialogs import open_rollup_export
from testdata import ADMIN_PASSWORD


class Visits:
    """Stands in for a plugin: one row per month of the period it is handed."""

    def __init__(self):
        self.periods = []

    @hookimpl
    def rollup_sections(self, ctx, period, org_code):
        self.periods.append(period)
        return [RollupSection("Visits", ["Month", "Visits"], [(m.label, 3) for m in period.months()])]


def ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.Ok).click()


def test_a_whole_year_from_the_dialog_reaches_every_plugin_and_the_workbook(qtbot, sqlite_ctx, tmp_path):
    with sqlite_ctx.reading() as session:
        ctx = sqlite_ctx.signed_in(authenticate(session, "admin@HQ", ADMIN_PASSWORD))
    visits = Visits()
    ctx.plugins.pm.register(visits)
    try:
        window = QWidget()
        qtbot.addWidget(window)
        dialog = open_rollup_export(ctx, window)
        assert dialog.period.text() == Period.quarter_of(date.today()).label  # this quarter by default
        out = tmp_path / "rollup 2026.xlsx"
        dialog.path.setText(str(out))
        dialog.period.clear()
        qtbot.keyClicks(dialog.period, "2026Q9")
        ok(dialog)
        assert "is not a period" in dialog.message.text() and dialog.isVisible()
        assert not out.exists() and visits.periods == []

        dialog.period.clear()
        qtbot.keyClicks(dialog.period, "2026")
        with qtbot.waitSignal(dialog.exported, timeout=30000) as done:
            ok(dialog)
        assert not dialog.isVisible()
    finally:
        ctx.plugins.pm.unregister(visits)
    assert visits.periods == [Period(date(2026, 1, 1), date(2027, 1, 1), "2026")]
    book = load_workbook(out, read_only=True)
    assert done.args == [str(out), len(book.sheetnames)]
    months = list(book["Visits"].values)
    assert months[0] == ("Month", "Visits") and [m for m, _ in months[1:]] == [f"2026-{n:02d}" for n in range(1, 13)]
    assert [row[0] for row in list(book["Network"].values)[1:]] == ["HQ", "BJ", "BJ-P01", "SH"]
    assert dialog.result_box.text() == f"Wrote {len(book.sheetnames)} sheets to {out}."
