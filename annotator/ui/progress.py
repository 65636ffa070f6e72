"""Long imports and exports off the GUI thread, with progress and cancel.

A :class:`ProjectJob` runs ``work(project, progress)`` in a QThread on a connection of its own,
opened on the project file in that thread (an SQLite connection must stay in the thread that made
it). ``progress(done, total)`` is what the format functions call as they go: it reports to the GUI
(at most every :data:`PROGRESS_INTERVAL` seconds, and always the last step) and raises
:class:`~annotator.core.errors.Cancelled` once :meth:`ProjectJob.cancel` was called, so the
exporter or importer stops where it is: exporters then remove their temporary output, importers
roll their transaction back.

The outcome comes back as exactly one of the signals ``succeeded(result)``, ``failed(message)``
or ``cancelled()``, then ``QThread.finished``; :attr:`ProjectJob.outcome` says which one after
the fact ("succeeded", "failed", "cancelled"; None while running).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from annotator.core.errors import AnnotatorError, Cancelled
from annotator.store.project import Project

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Work = Callable[[Project, Progress], Any]
PROGRESS_INTERVAL = 0.05  # seconds between progress signals (the GUI need not see every document)


class ProjectJob(QThread):
    """``work(project, progress)`` on a fresh connection to the project file at ``path``."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, path: str | Path, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self._work = work
        self._cancel = threading.Event()
        self._last = 0.0
        self.result: Any = None
        self.error: str | None = None
        self.outcome: str | None = None
        self.steps = 0  # progress calls made by the work (for tests and diagnostics)

    def cancel(self) -> None:
        """Ask the work to stop at its next progress call (safe from any thread)."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def progress(self, done: int, total: int) -> None:
        """The callback given to the work: reports, and raises Cancelled once cancel was asked."""
        self.steps += 1
        if self._cancel.is_set():
            raise Cancelled("cancelled: nothing was written")
        now = time.monotonic()
        if done >= total or now - self._last >= PROGRESS_INTERVAL:
            self._last = now
            self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            project = Project.open(self.path)
            try:
                result = self._work(project, self.progress)
            finally:
                project.close()
        except Cancelled:
            self.outcome = "cancelled"
            self.cancelled.emit()
            return
        except (AnnotatorError, sqlite3.Error, OSError) as exc:
            self._fail(str(exc))
            return
        except Exception as exc:  # a bug: still say what happened rather than dying silently
            log.exception("background job failed")
            self._fail(f"unexpected error: {type(exc).__name__}: {exc}")
            return
        self.result = result
        self.outcome = "succeeded"
        self.succeeded.emit(result)

    def _fail(self, message: str) -> None:
        self.error = message
        self.outcome = "failed"
        self.failed.emit(message)


def percent(done: int, total: int) -> int:
    """``done`` of ``total`` as a whole percentage (0 when the total is unknown)."""
    if total <= 0:
        return 0
    return max(0, min(100, round(100 * done / total)))
