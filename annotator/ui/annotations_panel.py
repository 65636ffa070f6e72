"""The annotations panel: every span of the document in text order, with its label, surface
text, attributes and relations. Selecting a row selects the span in the text view.

The rows come from a table model over the view's sorted span list (no widget per span), so a
document with tens of thousands of spans costs nothing until rows are drawn. Item views draw
DisplayRole strings as plain text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from annotator.core.labels import LabelScheme
from annotator.core.model import Relation, Span
from annotator.ui.document_list import TitleDelegate
from annotator.ui.fonts import document_font
from annotator.ui.palette import swatch

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
FSI, PDI = "\u2068", "\u2069"
SURFACE_CHARS = 80
LINK_SURFACE_CHARS = 24


def one_line(text: str, limit: int) -> str:
    words = " ".join(text.split())
    return words if len(words) <= limit else words[: limit - 1] + "…"


def format_attrs(attrs: dict[str, Any]) -> str:
    def value(v: Any) -> str:
        if isinstance(v, bool):
            return "yes" if v else "no"
        return str(v)

    return ", ".join(f"{k}={value(v)}" for k, v in sorted(attrs.items()))


class AnnotationsModel(QAbstractTableModel):
    """Rows are the document's spans, ordered by position: label, surface text, and the
    attributes and relations in one column."""

    LABEL, TEXT, DETAILS = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("AnnotationsModel", "Label"),
        QT_TRANSLATE_NOOP("AnnotationsModel", "Text"),
        QT_TRANSLATE_NOOP("AnnotationsModel", "Attributes, relations"),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._text = ""
        self._spans: list[Span] = []
        self._rows: dict[int, int] = {}
        self._by_id: dict[int, Span] = {}
        self._links: dict[int, list[Relation]] = {}
        self._scheme = LabelScheme()

    def set_content(self, text: str, spans: Sequence[Span], relations: Sequence[Relation], scheme: LabelScheme) -> None:
        self.beginResetModel()
        self._text = text
        self._spans = list(spans)
        self._rows = {s.id: row for row, s in enumerate(self._spans) if s.id is not None}
        self._by_id = {s.id: s for s in self._spans if s.id is not None}
        links: dict[int, list[Relation]] = defaultdict(list)
        for relation in relations:
            links[relation.head].append(relation)
            links[relation.child].append(relation)
        self._links = dict(links)
        self._scheme = scheme
        self.endResetModel()

    def span(self, row: int) -> Span:
        return self._spans[row]

    def row_of(self, span_id: int | None) -> int | None:
        return None if span_id is None else self._rows.get(span_id)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._spans)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("AnnotationsModel", self.HEADERS[section])
        return None

    def links_text(self, span: Span) -> str:
        """E.g. "SAID_BY → PER ⁨بوتين⁩; CUE_OF ← CUE ⁨قال⁩"."""
        parts = []
        for relation in self._links.get(span.id, []):  # type: ignore[arg-type]
            outgoing = relation.head == span.id
            other = self._by_id.get(relation.child if outgoing else relation.head)
            where = (
                f"{other.label} {FSI}{one_line(other.text_in(self._text), LINK_SURFACE_CHARS)}{PDI}" if other else "?"
            )
            parts.append(f"{relation.label} {'→' if outgoing else '←'} {where}")
        return "; ".join(parts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        span = self._spans[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.LABEL:
                return span.label
            if column == self.TEXT:
                return one_line(span.text_in(self._text), SURFACE_CHARS)
            return "; ".join(part for part in (format_attrs(span.attrs), self.links_text(span)) if part)
        if role == Qt.ItemDataRole.DecorationRole and column == self.LABEL:
            label = self._scheme.span_label(span.label)
            return swatch(label.color if label else "#cccccc", label.kind if label else "entity")
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == self.LABEL
            and self._scheme.span_label(span.label) is None
        ):
            return QColor("#b00020")  # a label the scheme no longer has
        return None


class AnnotationsPanel(QWidget):
    """The span table; ``spanSelected(id)`` when the user picks a row."""

    spanSelected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AnnotationsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        text_font = document_font(max(12.0, self.font().pointSizeF() * 1.2))
        delegate = TitleDelegate(text_font, self.table)
        self.table.setItemDelegateForColumn(AnnotationsModel.TEXT, delegate)
        self.table.setItemDelegateForColumn(AnnotationsModel.DETAILS, TitleDelegate(text_font, self.table))
        self.table.verticalHeader().setDefaultSectionSize(QFontMetrics(text_font).height() + 4)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(AnnotationsModel.LABEL, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(AnnotationsModel.TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AnnotationsModel.DETAILS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(AnnotationsModel.LABEL, 78)
        header.resizeSection(AnnotationsModel.DETAILS, 150)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self._updating = False
        self.table.selectionModel().currentRowChanged.connect(self._on_row)

    def set_content(self, text: str, spans: Sequence[Span], relations: Sequence[Relation], scheme: LabelScheme) -> None:
        self._updating = True
        try:
            self.model.set_content(text, spans, relations, scheme)
        finally:
            self._updating = False

    def select_span(self, span_id: int | None) -> None:
        """Show ``span_id``'s row as current (no signal)."""
        self._updating = True
        try:
            row = self.model.row_of(span_id)
            selection = self.table.selectionModel()
            if row is None:
                selection.clear()
                return
            index = self.model.index(row, AnnotationsModel.LABEL)
            selection.setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.scrollTo(index)
        finally:
            self._updating = False

    def current_span(self) -> Span | None:
        index = self.table.currentIndex()
        return self.model.span(index.row()) if index.isValid() else None

    def _on_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._updating or not current.isValid():
            return
        self.spanSelected.emit(self.model.span(current.row()).id)
