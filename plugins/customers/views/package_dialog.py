"""Create or change a service package: the shell's form dialog around the door. Targets are typed
in minutes or hours ("30 min", "4 h"); the grid below sets other targets for some priorities."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from app.ui.form_dialog import FormDialog
from plugins.customers import service


class PackageDialog(FormDialog):
    """Without ``package_id`` it creates a package; with one it edits it (the code stays).
    After OK, ``package_id`` is the saved package's."""

    def __init__(self, ctx, package_id=None, parent=None):
        adding = package_id is None
        super().__init__(self.tr("New service package") if adding else self.tr("Edit service package"), parent,
                         min_width=560,
                         intro=self.tr("Targets in minutes or hours, such as 30 min or 4 h. Tickets already open "
                                       "keep the targets they were opened with."))
        self.ctx, self.package_id = ctx, package_id
        row = None
        if not adding:
            with ctx.reading() as session:
                row = next(r for r in service.package_rows(session, ctx.actor) if r.id == package_id)
        self.code = self.add_text("code", self.tr("Code"), row.code if row else "", placeholder=self.tr("e.g. 7X24-2H"))
        self.code.setMaxLength(32)
        self.code.setReadOnly(not adding)
        self.name = self.add_text("name", self.tr("Name"), row.name if row else "")
        self.name.setMaxLength(100)
        self.coverage = self.add_combo("coverage", self.tr("Clock"),
                                       [(service.coverage_label(c), c) for c in service.COVERAGES],
                                       current=row.coverage if row else "business")
        self.targets = {target: self.add_text(target, service.target_label(target),
                                              service.format_duration(getattr(row, target)) if row else "",
                                              placeholder=self.tr("e.g. 30 min or 4 h"))
                        for target in service.TARGETS}
        self.per_priority = self._priority_grid(row.priority_targets if row else {})
        self.add_widget("priority_targets", self.tr("Per priority (empty: as above)"), self.per_priority)

    def _priority_grid(self, overrides: dict) -> QTableWidget:
        grid = QTableWidget(len(service.PRIORITIES), len(service.TARGETS))
        grid.setHorizontalHeaderLabels([service.target_label(t) for t in service.TARGETS])
        grid.setVerticalHeaderLabels([f"P{p}" for p in service.PRIORITIES])
        grid.setEditTriggers(QAbstractItemView.AllEditTriggers)
        grid.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        grid.setMaximumHeight(160)
        for r, priority in enumerate(service.PRIORITIES):
            for c, target in enumerate(service.TARGETS):
                grid.setItem(r, c, QTableWidgetItem(service.format_duration(overrides.get(priority, {}).get(target))))
        return grid

    def set_priority_target(self, priority: int, target: str, text: str) -> None:
        self.per_priority.item(service.PRIORITIES.index(priority), service.TARGETS.index(target)).setText(text)

    def _read_targets(self) -> tuple[dict, dict]:
        targets = {target: service.parse_duration(field.text(), target, service.target_label(target))
                   for target, field in self.targets.items()}
        overrides: dict[int, dict[str, int]] = {}
        for r, priority in enumerate(service.PRIORITIES):
            for c, target in enumerate(service.TARGETS):
                label = f"P{priority} {service.target_label(target)}"
                minutes = service.parse_duration(self.per_priority.item(r, c).text(), "priority_targets", label)
                if minutes is not None:
                    overrides.setdefault(priority, {})[target] = minutes
        return targets, overrides

    def perform(self) -> None:
        targets, overrides = self._read_targets()
        values = dict(name=self.name.text(), coverage=self.coverage.currentData(), priority_targets=overrides,
                      **targets)
        with self.ctx.transaction() as session:
            if self.package_id is None:
                package = service.create_service_package(session, self.ctx.actor, code=self.code.text(), **values)
            else:
                package = service.update_service_package(session, self.ctx.actor, self.package_id, **values)
            self.package_id = package.id
