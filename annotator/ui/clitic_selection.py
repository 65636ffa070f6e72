"""Clitic-aware selection: when a tagged selection covers a whole word with proclitics (لروسيا,
والولايات, بالقاهرة), offer or apply the stem boundary.

The clitic mode is a setting (Annotate > Clitics):

- ``off``: a selection is tagged as it is (after the usual grapheme snapping and trimming);
- ``offer`` (default): the selection is tagged as it is, and a "Use stem «روسيا»" button appears in
  the status bar (and Annotate > Use stem of the span, Ctrl+Shift+S) to move the span's start past
  the clitics, as an undo step of its own; several readings (للحلف: حلف or لحلف) are in its menu;
- ``apply``: the stem is tagged directly when the document supports that reading (the stem, or the
  article + stem for لل, occurs as a word of its own in the document or is a span's text there);
  a "Use whole word" button puts the clitics back. Without such evidence (وزير is not و + زير) the
  selection is tagged as it is and the stem is only offered: a guessed boundary never goes into
  the data unseen.

The written article is kept on the stem (بالقاهرة -> القاهرة); after ل, where its alef is not
written (للقاهرة), the stem is what is left (قاهرة). A multi-word selection looks at its first word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton

from annotator.core.arabic import Stem, is_word_char, normalise_key, readings, word_keys
from annotator.core.model import Span
from annotator.ui.hit_list import FSI, PDI, quoted
from annotator.ui.settings import CLITIC_MODES

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

MODES = CLITIC_MODES
MODE_TEXT = {
    "off": QT_TRANSLATE_NOOP("clitic_selection", "Off"),
    "offer": QT_TRANSLATE_NOOP("clitic_selection", "Offer the stem"),
    "apply": QT_TRANSLATE_NOOP("clitic_selection", "Tag the stem"),
}


def first_word(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The bounds of the first word of ``[start, end)`` if the range starts at a word start and
    ends at a word end (one or more whole words); None otherwise."""
    if not (0 <= start < end <= len(text)):
        return None
    if not is_word_char(text[start]) or (start > 0 and is_word_char(text[start - 1])):
        return None
    if not is_word_char(text[end - 1]) or (end < len(text) and is_word_char(text[end])):
        return None
    stop = start
    while stop < end and is_word_char(text[stop]):
        stop += 1
    return start, stop


