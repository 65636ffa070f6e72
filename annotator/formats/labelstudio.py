"""Label Studio JSON: one array of tasks, each annotator layer one annotation of its task.

Export (streamed: ``[``, one task per line, ``]``; written atomically)::

    {"id": 1, "data": {"text": "...", "doc_id": "doc-1", "title": "..."}, "meta": {...},
     "annotations": [{"created_username": "amal", "ground_truth": false, "result": [
        {"id": "s1", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 0, "end": 5, "text": "بوتين", "labels": ["PER"]}},
        {"id": "s2", "from_name": "type", "to_name": "text", "type": "choices",
         "value": {"start": 9, "end": 30, "text": "...", "choices": ["direct"]}},
        {"from_id": "s2", "to_id": "s1", "type": "relation", "direction": "right", "labels": ["SAID_BY"]}]}]}

- Offsets are code points into ``data.text``, as Label Studio stores them for ``<Text>`` (and as
  ours); ``value.text`` is always ``text[start:end]``.
- A relation goes from its head (``from_id``: the QUOTE of QUOTE -SAID_BY-> PER) to its child.
- Span attributes are Label Studio per-region results on the span's region id: ``choices`` (a
  bool as "true"/"false", a value of a choice attribute, a list of strings), ``textarea`` (other
  strings) and ``number``. Each written value reads back as exactly the same value; anything else
  (null, objects, a one-element list) is counted in ``lost`` and not written.
- The layer's name is kept in ``created_username`` (Label Studio ignores it on import) and
  ``completed_by`` is left out: Label Studio rejects an import whose ``completed_by`` is not the
  e-mail or id of one of its users, and assigns annotations without it to the importing user. The
  ``gold`` layer is marked ``ground_truth``. Document meta goes to the task's ``meta``.
- ``OUT.config.xml`` beside the output is a labelling config for these tasks (Labels, Text,
  Relations and one per-region control per attribute) to paste into the project settings.
- With ``options.split``, one file per split: ``<stem>.<split><suffix>``.

Import reads an array of tasks (or one task object) as a stream. Each annotation becomes a layer
named by ``annotator`` if given, else ``completed_by`` (an e-mail, or a user id as a string),
else ``created_username``, else ``default_annotator``. Predictions (a model's pre-annotations)
are imported only when asked, into the suggestions layer, to be accepted or rejected. Drafts, cancelled
annotations and results that are not text spans, relations or per-region attributes are counted
in the report's notes. Offsets written as UTF-16 units (old Label Studio versions, on text with
emoji) are detected by ``value.text`` and converted, with a note; any other mismatch is an error.
Errors name the file, the line the task starts on and the field (``tasks[3].annotations[0].result[2].value.start``).
"""

from __future__ import annotations

import codecs
import json
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import quoteattr

import orjson

from annotator.core.errors import InputError
from annotator.core.labels import AttributeDef, LabelScheme
from annotator.core.model import GOLD, SUGGESTIONS, Relation, Span
from annotator.core.text import content_hash
from annotator.formats.atomic import atomic_output
from annotator.formats.loader import Record, RecordLoader, RecordRelation, RecordSpan
from annotator.formats.outputs import (
    Progress,
    checked_surface,
    count_documents,
    derived_path,
    span_sort_key,
    split_names,
)
from annotator.formats.report import ExportReport, ImportReport
from annotator.formats.selection import ExportItem, ExportOptions, attribute_definitions, iter_export
from annotator.store.project import Project

LABELS_CONTROL = "label"
TEXT_OBJECT = "text"
ATTRIBUTE_TYPES = ("choices", "textarea", "number", "rating", "taxonomy")


def config_path(path: str | Path) -> Path:
    """Where the labelling config of an export to ``path`` is written: ``OUT.config.xml``."""
    return Path(f"{Path(path)}.config.xml")


def labelstudio_outputs(path: str | Path, options: ExportOptions | None = None) -> list[Path]:
    """The task files an export with these options writes (the config comes on top)."""
    path = Path(path)
    splits = split_names(options or ExportOptions())
    return [derived_path(path, s) for s in splits] if splits else [path]


