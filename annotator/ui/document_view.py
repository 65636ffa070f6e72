"""The document view: Arabic text, right to left, with spans highlighted in their label colours.

Rules it follows (see DESIGN.md, "Qt facts measured" and "Arabic text: rules"):

- The stored text goes in with ``setPlainText`` as is (logical order, never reshaped, never HTML).
- Paragraphs are right to left and right aligned whatever character they start with.
- Highlights are ExtraSelections (painted at draw time), never char formats stored in the layout,
  which would break letter joining (the lam-alef ligature) where a span starts inside a word.
- Only the spans that intersect the visible blocks get a selection, recomputed on scroll, resize,
  font change and when the spans change: cheap at any document size.
- Offsets go through :class:`annotator.core.offsets.QtPositionMap`, never through ``toPlainText()``.

For editing, the view reports clicks on spans (``spanClicked``, ``linkClicked`` for Ctrl+click)
and lets an owner claim keys (``key_handler``) before Qt's shortcuts and focus chain see them. The
selected span gets an outline and its relations are drawn as arcs to their other ends; find hits
get a highlight of their own. These are painted over the text, after Qt draws it, so they never
touch the layout either.
"""

from __future__ import annotations

import logging
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextLine,
)
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QWidget

from annotator.core.labels import DEFAULT_COLOR, LabelScheme, SpanLabel
from annotator.core.model import Span
from annotator.core.offsets import QtPositionMap
from annotator.ui.fonts import DEFAULT_POINT_SIZE, document_font
from annotator.ui.span_index import SpanSet

log = logging.getLogger(__name__)

MIN_POINT_SIZE = 6.0
MAX_POINT_SIZE = 96.0
# Spans of these kinds are long and contain entities: tint + underline instead of a full background.
SPAN_KINDS_UNDERLINED = {
    "quote": QTextCharFormat.UnderlineStyle.SingleUnderline,
    "claim": QTextCharFormat.UnderlineStyle.DashUnderline,
    "cue": QTextCharFormat.UnderlineStyle.DotLine,
}
TINT_ALPHA = 70  # 0-255: how strongly a quote/claim/cue tints the text behind it
TOOLTIP_SURFACE_CHARS = 60
FSI, PDI = "\u2068", "\u2069"  # Unicode bidi isolates (FIRST STRONG ISOLATE, POP DIRECTIONAL ISOLATE)
FIND_HIT_COLOR = QColor(255, 200, 0, 110)  # translucent amber: spans under a hit stay visible
FIND_CURRENT_COLOR = QColor(255, 140, 0, 170)
SELECTED_OUTLINE = QColor("#1a237e")  # dark indigo: distinct from every default label colour
LINK_COLOR = QColor(26, 35, 126, 190)  # the outline's indigo, a little translucent over the text

KeyHandler = Callable[[QKeyEvent], Callable[[], None] | None]


