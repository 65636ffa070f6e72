"""brat standoff: a folder of ``<doc>.txt`` + ``<doc>.ann`` pairs, with ``annotation.conf``.

Export writes, for each document, its text exactly as stored (UTF-8, LF) and an ``.ann`` with::

    T1<TAB>QUOTE 12 40<TAB>surface text            a span (offsets: code points, end exclusive)
    T2<TAB>QUOTE 50 60;61 75<TAB>first line second  a span crossing a line break: one fragment per line
    R1<TAB>SAID_BY Arg1:T1 Arg2:T3                   a relation, head (Arg1) -> child (Arg2)
    A1<TAB>type T1 direct                            an attribute; a True boolean is bare: "A2<TAB>check_worthy T4"

- An ``.ann`` line cannot hold a line break, so a span whose text contains one is written as
  fragments split at the line breaks (brat's own convention); the break characters fall in the
  gaps and the import joins the fragments back into exactly the same span. A span that starts or
  ends on a line break is written without it (``lost["spans starting or ending with a line
  break (trimmed)"]``); a span of nothing but line breaks cannot be written at all.
- Attribute values must be single words: True (bare), False (``false``) and strings without
  spaces are written; anything else is counted in ``lost``.
- File names come from the document ids, made safe (:func:`annotator.formats.outputs.safe_name`:
  ``../../etc/passwd`` becomes ``%2E.%2F..%2Fetc%2Fpasswd``); ``documents.meta.jsonl`` in each
  folder keeps each file's real id, title, meta and annotator, so a re-import is exact. brat
  ignores that file.
- brat has no annotator field. With one layer (``options.layer``, or a project with one
  annotator) the pairs go straight into the folder. With all layers of a project with several
  annotators, **each annotator gets a subfolder** (``OUT/amal/``, ``OUT/omar/``), each a complete
  brat collection; importing ``OUT`` brings every layer back under its name.
- With ``options.split``, one subfolder per split (``OUT/train/``, ``OUT/dev/``, ``OUT/test/``),
  annotator subfolders inside.
- ``annotation.conf`` (entities, relations with their argument labels, attributes, and an
  ``<OVERLAP>`` rule allowing nested and crossing spans) is written in the folder and every
  subfolder. The whole folder is built beside ``OUT`` and renamed into place at the end.

Import reads every ``.ann``/``.txt`` pair under a folder (or one pair given by either file).
``T``, ``R`` and ``A`` lines are imported; other lines (``#`` notes, ``E`` events, ``N``
normalisations, ``M`` modifiers, ``*`` equivalences) are counted in the report's notes.
Discontinuous spans become one span from the first start to the last end (noted when the gaps
hold more than line breaks). Errors name the ``.ann`` file, the line and the field
(``T3.end``), and leave the project unchanged.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from annotator.core.errors import InputError
from annotator.core.labels import AttributeDef, LabelScheme
from annotator.core.model import SUGGESTIONS, Relation
from annotator.formats.loader import Record, RecordLoader, RecordRelation, RecordSpan
from annotator.formats.outputs import (
    NameAllocator,
    Progress,
    atomic_folder,
    checked_surface,
    count_documents,
    layer_groups,
    span_sort_key,
    split_names,
)
from annotator.formats.report import ExportReport, ImportReport
from annotator.formats.selection import ExportItem, ExportOptions, attribute_definitions, iter_export
from annotator.store.project import Project

CONF_NAME = "annotation.conf"
MANIFEST_NAME = "documents.meta.jsonl"
_RESERVED = (CONF_NAME, MANIFEST_NAME, "visual.conf", "tools.conf", "kb_shortcuts.conf")
# Every character str.splitlines() breaks at: none of them may appear inside an .ann line.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_BREAK = re.compile(f"[{re.escape(LINE_BREAKS)}]")
_SPACE = re.compile(r"\s")


# -- attribute values <-> A lines ---------------------------------------------------------


def decode_attribute(token: str | None, definition: AttributeDef | None) -> Any:
    """The value of an A line: bare -> True; a choice/text attribute keeps its word as is."""
    if token is None:
        return True
    if definition is not None and definition.type in ("choice", "text"):
        return token
    return {"true": True, "false": False}.get(token, token)


def encode_attribute(value: Any, definition: AttributeDef | None) -> tuple[bool, str | None]:
    """(ok, word) for an A line (word None: a bare line); ok is False when brat cannot hold it."""
    if value is True:
        return True, None
    if value is False:
        token = "false"
    elif isinstance(value, str) and value and not _SPACE.search(value):
        token = value
    else:
        return False, None
    decoded = decode_attribute(token, definition)
    return (type(decoded) is type(value) and decoded == value), token


# -- export -------------------------------------------------------------------------------


@dataclass
class _Seen:
    labels: dict[str, None] = field(default_factory=dict)
    relations: dict[str, tuple[dict[str, None], dict[str, None]]] = field(default_factory=dict)
    attributes: dict[str, dict[str, Any]] = field(default_factory=dict)

    def attribute(self, name: str, label: str, token: str | None) -> dict[str, Any]:
        entry = self.attributes.setdefault(name, {"labels": {}, "values": {}, "bare": False})
        entry["labels"][label] = None
        if token is None:
            entry["bare"] = True
        else:
            entry["values"][token] = None
        return entry


@dataclass
class _Leaf:
    """One folder of .txt/.ann pairs being written."""

    folder: Path
    manifest: BinaryIO
    names: NameAllocator
    annotator: str | None


def brat_label(name: str, report: ExportReport, what: str) -> str:
    """A label as brat can write it (no whitespace); a changed one is counted in ``lost``."""
    safe = _SPACE.sub("_", name)
    if safe != name:
        report.lost[f"{what} labels with spaces (written with _)"] += 1
    return safe


def export_brat(
    project: Project,
    path: str | Path,
    options: ExportOptions | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    """Write a brat folder at ``path`` (see the module docstring for its layout), atomically."""
    options = options or ExportOptions()
    path = Path(path)
    report = ExportReport(format="brat", path=str(path))
    scheme = project.scheme()
    definitions = attribute_definitions(scheme, options)
    seen = _Seen()
    layers = layer_groups(project, options)
    if options.layer is not None:
        single_layer: str | None = options.layer
    else:
        names = [n for n in project.annotators() if n != SUGGESTIONS]
        single_layer = names[0] if len(names) == 1 else None
    splits = split_names(options)
    total = count_documents(project)
    with atomic_folder(path, markers=(CONF_NAME, MANIFEST_NAME)) as root, ExitStack() as stack:
        leaves: dict[tuple[str | None, str | None], _Leaf] = {}
        folders: list[Path] = [root]
        layer_folders = NameAllocator(_RESERVED)
        layer_part = {layer: layer_folders.take(layer) for layer in layers or []}
        for split in splits or (None,):
            split_root = root / split if split else root
            if split:
                folders.append(split_root)
            for layer in layers or [None]:
                folder = split_root / layer_part[layer] if layer is not None else split_root
                folder.mkdir(parents=True, exist_ok=True)
                if folder != root and folder not in folders:
                    folders.append(folder)
                manifest = stack.enter_context(open(folder / MANIFEST_NAME, "wb"))
                leaves[(split, layer)] = _Leaf(
                    folder, manifest, NameAllocator(_RESERVED), layer if layer is not None else single_layer
                )
        for done, item in enumerate(iter_export(project, options, report), start=1):
            split = item.split if splits else None
            report.documents += 1
            for layer in layers or [None]:
                _write_document(item, layer, leaves[(split, layer)], definitions, seen, report)
            if progress is not None:
                progress(done, total)
        conf = annotation_conf(scheme, options, seen).encode("utf-8")
        for folder in folders:
            (folder / CONF_NAME).write_bytes(conf)
        if progress is not None:
            progress(total, total)
    return report



def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``start..end`` cut at every line break, the breaks left out: brat's discontinuous span."""
    pieces = []
    begin = start
    for match in _BREAK.finditer(text, start, end):
        if match.start() > begin:
            pieces.append((begin, match.start()))
        begin = match.end()
    if end > begin:
        pieces.append((begin, end))
    return pieces