# -- attribute values <-> per-region results ----------------------------------------------


def _same(a: Any, b: Any) -> bool:
    """Equal as JSON values, types included (True is not 1, 1 is not 1.0)."""
    try:
        return orjson.dumps(a, option=orjson.OPT_SORT_KEYS) == orjson.dumps(b, option=orjson.OPT_SORT_KEYS)
    except TypeError:
        return False


def decode_attribute(rtype: str, value: dict[str, Any]) -> Any:
    """The attribute value a per-region result holds; raises KeyError/TypeError when malformed."""
    if rtype == "choices":
        choices = value["choices"]
        if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
            raise TypeError("choices must be a list of strings")
        if len(choices) == 1:
            return {"true": True, "false": False}.get(choices[0], choices[0])
        return list(choices)
    if rtype == "textarea":
        text = value["text"]
        if isinstance(text, str):
            return text
        if not isinstance(text, list) or not all(isinstance(t, str) for t in text):
            raise TypeError("text must be a list of strings")
        return text[0] if len(text) == 1 else list(text)
    if rtype in ("number", "rating"):
        number = value[rtype]
        if not isinstance(number, int | float) or isinstance(number, bool):
            raise TypeError(f"{rtype} must be a number")
        return number
    if rtype == "taxonomy":
        return value["taxonomy"]
    raise KeyError(rtype)


def encode_attribute(value: Any, definition: AttributeDef | None) -> tuple[str, dict[str, Any]] | None:
    """A per-region result (type, value payload) that decodes to exactly ``value``, or None."""
    candidates: list[tuple[str, dict[str, Any]]] = []
    if isinstance(value, bool):
        candidates.append(("choices", {"choices": ["true" if value else "false"]}))
    elif isinstance(value, str):
        if definition is not None and definition.type == "choice":
            candidates.append(("choices", {"choices": [value]}))
        candidates.append(("textarea", {"text": [value]}))
    elif isinstance(value, int | float):
        candidates.append(("number", {"number": value}))
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        candidates.append(("choices", {"choices": list(value)}))
    for rtype, payload in candidates:
        if _same(decode_attribute(rtype, payload), value):
            return rtype, payload
    return None


# -- export -------------------------------------------------------------------------------


@dataclass
class _Seen:
    """What the tasks used, for the labelling config written after them."""

    labels: dict[str, None] = field(default_factory=dict)
    relations: dict[str, None] = field(default_factory=dict)
    attributes: dict[str, dict[str, Any]] = field(default_factory=dict)

    def attribute(self, name: str, rtype: str, label: str, payload: dict[str, Any]) -> None:
        entry = self.attributes.setdefault(name, {"types": Counter(), "labels": {}, "choices": {}, "multiple": False})
        entry["types"][rtype] += 1
        entry["labels"][label] = None
        if rtype == "choices":
            for choice in payload["choices"]:
                entry["choices"][choice] = None
            entry["multiple"] = entry["multiple"] or len(payload["choices"]) != 1


