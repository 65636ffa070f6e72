"""Validate parsed records and write them into a project: shared by every importer.

An importer turns its format into :class:`Record` objects (offsets into the record's own text,
as the file gives them) and hands them to a :class:`RecordLoader` inside one transaction. The
loader checks every span (offsets in range, ``start < end``, the given surface text matches,
label known), normalises newlines (moving offsets with the text), and stores the document, or
reuses it when a document with the same id and text is already there (so a repeated import adds
nothing). Errors are InputError naming the field, e.g. ``spans[2].end``.
"""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from annotator.core.errors import InputError, OffsetError
from annotator.core.labels import RelationLabel, SpanLabel
from annotator.core.model import SUGGESTIONS, Document, Relation, Span, check_offsets
from annotator.core.offsets import normalise_newlines
from annotator.core.text import first_line_title
from annotator.formats.report import ImportReport
from annotator.store.project import Project

DEFAULT_IMPORT_ANNOTATOR = "imported"
# The longest document an import accepts. The workspace lays a document out at about 2 s per
# million characters, so a 50 MB one-line file would freeze it for half a minute (and is more
# likely a mistake than an article); longer texts should be split into documents first.
MAX_DOCUMENT_CHARS = 2_000_000
# Queued spans are written once there are this many (about fifty news articles): fewer calls,
# while few enough objects stay alive for the garbage collector to stay cheap.
FLUSH_SPANS = 1_000


@dataclass(slots=True)
class RecordSpan:
    start: Any
    end: Any
    label: Any
    text: str | None = None
    id: Any = None
    annotator: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)
    field: str = "spans"  # where it came from, for error messages: "spans[3]"


@dataclass(slots=True)
class RecordRelation:
    head: Any
    child: Any
    label: Any
    annotator: str | None = None
    field: str = "relations"


@dataclass(slots=True)
class Record:
    text: str
    ext_id: str
    title: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    spans: list[RecordSpan] = field(default_factory=list)
    relations: list[RecordRelation] = field(default_factory=list)


