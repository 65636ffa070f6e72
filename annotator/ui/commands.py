"""Undo commands: every annotation change is one of these, pushed on the project's QUndoStack.

Each command calls the store at once (one transaction, committed, per action) in ``apply`` and
reverses it in ``revert``; both return a :class:`Change` saying which document, spans and
relations to refresh and which span to select. Deleted spans and relations come back with their
old ids, so commands further down the stack that name them keep working.

The :class:`Editor` runs a command once before pushing it (QUndoStack.push would call ``redo``,
and an exception raised inside a Qt virtual cannot reach the caller), so a refused change (a
label the scheme does not allow, offsets outside the text) is reported and never enters the
stack.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.core.errors import AnnotatorError
from annotator.core.model import Relation, Span
from annotator.store.project import Project

log = logging.getLogger(__name__)

MOVE_EDGE_ID = 1  # QUndoCommand.id() of edge moves: consecutive moves of one span merge


@dataclass(frozen=True, slots=True)
class Change:
    """What a command changed, for the window to refresh."""

    doc_id: int
    spans: tuple[int, ...] = ()  # ids of spans added, changed or removed
    relations: bool = False
    status: bool = False
    select: int | None = None  # the span to select afterwards
    keep_selection: bool = False  # leave the selection alone (``select`` is ignored)


def _menu_text(text: str) -> str:
    """Command texts show in the Edit menu: a label's '&' must not become a mnemonic."""
    return text.replace("&", "&&")


class StoreCommand(QUndoCommand):
    """A change to the project; subclasses implement ``apply`` and ``revert``."""

    def __init__(self, editor: Editor, doc_id: int, text: str) -> None:
        super().__init__(_menu_text(text))
        self.editor = editor
        self.doc_id = doc_id
        self._applied_once = False

    def apply(self) -> Change:
        raise NotImplementedError

    def revert(self) -> Change:
        raise NotImplementedError

    def redo(self) -> None:
        if not self._applied_once:  # Editor.execute already applied it, just before the push
            self._applied_once = True
            return
        self.editor.run_step(self.apply)

    def undo(self) -> None:
        self.editor.run_step(self.revert)


class AddSpan(StoreCommand):
    def __init__(self, editor: Editor, doc_id: int, span: Span) -> None:
        super().__init__(editor, doc_id, QCoreApplication.translate("AddSpan", "Tag {label}").format(label=span.label))
        self.span = replace(span, attrs=dict(span.attrs))
        self.relations: list[Relation] = []

    def apply(self) -> Change:
        project = self.editor.project
        with project.transaction():
            stored = project.add_span(self.doc_id, replace(self.span, attrs=dict(self.span.attrs)))
            for relation in self.relations:  # none, unless relations were added before an undo
                project.add_relation(replace(relation), check_labels=False)
        self.span.id = stored.id
        return Change(self.doc_id, (stored.id,), bool(self.relations), True, select=stored.id)  # type: ignore[arg-type]

    def revert(self) -> Change:
        _span, self.relations = self.editor.project.delete_span(self.span.id)  # type: ignore[arg-type]
        return Change(self.doc_id, (self.span.id,), bool(self.relations), True, select=None)  # type: ignore[arg-type]


class DeleteSpan(StoreCommand):
    def __init__(self, editor: Editor, doc_id: int, span: Span) -> None:
        super().__init__(
            editor, doc_id, QCoreApplication.translate("DeleteSpan", "Delete {label}").format(label=span.label)
        )
        self.span_id: int = span.id  # type: ignore[assignment]
        self.span: Span | None = None
        self.relations: list[Relation] = []

    def apply(self) -> Change:
        self.span, self.relations = self.editor.project.delete_span(self.span_id)
        return Change(self.doc_id, (self.span_id,), bool(self.relations), True, select=None)

    def revert(self) -> Change:
        project = self.editor.project
        assert self.span is not None
        with project.transaction():
            project.add_spans(self.doc_id, [replace(self.span, attrs=dict(self.span.attrs))])
            for relation in self.relations:
                project.add_relation(replace(relation), check_labels=False)
        return Change(self.doc_id, (self.span_id,), bool(self.relations), True, select=self.span_id)


