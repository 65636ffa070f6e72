"""Review mode, side by side: one read-only :class:`DocumentView` per annotator, scrolled together.

Each pane shows one annotator's layer in the usual label colours, under a header with the
annotator's name and colour, and outlines the document's disagreements like the main view
(:class:`~annotator.ui.review_overlay.LayerOverlay`). Scrolling any pane, or the main (gold)
view, brings the others to the same place in the text: the first character visible at the top of
the view that moved is put at the top of the others (panes differ in width, so their lines wrap
differently; the text position, not the scroll fraction, is what is kept).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from annotator.core.labels import LabelScheme
from annotator.core.model import Span
from annotator.ui.document_view import DocumentView
from annotator.ui.review_overlay import LayerOverlay, Region, annotator_color


def plain_label(text: str = "") -> QLabel:
    """A QLabel that shows its text as plain text (never guessed to be rich text)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def first_visible_offset(view: DocumentView) -> int:
    """Code-point offset of the first character at the top of ``view``'s viewport."""
    viewport = view.viewport().rect()
    cursor = view.cursorForPosition(QPoint(viewport.right() - 4, viewport.top() + 2))
    return view.position_map.from_qt(cursor.position())


def scroll_to_offset(view: DocumentView, offset: int) -> None:
    """Scroll ``view`` so that the line holding ``offset`` is its top line (as far as it goes)."""
    qt = view.position_map.to_qt(min(max(0, offset), len(view.text)))
    block = view.document().findBlock(qt)
    if not block.isValid():
        return
    layout = block.layout()
    line = layout.lineForTextPosition(qt - block.position()) if layout is not None else None
    line_number = line.lineNumber() if line is not None and line.isValid() else 0
    bar = view.verticalScrollBar()
    target = block.firstLineNumber() + line_number
    if block.firstLineNumber() < 0 or target > bar.maximum() + 10_000:
        # Not laid out yet: let Qt bring it into view from below, which puts it at the top.
        bar.setValue(bar.maximum())
        cursor = QTextCursor(view.document())
        cursor.setPosition(qt)
        view.setTextCursor(cursor)
        view.ensureCursorVisible()
        return
    bar.setValue(target)


class LayerPane(QWidget):
    """One annotator's layer: a header and a read-only view."""

    def __init__(self, name: str, index: int, font_size: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.header = plain_label(name)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        colour = annotator_color(index)
        self.header.setStyleSheet(
            f"QLabel {{ border-bottom: 3px solid {colour.name()}; padding: 2px 6px; font-weight: bold; }}"
        )
        self.view = DocumentView(font_size=font_size)
        self.view.setObjectName(f"layer_view_{index}")
        self.view.setPlaceholderText(self.tr("{name} has no spans here.").format(name=name))
        self.overlay = LayerOverlay(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)


class SideBySideView(QWidget):
    """The annotators' layers next to each other (right to left, as the text reads)."""

    spanClicked = Signal(str, object)  # annotator, span id (or None)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("side_by_side")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the first annotator on the right
        self.splitter.setChildrenCollapsible(False)
        self.empty = plain_label(self.tr("Fewer than two annotators worked on this document."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.empty, 1)
        self.panes: list[LayerPane] = []
        self._leader: DocumentView | None = None
        self._syncing = False
        self._font_size = 14.0

    def set_font_size(self, size: float) -> None:
        self._font_size = size
        for pane in self.panes:
            pane.view.set_font_point_size(size)

    def set_layers(
        self, text: str, layers: Mapping[str, Sequence[Span]], scheme: LabelScheme, names: Sequence[str]
    ) -> None:
        """Show ``layers`` (annotator -> spans) over ``text``; ``names`` gives the order and colours."""
        wanted = list(layers)
        if [p.name for p in self.panes] != wanted:
            for pane in self.panes:
                pane.setParent(None)
                pane.deleteLater()
            self.panes = []
            for name in wanted:
                index = list(names).index(name) if name in names else len(self.panes)
                pane = LayerPane(name, index, self._font_size)
                pane.view.verticalScrollBar().valueChanged.connect(lambda _v, view=pane.view: self._follow(view))
                pane.view.spanClicked.connect(lambda span_id, n=name: self.spanClicked.emit(n, span_id))
                self.splitter.addWidget(pane)
                self.panes.append(pane)
        for pane in self.panes:
            pane.view.set_document(text, layers[pane.name], scheme)
            pane.overlay.set_scheme(scheme)
            pane.overlay.show()
        self.splitter.setVisible(bool(self.panes))
        self.empty.setVisible(not self.panes)

    def pane(self, name: str) -> LayerPane | None:
        return next((p for p in self.panes if p.name == name), None)

    def set_regions(self, regions: Sequence[Region], selected: object = None) -> None:
        for pane in self.panes:
            pane.overlay.set_regions(regions, selected)

    def set_selected(self, key: object) -> None:
        for pane in self.panes:
            pane.overlay.set_selected(key)

    def clear(self) -> None:
        for pane in self.panes:
            pane.view.clear_document()
            pane.overlay.clear()

    # -- scrolling together -----------------------------------------------------------------

    def follow(self, leader: DocumentView) -> None:
        """Scroll with ``leader`` (the main view) too."""
        if self._leader is leader:
            return
        self._leader = leader
        leader.verticalScrollBar().valueChanged.connect(lambda _v: self._follow(leader))

    def show_range(self, start: int, end: int) -> None:
        """Scroll every pane to [start, end) (each as it wraps), without moving the others."""
        self._syncing = True
        try:
            for pane in self.panes:
                pane.view.show_range(start, end)
        finally:
            self._syncing = False

    def sync_to(self, offset: int) -> None:
        """Bring every pane to ``offset``."""
        self._syncing = True
        try:
            for pane in self.panes:
                scroll_to_offset(pane.view, offset)
        finally:
            self._syncing = False

    def _follow(self, source: DocumentView) -> None:
        if self._syncing or not self.isVisible():
            return
        self._syncing = True
        try:
            offset = first_visible_offset(source)
            views = [p.view for p in self.panes]
            if self._leader is not None:
                views.append(self._leader)
            for view in views:
                if view is not source:
                    scroll_to_offset(view, offset)
        finally:
            self._syncing = False
