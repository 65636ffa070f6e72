"""Annotation writes through the GUI's write path, for the crash tests (test_crash_kill.py).

The writer opens a project and performs seeded random edits with the GUI's own undo commands
(:class:`annotator.ui.commands.Editor`: AddSpan, UpdateSpan for label, offsets and attributes,
DeleteSpan, AddRelation, DeleteRelation, SetStatus, and undo/redo of them), which call the same
Project methods the main window does, one committed transaction per action.

For every write it prints two JSON lines to stdout, each flushed at once (one ``write`` call):

* ``{"n": 7, "phase": "begin", "op": ..., "effects": [...]}`` before the action runs, and
* ``{"n": 7, "phase": "ok", "op": ..., "effects": [...]}`` once the action has returned (so it
  is committed), or ``"phase": "fail"`` with the store's message if the store refused it.

``effects`` say what the database must hold afterwards, computed from the action (never read
back from the database): ``["span", id, fields]`` (the span now has these fields), ``["span-",
id]`` (the span is gone, and with it every relation touching it), ``["rel", id, fields]``,
``["rel-", id]``, ``["status", doc, annotator, status]`` and ``["touch", doc, annotator]`` (a
status that was "new" became "in_progress"). In a ``begin`` line the id of a span or relation
about to be added is ``null``.

Run it directly::

    python tests/reliability/writer.py DB --seed 3 [--max-writes 500] [--annotator amal]

or as a fork server (``--serve``), which the test uses so that 50+ runs do not each pay the
~1 s it takes a fresh Python to import sqlite-utils and Qt here. The server imports everything
once, holds no database connection, and for each request forks a child: a separate process with
its own SQLite connection, which the test kills with SIGKILL. Requests and replies are JSON lines
on stdin/stdout (a child's stdout goes to ``log``, its stderr to ``log`` + ".err")::

    {"cmd": "write", "db": ..., "seed": ..., "log": ..., "max_writes": ..., "annotator": ...} -> {"pid": ...}
    {"cmd": "import", "db": ..., "source": ..., "log": ...}  -> {"pid": ...}   (runs `annotator import`)
    {"cmd": "wait", "pid": ...}                               -> {"status": ..., "signal": ...}
    {"cmd": "quit"}
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication

from annotator.core.errors import AnnotatorError
from annotator.core.model import DOCUMENT_STATUSES, Relation, Span
from annotator.store.project import Project
from annotator.ui.commands import (
    AddRelation,
    AddSpan,
    DeleteRelation,
    DeleteSpan,
    Editor,
    SetStatus,
    StoreCommand,
    UpdateSpan,
)

MAX_SPANS_PER_DOCUMENT = 40


def _emit(record: dict[str, Any]) -> None:
    os.write(1, (json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"))


def span_fields(span: Span, doc_id: int) -> dict[str, Any]:
    return {
        "doc": doc_id,
        "annotator": span.annotator,
        "label": span.label,
        "start": span.start,
        "end": span.end,
        "attrs": dict(span.attrs),
    }


def relation_fields(relation: Relation, doc_id: int) -> dict[str, Any]:
    return {
        "doc": doc_id,
        "annotator": relation.annotator,
        "label": relation.label,
        "head": relation.head,
        "child": relation.child,
    }


class Writer:
    """Seeded random edits of one annotator's layer through an :class:`Editor`."""

    def __init__(self, project: Project, seed: int, annotator: str) -> None:
        self.project = project
        self.rng = random.Random(seed)
        self.annotator = annotator
        # The editor defers some work to the event loop (clearing the undo history after a failed
        # undo); an event loop turn after every action keeps it as in the GUI.
        self.app = QCoreApplication.instance() or QCoreApplication([])
        self.editor = Editor(project)
        self.failures: list[str] = []
        self.editor.failed.connect(self.failures.append)
        self.history: list[StoreCommand] = []  # mirrors the undo stack (index = stack.index())
        self.scheme = project.scheme()
        self.documents = [(info.id, info.length) for info in project.document_list()]
        self.n = 0

    # -- choosing -------------------------------------------------------------------------

    def step(self) -> None:
        self._step()
        self.app.processEvents()

    def _step(self) -> None:
        doc_id, length = self.rng.choice(self.documents)
        spans = self.project.spans(doc_id, self.annotator)
        relations = self.project.relations(doc_id, self.annotator)
        stack = self.editor.stack
        roll = self.rng.random()
        if roll < 0.06 and stack.canUndo():
            self.undo()
        elif roll < 0.09 and stack.canRedo():
            self.redo()
        elif (roll < 0.40 and len(spans) < MAX_SPANS_PER_DOCUMENT) or not spans:
            self.add_span(doc_id, length)
        elif roll < 0.52:
            self.move_or_relabel(doc_id, length, self.rng.choice(spans))
        elif roll < 0.60:
            self.set_attrs(doc_id, self.rng.choice(spans))
        elif roll < 0.72 or len(spans) >= MAX_SPANS_PER_DOCUMENT:
            self.delete_span(doc_id, self.rng.choice(spans))
        elif roll < 0.88:
            self.add_relation(doc_id, spans)
        elif roll < 0.94 and relations:
            self.delete_relation(doc_id, self.rng.choice(relations))
        else:
            self.set_status(doc_id)

    def _range(self, length: int) -> tuple[int, int]:
        start = self.rng.randrange(0, length - 1)
        return start, min(length, start + self.rng.randint(1, 40))

    def _attrs(self, label: str) -> dict[str, Any]:
        definition = self.scheme.span_label(label)
        if definition is None:
            return {}
        return {a.name: a.default for a in definition.attributes if a.default is not None}

    # -- the actions ----------------------------------------------------------------------

    def add_span(self, doc_id: int, length: int) -> None:
        start, end = self._range(length)
        label = self.rng.choice(self.scheme.span_label_names)
        span = Span(start, end, label, self.annotator, self._attrs(label))
        command = AddSpan(self.editor, doc_id, span)
        effects = [["span", None, span_fields(span, doc_id)], ["touch", doc_id, self.annotator]]
        self.run(
            "add_span", command, effects, lambda: [["span", command.span.id, span_fields(span, doc_id)], effects[1]]
        )

    def move_or_relabel(self, doc_id: int, length: int, span: Span) -> None:
        if self.rng.random() < 0.5:
            start, end = self._range(length)
            changes: dict[str, Any] = {"start": start, "end": end}
        else:
            label = self.rng.choice(self.scheme.span_label_names)
            changes = {"label": label, "attrs": self._attrs(label)}
        self._update(doc_id, span, changes, "update_span")

    def set_attrs(self, doc_id: int, span: Span) -> None:
        attrs = dict(span.attrs)
        attrs["note"] = self.rng.choice(["", "موثوق", "O'Brien\"; DROP TABLE spans;--", "x" * self.rng.randint(1, 30)])
        attrs["n"] = self.rng.randint(-5, 5)
        self._update(doc_id, span, {"attrs": attrs}, "set_attrs")

    def _update(self, doc_id: int, span: Span, changes: dict[str, Any], op: str) -> None:
        after = replace(span, **{"attrs": dict(span.attrs), **changes})
        command = UpdateSpan(self.editor, doc_id, span.id, changes, f"Change {span.label}")  # type: ignore[arg-type]
        effects = [["span", span.id, span_fields(after, doc_id)]]
        self.run(op, command, effects, lambda: effects)

    def delete_span(self, doc_id: int, span: Span) -> None:
        command = DeleteSpan(self.editor, doc_id, span)
        effects = [["span-", span.id]]
        self.run("delete_span", command, effects, lambda: effects)

    def add_relation(self, doc_id: int, spans: list[Span]) -> None:
        options = [
            (rel.name, head, child)
            for rel in self.scheme.relation_labels
            for head in spans
            for child in spans
            if head.id != child.id and rel.allows(head.label, child.label)
        ]
        if not options:
            self.add_span(doc_id, self.project._document_length(doc_id))
            return
        label, head, child = self.rng.choice(options)
        relation = Relation(head.id, child.id, label, self.annotator)  # type: ignore[arg-type]
        command = AddRelation(self.editor, doc_id, relation, select=head.id)
        effects = [["rel", None, relation_fields(relation, doc_id)]]
        self.run(
            "add_relation", command, effects, lambda: [["rel", command.relation.id, relation_fields(relation, doc_id)]]
        )

    def delete_relation(self, doc_id: int, relation: Relation) -> None:
        command = DeleteRelation(self.editor, doc_id, relation, select=None)
        effects = [["rel-", relation.id]]
        self.run("delete_relation", command, effects, lambda: effects)

    def set_status(self, doc_id: int) -> None:
        status = self.rng.choice(DOCUMENT_STATUSES[1:])
        command = SetStatus(self.editor, doc_id, self.annotator, status)
        effects = [["status", doc_id, self.annotator, status]]
        self.run("set_status", command, effects, lambda: effects)

    # -- running --------------------------------------------------------------------------

    def run(self, op: str, command: StoreCommand, planned: list, done) -> None:
        self.n += 1
        _emit({"n": self.n, "phase": "begin", "op": op, "effects": planned})
        index = self.editor.stack.index()
        if self.editor.execute(command):
            self.history[index:] = [command]
            _emit({"n": self.n, "phase": "ok", "op": op, "effects": done()})
        else:
            _emit({"n": self.n, "phase": "fail", "op": op, "message": self.failures[-1] if self.failures else ""})

    def _step_history(self, op: str, command: StoreCommand, effects: list, action) -> None:
        self.n += 1
        _emit({"n": self.n, "phase": "begin", "op": op, "effects": effects})
        failed = len(self.failures)
        action()
        if len(self.failures) > failed:
            _emit({"n": self.n, "phase": "fail", "op": op, "message": self.failures[-1]})
        else:
            _emit({"n": self.n, "phase": "ok", "op": op, "effects": effects})

    def undo(self) -> None:
        command = self.history[self.editor.stack.index() - 1]
        self._step_history(f"undo {type(command).__name__}", command, reverse_effects(command), self.editor.stack.undo)

    def redo(self) -> None:
        command = self.history[self.editor.stack.index()]
        self._step_history(f"redo {type(command).__name__}", command, forward_effects(command), self.editor.stack.redo)


