"""MainWindow and run_gui on real project files: the seed article, document switching, screenshots."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.core.offsets import QtPositionMap
from annotator.store.project import Project
from annotator.ui.app import open_main_window, run_gui
from annotator.ui.document_list import DocumentListModel, first_strong_direction
from annotator.ui.main_window import MainWindow


@pytest.fixture
def make_window(qtbot):
    def make(project: Project, **kwargs) -> MainWindow:
        window = MainWindow(project, **kwargs)
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def test_shows_exactly_the_seed_text(seed_project: Project, make_window, seed_article: str) -> None:
    window = make_window(seed_project, annotator="amal")
    text = seed_article
    view = window.document_view
    assert window.current_document().ext_id == "seed"
    assert view.text == text
    assert view.toPlainText() == text
    assert view.document().toRawText() == QtPositionMap.for_text(text).qt_text()
    assert view.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_current_annotator_layer_only(seed_project: Project, make_window) -> None:
    window = make_window(seed_project, annotator="amal")
    spans = window.document_view.spans
    assert {s.annotator for s in spans} == {"amal"}
    assert sorted(s.label for s in spans) == ["GPE", "PER", "QUOTE"]
    assert window.span_count_label.text() == "3 spans"
    assert window.annotator_label.text() == "Annotator: amal"
    # The GPE inside لروسيا is highlighted on screen: the seed's first paragraph is visible.
    highlighted = {(s.label, s.text_in(window.document_view.text)) for s in window.document_view.highlighted_spans()}
    assert ("GPE", "روسيا") in highlighted


def test_all_layers_when_no_annotator(seed_project: Project, make_window) -> None:
    window = make_window(seed_project)
    assert {s.annotator for s in window.document_view.spans} == {"amal", "badr"}
    assert window.span_count_label.text() == "4 spans"
    assert window.annotator_label.text() == "Annotator: all layers"


def test_selecting_another_document_switches_the_view(
    seed_project: Project, make_window, qtbot, seed_article: str, second_text: str
) -> None:
    window = make_window(seed_project, annotator="amal")
    assert window.position_label.text() == "Document 1/2"
    table = window.document_table
    index = window.document_proxy.mapFromSource(window.document_model.index(1, DocumentListModel.TITLE))
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_document().ext_id == "second"
    assert window.document_view.text == second_text
    assert window.document_view.toPlainText() == second_text
    assert window.position_label.text() == "Document 2/2"
    assert window.span_count_label.text() == "1 span"
    window.previous_document()
    assert window.document_view.text == seed_article
    assert window.select_document("second")
    assert not window.select_document("no such document")
    assert window.current_document().ext_id == "second"


def test_list_and_title_are_plain_text(seed_project: Project, make_window) -> None:
    window = make_window(seed_project, annotator="amal")
    model = window.document_model
    assert model.rowCount() == 2
    assert model.data(model.index(1, DocumentListModel.TITLE)) == "<b>عنوان</b> ثان"
    assert model.data(model.index(0, DocumentListModel.SPANS)) == "3"
    assert model.data(model.index(0, DocumentListModel.STATUS)) == "in progress"
    assert model.data(model.index(1, DocumentListModel.STATUS)) == "in progress"
    assert "demo.annotator.db" in window.windowTitle()
    for label in (window.annotator_label, window.position_label, window.span_count_label):
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_zoom_actions(seed_project: Project, make_window) -> None:
    window = make_window(seed_project, font_size=20)
    view = window.document_view
    assert view.font_point_size() == 20
    window.zoom_in_action.trigger()
    assert view.font_point_size() == 21
    window.zoom_reset_action.trigger()
    assert view.font_point_size() == 20


def test_run_gui_screenshot(seed_project: Project, tmp_path: Path, qapp) -> None:
    png = tmp_path / "shot.png"
    assert run_gui(seed_project.path, screenshot=png, size=(900, 600), annotator="amal", font_size=24) == 0
    image = QImage(str(png))
    assert not image.isNull()
    assert (image.width(), image.height()) == (900, 600)
    assert QApplication.applicationName() == "annotator"


def test_run_gui_screenshot_of_a_chosen_document(seed_project: Project, tmp_path: Path, qapp) -> None:
    png = tmp_path / "second.png"
    assert run_gui(seed_project.path, screenshot=png, document="second") == 0
    assert (QImage(str(png)).width(), QImage(str(png)).height()) == (1200, 800)


def test_run_gui_errors_in_screenshot_mode(tmp_path: Path, seed_project: Project, capsys, qapp) -> None:
    png = tmp_path / "never.png"
    assert run_gui(tmp_path / "missing.db", screenshot=png) == 1
    assert "missing.db" in capsys.readouterr().err
    not_a_project = tmp_path / "notes.db"
    not_a_project.write_text("not sqlite at all " * 100)
    assert run_gui(not_a_project, screenshot=png) == 1
    assert "notes.db" in capsys.readouterr().err
    assert run_gui(seed_project.path, screenshot=png, document="nope") == 1
    assert "nope" in capsys.readouterr().err
    assert not png.exists()


def test_open_main_window_defaults_to_the_projects_annotator(seed_project: Project, qtbot) -> None:
    seed_project.set_setting("annotator", "badr")
    window = open_main_window(seed_project.path, document="seed")
    qtbot.addWidget(window)
    try:
        assert window.annotator == "badr"
        assert [s.label for s in window.document_view.spans] == ["PER"]
    finally:
        window.project.close()
    window = open_main_window(seed_project.path, annotator="amal", document="second")
    qtbot.addWidget(window)
    try:
        assert window.current_document().ext_id == "second"
        assert [s.label for s in window.document_view.spans] == ["ORG"]
    finally:
        window.project.close()


def test_title_direction_follows_its_first_strong_character() -> None:
    assert first_strong_direction("«بيان» الكرملين NATO") == Qt.LayoutDirection.RightToLeft
    assert first_strong_direction("2021: NATO و روسيا") == Qt.LayoutDirection.LeftToRight
    assert first_strong_direction("2021 — 😀") is None


INTERACTIVE_SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from annotator.ui.app import application, run_gui
from annotator.ui.main_window import MainWindow

app = application()

def close_main_window():
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    for window in windows:
        print("shown", window.current_document().ext_id, window.annotator, window.windowTitle(), flush=True)
        window.close()  # the last window closed ends the event loop

QTimer.singleShot(300, close_main_window)
QTimer.singleShot(20_000, lambda: app.exit(3))  # never hang the test run
print("exit", run_gui(Path(sys.argv[1]), annotator="amal", document="second"), flush=True)
"""


def test_run_gui_interactive_runs_until_the_window_closes(seed_project: Project) -> None:
    # The event loop runs in a child process: leaving QApplication.exec() leaves the process's
    # Qt state "quitting", which would end every later modal dialog of the test run at once.
    result = subprocess.run(
        [sys.executable, "-c", INTERACTIVE_SCRIPT, str(seed_project.path)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["shown second amal demo.annotator.db — Annotator", "exit 0"]


def test_run_gui_interactive_error_is_shown_in_a_message_box(tmp_path: Path, qapp) -> None:
    seen = []

    def dismiss() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append((box.textFormat(), box.text()))
            box.done(0)
        else:  # try again once the box is up
            QTimer.singleShot(50, dismiss)

    QTimer.singleShot(50, dismiss)
    assert run_gui(tmp_path / "missing <b>file</b>.db") == 1
    assert seen == [(Qt.TextFormat.PlainText, seen[0][1])]
    assert "missing <b>file</b>.db" in seen[0][1]
