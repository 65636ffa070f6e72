"""Send documents out to annotators and bring their work back.

:func:`package_project` writes a project database for one annotator: the chosen documents (text,
id, title, meta), the label scheme and that annotator's existing layer, nothing of anyone else's.
:func:`merge_projects` brings annotators' layers back from such files (or any project database):

* documents are matched by external id and text; by text alone when the ids differ (reported); a
  document whose id matches but whose text differs is reported and left out; documents the project
  does not have are added (reported);
* a span is identified by (annotator, label, start, end): merging the same file twice adds nothing.
  When both sides hold a span with different attributes, the incoming attributes replace the
  project's only if the incoming span was changed later (its ``updated`` time is newer), else the
  project's are kept; both outcomes are counted;
* a label missing from this project's scheme, or of another kind here, is a conflict: it is
  reported with what to do, and its spans (and their relations) are skipped and counted;
* a document's status for an annotator: the later one wins (set in the same second: the one further
  along, done over in progress over new);
* spans of the project's layer that the incoming file does not have are kept and counted
  (a merge adds and updates; it never deletes);
* merging never changes a document's text nor any layer other than the incoming annotators' own;
  the ``gold`` layer comes in only when asked for.

Each incoming file is merged in one transaction: an error leaves the project as it was before
that file. Incoming files are only read, never changed.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError, Cancelled, SchemaVersionError
from annotator.core.labels import LabelScheme, RelationLabel, SpanLabel
from annotator.core.model import DOCUMENT_STATUSES, GOLD, Document, Relation, Span, check_offsets
from annotator.core.text import content_hash
from annotator.store.project import Project, file_damage, now
from annotator.store.schema import SCHEMA_VERSION

Progress = Callable[[int, int], None]
"""Called as progress(done, total) during long work; it may raise Cancelled to stop."""

SpanKey = tuple[str, int, int]  # (label, start, end) within one annotator's layer of one document


# -- package ------------------------------------------------------------------------------


@dataclass
class PackageReport:
    """What :func:`package_project` wrote."""

    path: Path
    annotator: str
    documents: int = 0
    spans: int = 0
    relations: int = 0
    statuses: int = 0

    def summary(self) -> str:
        return (
            f"{self.path}: {self.documents} documents for {self.annotator} "
            f"(their layer: {self.spans} spans, {self.relations} relations)"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "annotator": self.annotator,
            "documents": self.documents,
            "spans": self.spans,
            "relations": self.relations,
            "statuses": self.statuses,
        }


def _select_documents(project: Project, documents: list[str] | None) -> list[int]:
    if documents is None:
        return project.document_ids()
    ids, unknown = [], []
    for ext_id in dict.fromkeys(documents):
        found = project.find_document(ext_id)
        if found is None:
            unknown.append(ext_id)
        else:
            ids.append(found)
    if unknown:
        raise AnnotatorError(f"no document with id {', '.join(map(repr, unknown))}")
    return ids


def package_project(
    project: Project,
    out_path: str | Path,
    *,
    annotator: str,
    documents: list[str] | None = None,
    progress: Progress | None = None,
) -> PackageReport:
    """Write a new project database at ``out_path`` for ``annotator`` to work on offline.

    It holds the chosen documents (external ids; all if None) with their id, title, text and meta,
    this project's label scheme, and ``annotator``'s existing spans, relations and document status
    for them (timestamps kept, so a later merge can tell what changed). Its ``annotator`` setting
    names the annotator. An existing file is never overwritten; on any error no file is left.
    """
    out = Path(out_path)
    if not annotator or not annotator.strip():
        raise AnnotatorError("an annotator name cannot be empty")
    if out.exists():
        raise AnnotatorError(f"{out}: already exists (choose another name, or remove it first)")
    if not out.parent.is_dir():
        raise AnnotatorError(f"{out.parent}: no such folder")
    doc_ids = _select_documents(project, documents)
    report = PackageReport(path=out, annotator=annotator)
    partial = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        package = Project.create(partial, scheme=project.scheme())
        try:
            with package.transaction():
                package.set_setting("annotator", annotator)
                package.set_setting("packaged_at", now())
                package.set_setting("packaged_from", project.path.name if project.path else "")
                package.annotator_id(annotator)
                for done, doc_id in enumerate(doc_ids):
                    if progress is not None:
                        progress(done, len(doc_ids))
                    doc = project.document(doc_id)
                    new_id = package.add_document(
                        Document(text=doc.text, ext_id=doc.ext_id, title=doc.title, meta=doc.meta)
                    )
                    records = project.span_records(doc_id, annotator)
                    copied = package.add_span_records(new_id, records)
                    ids = {old.id: new.id for (old, _, _), new in zip(records, copied, strict=True)}
                    for rel in project.relations(doc_id, annotator):
                        if rel.head in ids and rel.child in ids:
                            package.add_relation(
                                Relation(ids[rel.head], ids[rel.child], rel.label, annotator=annotator),
                                check_labels=False,
                            )
                            report.relations += 1
                    status = project.document_statuses(doc_id).get(annotator)
                    if status is not None:
                        package.set_status_record(new_id, annotator, status[0], updated=status[1])
                        report.statuses += 1
                    report.documents += 1
                    report.spans += len(copied)
        finally:
            package.close()
        if progress is not None:
            progress(len(doc_ids), len(doc_ids))
        _move_no_overwrite(partial, out)
    finally:
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)
    return report


def _move_no_overwrite(source: Path, target: Path) -> None:
    """Move ``source`` to ``target``, failing (and keeping ``target``) if ``target`` appeared meanwhile."""
    try:
        os.link(source, target)  # fails if target exists: no window in which it could be overwritten
    except FileExistsError as exc:
        raise AnnotatorError(f"{target}: already exists (choose another name, or remove it first)") from exc
    except OSError:  # a file system without hard links
        if target.exists():
            raise AnnotatorError(f"{target}: already exists (choose another name, or remove it first)") from None
        os.replace(source, target)
        return
    source.unlink()


# -- merge --------------------------------------------------------------------------------


@dataclass
class LabelConflict:
    """A label the incoming file uses that this project's scheme does not take as it is."""

    label: str
    type: str  # "span" or "relation"
    problem: str
    advice: str
    skipped: int = 0  # spans (or relations) with this label left out

    def message(self) -> str:
        what = "spans" if self.type == "span" else "relations"
        return f"{self.type} label {self.label}: {self.problem}; {self.advice} ({self.skipped} {what} skipped)"

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "type": self.type,
            "problem": self.problem,
            "advice": self.advice,
            "skipped": self.skipped,
        }


