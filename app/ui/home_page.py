"""Home: who and where you are, and the counters plugins report (open tickets, expiring certificates…)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QPushButton, QVBoxLayout, QWidget

from app.orgs.models import OrgUnit
from app.ui.plain_text import plain_label
from app.ui.workers import Worker, start

COLORS = {"info": "#1565c0", "warning": "#ef6c00", "critical": "#c62828"}


class HomePage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        actor = ctx.actor
        with ctx.reading() as session:
            org = session.get(OrgUnit, actor.org_id)
            tier = {"hq": self.tr("HQ"), "branch": self.tr("Branch"), "partner": self.tr("Partner")}[org.tier]
            title = plain_label(self.tr("Welcome, {name}").format(name=actor.display_name), wrap=True, name="welcome")
            subtitle = plain_label(f"{org.name} ({org.code}) · {tier}", wrap=True, name="org_unit")
        title.setStyleSheet("font-size: 20px; font-weight: bold")
        self.grid = QGridLayout()
        self.grid.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(12)
        layout.addLayout(self.grid)
        layout.addWidget(refresh, 0, Qt.AlignLeft)
        layout.addStretch()
        self.refresh()

    def refresh(self) -> None:
        """Count in the thread pool: a plugin's counter may scan a large table."""
        ctx = self.ctx

        def count(progress, cancelled):
            with ctx.reading() as session:
                groups = ctx.hook.dashboard_counters(session=session, actor=ctx.actor)
                return [c for group in groups for c in (group or ())]

        self._worker = Worker(count)
        self._worker.signals.finished.connect(self.show_counters)
        self._worker.signals.failed.connect(lambda message: self.show_counters([], message))
        start(self._worker)

    def show_counters(self, counters, error: str = "") -> None:
        while self.grid.count():
            self.grid.takeAt(0).widget().deleteLater()
        if error:
            self.grid.addWidget(plain_label(self.tr("Counters could not be read: {error}").format(error=error),
                                            wrap=True), 0, 0)
        elif not counters:
            self.grid.addWidget(plain_label(self.tr("Nothing to report yet.")), 0, 0)
        for index, counter in enumerate(counters):
            self.grid.addWidget(self._card(counter), index // 3, index % 3)

    def _card(self, counter) -> QFrame:
        card = QFrame()
        card.setObjectName(counter.id)
        card.setFrameShape(QFrame.StyledPanel)
        card.setFixedWidth(240)
        value = plain_label(str(counter.value))
        value.setStyleSheet(f"font-size: 28px; color: {COLORS.get(counter.severity, COLORS['info'])}")
        layout = QVBoxLayout(card)
        layout.addWidget(value)
        layout.addWidget(plain_label(counter.label, wrap=True))
        return card
