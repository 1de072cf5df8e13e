"""Load demo data in a worker, with a progress bar and Cancel (cancel = nothing saved)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox

from app.demo import generate


def load_demo_data(ctx, window, scale: int | None = None) -> None:
    tr = window.tr
    if scale is None:
        scale, ok = QInputDialog.getInt(window, tr("Load demo data"), tr("About how many tickets?"), 2000, 10, 1_000_000, 1000)
        if not ok:
            return

    def work(progress, cancelled):
        with ctx.transaction() as session:
            return generate(ctx, session, ctx.actor, scale=scale, seed=1, progress=progress, cancelled=cancelled)

    def done(summary) -> None:
        QMessageBox.information(window, tr("Load demo data"), summary)
        if hasattr(window, "refresh_pages"):
            window.refresh_pages()

    def failed(message: str) -> None:
        QMessageBox.warning(window, tr("Load demo data"), message)

    from app.ui.workers import run_with_progress

    window._demo_worker = run_with_progress(window, tr("Loading demo data…"), work, done, failed)
