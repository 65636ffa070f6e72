"""Relations and attributes in the workspace: the link picker offers only what the scheme
allows, Ctrl+click links, attribute editors follow the scheme and persist, undo/redo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QInputDialog, QLineEdit
from ui_helpers import answer_modal, build_project, character_point, show_window

from annotator.core.labels import AttributeDef, LabelScheme, RelationLabel, SpanLabel
from annotator.core.model import Document, Span
from annotator.store.project import Project
from annotator.ui.main_window import MainWindow
from annotator.ui.relation_picker import RelationPicker, link_options


@pytest.fixture
def project(tmp_path: Path):
    project = Project.open(build_project(tmp_path))
    yield project
    project.close()


@pytest.fixture
def window(qtbot, project: Project) -> MainWindow:
    window = show_window(qtbot, project, annotator="amal")
    window.select_document("quotes")
    return window


def by_label(window: MainWindow, label: str, surface: str | None = None) -> Span:
    view = window.document_view
    return next(
        s for s in view.spans if s.label == label and (surface is None or view.text[s.start : s.end] == surface)
    )


def relations(project: Project) -> list[tuple[str, int, int]]:
    return sorted((r.label, r.head, r.child) for r in project.relations(project.find_document("quotes")))


def test_link_picker_offers_only_allowed_labels_nearest_first(qtbot, window: MainWindow, project: Project) -> None:
    quote = by_label(window, "QUOTE")
    window.select_span(quote.id)
    offered: list[list[tuple[str, str, str]]] = []

    def pick(picker: RelationPicker) -> None:
        offered.append(
            [(o.label, o.other.label, window.document_view.text[o.other.start : o.other.end]) for o in picker.options()]
        )
        # Choose the speaker: the person outside the quote.
        row = next(i for i, o in enumerate(picker.options()) if o.label == "SAID_BY" and o.other.start > quote.end)
        picker.select(row)
        picker.accept()

    answer_modal(qtbot, pick, kind=RelationPicker)
    qtbot.keyClick(window.document_view, Qt.Key.Key_L)
    (options,) = offered
    # QUOTE is the head of SAID_BY (to PER/ORG) and the child of CUE_OF (from CUE): nothing else.
    assert {(label, other) for label, other, _ in options} == {
        ("SAID_BY", "PER"),
        ("SAID_BY", "ORG"),
        ("CUE_OF", "CUE"),
    }
    assert options[0][2] == "بوتين"  # inside the quote: distance 0, first
    speaker = by_label(window, "PER", "ديمتري بيسكوف")
    assert relations(project) == [("SAID_BY", quote.id, speaker.id)]
    assert [r.label for r in window.details_panel.relations()] == ["SAID_BY"]
    assert window.document_view.links() == [(quote.id, speaker.id)]  # drawn as an arc
    assert "SAID_BY" in window.annotations_panel.model.links_text(quote)

    # Undo/redo of the new relation.
    window.undo_action.trigger()
    assert relations(project) == []
    assert window.document_view.links() == []
    window.redo_action.trigger()
    assert relations(project) == [("SAID_BY", quote.id, speaker.id)]


def test_link_options_follow_the_scheme() -> None:
    scheme = LabelScheme(
        span_labels=[
            SpanLabel("PER"),
            SpanLabel("GPE"),
            SpanLabel("QUOTE", kind="quote"),
            SpanLabel("CUE", kind="cue"),
        ],
        relation_labels=[RelationLabel("SAID_BY", ["QUOTE"], ["PER"]), RelationLabel("CUE_OF", ["CUE"], ["QUOTE"])],
    )
    quote = Span(10, 40, "QUOTE", id=1)
    spans = [
        quote,
        Span(12, 15, "PER", id=2),
        Span(50, 55, "PER", id=3),
        Span(0, 3, "CUE", id=4),
        Span(20, 25, "GPE", id=5),
    ]
    options = link_options(scheme, quote, spans)
    assert [(o.label, o.other.id, o.head.id, o.child.id) for o in options] == [
        ("SAID_BY", 2, 1, 2),
        ("CUE_OF", 4, 4, 1),
        ("SAID_BY", 3, 1, 3),
    ]
    assert link_options(scheme, spans[4], spans) == []  # a GPE links to nothing


def test_ctrl_click_links_to_the_entity_clicked(qtbot, window: MainWindow, project: Project) -> None:
    view = window.document_view
    quote = by_label(window, "QUOTE")
    speaker = by_label(window, "PER", "ديمتري بيسكوف")
    window.select_span(quote.id)
    point = character_point(view, speaker.start + 2)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, point)
    assert relations(project) == [("SAID_BY", quote.id, speaker.id)]
    assert view.selected_span().id == quote.id  # the quote stays selected
    # A GPE is no end of any relation from a quote: nothing is added, the status bar says why.
    gpe = by_label(window, "GPE")
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        character_point(view, gpe.start + 1),
    )
    assert relations(project) == [("SAID_BY", quote.id, speaker.id)]
    assert "no relation between QUOTE and" in window.statusBar().currentMessage()
    # The cue: CUE_OF from the cue to the quote.
    cue = by_label(window, "CUE")
    window.select_span(cue.id)
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        character_point(view, quote.start + 3),
    )
    assert ("CUE_OF", cue.id, quote.id) in relations(project)


def test_ctrl_click_asks_when_several_relations_fit(qtbot, tmp_path: Path) -> None:
    scheme = LabelScheme(
        span_labels=[SpanLabel("CLAIM", kind="claim", key="c"), SpanLabel("PER", key="1")],
        relation_labels=[RelationLabel("CLAIMED_BY", ["CLAIM"], ["PER"]), RelationLabel("TARGETS", ["CLAIM"], ["PER"])],
    )
    text = "قال بوتين إن الحرب انتهت"
    with Project.create(tmp_path / "two.db", scheme) as project:
        doc = project.add_document(Document(text=text, ext_id="two"))
        claim = project.add_span(doc, Span(13, len(text), "CLAIM", "amal"))
        person = project.add_span(doc, Span(4, 9, "PER", "amal"))
        window = show_window(qtbot, project, annotator="amal")
        window.select_span(claim.id)

        def take_second(dialog: QInputDialog) -> None:
            assert dialog.comboBoxItems()[1].startswith("TARGETS")
            dialog.setTextValue(dialog.comboBoxItems()[1])
            dialog.accept()

        seen = answer_modal(qtbot, take_second, kind=QInputDialog)
        view = window.document_view
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, character_point(view, 6)
        )
        assert seen
        assert [(r.label, r.head, r.child) for r in project.relations(doc)] == [("TARGETS", claim.id, person.id)]
        window.close()


def test_remove_relation_from_the_details_panel_and_undo(qtbot, window: MainWindow, project: Project) -> None:
    from annotator.core.model import Relation

    quote = by_label(window, "QUOTE")
    person = by_label(window, "PER", "بوتين")
    relation = project.add_relation(Relation(quote.id, person.id, "SAID_BY", "amal"))
    window.refresh()
    window.select_span(quote.id)
    panel = window.details_panel
    panel.relations_list.setCurrentRow(0)
    assert window.document_view.emphasised_span().id == person.id  # the other end stands out
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert relations(project) == []
    window.undo_action.trigger()
    assert [(r.id, r.label) for r in project.relations(project.find_document("quotes"))] == [(relation.id, "SAID_BY")]
    window.redo_action.trigger()
    assert relations(project) == []
    window.undo_action.trigger()
    # Double-clicking a relation goes to its other end.
    panel.relations_list.setCurrentRow(0)
    panel.relationActivated.emit(panel.current_relation())
    assert window.document_view.selected_span().id == person.id


def test_attribute_editors_follow_the_scheme_and_persist(qtbot, window: MainWindow, project: Project) -> None:
    quote = by_label(window, "QUOTE")
    window.select_span(quote.id)
    combo = window.details_panel.attribute_editor("type")
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "direct"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # direct -> indirect, as a user would
    assert project.span(quote.id).attrs == {"type": "indirect"}
    assert "type=indirect" in window.annotations_panel.model.data(
        window.annotations_panel.model.index(window.annotations_panel.model.row_of(quote.id), 2)
    )
    window.undo_action.trigger()
    assert project.span(quote.id).attrs == {"type": "direct"}
    window.redo_action.trigger()
    assert project.span(quote.id).attrs == {"type": "indirect"}

    # A claim: bool -> check box, choice -> combo box; a new CLAIM gets the scheme's defaults.
    view = window.document_view
    from ui_helpers import select

    select(view, view.text.index("إطلاق"), view.text.index("إطلاق") + 5)
    qtbot.keyClick(view, Qt.Key.Key_C)
    claim = view.selected_span()
    assert claim.label == "CLAIM"
    assert project.span(claim.id).attrs == {"check_worthy": True, "claim_type": "other"}
    check = window.details_panel.attribute_editor("check_worthy")
    assert isinstance(check, QCheckBox) and check.isChecked()
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))  # on the box
    assert project.span(claim.id).attrs["check_worthy"] is False
    claim_type = window.details_panel.attribute_editor("claim_type")
    assert isinstance(claim_type, QComboBox)
    claim_type.setFocus()
    qtbot.keyClick(claim_type, Qt.Key.Key_Home)
    assert project.span(claim.id).attrs["claim_type"] == "numerical"
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert project.span(claim.id).attrs == {"check_worthy": True, "claim_type": "other"}
    # A relabelled span drops the old label's attributes and takes the new one's defaults.
    qtbot.keyClick(view, Qt.Key.Key_Q)
    assert project.span(claim.id).attrs == {"type": "direct"}


def test_text_attribute_is_a_line_edit(qtbot, tmp_path: Path) -> None:
    scheme = LabelScheme(span_labels=[SpanLabel("PER", key="1", attributes=[AttributeDef("note", "text")])])
    with Project.create(tmp_path / "t.db", scheme) as project:
        doc = project.add_document(Document(text="قال بوتين", ext_id="t"))
        span = project.add_span(doc, Span(4, 9, "PER", "amal"))
        window = show_window(qtbot, project, annotator="amal")
        window.select_span(span.id)
        editor = window.details_panel.attribute_editor("note")
        assert isinstance(editor, QLineEdit)
        editor.setFocus()
        editor.insert("<b>رئيس</b>")  # QTest types ASCII only: the Arabic goes in as typed text
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        assert project.span(span.id).attrs == {"note": "<b>رئيس</b>"}
        with Project.open(tmp_path / "t.db") as other:
            assert other.span(span.id).attrs == {"note": "<b>رئيس</b>"}  # committed
        window.close()
