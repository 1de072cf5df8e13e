"""Periodic work (SLA sweeps and the like) through one mechanism the shell owns. No Qt.

Plugins declare jobs with the hook ``periodic_jobs``. The shell's timer asks
``PeriodicRunner.claim_due()`` on the GUI thread and hands the claimed jobs to a worker, which
calls ``run(job)``; a script or a test calls ``run_due()``. A job is due ``interval_seconds``
after its previous start (at once the first time), is never run twice at the same moment, and a
failing pass is logged and retried at its next turn while the other jobs go on.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from app.specs import PeriodicJob

log = logging.getLogger(__name__)


def collect_jobs(plugins) -> list[PeriodicJob]:
    """Every plugin's jobs; a second job with an id already taken is left out (and logged)."""
    jobs: dict[str, PeriodicJob] = {}
    for group in plugins.hook.periodic_jobs():
        for job in group or ():
            if job.id in jobs:
                log.warning("periodic job %s declared twice; the second is ignored", job.id)
                continue
            jobs[job.id] = job
    return list(jobs.values())


class PeriodicRunner:
    def __init__(self, ctx, jobs: Iterable[PeriodicJob] | None = None,
                 clock: Callable[[], float] = time.monotonic):
        self.ctx = ctx
        self.jobs = list(jobs) if jobs is not None else collect_jobs(ctx.plugins)
        self._clock = clock
        self._next: dict[str, float] = {}  # job id -> when it is due again (clock seconds)
        self._running: set[str] = set()
        self._lock = threading.Lock()  # claim_due runs on the GUI thread, run() in workers
        self.last_error: dict[str, str] = {}

    def claim_due(self) -> list[PeriodicJob]:
        """The jobs due now, marked as running until ``run`` returns."""
        now = self._clock()
        with self._lock:
            due = [job for job in self.jobs
                   if job.id not in self._running and self._next.get(job.id, now) <= now]
            for job in due:
                self._running.add(job.id)
                self._next[job.id] = now + job.interval_seconds
        return due

    def run(self, job: PeriodicJob) -> Any:
        """One pass of a claimed job. Errors are logged and kept in ``last_error``, not raised:
        one broken job must not stop the others or the timer."""
        try:
            result = job.run(self.ctx)
        except Exception as exc:
            log.exception("periodic job %s failed", job.id)
            self.last_error[job.id] = f"{type(exc).__name__}: {exc}"
            return None
        else:
            self.last_error.pop(job.id, None)
            return result
        finally:
            with self._lock:
                self._running.discard(job.id)

    def run_due(self) -> dict[str, Any]:
        """Run every due job here and now, one after the other: {job id: what it returned}."""
        return {job.id: self.run(job) for job in self.claim_due()}