@dataclass
class LayerMerge:
    """What merging brought into one annotator's layer."""

    annotator: str
    spans_added: int = 0
    spans_present: int = 0  # identical span already in the layer
    attrs_updated: int = 0  # incoming attributes were newer and replaced the project's
    attrs_kept: int = 0  # the project's attributes were changed later (or at the same time): kept
    spans_skipped: Counter[str] = field(default_factory=Counter)  # label -> spans left out (scheme conflict)
    spans_only_here: int = 0  # in the project's layer but not in the incoming file: kept
    relations_added: int = 0
    relations_present: int = 0
    relations_skipped: Counter[str] = field(default_factory=Counter)  # reason -> relations left out
    statuses_updated: int = 0
    statuses_kept: int = 0  # the project's status was set later: kept

    @property
    def changed(self) -> int:
        return self.spans_added + self.attrs_updated + self.relations_added + self.statuses_updated

    def summary(self) -> str:
        parts = [f"{self.spans_added} spans added", f"{self.spans_present} already present"]
        if self.attrs_updated:
            parts.append(f"{self.attrs_updated} with newer attributes taken")
        if self.attrs_kept:
            parts.append(f"{self.attrs_kept} with attributes changed here later kept")
        if self.spans_skipped:
            parts.append(f"{sum(self.spans_skipped.values())} skipped (label conflicts)")
        if self.spans_only_here:
            parts.append(f"{self.spans_only_here} only in this project (kept)")
        parts.append(f"{self.relations_added} relations added")
        if self.relations_skipped:
            parts.append(f"{sum(self.relations_skipped.values())} relations skipped")
        if self.statuses_updated or self.statuses_kept:
            parts.append(f"{self.statuses_updated} document statuses taken, {self.statuses_kept} kept")
        return f"{self.annotator}: " + ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "annotator": self.annotator,
            "spans_added": self.spans_added,
            "spans_present": self.spans_present,
            "attrs_updated": self.attrs_updated,
            "attrs_kept": self.attrs_kept,
            "spans_skipped": dict(sorted(self.spans_skipped.items())),
            "spans_only_here": self.spans_only_here,
            "relations_added": self.relations_added,
            "relations_present": self.relations_present,
            "relations_skipped": dict(sorted(self.relations_skipped.items())),
            "statuses_updated": self.statuses_updated,
            "statuses_kept": self.statuses_kept,
        }