def _write_document(
    item: ExportItem,
    layer: str | None,
    leaf: _Leaf,
    definitions: dict[tuple[str, str], AttributeDef],
    seen: _Seen,
    report: ExportReport,
) -> None:
    document = item.document
    text = document.text
    spans = item.spans if layer is None else [s for s in item.spans if s.annotator == layer]
    relations = item.relations if layer is None else [r for r in item.relations if r.annotator == layer]
    spans = sorted(spans, key=span_sort_key)
    lines: list[str] = []
    tid: dict[int | None, int] = {}
    labels: dict[int | None, str] = {}
    for span in spans:
        checked_surface(text, span, document.ext_id)
        pieces = fragments(text, span.start, span.end)
        if not pieces:
            report.lost["spans of only line breaks"] += 1
            continue
        if pieces[0][0] != span.start or pieces[-1][1] != span.end:
            report.lost["spans starting or ending with a line break (trimmed)"] += 1
        label = brat_label(span.label, report, "span")
        tid[span.id] = len(tid) + 1
        labels[span.id] = label
        offsets = ";".join(f"{s} {e}" for s, e in pieces)
        surface = " ".join(text[s:e] for s, e in pieces)
        lines.append(f"T{tid[span.id]}\t{label} {offsets}\t{surface}\n")
        report.spans[span.label] += 1
        seen.labels[label] = None
    lines.extend(_relation_lines(relations, tid, labels, seen, report))
    number = 0
    for span in spans:
        if span.id not in tid:
            continue
        for name in sorted(span.attrs):
            ok, token = encode_attribute(span.attrs[name], definitions.get((span.label, name)))
            if not ok or not name or _SPACE.search(name):
                report.lost["span attributes not representable in brat"] += 1
                continue
            number += 1
            lines.append(f"A{number}\t{name} T{tid[span.id]}" + (f" {token}" if token is not None else "") + "\n")
            seen.attribute(name, labels[span.id], token)
    stem = leaf.names.take(document.ext_id)
    (leaf.folder / f"{stem}.txt").write_bytes(text.encode("utf-8"))
    (leaf.folder / f"{stem}.ann").write_bytes("".join(lines).encode("utf-8"))
    entry = {
        "file": stem,
        "id": document.ext_id,
        "title": document.title,
        "meta": document.meta,
        "annotator": leaf.annotator,
    }
    leaf.manifest.write(orjson.dumps(entry, option=orjson.OPT_APPEND_NEWLINE))


