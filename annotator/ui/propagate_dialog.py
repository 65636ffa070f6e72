"""Tag all occurrences (Annotate > Tag all occurrences…): propagation of the selected span.

The dialog lists every occurrence of the span's surface form (:mod:`annotator.assist.propagate`:
whole word or after proclitics, the stem only, never inside a longer word) in the document or the
whole project, each in context with a check box. Apply adds every checked one as a span of the
annotator's layer with the span's label, in ONE undo step (:class:`AddSpans` on the window's
QUndoStack); places already tagged with that label are not proposed again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.assist import propagate as prop
from annotator.core.model import Span
from annotator.store.project import Project
from annotator.ui.commands import Change, Editor, StoreCommand
from annotator.ui.hit_list import HitModel, make_hit_table, quoted

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

SCOPES = (
    ("document", QT_TRANSLATE_NOOP("propagate_dialog", "This document")),
    ("project", QT_TRANSLATE_NOOP("propagate_dialog", "Every document of the project")),
)


class AddSpans(StoreCommand):
    """Add many spans, possibly in several documents, as one undo step.

    ``current_document`` says which document the window shows (the change is reported for it, so
    the window never jumps to another document on apply, undo or redo); ``after`` is called with
    the ids of the documents touched, to refresh what the window shows about them (span counts).
    """

    def __init__(
        self,
        editor: Editor,
        proposals: Sequence[prop.Proposal],
        annotator: str,
        *,
        attrs: dict[str, Any] | None = None,
        current_document: Callable[[], int | None] = lambda: None,
        after: Callable[[set[int]], None] | None = None,
        text: str = "",
    ) -> None:
        proposals = list(proposals)
        first = proposals[0].document_id if proposals else None
        label = proposals[0].label if proposals else ""
        super().__init__(
            editor,
            first or 0,
            text or QCoreApplication.translate("AddSpans", "Tag {n} × {label}").format(n=len(proposals), label=label),
        )
        self.proposals = proposals
        self.annotator = annotator
        self.attrs = dict(attrs or {})
        self.spans: list[Span] = []
        self._current_document = current_document
        self._after = after

    def _change(self) -> Change:
        documents = {s.document_id for s in self.spans if s.document_id is not None}
        if self._after is not None:
            self._after(documents)  # type: ignore[arg-type]
        current = self._current_document()
        doc_id = current if current is not None else min(documents) if documents else self.doc_id
        ids = tuple(s.id for s in self.spans if s.document_id == doc_id and s.id is not None)
        return Change(doc_id, ids, status=True, keep_selection=True)

    def apply(self) -> Change:
        project = self.editor.project
        if not self.spans:  # the first time: check every proposal against its text, store them
            self.spans = prop.apply(project, self.proposals, self.annotator, self.attrs)
        else:  # redo: the same spans with the same ids
            with project.transaction():
                by_document: dict[int, list[Span]] = {}
                for span in self.spans:
                    by_document.setdefault(span.document_id, []).append(span)  # type: ignore[arg-type]
                for doc_id, spans in by_document.items():
                    project.add_spans(doc_id, [replace(s, attrs=dict(s.attrs)) for s in spans])
        return self._change()

    def revert(self) -> Change:
        project = self.editor.project
        with project.transaction():
            for span in self.spans:
                project.delete_span(span.id)  # type: ignore[arg-type]
        return self._change()


class PropagateDialog(QDialog):
    """The preview of a propagation: every occurrence, checked; Apply stores the checked ones."""

    def __init__(
        self,
        project: Project,
        span: Span,
        editor: Editor,
        parent: QWidget | None = None,
        *,
        scope: str = "document",
        current_document: Callable[[], int | None] = lambda: None,
        after: Callable[[set[int]], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("propagate_dialog")
        self.setWindowTitle(self.tr("Tag all occurrences"))
        self.project = project
        self.span = span
        self.editor = editor
        self._current_document = current_document
        self._after = after
        self.result: prop.Propagation | None = None
        text = project.document(span.document_id).text  # type: ignore[arg-type]
        self.surface = text[span.start : span.end]

        self.heading = QLabel(
            self.tr("Tag every occurrence of {quoted} as {label}").format(quoted=quoted(self.surface), label=span.label)
        )
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setObjectName("propagate_heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.heading.setFont(font)
        self.scope_box = QComboBox()
        self.scope_box.setObjectName("propagate_scope")
        for value, shown in SCOPES:
            shown = QCoreApplication.translate("propagate_dialog", shown)
            self.scope_box.addItem(shown, value)
        self.scope_box.setCurrentIndex(self.scope_box.findData(scope))
        self.clitics_box = QCheckBox(self.tr("Also after و ف ب ل ك ال (the new span covers the stem only)"))
        self.clitics_box.setObjectName("propagate_clitics")
        self.clitics_box.setChecked(True)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setObjectName("propagate_summary")
        self.summary.setWordWrap(True)

        self.model = HitModel(checkable=True)
        self.table = make_hit_table(self.model, font_size=14, parent=self)
        self.table.setObjectName("propagate_hits")
        self.table.doubleClicked.connect(
            lambda index: self._toggle(index.row()) if index.column() != HitModel.DOCUMENT else None
        )
        self.table.installEventFilter(self)  # Enter / Space toggle the current hit (Enter never applies)

        check_all = QPushButton(self.tr("Check all"))
        check_all.setAutoDefault(False)
        check_none = QPushButton(self.tr("Uncheck all"))
        check_none.setAutoDefault(False)
        check_all.clicked.connect(lambda _c=False: self._set_all(True))
        check_none.clicked.connect(lambda _c=False: self._set_all(False))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.addButton(self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("propagate_apply")
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        options = QHBoxLayout()
        caption = QLabel(self.tr("Where:"))
        caption.setTextFormat(Qt.TextFormat.PlainText)
        options.addWidget(caption)
        options.addWidget(self.scope_box)
        options.addWidget(self.clitics_box)
        options.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(check_all)
        bottom.addWidget(check_none)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(options)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.resize(900, 560)

        self.scope_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.clitics_box.toggled.connect(lambda _c: self.refresh())
        self.model.dataChanged.connect(lambda *_a: self._update_apply())
        self.model.modelReset.connect(self._update_apply)
        self.refresh()

    def scope(self) -> str:
        return self.scope_box.currentData()

    def refresh(self) -> prop.Propagation:
        """Find the occurrences again with the options shown."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = prop.from_span(self.project, self.span, scope=self.scope(), clitics=self.clitics_box.isChecked())
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.result = result
        notes = [
            self.tr("overlaps {join}").format(join=", ".join(p.overlapping)) if p.overlapping else ""
            for p in result.proposals
        ]
        self.model.set_hits(result.proposals, notes if any(notes) else None)
        self.table.setColumnHidden(HitModel.DOCUMENT, False)
        found = len(result.proposals)
        text = self.tr("{found} occurrence{value} to tag").format(found=found, value="s" if found != 1 else "")
        if self.scope() == "project":
            documents = len({p.document_id for p in result.proposals})
            text += self.tr(" in {documents} document{value} (of {documents_searched})").format(
                documents=documents, value="s" if documents != 1 else "", documents_searched=result.documents_searched
            )
        if result.already_tagged:
            text += self.tr("; {already_tagged} already tagged {label}, left as they are").format(
                already_tagged=result.already_tagged, label=self.span.label
            )
        if not found:
            text += self.tr(". Nothing to do.")
        else:
            text += self.tr(". Uncheck the ones that are not this entity.")
        self.summary.setText(text)
        return result

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)  # type: ignore[attr-defined]
        ):
            if self.table.currentIndex().isValid():
                self._toggle(self.table.currentIndex().row())
            return True
        return super().eventFilter(watched, event)

    def _toggle(self, row: int) -> None:
        self.model.set_checked(row, not self.model.is_checked(row))

    def _set_all(self, checked: bool) -> None:
        self.model.set_all_checked(checked)

    def _update_apply(self) -> None:
        count = len(self.model.checked_hits())
        self.apply_button.setText(self.tr("Apply ({count})").format(count=count))
        self.apply_button.setEnabled(count > 0)

    def checked(self) -> list[prop.Proposal]:
        return self.model.checked_hits()  # type: ignore[return-value]

    def apply(self) -> bool:
        """Add the checked proposals as one undo step; closes the dialog if they were stored."""
        proposals = self.checked()
        if not proposals:
            return False
        command = AddSpans(
            self.editor,
            proposals,
            self.span.annotator,
            current_document=self._current_document,
            after=self._after,
            text=self.tr("Tag all {quoted} as {label} ({n})").format(
                quoted=quoted(self.surface), label=self.span.label, n=len(proposals)
            ),
        )
        if not self.editor.execute(command):
            return False
        self.accept()
        return True


