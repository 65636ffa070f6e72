"""Annotating in the main window: the selected span, tagging, editing and linking.

:class:`TaggingMixin` is the part of :class:`~annotator.ui.main_window.MainWindow` that turns
keys, clicks and panel edits into undo commands (:mod:`annotator.ui.commands`) and shows their
effect. Offsets come from the view's QtPositionMap (Qt positions -> code points) and, unless the
exact selection is asked for, :func:`annotator.core.snapping.clean_selection`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from annotator.core.errors import AnnotatorError
from annotator.core.labels import LabelScheme
from annotator.core.model import Document, Relation, Span
from annotator.core.snapping import clean_selection, next_grapheme, previous_grapheme
from annotator.store.project import Project
from annotator.ui.commands import Change, Editor
from annotator.ui.dialogs import show_error
from annotator.ui.relation_picker import RelationPicker, can_link, choose, link_options

if TYPE_CHECKING:
    from annotator.ui.annotations_panel import AnnotationsPanel
    from annotator.ui.clitic_selection import CliticSelection
    from annotator.ui.details_panel import DetailsPanel
    from annotator.ui.document_view import DocumentView


class TaggingMixin:
    """Span selection and every annotation edit of the main window."""

    project: Project
    annotator: str | None
    scheme: LabelScheme
    editor: Editor
    document_view: DocumentView
    details_panel: DetailsPanel
    annotations_panel: AnnotationsPanel
    _document: Document | None
    _relations: list[Relation]
    clitics: CliticSelection

    if TYPE_CHECKING:  # provided by MainWindow

        def say(self, message: str) -> None: ...
        def ensure_annotator(self) -> bool: ...
        def show_document_id(self, doc_id: int) -> bool: ...
        def after_document_change(self) -> None: ...

    # -- the selected span ------------------------------------------------------------------

    def selected_span(self) -> Span | None:
        return self.document_view.selected_span()

    def relations_of(self, span_id: int | None) -> list[Relation]:
        return [r for r in self._relations if span_id in (r.head, r.child)]

    def select_span(self, span_id: int | None, *, scroll: bool = True) -> None:
        """Select ``span_id`` (None: no span) in the view and both panels."""
        view = self.document_view
        view.set_selected_span(span_id, scroll=scroll)
        self._show_selection()

    def _show_selection(self) -> None:
        view = self.document_view
        span = view.selected_span()
        self.clitics.selection_changed()  # a stem offer lasts while its span stays selected
        relations = self.relations_of(span.id) if span else []
        view.set_links([(r.head, r.child) for r in relations])
        self.annotations_panel.select_span(span.id if span else None)
        others = {}
        for relation in relations:
            for end in (relation.head, relation.child):
                other = view.span(end)
                if other is not None:
                    others[end] = other
        self.details_panel.show_span(
            span,
            text=view.text,
            relations=relations,
            others=others,
            can_link=span is not None and can_link(self.scheme, span.label),
            editable=self.annotator is not None,
        )

    def clear_selection(self) -> None:
        cursor = self.document_view.textCursor()
        if cursor.hasSelection():
            cursor.clearSelection()
            self.document_view.setTextCursor(cursor)
        self.select_span(None, scroll=False)

    def _on_span_clicked(self, span_id: int | None) -> None:
        self.select_span(span_id, scroll=False)

    def _on_text_selection_changed(self) -> None:
        # Selecting text starts a new span: the selected one steps back.
        if self.document_view.textCursor().hasSelection() and self.document_view.selected_span() is not None:
            self.select_span(None, scroll=False)

    def next_span(self) -> None:
        self._step_span(forward=True)

    def previous_span(self) -> None:
        self._step_span(forward=False)

    def _step_span(self, *, forward: bool) -> None:
        view = self.document_view
        if view.span_count() == 0:
            self.say(QCoreApplication.translate("TaggingMixin", "This document has no spans yet."))
            return
        current = view.selected_span()
        offset = view.position_map.from_qt(view.textCursor().position())
        if forward:
            span = view.span_after(current, offset) or view.span_after(None, 0)
        else:
            span = view.span_before(current, offset) or view.spans[-1]
        if span is not None:
            self.select_span(span.id)

    # -- store changes ----------------------------------------------------------------------

    def _can_edit(self) -> bool:
        if self._document is None:
            self.say(QCoreApplication.translate("TaggingMixin", "Open a document first."))
            return False
        return self.ensure_annotator()

    def _on_change(self, change: Change) -> None:
        """A command ran (or was undone/redone): show its effect, in its document."""
        view = self.document_view
        if self._document is None or change.doc_id != self._document.id:
            if not self.show_document_id(change.doc_id):  # loads it fresh from the store
                return
        else:
            put, remove = [], []
            for span_id in change.spans:
                try:
                    span = self.project.span(span_id)
                except AnnotatorError:
                    remove.append(span_id)
                    continue
                if span.document_id == change.doc_id and self.annotator in (None, span.annotator):
                    put.append(span)
                else:
                    remove.append(span_id)
            view.update_spans(put, remove)
            self._relations = self.project.relations(change.doc_id, self.annotator)
        self.after_document_change()
        if change.keep_selection:
            self._show_selection()
        else:
            self.select_span(change.select)

    def _on_failed(self, message: str) -> None:
        show_error(self, message)  # type: ignore[arg-type]

    # -- tagging ----------------------------------------------------------------------------

    def default_attrs(self, label: str) -> dict[str, Any]:
        definition = self.scheme.span_label(label)
        if definition is None:
            return {}
        return {a.name: a.default for a in definition.attributes if a.default is not None}

    def tag(self, label: str, exact: bool = False) -> None:
        """Tag the text selection as ``label`` (snapped and trimmed unless ``exact``); with no
        text selected, give the selected span that label."""
        if not self._can_edit():
            return
        view = self.document_view
        cursor = view.textCursor()
        if not cursor.hasSelection():
            span = view.selected_span()
            if span is None:
                self.say(
                    QCoreApplication.translate(
                        "TaggingMixin", "Select some text first, then press a label key (or click a label)."
                    )
                )
            else:
                self.relabel(span, label)
            return
        qmap = view.position_map
        start, end = qmap.from_qt(cursor.selectionStart()), qmap.from_qt(cursor.selectionEnd())
        if not exact:
            start, end = clean_selection(view.text, start, end)
            start, end = self.clitics.boundary(start, end)  # clitic mode: the stem (clitic_selection.py)
        if start >= end:
            self.say(
                QCoreApplication.translate(
                    "TaggingMixin", "Nothing to tag: the selection holds only spaces or punctuation."
                )
            )
            return
        for other in view.spans_overlapping(start, end):
            if (other.start, other.end, other.label) == (start, end, label):
                self.say(
                    QCoreApplication.translate("TaggingMixin", "This text is already tagged {label}.").format(
                        label=label
                    )
                )
                self.select_span(other.id)
                return
        span = Span(start, end, label, annotator=self.annotator or "", attrs=self.default_attrs(label))
        if self.editor.add_span(self._document.id, span) and not exact:  # type: ignore[union-attr, arg-type]
            self.clitics.tagged()  # offer the stem (or the whole word) for the new span

    def relabel(self, span: Span, label: str) -> None:
        if span.label == label or not self._can_edit():
            return
        old = self.scheme.span_label(span.label)
        new = self.scheme.span_label(label)
        old_names = {a.name for a in old.attributes} if old else set()
        new_defs = {a.name: a for a in new.attributes} if new else {}
        # Attributes of the old label that the new one does not have go; the new label's
        # defaults fill in; anything else (e.g. from an import) stays.
        attrs = {k: v for k, v in span.attrs.items() if k in new_defs or k not in old_names}
        for name, definition in new_defs.items():
            if name not in attrs and definition.default is not None:
                attrs[name] = definition.default
        self.editor.update_span(
            span.document_id,
            span,
            QCoreApplication.translate("TaggingMixin", "Relabel {label} → {label2}").format(
                label=span.label, label2=label
            ),
            label=label,
            attrs=attrs,  # type: ignore[arg-type]
        )

    def delete_selected_span(self) -> None:
        span = self.selected_span()
        if span is None:
            self.say(QCoreApplication.translate("TaggingMixin", "Select a span first (click it, or Tab)."))
            return
        if self._can_edit():
            self.editor.delete_span(span.document_id, span)  # type: ignore[arg-type]

    def move_edge(self, edge: str, step: int) -> None:
        """Move the selected span's ``edge`` ("start" or "end") one grapheme cluster later
        (``step`` > 0) or earlier, in logical order."""
        span = self.selected_span()
        if span is None or not self._can_edit():
            return
        text = self.document_view.text
        position = span.end if edge == "end" else span.start
        moved = next_grapheme(text, position) if step > 0 else previous_grapheme(text, position)
        start, end = (span.start, moved) if edge == "end" else (moved, span.end)
        if moved == position or start >= end:
            self.say(
                QCoreApplication.translate("TaggingMixin", "The span cannot get shorter than one character.")
                if start >= end
                else QCoreApplication.translate("TaggingMixin", "At the end of the text.")
            )
            return
        self.editor.update_span(
            span.document_id,
            span,
            QCoreApplication.translate("TaggingMixin", "Move {edge} of {label}").format(edge=edge, label=span.label),
            merge=True,
            **{edge: moved},  # type: ignore[arg-type]
        )

    def set_range(self, start: int, end: int) -> None:
        """Exact offsets typed in the details panel."""
        span = self.selected_span()
        if span is None or not self._can_edit():
            return
        if not 0 <= start < end <= len(self.document_view.text):
            self.say(
                QCoreApplication.translate("TaggingMixin", "A span needs 0 <= start < end <= {n}.").format(
                    n=len(self.document_view.text)
                )
            )
            self._show_selection()
            return
        self.editor.update_span(
            span.document_id,
            span,
            QCoreApplication.translate("TaggingMixin", "Set offsets of {label}").format(label=span.label),
            start=start,
            end=end,
        )  # type: ignore[arg-type]

    def set_attribute(self, name: str, value: Any) -> None:
        span = self.selected_span()
        if span is None or not self._can_edit():
            return
        attrs = {**span.attrs, name: value}
        self.editor.update_span(
            span.document_id,
            span,
            QCoreApplication.translate("TaggingMixin", "Set {name} of {label}").format(name=name, label=span.label),
            attrs=attrs,
        )  # type: ignore[arg-type]

    # -- relations --------------------------------------------------------------------------

    def link(self) -> None:
        """Link the selected span to another, picked from the spans the scheme allows."""
        span = self.selected_span()
        if span is None:
            self.say(
                QCoreApplication.translate("TaggingMixin", "Select a quote, claim or cue first, then link it (L).")
            )
            return
        if not self._can_edit():
            return
        options = link_options(self.scheme, span, self.document_view.spans, self._relations)
        if not options:
            self.say(
                QCoreApplication.translate(
                    "TaggingMixin", "No span in this document can be linked to this {label} (see the label scheme)."
                ).format(label=span.label)
            )
            return
        picker = RelationPicker(options, self.document_view.text, span, self)  # type: ignore[arg-type]
        picker.setObjectName("relation_picker")
        if picker.exec() == QDialog.DialogCode.Accepted:
            option = picker.chosen()
            if option is not None:
                self.editor.add_relation(span.document_id, option.relation(self.annotator or ""), select=span.id)  # type: ignore[arg-type]
        picker.deleteLater()

    def link_to(self, span_ids: list[int]) -> None:
        """Ctrl+click: link the selected span to the clicked one with the relation the scheme
        allows (asking when several do)."""
        view = self.document_view
        span = view.selected_span()
        clicked = [s for s in (view.span(i) for i in span_ids) if s is not None and s.id != (span.id if span else None)]
        if span is None:
            if clicked:
                self.select_span(clicked[-1].id, scroll=False)
            return
        if not clicked or not self._can_edit():
            return
        options = link_options(self.scheme, span, clicked, self._relations)
        if not options:
            names = "/".join(s.label for s in clicked)
            self.say(
                QCoreApplication.translate(
                    "TaggingMixin", "The scheme has no relation between {label} and {names} (or it exists already)."
                ).format(label=span.label, names=names)
            )
            return
        option = options[0] if len(options) == 1 else choose(options, view.text, self)  # type: ignore[arg-type]
        if option is not None:
            self.editor.add_relation(span.document_id, option.relation(self.annotator or ""), select=span.id)  # type: ignore[arg-type]

    def remove_relation(self, relation: Relation | None = None) -> None:
        relation = relation or self.details_panel.current_relation()
        if relation is None:
            self.say(QCoreApplication.translate("TaggingMixin", "Pick a relation in the details panel first."))
            return
        if self._can_edit():
            span = self.selected_span()
            self.editor.delete_relation(relation.document_id, relation, select=span.id if span else None)  # type: ignore[arg-type]

    def _on_relation_picked(self, relation: Relation | None) -> None:
        span = self.selected_span()
        if relation is None or span is None:
            self.document_view.set_links(self.document_view.links())
            return
        other = relation.child if relation.head == span.id else relation.head
        self.document_view.set_links(self.document_view.links(), emphasised=other)

    def _on_relation_activated(self, relation: Relation) -> None:
        span = self.selected_span()
        other = relation.child if span is not None and relation.head == span.id else relation.head
        self.select_span(other)