def _relation_lines(
    relations: list[Relation],
    tid: dict[int | None, int],
    labels: dict[int | None, str],
    seen: _Seen,
    report: ExportReport,
) -> list[str]:
    kept = []
    for rel in relations:
        if rel.head in tid and rel.child in tid:
            kept.append(rel)
        else:
            report.lost["relations to spans brat cannot hold or across annotator layers"] += 1
    kept.sort(key=lambda r: (tid[r.head], tid[r.child], r.label))
    out = []
    for n, rel in enumerate(kept, start=1):
        label = brat_label(rel.label, report, "relation")
        out.append(f"R{n}\t{label} Arg1:T{tid[rel.head]} Arg2:T{tid[rel.child]}\n")
        heads, children = seen.relations.setdefault(label, ({}, {}))
        heads[labels[rel.head]] = None
        children[labels[rel.child]] = None
    report.relations += len(kept)
    return out


def annotation_conf(scheme: LabelScheme, options: ExportOptions | None = None, seen: _Seen | None = None) -> str:
    """brat's annotation.conf for the exported labels, relations and attributes."""
    options = options or ExportOptions()
    seen = seen or _Seen()

    def mapped(name: str) -> str | None:
        if options.labels is None:
            return _SPACE.sub("_", name)
        return _SPACE.sub("_", options.labels[name]) if name in options.labels else None

    entities: dict[str, None] = {}
    for label in scheme.span_labels:
        name = mapped(label.name)
        if name is not None:
            entities[name] = None
    entities.update(seen.labels)
    relations: dict[str, tuple[dict[str, None], dict[str, None]]] = {}
    for rel in scheme.relation_labels:
        heads = {m: None for m in map(mapped, rel.heads) if m is not None}
        children = {m: None for m in map(mapped, rel.children) if m is not None}
        relations[_SPACE.sub("_", rel.name)] = (heads, children)
    for name, (heads, children) in seen.relations.items():
        known = relations.setdefault(name, ({}, {}))
        if known[0]:
            known[0].update(heads)
        if known[1]:
            known[1].update(children)
    attributes: dict[str, dict[str, Any]] = {}
    for (label, name), definition in attribute_definitions(scheme, options).items():
        if _SPACE.search(name):
            continue
        entry = attributes.setdefault(name, {"labels": {}, "values": {}, "bare": False})
        entry["labels"][_SPACE.sub("_", label)] = None
        if definition.type == "bool":
            entry["bare"] = True
        elif definition.type == "choice":
            entry["values"].update(dict.fromkeys(v for v in definition.values if v and not _SPACE.search(v)))
    for name, used in seen.attributes.items():
        entry = attributes.setdefault(name, {"labels": {}, "values": {}, "bare": False})
        entry["labels"].update(used["labels"])
        entry["values"].update(used["values"])
        entry["bare"] = entry["bare"] or used["bare"]

    lines = ["# annotation.conf written by annotator: the labels, relations and attributes of this export", ""]
    lines.append("[entities]")
    lines.extend(entities)
    lines += ["", "[relations]"]
    for name, (heads, children) in relations.items():
        arg1 = "|".join(heads) or "<ENTITY>"
        arg2 = "|".join(children) or "<ENTITY>"
        lines.append(f"{name}\tArg1:{arg1}, Arg2:{arg2}")
    lines.append("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>")
    lines += ["", "[events]", "", "[attributes]"]
    for name, entry in attributes.items():
        args = "|".join(entry["labels"]) or "<ENTITY>"
        values = list(entry["values"])
        if values:
            if entry["bare"] and "true" not in values:
                values.insert(0, "true")
            lines.append(f"{name}\tArg:{args}, Value:{'|'.join(values)}")
        else:
            lines.append(f"{name}\tArg:{args}")
    return "\n".join(lines) + "\n"