class RecordLoader:
    """Stores records into ``project`` in one transaction: use it as a context manager.

    Spans go to the layer ``annotator`` if given, else the record's, else ``default_annotator``;
    spans of the suggestions layer (a model's predictions) stay suggestions.

    ``with RecordLoader(project, report, path=...) as loader:`` opens the transaction; leaving the
    block stores everything loaded, or nothing if it raised. The spans and relations of new
    documents are queued and written in batches (:meth:`flush`).
    """

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
        # Labels and annotator names already validated: the per-span checks are set lookups.
        self._checked_labels: set[str] = set()
        self._names: set[str] = set()
        # Spans and relations of new documents, written about FLUSH_SPANS at a time (see flush).
        self._spans: list[Span] = []
        self._relations: list[tuple[Relation, Span, Span]] = []

    def __enter__(self) -> RecordLoader:
        self._transaction = ExitStack()
        self._transaction.enter_context(self.project.transaction())
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if kind is None:
            try:
                self.flush()
            except BaseException as failed:
                self._transaction.__exit__(type(failed), failed, failed.__traceback__)  # roll back
                raise
        self._transaction.__exit__(kind, error, trace)  # commit, or roll back what raised

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
        """Validate one record and store it (new spans wait in a queue, see :meth:`flush`); returns the document id."""
        original = record.text
        length = len(original)
        if length > MAX_DOCUMENT_CHARS:
            raise self._error(
                f"the document is {length:,} characters long; documents of up to {MAX_DOCUMENT_CHARS:,} characters "
                "can be annotated (split it into parts first)",
                line,
                "text",
            )
        norm = normalise_newlines(original)
        removed = norm.removed
        known = self.span_labels
        fixed = self.annotator
        default = self.default_annotator
        names = self._names
        checked = self._checked_labels
        spans: list[Span] = []
        by_id: dict[str, Span] = {}
        repeated: RecordSpan | None = None
        for item in record.spans:
            start, end = item.start, item.end
            if not (type(start) is int and type(end) is int and 0 <= start < end <= length):
                try:
                    check_offsets(start, end, length)
                except OffsetError as exc:
                    raise self._error(str(exc), line, f"{item.field}.{_offset_field(item, length)}") from exc
            surface = item.text
            if surface is not None and original[start:end] != surface:
                raise self._error(
                    f"span text {surface!r} does not match the text at {start}..{end} ({original[start:end]!r})",
                    line,
                    f"{item.field}.text",
                )
            label = item.label
            if type(label) is not str or label not in checked:
                label = self._label(label, known, line, f"{item.field}.label", relation=False)
                checked.add(label)
            attrs = item.attrs
            if type(attrs) is not dict and not isinstance(attrs, dict):
                raise self._error("attrs must be an object", line, f"{item.field}.attrs")
            who = item.annotator if item.annotator == SUGGESTIONS else fixed or item.annotator or default
            if type(who) is not str or who not in names:
                if not isinstance(who, str) or not who.strip():
                    raise self._error(
                        f"annotator must be a non-empty string, got {who!r}", line, f"{item.field}.annotator"
                    )
                names.add(who)
            if removed:
                start, end = norm.map_offset(start), norm.map_offset(end)
                if start >= end:  # e.g. a span holding only the CR of a CRLF pair, which normalisation drops
                    raise self._error(
                        f"span {item.start}..{item.end} is empty once CRLF is normalised to LF",
                        line,
                        f"{item.field}.end",
                    )
            span = Span(start, end, label, who, dict(attrs) if attrs else {})
            spans.append(span)
            sid = item.id
            if sid is not None:
                key = str(sid)
                if key in by_id and repeated is None:
                    repeated = item
                by_id[key] = span
        if repeated is not None:  # reported once every span is checked, as a record's first problem of this kind
            raise self._error(f"span id {repeated.id!r} repeats within the record", line, f"{repeated.field}.id")
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
            who = rel.annotator if rel.annotator == SUGGESTIONS else self.annotator or rel.annotator or head.annotator
            relations.append((Relation(0, 0, label, who), head, child))

        doc_id, is_new = self._document(record, norm.text, norm.style, original, line)
        if is_new:
            self._pend(doc_id, spans, relations)
        else:
            self._merge(doc_id, spans, relations)
        return doc_id

    def _pend(self, doc_id: int, spans: list[Span], relations: list[tuple[Relation, Span, Span]]) -> None:
        """Queue a new document's spans and relations, each once (a record may repeat one)."""
        keys = [(span.annotator, span.label, span.start, span.end) for span in spans]
        if len(set(keys)) != len(keys):  # a repeated span is one span; relations follow the one kept
            first: dict[tuple[str, str, int, int], Span] = {}
            kept: dict[int, Span] = {}
            for key, span in zip(keys, spans, strict=True):
                kept[id(span)] = first.setdefault(key, span)
            self.report.spans_skipped += len(spans) - len(first)
            spans = list(first.values())
            relations = [(r, kept[id(head)], kept[id(child)]) for r, head, child in relations]
        for span in spans:
            span.document_id = doc_id
        self._spans.extend(spans)
        self.report.spans_added += len(spans)
        seen: set[tuple[str, str, int, int]] = set()
        for relation, head, child in relations:
            key = (relation.annotator, relation.label, id(head), id(child))
            if key in seen:
                self.report.relations_skipped += 1
                continue
            seen.add(key)
            relation.document_id = doc_id
            self._relations.append((relation, head, child))
        self.report.relations_added += len(seen)
        if len(self._spans) >= FLUSH_SPANS:
            self.flush()

    def _merge(self, doc_id: int, spans: list[Span], relations: list[tuple[Relation, Span, Span]]) -> None:
        """Store a record's spans and relations into a document already there, skipping those it has."""
        self.flush()  # the document may have come earlier in this import
        stored = {(s.annotator, s.label, s.start, s.end): s for s in self.project.spans(doc_id)}
        new_spans: list[Span] = []
        kept: dict[int, Span] = {}
        for span in spans:
            key = (span.annotator, span.label, span.start, span.end)
            same = stored.get(key)
            if same is None:
                stored[key] = same = span
                new_spans.append(span)
            kept[id(span)] = same
        self.project.add_spans(doc_id, new_spans)
        self.report.spans_added += len(new_spans)
        self.report.spans_skipped += len(spans) - len(new_spans)
        known = {(r.annotator, r.label, r.head, r.child) for r in self.project.relations(doc_id)}
        new_relations = []
        for relation, head, child in relations:
            relation.head, relation.child = kept[id(head)].id or 0, kept[id(child)].id or 0
            key = (relation.annotator, relation.label, relation.head, relation.child)
            if key in known:
                self.report.relations_skipped += 1
                continue
            new_relations.append(relation)
            known.add(key)
        self.project.add_relations(doc_id, new_relations)
        self.report.relations_added += len(new_relations)

    def flush(self) -> None:
        """Write the queued spans, then the relations between them (their ends get their ids)."""
        if self._spans:
            self.project.store_spans(self._spans)
            self._spans = []
        if self._relations:
            relations = []
            for relation, head, child in self._relations:
                relation.head, relation.child = head.id or 0, child.id or 0
                relations.append(relation)
            self.project.store_relations(relations)
            self._relations = []

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