@dataclass
class FileMerge:
    """What one incoming file brought."""

    path: Path
    documents_matched: int = 0  # same id and same text
    matched_by_text: list[tuple[str, str]] = field(default_factory=list)  # (incoming id, id here)
    documents_added: list[str] = field(default_factory=list)
    text_differs: dict[str, int] = field(default_factory=dict)  # incoming id -> spans not merged
    ambiguous: dict[str, list[str]] = field(default_factory=dict)  # incoming id -> ids here with the same text
    layers: dict[str, LayerMerge] = field(default_factory=dict)
    conflicts: list[LabelConflict] = field(default_factory=list)
    labels_added: list[str] = field(default_factory=list)
    layers_not_merged: dict[str, int] = field(default_factory=dict)  # annotator (e.g. gold) -> spans left out

    def layer(self, annotator: str) -> LayerMerge:
        if annotator not in self.layers:
            self.layers[annotator] = LayerMerge(annotator)
        return self.layers[annotator]

    def messages(self) -> list[str]:
        """Everything a person should read about this file, one line each."""
        lines = [
            f"{self.path}: {self.documents_matched + len(self.matched_by_text)} documents matched, "
            f"{len(self.documents_added)} added"
        ]
        for incoming, here in self.matched_by_text:
            lines.append(f"document {incoming}: same text as {here} here (ids differ); merged into {here}")
        for ext_id in self.documents_added:
            lines.append(f"document {ext_id}: not in this project; added")
        for ext_id, spans in self.text_differs.items():
            lines.append(
                f"document {ext_id}: its text differs from the document of that id here; not merged "
                f"({spans} spans left out)"
            )
        for ext_id, here in self.ambiguous.items():
            lines.append(f"document {ext_id}: same text as several documents here ({', '.join(here)}); not merged")
        for label in self.labels_added:
            lines.append(f"label {label}: added to this project's scheme")
        lines += [c.message() for c in self.conflicts]
        for name, spans in self.layers_not_merged.items():
            why = "the gold layer is merged only when asked" if name == GOLD else "not selected"
            lines.append(f"layer {name}: not merged ({why}; {spans} spans)")
        lines += [layer.summary() for layer in self.layers.values()]
        return lines

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "documents_matched": self.documents_matched,
            "matched_by_text": [{"incoming": a, "here": b} for a, b in self.matched_by_text],
            "documents_added": self.documents_added,
            "text_differs": self.text_differs,
            "ambiguous": self.ambiguous,
            "labels_added": self.labels_added,
            "conflicts": [c.to_dict() for c in self.conflicts],
            "layers_not_merged": self.layers_not_merged,
            "layers": {name: layer.to_dict() for name, layer in self.layers.items()},
        }


@dataclass
class MergeReport:
    """What :func:`merge_projects` did, file by file."""

    files: list[FileMerge] = field(default_factory=list)

    @property
    def spans_added(self) -> int:
        return sum(layer.spans_added for f in self.files for layer in f.layers.values())

    @property
    def changed(self) -> int:
        """Everything the merge changed: 0 for a file merged before."""
        return sum(layer.changed for f in self.files for layer in f.layers.values()) + sum(
            len(f.documents_added) + len(f.labels_added) for f in self.files
        )

    @property
    def conflicts(self) -> list[LabelConflict]:
        return [c for f in self.files for c in f.conflicts]

    def messages(self) -> list[str]:
        return [line for f in self.files for line in f.messages()]

    def to_dict(self) -> dict[str, Any]:
        return {"files": [f.to_dict() for f in self.files], "spans_added": self.spans_added}


