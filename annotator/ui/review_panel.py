"""The panels of review mode: the document's disagreements, and the documents to review.

:class:`DisagreementsPanel` lists the current document's disagreements (kind, text, who has what,
whether gold has decided it), each with its options below it (the variants, one per set of
attributes, or the relations), and what everyone agrees on at the end. It holds the document's
review state, the choice between overlaid and side-by-side layers, the layer chooser (with the
legend of the stripes), and the buttons that act on the gold layer. It only emits signals: the
:class:`~annotator.ui.review_mode.ReviewController` does the work.

:class:`ReviewDocumentsPanel` lists every document with its review state and how many of its
disagreements are still open, and filters to those with disagreements.

Every text is plain text (item views, and QLabel with PlainText).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.labels import LabelScheme
from annotator.core.model import REVIEW_STATES
from annotator.review.adjudication import (
    ACCEPTED,
    OPEN,
    REJECTED,
    DocumentDiff,
    DocumentReview,
    GoldState,
    RelationVariant,
    Variant,
    relation_token,
    span_token,
)
from annotator.ui.annotations_panel import format_attrs, one_line
from annotator.ui.document_list import TitleDelegate
from annotator.ui.fonts import document_font
from annotator.ui.palette import swatch
from annotator.ui.review_overlay import annotator_color, stripe_icon

STATE_NAMES = {
    "unreviewed": QT_TRANSLATE_NOOP("review_panel", "unreviewed"),
    "in_review": QT_TRANSLATE_NOOP("review_panel", "in review"),
    "adjudicated": QT_TRANSLATE_NOOP("review_panel", "adjudicated"),
}
DECISION_NAMES = {
    OPEN: QT_TRANSLATE_NOOP("review_panel", "open"),
    ACCEPTED: QT_TRANSLATE_NOOP("review_panel", "accepted"),
    REJECTED: QT_TRANSLATE_NOOP("review_panel", "rejected"),
}
OPEN_FOREGROUND = QColor("#b00020")
DECIDED_FOREGROUND = QColor("#2e7d32")
SURFACE_CHARS = 60
ITEM_ROLE = Qt.ItemDataRole.UserRole + 7

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


@dataclass
class ReviewItem:
    """What a row of the disagreements list stands for."""

    index: int | None = None  # the disagreement's index in the diff (None: the agreed group)
    variant: Variant | None = None
    annotator: str | None = None  # whose attributes this option carries
    relation: RelationVariant | None = None
    start: int = 0
    end: int = 0

    @property
    def is_option(self) -> bool:
        return self.variant is not None or self.relation is not None


def plain_label(text: str = "") -> QLabel:
    """A QLabel that shows its text as plain text (never guessed to be rich text)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class DisagreementsPanel(QWidget):
    """The current document's disagreements and the actions on gold (signals only)."""

    reviewStateChosen = Signal(str)
    layoutChosen = Signal(str)  # "overlay" or "side"
    layerToggled = Signal(str, bool)
    acceptAllRequested = Signal()
    acceptRequested = Signal()
    rejectRequested = Signal()
    takeVersionRequested = Signal(str)
    itemSelected = Signal(object)  # a ReviewItem, or None

    COLUMNS = (
        QT_TRANSLATE_NOOP("DisagreementsPanel", "What"),
        QT_TRANSLATE_NOOP("DisagreementsPanel", "Text"),
        QT_TRANSLATE_NOOP("DisagreementsPanel", "Who"),
        QT_TRANSLATE_NOOP("DisagreementsPanel", "Gold"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("disagreements_panel")
        self._items: list[ReviewItem] = []
        self._updating = False

        self.state_combo = QComboBox()
        for state in REVIEW_STATES:
            self.state_combo.addItem(QCoreApplication.translate("review_panel", STATE_NAMES[state]), state)
        self.state_combo.setAccessibleName(self.tr("Review state of this document"))
        self.adjudicated_button = QPushButton(self.tr("Mark adjudicated"))
        state_row = QHBoxLayout()
        state_row.addWidget(plain_label(self.tr("Review state:")))
        state_row.addWidget(self.state_combo, 1)
        state_row.addWidget(self.adjudicated_button)

        self.overlay_radio = QRadioButton(self.tr("Overlaid"))
        self.side_radio = QRadioButton(self.tr("Side by side"))
        self.overlay_radio.setChecked(True)
        self._layout_group = QButtonGroup(self)
        self._layout_group.addButton(self.overlay_radio)
        self._layout_group.addButton(self.side_radio)
        layout_row = QHBoxLayout()
        layout_row.addWidget(plain_label(self.tr("Layers:")))
        layout_row.addWidget(self.overlay_radio)
        layout_row.addWidget(self.side_radio)
        layout_row.addStretch(1)

        self.layers_row = QHBoxLayout()
        self.layers_row.setSpacing(10)
        self._layer_boxes: dict[str, QCheckBox] = {}
        self.legend = plain_label("")
        self.legend.setTextFormat(Qt.TextFormat.PlainText)
        self.legend.setWordWrap(True)

        self.summary = plain_label("")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.accept_all_button = QPushButton(self.tr("Accept all agreed"))
        self.accept_all_button.setObjectName("accept_all_agreed")

        self.tree = QTreeWidget()
        self.tree.setObjectName("disagreements_tree")
        self.tree.setColumnCount(len(self.COLUMNS))
        self.tree.setHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        text_font = document_font(max(12.0, self.font().pointSizeF() * 1.2))
        self.tree.setItemDelegateForColumn(1, TitleDelegate(text_font, self.tree))
        self._row_height = QFontMetrics(text_font).height() + 4
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(0, 155)

        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.setObjectName("accept_button")
        self.reject_button = QPushButton(self.tr("Reject"))
        self.reject_button.setObjectName("reject_button")
        self.take_combo = QComboBox()
        self.take_combo.setAccessibleName(self.tr("Annotator whose version to take"))
        self.take_button = QPushButton(self.tr("Take version"))
        self.take_button.setObjectName("take_version_button")
        actions = QHBoxLayout()
        actions.addWidget(self.accept_button)
        actions.addWidget(self.reject_button)
        actions.addStretch(1)
        actions.addWidget(plain_label(self.tr("Take")))
        actions.addWidget(self.take_combo)
        actions.addWidget(self.take_button)
        self.hint = plain_label(
            self.tr(
                "Accept or reject the option picked below. Take version: the annotator's spans over the selected "
                "text (or the picked disagreement) replace gold's there. Gold can also be tagged and edited directly."
            )
        )
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)  # drawn greyed: a help text

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(state_row)
        layout.addLayout(layout_row)
        layout.addLayout(self.layers_row)
        layout.addWidget(self.legend)
        layout.addWidget(self.summary)
        layout.addWidget(self.accept_all_button)
        layout.addWidget(self.tree, 1)
        layout.addLayout(actions)
        layout.addWidget(self.hint)

        self.state_combo.currentIndexChanged.connect(self._on_state)
        self.adjudicated_button.clicked.connect(lambda: self.reviewStateChosen.emit("adjudicated"))
        self.overlay_radio.toggled.connect(lambda on: on and self.layoutChosen.emit("overlay"))
        self.side_radio.toggled.connect(lambda on: on and self.layoutChosen.emit("side"))
        self.accept_all_button.clicked.connect(self.acceptAllRequested)
        self.accept_button.clicked.connect(self.acceptRequested)
        self.reject_button.clicked.connect(self.rejectRequested)
        self.take_button.clicked.connect(lambda: self.takeVersionRequested.emit(self.take_combo.currentText()))
        self.tree.currentItemChanged.connect(self._on_current)
        self._update_buttons()

    # -- content ----------------------------------------------------------------------------

    def set_review_state(self, state: str) -> None:
        self._updating = True
        try:
            self.state_combo.setCurrentIndex(max(0, self.state_combo.findData(state)))
        finally:
            self._updating = False
        self.adjudicated_button.setEnabled(state != "adjudicated")

    def review_state(self) -> str:
        return self.state_combo.currentData()

    def set_layout_mode(self, mode: str) -> None:
        self._updating = True
        try:
            (self.side_radio if mode == "side" else self.overlay_radio).setChecked(True)
        finally:
            self._updating = False

    def set_annotators(self, names: Sequence[str], visible: Sequence[str], *, stripes: bool) -> None:
        """The layer chooser (a box per annotator, with its stripe in the legend) and the take-version list."""
        if list(self._layer_boxes) != list(names):
            for box in self._layer_boxes.values():
                self.layers_row.removeWidget(box)
                box.deleteLater()
            self._layer_boxes = {}
            for row, name in enumerate(names):
                box = QCheckBox(name)
                box.setIcon(stripe_icon(row, len(names), annotator_color(row)))
                box.toggled.connect(lambda on, n=name: self.layerToggled.emit(n, on))
                self.layers_row.addWidget(box)
                self._layer_boxes[name] = box
            current = self.take_combo.currentText()
            self.take_combo.clear()
            self.take_combo.addItems(list(names))
            if current in names:
                self.take_combo.setCurrentText(current)
        for name, box in self._layer_boxes.items():
            box.blockSignals(True)
            box.setChecked(name in visible)
            box.blockSignals(False)
            box.setEnabled(stripes)
        if not names:
            self.legend.setText(self.tr("Fewer than two annotators worked on this document: nothing to compare."))
        elif stripes:
            self.legend.setText(
                self.tr(
                    "Under the gold text, one stripe per annotator (first annotator lowest) in the label's colour; "
                    "red dashed outlines mark open disagreements."
                )
            )
        else:
            self.legend.setText(
                self.tr("Each annotator's layer in its own pane; red dashed outlines mark open disagreements.")
            )
        self._update_buttons()

    def layer_box(self, name: str) -> QCheckBox | None:
        return self._layer_boxes.get(name)

    def set_content(self, text: str, diff: DocumentDiff | None, gold: GoldState | None, scheme: LabelScheme) -> None:
        """List ``diff``'s disagreements and agreed spans, with their state in ``gold``."""
        selected = self.current_item()
        keep = (selected.index, selected.variant and selected.variant.key, selected.annotator) if selected else None
        keep_rel = selected.relation.key if selected and selected.relation else None
        self._updating = True
        try:
            self.tree.clear()
            self._items = []
            if diff is None or gold is None:
                self.summary.setText(self.tr("No document."))
                return
            restore: QTreeWidgetItem | None = None
            for index, d in enumerate(diff.disagreements):
                state = d.state(gold)
                top = self._add(
                    None,
                    ReviewItem(index=index, start=d.start, end=d.end),
                    d.describe(),
                    # A relation conflict: its options share the head (the quote, the claim...); they list the other ends.
                    one_line(
                        text[d.relations[0].head[0] : d.relations[0].head[1]] if d.relations else text[d.start : d.end],
                        SURFACE_CHARS,
                    ),
                    self._who(d.annotators, d.without()),
                    QCoreApplication.translate("review_panel", DECISION_NAMES[state]),
                )
                top.setForeground(3, OPEN_FOREGROUND if state == OPEN else DECIDED_FOREGROUND)
                for variant in d.variants:
                    for annotator, names in _attribute_groups(variant):
                        item = self._add(
                            top,
                            ReviewItem(index, variant, annotator, start=variant.start, end=variant.end),
                            _variant_text(variant, annotator),
                            one_line(variant.text_in(text), SURFACE_CHARS),
                            ", ".join(names),
                            _decision(gold, variant),
                        )
                        self._decorate(item, scheme, variant.label)
                        if keep == (index, variant.key, annotator):
                            restore = item
                for rv in d.relations:
                    item = self._add(
                        top,
                        ReviewItem(index, relation=rv, start=d.start, end=d.end),
                        _relation_text(rv),
                        one_line(text[rv.child[0] : rv.child[1]], SURFACE_CHARS),
                        ", ".join(rv.annotators),
                        _relation_decision(gold, rv),
                    )
                    if keep_rel == rv.key:
                        restore = item
                if keep is not None and keep[0] == index and keep[1] is None and keep_rel is None:
                    restore = top
                top.setExpanded(len(d.variants) + len(d.relations) > 1 or bool(d.relations))
            if diff.agreed or diff.agreed_relations:
                in_gold = sum(1 for v in diff.agreed if v.key in gold.spans)
                rels_in_gold = sum(1 for r in diff.agreed_relations if r.key in gold.relations)
                group = self._add(
                    None,
                    ReviewItem(),
                    self.tr("agreed by everyone"),
                    self.tr("{n} spans, {n2} relations").format(n=len(diff.agreed), n2=len(diff.agreed_relations)),
                    ", ".join(diff.annotators),
                    self.tr("{in_gold}/{n} in gold").format(in_gold=in_gold, n=len(diff.agreed))
                    + (f", {rels_in_gold}/{len(diff.agreed_relations)}" if diff.agreed_relations else ""),
                )
                for variant in diff.agreed:
                    item = self._add(
                        group,
                        ReviewItem(None, variant, None, start=variant.start, end=variant.end),
                        _variant_text(variant, None),
                        one_line(variant.text_in(text), SURFACE_CHARS),
                        self.tr("everyone"),
                        _decision(gold, variant),
                    )
                    self._decorate(item, scheme, variant.label)
                    if keep == (None, variant.key, None):
                        restore = item
                for rv in diff.agreed_relations:
                    self._add(
                        group,
                        ReviewItem(None, relation=rv, start=rv.head[0], end=max(rv.head[1], rv.child[1])),
                        _relation_text(rv),
                        _relation_surface(rv, text),
                        self.tr("everyone"),
                        _relation_decision(gold, rv),
                    )
            self._summarise(diff, gold)
            if restore is not None:
                self.tree.setCurrentItem(restore)
        finally:
            self._updating = False
        self._update_buttons()

    def _summarise(self, diff: DocumentDiff, gold: GoldState) -> None:
        if len(diff.annotators) < 2:
            self.summary.setText(
                self.tr("Annotators here: {value}. Fewer than two: nothing to compare.").format(
                    value=", ".join(diff.annotators) or "none"
                )
            )
        else:
            counts = diff.counts()
            kinds = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in counts.items())
            open_count = diff.open_count(gold)
            self.summary.setText(
                self.tr("{n} disagreements ({open_count} open){value}. {n2} spans agreed by all of {join}.").format(
                    n=len(diff.disagreements),
                    open_count=open_count,
                    value=": " + kinds if kinds else "",
                    n2=len(diff.agreed),
                    join=", ".join(diff.annotators),
                )
            )
        waiting = sum(1 for v in diff.agreed if v.key not in gold.spans and span_token(v.key) not in gold.rejected)
        self.accept_all_button.setText(self.tr("Accept all agreed ({waiting} not in gold yet)").format(waiting=waiting))
        self.accept_all_button.setEnabled(bool(diff.agreed or diff.agreed_relations))

    def _add(self, parent: QTreeWidgetItem | None, item: ReviewItem, *texts: str) -> QTreeWidgetItem:
        row = QTreeWidgetItem(list(texts))
        row.setData(0, ITEM_ROLE, len(self._items))
        row.setSizeHint(1, QSize(0, self._row_height))
        self._items.append(item)
        if parent is None:
            self.tree.addTopLevelItem(row)
        else:
            parent.addChild(row)
        return row

    @staticmethod
    def _decorate(row: QTreeWidgetItem, scheme: LabelScheme, label: str) -> None:
        definition = scheme.span_label(label)
        row.setIcon(0, swatch(definition.color if definition else "#cccccc", definition.kind if definition else ""))

    @staticmethod
    def _who(everyone: Sequence[str], without: Sequence[str]) -> str:
        """A disagreement's row names only who has none of its options (its options say who has what)."""
        return (
            QCoreApplication.translate("DisagreementsPanel", "not {join}").format(join=", ".join(without))
            if without
            else ""
        )

    # -- selection --------------------------------------------------------------------------

    def items(self) -> list[ReviewItem]:
        return list(self._items)

    def current_item(self) -> ReviewItem | None:
        row = self.tree.currentItem()
        if row is None:
            return None
        return self._items[row.data(0, ITEM_ROLE)]

    def top_rows(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]

    def select_row(self, row: QTreeWidgetItem | None) -> None:
        self.tree.setCurrentItem(row)

    def find_rows(self, predicate) -> list[QTreeWidgetItem]:
        """Rows (at any depth) whose ReviewItem satisfies ``predicate``."""
        out = []
        stack = self.top_rows()
        while stack:
            row = stack.pop(0)
            if predicate(self._items[row.data(0, ITEM_ROLE)]):
                out.append(row)
            stack[0:0] = [row.child(i) for i in range(row.childCount())]
        return out

    def select_disagreement(self, index: int | None) -> None:
        """Make disagreement ``index``'s row current (no signal)."""
        self._updating = True
        try:
            rows = self.find_rows(lambda item: item.index == index and not item.is_option)
            self.tree.setCurrentItem(rows[0] if rows else None)
            if rows:
                self.tree.scrollToItem(rows[0])
        finally:
            self._updating = False
        self._update_buttons()

    def _on_current(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        self._update_buttons()
        if not self._updating:
            self.itemSelected.emit(self.current_item())

    def _on_state(self, _index: int) -> None:
        if not self._updating:
            self.reviewStateChosen.emit(self.review_state())
        self.adjudicated_button.setEnabled(self.review_state() != "adjudicated")

    def _update_buttons(self) -> None:
        item = self.current_item()
        self.accept_button.setEnabled(item is not None and (item.is_option or self._single_option(item)))
        self.reject_button.setEnabled(item is not None and (item.is_option or self._single_option(item)))
        self.take_button.setEnabled(self.take_combo.count() > 0)

    def _single_option(self, item: ReviewItem) -> bool:
        rows = (
            self.find_rows(lambda other: other.index == item.index and other.is_option)
            if item.index is not None
            else []
        )
        return len(rows) == 1


def _attribute_groups(variant: Variant) -> list[tuple[str | None, list[str]]]:
    """The variant's options: one per set of attributes given (annotator standing for it, who gave it)."""
    if variant.attrs_agree():
        return [(None, variant.annotators)]
    groups: list[tuple[str | None, list[str]]] = []
    seen: list[dict[str, Any]] = []
    for name, span in variant.spans.items():
        if span.attrs in seen:
            groups[seen.index(span.attrs)][1].append(name)
        else:
            seen.append(span.attrs)
            groups.append((name, [name]))
    return groups


def _variant_text(variant: Variant, annotator: str | None) -> str:
    attrs = format_attrs(variant.attrs(annotator))
    return f"{variant.label} {attrs}" if attrs else variant.label


def _decision(gold: GoldState, variant: Variant) -> str:
    if variant.key in gold.spans:
        return QCoreApplication.translate("review_panel", "in gold")
    if span_token(variant.key) in gold.rejected:
        return "rejected"
    return ""


def _relation_text(rv: RelationVariant) -> str:
    return f"{rv.label} → {rv.child[2]}"


def _relation_surface(rv: RelationVariant, text: str) -> str:
    head = one_line(text[rv.head[0] : rv.head[1]], 16)
    child = one_line(text[rv.child[0] : rv.child[1]], 20)
    # Right to left, the head reads first and the arrow points on to the child.
    return f"{head} ← {child}"


def _relation_decision(gold: GoldState, rv: RelationVariant) -> str:
    if rv.key in gold.relations:
        return QCoreApplication.translate("review_panel", "in gold")
    if relation_token(rv.key) in gold.rejected:
        return "rejected"
    return ""


# -- the documents to review ----------------------------------------------------------------

FILTERS = {
    "all": QT_TRANSLATE_NOOP("review_panel", "All documents"),
    "disagreements": QT_TRANSLATE_NOOP("review_panel", "With disagreements"),
    "open": QT_TRANSLATE_NOOP("review_panel", "With open disagreements"),
    "unfinished": QT_TRANSLATE_NOOP("review_panel", "Not adjudicated yet"),
}


class ReviewDocumentsModel(QAbstractTableModel):
    """Documents with their review state and open/all disagreements."""

    TITLE, STATE, DISAGREEMENTS = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("ReviewDocumentsModel", "Document"),
        QT_TRANSLATE_NOOP("ReviewDocumentsModel", "Review state"),
        QT_TRANSLATE_NOOP("ReviewDocumentsModel", "Open / all"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentReview] = []

    def set_rows(self, rows: Sequence[DocumentReview]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[DocumentReview]:
        return list(self._rows)

    def row(self, index: int) -> DocumentReview:
        return self._rows[index]

    def update(self, review: DocumentReview) -> None:
        for i, row in enumerate(self._rows):
            if row.doc_id == review.doc_id:
                self._rows[i] = review
                self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))
                return

    def row_of(self, doc_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.doc_id == doc_id), None)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ReviewDocumentsModel", self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        review = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                return review.title or review.ext_id
            if column == self.STATE:
                return QCoreApplication.translate(
                    "review_panel", STATE_NAMES.get(review.review_state, review.review_state)
                )
            if len(review.annotators) < 2:
                return "—"
            return f"{review.open} / {review.disagreements}"
        if role == Qt.ItemDataRole.ForegroundRole and column == self.DISAGREEMENTS and review.open:
            return OPEN_FOREGROUND
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.DISAGREEMENTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ReviewDocumentsFilter(QSortFilterProxyModel):
    def __init__(self, source: ReviewDocumentsModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self._mode = "all"

    def set_mode(self, mode: str) -> None:
        self.beginFilterChange()
        self._mode = mode
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model: ReviewDocumentsModel = self.sourceModel()  # type: ignore[assignment]
        review = model.row(source_row)
        if self._mode == "disagreements":
            return review.disagreements > 0
        if self._mode == "open":
            return review.open > 0
        if self._mode == "unfinished":
            return review.review_state != "adjudicated"
        return True


class ReviewDocumentsPanel(QWidget):
    """Every document's review state and disagreements; ``documentChosen(id)`` on a click."""

    documentChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review_documents")
        self.model = ReviewDocumentsModel(self)
        self.proxy = ReviewDocumentsFilter(self.model, self)
        self.filter_combo = QComboBox()
        for key, name in FILTERS.items():
            name = QCoreApplication.translate("review_panel", name)
            self.filter_combo.addItem(name, key)
        self.status = plain_label("")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        font = document_font(max(12.0, self.font().pointSizeF() * 1.2))
        self.table.setItemDelegateForColumn(ReviewDocumentsModel.TITLE, TitleDelegate(font, self.table))
        self.table.verticalHeader().setDefaultSectionSize(QFontMetrics(font).height() + 4)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ReviewDocumentsModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ReviewDocumentsModel.STATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ReviewDocumentsModel.DISAGREEMENTS, QHeaderView.ResizeMode.ResizeToContents)
        row = QHBoxLayout()
        row.addWidget(plain_label(self.tr("Show:")))
        row.addWidget(self.filter_combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        self.filter_combo.currentIndexChanged.connect(lambda _i: self.proxy.set_mode(self.filter_combo.currentData()))
        self.table.clicked.connect(self._on_clicked)
        self.table.activated.connect(self._on_clicked)

    def set_filter(self, mode: str) -> None:
        self.filter_combo.setCurrentIndex(list(FILTERS).index(mode))

    def shown_ids(self) -> list[int]:
        """Document ids in the (filtered) list, top to bottom."""
        return [
            self.model.row(self.proxy.mapToSource(self.proxy.index(r, 0)).row()).doc_id
            for r in range(self.proxy.rowCount())
        ]

    def set_current(self, doc_id: int | None) -> None:
        row = self.model.row_of(doc_id) if doc_id is not None else None
        if row is None:
            self.table.clearSelection()
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def _on_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.documentChosen.emit(self.model.row(self.proxy.mapToSource(index).row()).doc_id)