# -- import -------------------------------------------------------------------------------


@dataclass
class _Pair:
    folder: Path
    stem: str
    txt: Path | None
    ann: Path | None
    entry: dict[str, Any] | None = None


@dataclass
class _Notes:
    skipped: Counter[str] = field(default_factory=Counter)
    first: dict[str, str] = field(default_factory=dict)
    joined: int = 0
    without_ann: int = 0
    refs_skipped: int = 0

    def skip(self, kind: str, where: str) -> None:
        self.skipped[kind] += 1
        self.first.setdefault(kind, where)

    def lines(self, path: Path) -> list[str]:
        names = {
            "#": "'#' (note)",
            "E": "'E' (event)",
            "N": "'N' (normalisation)",
            "M": "'M' (modifier)",
            "*": "'*' (equivalence)",
        }
        out = []
        for kind, n in sorted(self.skipped.items()):
            what = names.get(kind, f"{kind!r} (unknown)")
            out.append(f"{path}: {n} {what} lines not imported (first at {self.first[kind]})")
        if self.refs_skipped:
            out.append(f"{path}: {self.refs_skipped} relations or attributes on lines that were not imported skipped")
        if self.joined:
            out.append(
                f"{path}: {self.joined} discontinuous spans joined into one span from the first start to the "
                "last end (their gaps held more than line breaks)"
            )
        if self.without_ann:
            out.append(f"{path}: {self.without_ann} .txt files without an .ann imported without annotations")
        return out


def _read_manifest(folder: Path) -> dict[str, dict[str, Any]]:
    manifest = folder / MANIFEST_NAME
    entries: dict[str, dict[str, Any]] = {}
    if not manifest.is_file():
        return entries
    with open(manifest, "rb") as stream:
        for number, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue

            def fail(message: str, field_name: str | None = None, number: int = number) -> InputError:
                return InputError(message, path=str(manifest), line=number, field=field_name)

            try:
                entry = orjson.loads(raw)
            except orjson.JSONDecodeError as exc:
                raise fail(f"not valid JSON ({exc})") from exc
            if not isinstance(entry, dict):
                raise fail("expected a JSON object")
            for key, types in (("file", str), ("id", str), ("title", str), ("meta", dict), ("annotator", str | None)):
                if key in entry and not isinstance(entry[key], types):
                    raise fail(f"has the wrong type ({type(entry[key]).__name__})", key)
            if "file" not in entry or "id" not in entry:
                raise fail("missing", "file" if "file" not in entry else "id")
            if entry["file"] in entries:
                raise fail(f"file {entry['file']!r} is listed twice", "file")
            entry["_line"] = number
            entries[entry["file"]] = entry
    return entries