@contextmanager
def open_read_only(path: str | Path) -> Iterator[Project]:
    """Open a project database for reading only; one of an older schema is upgraded in a temporary copy."""
    path = Path(path)
    if not path.is_file():
        raise AnnotatorError(f"{path}: no such project database")
    had_wal, had_shm = Path(f"{path}-wal").exists(), Path(f"{path}-shm").exists()
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.Error as exc:
        raise AnnotatorError(f"{path}: not a project database ({exc})") from exc
    if version == 0 or not tables:
        conn.close()
        raise AnnotatorError(f"{path}: not an annotator project")
    if version > SCHEMA_VERSION:
        conn.close()
        raise SchemaVersionError(
            f"{path}: made by a newer annotator (schema {version}, this version reads up to {SCHEMA_VERSION})"
        )
    damage = file_damage(conn)
    if damage:
        conn.close()
        raise AnnotatorError(f"{path}: the project file is damaged ({damage}); nothing was merged from it")
    if version == SCHEMA_VERSION:
        project = Project(conn, path)
        try:
            yield project
        finally:
            conn.close()
            # Reading a WAL database makes SQLite create empty -wal/-shm files that a read-only
            # connection cannot remove: remove those this reading created, leaving the folder as it was.
            wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
            if not had_wal and wal.exists() and wal.stat().st_size == 0:
                wal.unlink(missing_ok=True)
                if not had_shm:
                    shm.unlink(missing_ok=True)
        return
    with tempfile.TemporaryDirectory(prefix="annotator-merge-") as tmp:
        copy = Path(tmp) / path.name
        target = sqlite3.connect(copy)
        try:
            conn.backup(target)
        finally:
            target.close()
            conn.close()
        project = Project.open(copy)  # migrates the copy, never the file itself
        try:
            project.path = path
            yield project
        finally:
            project.close()
            shutil.rmtree(tmp, ignore_errors=True)


def _same_file(a: Path, b: Path | None) -> bool:
    if b is None:
        return False
    try:
        return a.resolve() == b.resolve() or os.path.samefile(a, b)
    except OSError:
        return False


def _scheme_conflicts(
    here: LabelScheme, incoming: LabelScheme, source: str, add_labels: bool
) -> tuple[dict[str, LabelConflict], dict[str, LabelConflict], list[SpanLabel], list[RelationLabel]]:
    """Span and relation label conflicts (by label), and the labels to add (with ``add_labels``)."""
    span_conflicts: dict[str, LabelConflict] = {}
    relation_conflicts: dict[str, LabelConflict] = {}
    add_span: list[SpanLabel] = []
    add_relation: list[RelationLabel] = []
    missing_advice = f"add it with the scheme editor, or merge with --add-labels to take it from {source}"
    for label in incoming.span_labels:
        mine = here.span_label(label.name)
        if mine is None:
            if add_labels:
                add_span.append(label)
            else:
                span_conflicts[label.name] = LabelConflict(
                    label.name, "span", "not in this project's scheme", missing_advice
                )
        elif mine.kind != label.kind:
            span_conflicts[label.name] = LabelConflict(
                label.name,
                "span",
                f"kind {label.kind!r} in {source} but {mine.kind!r} here",
                "make the kinds agree in the scheme editor (here or in the annotator's copy), then merge again",
            )
    for rel in incoming.relation_labels:
        if here.relation_label(rel.name) is None:
            if add_labels:
                add_relation.append(rel)
            else:
                relation_conflicts[rel.name] = LabelConflict(
                    rel.name, "relation", "not in this project's scheme", missing_advice
                )
    return span_conflicts, relation_conflicts, add_span, add_relation


