"""What an export takes from a project: which layer, which documents, which labels, which split.

Every exporter reads its documents through :func:`iter_export`, so the options mean the same in
every format: ``layer`` (an annotator's name, ``gold``, or None for all layers), ``only_done``,
``labels`` (select and rename, e.g. ``PER,ORG,GPE=LOC``) and a seeded split by document.
"""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from annotator.core.errors import AnnotatorError
from annotator.core.labels import AttributeDef, LabelScheme
from annotator.core.model import GOLD, SUGGESTIONS, Document, Relation, Span
from annotator.formats.report import ExportReport
from annotator.store.project import Project

SPLIT_NAMES = {1: ("train",), 2: ("train", "test"), 3: ("train", "dev", "test")}


@dataclass
class ExportOptions:
    layer: str | None = None
    only_done: bool = False
    labels: dict[str, str] | None = None  # source label -> exported label; None keeps all
    split: tuple[float, ...] | None = None
    seed: int = 0
    tokenizer: str = "arabic"


@dataclass
class ExportItem:
    """One document as an exporter sees it: spans and relations already filtered and renamed."""

    document: Document
    spans: list[Span]
    relations: list[Relation]
    split: str = "train"
    status: str = "new"
    extra: dict[str, object] = field(default_factory=dict)


def parse_label_map(spec: str | None) -> dict[str, str] | None:
    """``"PER,ORG,GPE=LOC"`` -> {"PER": "PER", "ORG": "ORG", "GPE": "LOC"}; None or "" keeps all."""
    if not spec:
        return None
    mapping: dict[str, str] = {}
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        source, _, target = part.partition("=")
        source, target = source.strip(), (target.strip() or source.strip())
        if not source:
            raise AnnotatorError(f"bad label selection {part!r} (expected LABEL or LABEL=NEW)")
        mapping[source] = target
    return mapping


def parse_split(spec: str | None) -> tuple[float, ...] | None:
    """``"0.8,0.1,0.1"`` -> (0.8, 0.1, 0.1); one to three parts that sum to 1."""
    if not spec:
        return None
    try:
        parts = tuple(float(p) for p in spec.split(","))
    except ValueError as exc:
        raise AnnotatorError(f"bad split {spec!r}: expected numbers like 0.8,0.1,0.1") from exc
    if not 1 <= len(parts) <= 3 or any(p < 0 for p in parts) or abs(sum(parts) - 1) > 1e-6:
        raise AnnotatorError(f"bad split {spec!r}: give 1 to 3 non-negative parts summing to 1")
    return parts


def assign_splits(ext_ids: Sequence[str], ratios: tuple[float, ...] | None, seed: int) -> dict[str, str]:
    """Deterministic split by document: the same ids, ratios and seed give the same split."""
    if not ratios:
        return dict.fromkeys(ext_ids, "train")
    names = SPLIT_NAMES[len(ratios)]
    order = sorted(ext_ids)
    random.Random(seed).shuffle(order)
    out: dict[str, str] = {}
    n = len(order)
    bounds, acc = [], 0.0
    for ratio in ratios:
        acc += ratio
        bounds.append(round(acc * n))
    bounds[-1] = n
    start = 0
    for name, end in zip(names, bounds, strict=True):
        for ext_id in order[start:end]:
            out[ext_id] = name
        start = end
    return out


def attribute_definitions(scheme: LabelScheme, options: ExportOptions) -> dict[tuple[str, str], AttributeDef]:
    """The scheme's attribute definitions by (exported label, attribute name): selected labels only,
    under their exported names (the first definition wins when two labels are renamed alike)."""
    out: dict[tuple[str, str], AttributeDef] = {}
    for label in scheme.span_labels:
        if options.labels is not None and label.name not in options.labels:
            continue
        name = options.labels[label.name] if options.labels is not None else label.name
        for attr in label.attributes:
            out.setdefault((name, attr.name), attr)
    return out


def check_layer(project: Project, layer: str | None) -> None:
    if layer is not None and layer not in project.annotators():
        have = ", ".join(project.annotators()) or "none"
        raise AnnotatorError(f"no annotator layer named {layer!r} (have: {have})")


