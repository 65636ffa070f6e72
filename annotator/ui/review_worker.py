"""Long review work (agreement figures, the review overview, packaging, merging) off the GUI thread.

A :class:`ProjectTask` runs ``work(project, progress)`` in a QThread on a connection of its own to
the project file (SQLite connections belong to the thread that made them): read-only by default,
a normal one with ``write=True`` (merging). ``progress(done, total)`` is reported (at most every
50 ms) and raises :class:`~annotator.core.errors.Cancelled` once :meth:`ProjectTask.cancel` was
called, so the library function stops where it is (and rolls back what it was writing).

A project without a file (in memory) cannot be opened twice: its work runs at once, on the
window's own connection, when the task is started.

Tasks have no Qt parent: a running task is kept alive by this module until its thread ends (so a
dialog or window closed meanwhile cannot destroy a running thread), and every running task is
cancelled and waited for when the application quits.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from PySide6.QtCore import QCoreApplication, QThread, Signal

from annotator.core.errors import AnnotatorError, Cancelled
from annotator.review.distribute import open_read_only
from annotator.store.project import Project

log = logging.getLogger(__name__)

Work = Callable[[Project, Callable[[int, int], None]], Any]
PROGRESS_INTERVAL = 0.05
_RUNNING: set[ProjectTask] = set()
_QUIT_HOOKED = False


def stop_all() -> None:
    """Cancel every running task and wait for it (the application is quitting)."""
    for task in list(_RUNNING):
        try:
            task.stop()
        except RuntimeError:  # its C++ object is gone: nothing left to stop
            _RUNNING.discard(task)


def running_tasks() -> int:
    return len(_RUNNING)


class ProjectTask(QThread):
    """``work`` run on its own connection to ``project``'s file; results come back as signals."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, project: Project, work: Work, *, write: bool = False) -> None:
        super().__init__()
        self._project = project
        self._path = project.path
        self._work = work
        self._write = write
        self._cancel = False
        self._last = 0.0
        self.result: Any = None
        self.error: str | None = None
        self.was_cancelled = False

    def cancel(self) -> None:
        self._cancel = True

    def start(self, *args: Any) -> None:  # type: ignore[override]
        if self._path is None:
            self._execute(nullcontext(self._project))
            return
        global _QUIT_HOOKED
        app = QCoreApplication.instance()
        if app is not None and not _QUIT_HOOKED:
            app.aboutToQuit.connect(stop_all)
            _QUIT_HOOKED = True
        _RUNNING.add(self)
        self.finished.connect(self._forget)
        super().start(*args)

    def _forget(self) -> None:
        _RUNNING.discard(self)

    def run(self) -> None:
        assert self._path is not None
        opener: AbstractContextManager[Project] = (
            Project.open(self._path) if self._write else open_read_only(self._path)
        )
        self._execute(opener)

    def _execute(self, opener: AbstractContextManager[Project]) -> None:
        try:
            with opener as project:
                self.result = self._work(project, self._progress)
        except Cancelled:
            self.was_cancelled = True
            self.cancelled.emit()
            return
        except (AnnotatorError, sqlite3.Error, OSError) as exc:
            self.error = str(exc)
            self.failed.emit(self.error)
            return
        except Exception as exc:  # a bug: say so rather than leave the dialog waiting
            log.exception("background task failed")
            self.error = f"unexpected error: {exc!r}"
            self.failed.emit(self.error)
            return
        self.succeeded.emit(self.result)

    def _progress(self, done: int, total: int) -> None:
        if self._cancel:
            raise Cancelled("cancelled")
        moment = time.monotonic()
        if done >= total or moment - self._last >= PROGRESS_INTERVAL:
            self._last = moment
            self.progressed.emit(done, total)

    def stop(self, timeout_ms: int = 10_000) -> None:
        """Cancel and wait for the thread (a window closing while the task runs)."""
        self.cancel()
        if self.isRunning():
            self.wait(timeout_ms)
