"""Native JSONL: one document per line, with its spans and relations (DESIGN.md).

```
{"id": "doc-1", "text": "...", "meta": {"title": "..."},
 "spans": [{"id": "s1", "start": 0, "end": 4, "label": "PER", "text": "...", "annotator": "amal", "attrs": {}}],
 "relations": [{"head": "s2", "child": "s1", "label": "SAID_BY", "annotator": "amal"}]}
```
Import also accepts the Prodigy/doccano span shapes ``{"start", "end", "label"}`` and
``"label": [[start, end, "LABEL"], ...]``. Export is deterministic (spans ordered by position,
ids numbered in that order), so exporting the same data twice gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path
from typing import Any

import orjson

from annotator.core.errors import InputError
from annotator.core.model import Document, Relation, Span
from annotator.core.text import content_hash
from annotator.formats.atomic import atomic_output
from annotator.formats.loader import Record, RecordLoader, RecordRelation, RecordSpan
from annotator.formats.outputs import checked_surface, count_documents, derived_path, span_sort_key, split_names
from annotator.formats.report import ExportReport, ImportReport
from annotator.formats.selection import ExportOptions, iter_export
from annotator.store.project import Project

Progress = Callable[[int, int], None]
"""Called as progress(done, total) during long work; it may raise Cancelled to stop."""


def record_text(data: Any, fail: Callable[..., InputError]) -> str:
    """The ``text`` of a decoded JSON record, after checking the record is an object with a string text."""
    if not isinstance(data, dict):
        raise fail(f"expected a JSON object, got {type(data).__name__}")
    text = data.get("text")
    if not isinstance(text, str):
        raise fail(
            "missing or not a string" if text is None else f"must be a string, got {type(text).__name__}", "text"
        )
    return text


def parse_record(data: Any, *, path: str, line: int) -> Record:
    """Turn one decoded JSON line into a Record, checking the types of every field."""

    def fail(message: str, field_name: str | None = None) -> InputError:
        return InputError(message, path=path, line=line, field=field_name)

    text = record_text(data, fail)
    ext_id = data.get("id", data.get("_id"))
    if ext_id is None:
        ext_id = f"doc-{content_hash(text)[:12]}"
    elif not isinstance(ext_id, str | int) or isinstance(ext_id, bool):
        raise fail(f"must be a string or integer, got {type(ext_id).__name__}", "id")
    meta = data.get("meta", {})
    if not isinstance(meta, dict):
        raise fail(f"must be an object, got {type(meta).__name__}", "meta")
    meta = dict(meta)
    title = meta.pop("title", data.get("title", ""))
    if not isinstance(title, str):
        raise fail("must be a string", "meta.title")

    spans: list[RecordSpan] = []
    raw_spans = data.get("spans", [])
    if not isinstance(raw_spans, list):
        raise fail("must be a list", "spans")
    for i, item in enumerate(raw_spans):
        where = f"spans[{i}]"
        if isinstance(item, list):
            spans.append(_triple(item, where, fail))
            continue
        if not isinstance(item, dict):
            raise fail("a span must be an object or a [start, end, label] list", where)
        for key in ("start", "end", "label"):
            if key not in item:
                raise fail("missing", f"{where}.{key}")
        attrs = item.get("attrs", item.get("attributes", {}))
        if attrs is None:
            attrs = {}
        annotator = item.get("annotator")
        if annotator is not None and not isinstance(annotator, str):
            raise fail("must be a string", f"{where}.annotator")
        surface = item.get("text")
        if surface is not None and not isinstance(surface, str):
            raise fail("must be a string", f"{where}.text")
        spans.append(
            RecordSpan(item["start"], item["end"], item["label"], surface, item.get("id"), annotator, attrs, where)
        )
    doccano = data.get("label")
    if doccano is not None:
        if not isinstance(doccano, list):
            raise fail("must be a list of [start, end, label]", "label")
        for i, item in enumerate(doccano):
            spans.append(_triple(item, f"label[{i}]", fail))

    relations: list[RecordRelation] = []
    raw_relations = data.get("relations", [])
    if not isinstance(raw_relations, list):
        raise fail("must be a list", "relations")
    for i, item in enumerate(raw_relations):
        where = f"relations[{i}]"
        if not isinstance(item, dict):
            raise fail("a relation must be an object", where)
        for key in ("head", "child", "label"):
            if key not in item:
                raise fail("missing", f"{where}.{key}")
        rel_annotator = item.get("annotator")
        if rel_annotator is not None and not isinstance(rel_annotator, str):
            raise fail("must be a string", f"{where}.annotator")
        relations.append(RecordRelation(item["head"], item["child"], item["label"], rel_annotator, where))
    return Record(text=text, ext_id=str(ext_id), title=title, meta=meta, spans=spans, relations=relations)


def _triple(item: Any, where: str, fail: Callable[..., InputError]) -> RecordSpan:
    if not isinstance(item, list) or len(item) != 3:
        raise fail("a span list must be [start, end, label]", where)
    return RecordSpan(item[0], item[1], item[2], field=where)


def iter_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """Yield (line number, bytes) for each non-blank line, reading the file as a stream."""
    with open(path, "rb") as stream:
        for number, raw in enumerate(stream, start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if raw.strip():
                yield number, raw


def import_json_lines(
    project: Project,
    path: str | Path,
    parse: Callable[[Any, str, int], Record],
    *,
    annotator: str | None = None,
    default_annotator: str | None = None,
    add_labels: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a JSON-lines file in one transaction, each line turned into a Record by ``parse(data, path, line)``.

    Shared by the native and doccano importers. Raises InputError (file, line, field) and leaves the
    project unchanged on any bad line.
    """
    path = Path(path)
    report = ImportReport()
    total = path.stat().st_size
    with RecordLoader(
        project, report, path=str(path), annotator=annotator, default_annotator=default_annotator, add_labels=add_labels
    ) as loader:
        done = 0
        for line, raw in iter_lines(path):
            try:
                data = orjson.loads(raw)
            except orjson.JSONDecodeError as exc:
                raise InputError(f"not valid JSON ({exc})", path=str(path), line=line) from exc
            loader.load(parse(data, str(path), line), line)
            done += len(raw)
            if progress is not None:
                progress(done, total)
    return report


