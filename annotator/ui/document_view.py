"""The document view: Arabic text, right to left, with spans highlighted in their label colours.

Rules it follows (see DESIGN.md, "Qt facts measured" and "Arabic text: rules"):

- The stored text goes in with ``setPlainText`` as is (logical order, never reshaped, never HTML).
- Paragraphs are right to left and right aligned whatever character they start with.
- Highlights are ExtraSelections (painted at draw time), never char formats stored in the layout,
  which would break letter joining (the lam-alef ligature) where a span starts inside a word.
- Only the spans that intersect the visible blocks get a selection, recomputed on scroll, resize,
  font change and when the spans change: cheap at any document size.
- Offsets go through :class:`annotator.core.offsets.QtPositionMap`, never through ``toPlainText()``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QPalette, QTextCharFormat, QTextCursor, QTextLine
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QWidget

from annotator.core.labels import DEFAULT_COLOR, LabelScheme, SpanLabel
from annotator.core.model import Span
from annotator.core.offsets import QtPositionMap
from annotator.ui.fonts import DEFAULT_POINT_SIZE, document_font
from annotator.ui.span_index import SpanIndex

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

    def __init__(self, parent: QWidget | None = None, *, font_size: float | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._map = QtPositionMap.for_text("")
        self._scheme = LabelScheme()
        self._index = SpanIndex.build([])
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
        self._index = SpanIndex.build(fitting)
        self._show_annotator = len({s.annotator for s in self._index}) > 1
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
        """All spans of the document, ordered by (start, -end)."""
        return list(self._index.spans)

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
        self.setExtraSelections(selections)

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

    def keyPressEvent(self, event) -> None:
        self._hide_tooltip()
        super().keyPressEvent(event)

    def _hide_tooltip(self) -> None:
        self._tooltip_spans = []
        if self._tooltip.isVisible():
            self._tooltip.hide()
