"""Charts drawn with QPainter: a horizontal bar chart for agreement figures per label.

Label names may be Arabic. Qt shapes Arabic and orders bidirectional text itself, so names are
drawn as stored (logical order, never reshaped), in the document font (the interface font may
have no Arabic glyphs).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from annotator.ui.fonts import document_font

MARGIN = 12.0
GAP = 10.0
VALUE_FORMAT = "{:.3f}"


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: its label, value (None: undefined, drawn as "n/a"), colour and a short note
    (what the value rests on, e.g. "58 spans")."""

    label: str
    value: float | None
    color: str = "#5b7db1"
    note: str = ""


def value_text(value: float | None) -> str:
    return "n/a" if value is None else VALUE_FORMAT.format(value)


class BarChart(QWidget):
    """A horizontal bar chart: one row per :class:`Bar`, label on the left, value and note after the bar."""

    def __init__(self, parent: QWidget | None = None, *, label_point_size: float | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bar_chart")
        self._title = ""
        self._bars: list[Bar] = []
        self._minimum = 0.0
        self._maximum = 1.0
        self._empty_text = self.tr("No figures to show.")
        self._label_font = document_font(label_point_size or max(12.0, self.font().pointSizeF() * 1.3))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(260, 120)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)

    # -- data -------------------------------------------------------------------------------

    def set_data(self, title: str, bars: Sequence[Bar], *, minimum: float = 0.0, maximum: float = 1.0) -> None:
        """Show ``bars`` on an axis from ``minimum`` to ``maximum`` (widened to hold every value)."""
        self._title = title
        self._bars = list(bars)
        values = [b.value for b in self._bars if b.value is not None]
        self._minimum = min([minimum, *values])
        self._maximum = max([maximum, *values])
        if self._maximum <= self._minimum:
            self._maximum = self._minimum + 1.0
        self.setAccessibleName(title)
        self.setAccessibleDescription("; ".join(f"{b.label}: {value_text(b.value)}" for b in self._bars))
        self._fit()

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def title(self) -> str:
        return self._title

    def set_label_point_size(self, size: float) -> None:
        font = QFont(self._label_font)
        font.setPointSizeF(size)
        self._label_font = font
        self._fit()

    def _fit(self) -> None:
        """Every row keeps its height: the chart grows (a scroll area around it scrolls), never squeezes."""
        self.setMinimumHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def label_font(self) -> QFont:
        return QFont(self._label_font)

    # -- geometry ---------------------------------------------------------------------------

    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _row_height(self) -> float:
        return max(QFontMetricsF(self._label_font).height(), QFontMetricsF(self.font()).height() * 1.6) + 6

    def _top(self) -> float:
        return MARGIN + (QFontMetricsF(self._title_font()).height() + 8 if self._title else 0)

    def _label_width(self) -> float:
        metrics = QFontMetricsF(self._label_font)
        widest = max((metrics.horizontalAdvance(b.label) for b in self._bars), default=0.0)
        return min(widest + 4, max(80.0, self.width() * 0.4))

    def _value_width(self) -> float:
        metrics = QFontMetricsF(self.font())
        return (
            max(
                (metrics.horizontalAdvance(f"{value_text(b.value)}  {b.note}") for b in self._bars),
                default=0.0,
            )
            + GAP
        )

    def _plot_range(self) -> tuple[float, float]:
        left = MARGIN + self._label_width() + GAP
        right = max(left + 40, self.width() - MARGIN - self._value_width())
        return left, right

    def _x(self, value: float, left: float, right: float) -> float:
        return left + (value - self._minimum) / (self._maximum - self._minimum) * (right - left)

    def label_rect(self, row: int) -> QRectF:
        """Where bar ``row``'s label is drawn (widget coordinates)."""
        height = self._row_height()
        return QRectF(MARGIN, self._top() + row * height, self._label_width(), height)

    def bar_rect(self, row: int) -> QRectF:
        """The bar of ``row`` (empty for an undefined value)."""
        bar = self._bars[row]
        left, right = self._plot_range()
        height = self._row_height()
        top = self._top() + row * height + height * 0.2
        if bar.value is None:
            return QRectF(self._x(0.0, left, right), top, 0, height * 0.6)
        a, b = sorted((self._x(0.0, left, right), self._x(bar.value, left, right)))
        return QRectF(a, top, b - a, height * 0.6)

    def sizeHint(self) -> QSize:
        axis = QFontMetricsF(self.font()).height() + 8
        rows = max(1, len(self._bars))
        return QSize(560, math.ceil(self._top() + rows * self._row_height() + axis + MARGIN))

    def minimumSizeHint(self) -> QSize:
        return QSize(260, 120)

    # -- painting ---------------------------------------------------------------------------

    def _ticks(self) -> list[float]:
        step = 0.25 if self._maximum - self._minimum <= 1.5 else 0.5
        first = math.ceil(self._minimum / step - 1e-9) * step
        ticks = []
        value = first
        while value <= self._maximum + 1e-9:
            ticks.append(round(value, 6))
            value += step
        return ticks

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.Text)
        faint = QColor(text_colour)
        faint.setAlpha(110)
        if self._title:
            painter.setFont(self._title_font())
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(MARGIN, MARGIN, self.width() - 2 * MARGIN, self._top() - MARGIN),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                self._title,
            )
        if not self._bars:
            painter.setFont(self.font())
            painter.setPen(faint)
            painter.drawText(
                QRectF(0, self._top(), self.width(), self.height() - self._top()),
                int(Qt.AlignmentFlag.AlignCenter),
                self._empty_text,
            )
            painter.end()
            return
        left, right = self._plot_range()
        height = self._row_height()
        top = self._top()
        bottom = top + len(self._bars) * height
        metrics = QFontMetricsF(self.font())

        # Grid and axis.
        grid = QColor(text_colour)
        grid.setAlpha(40)
        painter.setFont(self.font())
        for tick in self._ticks():
            x = self._x(tick, left, right)
            painter.setPen(QPen(faint if tick == 0 else grid, 1))
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))
            label = f"{tick:g}"
            width = metrics.horizontalAdvance(label)
            painter.setPen(faint)
            painter.drawText(QPointF(x - width / 2, bottom + metrics.ascent() + 4), label)

        for row, bar in enumerate(self._bars):
            y = top + row * height
            painter.setFont(self._label_font)
            painter.setPen(text_colour)
            painter.drawText(
                self.label_rect(row), int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), bar.label
            )
            rect = self.bar_rect(row)
            colour = QColor(bar.color)
            if not colour.isValid():
                colour = QColor("#5b7db1")
            if bar.value is not None and rect.width() > 0:
                painter.setPen(QPen(colour.darker(150), 1))
                painter.setBrush(colour)
                painter.drawRoundedRect(rect, 2, 2)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setFont(self.font())
            note = f"  {bar.note}" if bar.note else ""
            text = value_text(bar.value)
            x = max(rect.right(), self._x(0.0, left, right)) + 6
            baseline = y + height / 2 + metrics.ascent() / 2 - 1
            painter.setPen(text_colour if bar.value is not None else faint)
            painter.drawText(QPointF(x, baseline), text)
            if note:
                painter.setPen(faint)
                painter.drawText(QPointF(x + metrics.horizontalAdvance(text), baseline), note)
        painter.end()
