"""Linking spans: which relations the scheme allows from a span, and a dialog to pick one.

:func:`link_options` lists, for the selected span, every (relation label, other span) pair the
scheme allows, in either direction (a QUOTE is the head of SAID_BY and the child of CUE_OF),
nearest first. :class:`RelationPicker` shows them in a list (plain text, Arabic font, filterable);
:func:`choose` asks which relation to use when a Ctrl+click allows several.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.labels import LabelScheme
from annotator.core.model import Relation, Span
from annotator.ui.fonts import document_font

FSI, PDI = "\u2068", "\u2069"
SURFACE_CHARS = 50


@dataclass(frozen=True, slots=True)
class LinkOption:
    """One relation the scheme allows between the selected span and ``other``."""

    label: str
    head: Span
    child: Span
    other: Span
    distance: int

    def relation(self, annotator: str) -> Relation:
        return Relation(head=self.head.id, child=self.child.id, label=self.label, annotator=annotator)  # type: ignore[arg-type]


def distance(a: Span, b: Span) -> int:
    """Characters between two spans (0 when they overlap)."""
    return max(0, max(a.start, b.start) - min(a.end, b.end))


def link_options(
    scheme: LabelScheme, span: Span, spans: Iterable[Span], relations: Sequence[Relation] = ()
) -> list[LinkOption]:
    """Every relation the scheme allows between ``span`` and one of ``spans``, nearest first;
    relations that already exist are left out."""
    existing = {(r.label, r.head, r.child) for r in relations}
    options = []
    for other in spans:
        if other.id == span.id:
            continue
        for rel in scheme.relation_labels:
            if rel.allows(span.label, other.label) and (rel.name, span.id, other.id) not in existing:
                options.append(LinkOption(rel.name, span, other, other, distance(span, other)))
            if rel.allows(other.label, span.label) and (rel.name, other.id, span.id) not in existing:
                options.append(LinkOption(rel.name, other, span, other, distance(span, other)))
    options.sort(key=lambda o: (o.distance, o.other.start, o.label))
    return options


def can_link(scheme: LabelScheme, label: str) -> bool:
    """Whether a span of ``label`` can be at either end of some relation of the scheme."""
    return any(
        (not rel.heads or label in rel.heads) or (not rel.children or label in rel.children)
        for rel in scheme.relation_labels
    )


def surface(text: str, span: Span, limit: int = SURFACE_CHARS) -> str:
    """A span's text on one line, cut to ``limit`` characters, isolated for bidi."""
    words = " ".join(span.text_in(text).split())
    if len(words) > limit:
        words = words[: limit - 1] + "…"
    return f"{FSI}{words}{PDI}"


def describe(option: LinkOption, text: str) -> str:
    """E.g. "SAID_BY → PER ⁨بوتين⁩" (the other span is the child) or "CUE_OF ← CUE ⁨قال⁩"."""
    arrow = "→" if option.other is option.child else "←"
    return f"{option.label} {arrow} {option.other.label}  {surface(text, option.other)}"


class RelationPicker(QDialog):
    """Lists the link options of a span; ``chosen()`` is the one accepted."""

    def __init__(self, options: Sequence[LinkOption], text: str, span: Span, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Link span"))
        self._options = list(options)
        layout = QVBoxLayout(self)
        heading = QLabel()
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        heading.setText(
            self.tr("Link {label} {surface} to (nearest first):").format(label=span.label, surface=surface(text, span))
        )
        heading.setFont(document_font(max(11.0, self.font().pointSizeF() * 1.15)))
        layout.addWidget(heading)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter"))
        self.filter.setClearButtonEnabled(True)
        layout.addWidget(self.filter)
        self.list = QListWidget()
        self.list.setFont(document_font(max(12.0, self.font().pointSizeF() * 1.25)))
        for option in self._options:
            self.list.addItem(QListWidgetItem(describe(option, text)))
        if self._options:
            self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.filter.textChanged.connect(self._filter)
        self.filter.returnPressed.connect(self.accept)
        self.resize(520, 420)
        self.list.setFocus()

    def _filter(self, needle: str) -> None:
        needle = needle.casefold()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(needle) and needle not in item.text().casefold()
            item.setHidden(hidden)
            if not hidden and first is None:
                first = row
        if first is not None:
            self.list.setCurrentRow(first)

    def options(self) -> list[LinkOption]:
        return list(self._options)

    def select(self, index: int) -> None:
        self.list.setCurrentRow(index)

    def chosen(self) -> LinkOption | None:
        row = self.list.currentRow()
        if row < 0 or self.list.item(row).isHidden():
            return None
        return self._options[row]


def choose(options: Sequence[LinkOption], text: str, parent: QWidget | None = None) -> LinkOption | None:
    """Ask which of several relations a Ctrl+click means (the item texts are plain)."""
    items = [describe(option, text) for option in options]
    item, ok = QInputDialog.getItem(
        parent,
        QCoreApplication.translate("relation_picker", "Link span"),
        QCoreApplication.translate("relation_picker", "Relation:"),
        items,
        0,
        False,
    )
    return options[items.index(item)] if ok and item in items else None
