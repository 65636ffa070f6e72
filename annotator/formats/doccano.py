"""doccano JSONL, both variants doccano's sequence-labelling projects read and write.

``variant="label"`` (sequence labelling)::

    {"id": "doc-1", "text": "...", "label": [[0, 5, "PER"], ...], "meta": {"title": "..."}}

``variant="entities"`` (doccano's relation-extraction projects)::

    {"id": "doc-1", "text": "...",
     "entities": [{"id": 1, "label": "QUOTE", "start_offset": 10, "end_offset": 30}, ...],
     "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "SAID_BY"}], "meta": {...}}

Offsets are code points into ``text`` (as ours). ``from_id`` is the relation's head (QUOTE in
QUOTE -SAID_BY-> PER), ``to_id`` its child.

What doccano cannot hold is counted in the export report, never dropped silently: span
attributes (``lost["span attributes"]``, one per attribute value) and, in the ``label`` variant,
relations (``lost["relations"]``). doccano has no annotator field either: like doccano's own
export of a non-collaborative project (one ``<user>.jsonl`` per member), an export of all layers
from a project with several annotators writes one file per annotator next to ``OUT``, named
``<stem>.<annotator><suffix>``; with a split, ``<stem>.<split>[.<annotator>]<suffix>``.

Import reads both variants, detected line by line, into one layer (``annotator``, else
``default_annotator``); other top-level keys go to the document's meta, as doccano does. Errors
name file, line and field (``label[2][1]``, ``entities[0].end_offset``).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.model import Relation
from annotator.core.text import content_hash
from annotator.formats.atomic import atomic_output
from annotator.formats.jsonl import import_json_lines, iter_lines, record_text
from annotator.formats.loader import Record, RecordRelation, RecordSpan
from annotator.formats.outputs import (
    NameAllocator,
    Progress,
    checked_surface,
    count_documents,
    derived_path,
    layer_groups,
    span_sort_key,
    split_names,
)
from annotator.formats.report import ExportReport, ImportReport
from annotator.formats.selection import ExportItem, ExportOptions, iter_export
from annotator.store.project import Project

VARIANTS = ("label", "entities")
_KNOWN_KEYS = {"id", "text", "label", "entities", "relations", "meta", "title", "Comments", "comments"}


# -- export -------------------------------------------------------------------------------


def doccano_outputs(project: Project, path: str | Path, options: ExportOptions | None = None) -> list[Path]:
    """The files an export with these options writes (for the CLI and the GUI to show)."""
    return [file for file, _, _ in _outputs(project, Path(path), options or ExportOptions())]


def _outputs(project: Project, path: Path, options: ExportOptions) -> list[tuple[Path, str | None, str | None]]:
    splits: tuple[str | None, ...] = split_names(options) or (None,)
    layers: list[str | None] = list(layer_groups(project, options) or [None])
    names = NameAllocator()
    layer_part = {layer: names.take(layer) for layer in layers if layer is not None}
    out = []
    for split in splits:
        for layer in layers:
            parts = [p for p in (split, layer_part.get(layer) if layer is not None else None) if p]
            out.append((derived_path(path, *parts), split, layer))
    return out


def export_doccano(
    project: Project,
    path: str | Path,
    options: ExportOptions | None = None,
    progress: Progress | None = None,
    *,
    variant: str = "label",
) -> ExportReport:
    """Write the documents as doccano JSONL (``variant`` "label" or "entities"), atomically.

    With ``options.split`` one file per split (``<stem>.train<suffix>``...); with all layers of a
    project with several annotators, one file per annotator (see the module docstring).
    """
    if variant not in VARIANTS:
        raise AnnotatorError(f"unknown doccano variant {variant!r} (one of {', '.join(VARIANTS)})")
    options = options or ExportOptions()
    path = Path(path)
    report = ExportReport(format="doccano" if variant == "label" else "doccano-entities", path=str(path))
    outputs = _outputs(project, path, options)
    total = count_documents(project)
    with ExitStack() as stack:
        streams: dict[tuple[str | None, str | None], BinaryIO] = {
            (split, layer): stack.enter_context(atomic_output(file)) for file, split, layer in outputs
        }
        layers = sorted({layer for _, layer in streams}, key=lambda name: (name is not None, name or ""))
        for done, item in enumerate(iter_export(project, options, report), start=1):
            split = item.split if options.split else None
            report.documents += 1
            for layer in layers:
                record = _record(item, layer, variant, report)
                streams[(split, layer)].write(orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE))
            if progress is not None:
                progress(done, total)
        if progress is not None:
            progress(total, total)
    return report


def _record(item: ExportItem, layer: str | None, variant: str, report: ExportReport) -> dict[str, Any]:
    document = item.document
    text = document.text
    spans = item.spans if layer is None else [s for s in item.spans if s.annotator == layer]
    relations = item.relations if layer is None else [r for r in item.relations if r.annotator == layer]
    spans = sorted(spans, key=span_sort_key)
    record: dict[str, Any] = {"id": document.ext_id, "text": text}
    for span in spans:
        checked_surface(text, span, document.ext_id)
        report.spans[span.label] += 1
        if span.attrs:
            report.lost["span attributes"] += len(span.attrs)
    if variant == "label":
        record["label"] = [[s.start, s.end, s.label] for s in spans]
        if relations:
            report.lost["relations"] += len(relations)
    else:
        number = {span.id: i for i, span in enumerate(spans, start=1)}
        record["entities"] = [
            {"id": number[s.id], "label": s.label, "start_offset": s.start, "end_offset": s.end} for s in spans
        ]
        record["relations"] = _relations(relations, number, report)
    record["meta"] = {"title": document.title, **document.meta}
    return record


def _relations(relations: list[Relation], number: dict[int | None, int], report: ExportReport) -> list[dict[str, Any]]:
    kept = []
    for rel in relations:
        if rel.head in number and rel.child in number:
            kept.append(rel)
        else:  # its other end is in another annotator's layer, written to another file
            report.lost["relations across annotator layers"] += 1
    kept.sort(key=lambda r: (number[r.head], number[r.child], r.label))
    report.relations += len(kept)
    return [
        {"id": i, "from_id": number[r.head], "to_id": number[r.child], "type": r.label}
        for i, r in enumerate(kept, start=1)
    ]


# -- import -------------------------------------------------------------------------------


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def parse_doccano(data: Any, *, path: str, line: int, notes: dict[str, int] | None = None) -> Record:
    """One decoded doccano line (either variant) -> a Record; InputError names the field at fault."""

    def fail(message: str, field_name: str | None = None) -> InputError:
        return InputError(message, path=path, line=line, field=field_name)

    text = record_text(data, fail)
    ext_id = data.get("id")
    if ext_id is None:
        ext_id = f"doc-{content_hash(text)[:12]}"
    elif not isinstance(ext_id, str | int) or isinstance(ext_id, bool):
        raise fail(f"must be a string or integer, got {type(ext_id).__name__}", "id")
    meta = data.get("meta", {})
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise fail(f"must be an object, got {type(meta).__name__}", "meta")
    meta = dict(meta)
    for key, value in data.items():  # doccano keeps every other column as metadata
        if key not in _KNOWN_KEYS:
            meta.setdefault(key, value)
    title = meta.pop("title", data.get("title", ""))
    if not isinstance(title, str):
        raise fail("must be a string", "meta.title")
    comments = data.get("Comments", data.get("comments"))
    if comments and notes is not None:
        notes["comments"] = notes.get("comments", 0) + (len(comments) if isinstance(comments, list) else 1)

    if "label" in data and "entities" in data:
        raise fail("a doccano line holds either 'label' or 'entities', not both", "entities")
    length = len(text)
    spans: list[RecordSpan] = []
    relations: list[RecordRelation] = []
    if "entities" in data:
        entities = data["entities"]
        if not isinstance(entities, list):
            raise fail("must be a list of entities", "entities")
        ids: set[str] = set()
        for i, item in enumerate(entities):
            where = f"entities[{i}]"
            if not isinstance(item, dict):
                raise fail("an entity must be an object with id, label, start_offset, end_offset", where)
            for key in ("id", "label", "start_offset", "end_offset"):
                if key not in item:
                    raise fail("missing", f"{where}.{key}")
            eid = item["id"]
            if not isinstance(eid, str | int) or isinstance(eid, bool):
                raise fail("must be an integer or string", f"{where}.id")
            if str(eid) in ids:
                raise fail(f"entity id {eid!r} repeats within the line", f"{where}.id")
            ids.add(str(eid))
            _check_range(
                item["start_offset"], item["end_offset"], length, fail, f"{where}.start_offset", f"{where}.end_offset"
            )
            spans.append(RecordSpan(item["start_offset"], item["end_offset"], item["label"], id=eid, field=where))
        raw_relations = data.get("relations", [])
        if raw_relations is None:
            raw_relations = []
        if not isinstance(raw_relations, list):
            raise fail("must be a list of relations", "relations")
        for k, rel in enumerate(raw_relations):
            where = f"relations[{k}]"
            if not isinstance(rel, dict):
                raise fail("a relation must be an object with from_id, to_id, type", where)
            for key in ("from_id", "to_id", "type"):
                if key not in rel:
                    raise fail("missing", f"{where}.{key}")
            for key in ("from_id", "to_id"):
                if str(rel[key]) not in ids:
                    raise fail(f"{rel[key]!r} is not an entity id of this line", f"{where}.{key}")
            relations.append(RecordRelation(rel["from_id"], rel["to_id"], rel["type"], field=where))
    else:
        labels = data.get("label", [])
        if labels is None:
            labels = []
        if not isinstance(labels, list):
            raise fail("must be a list of [start, end, label]", "label")
        for i, item in enumerate(labels):
            where = f"label[{i}]"
            if not isinstance(item, list) or len(item) != 3:
                hint = (
                    " (this looks like a doccano text-classification line, which has no spans)"
                    if isinstance(item, str)
                    else ""
                )
                raise fail(f"a span must be [start, end, label]{hint}", where)
            _check_range(item[0], item[1], length, fail, f"{where}[0]", f"{where}[1]")
            spans.append(RecordSpan(item[0], item[1], item[2], field=where))
        if data.get("relations"):
            raise fail("relations need the 'entities' variant (entities with ids)", "relations")
    return Record(text=text, ext_id=str(ext_id), title=title, meta=meta, spans=spans, relations=relations)


def _check_range(
    start: Any, end: Any, length: int, fail: Callable[..., InputError], start_field: str, end_field: str
) -> None:
    if not _is_int(start):
        raise fail(f"must be an integer, got {start!r}", start_field)
    if not _is_int(end):
        raise fail(f"must be an integer, got {end!r}", end_field)
    if start < 0:
        raise fail(f"start {start} is negative", start_field)
    if end > length:
        raise fail(f"end {end} is past the end of the text (length {length})", end_field)
    if start >= end:
        raise fail(f"start {start} is not before end {end}", end_field)


def import_doccano(
    project: Project,
    path: str | Path,
    *,
    annotator: str | None = None,
    default_annotator: str | None = None,
    add_labels: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a doccano JSONL file (either variant, per line) in one transaction.

    Every span goes to ``annotator``'s layer, else ``default_annotator``'s (doccano names no
    annotator). Raises InputError (file, line, field) and leaves the project unchanged on any
    bad line.
    """
    path = Path(path)
    notes: dict[str, int] = {}
    report = import_json_lines(
        project,
        path,
        lambda data, where, line: parse_doccano(data, path=where, line=line, notes=notes),
        annotator=annotator,
        default_annotator=default_annotator,
        add_labels=add_labels,
        progress=progress,
    )
    if notes.get("comments"):
        report.notes.append(f"{path}: {notes['comments']} doccano comments not imported (the project has no comments)")
    return report


def looks_like_doccano(path: str | Path) -> bool:
    """True if the first line of ``path`` is a doccano record (text plus label or entities, no native spans)."""
    try:
        for _, raw in iter_lines(Path(path)):
            data = orjson.loads(raw)
            return (
                isinstance(data, dict)
                and isinstance(data.get("text"), str)
                and ("label" in data or "entities" in data)
                and "spans" not in data
            )
    except (OSError, orjson.JSONDecodeError):
        return False
    return False


__all__ = ["VARIANTS", "doccano_outputs", "export_doccano", "import_doccano", "parse_doccano"]
