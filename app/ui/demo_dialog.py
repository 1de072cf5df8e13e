"""Load demo data: how many tickets, then a worker with a progress bar and Cancel (cancel = nothing saved)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.demo import load
from app.ui.form_dialog import FormDialog
from app.ui.plain_text import information, warn

DEFAULT_SCALE = 2000


class DemoDataDialog(FormDialog):
    """OK starts the loading in a worker owned by ``window``; the dialog closes while it runs."""

    def __init__(self, ctx, window):
        super().__init__(self.tr("Load demo data"), window, ok_text=self.tr("Load"),
                         intro=self.tr("Org units, staff and records of every plugin are added to this database. "
                                       "Cancel while loading and nothing is saved."))
        self.ctx, self.window = ctx, window
        self.scale = self.add_spin("scale", self.tr("About how many tickets?"), DEFAULT_SCALE, minimum=10,
                                   maximum=1_000_000, step=1000)

    def perform(self) -> None:
        start_loading(self.ctx, self.window, self.scale.value())


def load_demo_data(ctx, window, scale: int | None = None) -> None:
    if scale is None:
        DemoDataDialog(ctx, window).exec()
    else:
        start_loading(ctx, window, scale)


def start_loading(ctx, window, scale: int) -> None:
    from app.ui.workers import run_with_progress

    def work(progress, cancelled):
        return load(ctx, ctx.actor, scale=scale, seed=1, progress=progress, cancelled=cancelled)

    def done(summary) -> None:
        information(window, QCoreApplication.translate("DemoDataDialog", "Load demo data"), summary)
        if hasattr(window, "refresh_pages"):
            window.refresh_pages()

    def failed(message: str) -> None:
        warn(window, QCoreApplication.translate("DemoDataDialog", "Load demo data"), message)

    window._demo_worker = run_with_progress(window, QCoreApplication.translate("DemoDataDialog", "Loading demo data…"),
                                            work, done, failed)
