"""Periodic jobs: declared by plugins (hook ``periodic_jobs``), run by one runner the shell owns,
in the worker pool and never on the GUI thread."""

from __future__ import annotations

import threading

from app.hookspecs import hookimpl
from app.periodic import PeriodicRunner, collect_jobs
from app.plugins import get_plugin_manager
from app.specs import PeriodicJob


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


class Jobs:
    def __init__(self):
        self.calls = []

    @hookimpl
    def periodic_jobs(self):
        return [PeriodicJob("test.count", 60, lambda ctx: self.calls.append(ctx) or len(self.calls)),
                PeriodicJob("test.broken", 30, self.broken)]

    def broken(self, ctx):
        raise RuntimeError("database gone")


def host_with(*plugins):
    host = get_plugin_manager(entry_points=[])
    host.pm.unregister(name="core")
    for plugin in plugins:
        host.pm.register(plugin)
    return host


def test_the_hook_collects_every_plugins_jobs_once_per_id():
    host = host_with(Jobs(), Jobs())
    assert [[job.id for job in group] for group in host.hook.periodic_jobs()] == [["test.count", "test.broken"]] * 2
    assert [job.id for job in collect_jobs(host)] == ["test.count", "test.broken"]


def test_a_job_runs_at_once_then_after_its_interval_and_a_failure_stops_no_other():
    plugin, clock = Jobs(), Clock()
    runner = PeriodicRunner("ctx", collect_jobs(host_with(plugin)), clock=clock)
    assert runner.run_due() == {"test.count": 1, "test.broken": None}
    assert plugin.calls == ["ctx"] and "database gone" in runner.last_error["test.broken"]
    clock.now += 30
    assert runner.run_due() == {"test.broken": None}  # count waits its 60 s
    clock.now += 30
    assert runner.run_due() == {"test.count": 2, "test.broken": None}


def test_a_job_still_running_is_not_started_again():
    clock = Clock()
    job = PeriodicJob("test.slow", 1, lambda ctx: "done")
    runner = PeriodicRunner(None, [job], clock=clock)
    assert runner.claim_due() == [job]
    clock.now += 10
    assert runner.claim_due() == []  # the first pass has not returned yet
    assert runner.run(job) == "done"
    assert runner.claim_due() == [job]


def test_the_shell_runs_due_jobs_in_the_worker_pool(qtbot, sqlite_ctx):
    from app.auth.service import authenticate
    from app.ui.main_window import MainWindow
    from testdata import ADMIN_PASSWORD

    with sqlite_ctx.reading() as session:
        actor = authenticate(session, "admin@HQ", ADMIN_PASSWORD)
    window = MainWindow(sqlite_ctx.signed_in(actor))
    window.remember_state = False
    qtbot.addWidget(window)
    assert window.periodic_timer.isActive()
    assert "tickets.sla_sweep" in [job.id for job in window.periodic.jobs]
    threads = []
    window.periodic = PeriodicRunner(window.ctx, [PeriodicJob("test.where", 60, lambda ctx: threads.append(
        threading.current_thread()))])
    worker = window.run_periodic_jobs()
    assert worker is not None
    qtbot.waitUntil(lambda: getattr(worker, "done", False), timeout=5000)
    assert threads and threads[0] is not threading.main_thread()
    assert window.run_periodic_jobs() is None  # not due again for a minute