class UpdateSpan(StoreCommand):
    """Change a span's label, start, end or attributes (``changes`` as for Project.update_span)."""

    def __init__(
        self, editor: Editor, doc_id: int, span_id: int, changes: dict[str, Any], text: str, *, merge: bool = False
    ) -> None:
        super().__init__(editor, doc_id, text)
        self.span_id = span_id
        self.changes = dict(changes)
        self.before: dict[str, Any] | None = None
        self._merge = merge

    def apply(self) -> Change:
        before = self.editor.project.update_span(self.span_id, **self.changes)
        if self.before is None:
            self.before = {key: _copy(getattr(before, key)) for key in self.changes}
        return Change(self.doc_id, (self.span_id,), select=self.span_id)

    def revert(self) -> Change:
        assert self.before is not None
        self.editor.project.update_span(self.span_id, **self.before)
        return Change(self.doc_id, (self.span_id,), select=self.span_id)

    def id(self) -> int:
        return MOVE_EDGE_ID if self._merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Consecutive edge moves of the same span are one undo step."""
        if not isinstance(other, UpdateSpan) or not other._merge or other.span_id != self.span_id:
            return False
        assert self.before is not None and other.before is not None
        for key, value in other.before.items():
            self.before.setdefault(key, value)
        self.changes.update(other.changes)
        return True


def _copy(value: Any) -> Any:
    return dict(value) if isinstance(value, dict) else value


class AddRelation(StoreCommand):
    def __init__(self, editor: Editor, doc_id: int, relation: Relation, *, select: int | None) -> None:
        super().__init__(
            editor, doc_id, QCoreApplication.translate("AddRelation", "Link {label}").format(label=relation.label)
        )
        self.relation = replace(relation)
        self.select = select
        self._checked = False

    def apply(self) -> Change:
        # The scheme is checked the first time; a redo restores exactly what was checked then.
        stored = self.editor.project.add_relation(replace(self.relation), check_labels=not self._checked)
        self._checked = True
        self.relation.id = stored.id
        return Change(self.doc_id, relations=True, select=self.select)

    def revert(self) -> Change:
        self.editor.project.delete_relation(self.relation.id)  # type: ignore[arg-type]
        return Change(self.doc_id, relations=True, select=self.select)


class DeleteRelation(StoreCommand):
    def __init__(self, editor: Editor, doc_id: int, relation: Relation, *, select: int | None) -> None:
        super().__init__(
            editor, doc_id, QCoreApplication.translate("DeleteRelation", "Remove {label}").format(label=relation.label)
        )
        self.relation_id: int = relation.id  # type: ignore[assignment]
        self.relation: Relation | None = None
        self.select = select

    def apply(self) -> Change:
        self.relation = self.editor.project.delete_relation(self.relation_id)
        return Change(self.doc_id, relations=True, select=self.select)

    def revert(self) -> Change:
        assert self.relation is not None
        self.editor.project.add_relation(replace(self.relation), check_labels=False)
        return Change(self.doc_id, relations=True, select=self.select)


class SetStatus(StoreCommand):
    def __init__(self, editor: Editor, doc_id: int, annotator: str, status: str) -> None:
        text = (
            QCoreApplication.translate("SetStatus", "Mark done")
            if status == "done"
            else QCoreApplication.translate("SetStatus", "Mark {replace}").format(replace=status.replace("_", " "))
        )
        super().__init__(editor, doc_id, text)
        self.annotator = annotator
        self.status = status
        self.before: str | None = None

    def apply(self) -> Change:
        before = self.editor.project.set_status(self.doc_id, self.annotator, self.status)
        if self.before is None:
            self.before = before
        return Change(self.doc_id, status=True, keep_selection=True)

    def revert(self) -> Change:
        assert self.before is not None
        self.editor.project.set_status(self.doc_id, self.annotator, self.before)
        return Change(self.doc_id, status=True, keep_selection=True)


class Editor(QObject):
    """Runs commands against ``project`` and keeps them on one undo stack for the whole project
    (undoing a change made in another document is fine: the window follows ``changed``)."""

    changed = Signal(object)  # a Change, after every apply, undo and redo
    failed = Signal(str)  # a message for the user

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.stack = QUndoStack(self)

    def set_project(self, project: Project) -> None:
        """Work on another project: its history starts empty."""
        self.project = project
        self.stack.clear()

    def execute(self, command: StoreCommand) -> bool:
        """Apply ``command`` now and push it; False (and ``failed``) if the store refused it."""
        try:
            change = command.apply()
        except (AnnotatorError, sqlite3.Error) as exc:
            self.failed.emit(str(exc))
            return False
        self.stack.push(command)
        self.changed.emit(change)
        return True

    def run_step(self, step) -> None:
        """Run an undo or redo step; if the store refuses it (the project was changed behind our
        back), say so and drop the history, which no longer matches the database."""
        try:
            change = step()
        except (AnnotatorError, sqlite3.Error) as exc:
            log.warning("undo/redo failed: %s", exc)
            self.failed.emit(
                self.tr("{exc}\n\nThe undo history no longer matches the project and was cleared.").format(exc=exc)
            )
            QTimer.singleShot(0, self.stack.clear)  # not while the stack is running this command
            return
        self.changed.emit(change)

    # -- the actions ------------------------------------------------------------------------

    def add_span(self, doc_id: int, span: Span) -> bool:
        return self.execute(AddSpan(self, doc_id, span))

    def delete_span(self, doc_id: int, span: Span) -> bool:
        return self.execute(DeleteSpan(self, doc_id, span))

    def update_span(self, doc_id: int, span: Span, text: str, *, merge: bool = False, **changes: Any) -> bool:
        return self.execute(UpdateSpan(self, doc_id, span.id, changes, text, merge=merge))  # type: ignore[arg-type]

    def add_relation(self, doc_id: int, relation: Relation, *, select: int | None) -> bool:
        return self.execute(AddRelation(self, doc_id, relation, select=select))

    def delete_relation(self, doc_id: int, relation: Relation, *, select: int | None) -> bool:
        return self.execute(DeleteRelation(self, doc_id, relation, select=select))

    def set_status(self, doc_id: int, annotator: str, status: str) -> bool:
        return self.execute(SetStatus(self, doc_id, annotator, status))