def export_labelstudio(
    project: Project,
    path: str | Path,
    options: ExportOptions | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    """Write Label Studio JSON tasks to ``path`` (and ``path.config.xml``), streamed and atomic."""
    options = options or ExportOptions()
    path = Path(path)
    report = ExportReport(format="labelstudio", path=str(path))
    scheme = project.scheme()
    definitions = attribute_definitions(scheme, options)
    seen = _Seen()
    splits = split_names(options)
    total = count_documents(project)
    with ExitStack() as stack:
        streams: dict[str | None, BinaryIO] = {}
        for split in splits or (None,):
            stream = stack.enter_context(atomic_output(derived_path(path, split) if split else path))
            stream.write(b"[")
            streams[split] = stream
        config = stack.enter_context(atomic_output(config_path(path)))
        counts: Counter[str | None] = Counter()
        for done, item in enumerate(iter_export(project, options, report), start=1):
            split = item.split if splits else None
            counts[split] += 1
            task = _task(item, counts[split], options.layer, definitions, seen, report)
            streams[split].write((b",\n" if counts[split] > 1 else b"\n") + orjson.dumps(task))
            report.documents += 1
            if progress is not None:
                progress(done, total)
        for stream in streams.values():
            stream.write(b"\n]\n")
        config.write(labelstudio_config(scheme, options, seen).encode("utf-8"))
        if progress is not None:
            progress(total, total)
    return report



def _task(
    item: ExportItem,
    number: int,
    layer: str | None,
    definitions: dict[tuple[str, str], AttributeDef],
    seen: _Seen,
    report: ExportReport,
) -> dict[str, Any]:
    document = item.document
    text = document.text
    if layer is not None:
        layers = [layer]
    else:
        layers = sorted({s.annotator for s in item.spans} | {r.annotator for r in item.relations})
    annotations = []
    region = 0
    for name in layers:
        spans = sorted((s for s in item.spans if s.annotator == name), key=span_sort_key)
        result: list[dict[str, Any]] = []
        ids: dict[int | None, str] = {}
        order: dict[int | None, int] = {}
        for span in spans:
            region += 1
            rid = f"s{region}"
            ids[span.id] = rid
            order[span.id] = len(order)
            surface = checked_surface(text, span, document.ext_id)
            result.append(
                {
                    "id": rid,
                    "from_name": LABELS_CONTROL,
                    "to_name": TEXT_OBJECT,
                    "type": "labels",
                    "value": {"start": span.start, "end": span.end, "text": surface, "labels": [span.label]},
                }
            )
            report.spans[span.label] += 1
            seen.labels[span.label] = None
            result.extend(_attribute_results(span, rid, surface, definitions, seen, report))
        result.extend(_relation_results(item.relations, name, ids, order, seen, report))
        annotations.append({"created_username": name, "ground_truth": name == GOLD, "result": result})
    task: dict[str, Any] = {
        "id": number,
        "data": {"text": text, "doc_id": document.ext_id, "title": document.title},
    }
    if document.meta:
        task["meta"] = document.meta
    task["annotations"] = annotations
    return task


def _attribute_results(
    span: Span,
    rid: str,
    surface: str,
    definitions: dict[tuple[str, str], AttributeDef],
    seen: _Seen,
    report: ExportReport,
) -> list[dict[str, Any]]:
    out = []
    for name in sorted(span.attrs):
        if name in (LABELS_CONTROL, TEXT_OBJECT) or not name:
            report.lost["span attributes named like a Label Studio control (label, text)"] += 1
            continue
        encoded = encode_attribute(span.attrs[name], definitions.get((span.label, name)))
        if encoded is None:
            report.lost["span attributes not representable in Label Studio"] += 1
            continue
        rtype, payload = encoded
        value: dict[str, Any] = {"start": span.start, "end": span.end}
        if rtype != "textarea":  # a textarea's "text" is its own list of strings
            value["text"] = surface
        value.update(payload)
        out.append({"id": rid, "from_name": name, "to_name": TEXT_OBJECT, "type": rtype, "value": value})
        seen.attribute(name, rtype, span.label, payload)
    return out


def _relation_results(
    relations: list[Relation],
    layer: str,
    ids: dict[int | None, str],
    order: dict[int | None, int],
    seen: _Seen,
    report: ExportReport,
) -> list[dict[str, Any]]:
    kept = []
    for rel in relations:
        if rel.annotator != layer:
            continue
        if rel.head in ids and rel.child in ids:
            kept.append(rel)
        else:
            report.lost["relations across annotator layers"] += 1
    kept.sort(key=lambda r: (order[r.head], order[r.child], r.label))
    report.relations += len(kept)
    for rel in kept:
        seen.relations[rel.label] = None
    return [
        {"from_id": ids[r.head], "to_id": ids[r.child], "type": "relation", "direction": "right", "labels": [r.label]}
        for r in kept
    ]


def labelstudio_config(scheme: LabelScheme, options: ExportOptions | None = None, seen: _Seen | None = None) -> str:
    """A Label Studio labelling config for the exported tasks (plain XML, every value escaped)."""
    options = options or ExportOptions()
    seen = seen or _Seen()
    colours: dict[str, str] = {}
    labels: dict[str, None] = {}
    for label in scheme.span_labels:
        if options.labels is not None and label.name not in options.labels:
            continue
        name = options.labels[label.name] if options.labels is not None else label.name
        labels[name] = None
        colours.setdefault(name, label.color)
    labels.update(seen.labels)
    relations = dict.fromkeys(scheme.relation_label_names) | seen.relations
    attributes: dict[str, dict[str, Any]] = {}
    for (label, name), definition in attribute_definitions(scheme, options).items():
        if name in (LABELS_CONTROL, TEXT_OBJECT):
            continue
        entry = attributes.setdefault(name, {"type": None, "labels": {}, "choices": {}, "multiple": False})
        entry["labels"][label] = None
        if definition.type == "bool":
            entry["type"] = entry["type"] or "choices"
            entry["choices"].update(dict.fromkeys(["true", "false"]))
        elif definition.type == "choice":
            entry["type"] = entry["type"] or "choices"
            entry["choices"].update(dict.fromkeys(definition.values))
        else:
            entry["type"] = entry["type"] or "textarea"
    for name, used in seen.attributes.items():
        entry = attributes.setdefault(name, {"type": None, "labels": {}, "choices": {}, "multiple": False})
        entry["type"] = entry["type"] or used["types"].most_common(1)[0][0]
        entry["labels"].update(used["labels"])
        entry["choices"].update(used["choices"])
        entry["multiple"] = entry["multiple"] or used["multiple"]

    lines = ["<View>", f"  <Labels name={quoteattr(LABELS_CONTROL)} toName={quoteattr(TEXT_OBJECT)}>"]
    for name in labels:
        colour = f" background={quoteattr(colours[name])}" if name in colours else ""
        lines.append(f"    <Label value={quoteattr(name)}{colour}/>")
    lines.append("  </Labels>")
    lines.append(f'  <Text name={quoteattr(TEXT_OBJECT)} value="$text"/>')
    if relations:
        lines.append("  <Relations>")
        lines.extend(f"    <Relation value={quoteattr(name)}/>" for name in relations)
        lines.append("  </Relations>")
    for name, entry in attributes.items():
        common = (
            f'name={quoteattr(name)} toName={quoteattr(TEXT_OBJECT)} perRegion="true" '
            f'visibleWhen="region-selected" whenLabelValue={quoteattr(",".join(entry["labels"]))}'
        )
        if entry["type"] == "choices":
            choice = "multiple" if entry["multiple"] else "single"
            lines.append(f'  <Choices {common} choice="{choice}">')
            lines.extend(f"    <Choice value={quoteattr(c)}/>" for c in entry["choices"])
            lines.append("  </Choices>")
        elif entry["type"] == "number":
            lines.append(f"  <Number {common}/>")
        else:
            lines.append(f'  <TextArea {common} editable="true"/>')
    lines.append("</View>")
    return "\n".join(lines) + "\n"


# -- import -------------------------------------------------------------------------------

_CHUNK = 1 << 20
MODEL_ATTR = "~model"  # the model_version of a prediction imported as a suggestion (dropped on accept)


def iter_tasks(path: Path) -> Iterator[tuple[int, int, Any, int]]:
    """Yield (index, line, task, bytes read) for each element of a JSON array of tasks, streaming.

    Only the task being decoded (plus one read chunk) is held in memory. A file holding one task
    object instead of an array yields that object.
    """
    decoder = json.JSONDecoder()
    utf8 = codecs.getincrementaldecoder("utf-8-sig")()
    source = str(path)
    with open(path, "rb") as stream:
        buf, pos, line, read, eof, want = "", 0, 1, 0, False, _CHUNK

        def fill(size: int) -> bool:
            nonlocal buf, pos, read, eof
            if eof:
                return False
            chunk = stream.read(size)
            read += len(chunk)
            try:
                text = utf8.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"not UTF-8 text ({exc.reason} near byte {read - len(chunk) + exc.start})", path=source
                ) from exc
            if not chunk:
                eof = True
            buf = buf[pos:] + text
            pos = 0
            return True

        def skip_space() -> str:
            """Move past whitespace; the next character, or "" at the end of the file."""
            nonlocal pos, line
            while True:
                while pos < len(buf) and buf[pos] in " \t\r\n":
                    if buf[pos] == "\n":
                        line += 1
                    pos += 1
                if pos < len(buf):
                    return buf[pos]
                if not fill(_CHUNK):
                    return ""

        def fail(message: str) -> InputError:
            return InputError(message, path=source, line=line)

        def decode() -> Any:
            nonlocal pos, line, want
            while True:
                try:
                    value, end = decoder.raw_decode(buf, pos)
                except json.JSONDecodeError as exc:
                    if fill(want):  # maybe the value is only cut off by the end of the buffer
                        want *= 2
                        continue
                    bad = line + buf.count("\n", pos, exc.pos)
                    raise InputError(f"not valid JSON ({exc.msg})", path=source, line=bad) from exc
                want = _CHUNK
                line += buf.count("\n", pos, end)
                pos = end
                return value

        first = skip_space()
        if first == "{":
            start = line
            yield 0, start, decode(), read
            if skip_space():
                raise fail("unexpected text after the task object")
            return
        if first != "[":
            raise fail("expected a JSON array of Label Studio tasks ('[' ...)")
        pos += 1
        index = 0
        while True:
            nxt = skip_space()
            if nxt == "]":
                pos += 1
                if skip_space():
                    raise fail("unexpected text after the closing ']'")
                return
            if index:
                if nxt != ",":
                    raise fail("expected ',' or ']' between tasks")
                pos += 1
                nxt = skip_space()
            if not nxt:
                raise fail("the array of tasks is not closed (missing ']')")
            start = line
            yield index, start, decode(), read
            index += 1


