"""Validate parsed records and write them into a project: shared by every importer.

An importer turns its format into :class:`Record` objects (offsets into the record's own text,
as the file gives them) and hands them to a :class:`RecordLoader` inside one transaction. The
loader checks every span (offsets in range, ``start < end``, the given surface text matches,
label known), normalises newlines (moving offsets with the text), and stores the document, or
reuses it when a document with the same id and text is already there (so a repeated import adds
nothing). Errors are InputError naming the field, e.g. ``spans[2].end``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.errors import InputError, OffsetError
from annotator.core.labels import RelationLabel, SpanLabel
from annotator.core.model import Document, Relation, Span, check_offsets
from annotator.core.offsets import normalise_newlines
from annotator.core.text import first_line_title
from annotator.formats.report import ImportReport
from annotator.store.project import Project

DEFAULT_IMPORT_ANNOTATOR = "imported"


@dataclass
class RecordSpan:
    start: Any
    end: Any
    label: Any
    text: str | None = None
    id: Any = None
    annotator: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)
    field: str = "spans"  # where it came from, for error messages: "spans[3]"


@dataclass
class RecordRelation:
    head: Any
    child: Any
    label: Any
    annotator: str | None = None
    field: str = "relations"


@dataclass
class Record:
    text: str
    ext_id: str
    title: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    spans: list[RecordSpan] = field(default_factory=list)
    relations: list[RecordRelation] = field(default_factory=list)


class RecordLoader:
    """Stores records into ``project``; call inside ``project.transaction()``."""

    def __init__(
        self,
        project: Project,
        report: ImportReport,
        *,
        path: str,
        annotator: str | None = None,
        default_annotator: str | None = None,
        add_labels: bool = False,
    ) -> None:
        self.project = project
        self.report = report
        self.path = path
        self.annotator = annotator
        self.default_annotator = default_annotator or DEFAULT_IMPORT_ANNOTATOR
        self.add_labels = add_labels
        scheme = project.scheme()
        self.span_labels = set(scheme.span_label_names)
        self.relation_labels = set(scheme.relation_label_names)

    def _error(self, message: str, line: int | None, field_name: str | None) -> InputError:
        return InputError(message, path=self.path, line=line, field=field_name)

    def _label(self, label: Any, known: set[str], line: int | None, field_name: str, *, relation: bool) -> str:
        if not isinstance(label, str) or not label.strip():
            raise self._error(f"label must be a non-empty string, got {label!r}", line, field_name)
        if label not in known:
            if not self.add_labels:
                kind = "relation label" if relation else "label"
                raise self._error(
                    f"unknown {kind} {label!r} (not in the project's scheme; import with --add-labels to add it)",
                    line,
                    field_name,
                )
            if relation:
                self.project.add_relation_label(RelationLabel(label))
            else:
                self.project.add_span_label(SpanLabel(label, kind="other"))
            known.add(label)
            self.report.labels_added.append(label)
            self.report.notes.append(f"{self.path}: line {line}: label {label!r} added to the scheme")
        return label

    def load(self, record: Record, line: int | None) -> int:
        """Validate and store one record; returns the document id."""
        original = record.text
        norm = normalise_newlines(original)
        spans: list[tuple[Any, Span]] = []
        for item in record.spans:
            try:
                check_offsets(item.start, item.end, len(original))
            except OffsetError as exc:
                raise self._error(str(exc), line, f"{item.field}.{_offset_field(item, len(original))}") from exc
            if item.text is not None and original[item.start : item.end] != item.text:
                raise self._error(
                    f"span text {item.text!r} does not match the text at {item.start}..{item.end} "
                    f"({original[item.start : item.end]!r})",
                    line,
                    f"{item.field}.text",
                )
            label = self._label(item.label, self.span_labels, line, f"{item.field}.label", relation=False)
            if not isinstance(item.attrs, dict):
                raise self._error("attrs must be an object", line, f"{item.field}.attrs")
            who = self.annotator or item.annotator or self.default_annotator
            if not isinstance(who, str) or not who.strip():
                raise self._error(f"annotator must be a non-empty string, got {who!r}", line, f"{item.field}.annotator")
            start, end = norm.map_offset(item.start), norm.map_offset(item.end)
            if start >= end:  # e.g. a span holding only the CR of a CRLF pair, which normalisation drops
                raise self._error(
                    f"span {item.start}..{item.end} is empty once CRLF is normalised to LF", line, f"{item.field}.end"
                )
            spans.append((item.id, Span(start, end, label, who, dict(item.attrs))))
        seen_ids: set[str] = set()
        for item in record.spans:
            if item.id is not None:
                if str(item.id) in seen_ids:
                    raise self._error(f"span id {item.id!r} repeats within the record", line, f"{item.field}.id")
                seen_ids.add(str(item.id))
        by_id = {str(sid): span for sid, span in spans if sid is not None}
        relations: list[tuple[Relation, Span, Span]] = []
        for rel in record.relations:
            head, child = by_id.get(str(rel.head)), by_id.get(str(rel.child))
            if head is None:
                raise self._error(
                    f"relation head {rel.head!r} is not a span id of this record", line, f"{rel.field}.head"
                )
            if child is None:
                raise self._error(
                    f"relation child {rel.child!r} is not a span id of this record", line, f"{rel.field}.child"
                )
            label = self._label(rel.label, self.relation_labels, line, f"{rel.field}.label", relation=True)
            who = self.annotator or rel.annotator or head.annotator
            relations.append((Relation(0, 0, label, who), head, child))

        doc_id, is_new = self._document(record, norm.text, norm.style, original, line)
        stored = {} if is_new else {(s.annotator, s.label, s.start, s.end): s.id for s in self.project.spans(doc_id)}
        pending: dict[tuple[str, str, int, int], Span] = {}
        for _, span in spans:
            key = (span.annotator, span.label, span.start, span.end)
            if key in stored or key in pending:
                self.report.spans_skipped += 1
            else:
                pending[key] = span
        if pending:
            self.project.add_spans(doc_id, list(pending.values()))
            self.report.spans_added += len(pending)
        for _, span in spans:  # a duplicate points at the span stored for its key
            key = (span.annotator, span.label, span.start, span.end)
            span.id = stored[key] if key in stored else pending[key].id
        known_rel = (
            set() if is_new else {(r.annotator, r.label, r.head, r.child) for r in self.project.relations(doc_id)}
        )
        new_relations = []
        for relation, head, child in relations:
            relation.head, relation.child = head.id or 0, child.id or 0
            key = (relation.annotator, relation.label, relation.head, relation.child)
            if key in known_rel:
                self.report.relations_skipped += 1
                continue
            new_relations.append(relation)
            known_rel.add(key)
        self.project.add_relations(doc_id, new_relations)
        self.report.relations_added += len(new_relations)
        return doc_id

    def _document(self, record: Record, text: str, newlines: str, original: str, line: int | None) -> tuple[int, bool]:
        """The id of the record's document (added now, or matched), and whether it is new."""
        ext_id = record.ext_id
        doc_id = self.project.find_document(ext_id)
        if doc_id is not None:
            if self.project.document(doc_id).text != text:
                raise self._error(f"document {ext_id!r} is already in the project with a different text", line, "text")
            self.report.documents_matched += 1
            return doc_id, False
        meta = dict(record.meta)
        if newlines not in ("lf", "none"):
            meta["newlines"] = newlines
        title = record.title or first_line_title(text)
        doc_id = self.project.add_document(Document(text=text, ext_id=ext_id, title=title, meta=meta))
        self.report.documents_added += 1
        return doc_id, True


def _offset_field(item: RecordSpan, length: int) -> str:
    """Which of a bad span's offsets to blame in an error message."""
    if not isinstance(item.start, int) or isinstance(item.start, bool) or item.start < 0:
        return "start"
    return "end"
