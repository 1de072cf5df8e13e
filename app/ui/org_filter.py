"""The org filter every list page shows: "all units", or one unit (HQ / branch / partner),
optionally with the units below it.

    filter = OrgFilter(ctx)
    filter.changed.connect(page.reload)          # (org id or None, include the units below)
    door.list_something(session, actor, **filter.arguments())

The units offered come from ``app.orgs.service.filter_choices`` (loaded in the thread pool); which
rows a choice shows, and whether the unit may be chosen at all, is the door's business
(``app.orgs.scope.org_filter``). With one unit in sight there is nothing to choose and it hides.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QStyledItemDelegate, QStyleOptionViewItem,
                               QWidget)

from app.orgs import service as orgs
from app.ui.workers import Worker, start

ORG_ROLE = Qt.UserRole
DEPTH_ROLE = Qt.UserRole + 1
CHILDREN_ROLE = Qt.UserRole + 2
INDENT = 18  # pixels per tier


class _TreeIndent(QStyledItemDelegate):
    """Indents the popup's entries by tier. Done in painting, not with leading spaces in the text,
    so that the closed combo box shows the unit without them and typing a code still finds it."""

    def paint(self, painter, option, index) -> None:
        shifted = QStyleOptionViewItem(option)
        shifted.rect.adjust(INDENT * (index.data(DEPTH_ROLE) or 0), 0, 0, 0)
        super().paint(painter, shifted, index)

    def sizeHint(self, option, index):
        size = super().sizeHint(option, index)
        size.setWidth(size.width() + INDENT * (index.data(DEPTH_ROLE) or 0))
        return size


class OrgFilter(QWidget):
    changed = Signal(object, bool)  # the chosen org id (None: all units), include the units below it
    loaded = Signal(int)  # units offered

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.combo = QComboBox(objectName="org_filter")
        self.combo.setItemDelegate(_TreeIndent(self.combo))
        self.combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(16)  # a long partner name must not push the page's buttons away
        self.combo.addItem(self.tr("All units"), None)
        self.subtree = QCheckBox(self.tr("Include the units below it"), objectName="org_subtree")
        self.subtree.setChecked(True)  # a branch chosen at HQ usually means the branch and its partners
        self.subtree.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.subtree)
        self.combo.currentIndexChanged.connect(self._chosen)
        self.subtree.toggled.connect(lambda _on: self.org_id() is not None and self._emit())
        self._worker: Worker | None = None
        self.reload()

    # ------------------------------------------------------------------ what is chosen

    def org_id(self):
        return self.combo.currentData(ORG_ROLE)

    def include_below(self) -> bool:
        return self.subtree.isChecked() and self.subtree.isEnabled()

    def arguments(self) -> dict:
        """Keyword arguments for a door's list function."""
        return {"org_id": self.org_id(), "subtree": self.include_below()}

    def choose(self, org_id, include_below: bool = True) -> bool:
        """Select ``org_id`` (None: all units), as a user would; False if it is not offered."""
        index = self._index_of(org_id)
        if index < 0:
            return False
        self.subtree.blockSignals(True)
        self.subtree.setChecked(include_below)
        self.subtree.blockSignals(False)
        if index == self.combo.currentIndex():
            self._chosen(index)
        else:
            self.combo.setCurrentIndex(index)
        return True

    def _index_of(self, org_id) -> int:
        """The entry holding ``org_id`` (0: all units), else -1. Compared in Python: ``findData``
        cannot match UUID objects."""
        if org_id is None:
            return 0
        return next((i for i in range(1, self.combo.count()) if self.combo.itemData(i, ORG_ROLE) == org_id), -1)

    def _chosen(self, index: int) -> None:
        self.subtree.setEnabled(bool(self.combo.itemData(index, CHILDREN_ROLE)))
        self._emit()

    def _emit(self) -> None:
        self.changed.emit(self.org_id(), self.include_below())

    # ------------------------------------------------------------------ loading

    def reload(self) -> None:
        ctx = self.ctx

        def work(_progress, _cancelled):
            with ctx.reading() as session:
                return orgs.filter_choices(session, ctx.actor)

        self._worker = Worker(work)
        self._worker.signals.finished.connect(self._fill)
        start(self._worker)

    def _fill(self, choices) -> None:
        current = self.org_id()
        self.combo.blockSignals(True)
        while self.combo.count() > 1:
            self.combo.removeItem(1)
        for choice in choices:
            # names are set as item text, which Qt never reads as markup
            self.combo.addItem(f"{choice.code}  {choice.name}", choice.id)
            row = self.combo.count() - 1
            self.combo.setItemData(row, choice.depth, DEPTH_ROLE)
            self.combo.setItemData(row, choice.has_children, CHILDREN_ROLE)
        found = self._index_of(current)
        self.combo.setCurrentIndex(max(found, 0))
        self.combo.blockSignals(False)
        metrics = self.combo.view().fontMetrics()  # the popup as wide as its longest, deepest entry
        widest = max((metrics.horizontalAdvance(self.combo.itemText(i))
                      + INDENT * (self.combo.itemData(i, DEPTH_ROLE) or 0) for i in range(self.combo.count())),
                     default=0)
        self.combo.view().setMinimumWidth(widest + 3 * INDENT)
        self.subtree.setEnabled(bool(self.combo.currentData(CHILDREN_ROLE)))
        if len(choices) <= 1:
            self.hide()
        elif self.parentWidget() is not None:  # shown without a parent it would become a window
            self.show()
        if current is not None and found < 0:  # the unit went away: the list falls back to all units
            self._emit()
        self.loaded.emit(len(choices))