@dataclass
class _Notes:
    predictions: int = 0
    predictions_imported: int = 0
    drafts: int = 0
    cancelled: int = 0
    utf16: int = 0
    multi_label: int = 0
    unlabelled_relations: int = 0
    bidirectional: int = 0
    classifications: int = 0
    other_results: Counter[str] = field(default_factory=Counter)

    def lines(self, path: Path) -> list[str]:
        out = []
        if self.predictions:
            out.append(
                f"{path}: {self.predictions} predictions ignored (only annotations are imported; "
                "--predictions imports them as suggestions)"
            )
        if self.predictions_imported:
            out.append(
                f"{path}: {self.predictions_imported} predictions imported as suggestions "
                f"(layer {SUGGESTIONS}: accept or reject them in the Suggestions panel)"
            )
        if self.drafts:
            out.append(f"{path}: {self.drafts} drafts ignored (only submitted annotations are imported)")
        if self.cancelled:
            out.append(f"{path}: {self.cancelled} cancelled (skipped) annotations ignored")
        if self.utf16:
            out.append(f"{path}: {self.utf16} spans had UTF-16 offsets (older Label Studio); converted to code points")
        if self.multi_label:
            out.append(
                f"{path}: {self.multi_label} regions had several labels: one span per label, "
                "relations and attributes attached to each"
            )
        if self.unlabelled_relations:
            out.append(f"{path}: {self.unlabelled_relations} relations without a label ignored")
        if self.bidirectional:
            out.append(f"{path}: {self.bidirectional} bidirectional relations imported as from_id -> to_id")
        if self.classifications:
            out.append(f"{path}: {self.classifications} task-level classification results ignored")
        for rtype, n in sorted(self.other_results.items()):
            out.append(f"{path}: {n} results of type {rtype!r} ignored (not text spans, relations or attributes)")
        return out


