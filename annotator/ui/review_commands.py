"""Undo commands for adjudication: every change to the gold layer made in review mode.

A :class:`GoldCommand` runs one operation of :mod:`annotator.review.adjudication` (which writes
and commits at once, in one transaction) and keeps the :class:`GoldChange` it returns; undo and
redo replay that record (:func:`undo_change`, :func:`redo_change`), so spans and relations come
back with their ids and the commands around it on the window's one undo stack keep working.
An operation that changes nothing never enters the stack.
"""

from __future__ import annotations

from collections.abc import Callable

from annotator.review.adjudication import GoldChange, redo_change, undo_change
from annotator.store.project import Project
from annotator.ui.commands import Change, Editor, StoreCommand

Operation = Callable[[Project], GoldChange]


class GoldCommand(StoreCommand):
    """One adjudication step on document ``doc_id`` (``operation(project)`` does it the first time)."""

    def __init__(self, editor: Editor, doc_id: int, text: str, operation: Operation) -> None:
        super().__init__(editor, doc_id, text)
        self.operation = operation
        self.change: GoldChange | None = None

    def apply(self) -> Change:
        project = self.editor.project
        if self.change is None:
            self.change = self.operation(project)
            if self.change.empty:
                self.setObsolete(True)  # QUndoStack.push drops it
        else:
            redo_change(project, self.change)
        added = [s.id for s in self.change.added_spans if s.id is not None]
        if len(added) == 1:  # show the span just accepted (not after accepting many at once)
            return Change(self.doc_id, self.change.span_ids(), relations=True, status=True, select=added[0])
        return Change(self.doc_id, self.change.span_ids(), relations=True, status=True, keep_selection=True)

    def revert(self) -> Change:
        assert self.change is not None
        undo_change(self.editor.project, self.change)
        return Change(self.doc_id, self.change.span_ids(), relations=True, status=True, select=None)


def run_gold(editor: Editor, doc_id: int, text: str, operation: Operation) -> GoldChange | None:
    """Run ``operation`` as an undoable command; the change it made (None if the store refused it)."""
    command = GoldCommand(editor, doc_id, text, operation)
    if not editor.execute(command):
        return None
    return command.change
