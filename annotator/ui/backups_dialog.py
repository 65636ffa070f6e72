"""Rolling backups in the GUI: made on opening a project and every few minutes, restored from a
dialog (File > Restore backup…).

:class:`BackupKeeper` backs the window's project up with :mod:`annotator.store.backups` when it is
opened (unless nothing changed since the newest backup) and then every ``every_minutes`` while
something changed, keeping the newest ``keep``; the timed ones are written on a thread of their own. It is on when the window keeps the user's
settings (the application) and off for windows with in-memory settings (tests, screenshots),
unless told otherwise. A failed backup is said in the status bar; it never stops the work.

:class:`BackupsDialog` lists the backups (when, why, what they hold) and restores the chosen one:
the current project is backed up first, the backup is copied into the project file, and the
window opens the project again (a backup of an older schema is migrated then). Every text is
plain text.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.store.backups import (
    DEFAULT_EVERY_MINUTES,
    DEFAULT_KEEP,
    BackupInfo,
    check_backup,
    list_backups,
    make_backup,
    needs_backup,
    restore_backup,
)
from annotator.store.project import Project
from annotator.ui.dialogs import APP_TITLE, message_box, show_error

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class BackupKeeper(QObject):
    """Backs up the window's project on opening and every ``every_minutes`` (if it changed)."""

    made = Signal(object)  # the BackupInfo of each backup written
    _background_done = Signal(object, object, object, str)  # (path, mark, BackupInfo or None, error text)

    def __init__(
        self,
        window: MainWindow,
        *,
        enabled: bool | None = None,
        every_minutes: float = DEFAULT_EVERY_MINUTES,
        keep: int = DEFAULT_KEEP,
    ) -> None:
        super().__init__(window)
        self.main_window = window
        self.enabled = window.settings.persistent if enabled is None else enabled
        self.keep = keep
        self.project: Project | None = None
        self.skip_next_open = False  # set by a restore: the project is then the backup just restored
        self._mark: tuple[int, int] | None = None  # (own changes, others' data_version) at the last backup
        self.timer = QTimer(self)
        self.timer.setInterval(max(1, int(every_minutes * 60_000)))
        self.timer.timeout.connect(self.on_timer)
        self.worker: threading.Thread | None = None  # the timed backup being written, if any
        self.last_worker_thread: int | None = None  # the thread that wrote the last timed backup
        self._background_done.connect(self._finish_background, Qt.ConnectionType.QueuedConnection)

    def set_interval(self, minutes: float) -> None:
        self.timer.setInterval(max(1, int(minutes * 60_000)))

    def use(self, project: Project) -> None:
        """The window opened ``project``: back it up (if changed since the last backup) and time the next."""
        self.project = project
        self._mark = None
        self.timer.stop()
        if not self.enabled or project.path is None:
            return
        try:
            due = needs_backup(project.path) and not self.skip_next_open
        except OSError:
            due = True
        self.skip_next_open = False
        if due:
            self.backup_now("open")
        else:
            self._mark = self._fingerprint()
        self.timer.start()

    def _fingerprint(self) -> tuple[int, int] | None:
        if self.project is None:
            return None
        try:
            return self.project.conn.total_changes, self.project.conn.execute("PRAGMA data_version").fetchone()[0]
        except Exception:  # a closed connection: nothing to compare
            return None

    def on_timer(self) -> None:
        if self.project is None or self.project.path is None or self._fingerprint() == self._mark:
            return  # nothing changed since the last backup: keep the older ones
        if self.worker is not None and self.worker.is_alive():
            return  # the previous one is still being written
        # Written on a thread of its own, with its own read-only connection (WAL: the window keeps
        # writing meanwhile): copying a large project would otherwise stop the window for a moment.
        path, mark, keep = Path(self.project.path), self._fingerprint(), self.keep
        self.worker = threading.Thread(target=self._write_in_background, args=(path, mark, keep), name="backup")
        self.worker.start()  # not a daemon: a backup being written is finished before the program ends

    def _write_in_background(self, path: Path, mark: tuple[int, int] | None, keep: int) -> None:
        self.last_worker_thread = threading.get_ident()
        try:
            info = make_backup(path, reason="timer", keep=keep)
        except AnnotatorError as exc:
            self._background_done.emit(path, mark, None, str(exc))
        else:
            self._background_done.emit(path, mark, info, "")

    def _finish_background(self, path: Path, mark: tuple[int, int] | None, info: BackupInfo | None, error: str) -> None:
        if self.project is None or self.project.path is None or Path(self.project.path) != path:
            return  # the window has opened another project since
        if info is None:
            log.warning("backup failed: %s", error)
            self.main_window.say(self.tr("Backup failed: {exc}").format(exc=error))
            return
        self._mark = mark  # what was backed up: later changes make the next one
        self.made.emit(info)

    def wait(self) -> None:
        """Let a timed backup being written finish (before the project file is replaced or closed)."""
        if self.worker is not None:
            self.worker.join()

    def backup_now(self, reason: str = "manual") -> BackupInfo | None:
        if self.project is None or self.project.path is None:
            return None
        self.wait()  # one backup at a time
        try:
            info = make_backup(self.project, reason=reason, keep=self.keep)
        except AnnotatorError as exc:
            log.warning("backup failed: %s", exc)
            self.main_window.say(self.tr("Backup failed: {exc}").format(exc=exc))
            return None
        self._mark = self._fingerprint()
        self.made.emit(info)
        return info


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{max(1, round(n / 1000))} kB"