class CliticSelection(QObject):
    """The clitic-aware part of tagging, for a :class:`MainWindow` (``window.clitics``)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._known_text: str | None = None
        self._known: set[str] = set()
        self._span_keys_for: tuple[int, int] | None = None
        self._span_keys: set[str] = set()
        # The last tag's word and readings: (word_start, word_end, readings, applied reading)
        self._last: tuple[int, int, list[Stem], Stem | None] | None = None
        self._offer_span: int | None = None
        self._offers: list[tuple[int, str]] = []
        self.button = QToolButton()
        self.button.setObjectName("clitic_button")
        self.button.setAutoRaise(False)  # looks like a button: it is one
        self.button.hide()
        self.button.clicked.connect(lambda _checked=False: self._use_offered())
        self.menu = QMenu(self.button)
        window.statusBar().insertPermanentWidget(0, self.button)

    # -- the setting ------------------------------------------------------------------------

    def mode(self) -> str:
        return self.window.settings.clitic_mode()

    def set_mode(self, mode: str) -> None:
        self.window.settings.set_clitic_mode(mode)
        for action in getattr(self.window, "clitic_mode_actions", {}).values():
            action.setChecked(action.data() == mode)
        if mode == "off":
            self.hide_offer()

    # -- evidence ---------------------------------------------------------------------------

    def known(self, key: str) -> bool:
        """Whether the normalised ``key`` is attested in the current document: a word of its own,
        or the text of one of its spans."""
        view = self.window.document_view
        text = view.text
        if text is not self._known_text:
            self._known_text = text
            self._known = word_keys(text)
        if key in self._known:
            return True
        spans = view.spans
        if self._span_keys_for != (id(text), len(spans)):
            self._span_keys_for = (id(text), len(spans))
            self._span_keys = {normalise_key(text[s.start : s.end]) for s in spans if s.end - s.start < 60}
        return key in self._span_keys

    def readings_of(self, text: str, start: int, end: int) -> tuple[int, int, list[Stem]] | None:
        """The first word of the selection and its readings (offsets into ``text``), best first:
        readings the document supports before the others."""
        bounds = first_word(text, start, end)
        if bounds is None:
            return None
        word = text[bounds[0] : bounds[1]]
        found = readings(word)
        if not found:
            return None
        supported = [r for r in found if self._supported(r)]
        others = [r for r in found if r not in supported]
        stems = [Stem(bounds[0] + r.offset, r.stem, r.clitics) for r in supported + others]
        return bounds[0], bounds[1], stems

    def _supported(self, reading: Stem) -> bool:
        key = normalise_key(reading.stem)
        if self.known(key):
            return True
        return reading.clitics[-1] == "ال" and self.known(normalise_key("ال" + reading.stem))

    # -- tagging hooks (called by TaggingMixin.tag) -----------------------------------------

    def boundary(self, start: int, end: int) -> tuple[int, int]:
        """The range to tag for the cleaned selection ``[start, end)``: in apply mode the stem's,
        when the document supports it; otherwise unchanged."""
        self._last = None
        mode = self.mode()
        if mode == "off":
            return start, end
        found = self.readings_of(self.window.document_view.text, start, end)
        if found is None:
            return start, end
        word_start, word_end, stems = found
        applied = None
        if mode == "apply" and self._supported(stems[0]):
            applied = stems[0]
            start = applied.offset
        self._last = (word_start, word_end, stems, applied)
        return start, end

    def tagged(self) -> None:
        """After a tag went in: show the offer for the new (selected) span."""
        last, self._last = self._last, None
        span = self.window.selected_span()
        if last is None or span is None:
            return
        word_start, _word_end, stems, applied = last
        if applied is not None:
            clitics = "+".join(applied.clitics)
            self.window.say(
                self.tr("Tagged the stem {quoted} ({FSI}{clitics}{PDI} left out). Ctrl+Z undoes it.").format(
                    quoted=quoted(applied.stem), FSI=FSI, clitics=clitics, PDI=PDI
                )
            )
            self._show(span, [(word_start, self.tr("Use whole word"))])
        else:
            offers = [
                (stem.offset, self.tr("Use stem {quoted}").format(quoted=quoted(stem.stem)))
                for stem in stems
                if stem.offset > span.start
            ]
            self._show(span, offers)

    # -- the offer --------------------------------------------------------------------------

    def _show(self, span: Span, offers: list[tuple[int, str]]) -> None:
        if not offers:
            self.hide_offer()
            return
        self._offer_span = span.id
        self._offers = offers
        self.button.setText(offers[0][1])
        self.button.setToolTip(self.tr("Move the start of this {label} span (Ctrl+Shift+S)").format(label=span.label))
        self.menu.clear()
        if len(offers) > 1:
            for offset, text in offers:
                action = QAction(text, self.menu)
                action.triggered.connect(lambda _c=False, o=offset: self._move_start(o))
                self.menu.addAction(action)
            self.button.setMenu(self.menu)
            self.button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        else:
            self.button.setMenu(None)  # type: ignore[arg-type]
        self.button.show()

    def hide_offer(self) -> None:
        self._offer_span = None
        self.button.hide()

    def offered(self) -> list[tuple[int, str]]:
        """The (start offset, text) offers shown, first is the button's (empty when hidden)."""
        return list(self._offers) if self._offer_span is not None and self.button.isVisible() else []

    def selection_changed(self) -> None:
        """The window's selected span changed (TaggingMixin._show_selection): the offer goes
        unless its span is still the one selected."""
        span = self.window.document_view.selected_span()
        if self._offer_span is not None and (span is None or span.id != self._offer_span):
            self.hide_offer()

    def _use_offered(self) -> None:
        if self._offer_span is not None and self._offers:
            self._move_start(self._offers[0][0])

    def _move_start(self, offset: int) -> None:
        span = self.window.selected_span()
        if span is None or span.id != self._offer_span:
            self.hide_offer()
            return
        self.hide_offer()
        self._set_start(span, offset)

    def _set_start(self, span: Span, offset: int) -> None:
        if offset == span.start or not 0 <= offset < span.end:
            return
        what = self.tr("Use stem") if offset > span.start else self.tr("Use whole word")
        self.window.editor.update_span(
            span.document_id, span, self.tr("{what} of {label}").format(what=what, label=span.label), start=offset
        )  # type: ignore[arg-type]

    def use_stem(self) -> None:
        """Annotate > Use stem of the span: move the selected span's start past its first word's
        proclitics (the best reading), or take the offer shown."""
        span = self.window.selected_span()
        if span is None:
            self.window.say(self.tr("Select a span first."))
            return
        if not self.window.ensure_annotator():
            return
        if self._offer_span == span.id and self._offers:
            self._use_offered()
            return
        found = self.readings_of(self.window.document_view.text, span.start, span.end)
        if found is None:
            self.window.say(self.tr("The span does not start with a word with proclitics (و ف ب ل ك ال)."))
            return
        self._set_start(span, found[2][0].offset)
