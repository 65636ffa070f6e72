"""spaCy DocBin export, read back by real spaCy: exact text, strict char spans, ents and span groups."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError, Cancelled
from annotator.core.model import Document, Relation, Span
from annotator.formats.selection import ExportOptions, assign_splits
from annotator.formats.spacy_docbin import doc_words, export_spacy, spacy_paths
from annotator.formats.tokens import LOST_NO_TOKEN, LOST_WIDENED, split_text
from annotator.store.project import Project

# Emoji, harakat, tatweel, ZWNJ, Arabic punctuation, guillemets, clitics, double spaces, line breaks.
TEXTS = [
    "قال بُوتِين، في بيان:  «نريد ضمانات لروسيا الآن» 😀👍🏽\n\nهل تتراجع مـــصر عن كتاب\u200cها؟",
    "  وبوتين سافر إلى موسكو.\t👨\u200d👩\u200d👧 ",
    "",
]


def at(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def build(db: Path) -> None:
    with Project.open(db) as project:
        first = project.add_document(Document(text=TEXTS[0], ext_id="kremlin", title="بيان"))
        text = TEXTS[0]
        quote, putin, *_ = project.add_spans(
            first,
            [
                Span(*at(text, "نريد ضمانات لروسيا الآن"), "QUOTE", "amal", {"type": "direct"}),
                Span(*at(text, "بُوتِين"), "PER", "amal"),
                Span(*at(text, "روسيا"), "GPE", "amal"),
                Span(*at(text, "مـــصر"), "GPE", "amal"),
                Span(*at(text, "روسيا"), "GPE", "omar"),  # another layer
            ],
        )
        project.add_relation(Relation(quote.id or 0, putin.id or 0, "SAID_BY", "amal"))
        second = project.add_document(Document(text=TEXTS[1], ext_id="travel"))
        text = TEXTS[1]
        project.add_spans(
            second,
            [
                Span(*at(text, "بوتين"), "PER", "amal"),
                Span(*at(text, "موسكو"), "GPE", "amal"),
                Span(*at(text, "سافر إلى موسكو"), "CLAIM", "amal", {"check_worthy": True}),
                Span(*at(text, "إلى موسكو"), "LOC", "amal"),  # overlaps the GPE: only one can be an ent
            ],
        )
        project.add_document(Document(text=TEXTS[2], ext_id="empty"))


def read(path: Path) -> list:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    nlp = spacy.blank("ar")
    return list(DocBin().from_disk(path).get_docs(nlp.vocab))


def test_docbin_holds_exact_text_strict_spans_ents_and_every_span(tmp_path, new_db) -> None:
    pytest.importorskip("spacy")
    db = new_db()
    build(db)
    out = tmp_path / "train.spacy"
    with Project.open(db) as project:
        report = export_spacy(project, out)
        stored = {project.document(i).ext_id: project.spans(i) for i in project.document_ids()}
    docs = read(out)
    assert [d.user_data["annotator"]["id"] for d in docs] == ["kremlin", "travel", "empty"]
    assert [d.text for d in docs] == TEXTS
    assert report.documents == 3 and LOST_WIDENED not in report.lost and LOST_NO_TOKEN not in report.lost
    for doc in docs:
        data = doc.user_data["annotator"]
        spans = stored[data["id"]]
        assert sorted((s["start"], s["end"], s["label"], s["annotator"]) for s in data["spans"]) == sorted(
            (s.start, s.end, s.label, s.annotator) for s in spans
        )
        for s in data["spans"]:  # none widened: every span is exactly a run of tokens
            found = doc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="strict")
            assert found is not None and found.text == doc.text[s["start"] : s["end"]]
        group = doc.spans["sc"]
        assert sorted((g.start_char, g.end_char, g.label_) for g in group) == sorted(
            (s.start, s.end, s.label) for s in spans
        )
    kremlin, travel, _ = docs
    assert [(e.text, e.label_) for e in kremlin.ents] == [("بُوتِين", "PER"), ("روسيا", "GPE"), ("مـــصر", "GPE")]
    assert [(e.text, e.label_) for e in travel.ents] == [("بوتين", "PER"), ("موسكو", "GPE")]
    assert "QUOTE" in {g.label_ for g in kremlin.spans["sc"]} and "CLAIM" in {g.label_ for g in travel.spans["sc"]}
    data = kremlin.user_data["annotator"]
    (relation,) = data["relations"]
    assert data["spans"][relation["head"]]["label"] == "QUOTE" and data["spans"][relation["child"]]["label"] == "PER"
    assert data["title"] == "بيان"
    assert {s["label"]: dict(s["attrs"]) for s in data["spans"]}["QUOTE"] == {"type": "direct"}
    assert report.relations == 1 and "relations" not in report.lost
    assert dict(report.spans) == {"QUOTE": 1, "PER": 2, "GPE": 4, "CLAIM": 1, "LOC": 1}


def test_whitespace_tokenizer_widened_spans_are_exactly_the_counted_ones(tmp_path, new_db) -> None:
    pytest.importorskip("spacy")
    db = new_db()
    build(db)
    out = tmp_path / "ws.spacy"
    with Project.open(db) as project:
        report = export_spacy(project, out, ExportOptions(tokenizer="whitespace", layer="amal"))
    docs = read(out)
    assert [d.text for d in docs] == TEXTS
    failures = 0
    for doc in docs:
        for s in doc.user_data["annotator"]["spans"]:
            if doc.char_span(s["start"], s["end"], alignment_mode="strict") is None:
                failures += 1
    # بُوتِين، | لروسيا (twice: QUOTE ends in الآن» and GPE) | وبوتين | موسكو. (GPE, CLAIM, LOC)
    assert failures == report.lost[LOST_WIDENED] == 7
    for doc in docs:  # a widened span covers its tokens
        for g in doc.spans["sc"]:
            assert g.text.strip()


def test_splits_write_one_file_each(tmp_path, new_db) -> None:
    pytest.importorskip("spacy")
    db = new_db()
    build(db)
    out = tmp_path / "corpus.spacy"
    options = ExportOptions(split=(0.4, 0.3, 0.3), seed=1)
    with Project.open(db) as project:
        export_spacy(project, out, options)
    paths = spacy_paths(out, options.split)
    assert sorted(p.name for p in tmp_path.glob("*.spacy")) == sorted(p.name for p in paths.values())
    assert sorted(paths) == ["dev", "test", "train"]
    expected = assign_splits(["kremlin", "travel", "empty"], options.split, options.seed)
    for name, path in paths.items():
        ids = sorted(d.user_data["annotator"]["id"] for d in read(path))
        assert ids == sorted(i for i, split in expected.items() if split == name)


def test_doc_words_rebuild_any_spacing() -> None:
    for text in [*TEXTS, " ", "\n\n", "أ  ب", "أ\u00a0ب", "a \n b  "]:
        words, spaces = doc_words(text, split_text(text, "arabic"))
        assert "".join(w + (" " if s else "") for w, s in zip(words, spaces, strict=True)) == text
        assert all(words)


def test_without_spacy_the_export_says_how_to_install_it(tmp_path, new_db, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "spacy", None)  # import spacy now raises ImportError
    db = new_db()
    with Project.open(db) as project, pytest.raises(AnnotatorError, match=r"pip install 'annotator\[spacy\]'"):
        export_spacy(project, tmp_path / "x.spacy")
    assert not (tmp_path / "x.spacy").exists()


def test_cancel_writes_nothing(tmp_path, new_db) -> None:
    pytest.importorskip("spacy")
    db = new_db()
    build(db)

    def cancel(done: int, total: int) -> None:
        if done == 2:
            raise Cancelled("stop")

    with Project.open(db) as project, pytest.raises(Cancelled):
        export_spacy(project, tmp_path / "out" / "x.spacy", ExportOptions(split=(0.5, 0.5)), progress=cancel)
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []
