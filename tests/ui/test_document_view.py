"""DocumentView: stored text shown unchanged, right to left, spans highlighted where visible."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QFontInfo, QHelpEvent, QTextCharFormat
from PySide6.QtWidgets import QApplication

from annotator.core.labels import LabelScheme
from annotator.core.model import Span
from annotator.core.offsets import QtPositionMap
from annotator.ui.document_view import DocumentView
from annotator.ui.fonts import DOCUMENT_FAMILY

MIXED = "😀 مسيّرة تحلق فوق 😀😀 الكرملين\nسطر ثان: NATO 2021 لروسيا\n\nآخر سطر 👍🏽 هنا"


@pytest.fixture
def view(qtbot) -> DocumentView:
    widget = DocumentView()
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def visible_block_range(view: DocumentView) -> tuple[int, int]:
    """Qt positions [start, end) of the blocks whose geometry meets the viewport, found by
    walking every block of the document (independent of the view's own shortcut)."""
    document = view.document()
    viewport = view.viewport().rect()
    offset = view.contentOffset()
    positions = []
    block = document.begin()
    while block.isValid():
        geometry = view.blockBoundingGeometry(block).translated(offset)
        if geometry.bottom() > viewport.top() and geometry.top() <= viewport.bottom():
            positions.append((block.position(), block.position() + block.length()))
        block = block.next()
    assert positions
    qt_length = QtPositionMap.for_text(view.text).qt_length
    return positions[0][0], min(positions[-1][1], qt_length)


def selection_ranges(view: DocumentView) -> set[tuple[int, int]]:
    return {(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in view.extraSelections()}


def expected_ranges(view: DocumentView, spans: list[Span]) -> set[tuple[int, int]]:
    """Qt ranges of the spans that intersect the visible blocks."""
    qmap = QtPositionMap.for_text(view.text)
    first, last = visible_block_range(view)
    ranges = {(qmap.to_qt(s.start), qmap.to_qt(s.end)) for s in spans}
    return {(a, b) for a, b in ranges if a < last and b > first}


def test_shows_stored_text_unchanged(view: DocumentView, scheme: LabelScheme) -> None:
    text = MIXED + "\n\u200dزخرفـــة\u200c ٣٤٥ 12.5%"
    view.set_document(text, [], scheme)
    assert view.document().toRawText() == QtPositionMap.for_text(text).qt_text()
    assert view.toPlainText() == text
    assert view.text == text
    assert view.isReadOnly()


def test_right_to_left_layout(view: DocumentView, scheme: LabelScheme) -> None:
    view.set_document("NATO first, then عربي", [], scheme)
    assert view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    option = view.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    assert option.alignment() == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute


def test_markup_is_shown_literally(view: DocumentView, scheme: LabelScheme, span_of) -> None:
    text = "<b>x</b> <img src=x> &amp; <i>نص</i>\n<script>alert(1)</script>"
    view.set_document(text, [span_of(text, "<b>x</b>", "PER")], scheme)
    assert view.toPlainText() == text
    block = view.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            assert not fragment.charFormat().isImageFormat()
            assert fragment.charFormat().fontWeight() != 700
            iterator += 1
        block = block.next()
    assert view.document().firstBlock().text().startswith("<b>x</b> <img src=x>")


def test_document_font_is_amiri_by_name(view: DocumentView) -> None:
    assert view.font().family() == DOCUMENT_FAMILY
    assert QFontInfo(view.font()).family() == DOCUMENT_FAMILY


def test_selections_are_the_visible_spans_at_mapped_positions(view: DocumentView, scheme: LabelScheme, span_of) -> None:
    # The mixed text first, then enough lines that later spans are out of view.
    text = MIXED + "\n" + "\n".join(f"سطر {i} روسيا 😀" for i in range(300))
    spans = [
        span_of(text, "مسيّرة", "LOC"),
        span_of(text, "الكرملين", "ORG"),
        span_of(text, "NATO", "ORG"),
        span_of(text, "لروسيا", "GPE", skip=1),
        span_of(text, "👍🏽 هنا", "EVENT"),
    ]
    position = 0
    while (position := text.find("روسيا 😀", position + 1)) >= 0:
        spans.append(Span(position, position + 7, "GPE"))  # the word, space and the emoji
    view.set_document(text, spans, scheme)
    QApplication.processEvents()

    ranges = selection_ranges(view)
    assert ranges == expected_ranges(view, spans)
    assert 5 < len(ranges) < len(spans)

    qmap = QtPositionMap.for_text(text)
    shown = {
        s.cursor.selectionStart(): (s.cursor.selectionEnd(), s.cursor.selectedText()) for s in view.extraSelections()
    }
    for span in spans[:5]:
        assert shown[qmap.to_qt(span.start)] == (qmap.to_qt(span.end), span.text_in(text))
    assert qmap.to_qt(spans[0].start) == spans[0].start + 1  # the leading emoji is 2 UTF-16 units


def test_nested_entity_in_quote_both_visible(view: DocumentView, scheme: LabelScheme, span_of) -> None:
    text = 'قال الكرملين إن "بوتين أشار إلى ضرورة إطلاق مفاوضات".'
    quote = Span(text.find('"'), text.rfind('"') + 1, "QUOTE", annotator="amal")
    person = span_of(text, "بوتين", "PER")
    view.set_document(text, [person, quote], scheme)
    selections = view.extraSelections()
    formats = {(s.cursor.selectionStart(), s.cursor.selectionEnd()): QTextCharFormat(s.format) for s in selections}
    quote_format = formats[(quote.start, quote.end)]
    person_format = formats[(person.start, person.end)]
    assert person_format.background().color() == QColor(scheme.span_label("PER").color)
    assert quote_format.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    assert quote_format.underlineColor().name() == QColor(scheme.span_label("QUOTE").color).name()
    assert quote_format.background().color().alpha() < 255  # a tint: the entity shows through
    # Entities are painted first, the translucent quote over them.
    assert view.highlighted_spans() == [person, quote]


def test_long_document_highlights_only_what_is_visible(view: DocumentView, scheme: LabelScheme) -> None:
    lines = [f"السطر {i} 😀 روسيا" for i in range(20_000)]
    text = "\n".join(lines)
    spans = []
    position = 0
    for line in lines:
        start = position + line.index("روسيا")
        spans.append(Span(start, start + 5, "GPE"))
        position += len(line) + 1
    view.set_document(text, spans, scheme)
    QApplication.processEvents()
    top = view.highlighted_spans()
    assert 0 < len(view.extraSelections()) < 100
    assert top[0] == spans[0]
    assert selection_ranges(view) == expected_ranges(view, spans)

    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    bottom = view.highlighted_spans()
    assert 0 < len(bottom) < 100
    assert bottom[-1] == spans[-1]
    assert all(span.start > len(text) - 100 * len(lines[-1]) for span in bottom)
    assert selection_ranges(view) == expected_ranges(view, spans)


def test_resize_and_span_changes_recompute(view: DocumentView, scheme: LabelScheme, span_of) -> None:
    text = "\n".join(f"سطر {i} روسيا" for i in range(200))
    spans = [span_of(text, f"سطر {i} ", "DATE") for i in range(200)]
    view.set_document(text, spans, scheme)
    before = len(view.extraSelections())
    view.resize(700, 800)
    QApplication.processEvents()
    assert len(view.extraSelections()) > before
    assert selection_ranges(view) == expected_ranges(view, spans)
    view.set_spans(spans[:1])
    assert view.highlighted_spans() == spans[:1]
    view.set_spans([])
    assert view.extraSelections() == []


def character_point(view: DocumentView, qt_position: int) -> QPoint:
    """Viewport point at the middle of the character at ``qt_position``."""
    block = view.document().findBlock(qt_position)
    layout = block.layout()
    index = qt_position - block.position()
    line = layout.lineForTextPosition(index)
    x = (line.cursorToX(index)[0] + line.cursorToX(index + 1)[0]) / 2
    origin = view.blockBoundingGeometry(block).translated(view.contentOffset()).topLeft() + layout.position()
    return (origin + QPointF(x, line.y() + line.height() / 2)).toPoint()


def test_tooltip_names_the_labels_as_plain_text(view: DocumentView, scheme: LabelScheme, span_of) -> None:
    text = 'قال 😀 "مسيّرة <b>x</b> فوق" الكرملين'
    quote = Span(text.find('"'), text.rfind('"') + 1, "QUOTE", annotator="amal")
    drone = span_of(text, "مسيّرة", "LOC")
    view.set_document(text, [quote, drone], scheme)
    qmap = QtPositionMap.for_text(text)
    point = character_point(view, qmap.to_qt(drone.start + 2))
    assert view.spans_at_point(point) == [quote, drone]

    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    tip = view.tooltip_widget
    assert tip.isVisible()
    assert tip.textFormat() == Qt.TextFormat.PlainText
    # Each surface text is a bidi isolate (U+2068 ... U+2069) inside its line.
    assert tip.text().splitlines() == ['QUOTE: \u2068"مسيّرة <b>x</b> فوق"\u2069', "LOC: \u2068مسيّرة\u2069"]

    outside = character_point(view, qmap.to_qt(text.find("الكرملين") + 2))
    assert view.spans_at_point(outside) == []
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, outside, view.mapToGlobal(outside)))
    assert not tip.isVisible()


def test_font_size_zoom(view: DocumentView, scheme: LabelScheme, span_of) -> None:
    view.set_document(MIXED, [span_of(MIXED, "مسيّرة", "LOC")], scheme)
    view.set_font_point_size(28)
    assert view.font_point_size() == 28
    assert view.font().family() == DOCUMENT_FAMILY
    view.zoom_in()
    assert view.font_point_size() == 29
    view.zoom_out(3)
    assert view.font_point_size() == 26
    view.set_font_point_size(1000)
    assert view.font_point_size() == 96
    assert len(view.extraSelections()) == 1


def test_spans_that_do_not_fit_the_text_are_left_out(view: DocumentView, scheme: LabelScheme, caplog) -> None:
    text = "قصير 😀"
    good = Span(0, 4, "PER")
    view.set_document(text, [good, Span(3, 60, "ORG"), Span(5, 5, "GPE")], scheme)
    assert view.spans == [good]
    assert view.highlighted_spans() == [good]
    assert "2 span(s) do not fit" in caplog.text
