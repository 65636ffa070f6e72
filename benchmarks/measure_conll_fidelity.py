"""How many Arabic spans a CoNLL export keeps exact, widens or loses, and whether it says so.

    .venv/bin/python benchmarks/measure_conll_fidelity.py ../shared/data/saudinewsnet [--json OUT]

Issue 4 quotes a widely used web tool whose CoNLL export keeps only 67% of Arabic spans exact and
silently loses 9% (entities nested in quotes, entities glued to clitics such as روسيا in لروسيا).
This script measures ours on real annotated Arabic news:

* the seed article with its demo layer (entities, quotes, claims and cues, nested);
* the 30 hand-annotated SaudiNewsNet articles of docs/suggestions_gold.json (quotes and their
  PER/ORG speakers and mentions; the article texts are read from DATA and checked against the
  hashes there, never copied).

Each setting exports the one layer to CoNLL with the document text as ``# text`` comments, imports
the file back into a fresh project (our importer aligns the tokens to the text, so offsets are
comparable) and compares every original span with what came back: **exact** (same offsets and
label), **widened** (a span of the label that covers it, grown to token edges) or **lost**. The
export's own report counts what it dropped and widened; **silent** is what was lost or widened
beyond those counts (zero means nothing was lost without saying so).

Settings: ours by default (Arabic-aware tokens split at span edges, up to three tag columns); one
tag column (strict BIO, overlaps dropped); whitespace tokens; and whitespace tokens with one column,
the shape of a typical web tool's CoNLL export.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from measure_suggestions import GOLD, load_articles, sha  # noqa: E402

from annotator.core.model import Document, Span  # noqa: E402
from annotator.formats.conll import export_conll, import_conll  # noqa: E402
from annotator.formats.seeds import DEMO_ANNOTATOR, build_demo_project  # noqa: E402
from annotator.formats.selection import ExportOptions  # noqa: E402
from annotator.formats.tokens import LOST_NO_TOKEN, LOST_OVERLAP, LOST_WIDENED  # noqa: E402
from annotator.store.project import Project  # noqa: E402

LAYER = "hand"
SETTINGS: list[tuple[str, str, int]] = [
    ("ours (Arabic tokens, 3 columns)", "arabic", 3),
    ("ours, one BIO column", "arabic", 1),
    ("whitespace tokens, 3 columns", "whitespace", 3),
    ("whitespace tokens, one column (web-tool shape)", "whitespace", 1),
]


def build_corpus(folder: Path, data: Path) -> Path:
    """A project with the seed article's demo layer and the hand-annotated articles, all in LAYER."""
    seed = build_demo_project(folder / "seed.annotator.db")
    try:
        seed_docs = [(doc, seed.spans(doc.id or 0, DEMO_ANNOTATOR)) for doc in seed.iter_documents()]
    finally:
        seed.close()
    articles = load_articles(data)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    path = folder / "corpus.annotator.db"
    project = Project.create(path)
    try:
        with project.transaction():
            for doc, spans in seed_docs:
                doc_id = project.add_document(Document(text=doc.text, ext_id=doc.ext_id))
                project.add_spans(doc_id, [Span(s.start, s.end, s.label, LAYER) for s in spans])
            for art in gold:
                text = articles[art["id"]]["content"]
                if sha(text) != art["text_sha"]:
                    raise SystemExit(f"{art['id']}: the article's text differs from the annotated one (hash)")
                spans = [(s, e, label) for s, e, label, _ in art["entities"]]
                spans += [(q["start"], q["end"], "QUOTE") for q in art["quotes"]]
                spans += [(q["speaker"]["start"], q["speaker"]["end"], "PER") for q in art["quotes"] if q["speaker"]]
                doc_id = project.add_document(Document(text=text, ext_id=art["id"]))
                project.add_spans(doc_id, [Span(s, e, label, LAYER) for s, e, label in sorted(set(spans))])
    finally:
        project.close()
    return path


def measure(corpus: Path, folder: Path, name: str, tokenizer: str, columns: int) -> dict[str, Any]:
    out = folder / f"{tokenizer}-{columns}.conll"
    with Project.open(corpus) as project:
        report = export_conll(
            project, out, ExportOptions(layer=LAYER, tokenizer=tokenizer), max_columns=columns, doc_text=True
        )
        original = {
            project.document(d).ext_id: (project.document(d).text, project.spans(d)) for d in project.document_ids()
        }
    back_path = folder / f"back-{tokenizer}-{columns}.annotator.db"
    with Project.create(back_path) as back:
        import_conll(back, out, add_labels=True)
        recovered = {back.document(d).ext_id: back.spans(d) for d in back.document_ids()}
    exact = widened = lost = 0
    clitic = {"exact": 0, "all": 0}  # spans that start or end inside a word
    for ext_id, (text, spans) in original.items():
        got = recovered.get(ext_id, [])
        have = {(s.start, s.end, s.label) for s in got}
        for span in spans:
            inside = (span.start > 0 and text[span.start - 1].isalnum()) or (
                span.end < len(text) and text[span.end].isalnum()
            )
            clitic["all"] += inside
            if (span.start, span.end, span.label) in have:
                exact += 1
                clitic["exact"] += inside
            elif any(s.label == span.label and s.start <= span.start and span.end <= s.end for s in got):
                widened += 1
            else:
                lost += 1
    total = exact + widened + lost
    said_lost = report.lost.get(LOST_OVERLAP, 0) + report.lost.get(LOST_NO_TOKEN, 0)
    said_widened = report.lost.get(LOST_WIDENED, 0)
    return {
        "setting": name,
        "spans": total,
        "exact": exact,
        "widened": widened,
        "lost": lost,
        "reported_lost": said_lost,
        "reported_widened": said_widened,
        "silent": max(0, lost - said_lost) + max(0, widened - said_widened),
        "inside_words": clitic,
    }


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="folder of SaudiNewsNet day files (../shared/data/saudinewsnet)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = build_corpus(folder, args.data)
        rows = [measure(corpus, folder, *setting) for setting in SETTINGS]
    first = rows[0]
    print(
        f"{first['spans']} spans of 31 Arabic news articles (the seed article and the hand-annotated "
        f"SaudiNewsNet sample); {first['inside_words']['all']} of them start or end inside a word (clitics)\n"
    )
    print(f"{'setting':49} {'exact':>7} {'widened':>8} {'lost':>7} {'silent':>7}  inside words exact")
    for row in rows:
        n = row["spans"]
        inside = row["inside_words"]
        print(
            f"{row['setting']:49} {pct(row['exact'], n)} {pct(row['widened'], n):>8} {pct(row['lost'], n):>7} "
            f"{row['silent']:>7}  {inside['exact']}/{inside['all']}"
        )
    print("\nsilent: spans lost or widened beyond what the export's summary counted (0: nothing unsaid)")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
