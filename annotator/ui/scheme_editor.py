"""The label scheme editor: span labels, their attributes, and relation labels.

The dialog edits a working copy of the project's scheme; nothing reaches the database until OK,
when every change is applied in one transaction (:meth:`SchemeEditorDialog.apply`): renamed labels
take their spans (and the head/child lists of relation labels) with them; a deleted label that is
in use either takes its spans with it or hands them to another label, as the user chose when
removing it. Afterwards :attr:`SchemeEditorDialog.changed` says what happened, so the main window
can refresh its palette, highlights and lists.

Label names, descriptions and values are user text: they are shown as plain text everywhere (item
views draw plain text; every QLabel and QMessageBox here is set to ``Qt.PlainText``; no tooltips,
which Qt would guess to be rich text).
"""

from __future__ import annotations

import itertools
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.labels import ATTRIBUTE_TYPES, SPAN_KINDS, AttributeDef, LabelScheme, RelationLabel, SpanLabel
from annotator.store.project import Project

# Colours offered to a new label, in order, skipping those already used.
NEW_LABEL_COLOURS = (
    "#f4a3a3", "#9fc5f8", "#b6d7a8", "#a2e0d9", "#d5a6e6", "#ffe599", "#f9cb9c", "#b4a7d6",
    "#a4c2f4", "#d9ead3", "#ea9999", "#c9daf8", "#fff2cc", "#d0e0e3",
)  # fmt: skip
NEW_LABEL_KEYS = "123456789"
VALUE_SEPARATORS = (",", "،")  # Latin and Arabic comma
TRUE_WORDS = {"true", "yes", "1", "on"}
FALSE_WORDS = {"false", "no", "0", "off"}
ERROR_BACKGROUND = QColor("#f8d0d0")

DeleteChoice = tuple[str, str | None]
"""How to delete a label in use: ("delete", None) or ("relabel", name of the label to move to)."""


@dataclass(slots=True)
class SchemeChanges:
    """What :meth:`SchemeEditorDialog.apply` changed (names are as the caller knew them before)."""

    renamed: dict[str, str] = field(default_factory=dict)  # old span label name -> new name
    # deleted span label -> the label its spans now carry, or None when they were deleted
    deleted: dict[str, str | None] = field(default_factory=dict)
    added: list[str] = field(default_factory=list)
    relations_renamed: dict[str, str] = field(default_factory=dict)
    relations_deleted: list[str] = field(default_factory=list)
    relations_added: list[str] = field(default_factory=list)
    spans_deleted: int = 0
    spans_relabelled: int = 0
    relations_removed: int = 0  # relations deleted with their relation label
    scheme: LabelScheme | None = None  # the scheme as stored afterwards (None until applied)

    @property
    def spans_changed(self) -> bool:
        """True when stored spans changed (renamed, relabelled or deleted): reload them."""
        return bool(self.renamed or self.deleted)

    def __bool__(self) -> bool:
        return self.scheme is not None


@dataclass(eq=False, slots=True)
class _SpanRow:
    """A span label being edited; ``original`` is its stored name (None for a new label)."""

    label: SpanLabel
    original: str | None
    stored_spans: int = 0


@dataclass(eq=False, slots=True)
class _RelationRow:
    name: str
    original: str | None
    heads: list[_SpanRow]
    children: list[_SpanRow]
    stored_relations: int = 0


@dataclass(eq=False, slots=True)
class _Deletion:
    row: _SpanRow
    mode: str  # "refuse" (no spans), "delete" or "relabel"
    target: _SpanRow | None = None


def _copy_label(label: SpanLabel) -> SpanLabel:
    return replace(label, attributes=[replace(a, values=list(a.values)) for a in label.attributes])


def split_values(text: str) -> list[str]:
    """``"a, b،c"`` -> ``["a", "b", "c"]`` (Latin or Arabic commas; blanks dropped)."""
    for sep in VALUE_SEPARATORS[1:]:
        text = text.replace(sep, VALUE_SEPARATORS[0])
    return [v.strip() for v in text.split(VALUE_SEPARATORS[0]) if v.strip()]


def default_text(attr: AttributeDef) -> str:
    if attr.default is None:
        return ""
    if isinstance(attr.default, bool):
        return "true" if attr.default else "false"
    return str(attr.default)


def parse_default(kind: str, text: str) -> Any:
    """The stored default of an attribute of type ``kind`` typed as ``text`` (raises ValueError)."""
    text = text.strip()
    if not text:
        return None
    if kind == "bool":
        if text.lower() in TRUE_WORDS:
            return True
        if text.lower() in FALSE_WORDS:
            return False
        raise ValueError(f"{text!r} is not true or false")
    return text


def _unique(stem: str, taken: set[str]) -> str:
    """``stem``, or ``stem2``, ``stem3``... whichever is not taken."""
    return next(
        name for name in itertools.chain([stem], (f"{stem}{i}" for i in itertools.count(2))) if name not in taken
    )


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(QColor(colour) if QColor(colour).isValid() else QColor("#cccccc"))
    return QIcon(pixmap)


def _colour_text(colour: str) -> str:
    """A colour code as shown on its button: in a right-to-left interface a left-to-right mark
    keeps "#f4a3a3" from being shown as "f4a3a3#"."""
    if QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        return "\u200e" + colour
    return colour


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _delete_key(table: QTableWidget, slot: Callable[[], None]) -> None:
    """The Delete key removes the table's current row (not while a cell is being edited)."""
    action = QAction(table)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(slot)
    table.addAction(action)