def merge_projects(
    project: Project,
    others: list[str | Path],
    *,
    include_gold: bool = False,
    annotators: list[str] | None = None,
    add_labels: bool = False,
    progress: Progress | None = None,
) -> MergeReport:
    """Bring the annotator layers of ``others`` (project database files) into ``project``.

    Every layer except ``gold`` is merged (``include_gold`` brings gold too; ``annotators`` limits
    the merge to those names). ``add_labels`` adds span and relation labels the project's scheme
    lacks (a label of another kind stays a conflict). See the module docstring for the rules.
    All files are checked before any is merged; each is then merged in one transaction, so an
    error (or Cancelled raised by ``progress``) undoes the file being merged, while files merged
    before it stay merged (the error message names them).
    """
    paths = [Path(p) for p in others]
    totals = []
    for path in paths:
        if _same_file(path, project.path):
            raise AnnotatorError(f"{path}: is this project itself")
        with open_read_only(path) as incoming:
            totals.append(len(incoming.document_ids()))
    report = MergeReport()
    done = 0
    for path, count in zip(paths, totals, strict=True):
        with open_read_only(path) as incoming:
            try:
                with project.transaction():
                    result = _merge_file(
                        project, incoming, path, include_gold, annotators, add_labels, progress, done, sum(totals)
                    )
            except Cancelled:
                raise  # this file's transaction is rolled back; files merged before it stay merged
            except (AnnotatorError, sqlite3.Error) as exc:
                merged = ", ".join(str(f.path) for f in report.files)
                already = f"; already merged: {merged}" if merged else ""
                raise AnnotatorError(f"{path}: merge failed, nothing of this file was merged ({exc}){already}") from exc
        report.files.append(result)
        done += count
    if progress is not None:
        progress(done, sum(totals))
    return report


def _merge_file(
    project: Project,
    incoming: Project,
    path: Path,
    include_gold: bool,
    annotators: list[str] | None,
    add_labels: bool,
    progress: Progress | None,
    done: int,
    total: int,
) -> FileMerge:
    result = FileMerge(path=path)
    here = project.scheme()
    span_conflicts, relation_conflicts, add_span, add_relation = _scheme_conflicts(
        here, incoming.scheme(), path.name, add_labels
    )
    keys = {label.key for label in here.span_labels if label.key}
    for label in add_span:
        if label.key in keys:  # a shortcut already taken here: the new label comes without one
            label = SpanLabel(label.name, label.kind, label.color, "", label.description, label.attributes)
        keys.add(label.key)
        project.add_span_label(label)
        result.labels_added.append(label.name)
    for rel in add_relation:
        project.add_relation_label(rel)
        result.labels_added.append(rel.name)
    relation_rules = {rel.name: rel for rel in project.scheme().relation_labels}

    layers = []
    for name in incoming.annotators():
        if (name == GOLD and not include_gold) or (annotators is not None and name not in annotators):
            spans = incoming.stats()["spans"].get(name, {})
            if sum(spans.values()):
                result.layers_not_merged[name] = sum(spans.values())
            continue
        layers.append(name)

    for k, doc in enumerate(incoming.iter_documents()):
        if progress is not None:
            progress(done + k, total)
        assert doc.id is not None
        target = _match_document(project, doc, result, layers, incoming)
        if target is None:
            continue
        for name in layers:
            _merge_layer(
                project, incoming, doc, target, name, result, span_conflicts, relation_conflicts, relation_rules
            )
    result.conflicts = [*span_conflicts.values(), *relation_conflicts.values()]
    return result


def _match_document(
    project: Project, doc: Document, result: FileMerge, layers: list[str], incoming: Project
) -> int | None:
    """The id of ``doc``'s document in ``project`` (added if it has none), or None if it cannot be merged."""
    assert doc.id is not None
    found = project.find_document(doc.ext_id)
    if found is not None:
        if project.document(found).text == doc.text:
            result.documents_matched += 1
            return found
        result.text_differs[doc.ext_id] = sum(len(incoming.spans(doc.id, name)) for name in layers)
        return None
    same_text = [
        d for d in project.find_documents_by_hash(content_hash(doc.text)) if project.document(d).text == doc.text
    ]
    if len(same_text) == 1:
        result.matched_by_text.append((doc.ext_id, project.document(same_text[0]).ext_id))
        return same_text[0]
    if same_text:
        result.ambiguous[doc.ext_id] = [project.document(d).ext_id for d in same_text]
        return None
    result.documents_added.append(doc.ext_id)
    return project.add_document(Document(text=doc.text, ext_id=doc.ext_id, title=doc.title, meta=doc.meta))