def forward_effects(command: StoreCommand) -> list:
    """What applying ``command`` again (a redo) leaves in the database."""
    doc = command.doc_id
    if isinstance(command, AddSpan):
        effects: list = [
            ["span", command.span.id, span_fields(command.span, doc)],
            ["touch", doc, command.span.annotator],
        ]
        effects += [["rel", r.id, relation_fields(r, doc)] for r in command.relations]
        return effects
    if isinstance(command, DeleteSpan):
        return [["span-", command.span_id]]
    if isinstance(command, UpdateSpan):
        span = command.editor.project.span(command.span_id)
        return [["span", command.span_id, span_fields(replace(span, **command.changes), doc)]]
    if isinstance(command, AddRelation):
        return [["rel", command.relation.id, relation_fields(command.relation, doc)]]
    if isinstance(command, DeleteRelation):
        return [["rel-", command.relation_id]]
    if isinstance(command, SetStatus):
        return [["status", doc, command.annotator, command.status]]
    raise TypeError(command)


def reverse_effects(command: StoreCommand) -> list:
    """What undoing ``command`` leaves in the database."""
    doc = command.doc_id
    if isinstance(command, AddSpan):
        return [["span-", command.span.id]]
    if isinstance(command, DeleteSpan):
        assert command.span is not None
        effects: list = [
            ["span", command.span_id, span_fields(command.span, doc)],
            ["touch", doc, command.span.annotator],
        ]
        effects += [["rel", r.id, relation_fields(r, doc)] for r in command.relations]
        return effects
    if isinstance(command, UpdateSpan):
        assert command.before is not None
        span = command.editor.project.span(command.span_id)
        return [["span", command.span_id, span_fields(replace(span, **command.before), doc)]]
    if isinstance(command, AddRelation):
        return [["rel-", command.relation.id]]
    if isinstance(command, DeleteRelation):
        assert command.relation is not None
        return [["rel", command.relation_id, relation_fields(command.relation, doc)]]
    if isinstance(command, SetStatus):
        assert command.before is not None
        return [["status", doc, command.annotator, command.before]]
    raise TypeError(command)


