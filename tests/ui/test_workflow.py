"""Workflow in the workspace: done / next unfinished, find, zoom, dropping files, opening
projects, settings that persist, the first-run name prompt, label renames, plain text everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QHelpEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QMessageBox
from ui_helpers import answer_modal, build_project, character_point, select, show_window, stored

from annotator.core.labels import SpanLabel
from annotator.core.model import Document, Relation, Span
from annotator.core.offsets import QtPositionMap
from annotator.store.project import Project
from annotator.ui.dialogs import ask_annotator_name
from annotator.ui.document_list import DocumentListModel
from annotator.ui.main_window import MainWindow
from annotator.ui.menus import fill_recent_menu
from annotator.ui.settings import AppSettings
from annotator.ui.shortcuts import ShortcutsDialog


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return build_project(tmp_path)


@pytest.fixture
def project(db: Path):
    project = Project.open(db)
    yield project
    project.close()


@pytest.fixture
def window(qtbot, project: Project) -> MainWindow:
    return show_window(qtbot, project, annotator="amal")


def status_of(window: MainWindow, ext_id: str) -> str:
    model = window.document_model
    return model.data(model.index(model.row_of(ext_id), DocumentListModel.STATUS))


def test_mark_done_and_go_to_the_next_unfinished(qtbot, window: MainWindow, project: Project) -> None:
    view = window.document_view
    assert window.current_document().ext_id == "emoji"
    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert project.status(project.find_document("emoji"), "amal") == "done"
    assert status_of(window, "emoji") == "done"
    assert window.done_action.isChecked()
    assert window.done_label.text() == "Done 1/3"
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert window.current_document().ext_id == "quotes"
    window.done_action.trigger()
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.current_document().ext_id == "third"
    qtbot.keyClick(view, Qt.Key.Key_N)  # the others are done: nowhere to go
    assert window.current_document().ext_id == "third"
    window.done_action.trigger()
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert "Every document in the list is done" in window.statusBar().currentMessage()
    # Undo: the last one back to in progress (shown again), and Ctrl+D toggles.
    window.select_document("emoji")
    window.undo_action.trigger()
    assert window.current_document().ext_id == "third"
    assert project.status(project.find_document("third"), "amal") == "new"
    window.select_document("emoji")
    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert project.status(project.find_document("emoji"), "amal") == "in_progress"
    window.undo_action.trigger()
    assert project.status(project.find_document("emoji"), "amal") == "done"
    window.redo_action.trigger()
    assert project.status(project.find_document("emoji"), "amal") == "in_progress"
    assert status_of(window, "emoji") == "in progress"


def test_document_filter_and_sort(qtbot, window: MainWindow) -> None:
    proxy = window.document_proxy
    assert proxy.rowCount() == 3
    window.document_filter.setText("QUOTES")
    assert proxy.rowCount() == 1
    window.document_filter.setText("")
    window.document_table.sortByColumn(DocumentListModel.SPANS, Qt.SortOrder.DescendingOrder)
    first = window.document_model.info(proxy.mapToSource(proxy.index(0, 0)).row())
    assert first.ext_id == "quotes"
    window.toggle_done()
    window.document_filter.setText("done")
    assert proxy.rowCount() == 1
    # A filtered-out document shown by id clears the filter.
    assert window.select_document("third")
    assert window.document_filter.text() == ""


def test_find_bar_highlights_hits_and_enter_goes_to_the_next(qtbot, window: MainWindow) -> None:
    window.select_document("quotes")
    view = window.document_view
    text = view.text
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    bar.field.insert("بوتين")  # QTest types ASCII only
    assert view.find_hits() == [(text.index("بوتين"), text.index("بوتين") + 5)]
    bar.field.clear()
    bar.field.insert("ا")
    hits = view.find_hits()
    # Arabic-normalised by default: ا also finds أ and إ (Exact characters finds ا only).
    assert len(hits) == sum(text.count(alef) for alef in "اأإآ") and len(hits) > 3
    # The search goes on from where the cursor is (the hit for بوتين).
    first = next(i for i, (start, _) in enumerate(hits) if start >= text.index("بوتين"))
    assert bar.count_label.text() == f"{first + 1} of {len(hits)}"
    qmap = QtPositionMap.for_text(text)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count_label.text() == f"{first + 2} of {len(hits)}"
    assert view.textCursor().selectionStart() == qmap.to_qt(hits[first + 1][0])
    assert view.textCursor().selectedText() == "ا"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_label.text() == f"{first + 1} of {len(hits)}"
    # Hits are drawn (extra selections besides the spans') only while the bar is open.
    assert len(view.extraSelections()) > len(view.highlighted_spans())
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert view.find_hits() == []
    assert len(view.extraSelections()) == len(view.highlighted_spans())
    assert view.hasFocus()


def test_zoom_keys_and_font_size_persist(qtbot, project: Project, tmp_path: Path) -> None:
    settings = AppSettings.at(tmp_path / "settings.ini")
    window = show_window(qtbot, project, annotator="amal", settings=settings, font_size=20)
    view = window.document_view
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.font_point_size() == 21
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.font_point_size() == 19
    window.resize(640, 480)  # inside the offscreen screen (800x600): no clamping
    window.close()
    again = AppSettings.at(tmp_path / "settings.ini")
    assert again.font_size() == 19
    assert again.geometry() is not None and again.state() is not None
    second = MainWindow(project, annotator="amal", settings=again)
    qtbot.addWidget(second)
    assert second.document_view.font_point_size() == 19
    assert (second.width(), second.height()) == (640, 480)


def test_recent_projects_and_open_project(qtbot, window: MainWindow, tmp_path: Path) -> None:
    other_path = tmp_path / "other.annotator.db"
    with Project.create(other_path) as other:
        other.add_document(Document(text="نص آخر", ext_id="x", title="آخر"))
    assert window.open_project(other_path)
    assert window.project.path == other_path
    assert window.document_count() == 1
    assert window.annotator == "amal"  # kept: the other project names nobody
    assert "other.annotator.db" in window.windowTitle()
    assert window.editor.stack.count() == 0
    assert window.settings.recent_projects() == [str(other_path.resolve())]
    fill_recent_menu(window)
    assert [a.text() for a in window.recent_menu.actions()] == [str(other_path.resolve())]
    # A file that is not a project: a plain-text error, and the project stays open.
    bad = tmp_path / "<b>bad.db"
    bad.write_text("no database here " * 50)
    seen = answer_modal(qtbot, lambda box: box.done(0), kind=QMessageBox)
    assert not window.open_project(bad)
    assert seen[0].textFormat() == Qt.TextFormat.PlainText and "<b>bad.db" in seen[0].text()
    assert window.project.path == other_path


def drop(window: MainWindow, paths: list[Path], widget=None) -> bool:
    """Drag ``paths`` over ``widget`` (default: the text view) and drop them, as a file manager
    does: the drag enters (Qt picks the widget that accepts it), then the drop goes there."""
    widget = widget or window.document_view.viewport()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_dropping_text_files_imports_them(qtbot, window: MainWindow, project: Project, tmp_path: Path) -> None:
    folder = tmp_path / "dropped"
    folder.mkdir()
    first = folder / "new1.txt"
    first.write_bytes("خبر جديد 😀\r\nسطر ثان".encode())
    second = folder / "new2.txt"
    second.write_bytes("مقال <b>x</b>".encode("utf-16"))  # with a BOM: detected
    assert drop(window, [first, second])
    assert window.document_count() == 5
    assert window.current_document().ext_id == "new1"
    assert window.document_view.text == "خبر جديد 😀\nسطر ثان"
    assert project.document(project.find_document("new2")).text == "مقال <b>x</b>"
    assert "2 documents added" in window.statusBar().currentMessage()
    # A bad file among good ones: nothing is imported, the error is shown as plain text.
    broken = folder / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02binary")
    good = folder / "good.txt"
    good.write_text("نص جيد", encoding="utf-8")
    seen = answer_modal(qtbot, lambda box: box.done(0), kind=QMessageBox)
    drop(window, [good, broken])
    assert seen and seen[0].textFormat() == Qt.TextFormat.PlainText
    assert "broken.txt" in seen[0].text() and "unchanged" in seen[0].text()
    assert window.document_count() == 5
    assert project.find_document("good") is None


def test_dropping_a_project_file_opens_it(qtbot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "dropped.annotator.db"
    with Project.create(path) as other:
        other.add_document(Document(text="نص", ext_id="d"))
    drop(window, [path])
    assert window.project.path == path
    assert window.current_document().ext_id == "d"


def test_first_run_prompt_asks_for_the_name(qtbot, project: Project, db: Path, tmp_path: Path) -> None:
    def type_name(dialog: QInputDialog) -> None:
        assert dialog.textValue() == ""
        dialog.setTextValue("  سلمى   ع ")
        dialog.accept()

    answer_modal(qtbot, type_name, kind=QInputDialog)
    assert ask_annotator_name(None) == "سلمى ع"

    # A project that names nobody, opened from the window with no name anywhere: it asks.
    other_path = tmp_path / "nobody.db"
    with Project.create(other_path) as other:
        other.add_document(Document(text="نص", ext_id="n"))
    settings = AppSettings.at(tmp_path / "s.ini")
    window = show_window(qtbot, project, settings=settings)
    window.annotator = None
    window._cli_annotator = None

    def answer(dialog: QInputDialog) -> None:
        dialog.setTextValue("salma")
        dialog.accept()

    seen = answer_modal(qtbot, answer, kind=QInputDialog)
    assert window.open_project(other_path)
    assert seen
    assert window.annotator == "salma"
    assert settings.annotator() == "salma"
    assert window.project.get_setting("annotator") == "salma"


def test_screenshot_mode_never_prompts(qtbot, tmp_path: Path, qapp) -> None:
    from annotator.ui.app import run_gui

    path = tmp_path / "nobody.db"
    with Project.create(path) as other:
        other.add_document(Document(text="نص", ext_id="n"))
    png = tmp_path / "shot.png"
    assert run_gui(path, screenshot=png, size=(800, 500)) == 0  # would block on a dialog otherwise
    assert png.exists()


def test_label_rename_in_the_store_shows_after_refresh(qtbot, window: MainWindow, project: Project) -> None:
    window.select_document("quotes")
    view = window.document_view
    person = next(s for s in view.spans if s.label == "PER")
    window.select_span(person.id)
    project.rename_span_label("PER", "PERSON")
    qtbot.keyClick(view, Qt.Key.Key_F5)
    assert sorted({s.label for s in view.spans}) == ["CUE", "GPE", "ORG", "PERSON", "QUOTE"]
    assert "PERSON" in window.palette_bar.names() and "PER" not in window.palette_bar.names()
    model = window.annotations_panel.model
    assert "PERSON" in [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert window.details_panel.label_combo.currentText() == "PERSON"
    assert view.tooltip_text([view.span(person.id)]).startswith("PERSON:")
    # The renamed label keeps its colour and key: 1 still tags.
    select(view, 0, 3)
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert view.selected_span().label == "PERSON"


def test_text_and_titles_are_shown_literally_everywhere(qtbot, tmp_path: Path) -> None:
    text = 'قال <b>x</b> إن "<img src=x> وصل" &amp; انتهى'
    title = "<b>x</b> <img src=x>"
    with Project.create(tmp_path / "markup.db") as project:
        project.add_span_label(SpanLabel("<i>L</i>", key="7", description="<b>d</b>"))
        doc = project.add_document(Document(text=text, ext_id="<b>id</b>", title=title))
        bold = project.add_span(doc, Span(text.index("<b>"), text.index("</b>") + 4, "<i>L</i>", "amal"))
        quote = project.add_span(
            doc, Span(text.index('"'), text.rindex('"') + 1, "QUOTE", "amal", {"type": "<b>t</b>"})
        )
        project.add_relation(Relation(quote.id, bold.id, "SAID_BY", "amal"), check_labels=False)
        window = show_window(qtbot, project, annotator="amal")
        view = window.document_view
        assert view.toPlainText() == text
        model = window.document_model
        assert model.data(model.index(0, DocumentListModel.TITLE)) == title
        spans_model = window.annotations_panel.model
        cells = [spans_model.data(spans_model.index(r, c)) for r in range(2) for c in range(3)]
        assert "<b>x</b>" in cells and "<i>L</i>" in cells
        assert any("<b>t</b>" in c and "SAID_BY" in c for c in cells)
        window.select_span(quote.id)
        panel = window.details_panel
        assert panel.surface.text() == '"<img src=x> وصل"'
        assert panel.relations_list.item(0).text().endswith("\u2068<b>x</b>\u2069")
        assert window.palette_bar.button("<i>L</i>").text() == "<i>L</i>  7"
        # The tooltip over the bold span.
        point = character_point(view, bold.start + 1)
        QApplication.sendEvent(
            view.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
        )
        assert view.tooltip_widget.text() == "<i>L</i>: \u2068<b>x</b>\u2069"
        # Every label of the window is plain text, the tooltip's too.
        labels = [*window.findChildren(QLabel), view.tooltip_widget]
        assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
        window.close()


def test_help_lists_every_key_including_the_schemes(qtbot, window: MainWindow) -> None:
    dialog = ShortcutsDialog(window.scheme, window)
    qtbot.addWidget(dialog)
    keys = " | ".join(k for k, _ in dialog.rows())
    for needle in (
        "Ctrl+Shift+Left",
        "Alt+Shift+Left",
        "Tab",
        "Ctrl+Z",
        "Ctrl+Shift+Z",
        "Ctrl+D",
        "Ctrl+F",
        "q  (Alt+q",
    ):
        assert needle in keys
    assert window.shortcuts_action.shortcut().toString() == "F1"


def test_scheme_editor_from_the_menu_renames_a_label_in_the_window(qtbot, window: MainWindow, db: Path) -> None:
    from annotator.ui.scheme_editor import SchemeEditorDialog

    window.select_document("third")
    select(window.document_view, 0, 5)
    qtbot.keyClick(window.document_view, Qt.Key.Key_1)  # something to undo
    assert window.editor.stack.count() == 1
    window.select_document("quotes")
    assert window.scheme_action.text() == "&Label scheme…"

    def rename_per(dialog: SchemeEditorDialog) -> None:
        table = dialog.span_table
        row = next(r for r in range(table.rowCount()) if table.item(r, dialog.NAME).text() == "PER")
        table.item(row, dialog.NAME).setText("PERSON")
        dialog.accept()

    seen = answer_modal(qtbot, rename_per, kind=SchemeEditorDialog)
    window.scheme_action.trigger()
    assert seen
    assert "PERSON" in window.palette_bar.names() and "PER" not in window.palette_bar.names()
    assert "PERSON" in {s.label for s in window.document_view.spans}
    assert {s.label for s in stored(db, "third")} == {"PERSON"}
    assert window.editor.stack.count() == 0  # its commands named PER


def test_status_bar_counts(qtbot, window: MainWindow) -> None:
    window.select_document("quotes")
    assert window.position_label.text() == "Document 2/3"
    assert window.span_count_label.text() == "6 spans"
    assert window.relation_count_label.text() == "0 relations"
    assert window.annotator_label.text() == "Annotator: amal"
    assert window.done_label.text() == "Done 0/3"


def test_committed_per_action(qtbot, db: Path, window: MainWindow) -> None:
    window.select_document("third")
    view = window.document_view
    select(view, 0, 5)
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert len(stored(db, "third")) == 1  # another connection sees it: committed
    assert not window.project.conn.in_transaction


def test_view_drops_go_to_the_window(window: MainWindow) -> None:
    assert window.acceptDrops()
    assert not window.document_view.acceptDrops() and not window.document_view.viewport().acceptDrops()


FIRST_RUN_SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog
from annotator.ui.app import application, run_gui
from annotator.ui.main_window import MainWindow

app = application()

def answer():
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, QInputDialog):
        QTimer.singleShot(50, answer)
        return
    print("asked", flush=True)
    dialog.setTextValue("salma")
    dialog.accept()
    QTimer.singleShot(100, close)

def close():
    for window in [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]:
        print("annotator", window.annotator, flush=True)
        window.close()

QTimer.singleShot(50, answer)
QTimer.singleShot(20_000, lambda: app.exit(3))
print("exit", run_gui(Path(sys.argv[1])), flush=True)
"""


def test_first_run_of_the_gui_asks_for_the_name_and_remembers_it(tmp_path: Path, isolated_settings: Path) -> None:
    import os
    import subprocess
    import sys

    path = tmp_path / "nobody.db"
    with Project.create(path) as project:
        project.add_document(Document(text="نص", ext_id="n"))
    run = subprocess.run(
        [sys.executable, "-c", FIRST_RUN_SCRIPT, str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["asked", "annotator salma", "exit 0"]
    ini = (isolated_settings / "annotator" / "annotator.ini").read_text(encoding="utf-8")
    assert "annotator=salma" in ini and "nobody.db" in ini and "geometry" in ini
    with Project.open(path) as project:
        assert project.get_setting("annotator") == "salma"
    # The second run does not ask: the name comes from the project (and the settings).
    second = subprocess.run(
        [
            sys.executable,
            "-c",
            FIRST_RUN_SCRIPT.replace("QTimer.singleShot(50, answer)", "QTimer.singleShot(300, close)"),
            str(path),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
        check=False,
    )
    assert second.stdout.splitlines() == ["annotator salma", "exit 0"], second.stderr