def iter_export(project: Project, options: ExportOptions, report: ExportReport | None = None) -> Iterator[ExportItem]:
    """Yield the documents to export, one at a time, with the options applied.

    Relations whose head or child was left out by the label selection are left out too and
    counted in ``report.lost["relations outside label selection"]``.

    Documents, spans and relations are read by three cursors ordered by document (one query each,
    not three per document) and merged as they stream: one document's rows are in memory at a time.
    The spans and relations of a document come in the order :meth:`Project.spans` and
    :meth:`Project.relations` give them.
    """
    check_layer(project, options.layer)
    conn = project.conn
    rows = conn.execute("SELECT id, ext_id FROM documents ORDER BY id").fetchall()
    splits = assign_splits([r[1] for r in rows], options.split, options.seed)
    layer = options.layer
    if layer is None:
        status_sql = "(SELECT count(*) FROM document_status st WHERE st.document_id = d.id AND st.status = 'done')"
        params: tuple[Any, ...] = ()
    else:
        status_sql = (
            "(SELECT st.status FROM document_status st JOIN annotators a ON a.id = st.annotator_id "
            "WHERE st.document_id = d.id AND a.name = ?)"
        )
        params = (layer,)
    documents = conn.execute(
        f"SELECT d.id, d.ext_id, d.title, d.text, d.meta, d.review_state, {status_sql} FROM documents d ORDER BY d.id",
        params,
    )
    # "All layers" means the annotators' and gold, never the pending suggestions (their own layer).
    layer_filter, layer_params = (
        (" WHERE a.name != ?", (SUGGESTIONS,)) if layer is None else (" WHERE a.name = ?", (layer,))
    )
    span_rows = _DocumentRows(
        conn.execute(
            f"SELECT {Project._SPAN_COLUMNS} FROM spans s JOIN annotators a ON a.id = s.annotator_id{layer_filter} "
            'ORDER BY s.document_id, s."start", s."end" DESC, s.label, s.id',
            layer_params,
        ),
        1,
    )
    relation_rows = _DocumentRows(
        conn.execute(
            "SELECT r.id, r.document_id, a.name, r.label, r.head_id, r.child_id FROM relations r "
            f"JOIN annotators a ON a.id = r.annotator_id{layer_filter} ORDER BY r.document_id, r.id",
            layer_params,
        ),
        1,
    )
    labels = options.labels
    try:
        for doc_id, ext_id, title, text, meta, review_state, status in documents:
            if layer is None:
                status = "done" if status else "new"
            elif status is None:
                status = "new"
            if layer == GOLD and status != "done" and review_state == "adjudicated":
                status = "done"
            doc_spans = span_rows.take(doc_id)
            doc_relations = relation_rows.take(doc_id)
            if options.only_done and status != "done":
                continue
            document = Document(id=doc_id, ext_id=ext_id, title=title, text=text, meta=json.loads(meta))
            # Project._span, inlined: this runs once per exported span.
            spans = [
                Span(r[4], r[5], r[3], r[2], {} if r[6] == "{}" else json.loads(r[6]), r[0], r[1]) for r in doc_spans
            ]
            relations = [
                Relation(id=r[0], document_id=r[1], annotator=r[2], label=r[3], head=r[4], child=r[5])
                for r in doc_relations
            ]
            if labels is not None:
                kept = []
                for span in spans:
                    if span.label in labels:
                        span.label = labels[span.label]
                        kept.append(span)
                ids = {s.id for s in kept}
                before = len(relations)
                relations = [r for r in relations if r.head in ids and r.child in ids]
                if report is not None and before > len(relations):
                    report.lost["relations outside label selection"] += before - len(relations)
                spans = kept
            yield ExportItem(document, spans, relations, splits[ext_id], status)
    finally:  # a generator closed early (a cancelled export) releases its read transaction now
        for cursor in (documents, span_rows.cursor, relation_rows.cursor):
            cursor.close()


class _DocumentRows:
    """Rows of a cursor ordered by document id, handed out one document at a time."""

    __slots__ = ("_column", "_next", "cursor")

    def __init__(self, cursor: sqlite3.Cursor, column: int) -> None:
        self.cursor = cursor
        self._column = column
        self._next = next(cursor, None)

    def take(self, doc_id: int) -> list[tuple[Any, ...]]:
        """The rows of document ``doc_id`` (documents are asked for in increasing id order)."""
        row, column, out = self._next, self._column, []
        while row is not None and row[column] <= doc_id:
            if row[column] == doc_id:
                out.append(row)
            row = next(self.cursor, None)
        self._next = row
        return out


def _status(project: Project, doc_id: int, layer: str | None) -> str:
    if layer is not None:
        status = project.status(doc_id, layer)
        if layer == GOLD and status != "done":
            row = project.conn.execute("SELECT review_state FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if row and row[0] == "adjudicated":
                return "done"
        return status
    row = project.conn.execute(
        "SELECT count(*) FROM document_status WHERE document_id = ? AND status = 'done'", (doc_id,)
    ).fetchone()
    return "done" if row[0] else "new"


def write_summary(report: ExportReport, output: str | Path) -> Path:
    """Write the export summary as JSON next to the output (``OUT.summary.json``)."""
    path = Path(f"{Path(output)}.summary.json")  # beside a file or a folder, never inside a dataset folder
    path.write_bytes(orjson.dumps(report.to_dict(), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE))
    return path