def _layer_name(annotation: dict[str, Any]) -> str | None:
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        who = who.get("email") or who.get("username") or who.get("id")
    if isinstance(who, bool):
        who = None
    if isinstance(who, int):
        return str(who)
    if isinstance(who, str) and who.strip():
        return who
    name = annotation.get("created_username")
    return name if isinstance(name, str) and name.strip() else None


def _utf16_to_code_points(text: str, offset: int) -> int | None:
    """The code-point offset of UTF-16 unit ``offset`` in ``text`` (None inside a pair or past the end)."""
    units = 0
    for i, ch in enumerate(text):
        if units == offset:
            return i
        if units > offset:
            return None
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text) if units == offset else None


def parse_task(task: Any, *, index: int, path: str, line: int, notes: _Notes, predictions: bool = False) -> Record:
    """One Label Studio task -> a Record (spans and relations of every annotation, by layer).

    With ``predictions``, the task's predictions (a model's pre-annotations) go to the suggestions
    layer, each span marked with its ``~model`` version, to be accepted or rejected.
    """
    where = f"tasks[{index}]"

    def fail(message: str, field_name: str | None = None) -> InputError:
        return InputError(message, path=path, line=line, field=field_name)

    if not isinstance(task, dict):
        raise fail(f"a task must be an object, got {type(task).__name__}", where)
    data = task.get("data", task)
    if not isinstance(data, dict):
        raise fail(f"must be an object, got {type(data).__name__}", f"{where}.data")
    text = data.get("text")
    if not isinstance(text, str):
        problem = "missing" if text is None else f"must be a string, got {type(text).__name__}"
        raise fail(f"{problem} (the task text is read from data.text)", f"{where}.data.text")
    ext_id = data.get("doc_id", task.get("id") if "data" in task else None)
    if ext_id is None:
        ext_id = f"doc-{content_hash(text)[:12]}"
    elif not isinstance(ext_id, str | int) or isinstance(ext_id, bool):
        raise fail(f"must be a string or integer, got {type(ext_id).__name__}", f"{where}.data.doc_id")
    title = data.get("title", "")
    if not isinstance(title, str):
        raise fail("must be a string", f"{where}.data.title")
    meta = task.get("meta") or {}
    if not isinstance(meta, dict):
        meta = {"meta": meta}
    meta = dict(meta)
    for key, value in data.items():
        if key not in ("text", "doc_id", "title"):
            meta.setdefault(key, value)

    predicted = task.get("predictions") or []
    if not predictions:
        notes.predictions += len(predicted) if isinstance(predicted, list) else 1
    drafts = task.get("drafts") or []
    notes.drafts += len(drafts) if isinstance(drafts, list) else 1

    record = Record(text=text, ext_id=str(ext_id), title=title, meta=meta)
    annotations = task.get("annotations", task.get("completions", [])) if "data" in task else []
    if annotations is None:
        annotations = []
    if not isinstance(annotations, list):
        raise fail("must be a list", f"{where}.annotations")
    for j, base, annotation, result in _results(annotations, f"{where}.annotations", "an annotation", fail):
        if annotation.get("was_cancelled"):
            notes.cancelled += 1
            continue
        _parse_result(result, text, j, base, _layer_name(annotation), record, fail, notes)
    if predictions and "data" in task:
        if not isinstance(predicted, list):
            raise fail("must be a list", f"{where}.predictions")
        for j, base, prediction, result in _results(predicted, f"{where}.predictions", "a prediction", fail):
            first = len(record.spans)
            _parse_result(result, text, f"p{j}", base, SUGGESTIONS, record, fail, notes)
            model = prediction.get("model_version")
            for span in record.spans[first:]:
                span.attrs = {**span.attrs, MODEL_ATTR: str(model) if model not in (None, "") else "unknown"}
            notes.predictions_imported += 1
    return record


