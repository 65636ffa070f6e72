"""Show what other programs change in the open project: a CLI import, a second window.

The window's own connection learns about other connections' commits from ``PRAGMA
data_version`` (it changes only when *another* connection has committed). It is read when the
window becomes active, and when a :class:`QFileSystemWatcher` on the database, its ``-wal`` file
and their folder reports a change (debounced: a 2000-document import touches the WAL many
times). If it changed, the window re-reads the project (:meth:`MainWindow.refresh`), keeping the
document shown. Nothing is re-read for the window's own writes, nor while a modal dialog is up
(the check runs again when it closes).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QFileSystemWatcher, QObject, QTimer
from PySide6.QtWidgets import QApplication

from annotator.store.project import Project

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

DEBOUNCE_MS = 300


class ProjectWatch(QObject):
    """Refreshes ``window`` when another connection changes its project."""

    def __init__(self, window: MainWindow, *, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(window)
        self.main_window = window
        self.project: Project | None = None
        self.refreshes = 0  # how many times the window was refreshed for outside changes
        self._version: int | None = None
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self.schedule)
        self.watcher.directoryChanged.connect(self.schedule)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(debounce_ms)
        self.timer.timeout.connect(self.check)
        window.installEventFilter(self)

    def use(self, project: Project) -> None:
        """Watch ``project`` (the window's project now)."""
        self.project = project
        self._version = self._data_version()
        self._watch_paths(reset=True)

    def _paths(self) -> list[str]:
        if self.project is None or self.project.path is None:
            return []
        path = Path(self.project.path)
        candidates = [path, path.with_name(path.name + "-wal"), path.parent]
        return [str(p) for p in candidates if p.exists()]

    def _watch_paths(self, *, reset: bool = False) -> None:
        """(Re)add the paths: a watcher forgets a file that was deleted or replaced."""
        watched = set(self.watcher.files()) | set(self.watcher.directories())
        wanted = self._paths()
        if reset:
            stale = [p for p in watched if p not in wanted]
            if stale:
                self.watcher.removePaths(stale)
            watched -= set(stale)
        missing = [p for p in wanted if p not in watched]
        if missing:
            self.watcher.addPaths(missing)

    def _data_version(self) -> int | None:
        if self.project is None:
            return None
        try:
            return self.project.conn.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:  # closed or being replaced: the next use() starts again
            return None

    def schedule(self, *_args: object) -> None:
        """Check soon (several notices within the debounce interval make one check)."""
        self.timer.start()

    def check(self) -> bool:
        """Re-read the project if another connection changed it; True if it did."""
        self._watch_paths()
        if QApplication.activeModalWidget() is not None:  # not under an open dialog: later
            self.timer.start()
            return False
        version = self._data_version()
        if version is None or version == self._version:
            return False
        self._version = version
        self.refreshes += 1
        self.main_window.refresh()
        self.main_window.say(self.tr("The project was changed by another program: its changes are shown."))
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        activated = event.type() in (QEvent.Type.WindowActivate, QEvent.Type.ActivationChange)
        if watched is self.main_window and activated and self.main_window.isActiveWindow():
            self.schedule()
        return False
