"""The Suggestions panel on the seed article in a real project file: suggest, accept and reject
from the list (buttons and keys), outlines over the text, clicking a suggestion in the text, and
every step undone and redone on the window's undo stack."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from ui_helpers import character_point, show_window

from annotator.assist.suggest import SUGGESTION_LAYER, suggest
from annotator.core.model import Span
from annotator.formats.seeds import DEMO_ANNOTATOR, build_demo_project
from annotator.store.project import Project
from annotator.ui.main_window import MainWindow
from annotator.ui.suggestions_panel import SuggestionsPanel

ENTITY_LABELS = ("PER", "ORG", "GPE", "LOC", "EVENT", "DATE")


@pytest.fixture
def project(tmp_path: Path):
    """The demo project plus amal's layer: the demo's entities only, no quotes."""
    project = build_demo_project(tmp_path / "seed.annotator.db")
    doc_id = project.document_ids()[0]
    demo = project.spans(doc_id, DEMO_ANNOTATOR)
    project.add_spans(doc_id, [Span(s.start, s.end, s.label, "amal") for s in demo if s.label in ENTITY_LABELS])
    yield project
    project.close()


@pytest.fixture
def window(qtbot, project: Project) -> MainWindow:
    window = show_window(qtbot, project, annotator="amal", prompt=False)
    window.suggestions_dock.show()
    window.suggestions_dock.raise_()
    return window


def panel_of(window: MainWindow) -> SuggestionsPanel:
    return window.suggestions_panel


def row_of_quote(panel: SuggestionsPanel, start: int) -> int:
    return next(i for i, g in enumerate(panel.groups) if g.kind == "quote" and g.span.start == start)


def surface(window: MainWindow, span: Span | None) -> str | None:
    return None if span is None else window.document_view.text[span.start : span.end]


def test_suggest_lists_the_seed_quotes_with_their_speakers_and_outlines_them(qtbot, window: MainWindow) -> None:
    panel = panel_of(window)
    assert panel.groups == [] and not panel.accept_all_button.isEnabled()
    layer_before = [s.id for s in window.document_view.spans]
    assert panel.suggest()
    first = panel.groups[row_of_quote(panel, 265)]
    second = panel.groups[row_of_quote(panel, 919)]
    assert (surface(window, first.cue), surface(window, first.speaker)) == ("أوضح", "الكرملين")
    assert (surface(window, second.cue), surface(window, second.speaker)) == ("قال", "ديمتري بيسكوف")
    assert "ديمتري بيسكوف" in panel.list.item(row_of_quote(panel, 919)).text()
    # Suggestions are not in amal's layer: the view's spans are unchanged, the outlines show them.
    assert [s.id for s in window.document_view.spans] == layer_before
    project = window.project
    doc_id = window.current_document().id
    assert {s.id for s in panel.overlay.spans()} == {s.id for s in project.spans(doc_id, SUGGESTION_LAYER)}
    assert panel.overlay.isVisible() and panel.overlay.geometry() == window.document_view.viewport().rect()
    panel.show_box.setChecked(False)
    assert not panel.overlay.isVisible()
    panel.show_box.setChecked(True)
    # The whole suggestion run is one undo step.
    assert window.editor.stack.undoText() == "Suggest quotes and entities"
    window.editor.stack.undo()
    assert panel.groups == [] and project.spans(doc_id, SUGGESTION_LAYER) == []
    window.editor.stack.redo()
    assert row_of_quote(panel, 919) >= 0


def test_accept_moves_a_quote_into_the_layer_and_undo_puts_it_back(qtbot, window: MainWindow) -> None:
    panel = panel_of(window)
    panel.suggest()
    row = row_of_quote(panel, 919)
    group = panel.groups[row]
    panel.select_group(row)
    assert group.span.id in panel.overlay.picked()
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    view = window.document_view
    quote = view.span(group.span.id)
    assert quote is not None and quote.annotator == "amal" and quote.attrs == {"type": "direct"}
    assert view.span(group.cue.id) is not None
    said_by = [r for r in window._relations if r.label == "SAID_BY" and r.head == quote.id]
    assert [surface(window, view.span(r.child)) for r in said_by] == ["ديمتري بيسكوف"]
    assert view.selected_span() is not None and view.selected_span().id == quote.id
    assert all(g.span.id != quote.id for g in panel.groups)
    window.editor.stack.undo()
    assert view.span(group.span.id) is None
    assert row_of_quote(panel, 919) >= 0 and window.project.span(group.span.id).annotator == SUGGESTION_LAYER
    assert not [r for r in window._relations if r.head == group.span.id]
    window.editor.stack.redo()
    assert view.span(group.span.id) is not None


def test_reject_with_the_delete_key_and_undo(qtbot, window: MainWindow) -> None:
    panel = panel_of(window)
    panel.suggest()
    count = len(panel.groups)
    row = row_of_quote(panel, 265)
    group = panel.groups[row]
    panel.select_group(row)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert len(panel.groups) == count - 1 and all(g.span.id != group.span.id for g in panel.groups)
    assert window.editor.stack.undoText() == "Reject suggestion"
    window.editor.stack.undo()
    assert len(panel.groups) == count and panel.groups[row_of_quote(panel, 265)].span.id == group.span.id


def test_accept_all_and_reject_all(qtbot, window: MainWindow) -> None:
    panel = panel_of(window)
    panel.suggest()
    doc_id = window.current_document().id
    before = len(window.project.spans(doc_id, "amal"))
    assert panel.accept_all()
    assert panel.groups == [] and len(window.project.spans(doc_id, "amal")) > before
    assert window.document_view.span_count() == len(window.project.spans(doc_id, "amal"))
    window.editor.stack.undo()
    assert len(window.project.spans(doc_id, "amal")) == before and panel.groups
    window.reject_suggestions_action.trigger()
    assert panel.groups == [] and len(window.project.spans(doc_id, "amal")) == before
    window.editor.stack.undo()
    assert panel.groups


def test_clicking_a_suggestion_in_the_text_picks_it(qtbot, window: MainWindow) -> None:
    panel = panel_of(window)
    panel.suggest()
    view = window.document_view
    offset = view.text.index("الموقف على الصعيد")
    view.show_range(offset, offset + 5)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=character_point(view, offset + 2))
    (picked,) = panel.selected_groups()
    assert picked.kind == "quote" and picked.span.start == 919


def test_accepting_needs_an_annotator(qtbot, project: Project) -> None:
    window = show_window(qtbot, project, prompt=False)
    window.annotator = None
    panel = panel_of(window)
    suggest(project, documents=[window.current_document().id])
    panel.refresh()
    assert panel.groups
    assert not panel.accept_all()
    assert window.editor.stack.count() == 0


def test_menu_entries(window: MainWindow) -> None:
    annotate = next(m for m in window.suggest_action.associatedObjects() if hasattr(m, "title"))
    assert window.accept_suggestions_action in annotate.actions()
    assert window.reject_suggestions_action in annotate.actions()
    window.suggest_action.trigger()
    assert panel_of(window).groups and window.suggestions_dock.isVisible()