def _results(
    items: list[Any], where: str, what: str, fail: Any
) -> Iterator[tuple[int, str, dict[str, Any], list[Any]]]:
    """(index, field path, item, its result list) of each annotation or prediction of a task.

    A cancelled annotation's result is not checked (it is skipped).
    """
    for j, item in enumerate(items):
        base = f"{where}[{j}]"
        if not isinstance(item, dict):
            raise fail(f"{what} must be an object", base)
        result = item.get("result")
        if not isinstance(result, list) and not item.get("was_cancelled"):
            raise fail("missing or not a list", f"{base}.result")
        yield j, base, item, result


def _parse_result(
    result: list[Any],
    text: str,
    j: int | str,
    base: str,
    layer: str | None,
    record: Record,
    fail: Any,
    notes: _Notes,
) -> None:
    # Error fields are built only on an error: this loop runs once per result of the file.
    regions: dict[str, tuple[Any, ...]] = {}  # region id -> (start, end, text, labels, index of its first result)
    pending_attrs: list[tuple[int, dict[str, Any]]] = []
    relations: list[tuple[int, dict[str, Any]]] = []
    for k, item in enumerate(result):
        if type(item) is dict and item.get("type") == "labels" and type(value := item.get("value")) is dict:
            # The usual region: integer offsets whose text matches, a list of labels, a string id seen once.
            start, end, labels, rid = value.get("start"), value.get("end"), value.get("labels"), item.get("id")
            if (
                type(start) is int
                and type(end) is int
                and type(labels) is list
                and labels
                and type(rid) is str
                and start >= 0
                and rid not in regions
                and text[start:end] == value.get("text")
            ):
                regions[rid] = (start, end, None, labels, k)  # the text is checked: the loader need not again
                continue
        # Anything else is read (and each problem named) step by step.
        if type(item) is not dict and not isinstance(item, dict):
            raise fail("a result must be an object", f"{base}.result[{k}]")
        rtype = item.get("type")
        if rtype != "labels":
            if rtype == "relation":
                relations.append((k, item))
            elif rtype in ATTRIBUTE_TYPES:
                pending_attrs.append((k, item))
            else:
                notes.other_results[str(rtype)] += 1
            continue
        value = item.get("value")
        if type(value) is not dict and not isinstance(value, dict):
            raise fail("missing or not an object", f"{base}.result[{k}].value")
        if "start" not in value or "end" not in value or "labels" not in value:
            for key in ("start", "end", "labels"):
                if key not in value:
                    raise fail("missing", f"{base}.result[{k}].value.{key}")
        labels = value["labels"]
        if not isinstance(labels, list) or not labels:
            raise fail("must be a non-empty list of labels", f"{base}.result[{k}].value.labels")
        start, end, surface = value["start"], value["end"], value.get("text")
        if surface is not None:
            if type(surface) is not str and not isinstance(surface, str):
                raise fail("must be a string", f"{base}.result[{k}].value.text")
            if (type(start) is int and type(end) is int) or (isinstance(start, int) and isinstance(end, int)):
                if text[start:end] == surface:
                    if start >= 0:
                        surface = None  # checked here: the loader need not compare it again
                else:
                    s16, e16 = _utf16_to_code_points(text, start), _utf16_to_code_points(text, end)
                    if s16 is not None and e16 is not None and text[s16:e16] == surface:
                        start, end = s16, e16
                        notes.utf16 += 1
                        surface = None
        rid = item.get("id")
        if rid is None:
            rid = f"#result{k}"
        elif type(rid) is not str:
            if not isinstance(rid, str | int) or isinstance(rid, bool):
                raise fail("must be a string", f"{base}.result[{k}].id")
            rid = str(rid)
        region = regions.get(rid)
        if region is None:
            regions[rid] = (start, end, surface, labels, k)
        else:  # the same region labelled by a second Labels control
            if (region[0], region[1]) != (start, end):
                raise fail(f"region {rid!r} has different offsets in two results", f"{base}.result[{k}].value.start")
            more = [label for label in labels if label not in region[3]]
            regions[rid] = (start, end, region[2], region[3] + more, region[4])

    attrs: dict[str, dict[str, Any]] = {}
    for k, item in pending_attrs:
        at = f"{base}.result[{k}]"
        rid = item.get("id")
        if rid is None or str(rid) not in regions:
            notes.classifications += 1
            continue
        name = item.get("from_name")
        if not isinstance(name, str) or not name:
            raise fail("missing or not a string", f"{at}.from_name")
        value = item.get("value")
        if not isinstance(value, dict):
            raise fail("missing or not an object", f"{at}.value")
        try:
            decoded = decode_attribute(item["type"], value)
        except KeyError as exc:
            raise fail("missing", f"{at}.value.{exc.args[0]}") from exc
        except TypeError as exc:
            raise fail(str(exc), f"{at}.value") from exc
        attrs.setdefault(str(rid), {})[name] = decoded

    spans = record.spans
    for rid, (start, end, surface, labels, k) in regions.items():
        where = f"{base}.result[{k}].value"
        region_attrs = attrs.get(rid) if attrs else None
        if len(labels) == 1:
            spans.append(
                RecordSpan(start, end, labels[0], surface, f"{j}:{rid}", layer, dict(region_attrs or {}), where)
            )
            continue
        notes.multi_label += 1
        for n, label in enumerate(labels):
            spans.append(
                RecordSpan(
                    start,
                    end,
                    label,
                    surface,
                    f"{j}:{rid}" if n == 0 else f"{j}:{rid}#{n}",
                    layer,
                    dict(region_attrs) if region_attrs else {},
                    where,
                )
            )
    for k, item in relations:
        at = f"{base}.result[{k}]"
        ends = []
        for key in ("from_id", "to_id"):
            if key not in item:
                raise fail("missing", f"{at}.{key}")
            if str(item[key]) not in regions:
                raise fail(f"{item[key]!r} is not the id of a labelled region of this annotation", f"{at}.{key}")
            ends.append(str(item[key]))
        head, child = ends
        direction = item.get("direction", "right")
        if direction == "left":
            head, child = child, head
        elif direction == "bi":
            notes.bidirectional += 1
        labels = item.get("labels") or []
        if not isinstance(labels, list):
            raise fail("must be a list of labels", f"{at}.labels")
        if not labels:
            notes.unlabelled_relations += 1
            continue
        for label in labels:
            heads = [f"{j}:{head}"] + [f"{j}:{head}#{n}" for n in range(1, len(regions[head][3]))]
            children = [f"{j}:{child}"] + [f"{j}:{child}#{n}" for n in range(1, len(regions[child][3]))]
            for h in heads:
                for c in children:
                    record.relations.append(RecordRelation(h, c, label, layer, at))


