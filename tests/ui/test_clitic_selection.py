"""Clitic-aware selection: a tagged whole word with proclitics gets its stem offered (a status-bar
button, its own undo step) or, in apply mode and with evidence in the document, tagged directly."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from ui_helpers import select, show_window

from annotator.core.model import Document, Span
from annotator.store.project import Project
from annotator.ui.clitic_selection import first_word
from annotator.ui.main_window import MainWindow

TEXT = (
    "قال وزير الخارجية إن روسيا تريد ضمانات، وأضاف أن لروسيا مصالح وروسيا لن تتراجع. "
    "وزارة الدفاع والولايات المتحدة والحلف: دعم للحلف ولليبيا وليبيا. الولايات المتحدة وليبيا تريد؛ ليبيا والحلف. الحلف"
)


@pytest.fixture
def project(tmp_path: Path):
    project = Project.create(tmp_path / "c.annotator.db")
    project.add_document(Document(text=TEXT, ext_id="doc", title="doc"))
    project.set_setting("annotator", "amal")
    yield project
    project.close()


@pytest.fixture
def window(qtbot, project: Project) -> MainWindow:
    return show_window(qtbot, project, annotator="amal")


def tag_word(window: MainWindow, word: str, label: str = "GPE", *, nth: int = 0, extra: str = "") -> Span:
    text = window.document_view.text
    start = -1
    for _ in range(nth + 1):
        start = text.index(word + extra, start + 1)
    select(window.document_view, start, start + len(word + extra))
    window.tag(label)
    span = window.selected_span()
    assert span is not None
    return span


def surface(window: MainWindow, span: Span) -> str:
    return window.document_view.text[span.start : span.end]


def test_first_word() -> None:
    text = "قال: والولايات المتحدة، ثم"
    w = text.index("والولايات")
    assert first_word(text, w, w + 9) == (w, w + 9)
    assert first_word(text, w, text.index("،")) == (w, w + 9)
    assert first_word(text, w + 1, w + 9) is None  # starts inside a word
    assert first_word(text, w, w + 5) is None  # ends inside a word


def test_offer_mode_tags_the_word_and_offers_the_stem_as_its_own_undo_step(qtbot, window: MainWindow) -> None:
    assert window.clitics.mode() == "offer"
    span = tag_word(window, "لروسيا")
    assert surface(window, span) == "لروسيا"  # the selection is tagged as it is
    button = window.clitics.button
    assert button.isVisible() and button.text() == "Use stem «\u2068روسيا\u2069»"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    span = window.selected_span()
    assert surface(window, span) == "روسيا"
    assert not button.isVisible()
    assert [surface(window, s) for s in window.project.spans(span.document_id, "amal")] == ["روسيا"]
    window.undo_action.trigger()  # back to the whole word
    assert [surface(window, s) for s in window.project.spans(span.document_id, "amal")] == ["لروسيا"]
    window.undo_action.trigger()  # the tag itself
    assert window.project.spans(span.document_id, "amal") == []


def test_offer_lists_every_reading_and_goes_away_on_another_selection(window: MainWindow) -> None:
    tag_word(window, "للحلف", "ORG")
    offers = [text for _offset, text in window.clitics.offered()]
    assert offers == ["Use stem «\u2068حلف\u2069»", "Use stem «\u2068لحلف\u2069»"]  # الحلف occurs: حلف first
    assert window.clitics.button.menu() is not None
    window.select_span(None)
    assert window.clitics.offered() == []


def test_nothing_offered_for_a_word_without_clitics_or_in_off_mode(window: MainWindow) -> None:
    tag_word(window, "روسيا")
    assert window.clitics.offered() == []
    window.clitics.set_mode("off")
    assert window.clitic_mode_actions["off"].isChecked()
    span = tag_word(window, "وروسيا")
    assert surface(window, span) == "وروسيا" and window.clitics.offered() == []


def test_apply_mode_tags_the_stem_when_the_document_supports_it(qtbot, window: MainWindow) -> None:
    window.clitic_mode_actions["apply"].trigger()
    assert window.clitics.mode() == "apply"
    assert window.settings._get("annotate/clitic_mode") == "apply"
    span = tag_word(window, "وروسيا")
    assert surface(window, span) == "روسيا"  # روسيا is a word of its own in the document
    assert window.clitics.button.text() == "Use whole word"
    qtbot.mouseClick(window.clitics.button, Qt.MouseButton.LeftButton)
    assert surface(window, window.selected_span()) == "وروسيا"
    # the article stays where it is written; multi-word selections look at their first word
    span = tag_word(window, "والولايات", extra=" المتحدة")
    assert surface(window, span) == "الولايات المتحدة"
    # ل + ليبيا (ليبيا is attested), not لل + يبيا
    assert surface(window, tag_word(window, "ولليبيا")) == "ليبيا"
    # للحلف: the article's alef is not written, الحلف is attested: حلف
    assert surface(window, tag_word(window, "للحلف", "ORG")) == "حلف"


def test_apply_mode_without_evidence_only_offers(window: MainWindow) -> None:
    window.clitics.set_mode("apply")
    span = tag_word(window, "وزارة", "ORG", extra=" الدفاع")
    assert surface(window, span) == "وزارة الدفاع"  # و + زارة has no support: nothing guessed
    assert [text for _o, text in window.clitics.offered()] == ["Use stem «\u2068زارة\u2069»"]


def test_exact_tagging_is_left_alone(qtbot, window: MainWindow) -> None:
    window.clitics.set_mode("apply")
    text = window.document_view.text
    start = text.index("وروسيا")
    select(window.document_view, start, start + 6)
    window.tag("GPE", exact=True)
    assert surface(window, window.selected_span()) == "وروسيا"
    assert window.clitics.offered() == []


def test_use_stem_action_on_a_stored_span(window: MainWindow) -> None:
    doc = window.current_document()
    text = doc.text
    start = text.index("لروسيا")
    stored = window.project.add_span(doc.id, Span(start, start + 6, "GPE", "amal"))
    window.refresh()
    window.select_span(stored.id)
    window.use_stem_action.trigger()
    assert surface(window, window.selected_span()) == "روسيا"
    window.use_stem_action.trigger()  # already a stem: nothing to do
    assert surface(window, window.selected_span()) == "روسيا"


def test_the_clitic_mode_is_kept_in_the_settings_file(tmp_path) -> None:
    from annotator.ui.settings import AppSettings

    path = tmp_path / "settings.ini"
    settings = AppSettings.at(path)
    assert settings.clitic_mode() == "offer"  # the default
    settings.set_clitic_mode("apply")
    settings.sync()
    assert AppSettings.at(path).clitic_mode() == "apply"
    with pytest.raises(ValueError, match="unknown clitic mode"):
        settings.set_clitic_mode("always")
    settings._set("annotate/clitic_mode", "garbage")  # a hand-edited file
    assert settings.clitic_mode() == "offer"
