"""Project search from the GUI: normalised hits in context; double-click opens the document at
the hit with the hit selected (ready to tag); the find bar's match modes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from ui_helpers import select, show_window

from annotator.core.model import Document
from annotator.core.offsets import QtPositionMap
from annotator.store.project import Project
from annotator.ui.assist_menus import open_search
from annotator.ui.hit_list import HIT_ROLE, ContextDelegate, HitModel
from annotator.ui.main_window import MainWindow
from annotator.ui.search_dialog import SearchDialog

FIRST = "أطلقت مُسَيَّرَةٌ فوق موسكو، وقال إن لروسيا حقاً."
SECOND = "سطر أول\nأسقطت الدفاعات مسيّرة ثانية وبمسيرة ثالثة، والمسيرات كثيرة."


@pytest.fixture
def project(tmp_path: Path):
    project = Project.create(tmp_path / "s.annotator.db")
    project.add_document(Document(text=FIRST, ext_id="first", title="الأولى"))
    project.add_document(Document(text=SECOND, ext_id="second", title="الثانية"))
    yield project
    project.close()


@pytest.fixture
def window(qtbot, project: Project) -> MainWindow:
    return show_window(qtbot, project, annotator="amal")


def surfaces(dialog: SearchDialog) -> list[tuple[str, str]]:
    model = dialog.model
    return [
        (model.data(model.index(r, HitModel.DOCUMENT)), model.data(model.index(r, HitModel.CONTEXT), HIT_ROLE)[1])
        for r in range(model.rowCount())
    ]


def test_search_finds_diacritised_and_clitic_forms_across_documents(qtbot, window: MainWindow) -> None:
    dialog = open_search(window)
    assert not dialog.isModal()
    dialog.field.setText("مسيرة")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert surfaces(dialog) == [("الأولى", "مُسَيَّرَةٌ"), ("الثانية", "مسيّرة"), ("الثانية", "مسيرة")]
    assert dialog.summary.text() == "3 hits in 2 documents."
    dialog.set_mode("word")
    assert [s for _d, s in surfaces(dialog)] == ["مُسَيَّرَةٌ", "مسيّرة"]
    dialog.set_mode("anywhere")
    dialog.field.setText("مسير")
    dialog.run()
    assert len(surfaces(dialog)) == 4  # also inside المسيرات
    dialog.field.setText("لا شيء من هذا")
    dialog.run()
    assert dialog.summary.text() == "No hits in 2 documents."


def test_double_click_opens_the_document_with_the_hit_selected(qtbot, window: MainWindow) -> None:
    assert window.current_document().ext_id == "first"
    dialog = open_search(window)
    dialog.field.setText("مسيرة")
    dialog.run()
    row = 2  # the مسيرة of وبمسيرة in the second document
    rect = dialog.table.visualRect(dialog.model.index(row, HitModel.CONTEXT))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_document().ext_id == "second"
    view = window.document_view
    cursor = view.textCursor()
    qmap = QtPositionMap.for_text(view.text)
    start = SECOND.index("وبمسيرة") + 2
    assert (qmap.from_qt(cursor.selectionStart()), qmap.from_qt(cursor.selectionEnd())) == (start, start + 5)
    window.tag("EVENT")  # the hit is ready to tag
    assert [SECOND[s.start : s.end] for s in window.document_view.spans] == ["مسيرة"]


def test_starts_from_the_selection_and_can_stay_in_the_current_document(qtbot, window: MainWindow) -> None:
    view = window.document_view
    start = FIRST.index("مُسَيَّرَةٌ")
    select(view, start, start + len("مُسَيَّرَةٌ"))
    dialog = open_search(window)
    assert dialog.field.text() == "مُسَيَّرَةٌ"
    assert len(surfaces(dialog)) == 3
    dialog.scope_box.setChecked(True)
    assert surfaces(dialog) == [("الأولى", "مُسَيَّرَةٌ")]
    assert open_search(window) is dialog  # one dialog per window


def test_context_delegate_centres_the_hit(qtbot) -> None:
    from annotator.ui.fonts import document_font

    delegate = ContextDelegate(document_font(14))
    layout, left, right = delegate.layout("قال إن ", "لروسيا", " حقاً")
    line = layout.lineAt(0)
    assert 0 <= left < right <= line.naturalTextWidth() + 2
    # right to left: the text before the hit is to its right
    before_x = line.cursorToX(0)[0]
    assert before_x > right


def test_find_bar_modes(qtbot, window: MainWindow) -> None:
    view = window.document_view
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    bar.field.insert("روسيا")
    assert view.find_hits() == [(FIRST.index("لروسيا") + 1, FIRST.index("لروسيا") + 6)]  # anywhere
    bar.set_mode("word")
    assert view.find_hits() == []
    bar.set_mode("clitics")
    assert view.find_hits() == [(FIRST.index("لروسيا") + 1, FIRST.index("لروسيا") + 6)]
    bar.field.clear()
    bar.field.insert("مسيرة")
    bar.set_mode("exact")
    assert view.find_hits() == []
    assert not bar.hamza_box.isEnabled()
    bar.set_mode("anywhere")
    start = FIRST.index("مُسَيَّرَةٌ")
    assert view.find_hits() == [(start, start + len("مُسَيَّرَةٌ"))]
    assert bar.count_label.text() == "1 of 1"
    with pytest.raises(ValueError):
        bar.set_mode("fuzzy")


def test_enter_in_the_list_opens_the_hit_and_keeps_the_dialog(qtbot, window: MainWindow) -> None:
    dialog = open_search(window)
    dialog.field.setText("لروسيا")
    dialog.run()
    assert [s for _d, s in surfaces(dialog)] == ["لروسيا"]
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(0, HitModel.CONTEXT))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.isVisible()
    cursor = window.document_view.textCursor()
    assert cursor.hasSelection() and cursor.selectedText() == "لروسيا"


def test_follows_the_window_to_another_project(qtbot, window: MainWindow, tmp_path: Path) -> None:
    dialog = open_search(window)
    dialog.field.setText("مسيرة")
    dialog.run()
    other = Project.create(tmp_path / "other.annotator.db")
    other.add_document(Document(text="مسيرة واحدة هنا", ext_id="x", title="أخرى"))
    other.close()
    assert window.open_project(tmp_path / "other.annotator.db")
    dialog.open_row(0)  # a hit of the old project: the search runs again in the new one
    assert surfaces(dialog) == [("أخرى", "مسيرة")]
    assert open_search(window) is dialog
