"""Concurrent use of one project file: the GUI and a CLI import at once, two windows, two
processes, two threads. No "database is locked" reaches anyone, nothing is lost, and the window
shows the other program's changes (file-change notice, or on focus)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from gui_helpers import BoxRecorder, show_window
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication
from reliability_helpers import (
    FIGURES,
    State,
    apply_effects,
    describe_diff,
    make_project,
    read_log,
    read_state,
    restrict,
    write_import_source,
)

from annotator.core.model import Span
from annotator.store.project import Project, ProjectBusyError

IMPORTED = 1500


def _console_script() -> list[str]:
    script = Path(sys.executable).with_name("annotator")
    return [str(script)] if script.exists() else [sys.executable, "-m", "annotator.cli"]


def _stored_spans(db: Path, annotator: str) -> set[tuple[int, int, int, str]]:
    with Project.open(db) as other:
        rows = other.conn.execute(
            'SELECT s.document_id, s."start", s."end", s.label FROM spans s JOIN annotators a ON a.id = s.annotator_id '
            "WHERE a.name = ?",
            (annotator,),
        )
        return set(rows)


def test_gui_edits_while_a_cli_import_runs(qtbot, tmp_path: Path, monkeypatch) -> None:
    db = make_project(tmp_path / "shared.annotator.db")
    source = write_import_source(tmp_path / "import.jsonl", IMPORTED)
    boxes = BoxRecorder(monkeypatch)
    project = Project.open(db)
    window = show_window(qtbot, project, annotator="amal")
    failures: list[str] = []
    window.editor.failed.connect(failures.append)
    doc_id = window.current_document().id
    length = len(window.current_document().text)

    process = subprocess.Popen(
        [*_console_script(), "import", str(db), str(source)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    made: list[tuple[int, int]] = []
    waits: list[float] = []  # how long each GUI write took (waiting for the import's lock included)
    n = 0
    while process.poll() is None:
        start = n % (length - 2)
        n += 1
        began = time.monotonic()
        assert window.editor.add_span(doc_id, Span(start, start + 2, "PER", "amal")), failures
        waits.append(time.monotonic() - began)
        made.append((start, start + 2))
        qtbot.wait(5)  # the event loop runs between edits, as between key presses
    out, err = process.communicate()
    assert process.returncode == 0, err
    assert "locked" not in err.lower() and "Imported: 1500 documents added" in out
    assert failures == [] and boxes.boxes == []
    typical = sorted(waits)[len(waits) // 2]
    assert max(waits) > max(0.05, 10 * typical), "no GUI write overlapped the import's transaction"
    stored = {(s, e) for d, s, e, label in _stored_spans(db, "amal") if d == doc_id and label == "PER"}
    assert set(made) <= stored
    FIGURES["concurrent_gui_writes"] += len(made)

    # The window shows the import's documents once the file-change notice arrives.
    qtbot.waitUntil(lambda: window.document_count() == 3 + IMPORTED, timeout=10_000)
    assert window.current_document().id == doc_id  # and stays on the document shown
    project.close()


def test_a_second_window_shows_the_first_windows_edits(qtbot, tmp_path: Path) -> None:
    db = make_project(tmp_path / "two.annotator.db")
    first = show_window(qtbot, Project.open(db), annotator="amal")
    second = show_window(qtbot, Project.open(db), annotator="amal")
    doc_id = first.current_document().id
    assert second.current_document().id == doc_id
    assert first.editor.add_span(doc_id, Span(4, 9, "GPE", "amal"))
    assert first.editor.set_status(doc_id, "amal", "done")
    qtbot.waitUntil(lambda: any(s.label == "GPE" for s in second.document_view.spans), timeout=5000)
    qtbot.waitUntil(lambda: second.document_model.info(second.current_row()).status == "done", timeout=5000)
    assert second.project_watch.refreshes >= 1
    # Edits the second window makes now go on top of the first window's.
    span = next(s for s in second.document_view.spans if s.label == "GPE")
    assert second.editor.delete_span(doc_id, span)
    qtbot.waitUntil(lambda: not any(s.label == "GPE" for s in first.document_view.spans), timeout=5000)
    for window in (first, second):
        window.project.close()


def test_the_window_refreshes_on_focus_when_no_file_notice_came(qtbot, tmp_path: Path) -> None:
    db = make_project(tmp_path / "focus.annotator.db")
    window = show_window(qtbot, Project.open(db), annotator="amal")
    watch = window.project_watch
    watch.watcher.removePaths(watch.watcher.files() + watch.watcher.directories())
    watch.watcher.fileChanged.disconnect()
    watch.watcher.directoryChanged.disconnect()
    watch._watch_paths = lambda **_kwargs: None  # no file notices at all in this test
    qtbot.wait(400)  # the activation of show_window has been checked
    watch.timer.stop()
    with Project.open(db) as other:
        doc_id = other.find_document("doc-1")
        other.add_span(doc_id, Span(0, 5, "ORG", "amal"))
    qtbot.wait(600)
    assert watch.refreshes == 0
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))
    qtbot.waitUntil(lambda: watch.refreshes == 1, timeout=3000)
    assert window.select_document("doc-1")
    assert any(s.label == "ORG" and (s.start, s.end) == (0, 5) for s in window.document_view.spans)
    # Focus without outside changes re-reads nothing.
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))
    qtbot.wait(500)
    assert watch.refreshes == 1
    window.project.close()


def test_a_write_blocked_too_long_says_so_plainly_and_changes_nothing(qtbot, tmp_path: Path, monkeypatch) -> None:
    db = make_project(tmp_path / "busy.annotator.db")
    boxes = BoxRecorder(monkeypatch)
    project = Project.open(db)
    window = show_window(qtbot, project, annotator="amal")
    project.conn.execute("PRAGMA busy_timeout = 200")  # instead of waiting 10 s for the other program
    doc_id = window.current_document().id
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program in the middle of a long import
    try:
        before = len(window.document_view.spans)
        assert not window.editor.add_span(doc_id, Span(1, 4, "PER", "amal"))
        assert len(window.document_view.spans) == before
        assert window.editor.stack.count() == 0
        [box] = boxes.boxes
        assert box.plain and "database is locked" not in box.text and "another program" in box.text
        assert "nothing was changed" in box.text
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert window.editor.add_span(doc_id, Span(1, 4, "PER", "amal"))  # once it is done, the same edit works
    with pytest.raises(ProjectBusyError):  # the store's own error type, an AnnotatorError
        other = sqlite3.connect(db, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            project.set_setting("x", "y")
        finally:
            other.execute("ROLLBACK")
            other.close()
    project.close()


def test_two_writer_processes_at_once_lose_nothing(tmp_path: Path, fork_server, seed) -> None:
    """Two processes edit two layers of one project at once, through the GUI's undo commands."""
    db = make_project(tmp_path / "procs.annotator.db")
    with Project.open(db) as project:
        state = read_state(project)
    runs = []
    for n, annotator in enumerate(("amal", "badr")):
        log = tmp_path / f"{annotator}.log"
        reply = fork_server.request(
            cmd="write", db=str(db), seed=seed + 50 + n, log=str(log), annotator=annotator, max_writes=250
        )
        runs.append((annotator, reply["pid"], log))
    for _annotator, pid, log in runs:
        ended = fork_server.request(cmd="wait", pid=pid)
        assert ended["status"] == 0, Path(f"{log}.err").read_text()[-2000:]
    with Project.open(db) as project:
        assert project.check() == []
        actual = read_state(project)
    writes = 0
    for annotator, _pid, log in runs:
        # Each layer is checked on its own: the two writers never touch each other's rows, but
        # they share the id space (an id one frees, the other may take), so their effects do not
        # combine in log order.
        expected = restrict(state, annotator)
        for record in read_log(log):
            if record.get("phase") == "ok":
                apply_effects(expected, record["effects"])
                writes += 1
            elif record.get("phase") == "fail":
                # The one refusal two writers cause each other: undoing a deletion whose id the
                # other has taken since (ids are reused, see test_undo_never_touches...). The GUI
                # says so and clears the undo history; nothing was changed.
                assert record["op"].startswith(("undo", "redo")) and "is taken by another" in record["message"], record
                FIGURES["undo_refused_reused_id"] += 1
        assert restrict(actual, annotator) == expected, describe_diff(expected, restrict(actual, annotator))
    assert writes > 450
    FIGURES["concurrent_writes"] += writes


