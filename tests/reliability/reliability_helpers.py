"""Shared by the reliability tests: full dumps of a project file, the annotation state the crash
tests check writes against, the fork-server client, and the figures printed at the end of a run.
"""

from __future__ import annotations

import copy
import json
import os
import sqlite3
import subprocess
import sys
from collections import Counter
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.model import Document, Relation, Span
from annotator.store.project import Project

HERE = Path(__file__).resolve().parent
WRITER = HERE / "writer.py"
DATA = HERE.parent / "data"
BAD = DATA / "bad"
SCHEMAS = DATA / "schemas"

# Figures printed in the terminal summary (see conftest.py) and quoted in docs/reliability.md.
FIGURES: Counter[str] = Counter()

TIMESTAMP_COLUMNS = frozenset({"created", "updated"})


# -- dumps ----------------------------------------------------------------------------------


def full_dump(path: str | Path, *, timestamps: bool = True) -> dict[str, Any]:
    """Everything in a project file: schema, user_version and every row of every table, sorted.

    Read through a plain read-only connection, so taking the dump changes nothing (no migration,
    no WAL mode switch). Without ``timestamps`` the created/updated columns are left out, so two
    imports of the same file compare equal.
    """
    conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
    try:
        out: dict[str, Any] = {"user_version": conn.execute("PRAGMA user_version").fetchone()[0]}
        schema = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()
        out["schema"] = schema
        for _type, name, _sql in schema:
            if _type != "table" or name.startswith("sqlite_"):
                continue
            cursor = conn.execute(f"SELECT * FROM [{name}]")
            names = [d[0] for d in cursor.description]
            keep = [i for i, n in enumerate(names) if timestamps or n not in TIMESTAMP_COLUMNS]
            rows = [tuple(row[i] for i in keep) for row in cursor]
            out[name] = sorted(rows, key=repr)
        return out
    finally:
        conn.close()


def dump_files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (name -> bytes): a project file with its -wal and backups."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# -- the annotation state the crash tests check --------------------------------------------


@dataclass
class State:
    spans: dict[int, dict[str, Any]] = field(default_factory=dict)
    rels: dict[int, dict[str, Any]] = field(default_factory=dict)
    status: dict[tuple[int, str], str] = field(default_factory=dict)

    def copy(self) -> State:
        return copy.deepcopy(self)


def read_state(project: Project) -> State:
    state = State()
    for row in project.conn.execute(
        'SELECT s.id, s.document_id, a.name, s.label, s."start", s."end", s.attrs FROM spans s '
        "JOIN annotators a ON a.id = s.annotator_id"
    ):
        state.spans[row[0]] = {
            "doc": row[1],
            "annotator": row[2],
            "label": row[3],
            "start": row[4],
            "end": row[5],
            "attrs": json.loads(row[6]),
        }
    for row in project.conn.execute(
        "SELECT r.id, r.document_id, a.name, r.label, r.head_id, r.child_id FROM relations r "
        "JOIN annotators a ON a.id = r.annotator_id"
    ):
        state.rels[row[0]] = {"doc": row[1], "annotator": row[2], "label": row[3], "head": row[4], "child": row[5]}
    for row in project.conn.execute(
        "SELECT st.document_id, a.name, st.status FROM document_status st JOIN annotators a ON a.id = st.annotator_id"
    ):
        state.status[(row[0], row[1])] = row[2]
    return state


def restrict(state: State, annotator: str) -> State:
    """The part of ``state`` in one annotator's layer."""
    return State(
        {i: f for i, f in state.spans.items() if f["annotator"] == annotator},
        {i: f for i, f in state.rels.items() if f["annotator"] == annotator},
        {k: v for k, v in state.status.items() if k[1] == annotator},
    )


class Mismatch(AssertionError):
    pass


def apply_effects(state: State, effects: list, actual: State | None = None) -> State:
    """``state`` after ``effects`` (see writer.py). An added span or relation whose id is not
    known (an action that had begun but not reported) takes the id of a matching new row of
    ``actual``; with none there, Mismatch."""
    for effect in effects:
        kind = effect[0]
        if kind in ("span", "rel"):
            table = state.spans if kind == "span" else state.rels
            ident, fields = effect[1], effect[2]
            if ident is None:
                found = actual.spans if actual is not None and kind == "span" else actual.rels if actual else {}
                candidates = [i for i, f in found.items() if i not in table and f == fields]
                if not candidates:
                    raise Mismatch(f"no new {kind} with {fields}")
                ident = candidates[0]
            table[ident] = dict(fields)
        elif kind == "span-":
            state.spans.pop(effect[1], None)
            for rid in [r for r, f in state.rels.items() if effect[1] in (f["head"], f["child"])]:
                del state.rels[rid]
        elif kind == "rel-":
            state.rels.pop(effect[1], None)
        elif kind == "status":
            state.status[(effect[1], effect[2])] = effect[3]
        elif kind == "touch":
            state.status.setdefault((effect[1], effect[2]), "in_progress")
        else:
            raise ValueError(effect)
    return state