def import_labelstudio(
    project: Project,
    path: str | Path,
    *,
    annotator: str | None = None,
    default_annotator: str | None = None,
    add_labels: bool = False,
    predictions: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a Label Studio JSON export (or pre-annotated tasks) in one transaction.

    ``predictions``: also import each task's predictions, as suggestions (see :func:`parse_task`).

    Raises InputError (file, line of the task, field) and leaves the project unchanged on any bad
    task. See the module docstring for how annotations become layers.
    """
    path = Path(path)
    report = ImportReport()
    notes = _Notes()
    total = path.stat().st_size
    with RecordLoader(
        project, report, path=str(path), annotator=annotator, default_annotator=default_annotator, add_labels=add_labels
    ) as loader:
        for index, line, task, read in iter_tasks(path):
            record = parse_task(task, index=index, path=str(path), line=line, notes=notes, predictions=predictions)
            loader.load(record, line)
            if progress is not None:
                progress(min(read, total), total)
    report.notes.extend(notes.lines(path))
    return report


def looks_like_labelstudio(path: str | Path, *, sample: int = 64 * 1024) -> bool:
    """True if ``path`` starts like Label Studio tasks: a JSON array (or object) whose first task has "data"."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(sample).decode("utf-8-sig", errors="ignore").lstrip()
    except OSError:
        return False
    if head.startswith("["):
        head = head[1:].lstrip()
    return head.startswith("{") and '"data"' in head


__all__ = [
    "config_path",
    "decode_attribute",
    "encode_attribute",
    "export_labelstudio",
    "import_labelstudio",
    "iter_tasks",
    "labelstudio_config",
    "labelstudio_outputs",
    "looks_like_labelstudio",
    "parse_task",
]
