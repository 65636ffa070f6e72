"""Property-based tests (hypothesis): random documents and random span sets through every exporter
and importer in formats/registry.py. A round trip holds (to what the format can hold), or a clean
AnnotatorError comes back; never another exception, and a refused import changes nothing."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_helpers import FIGURES, full_dump

from annotator.core.errors import AnnotatorError
from annotator.core.model import Document, Relation, Span
from annotator.formats.registry import EXPORTS, IMPORTS
from annotator.formats.selection import ExportOptions
from annotator.resources import default_scheme
from annotator.store.project import Project

SCHEME = default_scheme()
LABELS = SCHEME.span_label_names
ANNOTATORS = ("amal", "omar")
# Characters that move offsets or split words: Arabic with harakat and tatweel, ZWJ/ZWNJ, astral
# emoji (a flag, a skin tone), Arabic-Indic digits, Latin, punctuation, tabs, line and paragraph separators.
ALPHABET = [
    *"قال بوتين روسيا الكرملين مُسيَّرةً ـ",
    "\u200c",
    "\u200d",
    "😀",
    "👍🏽",
    "🇸🇦",
    "٣",
    "0",
    "NATO",
    "«",
    "»",
    '"',
    "'",
    ".",
    "،",
    "؟",
    "\n",
    "\n\n",
    "\t",
    "\u00a0",
    "\u2028",
]


def joined(pieces: list[str], *, min_size: int = 0, max_size: int) -> st.SearchStrategy[str]:
    """Strings made of ``pieces`` (some longer than one character, like an emoji with its modifier)."""
    return st.lists(st.sampled_from(pieces), min_size=min_size, max_size=max_size).map("".join)


EXT_ID = joined([*"abc-_./ %~#'\"قال😀", "..", "../"], min_size=1, max_size=8).filter(
    lambda s: s.strip() == s and bool(s.strip())
)
EXAMPLES = int(os.environ.get("RELIABILITY_EXAMPLES", "20"))


@st.composite
def documents(draw) -> list[dict[str, Any]]:
    ids = draw(st.lists(EXT_ID, min_size=1, max_size=3, unique_by=lambda s: s.casefold()))
    out = []
    for ext_id in ids:
        text = draw(joined(ALPHABET, min_size=1, max_size=40))
        spans = []
        for _ in range(draw(st.integers(0, 6))):
            if len(text) < 1:
                break
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start + 1, len(text)))
            label = draw(st.sampled_from(LABELS))
            definition = SCHEME.span_label(label)
            attrs = {}
            for attr in definition.attributes if definition else []:
                if draw(st.booleans()):
                    attrs[attr.name] = draw(st.sampled_from(attr.values)) if attr.values else draw(st.booleans())
            span = Span(start, end, label, draw(st.sampled_from(ANNOTATORS)), attrs)
            # One layer never holds the same span twice (tagging and imports both refuse that).
            if all((s.start, s.end, s.label, s.annotator) != (start, end, label, span.annotator) for s in spans):
                spans.append(span)
        out.append({"ext_id": ext_id, "text": text, "title": draw(st.text(max_size=8)), "spans": spans})
    return out


_TEMPLATE: Path | None = None


def _fresh(folder: Path, name: str) -> Path:
    """A new, empty project (a copy of one made once: creating the schema is the slow part)."""
    global _TEMPLATE
    if _TEMPLATE is None or not _TEMPLATE.exists():
        _TEMPLATE = Path(tempfile.mkdtemp(prefix="annotator-template-")) / "template.annotator.db"
        Project.create(_TEMPLATE).close()
    path = folder / name
    shutil.copy(_TEMPLATE, path)
    return path


def _fill(path: Path, docs: list[dict[str, Any]]) -> None:
    with Project.open(path) as project, project.transaction():
        for doc in docs:
            doc_id = project.add_document(Document(text=doc["text"], ext_id=doc["ext_id"], title=doc["title"]))
            stored = project.add_spans(
                doc_id, [Span(s.start, s.end, s.label, s.annotator, dict(s.attrs)) for s in doc["spans"]]
            )
            # relations the scheme allows, within one layer
            for head in stored:
                for child in stored:
                    rel = next((r for r in SCHEME.relation_labels if r.allows(head.label, child.label)), None)
                    if rel and head.annotator == child.annotator and head.id != child.id:
                        project.add_relations(doc_id, [Relation(head.id, child.id, rel.name, head.annotator)])  # type: ignore[arg-type]
                        break


def contents(path: Path, *, layer: str | None = None, attrs: bool = True, relations: bool = True) -> dict:
    """Documents by id: text, and the set of spans (and relations between them) of a layer or all."""
    out = {}
    with Project.open(path) as project:
        for doc in project.iter_documents():
            spans = project.spans(doc.id, layer)  # type: ignore[arg-type]
            key = {
                s.id: (s.annotator, s.label, s.start, s.end, json.dumps(s.attrs, sort_keys=True) if attrs else "")
                for s in spans
            }
            rels = (
                sorted((r.annotator, r.label, key[r.head], key[r.child]) for r in project.relations(doc.id, layer))  # type: ignore[arg-type]
                if relations
                else []
            )
            out[doc.ext_id] = (doc.text, sorted(set(key.values())), rels)
    return out


def _export(fmt: str, db: Path, out: Path, options: ExportOptions):
    with Project.open(db) as project:
        return EXPORTS[fmt].exporter()(project, out, options)


def _import(fmt: str, db: Path, source: Path, **kwargs):
    importer = IMPORTS[fmt].importer()
    with Project.open(db) as project:
        return importer(project, source, **kwargs)


# What each format round-trips: (export options, import keywords, compare keywords).
ROUND_TRIPS = {
    "jsonl": ("jsonl", ExportOptions(), {}, {}),
    "labelstudio": ("labelstudio", ExportOptions(), {}, {}),
    "brat": ("brat", ExportOptions(), {}, {}),
    "doccano": (
        "doccano",
        ExportOptions(layer="amal"),
        {"annotator": "amal"},
        {"layer": "amal", "attrs": False, "relations": False},
    ),
    "doccano-entities": (
        "doccano",
        ExportOptions(layer="amal"),
        {"annotator": "amal"},
        {"layer": "amal", "attrs": False},
    ),
}


@settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(docs=documents())
def test_every_exporter_round_trips_or_refuses_cleanly(docs) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = _fresh(folder, "source.annotator.db")
        _fill(db, docs)
        before = full_dump(db)
        for fmt in EXPORTS:
            out = folder / f"out-{fmt}" / ("data" if EXPORTS[fmt].folder else f"data{EXPORTS[fmt].suffix}")
            options = ROUND_TRIPS[fmt][1] if fmt in ROUND_TRIPS else ExportOptions()
            try:
                report = _export(fmt, db, out, options)
            except AnnotatorError:
                continue  # a clean refusal (e.g. a text a token format cannot split)
            assert report.documents == len(docs), fmt
            assert full_dump(db) == before, f"{fmt} export changed the project"
            if fmt in ROUND_TRIPS:
                importer, _options, kwargs, compare = ROUND_TRIPS[fmt]
                target = _fresh(folder, f"{fmt}.annotator.db")
                imported = _import(importer, target, out, **kwargs)
                if not report.lost:  # everything was written: everything comes back
                    assert contents(target, **compare) == contents(db, **compare), fmt
                else:  # what the format cannot hold is counted, and the rest comes back
                    assert imported.documents_added == report.documents, fmt
                    assert imported.spans_added + imported.spans_skipped == sum(report.spans.values()), (
                        fmt,
                        report.lost,
                    )
            elif fmt == "conll":
                target = _fresh(folder, "conll.annotator.db")
                try:
                    imported = _import("conll", target, out)
                except AnnotatorError as exc:  # pragma: no cover - reported with the example
                    raise AssertionError(f"our own CoNLL export does not import: {exc}") from exc
                # A document with no tokens (only spaces and line breaks) cannot be written without
                # its # text lines (doc_text=True); the import names each one in its notes.
                untokened = [n for n in imported.notes if "has no tokens and no # text; not imported" in n]
                assert imported.documents_added + len(untokened) == report.documents
                assert imported.spans_added + imported.spans_skipped == sum(report.spans.values())
    FIGURES["hypothesis_examples"] += 1


# -- importers fed random input -----------------------------------------------------------------

JSON_KEYS = [
    *("id", "text", "spans", "relations", "label", "start", "end", "head", "child", "meta", "attrs"),
    *("annotator", "entities", "start_offset", "end_offset", "data", "annotations", "result", "value"),
    *("labels", "type", "from_name", "to_name", "from_id", "to_id"),
]


def _json_containers(inner: st.SearchStrategy) -> st.SearchStrategy:
    return st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(JSON_KEYS), inner, max_size=6)


JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 60) | joined(ALPHABET, max_size=8), _json_containers, max_leaves=20
)
RECORD = st.fixed_dictionaries(
    {"text": joined(ALPHABET, max_size=30)},
    optional={
        "id": st.one_of(EXT_ID, st.integers(), st.none()),
        "spans": st.lists(
            st.fixed_dictionaries(
                {
                    "start": st.integers(-2, 35),
                    "end": st.integers(-2, 35),
                    "label": st.sampled_from([*LABELS, "X", ""]),
                },
                optional={"id": st.sampled_from(["a", "b", 1]), "text": joined(ALPHABET, max_size=4)},
            ),
            max_size=4,
        ),
        "label": st.lists(
            st.tuples(st.integers(-2, 35), st.integers(-2, 35), st.sampled_from([*LABELS, "X"])).map(list), max_size=3
        ),
        "relations": st.lists(
            st.fixed_dictionaries(
                {
                    "head": st.sampled_from(["a", "b", 1]),
                    "child": st.sampled_from(["a", "b", 1]),
                    "label": st.sampled_from(["SAID_BY", "X"]),
                }
            ),
            max_size=2,
        ),
    },
)
LINES = st.lists(st.one_of(RECORD, JSON_VALUE, joined(ALPHABET, max_size=20)), min_size=1, max_size=4)
CONLL_LINE = st.one_of(
    st.just(""),
    st.tuples(
        joined([*ALPHABET[:20], "#", "-DOCSTART-"], max_size=6),
        st.lists(
            st.sampled_from(["O", "B-PER", "I-PER", "B-GPE", "I-GPE", "E-ORG", "S-LOC", "B-X", "PER", "I-"]), max_size=3
        ),
    ).map(lambda t: "\t".join([t[0], *t[1]])),
    st.sampled_from(["# id = d", "# text = قال بوتين", "-DOCSTART- -X- -X- O"]),
)
BRAT_LINE = st.one_of(
    st.tuples(
        st.sampled_from(["T1", "T2", "T3"]),
        st.sampled_from([*LABELS, "X"]),
        st.integers(-1, 12),
        st.integers(-1, 12),
        joined(ALPHABET[:12], max_size=4),
    ).map(lambda t: f"{t[0]}\t{t[1]} {t[2]} {t[3]}\t{t[4]}"),
    st.tuples(
        st.sampled_from(["R1", "R2"]),
        st.sampled_from(["SAID_BY", "X"]),
        st.sampled_from(["T1", "T2", "T9"]),
        st.sampled_from(["T1", "T2", "E1"]),
    ).map(lambda t: f"{t[0]}\t{t[1]} Arg1:{t[2]} Arg2:{t[3]}"),
    st.sampled_from(
        ["A1\ttype T1 direct", "#1\tAnnotatorNotes T1\tnote", "E1\tPER:T1", "garbage", "T5\tPER 1 3;2 4\tال ا"]
    ),
)


def _write_input(fmt: str, folder: Path, data) -> Path:
    if fmt in ("jsonl", "doccano"):
        path = folder / "input.jsonl"
        path.write_text(
            "".join((line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n" for line in data),
            "utf-8",
        )
    elif fmt == "labelstudio":
        path = folder / "input.json"
        tasks = [
            {"data": {"text": r.get("text") if isinstance(r, dict) else r}, "annotations": [{"result": r}]}
            for r in data
        ]
        path.write_text(json.dumps(tasks, ensure_ascii=False), "utf-8")
    elif fmt == "conll":
        path = folder / "input.conll"
        path.write_text("\n".join(data) + "\n", "utf-8")
    elif fmt == "brat":
        path = folder / "brat"
        path.mkdir()
        (path / "doc.txt").write_text("قال بوتين إن روسيا", "utf-8")
        (path / "doc.ann").write_text("\n".join(data) + "\n", "utf-8")
    else:
        path = folder / "input.txt"
        path.write_bytes(data)
    return path


INPUTS = {
    "jsonl": LINES,
    "doccano": LINES,
    "labelstudio": LINES,
    "conll": st.lists(CONLL_LINE, min_size=1, max_size=12),
    "brat": st.lists(BRAT_LINE, min_size=1, max_size=6),
    "text": st.binary(max_size=64) | joined(ALPHABET, max_size=30).map(lambda t: t.encode("utf-8")),
}


@pytest.mark.parametrize("fmt", list(IMPORTS))
def test_every_importer_takes_random_input_or_refuses_it_cleanly(fmt: str) -> None:
    assert set(INPUTS) == set(IMPORTS), "a new importer needs a random-input strategy here"

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=INPUTS[fmt], add_labels=st.booleans())
    def run(data, add_labels: bool) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            db = _fresh(folder, "target.annotator.db")
            source = _write_input(fmt, folder, data)
            before = full_dump(db)
            kwargs: dict[str, Any] = {} if fmt == "text" else {"add_labels": add_labels}
            try:
                _import(fmt, db, [source] if fmt == "text" else source, **kwargs)
            except AnnotatorError as exc:
                assert str(exc), "an error without a message"
                assert full_dump(db) == before, f"a refused {fmt} import changed the project"
            else:
                with Project.open(db) as project:
                    assert project.check() == []
        FIGURES["hypothesis_examples"] += 1

    run()


def test_the_random_documents_cover_the_tricky_characters() -> None:
    """A guard on the strategy itself: it can make what the round trips are meant to survive."""
    joined = "".join(ALPHABET)
    for needle in ("\u200d", "👍🏽", "🇸🇦", "\u2028", "\t", "ً"):
        assert needle in joined
