"""The running part of the Export and Import dialogs: one background job at a time.

A :class:`JobDialog` runs its work as a :class:`~annotator.ui.progress.ProjectJob` (a worker
thread with its own connection). Cancel and Escape ask the job to stop; closing the dialog under a
running job stops it and waits, so nothing is left half done. A subclass builds the widgets
(``cancel_button``, ``status_label``) and says what each state and outcome shows:
``_set_running``, ``_progressed``, ``_succeeded``, ``_failed`` and ``_cancelled``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QWidget

from annotator.ui.progress import ProjectJob, Work


class JobDialog(QDialog):
    """A dialog with one background job at a time; ``state`` is idle, running, succeeded, failed or cancelled."""

    def __init__(self, project_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project_path = project_path
        self.job: ProjectJob | None = None
        self.state = "idle"

    # -- to be provided by the dialog -------------------------------------------------------

    def _set_running(self, running: bool) -> None:
        raise NotImplementedError

    def _progressed(self, done: int, total: int) -> None:
        raise NotImplementedError

    def _succeeded(self, result: Any) -> None:
        raise NotImplementedError

    def _failed(self, message: str) -> None:
        raise NotImplementedError

    def _cancelled(self) -> None:
        raise NotImplementedError

    # -- running ----------------------------------------------------------------------------

    def _launch(self, work: Work) -> None:
        """Start ``work(project, progress)`` in a worker thread on the project file."""
        assert self.project_path is not None
        self.job = ProjectJob(self.project_path, work, self)
        self.job.progressed.connect(self._progressed)
        self.job.succeeded.connect(self._succeeded)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(self._cancelled)
        self.state = "running"
        self._set_running(True)
        self.job.start()

    def cancel(self) -> None:
        """Ask the running job to stop (it stops between two steps and leaves nothing behind)."""
        if self.job is not None and self.state == "running":
            self.job.cancel()
            self.cancel_button.setEnabled(False)  # type: ignore[attr-defined]
            self.status_label.setText(QCoreApplication.translate("JobDialog", "Cancelling…"))  # type: ignore[attr-defined]

    def _finish(self, state: str) -> None:
        if self.job is not None:
            self.job.wait()
        self.state = state
        self._set_running(False)

    # -- closing ----------------------------------------------------------------------------

    def stop(self) -> None:
        """Cancel a running job and wait for its thread to end."""
        if self.job is not None and self.job.isRunning():
            self.job.cancel()
            self.job.wait()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.state == "running":  # the window closing under a running job
            self.stop()
            self._cancelled()
        super().closeEvent(event)

    def reject(self) -> None:  # Escape
        if self.state == "running":
            self.cancel()
            return
        super().reject()