_PROGRESSION = {status: k for k, status in enumerate(DOCUMENT_STATUSES)}


def _later(incoming: tuple[str, str], mine: tuple[str, str]) -> bool:
    """Whether the incoming (status, updated) wins: set later; set in the same second, further along."""
    if incoming[1] != mine[1]:
        return incoming[1] > mine[1]
    return _PROGRESSION[incoming[0]] > _PROGRESSION[mine[0]]


def _merge_layer(
    project: Project,
    incoming: Project,
    doc: Document,
    target: int,
    name: str,
    result: FileMerge,
    span_conflicts: dict[str, LabelConflict],
    relation_conflicts: dict[str, LabelConflict],
    relation_rules: dict[str, RelationLabel],
) -> None:
    assert doc.id is not None
    records = incoming.span_records(doc.id, name)
    status = incoming.document_statuses(doc.id).get(name)
    if not records and status is None:
        return
    layer = result.layer(name)
    existing: dict[SpanKey, list[tuple[Span, str, str]]] = {}
    for record in project.span_records(target, name):
        span = record[0]
        existing.setdefault((span.label, span.start, span.end), []).append(record)

    mapped: dict[int | None, int | None] = {}  # incoming span id -> span id here (None: skipped)
    labels: dict[int | None, str] = {}
    to_add: list[tuple[Span, str, str]] = []
    for span, created, updated in records:
        labels[span.id] = span.label
        if span.label in span_conflicts:
            span_conflicts[span.label].skipped += 1
            layer.spans_skipped[span.label] += 1
            mapped[span.id] = None
            continue
        check_offsets(span.start, span.end, len(doc.text))
        same = existing.get((span.label, span.start, span.end))
        if same:
            mine, _, mine_updated = same.pop(0)
            mapped[span.id] = mine.id
            if mine.attrs == span.attrs:
                layer.spans_present += 1
            elif updated > mine_updated:
                assert mine.id is not None
                project.set_span_attrs(mine.id, span.attrs, updated=updated)
                layer.attrs_updated += 1
            else:
                layer.attrs_kept += 1
        else:
            to_add.append((span, created, updated))
    added = project.add_span_records(target, to_add)
    for (old, _, _), new in zip(to_add, added, strict=True):
        mapped[old.id] = new.id
    layer.spans_added += len(added)
    layer.spans_only_here += sum(len(rest) for rest in existing.values())

    present = {(r.label, r.head, r.child) for r in project.relations(target, name)}
    for rel in incoming.relations(doc.id, name):
        head, child = mapped.get(rel.head), mapped.get(rel.child)
        rule = relation_rules.get(rel.label)
        if rel.label in relation_conflicts:
            relation_conflicts[rel.label].skipped += 1
            layer.relations_skipped[f"{rel.label}: label conflict"] += 1
        elif head is None or child is None:
            layer.relations_skipped[f"{rel.label}: links a skipped span or one outside this layer"] += 1
        elif rule is not None and not rule.allows(labels[rel.head], labels[rel.child]):
            layer.relations_skipped[
                f"{rel.label}: this project's scheme does not link {labels[rel.head]} to {labels[rel.child]}"
            ] += 1
        elif (rel.label, head, child) in present:
            layer.relations_present += 1
        else:
            project.add_relation(Relation(head, child, rel.label, annotator=name), check_labels=False)
            present.add((rel.label, head, child))
            layer.relations_added += 1

    mine_status = project.document_statuses(target).get(name)
    if status is not None:
        if mine_status is None or (status[0] != mine_status[0] and _later(status, mine_status)):
            project.set_status_record(target, name, status[0], updated=status[1])
            layer.statuses_updated += 1
        elif status[0] != mine_status[0]:
            layer.statuses_kept += 1
    elif mine_status is None and added:
        project.set_status_record(target, name, "in_progress", updated=now())