def read_log(path: Path) -> list[dict[str, Any]]:
    """The complete JSON lines of a writer's log (a line cut short by the kill is not reported)."""
    data = path.read_bytes()
    lines = data.split(b"\n")[:-1]  # the part after the last newline was never completely written
    out = []
    for line in lines:
        try:
            out.append(json.loads(line))
        except ValueError as exc:
            raise AssertionError(f"{path}: not a writer line: {line[:200]!r}") from exc
    return out


@dataclass
class RunResult:
    committed: int  # writes reported committed, all found
    failed: int  # writes the store refused (nothing may have changed)
    in_flight: str  # "none", "committed" or "not committed"
    state: State


def check_run(before: State, records: list[dict[str, Any]], actual: State) -> RunResult:
    """Check the state after a killed writer: every reported write is there, and the one write
    that had begun but not been reported is either wholly there or wholly absent."""
    finished = {r["n"] for r in records if r.get("phase") in ("ok", "fail")}
    begun = [r for r in records if r.get("phase") == "begin"]
    pending = [r for r in begun if r["n"] not in finished]
    assert len(pending) <= 1, f"more than one write in flight: {pending}"
    expected = before.copy()
    committed = failed = 0
    for record in records:
        if record.get("phase") == "ok":
            apply_effects(expected, record["effects"])
            committed += 1
        elif record.get("phase") == "fail":
            failed += 1
    if actual == expected:
        return RunResult(committed, failed, "not committed" if pending else "none", actual)
    if pending:
        try:
            alternative = apply_effects(expected.copy(), pending[0]["effects"], actual)
        except Mismatch:
            alternative = None
        if alternative == actual:
            return RunResult(committed, failed, "committed", actual)
    raise AssertionError(f"database does not match the reported writes: {describe_diff(expected, actual)}")


def describe_diff(expected: State, actual: State) -> str:
    parts = []
    for name in ("spans", "rels", "status"):
        a, b = getattr(expected, name), getattr(actual, name)
        missing = {k: a[k] for k in a.keys() - b.keys()}
        extra = {k: b[k] for k in b.keys() - a.keys()}
        changed = {k: (a[k], b[k]) for k in a.keys() & b.keys() if a[k] != b[k]}
        if missing or extra or changed:
            parts.append(f"{name}: missing {missing}, unexpected {extra}, changed {changed}")
    return "; ".join(parts) or "(no difference)"


# -- projects -------------------------------------------------------------------------------

TEXTS = [
    'قال المتحدث باسم الكرملين ديمتري بيسكوف إن "الرئيس بوتين أشار إلى ضرورة إطلاق مفاوضات" مع أوكرانيا 😀.',
    "أعلنت وزارة الصحة في القاهرة أن عدد الإصابات بلغ ٣٠٠ حالة، وقال الوزير إن الوضع تحت السيطرة.\nسطر ثان.",
    "NATO (حلف شمال الأطلسي) يضم 32 دولة، وقال Jens Stoltenberg إن الحلف سيبقى موحدا 🇸🇦.",
]


def make_project(path: Path, *, documents: int = 3) -> Path:
    """A project with a few Arabic documents and some spans by another annotator ("omar")."""
    with Project.create(path) as project:
        project.set_setting("annotator", "amal")
        for n in range(documents):
            text = TEXTS[n % len(TEXTS)]
            doc = project.add_document(Document(text=text, ext_id=f"doc-{n}", title=f"خبر {n}"))
            quote = project.add_span(doc, Span(10, 40, "QUOTE", "omar", {"type": "direct"}))
            per = project.add_span(doc, Span(0, 3, "PER", "omar"))
            project.add_relation(Relation(quote.id, per.id, "SAID_BY", "omar"))  # type: ignore[arg-type]
    return path


def write_import_source(path: Path, documents: int, *, prefix: str = "imp") -> Path:
    """A JSONL file of ``documents`` records, each with spans and a relation."""
    text = TEXTS[0] * 20
    with path.open("w", encoding="utf-8") as out:
        for n in range(documents):
            record = {
                "id": f"{prefix}-{n}",
                "text": text,
                "meta": {"title": f"وثيقة {n}"},
                "spans": [
                    {
                        "id": "q",
                        "start": 50,
                        "end": 90,
                        "label": "QUOTE",
                        "annotator": "import",
                        "attrs": {"type": "direct"},
                    },
                    {"id": "p", "start": 27, "end": 40, "label": "PER", "annotator": "import"},
                    {"id": "o", "start": 18, "end": 26, "label": "ORG", "annotator": "import"},
                    {"id": "g", "start": 92 + n % 3, "end": 99, "label": "GPE", "annotator": "import"},
                ],
                "relations": [{"head": "q", "child": "p", "label": "SAID_BY"}],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


# -- the fork server --------------------------------------------------------------------------


class ForkServer:
    """Client of ``writer.py --serve`` (see its docstring)."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(WRITER), "--serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )

    def request(self, **fields: Any) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(fields) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the fork server ended (exit code {self.process.poll()})")
        reply = json.loads(line)
        if "error" in reply:
            raise RuntimeError(reply["error"])
        return reply

    def close(self) -> None:
        if self.process.poll() is None:
            with suppress(RuntimeError, BrokenPipeError, ValueError):  # it ends without a reply
                self.request(cmd="quit")
        self.process.wait(timeout=10)