def import_jsonl(
    project: Project,
    path: str | Path,
    *,
    annotator: str | None = None,
    default_annotator: str | None = None,
    add_labels: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a native (or Prodigy/doccano-shaped) JSONL file in one transaction.

    ``annotator`` puts every span in that layer; otherwise a span's own ``annotator`` field is
    used, then ``default_annotator``. Raises InputError (file, line, field) and leaves the project
    unchanged on any bad record.
    """
    return import_json_lines(
        project,
        path,
        lambda data, where, line: parse_record(data, path=where, line=line),
        annotator=annotator,
        default_annotator=default_annotator,
        add_labels=add_labels,
        progress=progress,
    )


def document_record(
    document: Document, spans: list[Span], relations: list[Relation]
) -> tuple[dict[str, Any], list[Span]]:
    """The native JSONL record of a document with the given spans and relations.

    Spans are ordered by position (never by database id) and numbered in that order, so the
    same annotations always give the same bytes. Returns the record and the spans in order.
    """
    spans = sorted(spans, key=span_sort_key)
    number = {span.id: f"s{i}" for i, span in enumerate(spans, start=1)}
    order = {span.id: i for i, span in enumerate(spans)}
    relations = sorted(relations, key=lambda r: (order.get(r.head, -1), order.get(r.child, -1), r.label, r.annotator))
    text = document.text
    record = {
        "id": document.ext_id,
        "text": text,
        "meta": {"title": document.title, **document.meta},
        "spans": [
            {
                "id": number[s.id],
                "start": s.start,
                "end": s.end,
                "label": s.label,
                "text": checked_surface(text, s, document.ext_id),
                "annotator": s.annotator,
                "attrs": s.attrs,
            }
            for s in spans
        ],
        "relations": [
            {"head": number[r.head], "child": number[r.child], "label": r.label, "annotator": r.annotator}
            for r in relations
            if r.head in number and r.child in number
        ],
    }
    return record, spans


def export_jsonl(
    project: Project,
    path: str | Path,
    options: ExportOptions | None = None,
    progress: Progress | None = None,
    *,
    annotator: str | None = None,
) -> ExportReport:
    """Write the selected documents as native JSONL (atomically, one document in memory at a time).

    ``annotator`` is a shortcut for ``options.layer``. With ``options.split`` one file per split
    is written next to ``path`` (``data.jsonl`` -> ``data.train.jsonl``, ...).
    """
    options = options or ExportOptions()
    if annotator is not None:
        options = replace(options, layer=annotator)
    path = Path(path)
    report = ExportReport(format="jsonl", path=str(path))
    names = split_names(options)
    total = count_documents(project)
    with ExitStack() as stack:
        if names:
            streams = {name: stack.enter_context(atomic_output(derived_path(path, name))) for name in names}
        else:
            streams = {"train": stack.enter_context(atomic_output(path))}
        for done, item in enumerate(iter_export(project, options, report), start=1):
            record, spans = document_record(item.document, item.spans, item.relations)
            streams[item.split].write(orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE))
            report.documents += 1
            report.spans.update(s.label for s in spans)
            report.relations += len(record["relations"])
            if progress is not None:
                progress(done, total)
    return report