class _KeyDelegate(QStyledItemDelegate):
    """Edits a label's key: one character at most."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setMaxLength(1)
        return editor


class SchemeEditorDialog(QDialog):
    """Edits ``project``'s label scheme; OK applies every change in one transaction.

    After ``exec()`` returns Accepted, :attr:`changed` (a :class:`SchemeChanges`) says what changed;
    :attr:`scheme_changed` is emitted with it too.
    """

    # span label table columns
    NAME, KIND, COLOUR, KEY, DESCRIPTION, SPANS = range(6)
    SPAN_HEADERS = (
        QT_TRANSLATE_NOOP("SchemeEditorDialog", "Name"),
        QT_TRANSLATE_NOOP("SchemeEditorDialog", "Kind"),
        QT_TRANSLATE_NOOP("SchemeEditorDialog", "Colour"),
        QT_TRANSLATE_NOOP("SchemeEditorDialog", "Key"),
        QT_TRANSLATE_NOOP("SchemeEditorDialog", "Description"),
        QT_TRANSLATE_NOOP("SchemeEditorDialog", "Spans"),
    )
    # attribute table columns
    ATTR_NAME, ATTR_TYPE, ATTR_VALUES, ATTR_DEFAULT = range(4)
    ATTR_HEADERS = (
        QT_TRANSLATE_NOOP("SchemeEditorDialog", "Name"),
        QT_TRANSLATE_NOOP("SchemeEditorDialog", "Type"),
        QT_TRANSLATE_NOOP("SchemeEditorDialog", "Values (comma-separated)"),
        QT_TRANSLATE_NOOP("SchemeEditorDialog", "Default"),
    )
    # relation table columns
    REL_NAME, REL_COUNT = range(2)
    REL_HEADERS = (
        QT_TRANSLATE_NOOP("SchemeEditorDialog", "Name"),
        QT_TRANSLATE_NOOP("SchemeEditorDialog", "Relations"),
    )

    scheme_changed = Signal(object)

    # The question (QMessageBox or QInputDialog) or colour dialog while one is open, for tests
    # and scripting; None otherwise.
    question: QMessageBox | QInputDialog | None = None
    colour_dialog: QColorDialog | None = None

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.changed = SchemeChanges()
        self._rows: list[_SpanRow] = []
        self._relations: list[_RelationRow] = []
        self._deletions: list[_Deletion] = []
        self._relation_deletions: list[_RelationRow] = []
        self._updating = False
        self._errors: list[str] = []
        self._load()

        self.setWindowTitle(self.tr("Label scheme"))
        self.setMinimumSize(860, 560)
        self.setSizeGripEnabled(True)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_span_tab(), self.tr("Span labels"))
        self.tabs.addTab(self._build_relation_tab(), self.tr("Relation labels"))

        self.error_label = _plain_label()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self._refresh_span_table()
        self._refresh_relation_table()
        if self._rows:
            self.span_table.selectRow(0)
        if self._relations:
            self.relation_table.selectRow(0)
        self._validate()

    # -- loading ----------------------------------------------------------------------------

    def _load(self) -> None:
        scheme = self.project.scheme()
        stats = self.project.stats()
        span_counts: dict[str, int] = {}
        for per_label in stats["spans"].values():
            for name, count in per_label.items():
                span_counts[name] = span_counts.get(name, 0) + count
        relation_counts: dict[str, int] = {}
        for per_label in stats["relations"].values():
            for name, count in per_label.items():
                relation_counts[name] = relation_counts.get(name, 0) + count
        self._rows = [_SpanRow(_copy_label(lab), lab.name, span_counts.get(lab.name, 0)) for lab in scheme.span_labels]
        by_name = {row.original: row for row in self._rows}
        self._relations = [
            _RelationRow(
                rel.name,
                rel.name,
                [by_name[h] for h in rel.heads if h in by_name],
                [by_name[c] for c in rel.children if c in by_name],
                relation_counts.get(rel.name, 0),
            )
            for rel in scheme.relation_labels
        ]

    # -- building the widgets ---------------------------------------------------------------

    def _build_span_tab(self) -> QWidget:
        self.span_table = QTableWidget(0, len(self.SPAN_HEADERS))
        self.span_table.setHorizontalHeaderLabels([self.tr(h) for h in self.SPAN_HEADERS])
        self.span_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.span_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.span_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.span_table.verticalHeader().hide()
        self.span_table.setWordWrap(False)
        self.span_table.setItemDelegateForColumn(self.KEY, _KeyDelegate(self.span_table))
        header = self.span_table.horizontalHeader()
        for column in (self.NAME, self.KIND, self.COLOUR, self.KEY, self.SPANS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.span_table.itemChanged.connect(self._on_span_item_changed)
        self.span_table.itemSelectionChanged.connect(self._on_span_selection_changed)

        self.add_span_button = QPushButton(self.tr("&Add label"))
        self.remove_span_button = QPushButton(self.tr("&Remove label…"))
        self.up_button = QPushButton(self.tr("Move &up"))
        self.down_button = QPushButton(self.tr("Move &down"))
        self.add_span_button.clicked.connect(self.add_span_label)
        self.remove_span_button.clicked.connect(self._remove_current_span_label)
        self.up_button.clicked.connect(lambda: self._move_current(-1))
        self.down_button.clicked.connect(lambda: self._move_current(1))
        _delete_key(self.span_table, self._remove_current_span_label)
        buttons = QHBoxLayout()
        for button in (self.add_span_button, self.remove_span_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        # Attributes of the selected label.
        self.attribute_box = QGroupBox(self.tr("Attributes"))
        self.attribute_table = QTableWidget(0, len(self.ATTR_HEADERS))
        self.attribute_table.setHorizontalHeaderLabels([self.tr(h) for h in self.ATTR_HEADERS])
        self.attribute_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.attribute_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.attribute_table.verticalHeader().hide()
        attr_header = self.attribute_table.horizontalHeader()
        attr_header.setSectionResizeMode(self.ATTR_NAME, QHeaderView.ResizeMode.ResizeToContents)
        attr_header.setSectionResizeMode(self.ATTR_TYPE, QHeaderView.ResizeMode.ResizeToContents)
        attr_header.setSectionResizeMode(self.ATTR_VALUES, QHeaderView.ResizeMode.Stretch)
        attr_header.setSectionResizeMode(self.ATTR_DEFAULT, QHeaderView.ResizeMode.ResizeToContents)
        self.attribute_table.itemChanged.connect(self._on_attribute_item_changed)
        self.add_attribute_button = QPushButton(self.tr("Add a&ttribute"))
        self.remove_attribute_button = QPushButton(self.tr("Remove attri&bute"))
        self.add_attribute_button.clicked.connect(self.add_attribute)
        self.remove_attribute_button.clicked.connect(self.remove_attribute)
        attr_buttons = QHBoxLayout()
        attr_buttons.addWidget(self.add_attribute_button)
        attr_buttons.addWidget(self.remove_attribute_button)
        attr_buttons.addStretch(1)
        hint = _plain_label(
            self.tr(
                "A choice attribute needs values; its default must be one of them. "
                "A bool default is true or false. Leave the default empty for none."
            )
        )
        attr_layout = QVBoxLayout(self.attribute_box)
        attr_layout.addWidget(self.attribute_table)
        attr_layout.addLayout(attr_buttons)
        attr_layout.addWidget(hint)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.span_table)
        top_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.attribute_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        return splitter

    def _build_relation_tab(self) -> QWidget:
        self.relation_table = QTableWidget(0, len(self.REL_HEADERS))
        self.relation_table.setHorizontalHeaderLabels([self.tr(h) for h in self.REL_HEADERS])
        self.relation_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.relation_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.relation_table.verticalHeader().hide()
        rel_header = self.relation_table.horizontalHeader()
        rel_header.setSectionResizeMode(self.REL_NAME, QHeaderView.ResizeMode.Stretch)
        rel_header.setSectionResizeMode(self.REL_COUNT, QHeaderView.ResizeMode.ResizeToContents)
        self.relation_table.itemChanged.connect(self._on_relation_item_changed)
        self.relation_table.itemSelectionChanged.connect(self._on_relation_selection_changed)

        self.add_relation_button = QPushButton(self.tr("Add re&lation label"))
        self.remove_relation_button = QPushButton(self.tr("Remove relation label…"))
        self.add_relation_button.clicked.connect(self.add_relation_label)
        self.remove_relation_button.clicked.connect(self._remove_current_relation_label)
        _delete_key(self.relation_table, self._remove_current_relation_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_relation_button)
        buttons.addWidget(self.remove_relation_button)
        buttons.addStretch(1)

        self.heads_list = QListWidget()
        self.children_list = QListWidget()
        self.heads_list.itemChanged.connect(lambda item: self._on_end_checked(item, heads=True))
        self.children_list.itemChanged.connect(lambda item: self._on_end_checked(item, heads=False))
        ends = QHBoxLayout()
        for title, widget in (
            (self.tr("Heads (from)"), self.heads_list),
            (self.tr("Children (to)"), self.children_list),
        ):
            box = QGroupBox(title)
            box_layout = QVBoxLayout(box)
            box_layout.addWidget(widget)
            ends.addWidget(box)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.relation_table)
        left_layout.addLayout(buttons)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(ends)
        right_layout.addWidget(
            _plain_label(
                self.tr("A relation links a head span to a child span. No label checked on a side: any label.")
            )
        )
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        return splitter

    # -- the span label table ---------------------------------------------------------------

    def span_labels(self) -> list[SpanLabel]:
        """The span labels as currently edited (copies), in order."""
        return [_copy_label(row.label) for row in self._rows]

    def span_label_names(self) -> list[str]:
        """The span labels as currently edited, in order."""
        return [row.label.name for row in self._rows]

    def row_of(self, name: str) -> int:
        """Table row of the span label currently named ``name`` (ValueError if none)."""
        for i, row in enumerate(self._rows):
            if row.label.name == name:
                return i
        raise ValueError(f"no span label named {name!r}")

    def span_count(self, row: _SpanRow | int | str) -> int:
        """Stored spans the label will carry: its own, plus those of removed labels moved to it."""
        target = self._resolve(row)
        return target.stored_spans + sum(self.span_count(d.row) for d in self._deletions if d.target is target)

    def _refresh_span_table(self, select: _SpanRow | None = None) -> None:
        self._updating = True
        try:
            table = self.span_table
            table.setRowCount(len(self._rows))
            for i, row in enumerate(self._rows):
                label = row.label
                table.setItem(i, self.NAME, QTableWidgetItem(label.name))
                kind = QComboBox()
                kind.addItems(list(SPAN_KINDS))
                if label.kind not in SPAN_KINDS:
                    kind.addItem(label.kind)
                kind.setCurrentText(label.kind)
                kind.currentTextChanged.connect(self._setter(row, "kind"))
                table.setCellWidget(i, self.KIND, kind)
                colour = QPushButton(_swatch(label.color), _colour_text(label.color))
                colour.setObjectName("colour")
                colour.clicked.connect(lambda _checked=False, r=row: self.choose_colour(r))
                table.setCellWidget(i, self.COLOUR, colour)
                table.setItem(i, self.KEY, QTableWidgetItem(label.key))
                table.setItem(i, self.DESCRIPTION, QTableWidgetItem(label.description))
                count = QTableWidgetItem(str(self.span_count(row)))
                count.setFlags(count.flags() & ~Qt.ItemFlag.ItemIsEditable)
                count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(i, self.SPANS, count)
        finally:
            self._updating = False
        if select is not None and select in self._rows:
            table.selectRow(self._rows.index(select))
        self._refresh_relation_ends()
        self._on_span_selection_changed()
        self._validate()

    def _setter(self, row: _SpanRow, attribute: str) -> Callable[[str], None]:
        def set_value(value: str) -> None:
            setattr(row.label, attribute, value)
            self._validate()

        return set_value

    def _on_span_item_changed(self, item: QTableWidgetItem) -> None:
        if self._updating:
            return
        row = self._rows[item.row()]
        column = item.column()
        if column == self.NAME:
            name = item.text().strip()
            row.label.name = name
            if name != item.text():
                self._updating = True
                item.setText(name)
                self._updating = False
            self._refresh_relation_ends()
            self._update_attribute_title()
        elif column == self.KEY:
            row.label.key = item.text()
        elif column == self.DESCRIPTION:
            row.label.description = item.text()
        self._validate()

    def current_span_row(self) -> _SpanRow | None:
        index = self.span_table.currentRow()
        selected = self.span_table.selectionModel().selectedRows()
        if selected:
            index = selected[0].row()
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def _on_span_selection_changed(self) -> None:
        row = self.current_span_row()
        self.remove_span_button.setEnabled(row is not None)
        index = self._rows.index(row) if row is not None else -1
        self.up_button.setEnabled(index > 0)
        self.down_button.setEnabled(0 <= index < len(self._rows) - 1)
        self._refresh_attribute_table()

    def add_span_label(self) -> int:
        """Add a new label (unique name, unused colour and key) at the end; returns its row."""
        names = set(self.span_label_names())
        name = _unique("LABEL", names)
        used_colours = {row.label.color.lower() for row in self._rows}
        colour = next((c for c in NEW_LABEL_COLOURS if c not in used_colours), NEW_LABEL_COLOURS[0])
        used_keys = {row.label.key for row in self._rows}
        key = next((k for k in NEW_LABEL_KEYS if k not in used_keys), "")
        row = _SpanRow(SpanLabel(name=name, kind="entity", color=colour, key=key), None)
        self._rows.append(row)
        self._refresh_span_table(select=row)
        index = len(self._rows) - 1
        self.span_table.setCurrentCell(index, self.NAME)
        if self.isVisible():
            self.span_table.editItem(self.span_table.item(index, self.NAME))
        return index

    def set_span_colour(self, row: _SpanRow | int | str, colour: QColor | str) -> None:
        """Give a label a colour (what the colour button does after its dialog)."""
        target = self._resolve(row)
        value = QColor(colour)
        if not value.isValid():
            raise ValueError(f"not a colour: {colour!r}")
        target.label.color = value.name()
        index = self._rows.index(target)
        button = self.span_table.cellWidget(index, self.COLOUR)
        if isinstance(button, QPushButton):
            button.setText(_colour_text(target.label.color))
            button.setIcon(_swatch(target.label.color))
        self._validate()

    def choose_colour(self, row: _SpanRow | int | str) -> None:
        """Ask for a label's colour with a QColorDialog (attribute ``colour_dialog`` while open)."""
        target = self._resolve(row)
        dialog = QColorDialog(QColor(target.label.color), self)
        dialog.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)
        dialog.setWindowTitle(self.tr("Label colour"))
        self.colour_dialog = dialog
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.selectedColor().isValid():
                self.set_span_colour(target, dialog.selectedColor())
        finally:
            self.colour_dialog = None
            dialog.deleteLater()

    def _resolve(self, row: _SpanRow | int | str) -> _SpanRow:
        if isinstance(row, _SpanRow):
            return row
        if isinstance(row, int):
            return self._rows[row]
        return self._rows[self.row_of(row)]

    def _move_current(self, step: int) -> None:
        row = self.current_span_row()
        if row is not None:
            self.move_span_label(row, step)

    def move_span_label(self, row: _SpanRow | int | str, step: int) -> None:
        """Move a label ``step`` places (negative: up); its order is the palette's order."""
        target = self._resolve(row)
        index = self._rows.index(target)
        new = max(0, min(len(self._rows) - 1, index + step))
        if new != index:
            self._rows.insert(new, self._rows.pop(index))
            self._refresh_span_table(select=target)

    # -- removing span labels ---------------------------------------------------------------

    def _remove_current_span_label(self) -> None:
        row = self.current_span_row()
        if row is not None:
            self.remove_span_label(row)

    def remove_span_label(self, row: _SpanRow | int | str, *, choice: DeleteChoice | None = None) -> bool:
        """Remove a label from the scheme being edited; returns whether it was removed.

        A label with spans needs a ``choice``: ("delete", None) deletes its spans (and their
        relations), ("relabel", name) moves them to the label now called ``name``. Without one,
        :meth:`ask_span_label_deletion` asks the user; cancelling keeps the label.
        """
        target = self._resolve(row)
        count = self.span_count(target)
        others = [r.label.name for r in self._rows if r is not target]
        if count:
            if choice is None:
                choice = self.ask_span_label_deletion(target.label.name, count, others)
            if choice is None:
                return False
            mode, relabel_to = choice
            if mode == "delete":
                deletion = _Deletion(target, "delete")
            elif mode == "relabel" and relabel_to in others:
                deletion = _Deletion(target, "relabel", self._rows[self.row_of(relabel_to)])
            else:
                raise ValueError(f"not a way to delete a label in use: {choice!r}")
        else:
            deletion = _Deletion(target, "refuse")
        # Kept in order: spans moved here by an earlier deletion go with this label's own.
        # A new label is recorded too when spans were to move to it (it must exist for that).
        if target.original is not None or count:
            self._deletions.append(deletion)
        index = self._rows.index(target)
        self._rows.remove(target)
        for relation in self._relations:
            relation.heads = [r for r in relation.heads if r is not target]
            relation.children = [r for r in relation.children if r is not target]
        next_row = self._rows[min(index, len(self._rows) - 1)] if self._rows else None
        self._refresh_span_table(select=next_row)
        return True

    def ask_span_label_deletion(self, name: str, count: int, others: list[str]) -> DeleteChoice | None:
        """Ask what to do with the ``count`` spans of label ``name``: delete them, move them to one
        of ``others``, or cancel (None). The message box is ``self.question`` while it is open."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Remove label"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        spans = self.tr("1 span") if count == 1 else self.tr("{count} spans").format(count=count)
        box.setText(
            self.tr("The label “{name}” is used by {spans}. What should happen to them?").format(name=name, spans=spans)
        )
        box.setInformativeText(
            self.tr(
                "Deleting spans also deletes their relations. Nothing changes until you press OK in the label scheme."
            )
        )
        delete_button = box.addButton(
            self.tr("Delete the {spans}").format(spans=spans), QMessageBox.ButtonRole.DestructiveRole
        )
        relabel_button = box.addButton(self.tr("Move them to another label…"), QMessageBox.ButtonRole.AcceptRole)
        relabel_button.setEnabled(bool(others))
        cancel_button = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel_button)
        box.setEscapeButton(cancel_button)
        self.question = box
        try:
            box.exec()
            clicked = box.clickedButton()
        finally:
            self.question = None
            box.deleteLater()
        if clicked is delete_button:
            return ("delete", None)
        if clicked is relabel_button:
            target = self.ask_relabel_target(name, others)
            return ("relabel", target) if target is not None else None
        return None

    def ask_relabel_target(self, name: str, others: list[str]) -> str | None:
        """Which label the spans of ``name`` move to (None: cancelled). Open as ``self.question``."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Move the spans of {name}").format(name=name))  # window titles are plain text
        dialog.setLabelText(self.tr("Move the spans to the label:"))  # no user text in a QLabel that guesses
        dialog.setComboBoxItems(others)
        dialog.setComboBoxEditable(False)
        dialog.setTextValue(others[0])
        self.question = dialog
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            value = dialog.textValue()
        finally:
            self.question = None
            dialog.deleteLater()
        return value if accepted and value in others else None

    # -- attributes -------------------------------------------------------------------------

    def _update_attribute_title(self) -> None:
        row = self.current_span_row()
        # A group box title is plain text.
        self.attribute_box.setTitle(
            self.tr("Attributes of {name}").format(name=row.label.name) if row is not None else self.tr("Attributes")
        )

    def _refresh_attribute_table(self) -> None:
        row = self.current_span_row()
        self._update_attribute_title()
        attributes = row.label.attributes if row is not None else []
        self._updating = True
        try:
            table = self.attribute_table
            table.setRowCount(len(attributes))
            for i, attr in enumerate(attributes):
                table.setItem(i, self.ATTR_NAME, QTableWidgetItem(attr.name))
                kind = QComboBox()
                kind.addItems(list(ATTRIBUTE_TYPES))
                if attr.type not in ATTRIBUTE_TYPES:
                    kind.addItem(attr.type)
                kind.setCurrentText(attr.type)
                kind.currentTextChanged.connect(lambda value, a=attr: self._set_attribute_type(a, value))
                table.setCellWidget(i, self.ATTR_TYPE, kind)
                table.setItem(i, self.ATTR_VALUES, QTableWidgetItem(", ".join(attr.values)))
                table.setItem(i, self.ATTR_DEFAULT, QTableWidgetItem(default_text(attr)))
        finally:
            self._updating = False
        self.attribute_box.setEnabled(row is not None)
        self.remove_attribute_button.setEnabled(bool(attributes))
        self._mark_attribute_errors()

    def _set_attribute_type(self, attr: AttributeDef, value: str) -> None:
        attr.type = value
        self._reparse_default(attr)
        self._validate()

    def _reparse_default(self, attr: AttributeDef) -> None:
        """Keep the default in step with the type: a bool default is stored as a bool."""
        text = default_text(attr)
        try:
            attr.default = parse_default(attr.type, text)
        except ValueError:
            attr.default = text

    def _on_attribute_item_changed(self, item: QTableWidgetItem) -> None:
        if self._updating:
            return
        row = self.current_span_row()
        if row is None or item.row() >= len(row.label.attributes):
            return
        attr = row.label.attributes[item.row()]
        if item.column() == self.ATTR_NAME:
            attr.name = item.text().strip()
        elif item.column() == self.ATTR_VALUES:
            attr.values = split_values(item.text())
        elif item.column() == self.ATTR_DEFAULT:
            try:
                attr.default = parse_default(attr.type, item.text())
            except ValueError:
                attr.default = item.text().strip()  # kept as typed; validation reports it
        self._validate()

    def add_attribute(self) -> int:
        """Add an attribute to the selected label; returns its row in the attribute table."""
        row = self.current_span_row()
        if row is None:
            return -1
        names = {a.name for a in row.label.attributes}
        name = _unique("attribute", names)
        row.label.attributes.append(AttributeDef(name=name, type="choice"))
        self._refresh_attribute_table()
        index = len(row.label.attributes) - 1
        self.attribute_table.setCurrentCell(index, self.ATTR_NAME)
        if self.isVisible():
            self.attribute_table.editItem(self.attribute_table.item(index, self.ATTR_NAME))
        self._validate()
        return index

    def remove_attribute(self) -> None:
        """Remove the selected attribute of the selected label (spans keep their stored values)."""
        row = self.current_span_row()
        index = self.attribute_table.currentRow()
        if row is None or not 0 <= index < len(row.label.attributes):
            return
        del row.label.attributes[index]
        self._refresh_attribute_table()
        self._validate()

    # -- relation labels --------------------------------------------------------------------

    def relation_label_names(self) -> list[str]:
        return [rel.name for rel in self._relations]

    def relation_row_of(self, name: str) -> int:
        for i, rel in enumerate(self._relations):
            if rel.name == name:
                return i
        raise ValueError(f"no relation label named {name!r}")

    def _refresh_relation_table(self, select: _RelationRow | None = None) -> None:
        self._updating = True
        try:
            table = self.relation_table
            table.setRowCount(len(self._relations))
            for i, rel in enumerate(self._relations):
                table.setItem(i, self.REL_NAME, QTableWidgetItem(rel.name))
                count = QTableWidgetItem(str(rel.stored_relations))
                count.setFlags(count.flags() & ~Qt.ItemFlag.ItemIsEditable)
                count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(i, self.REL_COUNT, count)
        finally:
            self._updating = False
        if select is not None and select in self._relations:
            self.relation_table.selectRow(self._relations.index(select))
        self._on_relation_selection_changed()
        self._validate()

    def current_relation_row(self) -> _RelationRow | None:
        index = self.relation_table.currentRow()
        selected = self.relation_table.selectionModel().selectedRows()
        if selected:
            index = selected[0].row()
        return self._relations[index] if 0 <= index < len(self._relations) else None

    def _on_relation_item_changed(self, item: QTableWidgetItem) -> None:
        if self._updating or item.column() != self.REL_NAME:
            return
        rel = self._relations[item.row()]
        rel.name = item.text().strip()
        if rel.name != item.text():
            self._updating = True
            item.setText(rel.name)
            self._updating = False
        self._validate()

    def _on_relation_selection_changed(self) -> None:
        self.remove_relation_button.setEnabled(self.current_relation_row() is not None)
        self._refresh_relation_ends()

    def _refresh_relation_ends(self) -> None:
        """Fill the head/child lists with every span label, checked where the relation allows it."""
        if not hasattr(self, "heads_list"):
            return
        rel = self.current_relation_row()
        self._updating = True
        try:
            for widget, chosen in (
                (self.heads_list, rel.heads if rel else []),
                (self.children_list, rel.children if rel else []),
            ):
                widget.clear()
                for row in self._rows:
                    item = QListWidgetItem(row.label.name)
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Checked if row in chosen else Qt.CheckState.Unchecked)
                    widget.addItem(item)
                widget.setEnabled(rel is not None)
        finally:
            self._updating = False

    def _on_end_checked(self, item: QListWidgetItem, *, heads: bool) -> None:
        if self._updating:
            return
        rel = self.current_relation_row()
        if rel is None:
            return
        widget = self.heads_list if heads else self.children_list
        chosen = [self._rows[i] for i in range(widget.count()) if widget.item(i).checkState() == Qt.CheckState.Checked]
        if heads:
            rel.heads = chosen
        else:
            rel.children = chosen
        self._validate()

    def set_relation_ends(
        self, name: str, *, heads: list[str] | None = None, children: list[str] | None = None
    ) -> None:
        """Check exactly ``heads`` / ``children`` (span label names) for relation ``name``."""
        index = self.relation_row_of(name)
        self.relation_table.selectRow(index)
        for widget, wanted in ((self.heads_list, heads), (self.children_list, children)):
            if wanted is None:
                continue
            unknown = set(wanted) - set(self.span_label_names())
            if unknown:
                raise ValueError(f"no span label named {', '.join(sorted(unknown))}")
            for i in range(widget.count()):
                item = widget.item(i)
                item.setCheckState(Qt.CheckState.Checked if item.text() in wanted else Qt.CheckState.Unchecked)

    def add_relation_label(self) -> int:
        """Add a relation label (any head, any child until some are checked); returns its row."""
        names = set(self.relation_label_names())
        name = _unique("RELATION", names)
        rel = _RelationRow(name, None, [], [])
        self._relations.append(rel)
        self._refresh_relation_table(select=rel)
        index = len(self._relations) - 1
        self.relation_table.setCurrentCell(index, self.REL_NAME)
        if self.isVisible():
            self.relation_table.editItem(self.relation_table.item(index, self.REL_NAME))
        return index

    def _remove_current_relation_label(self) -> None:
        rel = self.current_relation_row()
        if rel is not None:
            self.remove_relation_label(rel.name)

    def remove_relation_label(self, name: str, *, confirm: bool | None = None) -> bool:
        """Remove relation label ``name``; one in use takes its relations with it, after
        :meth:`ask_relation_label_deletion` (or ``confirm``) agrees."""
        rel = self._relations[self.relation_row_of(name)]
        if rel.stored_relations:
            if confirm is None:
                confirm = self.ask_relation_label_deletion(rel.name, rel.stored_relations)
            if not confirm:
                return False
        if rel.original is not None:
            self._relation_deletions.append(rel)
        index = self._relations.index(rel)
        self._relations.remove(rel)
        next_rel = self._relations[min(index, len(self._relations) - 1)] if self._relations else None
        self._refresh_relation_table(select=next_rel)
        return True

    def ask_relation_label_deletion(self, name: str, count: int) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Remove relation label"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        relations = self.tr("1 relation") if count == 1 else self.tr("{count} relations").format(count=count)
        box.setText(
            self.tr("The relation label “{name}” is used by {relations}. Delete them with it?").format(
                name=name, relations=relations
            )
        )
        delete_button = box.addButton(
            self.tr("Delete the {relations}").format(relations=relations), QMessageBox.ButtonRole.DestructiveRole
        )
        cancel_button = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel_button)
        box.setEscapeButton(cancel_button)
        self.question = box
        try:
            box.exec()
            clicked = box.clickedButton()
        finally:
            self.question = None
            box.deleteLater()
        return clicked is delete_button

    # -- validation -------------------------------------------------------------------------

    def validation_errors(self) -> list[str]:
        """Everything that keeps OK from applying the scheme, as sentences (empty: all fine)."""
        errors: list[str] = []
        seen: set[str] = set()
        keys: dict[str, str] = {}
        for i, row in enumerate(self._rows, start=1):
            label = row.label
            name = label.name
            if not name:
                errors.append(self.tr("Span label {i} has no name.").format(i=i))
            elif name in seen:
                errors.append(self.tr("Two span labels are called “{name}”.").format(name=name))
            seen.add(name)
            shown = name or self.tr("number {i}").format(i=i)
            if label.key:
                if len(label.key) != 1 or not label.key.isprintable() or label.key.isspace():
                    errors.append(
                        self.tr("The key of label {shown} must be one visible character.").format(shown=shown)
                    )
                elif label.key in keys:
                    errors.append(
                        self.tr("Labels {value} and {shown} both use the key “{key}”.").format(
                            value=keys[label.key], shown=shown, key=label.key
                        )
                    )
                else:
                    keys[label.key] = shown
            if not QColor(label.color).isValid():
                errors.append(self.tr("Label {shown} has no valid colour.").format(shown=shown))
            attr_names: set[str] = set()
            for j, attr in enumerate(label.attributes, start=1):
                attr_shown = attr.name or self.tr("number {j}").format(j=j)
                if not attr.name:
                    errors.append(self.tr("Attribute {j} of label {shown} has no name.").format(j=j, shown=shown))
                elif attr.name in attr_names:
                    errors.append(
                        self.tr("Label {shown} has two attributes called “{name}”.").format(shown=shown, name=attr.name)
                    )
                attr_names.add(attr.name)
                if attr.type == "choice":
                    if not attr.values:
                        errors.append(
                            self.tr("Attribute {attr_shown} of label {shown} is a choice with no values.").format(
                                attr_shown=attr_shown, shown=shown
                            )
                        )
                    elif attr.default is not None and attr.default not in attr.values:
                        errors.append(
                            self.tr(
                                "The default “{default}” of attribute {attr_shown} of label {shown} is not one of its values."
                            ).format(default=attr.default, attr_shown=attr_shown, shown=shown)
                        )
                elif attr.type == "bool" and attr.default is not None and not isinstance(attr.default, bool):
                    errors.append(
                        self.tr(
                            "The default of attribute {attr_shown} of label {shown} must be true, false or empty."
                        ).format(attr_shown=attr_shown, shown=shown)
                    )
        rel_seen: set[str] = set()
        for i, rel in enumerate(self._relations, start=1):
            if not rel.name:
                errors.append(self.tr("Relation label {i} has no name.").format(i=i))
            elif rel.name in rel_seen:
                errors.append(self.tr("Two relation labels are called “{name}”.").format(name=rel.name))
            rel_seen.add(rel.name)
        return errors

    def _validate(self) -> None:
        if not hasattr(self, "buttons"):
            return
        self._errors = self.validation_errors()
        self.error_label.setText("\n".join(self._errors))
        self.error_label.setVisible(bool(self._errors))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not self._errors)
        self._mark_span_errors()
        self._mark_attribute_errors()
        self._mark_relation_errors()

    @staticmethod
    def _mark(item: QTableWidgetItem | None, bad: bool) -> None:
        if item is None:
            return
        if bad:
            item.setBackground(ERROR_BACKGROUND)
        elif item.data(Qt.ItemDataRole.BackgroundRole) is not None:
            item.setData(Qt.ItemDataRole.BackgroundRole, None)

    def _mark_span_errors(self) -> None:
        names = [row.label.name for row in self._rows]
        keys = [row.label.key for row in self._rows if row.label.key]
        self._updating = True
        try:
            for i, row in enumerate(self._rows):
                name, key = row.label.name, row.label.key
                self._mark(self.span_table.item(i, self.NAME), not name or names.count(name) > 1)
                bad_key = bool(key) and (len(key) != 1 or key.isspace() or not key.isprintable() or keys.count(key) > 1)
                self._mark(self.span_table.item(i, self.KEY), bad_key)
        finally:
            self._updating = False

    def _mark_attribute_errors(self) -> None:
        row = self.current_span_row()
        if row is None:
            return
        self._updating = True
        try:
            names = [a.name for a in row.label.attributes]
            for i, attr in enumerate(row.label.attributes):
                self._mark(self.attribute_table.item(i, self.ATTR_NAME), not attr.name or names.count(attr.name) > 1)
                self._mark(self.attribute_table.item(i, self.ATTR_VALUES), attr.type == "choice" and not attr.values)
                bad_default = attr.default is not None and (
                    (attr.type == "choice" and attr.default not in attr.values)
                    or (attr.type == "bool" and not isinstance(attr.default, bool))
                )
                self._mark(self.attribute_table.item(i, self.ATTR_DEFAULT), bad_default)
        finally:
            self._updating = False

    def _mark_relation_errors(self) -> None:
        names = [rel.name for rel in self._relations]
        self._updating = True
        try:
            for i, rel in enumerate(self._relations):
                self._mark(self.relation_table.item(i, self.REL_NAME), not rel.name or names.count(rel.name) > 1)
        finally:
            self._updating = False

    @property
    def errors(self) -> list[str]:
        """The validation errors currently shown (OK is disabled while there are any)."""
        return list(self._errors)

    # -- applying ---------------------------------------------------------------------------

    def accept(self) -> None:
        """OK: validate, apply everything in one transaction, close. On a database error the
        dialog stays open with the error shown, and the database is unchanged."""
        self._validate()
        if self._errors:
            return
        try:
            self.changed = self.apply()
        except (AnnotatorError, sqlite3.Error) as exc:
            box = QMessageBox(
                QMessageBox.Icon.Critical, self.tr("Label scheme"), "", QMessageBox.StandardButton.Ok, self
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setText(self.tr("The label scheme could not be saved; nothing was changed.\n\n{exc}").format(exc=exc))
            box.exec()
            return
        self.scheme_changed.emit(self.changed)
        super().accept()

    def edited_scheme(self) -> LabelScheme:
        """The scheme as edited (not yet stored)."""
        scheme = self.project.scheme()
        return LabelScheme(
            span_labels=[_copy_label(row.label) for row in self._rows],
            relation_labels=[
                RelationLabel(rel.name, [r.label.name for r in rel.heads], [r.label.name for r in rel.children])
                for rel in self._relations
            ],
            name=scheme.name,
            description=scheme.description,
        )

    def apply(self) -> SchemeChanges:
        """Store the edited scheme in one transaction; returns what changed.

        Order matters, and temporary names make it safe whatever the user did (swapped two
        names, gave a new label the name of a deleted one, moved spans to a label that is
        renamed or new): renamed and new labels first take unique temporary names; then the
        deleted labels go, in the order they were removed, their spans deleted or moved; then
        every label takes its final name, properties and position; relation labels likewise.
        """
        errors = self.validation_errors()
        if errors:
            raise AnnotatorError(errors[0])
        project = self.project
        changes = SchemeChanges()
        stored: dict[int, str] = {}  # id(row) -> its name in the database during the transaction

        def temporary() -> str:
            return f"\u2063tmp-{uuid.uuid4().hex}"

        deletions = [d for d in self._deletions if d.row.original is not None or d.mode != "refuse"]
        with project.transaction():
            for row in self._rows + [d.row for d in deletions if d.row.original is None]:
                if row.original is None:
                    stored[id(row)] = temporary()
                    project.add_span_label(replace(_copy_label(row.label), name=stored[id(row)]))
                elif row.original != row.label.name:
                    stored[id(row)] = temporary()
                    project.rename_span_label(row.original, stored[id(row)])
                else:
                    stored[id(row)] = row.original
            for d in deletions:
                stored.setdefault(id(d.row), d.row.original or "")
            for deletion in deletions:
                name = stored[id(deletion.row)]
                if deletion.mode == "relabel" and deletion.target is not None:
                    count = project.delete_span_label(name, spans="relabel", relabel_to=stored[id(deletion.target)])
                    if deletion.row.original is not None:
                        changes.spans_relabelled += count
                elif deletion.mode == "delete":
                    changes.spans_deleted += project.delete_span_label(name, spans="delete")
                else:
                    project.delete_span_label(name)  # raises if spans appeared meanwhile
            for row in self._rows:
                if stored[id(row)] != row.label.name:
                    project.rename_span_label(stored[id(row)], row.label.name)
            for position, row in enumerate(self._rows):
                project.add_span_label(_copy_label(row.label), position=position)

            rel_stored: dict[int, str] = {}
            for rel in self._relation_deletions:
                assert rel.original is not None
                changes.relations_removed += project.delete_relation_label(rel.original)
            for rel in self._relations:
                if rel.original is not None and rel.original != rel.name:
                    rel_stored[id(rel)] = temporary()
                    _rename_relation_label(project, rel.original, rel_stored[id(rel)])
            for rel in self._relations:
                if id(rel) in rel_stored:
                    _rename_relation_label(project, rel_stored[id(rel)], rel.name)
            for position, rel in enumerate(self._relations):
                project.add_relation_label(
                    RelationLabel(rel.name, [r.label.name for r in rel.heads], [r.label.name for r in rel.children]),
                    position=position,
                )
            scheme = project.scheme()
            scheme.validate()  # the stored result must be a valid scheme, or nothing is kept

        changes.renamed = {
            row.original: row.label.name
            for row in self._rows
            if row.original is not None and row.original != row.label.name
        }
        changes.added = [row.label.name for row in self._rows if row.original is None]
        changes.deleted = {
            d.row.original: self._final_destination(d) for d in self._deletions if d.row.original is not None
        }
        changes.relations_renamed = {
            rel.original: rel.name for rel in self._relations if rel.original is not None and rel.original != rel.name
        }
        changes.relations_deleted = [rel.original for rel in self._relation_deletions if rel.original is not None]
        changes.relations_added = [rel.name for rel in self._relations if rel.original is None]
        changes.scheme = scheme
        return changes

    def _final_destination(self, deletion: _Deletion) -> str | None:
        """The label the spans of a deleted label carry in the end (None: they were deleted)."""
        seen: set[int] = set()
        while deletion.mode == "relabel" and deletion.target is not None and id(deletion) not in seen:
            seen.add(id(deletion))
            target = deletion.target
            if target in self._rows:
                return target.label.name
            later = next((d for d in self._deletions if d.row is target), None)
            if later is None:
                return None
            deletion = later
        return None


def _rename_relation_label(project: Project, old: str, new: str) -> None:
    """Rename a relation label; stored relations follow (their foreign key cascades on update).

    The store has no method for it yet, so this runs inside the caller's transaction on the
    project's connection.
    """
    if project.conn.execute("SELECT 1 FROM relation_labels WHERE name = ?", (new,)).fetchone():
        raise AnnotatorError(f"a relation label named {new!r} already exists")
    cur = project.conn.execute("UPDATE relation_labels SET name = ? WHERE name = ?", (new, old))
    if cur.rowcount == 0:
        raise AnnotatorError(f"no relation label named {old!r}")


__all__ = ["DeleteChoice", "SchemeChanges", "SchemeEditorDialog"]