class SpanToolTip(QLabel):
    """A tooltip window that shows its text as plain text (QToolTip would guess at rich text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setAutoFillBackground(True)
        self.setMargin(4)
        self.setFrameShape(QLabel.Shape.Box)
        self.setWordWrap(False)
        # The surface text is Arabic: the UI font may have no Arabic glyphs.
        self.setFont(document_font(max(12.0, QFont().pointSizeF() * 1.25)))

    def show_text(self, global_pos: QPoint, text: str) -> None:
        self.setText(text)
        self.adjustSize()
        self.move(global_pos + QPoint(12, 16))
        self.show()


class DocumentView(QPlainTextEdit):
    """A read-only, right-to-left view of one document and its spans."""

    spanClicked = Signal(object)  # the span id clicked (innermost first, cycling), or None
    linkClicked = Signal(list)  # Ctrl+click: ids of the spans under the pointer, outermost first

    def __init__(self, parent: QWidget | None = None, *, font_size: float | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._map = QtPositionMap.for_text("")
        self._scheme = LabelScheme()
        self._index = SpanSet()
        self._selected_id: int | None = None
        self._links: list[tuple[int, int]] = []  # (span id, span id) pairs drawn as arcs
        self._emphasised_id: int | None = None  # the other end of the relation picked in a panel
        self._hits: list[tuple[int, int]] = []  # find hits, code points, sorted
        self._hit_starts: list[int] = []
        self._current_hit: int | None = None
        self._press_had_selection = False
        self._ctrl_press = False
        self.key_handler: KeyHandler | None = None
        self._formats: dict[str, QTextCharFormat] = {}
        self._highlighted: list[Span] = []
        self._highlighted_range: tuple[int, int] | None = None
        self._show_annotator = False

        self._tooltip = SpanToolTip(self)
        self._tooltip_spans: list[Span] = []
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setFont(document_font(font_size or DEFAULT_POINT_SIZE))
        self._apply_text_direction()

        self.viewport().setMouseTracking(True)
        # Files dropped on the view go to the window (which opens or imports them).
        self.setAcceptDrops(False)
        self.viewport().setAcceptDrops(False)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.horizontalScrollBar().valueChanged.connect(self._on_scrolled)

    # -- content ----------------------------------------------------------------------------

    def set_document(self, text: str, spans: Iterable[Span], scheme: LabelScheme) -> None:
        """Show ``text`` (as stored) with ``spans`` coloured by ``scheme``; scrolls to the top."""
        self._hide_tooltip()
        self._text = text
        self._map = QtPositionMap.for_text(text)
        self._scheme = scheme
        self._formats = {}
        self._highlighted = []
        self._highlighted_range = None
        self._selected_id = None
        self._links = []
        self._emphasised_id = None
        self._hits, self._hit_starts, self._current_hit = [], [], None
        self.setExtraSelections([])
        self.setPlainText(text)
        self._apply_text_direction()
        self.set_spans(spans)

    def set_spans(self, spans: Iterable[Span]) -> None:
        """Replace the spans shown over the current text (e.g. after an edit or a layer switch).

        Spans whose offsets do not fit the text (a damaged project; ``annotator check`` reports
        them) are left out, with a warning, rather than breaking the view.
        """
        self._hide_tooltip()
        length = len(self._text)
        fitting = [s for s in spans if 0 <= s.start < s.end <= length]
        if isinstance(spans, Sequence) and len(fitting) != len(spans):
            log.warning("%d span(s) do not fit the document text and are not shown", len(spans) - len(fitting))
        self._index = SpanSet(fitting)
        self._show_annotator = len({s.annotator for s in fitting}) > 1
        if self._index.get(self._selected_id) is None:
            self._selected_id = None
        self.refresh_highlights(force=True)

    def update_spans(self, put: Iterable[Span] = (), remove: Iterable[int] = ()) -> None:
        """Add or replace (by id) the spans ``put`` and remove the spans with ids ``remove``:
        what an edit changed, without rebuilding the index of every span."""
        self._hide_tooltip()
        for span_id in remove:
            self._index.remove(span_id)
        length = len(self._text)
        for span in put:
            if 0 <= span.start < span.end <= length:
                self._index.put(span)
            else:
                if span.id is not None:
                    self._index.remove(span.id)
                log.warning("span %s does not fit the document text and is not shown", span.id)
        if self._index.get(self._selected_id) is None:
            self._selected_id = None
        self.refresh_highlights(force=True)

    def span(self, span_id: int | None) -> Span | None:
        """The span shown with id ``span_id``, if any."""
        return self._index.get(span_id)

    def span_after(self, span: Span | None, offset: int) -> Span | None:
        """The next span in text order after ``span`` (or at/after ``offset`` when None)."""
        return self._index.after(span, offset)

    def span_before(self, span: Span | None, offset: int) -> Span | None:
        """The previous span in text order before ``span`` (or before ``offset`` when None)."""
        return self._index.before(span, offset)

    def spans_overlapping(self, start: int, end: int) -> list[Span]:
        return self._index.overlapping(start, end)

    def set_scheme(self, scheme: LabelScheme) -> None:
        """Use ``scheme``'s colours and kinds from now on (after a label was edited)."""
        self._scheme = scheme
        self._formats = {}
        self.refresh_highlights(force=True)

    def clear_document(self) -> None:
        self.set_document("", [], self._scheme)

    @property
    def text(self) -> str:
        """The document text as stored (not ``toPlainText()``, which differs; see offsets.py)."""
        return self._text

    @property
    def position_map(self) -> QtPositionMap:
        return self._map

    @property
    def spans(self) -> list[Span]:
        """All spans of the document, ordered by (start, -end, id)."""
        return list(self._index.spans)

    def span_count(self) -> int:
        return len(self._index.spans)

    @property
    def scheme(self) -> LabelScheme:
        return self._scheme

    # -- what is visible --------------------------------------------------------------------

    def visible_qt_range(self) -> tuple[int, int]:
        """Qt positions [start, end) of the blocks at least partly inside the viewport."""
        block = self.firstVisibleBlock()
        if not block.isValid():
            return (0, 0)
        offset = self.contentOffset()
        bottom = self.viewport().rect().bottom()
        first = last = block
        while block.isValid():
            if self.blockBoundingGeometry(block).translated(offset).top() > bottom:
                break
            if block.isVisible():
                last = block
            block = block.next()
        end = min(last.position() + last.length(), self._map.qt_length)
        return (first.position(), max(first.position(), end))

    def visible_range(self) -> tuple[int, int]:
        """Code-point offsets [start, end) of the visible blocks in the stored text."""
        qt_start, qt_end = self.visible_qt_range()
        return (self._map.from_qt(qt_start), self._map.from_qt(qt_end))

    def visible_spans(self) -> list[Span]:
        """Spans intersecting the visible blocks, ordered by (start, -end)."""
        start, end = self.visible_range()
        if start == end:
            # An empty last block (text ending in a newline) still shows spans ending there: none.
            return []
        return self._index.overlapping(start, end)

    def highlighted_spans(self) -> list[Span]:
        """The spans that currently have an extra selection, in the order the selections are set."""
        return list(self._highlighted)

    # -- highlighting -----------------------------------------------------------------------

    def refresh_highlights(self, *, force: bool = False) -> None:
        """Set extra selections for the spans of the visible blocks (no-op if nothing moved)."""
        visible = self.visible_range()
        if not force and visible == self._highlighted_range:
            return
        self._highlighted_range = visible
        spans = self.visible_spans()
        # Paint order: entities first (opaque backgrounds), then quotes/claims/cues, longest first,
        # whose translucent tint and underline go over them: nested entities stay visible.
        spans.sort(key=lambda s: (self._kind(s.label) in SPAN_KINDS_UNDERLINED, -(s.end - s.start), s.start))
        selections = []
        document = self.document()
        for span in spans:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(self._map.to_qt(span.start))
            cursor.setPosition(self._map.to_qt(span.end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = self._format(span.label)
            selections.append(selection)
        self._highlighted = spans
        selections.extend(self._hit_selections(*visible))
        self.setExtraSelections(selections)

    def _hit_selections(self, start: int, end: int) -> list[QTextEdit.ExtraSelection]:
        """Selections for the find hits inside [start, end), painted over the spans."""
        if not self._hits or start >= end:
            return []
        first = max(0, bisect_left(self._hit_starts, start) - 1)
        last = bisect_left(self._hit_starts, end)
        out = []
        for i in range(first, last):
            hit_start, hit_end = self._hits[i]
            if hit_end <= start:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._map.to_qt(hit_start))
            cursor.setPosition(self._map.to_qt(hit_end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(FIND_CURRENT_COLOR if i == self._current_hit else FIND_HIT_COLOR)
            selection.format = fmt
            out.append(selection)
        return out

    # -- find hits --------------------------------------------------------------------------

    def set_find_hits(self, hits: Sequence[tuple[int, int]], current: int | None = None) -> None:
        """Highlight ``hits`` (code-point ranges, sorted); ``current`` indexes the one in focus."""
        self._hits = list(hits)
        self._hit_starts = [start for start, _ in self._hits]
        self._current_hit = current
        self.refresh_highlights(force=True)

    def find_hits(self) -> list[tuple[int, int]]:
        return list(self._hits)

    # -- selected span, relations -----------------------------------------------------------

    def selected_span(self) -> Span | None:
        return self._index.get(self._selected_id)

    def set_selected_span(self, span_id: int | None, *, scroll: bool = True) -> None:
        """Outline the span ``span_id`` (None: no span is selected) and put the text cursor at its
        start, scrolling it into view."""
        span = self._index.get(span_id)
        self._selected_id = span.id if span is not None else None
        if span is not None and scroll:
            self.show_range(span.start, span.end)
        self.viewport().update()

    def show_range(self, start: int, end: int, *, select: bool = False) -> None:
        """Put the text cursor at ``start`` (selecting up to ``end`` if asked) and scroll there;
        the range is centred when it was out of view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_qt(start))
        if select:
            cursor.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        first = QTextCursor(self.document())
        first.setPosition(self._map.to_qt(start))
        last = QTextCursor(self.document())
        last.setPosition(self._map.to_qt(end))
        viewport = self.viewport().rect()
        if self.cursorRect(first).top() < viewport.top() or self.cursorRect(last).bottom() > viewport.bottom():
            self.centerCursor()
        self.ensureCursorVisible()

    def set_links(self, pairs: Sequence[tuple[int, int]], emphasised: int | None = None) -> None:
        """Draw an arc between the spans of each (id, id) pair (the selected span's relations);
        ``emphasised`` gets a strong outline (the other end of the relation picked in a panel)."""
        self._links = list(pairs)
        self._emphasised_id = emphasised
        self.viewport().update()

    def links(self) -> list[tuple[int, int]]:
        return list(self._links)

    def emphasised_span(self) -> Span | None:
        return self._index.get(self._emphasised_id)

    def range_rects(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles of the text [start, end) inside the visible blocks, one per visual
        run and line (glyph runs: right for bidi text and for letters joined across an edge)."""
        visible_start, visible_end = self.visible_qt_range()
        qt_start = max(self._map.to_qt(start), visible_start)
        qt_end = min(self._map.to_qt(end), visible_end)
        rects: list[QRectF] = []
        if qt_start >= qt_end:
            return rects
        offset = self.contentOffset()
        block = self.document().findBlock(qt_start)
        while block.isValid() and block.position() < qt_end:
            layout = block.layout()
            origin = self.blockBoundingGeometry(block).translated(offset).topLeft() + layout.position()
            a = max(qt_start, block.position()) - block.position()
            b = min(qt_end, block.position() + block.length() - 1) - block.position()
            for i in range(layout.lineCount() if b > a else 0):
                # Line by line: QTextLayout.glyphRuns merges runs of one font across lines.
                line = layout.lineAt(i)
                line_a, line_b = max(a, line.textStart()), min(b, line.textStart() + line.textLength())
                if line_a < line_b:
                    # Horizontal extent from each run, height from the line (runs in another font,
                    # an emoji say, have other heights).
                    top, height = origin.y() + line.y(), line.height()
                    for run in line.glyphRuns(line_a, line_b - line_a):
                        box = run.boundingRect()
                        rects.append(QRectF(origin.x() + box.left(), top, box.width(), height))
            block = block.next()
        # Runs of one line a space apart belong together (a word in another font, e.g. an emoji).
        return _merge_line_rects(rects, self.fontMetrics().horizontalAdvance(" ") + 2.0)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        selected = self._index.get(self._selected_id)
        emphasised = self._index.get(self._emphasised_id)
        if selected is None and emphasised is None:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        anchors: dict[int, QPointF] = {}
        for span_id in {i for pair in self._links for i in pair}:
            other = self._index.get(span_id)
            if other is None or other is selected:
                continue
            pen = QPen(LINK_COLOR, 3 if other is emphasised else 1.5)
            if other is not emphasised:
                pen.setStyle(Qt.PenStyle.DashLine)
            rects = self._outline(painter, other, pen)
            if rects:
                anchors[span_id] = _anchor(rects[0])
        if emphasised is not None and emphasised.id not in anchors and emphasised is not selected:
            self._outline(painter, emphasised, QPen(LINK_COLOR, 3))
        if selected is not None:
            rects = self._outline(painter, selected, QPen(SELECTED_OUTLINE, 2.5))
            if rects:
                anchors[selected.id] = _anchor(rects[0])  # type: ignore[index]
        link_pen = QPen(LINK_COLOR, 1.5)
        painter.setPen(link_pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for head, child in self._links:
            if head in anchors and child in anchors:
                painter.drawPath(_arc(anchors[head], anchors[child], self.fontMetrics().height() * 0.6))
                painter.setBrush(LINK_COLOR)
                painter.drawEllipse(anchors[child], 3.5, 3.5)  # the dot marks the child end
                painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.end()

    def _outline(self, painter: QPainter, span: Span, pen: QPen) -> list[QRectF]:
        rects = self.range_rects(span.start, span.end)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect in rects:
            painter.drawRoundedRect(rect.adjusted(-1.5, 1, 1.5, -1), 4, 4)
        return rects

    def _label(self, name: str) -> SpanLabel:
        return self._scheme.span_label(name) or SpanLabel(name=name, kind="entity", color=DEFAULT_COLOR)

    def _kind(self, name: str) -> str:
        return self._label(name).kind

    def _format(self, name: str) -> QTextCharFormat:
        """The char format of a label's highlight (cached per document)."""
        fmt = self._formats.get(name)
        if fmt is not None:
            return fmt
        label = self._label(name)
        colour = QColor(label.color)
        if not colour.isValid():
            colour = QColor(DEFAULT_COLOR)
        fmt = QTextCharFormat()
        underline = SPAN_KINDS_UNDERLINED.get(label.kind)
        if underline is None:
            fmt.setBackground(colour)
        else:
            tint = QColor(colour)
            tint.setAlpha(TINT_ALPHA)
            fmt.setBackground(tint)
            # A foreground makes Qt redraw the text in this selection, with the underline.
            fmt.setForeground(self.palette().text())
            fmt.setUnderlineStyle(underline)
            fmt.setUnderlineColor(colour)
        self._formats[name] = fmt
        return fmt

    def _on_scrolled(self, _value: int) -> None:
        self._hide_tooltip()
        self.refresh_highlights()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.refresh_highlights()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh_highlights()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.refresh_highlights(force=True)
        elif event.type() == QEvent.Type.PaletteChange:
            self._formats = {}
            self.refresh_highlights(force=True)

    def _apply_text_direction(self) -> None:
        """Right-to-left paragraphs, right aligned even when a paragraph starts with Latin text."""
        option = self.document().defaultTextOption()
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        self.document().setDefaultTextOption(option)

    # -- font size --------------------------------------------------------------------------

    def font_point_size(self) -> float:
        return self.font().pointSizeF()

    def set_font_point_size(self, size: float) -> None:
        """Set the text size in points (clamped to a readable range), keeping the family."""
        size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, float(size)))
        font = QFont(self.font())
        font.setPointSizeF(size)
        self.setFont(font)

    def zoom_in(self, step: float = 1.0) -> None:
        self.set_font_point_size(self.font_point_size() + step)

    def zoom_out(self, step: float = 1.0) -> None:
        self.set_font_point_size(self.font_point_size() - step)

    # -- hover ------------------------------------------------------------------------------

    def qt_position_at(self, point: QPoint | QPointF) -> int | None:
        """Qt position of the character drawn under viewport ``point``, or None off the text."""
        point = QPointF(point)
        block = self.cursorForPosition(point.toPoint()).block()
        if not block.isValid():
            return None
        layout = block.layout()
        origin = self.blockBoundingGeometry(block).translated(self.contentOffset()).topLeft() + layout.position()
        local = point - origin
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            rect = line.naturalTextRect()
            if not rect.top() <= local.y() < rect.bottom():
                continue
            if not rect.left() <= local.x() < rect.right() or line.textLength() == 0:
                return None
            index = line.xToCursor(local.x(), QTextLine.CursorPosition.CursorOnCharacter)
            index = max(line.textStart(), min(index, line.textStart() + line.textLength() - 1))
            return block.position() + index
        return None

    def spans_at_point(self, point: QPoint | QPointF) -> list[Span]:
        """Spans covering the character under viewport ``point`` (outermost first)."""
        position = self.qt_position_at(point)
        if position is None or position >= self._map.qt_length:
            return []
        return self._index.at(self._map.from_qt(position))

    def tooltip_text(self, spans: Sequence[Span]) -> str:
        """One line per span: label, annotator when several layers are shown, and surface text."""
        lines = []
        for span in spans:
            surface = " ".join(span.text_in(self._text).split())
            if len(surface) > TOOLTIP_SURFACE_CHARS:
                surface = surface[: TOOLTIP_SURFACE_CHARS - 1] + "…"
            who = f" ({span.annotator})" if self._show_annotator and span.annotator else ""
            # First-strong isolate: the surface keeps its own direction inside the Latin line.
            lines.append(f"{span.label}{who}: {FSI}{surface}{PDI}")
        return "\n".join(lines)

    @property
    def tooltip_widget(self) -> SpanToolTip:
        return self._tooltip

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            spans = self.spans_at_point(event.pos())
            if spans:
                self._tooltip_spans = spans
                self._tooltip.show_text(event.globalPos(), self.tooltip_text(spans))
            else:
                self._hide_tooltip()
            return True
        if event.type() == QEvent.Type.Leave:
            self._hide_tooltip()
        return super().viewportEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._tooltip.isVisible() and self.spans_at_point(event.position()) != self._tooltip_spans:
            self._hide_tooltip()
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event) -> None:
        self._hide_tooltip()
        self._ctrl_press = False
        if event.button() == Qt.MouseButton.LeftButton and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            spans = self.spans_at_point(event.position())
            if spans:
                # Ctrl+click links; it must not move the cursor or drop the selected span.
                self._ctrl_press = True
                self.linkClicked.emit([s.id for s in spans])
                event.accept()
                return
        self._press_had_selection = self.textCursor().hasSelection()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._ctrl_press:
            self._ctrl_press = False
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        spans = self.spans_at_point(event.position())
        if not spans:
            self.spanClicked.emit(None)
            return
        # Innermost first; clicking again where the selected span is picks the next one out.
        spans.reverse()
        ids = [s.id for s in spans]
        if self._selected_id in ids:
            self.spanClicked.emit(ids[(ids.index(self._selected_id) + 1) % len(ids)])
        else:
            self.spanClicked.emit(ids[0])

    def event(self, event: QEvent) -> bool:
        # Keys an owner claims (label keys, Tab between spans, Delete...) come here before Qt's
        # shortcuts (ShortcutOverride) and before the focus chain takes Tab (KeyPress).
        if self.key_handler is not None and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            action = self.key_handler(event)  # type: ignore[arg-type]
            if action is not None:
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self._hide_tooltip()
                    action()
                return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        self._hide_tooltip()
        super().keyPressEvent(event)

    def _hide_tooltip(self) -> None:
        self._tooltip_spans = []
        if self._tooltip.isVisible():
            self._tooltip.hide()


def _merge_line_rects(rects: list[QRectF], gap: float = 1.5) -> list[QRectF]:
    """Join rectangles of the same line less than ``gap`` apart (glyph runs of one span split by
    a change of font or direction)."""
    rects.sort(key=lambda r: (round(r.top()), r.left()))
    merged: list[QRectF] = []
    for rect in rects:
        last = merged[-1] if merged else None
        if last is not None and abs(last.top() - rect.top()) < 1 and rect.left() <= last.right() + gap:
            merged[-1] = last.united(rect)
        else:
            merged.append(QRectF(rect))
    # Text order for right-to-left lines: the first rectangle is the top-right one.
    merged.sort(key=lambda r: (round(r.top()), -r.right()))
    return merged


def _anchor(rect: QRectF) -> QPointF:
    """Where a relation arc meets a span: above its first character (right to left: its right end)."""
    return QPointF(rect.right() - min(14.0, rect.width() / 2), rect.top() + 2)


def _arc(start: QPointF, end: QPointF, most: float) -> QPainterPath:
    """A curve rising above the text from ``start`` to ``end``, at most ``most`` pixels (into the
    line above: less would hide it between the lines, more would cover that line's text)."""
    rise = min(most, 6.0 + 0.08 * abs(end.x() - start.x()) + 0.1 * abs(end.y() - start.y()))
    top = min(start.y(), end.y()) - rise
    path = QPainterPath(start)
    path.cubicTo(QPointF(start.x(), top), QPointF(end.x(), top), end)
    return path
