"""The details panel: the selected span's label, text, offsets, attributes and relations.

Every edit is reported as a signal (the window turns it into an undo command); the panel never
writes to the store itself. Attribute editors follow the scheme: choice -> combo box, bool ->
check box, text -> line edit. All user text is shown as plain text (labels with
``Qt.PlainText``; combo, list and line-edit items are plain by nature).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core.labels import AttributeDef, LabelScheme
from annotator.core.model import Relation, Span
from annotator.ui.document_list import first_strong_direction
from annotator.ui.fonts import document_font

FSI, PDI = "\u2068", "\u2069"
SURFACE_CHARS = 400
UNSET = QT_TRANSLATE_NOOP("details_panel", "(unset)")


def plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def relation_text(relation: Relation, span_id: int, others: dict[int, Span], text: str) -> str:
    """ "SAID_BY → PER ⁨بوتين⁩" for a relation from the span, "CUE_OF ← CUE ⁨قال⁩" for one to it."""
    outgoing = relation.head == span_id
    other = others.get(relation.child if outgoing else relation.head)
    arrow = "→" if outgoing else "←"
    if other is None:
        return f"{relation.label} {arrow} ?"
    words = " ".join(other.text_in(text).split())
    if len(words) > 40:
        words = words[:39] + "…"
    return f"{relation.label} {arrow} {other.label}  {FSI}{words}{PDI}"


class DetailsPanel(QWidget):
    """Shows one span; emits what the user changes."""

    labelChosen = Signal(str)
    rangeEdited = Signal(int, int)
    attributeEdited = Signal(str, object)
    relationPicked = Signal(object)  # the relation now current in the list, or None
    relationActivated = Signal(object)  # a relation double-clicked: go to its other end
    linkRequested = Signal()
    removeRelationRequested = Signal(object)  # the relation to remove

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._span: Span | None = None
        self._relations: list[Relation] = []
        self._attr_layout_key: tuple | None = None
        self._attr_editors: dict[str, QWidget] = {}
        self._attr_defs: dict[str, AttributeDef] = {}
        self._scheme = LabelScheme()
        text_font = document_font(max(12.0, self.font().pointSizeF() * 1.3))

        self.placeholder = plain_label(self.tr("No span selected. Select one in the text (click, Tab) or in the list."))
        self.placeholder.setWordWrap(True)

        self.label_combo = QComboBox()
        self.surface = plain_label()
        self.surface.setWordWrap(True)
        self.surface.setFont(text_font)
        self.surface.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.start_box = QSpinBox()
        self.end_box = QSpinBox()
        for box in (self.start_box, self.end_box):
            box.setKeyboardTracking(False)
            box.setAccelerated(True)
        self.annotator_label = plain_label()

        form = QFormLayout()
        form.addRow(plain_label(self.tr("Label")), self.label_combo)
        form.addRow(plain_label(self.tr("Text")), self.surface)
        offsets = QHBoxLayout()
        offsets.addWidget(plain_label(self.tr("start")))
        offsets.addWidget(self.start_box, 1)
        offsets.addWidget(plain_label(self.tr("end")))
        offsets.addWidget(self.end_box, 1)
        form.addRow(plain_label(self.tr("Offsets")), offsets)
        form.addRow(plain_label(self.tr("Annotator")), self.annotator_label)

        self.attributes_box = QGroupBox(self.tr("Attributes"))
        self.attributes_form = QFormLayout(self.attributes_box)
        self.no_attributes = plain_label(self.tr("This label has no attributes."))
        self.attributes_form.addRow(self.no_attributes)

        self.relations_box = QGroupBox(self.tr("Relations"))
        self.relations_list = QListWidget()
        self.relations_list.setFont(text_font)
        self.link_button = QPushButton(self.tr("Link…  (L)"))
        self.remove_button = QPushButton(self.tr("Remove"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        rows = self.relations_list.fontMetrics().height() + 6
        self.relations_list.setMinimumHeight(2 * rows)
        self.relations_list.setMaximumHeight(4 * rows)  # the buttons stay in view
        relations_layout = QVBoxLayout(self.relations_box)
        relations_layout.addWidget(self.relations_list)
        relations_layout.addLayout(buttons)

        self.body = QWidget()
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(form)
        body_layout.addWidget(self.attributes_box)
        body_layout.addWidget(self.relations_box)
        body_layout.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.body, 1)

        self.label_combo.activated.connect(self._label_activated)
        self.start_box.editingFinished.connect(self._range_edited)
        self.end_box.editingFinished.connect(self._range_edited)
        self.relations_list.currentRowChanged.connect(self._relation_row)
        self.relations_list.itemActivated.connect(self._relation_activated)
        self.link_button.clicked.connect(lambda _checked=False: self.linkRequested.emit())
        self.remove_button.clicked.connect(self._remove_clicked)
        self.show_span(None)

    # -- content ----------------------------------------------------------------------------

    def set_scheme(self, scheme: LabelScheme) -> None:
        self._scheme = scheme
        self.label_combo.blockSignals(True)
        self.label_combo.clear()
        self.label_combo.addItems(scheme.span_label_names)
        self.label_combo.blockSignals(False)
        self._attr_layout_key = None

    def span(self) -> Span | None:
        return self._span

    def show_span(
        self,
        span: Span | None,
        *,
        text: str = "",
        relations: Sequence[Relation] = (),
        others: dict[int, Span] | None = None,
        can_link: bool = False,
        editable: bool = True,
    ) -> None:
        """Show ``span`` (None: the placeholder). ``relations`` are the span's relations and
        ``others`` the document's spans by id (to name each relation's other end)."""
        self._span = span
        self.placeholder.setVisible(span is None)
        self.body.setVisible(span is not None)
        if span is None:
            self._relations = []
            self.relations_list.clear()
            return
        scheme = self._scheme
        self.label_combo.blockSignals(True)
        if self.label_combo.findText(span.label, Qt.MatchFlag.MatchExactly) < 0:
            self.label_combo.addItem(span.label)  # a label the scheme no longer has
        self.label_combo.setCurrentText(span.label)
        self.label_combo.blockSignals(False)
        surface = " ".join(span.text_in(text).split())
        if len(surface) > SURFACE_CHARS:
            surface = surface[: SURFACE_CHARS - 1] + "…"
        self.surface.setText(surface)
        direction = first_strong_direction(surface) or Qt.LayoutDirection.RightToLeft
        self.surface.setLayoutDirection(direction)
        self.surface.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        for box, value in ((self.start_box, span.start), (self.end_box, span.end)):
            box.blockSignals(True)
            box.setRange(0, len(text))
            box.setValue(value)
            box.blockSignals(False)
        self.annotator_label.setText(
            self.tr("{annotator}   (span id {id})").format(annotator=span.annotator, id=span.id)
        )
        self._show_attributes(span, scheme)
        self._show_relations(span, relations, others or {}, text)
        self.link_button.setEnabled(editable and can_link)
        for widget in (self.label_combo, self.start_box, self.end_box, self.attributes_box):
            widget.setEnabled(editable)
        self.remove_button.setEnabled(editable and self.relations_list.currentRow() >= 0)

    def _show_attributes(self, span: Span, scheme: LabelScheme) -> None:
        label = scheme.span_label(span.label)
        defs = list(label.attributes) if label else []
        key = (span.id, span.label, tuple((a.name, a.type, tuple(a.values)) for a in defs))
        if key != self._attr_layout_key:
            self._attr_layout_key = key
            self._rebuild_attribute_editors(defs)
        for attr in defs:
            editor = self._attr_editors[attr.name]
            value = span.attrs.get(attr.name)
            editor.blockSignals(True)
            if isinstance(editor, QComboBox):
                values = [str(v) for v in attr.values]
                editor.clear()
                editor.addItems(values)
                # Nothing stored, or a value the scheme does not list: a first item says so.
                placeholder = value is None or str(value) not in values
                if placeholder:
                    editor.insertItem(
                        0,
                        QCoreApplication.translate("details_panel", UNSET)
                        if value is None
                        else self.tr("{value} (not in the scheme)").format(value=value),
                    )
                editor.setProperty("placeholder", placeholder)
                editor.setCurrentIndex(0 if placeholder else values.index(str(value)))
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(attr.default if value is None else value))
            elif isinstance(editor, QLineEdit):
                editor.setText("" if value is None else str(value))
            editor.blockSignals(False)

    def _rebuild_attribute_editors(self, defs: list[AttributeDef]) -> None:
        while self.attributes_form.rowCount() > 0:
            row = self.attributes_form.takeRow(0)
            for item in (row.labelItem, row.fieldItem):
                if item is not None and item.widget() is not None and item.widget() is not self.no_attributes:
                    item.widget().hide()
                    item.widget().deleteLater()  # may be inside its own signal: delete later
        self._attr_editors = {}
        self._attr_defs = {a.name: a for a in defs}
        if not defs:
            self.attributes_form.addRow(self.no_attributes)
            self.no_attributes.show()
            return
        self.no_attributes.hide()
        for attr in defs:
            editor: QWidget
            if attr.type == "choice":
                combo = QComboBox()
                combo.activated.connect(lambda _i, name=attr.name, c=combo: self._choice_edited(name, c))
                editor = combo
            elif attr.type == "bool":
                check = QCheckBox()
                check.toggled.connect(lambda checked, name=attr.name: self.attributeEdited.emit(name, bool(checked)))
                editor = check
            else:
                line = QLineEdit()
                line.editingFinished.connect(lambda name=attr.name, e=line: self._text_edited(name, e))
                editor = line
            editor.setObjectName(f"attr_{attr.name}")
            self._attr_editors[attr.name] = editor
            self.attributes_form.addRow(plain_label(attr.name), editor)

    def _show_relations(self, span: Span, relations: Sequence[Relation], others: dict[int, Span], text: str) -> None:
        current = self.current_relation()
        self._relations = list(relations)
        self.relations_list.blockSignals(True)
        self.relations_list.clear()
        for relation in self._relations:
            self.relations_list.addItem(QListWidgetItem(relation_text(relation, span.id, others, text)))  # type: ignore[arg-type]
        ids = [r.id for r in self._relations]
        if current is not None and current.id in ids:
            self.relations_list.setCurrentRow(ids.index(current.id))
        self.relations_list.blockSignals(False)

    # -- access for the window and tests ----------------------------------------------------

    def attribute_editor(self, name: str) -> QWidget | None:
        return self._attr_editors.get(name)

    def relations(self) -> list[Relation]:
        return list(self._relations)

    def current_relation(self) -> Relation | None:
        row = self.relations_list.currentRow()
        return self._relations[row] if 0 <= row < len(self._relations) else None

    # -- edits ------------------------------------------------------------------------------

    def _label_activated(self, index: int) -> None:
        name = self.label_combo.itemText(index)
        if self._span is not None and name != self._span.label:
            self.labelChosen.emit(name)

    def _range_edited(self) -> None:
        if self._span is None:
            return
        start, end = self.start_box.value(), self.end_box.value()
        if (start, end) != (self._span.start, self._span.end):
            self.rangeEdited.emit(start, end)

    def _choice_edited(self, name: str, combo: QComboBox) -> None:
        if combo.property("placeholder") and combo.currentIndex() == 0:
            return
        value = combo.currentText()
        if self._span is not None and self._span.attrs.get(name) != value:
            self.attributeEdited.emit(name, value)

    def _text_edited(self, name: str, editor: QLineEdit) -> None:
        value = editor.text()
        if self._span is not None and str(self._span.attrs.get(name, "")) != value:
            self.attributeEdited.emit(name, value)

    def _relation_row(self, _row: int) -> None:
        self.remove_button.setEnabled(self.current_relation() is not None and self.label_combo.isEnabled())
        self.relationPicked.emit(self.current_relation())

    def _relation_activated(self, _item: QListWidgetItem) -> None:
        relation = self.current_relation()
        if relation is not None:
            self.relationActivated.emit(relation)

    def _remove_clicked(self) -> None:
        relation = self.current_relation()
        if relation is not None:
            self.removeRelationRequested.emit(relation)
