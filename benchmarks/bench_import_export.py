"""Import and export throughput of native JSONL, and export time against a floor measured in the same run.

Generates a synthetic Arabic news corpus (seeded, so every run sees the same bytes), then, three
times over in fresh temporary projects:

* import:  ``Project.create`` + ``import_jsonl``  -> documents/s, spans/s, MB/s of input;
* export:  ``export_jsonl``                       -> documents/s, spans/s, MB/s of output;
* floor:   the same rows read with the plain ``sqlite3`` module and encoded with ``orjson`` into a
           file (one pass over three ordered cursors, same record shape, same fsync), i.e. what any
           exporter must at least spend. Its output is compared byte for byte with the export's,
           so the floor is known to do the same work.

Each figure is the median of the runs. After the timed runs, one more export runs under
``tracemalloc`` to show that memory stays flat (peak well below the size of the output).

    python benchmarks/bench_import_export.py                 # 2,000 documents, ~20 spans each
    python benchmarks/bench_import_export.py --docs 20000    # a bigger run
    python benchmarks/bench_import_export.py --corpus data/news.jsonl   # a real JSONL file
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from annotator.core.errors import AnnotatorError
from annotator.formats.jsonl import export_jsonl, import_jsonl
from annotator.store.project import Project

# -- the synthetic corpus -----------------------------------------------------------------

# News vocabulary with the things that make Arabic text awkward: diacritics (shadda, fatha,
# damma...), tatweel, ZWNJ, hamza forms, Arabic-Indic digits, plus Latin words and emoji
# (including multi-code-point ones: a flag, a skin-tone modifier, a ZWJ sequence).
_VOCABULARY = (
    "قال أضاف أوضح أكد صرّح نفى أعلن ذكر الرئيسُ الوزيرُ المتحدث الرسمي الحكومةُ البرلمان "
    "المجلس الوطني وزارة الخارجية الأمم المتحدة الجامعة العربية مسيّرة مسيّرات طائرة الجيشُ "
    "القوات المسلحة الشرطة المدينة العاصمة القاهرة بيروت الرياض عمّان دمشق بغداد الرباط تونس "
    "الخرطوم صنعاء غزة القدس يوم الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت في من إلى "
    "على عن أن إنّ لكنّ بعد قبل خلال منذ حتى مع بين ضد هذا هذه ذلك التي الذي الذين اقتصاد "
    "الاقتصادُ التضخم الأسعار النفط الغاز الكهرباء المياه الزراعة الصحة التعليم الانتخابات "
    "المفاوضات الاتفاق الهدنة وقف إطلاق النار المساعدات الإنسانية اللاجئين النازحين مليون مليار "
    "دولار جنيه دينار ريال بالمئة ٢٠٢٤ ١٥ ٣٠٠ العـــاجل الـعـربـيـة مهمّة ضروريّ مؤتمر صحفي "
    "بيان رسمي مصادر مطلعة تقرير دراسة استطلاع الرأي العام نمو تراجع ارتفاع انخفاض"
)
# Fully vowelled words, and ZWNJ (U+200C) inside words, as it turns up in pasted text.
WORDS = [*_VOCABULARY.split(), "قالَ", "وَقالَ", "الشَّعبُ", "السَّلامُ", "لِلْمَرَّةِ", "لا\u200cسلكي", "ال\u200cأمم"]
LATIN = ["COVID-19", "NATO", "UN", "iPhone", "Reuters", "AFP", "BBC", "GDP", "IMF", "OPEC+", "Twitter/X"]
EMOJI = ["📰", "🔴", "⚡", "👍🏽", "🇸🇦", "🇪🇬", "👨\u200d💻", "🕊️", "📈"]
PUNCT = ["،", "؛", ".", "؟", ":", "!"]
ANNOTATORS = ["amal", "omar"]
ENTITY_LABELS = ["PER", "ORG", "GPE"]
SPAN_LABELS = [*ENTITY_LABELS, "QUOTE", "CLAIM"]
LABEL_WEIGHTS = [30, 20, 20, 15, 15]
CLAIM_TYPES = ["numerical", "causal", "event", "quote", "prediction", "other"]


def _word(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.015:
        return rng.choice(EMOJI)
    if roll < 0.05:
        return rng.choice(LATIN)
    return rng.choice(WORDS)


def make_document(rng: random.Random, number: int, spans_per_doc: int) -> dict[str, Any]:
    """One native JSONL record: 2-5 KB of UTF-8 text, ~spans_per_doc spans, SAID_BY relations."""
    target = rng.randint(2_000, 5_000)  # bytes of UTF-8 text
    newline = "\r\n" if rng.random() < 0.05 else "\n"  # a few CRLF documents, as real input has
    parts: list[str] = []
    words: list[tuple[int, int]] = []  # (start, end) of each word, in code points
    length = size = 0
    sentence = 0
    while size < target:
        if parts:
            sep = newline if sentence > 6 and rng.random() < 0.3 else " "
            sentence = 0 if sep != " " else sentence
            parts.append(sep)
            length += len(sep)
            size += len(sep)
        word = _word(rng)
        words.append((length, length + len(word)))
        parts.append(word)
        length += len(word)
        size += len(word.encode("utf-8"))
        if rng.random() < 0.08:
            mark = rng.choice(PUNCT)
            parts.append(mark)
            length += 1
            size += len(mark.encode("utf-8"))
            sentence += 1
    text = "".join(parts)

    # Non-overlapping spans over whole words: entities 1-3 words, quotes and claims 4-14 words.
    count = max(1, min(spans_per_doc + rng.randint(-3, 3), len(words) // 2)) if spans_per_doc else 0
    starts = sorted(rng.sample(range(len(words)), count))
    spans: list[dict[str, Any]] = []
    for i, first in enumerate(starts):
        label = rng.choices(SPAN_LABELS, LABEL_WEIGHTS)[0]
        want = rng.randint(1, 3) if label in ENTITY_LABELS else rng.randint(4, 14)
        limit = (starts[i + 1] if i + 1 < len(starts) else len(words)) - first
        last = first + max(1, min(want, limit)) - 1
        start, end = words[first][0], words[last][1]
        if label == "QUOTE":
            attrs: dict[str, Any] = {"type": rng.choice(["direct", "indirect"])}
        elif label == "CLAIM":
            attrs = {"check_worthy": rng.random() < 0.7, "claim_type": rng.choice(CLAIM_TYPES)}
        else:
            attrs = {}
        spans.append(
            {
                "id": f"s{len(spans) + 1}",
                "start": start,
                "end": end,
                "label": label,
                "text": text[start:end],
                "annotator": "amal",
                "attrs": attrs,
            }
        )
    # A second layer: omar agrees on about a tenth of amal's entities.
    for span in list(spans):
        if span["label"] in ENTITY_LABELS and rng.random() < 0.1:
            spans.append({**span, "id": f"s{len(spans) + 1}", "annotator": "omar"})

    # Each quote is said by the nearest person or organisation before it (when there is one).
    relations = []
    speaker = None
    for span in spans:
        if span["annotator"] != "amal":
            continue
        if span["label"] in ("PER", "ORG"):
            speaker = span
        elif span["label"] == "QUOTE" and speaker is not None and rng.random() < 0.8:
            relations.append({"head": span["id"], "child": speaker["id"], "label": "SAID_BY", "annotator": "amal"})
    return {
        "id": f"news-{number:06d}",
        "text": text,
        "meta": {
            "title": " ".join(text[s:e] for s, e in words[:8]),
            "source": rng.choice(["Reuters", "AFP", "الجزيرة", "العربية", "الأهرام"]),
            "date": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        },
        "spans": spans,
        "relations": relations,
    }


def write_corpus(path: Path, docs: int, spans_per_doc: int, seed: int) -> None:
    rng = random.Random(seed)
    with open(path, "wb") as out:
        for number in range(1, docs + 1):
            out.write(orjson.dumps(make_document(rng, number, spans_per_doc), option=orjson.OPT_APPEND_NEWLINE))


# -- the floor ------------------------------------------------------------------------------


def _groups(rows: Iterator[tuple[Any, ...]]) -> Iterator[tuple[int, list[tuple[Any, ...]]]]:
    for doc_id, group in itertools.groupby(rows, key=lambda row: row[0]):
        yield doc_id, list(group)


def floor_export(db_path: Path, out_path: Path) -> None:
    """The least an exporter must do: read documents, spans and relations, build and encode records.

    One pass over three cursors ordered by document, merged in Python; the record has the exact
    shape export_jsonl writes (span ids numbered by position, span surface text, relations by
    span order). No validation, no model objects, no per-document queries.
    """
    conn = sqlite3.connect(db_path)
    try:
        docs = conn.execute("SELECT id, ext_id, title, text, meta FROM documents ORDER BY id")
        spans = _groups(
            conn.execute(
                'SELECT s.document_id, s.id, s."start", s."end", s.label, a.name, s.attrs FROM spans s '
                'JOIN annotators a ON a.id = s.annotator_id ORDER BY s.document_id, s."start", s."end", '
                "s.label, a.name, s.attrs"
            )
        )
        relations = _groups(
            conn.execute(
                "SELECT r.document_id, r.head_id, r.child_id, r.label, a.name FROM relations r "
                "JOIN annotators a ON a.id = r.annotator_id ORDER BY r.document_id, r.id"
            )
        )
        next_spans = next(spans, (None, []))
        next_relations = next(relations, (None, []))
        dumps, loads, newline = orjson.dumps, orjson.loads, orjson.OPT_APPEND_NEWLINE
        with open(out_path, "wb") as out:
            for doc_id, ext_id, title, text, meta in docs:
                doc_spans: list[tuple[Any, ...]] = []
                doc_relations: list[tuple[Any, ...]] = []
                if next_spans[0] == doc_id:
                    doc_spans = next_spans[1]
                    next_spans = next(spans, (None, []))
                if next_relations[0] == doc_id:
                    doc_relations = next_relations[1]
                    next_relations = next(relations, (None, []))
                number = {row[1]: i for i, row in enumerate(doc_spans, start=1)}
                doc_relations.sort(key=lambda r: (number[r[1]], number[r[2]], r[3], r[4]))
                record = {
                    "id": ext_id,
                    "text": text,
                    "meta": {"title": title, **loads(meta)},
                    "spans": [
                        {
                            "id": f"s{i}",
                            "start": start,
                            "end": end,
                            "label": label,
                            "text": text[start:end],
                            "annotator": who,
                            "attrs": loads(attrs),
                        }
                        for i, (_, _, start, end, label, who, attrs) in enumerate(doc_spans, start=1)
                    ],
                    "relations": [
                        {"head": f"s{number[head]}", "child": f"s{number[child]}", "label": label, "annotator": who}
                        for _, head, child, label, who in doc_relations
                    ],
                }
                out.write(dumps(record, option=newline))
            out.flush()
            os.fsync(out.fileno())  # export_jsonl writes atomically (fsync, rename): so does the floor
    finally:
        conn.close()


# -- measuring --------------------------------------------------------------------------------


@dataclass
class Run:
    import_s: float
    export_s: float
    floor_s: float
    identical: bool


def one_run(corpus: Path, workdir: Path, index: int, add_labels: bool) -> tuple[Run, Any, Any, Path]:
    db = workdir / f"run{index}.annotator"
    exported = workdir / f"run{index}.export.jsonl"
    floored = workdir / f"run{index}.floor.jsonl"
    t0 = time.perf_counter()
    project = Project.create(db)
    report = import_jsonl(project, corpus, add_labels=add_labels)
    import_s = time.perf_counter() - t0

    exports = []

    def run_export() -> float:
        t = time.perf_counter()
        exports.append(export_jsonl(project, exported))
        return time.perf_counter() - t

    def run_floor() -> float:
        t = time.perf_counter()
        floor_export(db, floored)
        return time.perf_counter() - t

    # Alternate the order so neither side always gets the warmer cache.
    if index % 2:
        floor_s, export_s = run_floor(), run_export()
    else:
        export_s, floor_s = run_export(), run_floor()
    identical = exported.read_bytes() == floored.read_bytes()
    project.close()
    return Run(import_s, export_s, floor_s, identical), report, exports[0], db


def export_peak_memory(db: Path, out: Path) -> int:
    """Peak Python heap (bytes) during one export, measured with tracemalloc (not timed)."""
    project = Project.open(db)
    try:
        tracemalloc.start()
        tracemalloc.reset_peak()
        export_jsonl(project, out)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    finally:
        project.close()
    return peak


def count_corpus(path: Path) -> tuple[int, int, int, int]:
    """Documents, spans, relations, and the largest line (bytes) of a JSONL file."""
    docs = spans = relations = largest = 0
    with open(path, "rb") as stream:
        for raw in stream:
            if not raw.strip():
                continue
            try:
                record = orjson.loads(raw)
            except orjson.JSONDecodeError:
                continue  # the import reports it, with its line number
            if not isinstance(record, dict):
                continue
            docs += 1
            spans += len(record.get("spans") or []) + len(record.get("label") or [])
            relations += len(record.get("relations") or [])
            largest = max(largest, len(raw))
    return docs, spans, relations, largest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2_000, help="documents to generate (default 2000)")
    parser.add_argument("--spans-per-doc", type=int, default=20, help="spans per document, about (default 20)")
    parser.add_argument("--seed", type=int, default=20240601, help="random seed of the generated corpus")
    parser.add_argument("--runs", type=int, default=3, help="runs to take the median of (default 3)")
    parser.add_argument("--corpus", type=Path, help="import this JSONL file instead of a generated corpus")
    args = parser.parse_args(argv)
    if args.docs < 1 or args.spans_per_doc < 0 or args.runs < 1:
        parser.error("--docs and --runs must be positive, --spans-per-doc not negative")

    with tempfile.TemporaryDirectory(prefix="annotator-bench-") as tmp:
        workdir = Path(tmp)
        if args.corpus:
            corpus = args.corpus
            if not corpus.is_file():
                parser.error(f"{corpus}: no such file")
            what = f"corpus {corpus}"
        else:
            corpus = workdir / "corpus.jsonl"
            t0 = time.perf_counter()
            write_corpus(corpus, args.docs, args.spans_per_doc, args.seed)
            what = f"generated corpus (seed {args.seed}, {time.perf_counter() - t0:.1f} s to generate)"
        docs, spans, relations, largest = count_corpus(corpus)
        in_mb = corpus.stat().st_size / 1e6
        print(f"{what}: {docs:,} documents, {spans:,} spans, {relations:,} relations, {in_mb:.2f} MB")

        runs: list[Run] = []
        report = exported = None
        db = workdir / "run0.annotator"
        for index in range(args.runs):
            try:
                run, report, exported, db = one_run(corpus, workdir, index, add_labels=args.corpus is not None)
            except AnnotatorError as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 1
            runs.append(run)
            print(
                f"  run {index + 1}: import {run.import_s:.2f} s, export {run.export_s:.2f} s, "
                f"floor {run.floor_s:.2f} s",
                flush=True,
            )
            if index < args.runs - 1:  # keep the last project for the memory measurement
                for leftover in workdir.glob(f"run{index}.*"):
                    leftover.unlink()
        assert report is not None and exported is not None
        out_mb = (workdir / f"run{args.runs - 1}.export.jsonl").stat().st_size / 1e6
        out_docs, out_spans = exported.documents, sum(exported.spans.values())

        import_s = statistics.median(r.import_s for r in runs)
        export_s = statistics.median(r.export_s for r in runs)
        floor_s = statistics.median(r.floor_s for r in runs)
        ratio = statistics.median(r.export_s / r.floor_s for r in runs)
        peak = export_peak_memory(db, workdir / "memory.export.jsonl")

        print()
        print(f"{f'median of {args.runs} runs':<32}{'seconds':>8}{'docs/s':>12}{'spans/s':>12}{'MB/s':>10}")
        for name, seconds, n_docs, n_spans, mb in (
            ("import (create + import_jsonl)", import_s, docs, spans, in_mb),
            ("export (export_jsonl)", export_s, out_docs, out_spans, out_mb),
            ("export floor (sqlite3 + orjson)", floor_s, out_docs, out_spans, out_mb),
        ):
            print(
                f"{name:<32}{seconds:>8.2f}{n_docs / seconds:>12,.0f}{n_spans / seconds:>12,.0f}{mb / seconds:>10.1f}"
            )
        print(f"export / floor: {ratio:.2f}x (median of per-run ratios)")
        print(
            f"export peak Python memory (tracemalloc): {peak / 2**20:.2f} MiB for {out_mb:.2f} MB written "
            f"(largest record {largest / 1e3:.1f} KB)"
        )
        print(f"import: {report.summary()}")
        print(f"export: {exported.summary()}")
        if not all(r.identical for r in runs):
            message = "export and floor outputs differ"
            if args.corpus:
                print(f"note: {message} (tied spans may be ordered differently in a real corpus)")
            else:
                print(f"ERROR: {message}: the floor no longer does the export's work; update floor_export()")
                return 1
        else:
            print("export output identical to the floor's, byte for byte")
    return 0


if __name__ == "__main__":
    sys.exit(main())
