"""Marks painted over a :class:`DocumentView` in review mode, without touching its text layout.

:class:`LayerOverlay` is a transparent child of the view's viewport (mouse events pass through).
It draws

* one thin stripe per annotator under each of their spans (the overlaid layers): stripes are
  stacked in the annotators' order, the first annotator's lowest, each in the colour of the span's
  label, so a span some annotators lack leaves a gap, a label conflict shows two colours and a
  boundary conflict stripes of other lengths;
* an outline round every disagreement: red and dashed while open, grey and dotted once decided,
  thick round the one picked in the disagreements panel.

Only what intersects the visible blocks is drawn (the view's :meth:`range_rects`), so it costs
nothing for text out of sight.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from annotator.core.labels import DEFAULT_COLOR, LabelScheme
from annotator.core.model import Span
from annotator.review.adjudication import OPEN
from annotator.ui.document_view import DocumentView

# Annotators' own colours (ColorBrewer Dark2): legend chips and side-by-side headers.
ANNOTATOR_COLORS = ("#1b9e77", "#7570b3", "#d95f02", "#e7298a", "#66a61e", "#a6761d", "#666666")
OPEN_COLOR = QColor(200, 30, 30, 220)
DECIDED_COLOR = QColor(120, 120, 120, 150)
STRIPE = 3.0  # thickness of a stripe, pixels
STRIPE_STEP = 4.0  # distance between stacked stripes
STRIPE_ALPHA = 165


def annotator_color(index: int) -> QColor:
    return QColor(ANNOTATOR_COLORS[index % len(ANNOTATOR_COLORS)])


def stripe_icon(row: int, rows: int, color: QColor, size: int = 16) -> QIcon:
    """A legend chip: ``rows`` stacked stripes, the ``row``-th (0 = lowest) drawn strong."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    rows = max(1, rows)
    step = min(STRIPE_STEP, (size - 2) / rows)
    for r in range(rows):
        y = size - 2 - (r + 1) * step
        colour = QColor(color) if r == row else QColor(170, 170, 170, 120)
        painter.fillRect(QRectF(1, y, size - 2, max(1.5, step - 1)), colour)
    painter.end()
    return QIcon(pixmap)


@dataclass
class OverlayLayer:
    """One annotator's spans, as stripes."""

    name: str
    spans: list[Span]
    visible: bool = True


@dataclass
class Region:
    """A disagreement's extent and whether it is still open."""

    start: int
    end: int
    state: str = OPEN
    key: object = None


@dataclass
class _State:
    layers: list[OverlayLayer] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    selected: object = None


class LayerOverlay(QWidget):
    """Stripes and disagreement outlines over ``view`` (see the module docstring)."""

    def __init__(self, view: DocumentView) -> None:
        super().__init__(view.viewport())
        self.setObjectName("layer_overlay")
        self.view = view
        self._scheme = LabelScheme()
        self._state = _State()
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._viewport = view.viewport()  # compared by identity: no call into a deleted view
        self.setGeometry(self._viewport.rect())
        self._viewport.installEventFilter(self)
        view.verticalScrollBar().valueChanged.connect(self.update)
        view.horizontalScrollBar().valueChanged.connect(self.update)
        self.hide()

    # -- content ----------------------------------------------------------------------------

    def set_scheme(self, scheme: LabelScheme) -> None:
        self._scheme = scheme
        self.update()

    def set_layers(self, layers: Sequence[OverlayLayer]) -> None:
        self._state.layers = list(layers)
        self.update()

    def layers(self) -> list[OverlayLayer]:
        return list(self._state.layers)

    def set_layer_visible(self, name: str, visible: bool) -> None:
        for layer in self._state.layers:
            if layer.name == name:
                layer.visible = visible
        self.update()

    def visible_layers(self) -> list[str]:
        return [layer.name for layer in self._state.layers if layer.visible]

    def set_regions(self, regions: Sequence[Region], selected: object = None) -> None:
        self._state.regions = list(regions)
        self._state.selected = selected
        self.update()

    def regions(self) -> list[Region]:
        return list(self._state.regions)

    def set_selected(self, key: object) -> None:
        self._state.selected = key
        self.update()

    def selected(self) -> object:
        return self._state.selected

    def clear(self) -> None:
        self._state = _State()
        self.update()

    # -- keeping up with the view -----------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._viewport.rect())
        return False

    # -- painting ---------------------------------------------------------------------------

    def _colour(self, label: str) -> QColor:
        definition = self._scheme.span_label(label)
        colour = QColor(definition.color if definition else DEFAULT_COLOR)
        if not colour.isValid():
            colour = QColor(DEFAULT_COLOR)
        # Label colours are pale highlight colours: darker, a thin stripe stays visible; translucent,
        # the letters' descenders it crosses still show through.
        colour = colour.darker(135)
        colour.setAlpha(STRIPE_ALPHA)
        return colour

    def paintEvent(self, event: QPaintEvent) -> None:
        start, end = self.view.visible_range()
        if start >= end:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        shown = [layer for layer in self._state.layers if layer.visible]
        for row, layer in enumerate(shown):
            # Longer spans first: a person inside a quote is drawn over the quote's stripe.
            spans = sorted(
                (s for s in layer.spans if s.start < end and start < s.end), key=lambda s: -(s.end - s.start)
            )
            for span in spans:
                colour = self._colour(span.label)
                for rect in self.view.range_rects(span.start, span.end):
                    y = rect.bottom() - 1 - (row + 1) * STRIPE_STEP + (STRIPE_STEP - STRIPE)
                    painter.fillRect(QRectF(rect.left() + 1, y, max(1.0, rect.width() - 2), STRIPE), colour)
        for region in self._state.regions:
            if region.end <= start or region.start >= end:
                continue
            selected = region.key is not None and region.key == self._state.selected
            pen = QPen(OPEN_COLOR if region.state == OPEN else DECIDED_COLOR, 2.5 if selected else 1.2)
            if not selected:
                pen.setStyle(Qt.PenStyle.DashLine if region.state == OPEN else Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for rect in self.view.range_rects(region.start, region.end):
                painter.drawRoundedRect(rect.adjusted(-2.5, 0.5, 2.5, -0.5), 4, 4)
        painter.end()
