"""Review mode on a real project file: three annotators' layers of the seed article.

Blind annotation by default, every layer once review mode is on (overlaid or side by side), and
adjudication through the real widgets (the Review panel's buttons, the undo action), checked
against the database through another connection and through ``annotator export --gold``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from PySide6.QtCore import Qt
from ui_helpers import character_point, select, show_window, stored

from annotator.cli import cli
from annotator.core.model import GOLD, Document, Relation, Span
from annotator.formats.seeds import build_demo_project
from annotator.resources import seeds_dir
from annotator.review.adjudication import ATTRIBUTES, BOUNDARY, LABEL, ONLY_SOME, RELATION, document_diff
from annotator.store.project import Project
from annotator.ui.main_window import MainWindow
from annotator.ui.review_side_by_side import first_visible_offset

ANNOTATORS = ("amal", "omar", "sara")


def seed_text() -> str:
    return next(iter(seeds_dir().glob("*.txt"))).read_text(encoding="utf-8").replace("\r\n", "\n")


def span_at(text: str, surface: str, label: str, annotator: str, *, skip: int = 0, **attrs) -> Span:
    start = text.index(surface)
    return Span(start + skip, start + len(surface), label, annotator, attrs=attrs)


def build_review_project(folder: Path) -> Path:
    """The seed article with three annotators' layers, and a short second document they agree on.

    Everyone: the person فلاديمير بوتين, the quote (type indirect; omar: direct, an attribute
    conflict) and its SAID_BY the person. الكرملين: ORG for amal and sara, GPE for omar (label
    conflict). حلف شمال الأطلسي: ORG for amal and omar, sara leaves out حلف (boundary conflict).
    فنلندا: only amal and sara (a span only some have). A CUE_OF from أوضح to the quote: only amal
    (a relation conflict).
    """
    path = folder / "review.annotator.db"
    project = Project.create(path)
    text = seed_text()
    doc = project.add_document(Document(text, "seed", text.split("\n", 1)[0][:60]))
    quote_start = text.index('"بوتين أشار')
    quote_end = text.index('"', quote_start + 1) + 1
    for name in ANNOTATORS:
        quote = project.add_span(
            doc, Span(quote_start, quote_end, "QUOTE", name, attrs={"type": "direct" if name == "omar" else "indirect"})
        )
        person = project.add_span(doc, span_at(text, "فلاديمير بوتين", "PER", name))
        project.add_relation(Relation(quote.id, person.id, "SAID_BY", name))
        project.add_span(doc, span_at(text, "الكرملين", "GPE" if name == "omar" else "ORG", name))
        project.add_span(doc, span_at(text, "حلف شمال الأطلسي", "ORG", name, skip=4 if name == "sara" else 0))
        if name != "omar":
            project.add_span(doc, span_at(text, "فنلندا", "GPE", name))
        if name == "amal":
            cue = project.add_span(doc, span_at(text, "وأوضح", "CUE", name, skip=1))
            project.add_relation(Relation(cue.id, quote.id, "CUE_OF", name))
    second_text = "قال الرئيس جو بايدن إن الحوار ضروري."
    second = project.add_document(Document(second_text, "second", "خبر ثان"))
    for name in ANNOTATORS:
        project.add_span(second, span_at(second_text, "جو بايدن", "PER", name))
    project.set_setting("annotator", "amal")
    project.close()
    return path


@pytest.fixture
def review_path(tmp_path: Path) -> Path:
    return build_review_project(tmp_path)


@pytest.fixture
def window(qtbot, review_path: Path):
    project = Project.open(review_path)
    win = show_window(qtbot, project, annotator="amal", prompt=False)
    yield win
    review = getattr(win, "review", None)
    if review is not None:
        review._stop_overview()
    project.close()


def enable(qtbot, win: MainWindow) -> None:
    win.review_mode_action.trigger()
    assert win.review.enabled
    qtbot.waitUntil(win.review.overview_ready, timeout=5000)


def option_row(win: MainWindow, predicate):
    rows = win.review.panel.find_rows(lambda item: item.is_option and predicate(item))
    assert len(rows) == 1, rows
    return rows[0]


def variant_row(win: MainWindow, label: str, surface: str, annotator: str | None = None):
    """The option row of the span ``label`` over ``surface`` (with ``annotator``'s attributes, if given)."""
    text = seed_text()
    return option_row(
        win,
        lambda item: (
            item.variant is not None
            and item.variant.label == label
            and item.variant.text_in(text) == surface
            and (annotator is None or item.annotator == annotator)
        ),
    )


def gold_surfaces(path: Path, ext_id: str = "seed") -> set[tuple[str, str]]:
    text = seed_text()
    return {(s.label, s.text_in(text)) for s in stored(path, ext_id, GOLD)}


# -- blind annotation and review mode --------------------------------------------------------


def test_blind_by_default_and_review_mode_shows_every_layer(qtbot, window: MainWindow) -> None:
    review = window.review
    assert not window.review_mode_action.isChecked()
    assert {s.annotator for s in window.document_view.spans} == {"amal"}
    assert not review.overlay.isVisible() and not review.panel_dock.isVisible()
    assert not review.side_dock.isVisible()

    enable(qtbot, window)
    assert window.annotator == GOLD
    assert window.document_view.spans == []  # gold is empty: nothing adjudicated yet
    assert review.overlay.isVisible() and review.panel_dock.isVisible()
    layers = {layer.name: {(s.label, s.start) for s in layer.spans} for layer in review.overlay.layers()}
    assert set(layers) == set(ANNOTATORS)
    assert ("GPE", seed_text().index("الكرملين")) in layers["omar"]
    kinds = {k for d in review.diff().disagreements for k in d.kinds}
    assert kinds == {LABEL, BOUNDARY, ONLY_SOME, ATTRIBUTES, RELATION}
    assert len(review.overlay.regions()) == len(review.diff().disagreements)
    assert len(review.panel.top_rows()) == len(review.diff().disagreements) + 1  # and the agreed group

    # Side by side: one read-only view per annotator, each with its own layer.
    window.review_side_action.trigger()
    assert review.side_dock.isVisible()
    assert [p.name for p in review.side.panes] == list(ANNOTATORS)
    for pane in review.side.panes:
        assert {s.annotator for s in pane.view.spans} == {pane.name}
        assert pane.view.isReadOnly()
    assert review.overlay.layers() == []  # no stripes in the text view while the panes show the layers
    window.review_overlay_action.trigger()
    assert not review.side_dock.isVisible() and len(review.overlay.layers()) == 3

    # The layer chooser hides one annotator's stripes.
    review.panel.layer_box("omar").setChecked(False)
    assert review.overlay.visible_layers() == ["amal", "sara"]

    # Off again: blind, the annotator's own layer only.
    window.review_mode_action.trigger()
    assert not review.enabled and window.annotator == "amal"
    assert {s.annotator for s in window.document_view.spans} == {"amal"}
    assert not review.overlay.isVisible() and not review.panel_dock.isVisible()
    assert not review.documents_dock.isVisible() and not review.side_dock.isVisible()


def test_accept_reject_and_undo_through_the_widgets(qtbot, window: MainWindow, review_path: Path) -> None:
    enable(qtbot, window)
    panel = window.review.panel
    # The label conflict on الكرملين: accept omar's GPE.
    panel.select_row(variant_row(window, "GPE", "الكرملين"))
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert gold_surfaces(review_path) == {("GPE", "الكرملين")}
    assert window.document_view.selected_span().label == "GPE"  # the accepted gold span is shown
    # Then amal's and sara's ORG instead: it replaces the GPE.
    panel.select_row(variant_row(window, "ORG", "الكرملين"))
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert gold_surfaces(review_path) == {("ORG", "الكرملين")}
    assert stored(review_path, "seed", GOLD)[0].annotator == GOLD
    # Reject it: gold is empty, and the conflict reads rejected only once both options are.
    qtbot.mouseClick(panel.reject_button, Qt.MouseButton.LeftButton)
    assert gold_surfaces(review_path) == set()
    assert {s.label for s in window.document_view.spans} == set()

    # Undo, step by step, through the Edit menu's action.
    window.undo_action.trigger()
    assert gold_surfaces(review_path) == {("ORG", "الكرملين")}
    window.undo_action.trigger()
    assert gold_surfaces(review_path) == {("GPE", "الكرملين")}
    assert [s.label for s in window.document_view.spans] == ["GPE"]
    window.undo_action.trigger()
    assert gold_surfaces(review_path) == set()
    window.redo_action.trigger()
    assert gold_surfaces(review_path) == {("GPE", "الكرملين")}
    # The panel follows: the label conflict is decided.
    label_row = next(r for r in panel.top_rows() if r.text(0) == "label conflict")
    assert label_row.text(3) == "accepted"


def test_accept_all_agreed_take_version_and_export_gold(
    qtbot, window: MainWindow, review_path: Path, tmp_path: Path
) -> None:
    enable(qtbot, window)
    review, panel = window.review, window.review.panel
    text = seed_text()
    qtbot.mouseClick(panel.accept_all_button, Qt.MouseButton.LeftButton)
    assert gold_surfaces(review_path) == {("PER", "فلاديمير بوتين")}  # the quote's attributes differ: not agreed
    # The quote with amal's attributes (an attribute conflict: one option per set of attributes).
    quote = text[text.index('"بوتين أشار') : text.index('"', text.index('"بوتين أشار') + 1) + 1]
    panel.select_row(variant_row(window, "QUOTE", quote, "amal"))
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    # Now SAID_BY (all agree) can come too: accept-all again.
    qtbot.mouseClick(panel.accept_all_button, Qt.MouseButton.LeftButton)
    # Take sara's version of حلف شمال الأطلسي, selected in the text view.
    start = text.index("حلف شمال الأطلسي")
    select(window.document_view, start, start + len("حلف شمال الأطلسي"))
    panel.take_combo.setCurrentText("sara")
    qtbot.mouseClick(panel.take_button, Qt.MouseButton.LeftButton)
    # The relation only amal has: accept it (its cue comes into gold with it).
    panel.select_row(option_row(window, lambda item: item.relation is not None and item.relation.label == "CUE_OF"))
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    # فنلندا (only some): reject.
    panel.select_row(variant_row(window, "GPE", "فنلندا"))
    qtbot.mouseClick(panel.reject_button, Qt.MouseButton.LeftButton)

    expected_spans = {
        ("PER", "فلاديمير بوتين"),
        ("QUOTE", quote),
        ("ORG", "شمال الأطلسي"),
        ("CUE", "أوضح"),
    }
    assert gold_surfaces(review_path) == expected_spans
    expected_relations = {("SAID_BY", quote, "فلاديمير بوتين"), ("CUE_OF", "أوضح", quote)}

    out = tmp_path / "gold.jsonl"
    result = CliRunner().invoke(cli, ["export", str(review_path), "--gold", "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    seed = records["seed"]
    assert {(s["label"], s["text"]) for s in seed["spans"]} == expected_spans
    by_id = {s["id"]: s["text"] for s in seed["spans"]}
    assert {(r["label"], by_id[r["head"]], by_id[r["child"]]) for r in seed["relations"]} == expected_relations
    assert {s["annotator"] for s in seed["spans"]} == {GOLD}
    assert records["second"]["spans"] == []  # nothing adjudicated there
    # The quote carries amal's attributes.
    assert next(s for s in seed["spans"] if s["label"] == "QUOTE")["attrs"] == {"type": "indirect"}
    # Every open disagreement is decided; the annotators' own layers are untouched.
    assert review.diff() is not None and review.diff().open_count(review.gold()) == 1  # الكرملين still open
    assert len(stored(review_path, "seed", "amal")) == 6


def test_gold_is_edited_with_the_normal_tagging(qtbot, window: MainWindow, review_path: Path) -> None:
    enable(qtbot, window)
    text = seed_text()
    start = text.index("سولي نينيستو")
    select(window.document_view, start, start + len("سولي نينيستو"))
    window.tag("PER")
    assert gold_surfaces(review_path) == {("PER", "سولي نينيستو")}
    assert {s.annotator for s in stored(review_path, "seed", None)} >= {GOLD}
    span = window.document_view.selected_span()
    window.relabel(span, "ORG")
    assert gold_surfaces(review_path) == {("ORG", "سولي نينيستو")}
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert gold_surfaces(review_path) == set()
    # The annotator's own layer was never touched.
    assert ("PER", "سولي نينيستو") not in {(s.label, s.text_in(text)) for s in stored(review_path, "seed", "amal")}


def test_review_state_and_the_documents_list(qtbot, window: MainWindow, review_path: Path) -> None:
    enable(qtbot, window)
    review = window.review
    documents = review.documents
    assert documents.model.rowCount() == 2
    documents.set_filter("disagreements")
    assert len(documents.shown_ids()) == 1
    [seed_id] = documents.shown_ids()
    with Project.open(review_path) as other:
        assert other.find_document("seed") == seed_id
    documents.set_filter("all")
    assert len(documents.shown_ids()) == 2

    panel = review.panel
    assert panel.review_state() == "unreviewed"
    panel.adjudicated_button.click()
    with Project.open(review_path) as other:
        assert other.review_state(seed_id) == "adjudicated"
    assert documents.model.row(documents.model.row_of(seed_id)).review_state == "adjudicated"
    documents.set_filter("unfinished")
    assert seed_id not in documents.shown_ids()
    window.undo_action.trigger()
    with Project.open(review_path) as other:
        assert other.review_state(seed_id) == "unreviewed"
    assert panel.review_state() == "unreviewed"
    # A gold change moves an unreviewed document into review.
    qtbot.mouseClick(panel.accept_all_button, Qt.MouseButton.LeftButton)
    assert panel.review_state() == "in_review"
    # The combo sets any state.
    panel.state_combo.setCurrentIndex(panel.state_combo.findData("unreviewed"))
    with Project.open(review_path) as other:
        assert other.review_state(seed_id) == "unreviewed"

    # Picking the other document in the list shows it (no disagreements there).
    documents.set_filter("all")
    second = next(i for i in documents.shown_ids() if i != seed_id)
    index = documents.proxy.index(documents.shown_ids().index(second), 0)
    documents.table.clicked.emit(index)
    assert window.current_document().ext_id == "second"
    assert review.diff().disagreements == []


def test_clicking_a_disagreement_in_the_text_picks_it(qtbot, window: MainWindow) -> None:
    enable(qtbot, window)
    text = seed_text()
    view = window.document_view
    offset = text.index("فنلندا") + 2
    view.show_range(offset, offset)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=character_point(view, offset))
    item = window.review.panel.current_item()
    assert item is not None and item.start <= offset < item.end
    assert window.review.diff().disagreements[item.index].kinds == (ONLY_SOME,)
    assert window.review.overlay.selected() == item.index
    # F8 steps to the next open disagreement.
    before = item.index
    window.review.step(True)
    assert window.review.panel.current_item().index != before


def test_side_by_side_panes_scroll_with_the_text_view(qtbot, window: MainWindow) -> None:
    enable(qtbot, window)
    window.review.set_mode("side")
    qtbot.waitUntil(lambda: all(p.view.isVisible() for p in window.review.side.panes))
    view = window.document_view
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    target = first_visible_offset(view)
    assert target > 0
    for pane in window.review.side.panes:
        shown = first_visible_offset(pane.view)
        # The pane's top line holds the main view's first visible character (lines wrap differently).
        qmap = pane.view.position_map
        block = pane.view.document().findBlock(qmap.to_qt(target))
        assert block.position() <= qmap.to_qt(shown) <= block.position() + block.length()


def test_review_mode_ends_when_the_annotator_changes(qtbot, window: MainWindow) -> None:
    enable(qtbot, window)
    window.set_annotator("omar")
    assert not window.review.enabled and not window.review_mode_action.isChecked()
    assert {s.annotator for s in window.document_view.spans} == {"omar"}


def test_demo_project_review(qtbot, tmp_path: Path) -> None:
    """The demo project: one annotator and nothing to compare; review mode says so and lets gold be made."""
    project = build_demo_project(tmp_path / "demo.annotator.db")
    try:
        win = show_window(qtbot, project, annotator="demo", prompt=False)
        enable(qtbot, win)
        diff = win.review.diff()
        assert diff.annotators == ["demo"] and diff.disagreements == []
        assert "Fewer than two" in win.review.panel.summary.text()
        agreed = len(document_diff(project, project.document_ids()[0]).agreed)
        qtbot.mouseClick(win.review.panel.accept_all_button, Qt.MouseButton.LeftButton)
        assert len(project.spans(project.document_ids()[0], GOLD)) == agreed
        win.review._stop_overview()
    finally:
        project.close()
