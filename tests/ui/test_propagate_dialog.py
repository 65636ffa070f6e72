"""Tag all occurrences from the GUI: preview with context and check boxes, Apply as ONE undo step,
in the document or across the project, without jumping between documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from ui_helpers import show_window

from annotator.core.model import Document, Span
from annotator.store.project import Project
from annotator.ui.hit_list import HIT_ROLE, HitModel
from annotator.ui.main_window import MainWindow
from annotator.ui.propagate_dialog import PropagateDialog, propagate_selected

FIRST = (
    "قال بوتين إن لروسيا مصالح، وروسيا لن تتراجع، وذهب الوفد بروسيا إلى موسكو. "
    "وأعلن الرئيس الروسي أن الروسية ضد بروسيان؛ رُوسْيَا قوية."
)
SECOND = "زار الوفد رُوسيا ثم عاد. وقال إن لروسيا حقاً، والروسي غاضب."
THIRD = "لا ذكر هنا إلا للروسيين."


@pytest.fixture
def project(tmp_path: Path):
    project = Project.create(tmp_path / "p.annotator.db")
    first = project.add_document(Document(text=FIRST, ext_id="first", title="الأولى"))
    project.add_document(Document(text=SECOND, ext_id="second", title="الثانية"))
    project.add_document(Document(text=THIRD, ext_id="third", title="الثالثة"))
    start = FIRST.index("لروسيا") + 1
    project.add_span(first, Span(start, start + 5, "GPE", "amal"))
    project.add_span(first, Span(FIRST.index("بروسيا") + 1, FIRST.index("موسكو") + 5, "EVENT", "amal"))
    project.add_span(first, Span(FIRST.index("وروسيا") + 1, FIRST.index("وروسيا") + 6, "GPE", "badr"))
    project.set_setting("annotator", "amal")
    yield project
    project.close()


@pytest.fixture
def window(qtbot, project: Project) -> MainWindow:
    window = show_window(qtbot, project, annotator="amal")
    assert window.select_document("first")
    source = next(s for s in window.document_view.spans if s.label == "GPE")
    window.select_span(source.id)
    return window


def rows(dialog: PropagateDialog) -> list[tuple[str, str, str]]:
    model = dialog.model
    return [
        (
            model.data(model.index(r, HitModel.DOCUMENT)),
            model.data(model.index(r, HitModel.CONTEXT), HIT_ROLE)[1],
            model.data(model.index(r, HitModel.CLITICS)),
        )
        for r in range(model.rowCount())
    ]


def amal(project: Project, ext_id: str) -> list[str]:
    doc = project.find_document(ext_id)
    text = project.document(doc).text
    return [text[s.start : s.end] for s in project.spans(doc, "amal") if s.label == "GPE"]


def test_preview_lists_stems_after_clitics_with_context(qtbot, window: MainWindow) -> None:
    dialog = propagate_selected(window)
    assert dialog.heading.text() == "Tag every occurrence of «\u2068روسيا\u2069» as GPE"
    assert rows(dialog) == [("الأولى", "روسيا", "و"), ("الأولى", "روسيا", "ب"), ("الأولى", "رُوسْيَا", "")]
    hits = dialog.model.hits()
    for hit in hits:
        assert FIRST[hit.start : hit.end] == hit.surface
        assert hit.before and hit.after
    assert "1 already tagged GPE" in dialog.summary.text()  # the span itself; badr's layer does not count
    assert dialog.model.columnCount() == 4  # a note column: the بروسيا hit overlaps the EVENT span
    assert dialog.model.data(dialog.model.index(1, HitModel.NOTE)) == "overlaps EVENT"
    assert dialog.apply_button.text() == "Apply (3)"
    dialog.reject()


def test_apply_checked_as_one_undo_step(qtbot, window: MainWindow, project: Project) -> None:
    dialog = propagate_selected(window)
    dialog.model.setData(
        dialog.model.index(1, HitModel.DOCUMENT), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
    )
    assert dialog.apply_button.text() == "Apply (2)"
    before = window.editor.stack.count()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.editor.stack.count() == before + 1
    assert sorted(amal(project, "first")) == ["روسيا", "روسيا", "رُوسْيَا"]
    assert len(window.document_view.spans) == 4  # the view shows them at once
    assert window.editor.stack.undoText().startswith("Tag all «\u2068روسيا\u2069» as GPE")
    window.undo_action.trigger()
    assert amal(project, "first") == ["روسيا"]
    assert len(window.document_view.spans) == 2
    window.redo_action.trigger()
    assert len(amal(project, "first")) == 3


def test_project_scope_does_not_jump_documents_and_updates_counts(qtbot, window: MainWindow, project: Project) -> None:
    dialog = propagate_selected(window, "project")
    assert [(doc, surface) for doc, surface, _c in rows(dialog)] == [
        ("الأولى", "روسيا"),
        ("الأولى", "روسيا"),
        ("الأولى", "رُوسْيَا"),
        ("الثانية", "رُوسيا"),
        ("الثانية", "روسيا"),
    ]
    assert "in 2 documents (of 3)" in dialog.summary.text()
    dialog.clitics_box.setChecked(False)  # whole words only
    assert [surface for _d, surface, _c in rows(dialog)] == ["رُوسْيَا", "رُوسيا"]
    dialog.clitics_box.setChecked(True)
    assert dialog.apply()
    assert window.current_document().ext_id == "first"  # no jump to the second document
    second_row = window.document_model.row_of("second")
    assert window.document_model.info(second_row).span_count == 2
    assert amal(project, "second") == ["رُوسيا", "روسيا"]
    window.undo_action.trigger()
    assert amal(project, "second") == []
    assert window.document_model.info(second_row).span_count == 0
    assert window.current_document().ext_id == "first"
    # again with nothing left to tag in the third document
    assert "للروسيين" in THIRD and amal(project, "third") == []


def test_keyboard_toggle_and_check_all(qtbot, window: MainWindow) -> None:
    dialog = propagate_selected(window)
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(0, HitModel.CONTEXT))
    before = window.editor.stack.count()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert not dialog.model.is_checked(0)
    assert dialog.isVisible() and window.editor.stack.count() == before  # Enter toggles, never applies
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.model.is_checked(0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    dialog._set_all(False)
    assert not dialog.apply_button.isEnabled() and not dialog.apply()
    dialog._set_all(True)
    assert dialog.apply_button.text() == "Apply (3)"
    dialog.reject()


def test_needs_a_selected_span_of_ones_own_layer(window: MainWindow) -> None:
    window.select_span(None)
    assert propagate_selected(window) is None
    badr = next(s for s in window.project.spans(window.current_document().id) if s.annotator == "badr")
    window.document_view.set_spans([*window.document_view.spans, badr])
    window.select_span(badr.id)
    assert propagate_selected(window) is None


def test_menu_shortcuts_reach_the_window_from_the_text(qtbot, window: MainWindow) -> None:
    view = window.document_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.findChild(PropagateDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.search_dialog.isVisible()
    window.search_dialog.close()


def test_every_label_is_plain_text(window: MainWindow) -> None:
    from PySide6.QtWidgets import QLabel

    from annotator.ui.assist_menus import open_search

    dialog = propagate_selected(window)
    search = open_search(window)
    labels = [*dialog.findChildren(QLabel), *search.findChildren(QLabel)]
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    dialog.reject()
    search.close()
