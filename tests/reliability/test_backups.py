"""Rolling backups (annotator/store/backups.py) and restoring one, in the store and in the GUI."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from gui_helpers import BoxRecorder, show_window
from PySide6.QtWidgets import QMessageBox
from reliability_helpers import BAD, FIGURES, full_dump, make_project

from annotator.cli import cli
from annotator.core.errors import AnnotatorError
from annotator.core.model import Span
from annotator.store.backups import (
    backup_folder,
    check_backup,
    list_backups,
    make_backup,
    needs_backup,
    prune,
    restore_backup,
)
from annotator.store.project import Project
from annotator.ui.backups_dialog import BackupsDialog
from annotator.ui.settings import AppSettings


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return make_project(tmp_path / "news.annotator.db")


def _content(path: Path) -> dict:
    """The data of a project file, without the journal mode that tells a live file from a backup."""
    dump = full_dump(path)
    dump.pop("schema")
    return dump


def test_a_backup_is_a_whole_self_contained_copy(db: Path) -> None:
    with Project.open(db) as project:
        project.add_span(1, Span(0, 3, "ORG", "amal"))  # still in the -wal: the backup must have it
        info = make_backup(project, reason="manual")
        live = _content(db)
    assert info.path.parent == backup_folder(db) == db.with_name(db.name + ".backups")
    assert info.reason == "manual" and info.rolling
    assert _content(info.path) == live
    assert full_dump(info.path)["schema"] == full_dump(db)["schema"]
    with sqlite3.connect(info.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # no -wal needed beside it
    assert check_backup(info.path).spans == 7
    with Project.open(info.path) as copy:  # and it opens as a project
        assert copy.check() == []
    FIGURES["backups_made"] += 1


def test_only_the_newest_k_rolling_backups_are_kept(db: Path) -> None:
    folder = backup_folder(db)
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    migration = db.with_name(f"{db.name}.v1.20240101T000000000000.bak")
    shutil.copy(db, migration)
    made = []
    with Project.open(db) as project:
        for n in range(7):
            project.set_setting("n", str(n))
            made.append(make_backup(project, reason="timer", keep=4))
            time.sleep(0.002)  # names are to the microsecond; keep them apart
    rolling = [b for b in list_backups(db) if b.rolling]
    assert [b.path for b in rolling] == [m.path for m in reversed(made[-4:])]  # newest first
    for old in made[:3]:
        assert not old.path.exists()
    assert (folder / "notes.txt").read_text() == "mine"  # files it did not name are left alone
    [upgrade] = [b for b in list_backups(db) if not b.rolling]
    assert upgrade.path == migration and upgrade.reason == "before-upgrade" and upgrade.schema == 1
    assert "before upgrading from schema 1" in upgrade.describe()
    assert prune(db, 1) == [m.path for m in reversed(made[-4:-1])]
    assert migration.exists()
    FIGURES["backups_made"] += 7


def test_no_backup_is_due_until_the_project_changes(db: Path) -> None:
    assert needs_backup(db)
    with Project.open(db) as project:
        make_backup(project, reason="open")
        assert not needs_backup(db)
        time.sleep(0.01)
        project.add_span(1, Span(0, 3, "ORG", "amal"))
        assert needs_backup(db)
    FIGURES["backups_made"] += 1


def test_restore_replaces_the_data_and_first_backs_up_the_current_state(db: Path) -> None:
    with Project.open(db) as project:
        backup = make_backup(project, reason="manual")
        before = _content(db)
        doc = project.find_document("doc-0")
        project.add_span(doc, Span(0, 3, "ORG", "amal"))
        project.delete_span(project.spans(doc, "omar")[0].id)
        changed = _content(db)
        assert changed != before
        safety = restore_backup(db, backup.path)
        # The connection open during the restore reads the restored data at once.
        assert [s.label for s in project.spans(doc)] == ["PER", "QUOTE"]
    assert safety.reason == "before-restore"
    assert _content(safety.path) == changed  # the state before the restore is kept
    assert _content(db) == before
    with Project.open(db) as project:
        assert project.check() == []
        assert project.conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    FIGURES["backups_made"] += 2


@pytest.mark.parametrize("kind", ["damaged", "not-a-project", "newer", "missing", "the-project"])
def test_an_unusable_backup_is_refused_and_the_project_is_unchanged(db: Path, tmp_path: Path, kind: str) -> None:
    bad = tmp_path / f"{kind}.db"
    if kind == "damaged":
        with Project.open(db) as project:
            info = make_backup(project)
        data = bytearray(info.path.read_bytes())
        data[4096 : 3 * 4096] = bytes(2 * 4096)
        bad.write_bytes(bytes(data))
    elif kind == "not-a-project":
        with sqlite3.connect(bad) as conn:
            conn.execute("CREATE TABLE t (x)")
    elif kind == "newer":
        shutil.copy(db, bad)
        with sqlite3.connect(bad) as conn:
            conn.execute("PRAGMA user_version = 99")
    elif kind == "the-project":
        bad = db
    before = full_dump(db)
    with pytest.raises(AnnotatorError) as info:
        restore_backup(db, bad)
    assert str(bad) in str(info.value)
    assert full_dump(db) == before


def test_a_damaged_project_file_is_replaced_by_the_backup(db: Path) -> None:
    with Project.open(db) as project:
        backup = make_backup(project)
    good = _content(db)
    data = bytearray(db.read_bytes())
    data[4096 : 3 * 4096] = bytes(2 * 4096)
    db.write_bytes(bytes(data))
    with pytest.raises(AnnotatorError, match="damaged"):
        Project.open(db)
    safety = restore_backup(db, backup.path)
    assert safety.path.read_bytes() == bytes(data)  # the damaged bytes are kept, just in case
    assert _content(db) == good
    Project.open(db).close()


# -- the GUI ------------------------------------------------------------------------------------


def test_the_application_backs_up_on_open_and_on_the_timer_only_after_changes(qtbot, db: Path) -> None:
    settings = AppSettings.at(db.with_name("settings.ini"))  # persistent settings: the application's
    window = show_window(qtbot, Project.open(db), annotator="amal", settings=settings)
    keeper = window.backup_keeper
    assert keeper.enabled
    [opened] = list_backups(db)
    assert opened.reason == "open"
    keeper.keep = 3
    keeper.set_interval(0.001)  # 60 ms
    qtbot.wait(300)
    assert len(list_backups(db)) == 1  # nothing changed: no timed backup
    doc = window.current_document().id
    for n in range(5):
        with qtbot.waitSignal(keeper.made, timeout=3000):
            assert window.editor.add_span(doc, Span(n, n + 2, "PER", "amal"))
        qtbot.wait(5)
    backups = list_backups(db)
    assert len(backups) == 3 and {b.reason for b in backups} == {"timer"}
    assert check_backup(backups[0].path).spans == 6 + 5
    # Opening the project again, unchanged since the last backup, makes none.
    keeper.timer.stop()
    window.project.close()
    time.sleep(0.01)
    window._use_project(Project.open(db), "amal")
    assert len(list_backups(db)) == 3
    keeper.timer.stop()
    window.project.close()
    FIGURES["backups_made"] += 4


def test_timed_backups_are_written_off_the_window_thread_while_work_goes_on(qtbot, db: Path) -> None:
    settings = AppSettings.at(db.with_name("settings.ini"))
    window = show_window(qtbot, Project.open(db), annotator="amal", settings=settings)
    keeper = window.backup_keeper
    keeper.timer.stop()
    doc = window.current_document().id
    assert window.editor.add_span(doc, Span(0, 2, "PER", "amal"))
    with qtbot.waitSignal(keeper.made, timeout=5000) as made:
        keeper.on_timer()
        assert window.editor.add_span(doc, Span(3, 5, "PER", "amal"))  # the window writes meanwhile
    assert keeper.last_worker_thread not in (None, threading.get_ident())
    assert made.args[0].reason == "timer" and check_backup(made.args[0].path).spans >= 6 + 1
    # The change made while it was written is newer than the backup: the next tick backs it up too.
    with qtbot.waitSignal(keeper.made, timeout=5000):
        keeper.on_timer()
    assert check_backup(list_backups(db)[0].path).spans == 6 + 2
    keeper.wait()
    window.project.close()
    FIGURES["backups_made"] += 2


def test_windows_without_user_settings_make_no_backups(qtbot, db: Path) -> None:
    window = show_window(qtbot, Project.open(db), annotator="amal")
    assert not window.backup_keeper.enabled
    assert not backup_folder(db).exists()
    window.project.close()


def test_a_failed_backup_is_said_and_work_goes_on(qtbot, db: Path) -> None:
    backup_folder(db).write_text("a file where the folder should be")
    window = show_window(qtbot, Project.open(db), annotator="amal", settings=AppSettings.at(db.with_name("s.ini")))
    assert window.statusBar().currentMessage().startswith("Backup failed:")
    assert window.editor.add_span(window.current_document().id, Span(0, 2, "PER", "amal"))
    window.backup_keeper.timer.stop()
    window.project.close()


def test_restoring_from_the_dialog_reopens_the_project(qtbot, db: Path, monkeypatch) -> None:
    settings = AppSettings.at(db.with_name("settings.ini"))
    window = show_window(qtbot, Project.open(db), annotator="amal", settings=settings)
    window.backup_keeper.timer.stop()
    doc = window.current_document().id
    assert window.editor.add_span(doc, Span(0, 2, "DATE", "amal"))
    assert any(s.label == "DATE" for s in window.document_view.spans)
    old_project = window.project

    # File > Restore backup… opens the dialog on the project's backups (here: the one made on opening).
    shown: list[BackupsDialog] = []
    monkeypatch.setattr(BackupsDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    window.restore_backup_action.trigger()
    [dialog] = shown
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text().endswith("(on opening)")
    assert dialog.table.item(0, 2).text() == "6"  # the spans it holds
    boxes = BoxRecorder(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not dialog.restore_selected()  # asked, and cancelled: nothing happens
    assert boxes.boxes[0].plain and window.project is old_project
    boxes.answer = QMessageBox.StandardButton.Yes
    assert dialog.restore_selected()

    assert window.project is not old_project  # opened again
    assert window.editor.stack.count() == 0
    assert not any(s.label == "DATE" for s in window.document_view.spans)
    reasons = [b.reason for b in list_backups(db)]
    assert reasons == ["before-restore", "open"]
    safety = list_backups(db)[0]
    assert check_backup(safety.path).spans == 7  # the state before the restore, DATE span included
    assert "Restored the backup" in window.statusBar().currentMessage()
    window.project.close()
    FIGURES["backups_made"] += 2


def test_restore_failure_is_shown_in_a_dialog_and_the_window_keeps_working(qtbot, db: Path, monkeypatch) -> None:
    from annotator.ui.backups_dialog import restore_into_window

    window = show_window(qtbot, Project.open(db), annotator="amal")
    boxes = BoxRecorder(monkeypatch)
    bogus = db.with_name("bogus.db")
    bogus.write_bytes(b"not a database at all" * 100)
    assert not restore_into_window(window, str(bogus))
    [box] = boxes.boxes
    assert box.plain and "was not restored" in box.text and "bogus.db" in box.text
    assert window.editor.add_span(window.current_document().id, Span(0, 2, "PER", "amal"))
    window.project.close()


def test_the_command_line_restores_a_damaged_project_and_keeps_the_damaged_file(db: Path) -> None:
    runner = CliRunner()
    made = runner.invoke(cli, ["backup", str(db)])
    assert made.exit_code == 0, made.output
    backup = Path(made.stdout.strip().removeprefix("Backed up to "))
    before = _content(db)
    shutil.copy(BAD / "truncated.db", db)  # the project file is damaged
    assert runner.invoke(cli, ["stats", str(db)]).exit_code == 1
    restored = runner.invoke(cli, ["restore", str(db), str(backup)])
    assert restored.exit_code == 0, restored.output
    assert _content(db) == before
    [kept] = [b for b in list_backups(db) if b.reason == "before-restore"]
    assert kept.path.read_bytes() == (BAD / "truncated.db").read_bytes()
    FIGURES["backups_made"] += 1