class BackupsDialog(QDialog):
    """The backups of the window's project, and a way to restore one."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("BackupsDialog", "Made"),
        QT_TRANSLATE_NOOP("BackupsDialog", "Documents"),
        QT_TRANSLATE_NOOP("BackupsDialog", "Spans"),
        QT_TRANSLATE_NOOP("BackupsDialog", "Relations"),
        QT_TRANSLATE_NOOP("BackupsDialog", "Size"),
    )

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.main_window = window
        self.setWindowTitle(self.tr("Restore backup"))
        self.setObjectName("backups_dialog")
        self.resize(680, 400)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.restore_button = QPushButton(self.tr("Restore…"))
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(lambda: self.restore_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        layout.addWidget(buttons)
        self.backups: list[BackupInfo] = []
        self.reload()

    def reload(self) -> None:
        project = self.main_window.project
        path = project.path
        self.backups = list_backups(path) if path is not None else []
        keeper = getattr(self.main_window, "backup_keeper", None)
        every = ""
        if keeper is not None and keeper.enabled:
            every = self.tr(
                " A backup is made on opening and every {value} minutes; the newest {keep} are kept."
            ).format(value=keeper.timer.interval() // 60000, keep=keeper.keep)
        self.intro.setText(
            self.tr(
                "Backups of {value} (in {value2}).{every}\nRestoring replaces the project with the backup; the project as it is now is backed up first."
            ).format(
                value=path.name if path else "this project", value2=path.name + ".backups" if path else "-", every=every
            )
        )
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            try:
                contents = check_backup(info.path)
                cells = [info.describe(), str(contents.documents), str(contents.spans), str(contents.relations)]
            except AnnotatorError:
                cells = [info.describe(), "unreadable", "", ""]
            cells.append(_size(info.size))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)  # item views show plain text
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        if self.backups:
            self.table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)
        keeper = getattr(self.main_window, "backup_keeper", None)
        self.backup_button.setEnabled(keeper is not None and self.main_window.project.path is not None)

    def selected(self) -> BackupInfo | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.backups[min(rows)] if rows else None

    def back_up_now(self) -> None:
        keeper = getattr(self.main_window, "backup_keeper", None)
        if keeper is None:
            return
        info = keeper.backup_now("manual")
        if info is not None:
            self.main_window.say(self.tr("Backed up to {name}").format(name=info.path.name))
        self.reload()

    def restore_selected(self, *, confirm: bool = True) -> bool:
        info = self.selected()
        if info is None:
            return False
        if confirm:
            box = message_box(
                self,
                QMessageBox.Icon.Question,
                APP_TITLE,
                self.tr(
                    "Replace the project with the backup made {describe}?\n\nThe project as it is now is backed up first, so this can be undone by restoring that backup. The undo history is cleared."
                ).format(describe=info.describe()),
            )
            box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            if box.exec() != QMessageBox.StandardButton.Yes:
                return False
        if restore_into_window(self.main_window, info):
            self.accept()
            return True
        self.reload()
        return False


def restore_into_window(window: MainWindow, info: BackupInfo | str) -> bool:
    """Restore a backup into the window's project and open it again; False (and an error box) on failure."""
    project = window.project
    if project.path is None:
        show_error(
            window,
            QCoreApplication.translate(
                "backups_dialog", "This project is not kept in a file; there is nothing to restore into."
            ),
        )
        return False
    path = Path(project.path)
    backup = info.path if isinstance(info, BackupInfo) else Path(info)
    keeper = getattr(window, "backup_keeper", None)
    if keeper is not None:
        keeper.wait()  # a timed backup still reading the project finishes first
    try:
        safety = restore_backup(path, backup, keep=keeper.keep if keeper is not None else DEFAULT_KEEP)
        reopened = Project.open(path)
    except AnnotatorError as exc:
        show_error(
            window,
            QCoreApplication.translate("backups_dialog", "The backup was not restored.\n\n{exc}").format(exc=exc),
            QCoreApplication.translate("backups_dialog", "Restore failed"),
        )
        return False
    if keeper is not None:
        keeper.skip_next_open = True
    window._use_project(reopened, window.annotator)  # the window's way to switch projects
    project.close()
    window.say(
        QCoreApplication.translate(
            "backups_dialog", "Restored the backup {name}; the project as it was is in {name2}."
        ).format(name=backup.name, name2=safety.path.name)
    )
    return True


def open_backups_dialog(window: MainWindow) -> None:
    """File > Restore backup…"""
    if window.project.path is None:
        show_error(
            window,
            QCoreApplication.translate("backups_dialog", "This project is not kept in a file; it has no backups."),
        )
        return
    dialog = BackupsDialog(window)
    QTimer.singleShot(0, dialog.table.setFocus)
    dialog.exec()
    dialog.deleteLater()
