"""The shell window: navigation from the plugins' pages, shell-owned menus, status bar."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QListWidget, QListWidgetItem,
                               QMainWindow, QStackedWidget, QWidget)

from app.db.engine import describe
from app.ui.icons import icon
from app.ui.idle_lock import IdleLock
from app.ui.navigation import permitted_actions, permitted_pages
from app.ui.plain_text import plain_label, warn
from app.ui.qt_app import window_settings

log = logging.getLogger(__name__)
MENU_IDS = ("file", "tools", "reports", "help")
ICON_DELAY_MS = 250
PERIODIC_TICK_MS = 15_000  # how often the shell looks for due periodic jobs (each has its own interval)


class MainWindow(QMainWindow):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.remember_state = True
        self._locked = self._discarded = False
        self.setMinimumSize(720, 480)
        self.setWindowTitle(self.tr("Service Center Suite — {org}").format(org=ctx.actor.org_code))
        self.page_specs = permitted_pages(ctx)
        self.pages: dict[str, QWidget] = {}
        self.page_errors: dict[str, str] = {}
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(190)
        self.stack = QStackedWidget()
        for spec in self.page_specs:
            item = QListWidgetItem(spec.title)
            item.setData(Qt.UserRole, spec.id)
            self.nav.addItem(item)
        # qtawesome and its fonts (~0.3 s) load once the window is up and usable: labels first,
        # icons a moment later, so nobody waits for decoration.
        QTimer.singleShot(ICON_DELAY_MS, self._load_icons)
        self.nav.currentRowChanged.connect(self.open_page_at)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.menus = self._build_menus()
        self._build_status_bar()
        self.idle = IdleLock(ctx.config.idle_lock_minutes, self.lock, self)
        QApplication.instance().installEventFilter(self.idle)
        self._start_periodic_jobs()
        self._restore_state()

    def _load_icons(self) -> None:
        for row, spec in enumerate(self.page_specs):
            self.nav.item(row).setIcon(icon(spec.icon))
        for menu in self.menus.values():
            for action in menu.actions():
                name = self._action_icons.get(action.objectName())
                if name:
                    action.setIcon(icon(name))

    # ------------------------------------------------------------ pages

    def page_ids(self) -> list[str]:
        return [s.id for s in self.page_specs]

    def open_page(self, page_id: str) -> QWidget | None:
        ids = self.page_ids()
        if page_id not in ids:
            return None
        self.nav.setCurrentRow(ids.index(page_id))
        return self.pages.get(page_id)

    def open_page_at(self, row: int) -> None:
        if row < 0:
            return
        spec = self.page_specs[row]
        if spec.id not in self.pages:
            self.pages[spec.id] = self._build_page(spec)
            self.stack.addWidget(self.pages[spec.id])
        self.stack.setCurrentWidget(self.pages[spec.id])

    def refresh_pages(self) -> None:
        """Rebuild every opened page (after demo data or an import changed what they show)."""
        for widget in self.pages.values():
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.pages.clear()
        self.page_errors.clear()
        self.open_page_at(self.nav.currentRow())

    def _build_page(self, spec) -> QWidget:
        try:
            return spec.factory(self.ctx)
        except Exception as exc:  # one broken page must not take the window down
            log.exception("page %s failed", spec.id)
            self.page_errors[spec.id] = f"{type(exc).__name__}: {exc}"
            label = plain_label(self.tr("This page could not be opened: {error}").format(error=exc), wrap=True)
            label.setAlignment(Qt.AlignCenter)
            return label

    # ------------------------------------------------------------ menus

    def _build_menus(self) -> dict:
        from app.ui import shell_actions
        from app.ui.shortcuts import page_handler, set_shortcut

        bar = self.menuBar()
        self._action_icons: dict[str, str | None] = {}
        menus = {
            "file": bar.addMenu(self.tr("&File")),
            "view": bar.addMenu(self.tr("&View")),
            "tools": bar.addMenu(self.tr("&Tools")),
            "reports": bar.addMenu(self.tr("&Reports")),
            "help": bar.addMenu(self.tr("&Help")),
        }
        actor = self.ctx.actor
        shell = [s for s in shell_actions.shell_actions(self) if s.permission is None or actor.has(s.permission)]
        plugins = permitted_actions(self.ctx)
        # what plugins add to File (New ticket…) comes first, as "New" does in every program
        ordered = [s for s in plugins if s.menu == "file"] + shell + [s for s in plugins if s.menu != "file"]
        on_page: dict = {}  # actions that act on the page shown -> the page method they call
        for spec in ordered:
            menu = menus.get(spec.menu, menus["tools"])
            action = menu.addAction(spec.text)
            action.setObjectName(spec.id)
            set_shortcut(action, spec.shortcut)
            self._action_icons[spec.id] = spec.icon
            action.triggered.connect(lambda _=False, s=spec: self._run_action(s))
            if method := getattr(spec.callback, "page_method", None):
                on_page[action] = method

        def follow_page(_index: int = -1) -> None:  # a page without the method leaves the key alone
            for action, method in on_page.items():
                action.setEnabled(page_handler(self.stack.currentWidget(), method) is not None)
        self.stack.currentChanged.connect(follow_page)
        follow_page()
        for menu_id in ("view", "reports"):
            menus[menu_id].menuAction().setVisible(not menus[menu_id].isEmpty())
        return menus

    def _run_action(self, spec) -> None:
        try:
            spec.callback(self.ctx, self)
        except Exception as exc:
            log.exception("action %s failed", spec.id)
            warn(self, spec.text, str(exc))

    def action(self, action_id: str):
        for menu in self.menus.values():
            for action in menu.actions():
                if action.objectName() == action_id:
                    return action
        return None

    # ------------------------------------------------------------ periodic jobs

    def _start_periodic_jobs(self) -> None:
        from app.periodic import PeriodicRunner

        self.periodic = PeriodicRunner(self.ctx)
        self._periodic_workers: list = []  # kept alive while they run (the pool does not own them)
        self.periodic_timer = QTimer(self, interval=PERIODIC_TICK_MS)
        self.periodic_timer.timeout.connect(self.run_periodic_jobs)
        self.periodic_timer.start()

    def run_periodic_jobs(self):
        """Hand the due jobs to one worker of the pool: they may take a while and must never
        freeze the window. Returns the worker, or None when nothing was due."""
        from app.ui.workers import Worker, start

        self._periodic_workers = [w for w in self._periodic_workers if not getattr(w, "done", False)]
        jobs = self.periodic.claim_due()
        if not jobs:
            return None
        worker = Worker(lambda progress, cancelled: self._periodic_pass(worker, jobs))
        self._periodic_workers.append(worker)
        return start(worker)

    def _periodic_pass(self, worker, jobs) -> list:
        try:
            return [self.periodic.run(job) for job in jobs]
        finally:
            worker.done = True  # dropped at the next tick, after the pool let go of it

    # ------------------------------------------------------------ status, state, lock

    def _build_status_bar(self) -> None:
        actor = self.ctx.actor
        self.user_label = plain_label(self.tr("User: {name} ({login})").format(name=actor.display_name,
                                                                            login=actor.label), name="status_user")
        self.org_label = plain_label(self.tr("Org unit: {code}").format(code=actor.org_code), name="status_org")
        self.db_label = plain_label(self.tr("Database: {db}").format(db=describe(self.ctx.engine)), name="status_db")
        for widget in (self.user_label, self.org_label, self.db_label):
            self.statusBar().addPermanentWidget(widget)

    def _restore_state(self) -> None:
        settings = window_settings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
        last = settings.value("main_window/last_page", "")
        ids = self.page_ids()
        self.nav.setCurrentRow(ids.index(last) if last in ids else (0 if ids else -1))

    def save_state(self) -> None:
        settings = window_settings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        row = self.nav.currentRow()
        if row >= 0:
            settings.setValue("main_window/last_page", self.page_specs[row].id)

    def closeEvent(self, event) -> None:
        """Quitting: every window the app opened closes with this one, so the process ends."""
        from app.ui.workstation import close_other_windows

        if not self._discarded and not close_other_windows(self):
            event.ignore()
            return
        if self.remember_state:
            self.save_state()
        QApplication.instance().removeEventFilter(self.idle)
        self.idle.timer.stop()
        self.periodic_timer.stop()
        super().closeEvent(event)

    # ------------------------------------------------------------ lock, sign out

    def _show_work(self, visible: bool) -> None:
        self.centralWidget().setVisible(visible)
        self.statusBar().setVisible(visible)

    def lock(self) -> None:
        """Hide the work until the same user gives their password (and carries on where they were)
        or someone signs out."""
        from app.ui import workstation
        from app.ui.login_dialog import LockDialog

        if self._locked:
            return
        self._locked = True
        self.idle.timer.stop()
        set_aside = workstation.set_aside_other_windows(self)
        self.centralWidget().setVisible(False)
        dialog = LockDialog(self.ctx, self)
        outcome = dialog.exec()
        dialog.deleteLater()
        self._locked = False
        if outcome == LockDialog.SIGNED_OUT:
            workstation.close_all(set_aside)
            self.sign_out()
            return
        self.centralWidget().setVisible(True)
        workstation.bring_back(set_aside)
        self.idle.set_minutes(self.ctx.config.idle_lock_minutes)

    def sign_out(self):
        """Sign out / switch user: the other windows close, the work is hidden and anyone of this
        node may sign in, getting a fresh window with their own pages (cancelling quits). Returns
        that window, or None."""
        from app.ui import workstation

        if not workstation.close_other_windows(self):
            return None
        if self.remember_state:
            self.save_state()
        self.idle.timer.stop()
        self._show_work(False)
        log.info("%s signed out", self.ctx.actor.label)
        actor = workstation.sign_in_anyone(self.ctx, self)
        if actor is None:
            self.close()
            return None
        successor = MainWindow(self.ctx.signed_in(actor))
        successor.show()
        QApplication.instance()._main_window = successor  # the app keeps its main window alive
        self.discard()
        return successor

    def discard(self) -> None:
        """Close for good without ending the app: the pages and what they show go with the window."""
        from app.ui.workstation import delete_when_idle

        self._discarded = True
        self.remember_state = False
        self.close()
        delete_when_idle(self)