def _collect(path: Path) -> tuple[Path, list[_Pair]]:
    """The pairs to import (manifest order first, then file names in order) and the root folder."""
    if path.is_file():
        if path.suffix not in (".ann", ".txt"):
            raise InputError("expected a brat folder, or one of its .ann or .txt files", path=str(path))
        folders = [(path.parent, {path.stem})]
        root = path.parent
    elif path.is_dir():
        root = path
        folders = []
        for folder, dirnames, filenames in os.walk(path):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            stems = {f[:-4] for f in filenames if f.endswith((".ann", ".txt")) and not f.startswith(".")}
            if stems:
                folders.append((Path(folder), stems))
    else:
        raise InputError("no such file or folder", path=str(path))
    pairs: list[_Pair] = []
    for folder, stems in folders:
        manifest = _read_manifest(folder)
        ordered = [s for s in manifest if s in stems] + sorted(s for s in stems if s not in manifest)
        if path.is_dir():
            for stem, entry in manifest.items():
                if stem not in stems:
                    raise InputError(
                        f"lists {stem!r}, but there is no {stem}.txt",
                        path=str(folder / MANIFEST_NAME),
                        line=entry["_line"],
                        field="file",
                    )
        for stem in ordered:
            txt, ann = folder / f"{stem}.txt", folder / f"{stem}.ann"
            pairs.append(
                _Pair(folder, stem, txt if txt.is_file() else None, ann if ann.is_file() else None, manifest.get(stem))
            )
    return root, pairs


