"""What an export takes from a project: which layer, which documents, which labels, which split.

Every exporter reads its documents through :func:`iter_export`, so the options mean the same in
every format: ``layer`` (an annotator's name, ``gold``, or None for all layers), ``only_done``,
``labels`` (select and rename, e.g. ``PER,ORG,GPE=LOC``) and a seeded split by document.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD, Document, Relation, Span
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


def check_layer(project: Project, layer: str | None) -> None:
    if layer is not None and layer not in project.annotators():
        have = ", ".join(project.annotators()) or "none"
        raise AnnotatorError(f"no annotator layer named {layer!r} (have: {have})")


def iter_export(project: Project, options: ExportOptions, report: ExportReport | None = None) -> Iterator[ExportItem]:
    """Yield the documents to export, one at a time, with the options applied.

    Relations whose head or child was left out by the label selection are left out too and
    counted in ``report.lost["relations outside label selection"]``.
    """
    check_layer(project, options.layer)
    rows = project.conn.execute("SELECT id, ext_id FROM documents ORDER BY id").fetchall()
    splits = assign_splits([r[1] for r in rows], options.split, options.seed)
    for doc_id, ext_id in rows:
        status = _status(project, doc_id, options.layer)
        if options.only_done and status != "done":
            continue
        document = project.document(doc_id)
        spans = project.spans(doc_id, options.layer)
        relations = project.relations(doc_id, options.layer)
        if options.labels is not None:
            kept = []
            for span in spans:
                if span.label in options.labels:
                    span.label = options.labels[span.label]
                    kept.append(span)
            ids = {s.id for s in kept}
            before = len(relations)
            relations = [r for r in relations if r.head in ids and r.child in ids]
            if report is not None and before > len(relations):
                report.lost["relations outside label selection"] += before - len(relations)
            spans = kept
        yield ExportItem(document, spans, relations, splits[ext_id], status)


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