def refresh_counts(window: MainWindow, documents: set[int]) -> None:
    """Update the document list's span count and status of ``documents`` (not the current one,
    which the window refreshes itself)."""
    current = window.current_document()
    for doc_id in documents:
        if current is not None and doc_id == current.id:
            continue
        row = window.document_model.row_of_id(doc_id)
        if row is None:
            continue
        changes: dict[str, Any] = {"span_count": len(window.project.spans(doc_id, window.annotator))}
        if window.annotator is not None:
            changes["status"] = window.project.status(doc_id, window.annotator)
        window.document_model.update_row(row, **changes)


def propagate_selected(window: MainWindow, scope: str = "document") -> PropagateDialog | None:
    """Open the dialog for the window's selected span (which must be in the annotator's layer)."""
    span = window.selected_span()
    if span is None:
        window.say(
            QCoreApplication.translate(
                "propagate_dialog", "Select a tagged span first: its text and label are what gets propagated."
            )
        )
        return None
    if not window.ensure_annotator():
        return None
    if span.annotator != window.annotator:
        window.say(QCoreApplication.translate("propagate_dialog", "Only spans of your own layer can be propagated."))
        return None
    dialog = PropagateDialog(
        window.project,
        span,
        window.editor,
        window,
        scope=scope,
        current_document=lambda: window.current_document().id if window.current_document() else None,
        after=lambda documents: refresh_counts(window, documents),
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.propagate_dialog = dialog  # type: ignore[attr-defined]
    dialog.open()
    return dialog