def import_brat(
    project: Project,
    path: str | Path,
    *,
    annotator: str | None = None,
    default_annotator: str | None = None,
    add_labels: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a brat folder (or one .ann/.txt pair) in one transaction.

    A document's id is the one recorded in the folder's ``documents.meta.jsonl`` (written by our
    export), else the file's path inside the folder without its suffix. Its layer is
    ``annotator``, else the recorded annotator, else ``default_annotator``.
    """
    path = Path(path)
    report = ImportReport()
    notes = _Notes()
    root, pairs = _collect(path)
    with RecordLoader(
        project, report, path=str(path), annotator=annotator, default_annotator=default_annotator, add_labels=add_labels
    ) as loader:
        definitions = {
            (label.name, attr.name): attr for label in project.scheme().span_labels for attr in label.attributes
        }
        for done, pair in enumerate(pairs, start=1):
            if pair.txt is None:
                assert pair.ann is not None
                raise InputError(f"no matching {pair.stem}.txt beside it", path=str(pair.ann))
            raw = pair.txt.read_bytes()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(f"not UTF-8 text ({exc.reason} at byte {exc.start})", path=str(pair.txt)) from exc
            entry = pair.entry or {}
            ext_id = entry.get("id", (pair.folder.relative_to(root) / pair.stem).as_posix())
            layer = entry.get("annotator")
            record = Record(text=text, ext_id=ext_id, title=entry.get("title", ""), meta=dict(entry.get("meta", {})))
            if pair.ann is None:
                notes.without_ann += 1
            else:
                loader.path = str(pair.ann)
                _parse_ann(pair.ann, text, layer, record, loader, definitions, notes)
            loader.load(record, None)
            if progress is not None:
                progress(done, len(pairs))
    report.notes.extend(notes.lines(path))
    return report


def _parse_ann(
    ann: Path,
    text: str,
    layer: str | None,
    record: Record,
    loader: RecordLoader,
    definitions: dict[tuple[str, str], AttributeDef],
    notes: _Notes,
) -> None:
    try:
        content = ann.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason} at byte {exc.start})", path=str(ann)) from exc
    source = str(ann)
    length = len(text)
    spans: dict[str, RecordSpan] = {}
    lines_of: dict[str, int] = {}
    other_ids: set[str] = set()
    relations: list[tuple[int, str, str, list[str]]] = []
    attributes: list[tuple[int, str, list[str]]] = []

    def label_ok(label: str, number: int, where: str, *, relation: bool) -> None:
        known = loader.relation_labels if relation else loader.span_labels
        if not label:
            raise InputError("missing label", path=source, line=number, field=where)
        if label not in known and not loader.add_labels:
            kind = "relation label" if relation else "label"
            raise InputError(
                f"unknown {kind} {label!r} (not in the project's scheme; import with --add-labels to add it)",
                path=source,
                line=number,
                field=where,
            )

    for number, raw_line in enumerate(content.split("\n"), start=1):
        line = raw_line.rstrip("\r")
        if not line.strip():
            continue

        def fail(message: str, field_name: str | None = None, number: int = number) -> InputError:
            return InputError(message, path=source, line=number, field=field_name)

        ident, tab, rest = line.partition("\t")
        kind = ident[:1]
        if kind in ("T", "R", "A") and not tab:
            raise fail("expected a tab after the annotation id", ident)
        if kind in ("T", "R", "A") and (ident in spans or ident in lines_of):
            raise fail(f"annotation id {ident} repeats", ident)
        if kind == "T":
            head, has_text, surface = rest.partition("\t")
            label, _, offsets = head.partition(" ")
            label_ok(label, number, f"{ident}.label", relation=False)
            pieces: list[tuple[int, int]] = []
            for fragment in offsets.split(";"):
                bits = fragment.split()
                if len(bits) != 2:
                    raise fail(f"expected 'start end', got {fragment!r}", f"{ident}.offsets")
                try:
                    start, end = int(bits[0]), int(bits[1])
                except ValueError as exc:
                    raise fail(f"offsets must be integers, got {fragment!r}", f"{ident}.offsets") from exc
                if start < 0:
                    raise fail(f"start {start} is negative", f"{ident}.start")
                if end > length:
                    raise fail(f"end {end} is past the end of {ann.stem}.txt (length {length})", f"{ident}.end")
                if start >= end:
                    raise fail(f"start {start} is not before end {end}", f"{ident}.end")
                pieces.append((start, end))
            pieces.sort()
            written = " ".join(text[s:e] for s, e in pieces)
            if has_text and surface != written:
                raise fail(f"text {surface!r} does not match the .txt at these offsets ({written!r})", f"{ident}.text")
            start, end = pieces[0][0], max(e for _, e in pieces)
            if len(pieces) > 1:
                gaps = "".join(text[e:s] for (_, e), (s, _) in pairwise(pieces))
                if any(ch not in LINE_BREAKS for ch in gaps):
                    notes.joined += 1
            spans[ident] = RecordSpan(start, end, label, None, ident, layer, {}, ident)
            lines_of[ident] = number
        elif kind == "R":
            tokens = rest.split()
            if not tokens:
                raise fail("missing relation label", f"{ident}.label")
            label_ok(tokens[0], number, f"{ident}.label", relation=True)
            args: dict[str, str] = {}
            for token in tokens[1:]:
                role, colon, target = token.partition(":")
                if not colon:
                    raise fail(f"expected ROLE:ID, got {token!r}", ident)
                args[role] = target
            if "Arg1" in args and "Arg2" in args:
                ends = [args["Arg1"], args["Arg2"]]
            elif len(args) == 2:
                ends = list(args.values())
            else:
                raise fail("a relation needs two arguments, Arg1:ID Arg2:ID", f"{ident}.Arg1")
            relations.append((number, ident, tokens[0], ends))
            lines_of[ident] = number
        elif kind == "A":
            tokens = rest.split()
            if len(tokens) not in (2, 3):
                raise fail("expected NAME ID [VALUE]", ident)
            attributes.append((number, ident, tokens))
            lines_of[ident] = number
        else:
            other_ids.add(ident)
            notes.skip(kind if kind in "#ENM*" else ident[:1] or "?", f"{ann.name} line {number}")

    for number, ident, label, ends in relations:
        resolved = []
        for role, target in zip(("Arg1", "Arg2"), ends, strict=True):
            if target in spans:
                resolved.append(target)
            elif target in other_ids:
                resolved = []
                break
            else:
                raise InputError(
                    f"{target} is not a text-bound annotation (T) of this file",
                    path=source,
                    line=number,
                    field=f"{ident}.{role}",
                )
        if not resolved:
            notes.refs_skipped += 1
            continue
        record.relations.append(RecordRelation(resolved[0], resolved[1], label, layer, ident))
    for number, ident, tokens in attributes:
        name, target = tokens[0], tokens[1]
        if target not in spans:
            if target in other_ids:
                notes.refs_skipped += 1
                continue
            raise InputError(
                f"{target} is not a text-bound annotation (T) of this file",
                path=source,
                line=number,
                field=f"{ident}.target",
            )
        span = spans[target]
        span.attrs[name] = decode_attribute(
            tokens[2] if len(tokens) == 3 else None, definitions.get((span.label, name))
        )
    record.spans.extend(spans.values())


def looks_like_brat(path: str | Path) -> bool:
    """True for an .ann file, or a folder holding annotation.conf or an .ann file (at any depth)."""
    path = Path(path)
    if path.is_file():
        return path.suffix == ".ann"
    if not path.is_dir():
        return False
    if (path / CONF_NAME).is_file():
        return True
    return any(name.endswith(".ann") for _, _, names in os.walk(path) for name in names)


__all__ = [
    "CONF_NAME",
    "MANIFEST_NAME",
    "annotation_conf",
    "decode_attribute",
    "encode_attribute",
    "export_brat",
    "fragments",
    "import_brat",
    "looks_like_brat",
]