def test_undo_never_touches_a_span_another_window_made(qtbot, tmp_path: Path) -> None:
    db = make_project(tmp_path / "ids.annotator.db")
    first = show_window(qtbot, Project.open(db), annotator="amal")
    second = show_window(qtbot, Project.open(db), annotator="amal")
    doc_id = first.current_document().id
    assert first.editor.add_span(doc_id, Span(4, 9, "GPE", "amal"))  # the newest span: the highest id
    qtbot.waitUntil(lambda: any(s.label == "GPE" for s in second.document_view.spans), timeout=5000)
    made = next(s for s in second.document_view.spans if s.label == "GPE")
    assert second.editor.delete_span(doc_id, made)
    assert second.editor.add_span(doc_id, Span(12, 20, "ORG", "amal"))  # the second window's new span
    shown: list[str] = []

    def answer_the_box() -> None:  # the refused undo is reported in a (modal) message box
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(50, answer_the_box)
            return
        shown.append(box.text())
        box.accept()

    QTimer.singleShot(50, answer_the_box)
    first.editor.stack.undo()  # undo "Tag GPE" in the first window: its span is gone already
    assert shown and "no span" in shown[0], shown
    with Project.open(db) as other:
        labels = [s.label for s in other.spans(doc_id, "amal")]
    for window in (first, second):
        window.project.close()
    assert "ORG" in labels, "the first window's undo deleted the span the second window made"


def test_two_connections_in_two_threads(tmp_path: Path) -> None:
    db = make_project(tmp_path / "threads.annotator.db")
    errors: list[BaseException] = []
    done: dict[str, list[tuple[int, int, int]]] = {}
    barrier = threading.Barrier(2)

    def work(annotator: str) -> None:
        try:
            with Project.open(db) as project:
                docs = project.document_ids()
                kept = []
                barrier.wait()
                for i in range(150):
                    doc = docs[i % len(docs)]
                    span = project.add_span(doc, Span(i % 20, i % 20 + 3, "PER", annotator))
                    if i % 3 == 0:
                        project.update_span(span.id, label="ORG")
                    if i % 5 == 0:
                        project.delete_span(span.id)
                    else:
                        kept.append((doc, span.id, i))
                    project.set_status(doc, annotator, "in_progress" if i % 2 else "done")
                done[annotator] = kept
        except BaseException as exc:  # reported below, with the other thread's
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(name,)) for name in ("amal", "badr")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    with Project.open(db) as project:
        assert project.check() == []
        state: State = read_state(project)
    for annotator, kept in done.items():
        ids = {sid for sid, fields in state.spans.items() if fields["annotator"] == annotator}
        assert ids == {sid for _doc, sid, _i in kept}
        for _doc, sid, i in kept:
            assert state.spans[sid]["label"] == ("ORG" if i % 3 == 0 else "PER")
    FIGURES["concurrent_writes"] += 2 * 150


@pytest.fixture(autouse=True)
def _no_user_config(tmp_path_factory, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("QT_QPA_PLATFORM", os.environ.get("QT_QPA_PLATFORM", "offscreen"))
