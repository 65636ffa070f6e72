"""Tagging in the workspace with real widgets on a real project file: keys, palette, offsets
after emoji and CRLF, undo/redo of every kind of span edit, reopening the project."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import build_project, select, show_window, stored

from annotator.core.offsets import QtPositionMap
from annotator.store.project import Project
from annotator.ui.main_window import MainWindow


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


def test_tag_after_emoji_and_crlf_by_key_then_undo_and_reopen(qtbot, db: Path, window: MainWindow) -> None:
    assert window.select_document("emoji")
    view = window.document_view
    text = view.text
    assert "\r" not in text and text.count("\n") == 3  # the CRLF file was normalised on import
    # روسيا inside لروسيا (after the flag emoji and a CRLF), selected with the comma and space
    # after it: the clean selection drops both.
    word = text.index("لروسيا")
    select(view, word + 1, word + 8)  # "روسيا، "
    qmap = QtPositionMap.for_text(text)
    assert view.textCursor().selectionStart() == qmap.to_qt(word + 1) != word + 1  # emoji shift Qt positions
    qtbot.keyClick(view, Qt.Key.Key_3)  # GPE
    spans = stored(db, "emoji")
    assert [(s.label, text[s.start : s.end]) for s in spans] == [("GPE", "روسيا")]
    span = spans[0]
    assert (span.start, span.end) == (word + 1, word + 6)
    assert view.selected_span().id == span.id  # the new span is selected
    assert window.document_model.info(window.current_row()).span_count == 1

    # Another one in the last paragraph (after the second CRLF and two more emoji), exact with Alt.
    nato = text.index("NATO")
    select(view, nato, nato + 5)  # "NATO " with its space
    qtbot.keyClick(view, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    surfaces = sorted(text[s.start : s.end] for s in stored(db, "emoji"))
    assert surfaces == ["NATO ", "روسيا"]

    window.undo_action.trigger()
    assert [text[s.start : s.end] for s in stored(db, "emoji")] == ["روسيا"]
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(db, "emoji") == []
    assert view.spans == []
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    redone = stored(db, "emoji")
    assert [(s.id, s.start, s.end) for s in redone] == [(span.id, span.start, span.end)]  # the same id
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert len(stored(db, "emoji")) == 2

    # Reopening the project (a new window on Project.open) shows the same spans.
    shown = sorted((s.label, s.start, s.end) for s in view.spans)
    with Project.open(db) as again:
        other = show_window(qtbot, again)
        assert other.annotator == "amal" or other.annotator is None
        assert other.select_document("emoji")
        assert sorted((s.label, s.start, s.end) for s in other.document_view.spans) == shown
        other.close()


def test_selection_snaps_to_whole_graphemes_and_trims(qtbot, db: Path, window: MainWindow) -> None:
    window.select_document("emoji")
    view = window.document_view
    text = view.text
    thumbs = text.index("👍🏽")
    select(view, thumbs + 1, thumbs + 2)  # half of the emoji: its skin-tone modifier only
    qtbot.keyClick(view, Qt.Key.Key_6)
    (span,) = stored(db, "emoji")
    assert text[span.start : span.end] == "👍🏽"
    select(view, text.index(" حقها"), text.index(" حقها") + 1)  # a single space: nothing to tag
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert len(stored(db, "emoji")) == 1
    assert "Nothing to tag" in window.statusBar().currentMessage()


def test_tag_by_palette_click_and_alt_click(qtbot, db: Path, window: MainWindow) -> None:
    window.select_document("third")
    view = window.document_view
    text = view.text
    select(view, 0, len("وثيقة "))  # with the space
    qtbot.mouseClick(window.palette_bar.button("EVENT"), Qt.MouseButton.LeftButton)
    assert [(s.label, text[s.start : s.end]) for s in stored(db, "third")] == [("EVENT", "وثيقة")]
    assert view.hasFocus() or not window.palette_bar.button("EVENT").hasFocus()
    select(view, 0, len("وثيقة "))
    qtbot.mouseClick(window.palette_bar.button("DATE"), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.AltModifier)
    assert sorted((s.label, text[s.start : s.end]) for s in stored(db, "third")) == [
        ("DATE", "وثيقة "),
        ("EVENT", "وثيقة"),
    ]


def test_alt_with_a_letter_key_tags_exactly_and_does_not_open_a_menu(qtbot, db: Path, window: MainWindow) -> None:
    window.select_document("third")
    view = window.document_view
    text = view.text
    select(view, 0, len(text))  # the whole text, with its final full stop
    qtbot.keyClick(view, Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)
    assert [(s.label, s.start, s.end) for s in stored(db, "third")] == [("QUOTE", 0, len(text))]
    assert QApplication.activePopupWidget() is None
    select(view, 0, len(text))
    qtbot.keyClick(view, Qt.Key.Key_C)  # the clean selection drops the full stop
    assert ("CLAIM", 0, len(text) - 1) in [(s.label, s.start, s.end) for s in stored(db, "third")]


def test_label_key_without_selection_relabels_the_selected_span(qtbot, db: Path, window: MainWindow) -> None:
    window.select_document("quotes")
    view = window.document_view
    person = next(s for s in view.spans if s.label == "PER" and view.text[s.start : s.end] == "بوتين")
    window.select_span(person.id)
    qtbot.keyClick(view, Qt.Key.Key_2)  # ORG
    assert {s.id: s.label for s in stored(db, "quotes")}[person.id] == "ORG"
    assert view.selected_span().label == "ORG"
    window.undo_action.trigger()
    assert {s.id: s.label for s in stored(db, "quotes")}[person.id] == "PER"
    window.redo_action.trigger()
    assert {s.id: s.label for s in stored(db, "quotes")}[person.id] == "ORG"
    # The details panel's label combo does the same.
    combo = window.details_panel.label_combo
    combo.setFocus()
    combo.setCurrentText("ORG")
    qtbot.keyClick(combo, Qt.Key.Key_Up)  # ORG -> PER, as a user would
    assert {s.id: s.label for s in stored(db, "quotes")}[person.id] == "PER"


def test_delete_span_restores_it_and_its_relations_with_the_same_ids(
    qtbot, db: Path, window: MainWindow, project
) -> None:
    window.select_document("quotes")
    view = window.document_view
    quote = next(s for s in view.spans if s.label == "QUOTE")
    person = next(s for s in view.spans if s.label == "PER")
    cue = next(s for s in view.spans if s.label == "CUE")
    from annotator.core.model import Relation

    said = project.add_relation(Relation(quote.id, person.id, "SAID_BY", "amal"))
    cue_of = project.add_relation(Relation(cue.id, quote.id, "CUE_OF", "amal"))
    window.refresh()
    window.select_span(quote.id)
    assert len(window.details_panel.relations()) == 2
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    doc = project.find_document("quotes")
    assert quote.id not in {s.id for s in stored(db, "quotes")}
    assert project.relations(doc) == []
    assert view.selected_span() is None
    window.undo_action.trigger()
    assert quote.id in {s.id for s in stored(db, "quotes")}
    assert sorted((r.id, r.label, r.head, r.child) for r in project.relations(doc)) == sorted(
        [(said.id, "SAID_BY", quote.id, person.id), (cue_of.id, "CUE_OF", cue.id, quote.id)]
    )
    assert view.selected_span().id == quote.id
    assert len(window.details_panel.relations()) == 2
    window.redo_action.trigger()
    assert project.relations(doc) == []


def test_move_edges_by_keyboard_one_grapheme_at_a_time(qtbot, db: Path, window: MainWindow) -> None:
    window.select_document("quotes")
    view = window.document_view
    text = view.text
    gpe = next(s for s in view.spans if s.label == "GPE")
    assert text[gpe.start : gpe.end] == "روسيا"
    window.select_span(gpe.id)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    alt_shift = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier

    def surface() -> str:
        (span,) = [s for s in stored(db, "quotes") if s.id == gpe.id]
        return text[span.start : span.end]

    qtbot.keyClick(view, Qt.Key.Key_Right, alt_shift)  # start one earlier: the clitic lam comes in
    assert surface() == "لروسيا"
    qtbot.keyClick(view, Qt.Key.Key_Left, alt_shift)  # and out again
    assert surface() == "روسيا"
    qtbot.keyClick(view, Qt.Key.Key_Right, ctrl_shift)  # end one earlier
    assert surface() == "روسي"
    qtbot.keyClick(view, Qt.Key.Key_Left, ctrl_shift)
    qtbot.keyClick(view, Qt.Key.Key_Left, ctrl_shift)  # end past the closing quote mark
    assert surface() == 'روسيا"'
    # Consecutive moves of one span are one undo step.
    window.undo_action.trigger()
    assert surface() == "روسيا"
    window.undo_action.trigger()  # the start moves, merged too
    assert surface() == "روسيا"
    # A span never becomes empty.
    window.select_span(gpe.id)
    for _ in range(8):
        qtbot.keyClick(view, Qt.Key.Key_Right, ctrl_shift)
    assert surface() == "ر"
    assert "cannot get shorter" in window.statusBar().currentMessage()


def test_moving_an_edge_keeps_diacritics_with_their_letter(qtbot, tmp_path: Path) -> None:
    from annotator.core.model import Document, Span

    text = "مسيّرة تحلق"
    with Project.create(tmp_path / "h.db") as project:
        doc = project.add_document(Document(text=text, ext_id="h"))
        span = project.add_span(doc, Span(0, 2, "LOC", "amal"))
        window = show_window(qtbot, project, annotator="amal")
        window.select_span(span.id)
        keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        qtbot.keyClick(window.document_view, Qt.Key.Key_Left, keys)
        assert project.span(span.id).end == 4  # ي then ّ (shadda) together: never between them
        window.close()


def test_tab_and_shift_tab_jump_between_spans(qtbot, window: MainWindow) -> None:
    window.select_document("quotes")
    view = window.document_view
    view.setFocus()
    order = [s.id for s in view.spans]
    cursor = view.textCursor()
    cursor.setPosition(0)
    view.setTextCursor(cursor)
    seen = []
    for _ in range(len(order)):
        qtbot.keyClick(view, Qt.Key.Key_Tab)
        seen.append(view.selected_span().id)
    assert seen == order
    assert view.hasFocus()  # Tab did not move the focus away
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.selected_span().id == order[0]  # wraps around
    qtbot.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_span().id == order[-1]
    # The annotations panel follows.
    assert window.annotations_panel.current_span().id == order[-1]
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.selected_span() is None


def test_clicking_a_span_selects_it_and_again_the_span_around_it(qtbot, window: MainWindow) -> None:
    from ui_helpers import character_point

    window.select_document("quotes")
    view = window.document_view
    text = view.text
    point = character_point(view, text.index("بوتين") + 2)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.selected_span().label == "PER"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.selected_span().label == "QUOTE"
    assert window.details_panel.span().label == "QUOTE"
    # The selected span is outlined on screen.
    assert view.range_rects(view.selected_span().start, view.selected_span().end)


def test_selecting_in_the_annotations_panel_selects_in_the_view(qtbot, window: MainWindow) -> None:
    window.select_document("quotes")
    panel = window.annotations_panel
    model = panel.model
    row = next(r for r in range(model.rowCount()) if model.span(r).label == "PER" and r > 2)
    rect = panel.table.visualRect(model.index(row, 1))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.document_view.selected_span().id == model.span(row).id
    # Delete works from the list too.
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert model.rowCount() == 5


def test_undo_in_another_document_switches_back_to_it(qtbot, db: Path, window: MainWindow) -> None:
    window.select_document("third")
    view = window.document_view
    select(view, 0, 5)
    qtbot.keyClick(view, Qt.Key.Key_4)
    assert len(stored(db, "third")) == 1
    window.select_document("emoji")
    assert window.current_document().ext_id == "emoji"
    window.undo_action.trigger()
    assert window.current_document().ext_id == "third"
    assert stored(db, "third") == []
    assert view.spans == []
    window.select_document("quotes")
    window.redo_action.trigger()
    assert window.current_document().ext_id == "third"
    assert [s.label for s in view.spans] == ["LOC"]
    assert view.selected_span().label == "LOC"


def test_offsets_typed_in_the_details_panel(qtbot, db: Path, window: MainWindow) -> None:
    window.select_document("quotes")
    view = window.document_view
    text = view.text
    gpe = next(s for s in view.spans if s.label == "GPE")
    window.select_span(gpe.id)
    box = window.details_panel.start_box
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, str(gpe.start - 1))
    qtbot.keyClick(box, Qt.Key.Key_Return)
    (span,) = [s for s in stored(db, "quotes") if s.id == gpe.id]
    assert text[span.start : span.end] == "لروسيا"
    window.undo_action.trigger()
    (span,) = [s for s in stored(db, "quotes") if s.id == gpe.id]
    assert text[span.start : span.end] == "روسيا"


def test_all_layers_are_read_only_until_a_name_is_given(qtbot, project: Project, db: Path) -> None:
    window = show_window(qtbot, project, prompt=False)
    assert window.annotator is None
    window.select_document("third")
    select(window.document_view, 0, 5)
    qtbot.keyClick(window.document_view, Qt.Key.Key_1)
    assert stored(db, "third", None) == []
    assert "name" in window.statusBar().currentMessage()
    window.set_annotator("badr")
    assert window.annotator_label.text() == "Annotator: badr"
    select(window.document_view, 0, 5)
    qtbot.keyClick(window.document_view, Qt.Key.Key_1)
    assert [s.annotator for s in stored(db, "third", None)] == ["badr"]