def write(db: str, seed: int, *, max_writes: int, annotator: str) -> int:
    project = Project.open(db)
    writer = Writer(project, seed, annotator)
    _emit({"phase": "open", "pid": os.getpid(), "seed": seed})
    while writer.n < max_writes:
        writer.step()
    project.close()
    _emit({"phase": "done", "writes": writer.n})
    return 0


def run_import(db: str, source: str) -> int:
    from annotator.cli import cli

    _emit({"phase": "open", "pid": os.getpid()})
    try:
        cli.main(args=["import", db, source], prog_name="annotator", standalone_mode=True)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 1
    return 0


# -- the fork server ------------------------------------------------------------------------


def _child(log: str, body) -> None:
    """In a forked child: stdout goes to ``log``, stderr to ``log`` + ".err"; never returns."""
    code = 1
    try:
        for target, name in ((1, log), (2, log + ".err")):
            fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND, 0o644)
            os.dup2(fd, target)
            os.close(fd)
        sys.stdout = open(1, "w", encoding="utf-8", buffering=1, closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", encoding="utf-8", buffering=1, closefd=False)  # noqa: SIM115
        code = body()
    except BaseException as exc:  # report, never fall back into the server loop
        try:
            os.write(2, f"writer child failed: {exc!r}\n".encode())
        finally:
            code = 3
    finally:
        os._exit(code)


def serve() -> int:
    for raw in sys.stdin:
        request = json.loads(raw)
        cmd = request["cmd"]
        if cmd == "quit":
            break
        if cmd == "wait":
            _pid, status = os.waitpid(request["pid"], 0)
            reply: dict[str, Any] = {
                "status": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
                "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
            }
        elif cmd in ("write", "import"):
            if cmd == "write":

                def body(r=request) -> int:
                    return write(r["db"], r["seed"], max_writes=r.get("max_writes", 10**9), annotator=r["annotator"])
            else:

                def body(r=request) -> int:
                    return run_import(r["db"], r["source"])

            pid = os.fork()
            if pid == 0:
                _child(request["log"], body)
            reply = {"pid": pid}
        else:
            reply = {"error": f"unknown command {cmd!r}"}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", nargs="?")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-writes", type=int, default=10**9)
    parser.add_argument("--annotator", default="amal")
    parser.add_argument("--serve", action="store_true", help="run as a fork server (see the module docstring)")
    args = parser.parse_args(argv)
    if args.serve:
        return serve()
    if not args.db:
        parser.error("give the project database, or --serve")
    try:
        return write(args.db, args.seed, max_writes=args.max_writes, annotator=args.annotator)
    except AnnotatorError as exc:
        print(f"writer: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
