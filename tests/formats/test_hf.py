"""Hugging Face dataset folder: loaded by the real ``datasets.load_dataset``, splits by document."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest

from annotator.core.bio import bio_to_spans
from annotator.core.errors import AnnotatorError, Cancelled
from annotator.core.model import Document, Relation, Span
from annotator.core.tokenize import Token
from annotator.formats.hf import export_hf, tag_names
from annotator.formats.selection import ExportOptions, assign_splits
from annotator.formats.tokens import LOST_OVERLAP, LOST_WIDENED
from annotator.store.project import Project

# Loading a local folder must not reach for the network.
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

TEXTS = [
    "قال بُوتِين، في بيان: «نريد ضمانات لروسيا الآن» 😀👍🏽",
    "هل تتراجع مـــصر عن كتاب\u200cها؟ لا.",
    "وبوتين سافر إلى موسكو.",
    "الكرملين: «لن نتراجع» قالها بيسكوف لموسكو 🇷🇺",
]


def at(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def build(db: Path, copies: int = 5) -> None:
    """``copies`` x 4 documents with entities, clitics, a nested quote, a relation and attributes."""
    with Project.open(db) as project:
        for n in range(copies):
            for i, text in enumerate(TEXTS):
                doc = project.add_document(Document(text=text, ext_id=f"doc-{n:02d}-{i}"))
                spans = []
                for word, label in (
                    ("بُوتِين", "PER"),
                    ("روسيا", "GPE"),
                    ("مـــصر", "GPE"),
                    ("بوتين", "PER"),
                    ("موسكو", "GPE"),
                    ("الكرملين", "ORG"),
                    ("بيسكوف", "PER"),
                ):
                    if word in text:
                        spans.append(Span(*at(text, word), label, "amal"))
                for quote in ("نريد ضمانات لروسيا الآن", "لن نتراجع"):
                    if quote in text:
                        spans.append(Span(*at(text, quote), "QUOTE", "amal", {"type": "direct"}))
                stored = project.add_spans(doc, spans)
                speaker = next((s for s in stored if s.label in ("PER", "ORG")), None)
                if speaker is not None and stored[-1].label == "QUOTE":
                    project.add_relation(Relation(stored[-1].id or 0, speaker.id or 0, "SAID_BY", "amal"))


def card_names(folder: Path) -> list[str]:
    yaml = pytest.importorskip("yaml")
    text = (folder / "README.md").read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    feature = next(f for f in front["dataset_info"]["features"] if f["name"] == "ner_tags")
    names = feature["sequence"]["class_label"]["names"]
    return [names[str(i)] for i in range(len(names))]


def read_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_bytes().split(b"\n") if line.strip()]


def test_load_dataset_reads_the_folder_with_classlabel_names_and_split_sizes(tmp_path, new_db) -> None:
    datasets = pytest.importorskip("datasets")
    db = new_db()
    build(db)
    folder = tmp_path / "hf"
    options = ExportOptions(split=(0.6, 0.2, 0.2), seed=7)
    with Project.open(db) as project:
        report = export_hf(project, folder, options)
        ids = [project.document(i).ext_id for i in project.document_ids()]
        by_id = {project.document(i).ext_id: project.spans(i) for i in project.document_ids()}
    loaded = datasets.load_dataset(str(folder), cache_dir=str(tmp_path / "cache"))
    expected = Counter({"dev": 0, "test": 0, **Counter(assign_splits(ids, options.split, options.seed).values())})
    assert {name: len(ds) for name, ds in loaded.items()} == {
        "train": expected["train"],
        "validation": expected["dev"],
        "test": expected["test"],
    }
    names = ["O", "B-GPE", "I-GPE", "B-ORG", "I-ORG", "B-PER", "I-PER", "B-QUOTE", "I-QUOTE"]
    assert card_names(folder) == names
    for split in loaded.values():
        feature = split.features["ner_tags"].feature
        assert isinstance(feature, datasets.ClassLabel) and feature.names == names
    # splits are disjoint by document and cover every document
    seen = [row["id"] for split in loaded.values() for row in split]
    assert sorted(seen) == sorted(ids) and len(set(seen)) == len(seen)
    assert report.documents == len(ids)
    # in every row the tags decode back to spans of the row; the spans column is exact
    for row in (r for split in loaded.values() for r in split):
        text = row["text"]
        assert "".join(row["tokens"]) == "".join(text.split())  # tokens cover the text without gaps
        offsets, position = [], 0
        for token in row["tokens"]:
            position = text.index(token, position)
            offsets.append(Token(position, position + len(token)))
            position += len(token)
        decoded, problems = bio_to_spans(offsets, [names[i] for i in row["ner_tags"]])
        assert not problems
        spans = {(s["start"], s["end"], s["label"]) for s in row["spans"]}
        assert decoded and set(decoded) <= spans
        stored = {(s.start, s.end, s.label) for s in by_id[row["id"]]}
        assert spans == stored
    assert report.lost[LOST_OVERLAP] > 0 and LOST_WIDENED not in report.lost  # the quote, exact edges


def test_same_seed_same_split_and_bytes_other_seed_other_split(tmp_path, new_db) -> None:
    db = new_db()
    build(db)
    with Project.open(db) as project:
        export_hf(project, tmp_path / "a", ExportOptions(split=(0.8, 0.1, 0.1), seed=3))
        export_hf(project, tmp_path / "b", ExportOptions(split=(0.8, 0.1, 0.1), seed=3))
        export_hf(project, tmp_path / "c", ExportOptions(split=(0.8, 0.1, 0.1), seed=4))
    files = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert files == ["README.md", "test.jsonl", "train.jsonl", "validation.jsonl"]
    for name in files:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    names = ("train", "validation", "test")
    splits = {name: {r["id"] for r in read_rows(tmp_path / "a" / f"{name}.jsonl")} for name in names}
    assert not (splits["train"] & splits["validation"]) and not (splits["train"] & splits["test"])
    assert not (splits["validation"] & splits["test"])
    assert [len(splits[name]) for name in names] == [16, 2, 2]
    other = {name: {r["id"] for r in read_rows(tmp_path / "c" / f"{name}.jsonl")} for name in names}
    assert other != splits


def test_tag_set_is_the_same_for_every_split_and_renamed_labels_work(tmp_path, new_db) -> None:
    datasets = pytest.importorskip("datasets")
    db = new_db()
    build(db, copies=2)
    folder = tmp_path / "hf"
    options = ExportOptions(split=(0.5, 0.5), labels={"GPE": "مكان", "PER": "PER"})
    with Project.open(db) as project:
        report = export_hf(project, folder, options)
    assert dict(report.spans).keys() == {"مكان", "PER"}
    names = ["O", "B-PER", "I-PER", "B-مكان", "I-مكان"]
    assert card_names(folder) == names == tag_names(["مكان", "PER"])
    loaded = datasets.load_dataset(str(folder), cache_dir=str(tmp_path / "cache"))
    assert set(loaded) == {"train", "test"}
    assert all(split.features["ner_tags"].feature.names == names for split in loaded.values())


def test_whitespace_tokenizer_widens_and_counts(tmp_path, new_db) -> None:
    db = new_db()
    build(db, copies=1)
    with Project.open(db) as project:
        report = export_hf(project, tmp_path / "hf", ExportOptions(tokenizer="whitespace"))
    rows = read_rows(tmp_path / "hf" / "train.jsonl")
    row = next(r for r in rows if "لروسيا" in r["text"])
    names = tag_names(["GPE", "ORG", "PER", "QUOTE"])
    assert [names[t] for t, w in zip(row["ner_tags"], row["tokens"], strict=True) if w == "لروسيا"] == ["B-GPE"]
    # بُوتِين، لروسيا | وبوتين موسكو. | الكرملين: لموسكو «لن نتراجع»
    assert report.lost[LOST_WIDENED] == 7
    assert report.lost[LOST_OVERLAP] == 1  # the quote around لروسيا
    assert report.lost["relations"] == 2 and report.lost["span attributes"] == 2


def test_empty_splits_are_left_out_and_empty_export_still_loads_its_card(tmp_path, new_db) -> None:
    db = new_db()
    with Project.open(db) as project:
        project.add_document(Document(text="نص واحد", ext_id="only"))
        export_hf(project, tmp_path / "one", ExportOptions(split=(0.8, 0.1, 0.1)))
        export_hf(project, tmp_path / "none", ExportOptions(only_done=True))
    assert sorted(p.name for p in (tmp_path / "one").iterdir()) == ["README.md", "train.jsonl"]
    assert card_names(tmp_path / "one") == ["O"]
    assert (tmp_path / "none" / "train.jsonl").read_bytes() == b""


def test_replaces_an_earlier_export_but_never_another_folder(tmp_path, new_db) -> None:
    db = new_db()
    build(db, copies=1)
    folder = tmp_path / "hf"
    with Project.open(db) as project:
        export_hf(project, folder, ExportOptions(split=(0.5, 0.5)))
        export_hf(project, folder)  # no split now: the old test.jsonl must go
        assert sorted(p.name for p in folder.iterdir()) == ["README.md", "train.jsonl"]
        mine = tmp_path / "mine"
        mine.mkdir()
        (mine / "notes.txt").write_text("keep me", encoding="utf-8")
        with pytest.raises(AnnotatorError, match="other files"):
            export_hf(project, mine)
        assert (mine / "notes.txt").read_text(encoding="utf-8") == "keep me"
        afile = tmp_path / "file.txt"
        afile.write_text("x", encoding="utf-8")
        with pytest.raises(AnnotatorError, match="not a folder"):
            export_hf(project, afile)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    umask = os.umask(0o022)
    os.umask(umask)
    assert folder.stat().st_mode & 0o777 == 0o777 & ~umask  # an ordinary folder, not a private temp one


def test_cancel_leaves_nothing_behind(tmp_path, new_db) -> None:
    db = new_db()
    build(db, copies=1)

    def cancel(done: int, total: int) -> None:
        if done == 2:
            raise Cancelled("stop")

    out = tmp_path / "out"
    out.mkdir()
    with Project.open(db) as project, pytest.raises(Cancelled):
        export_hf(project, out / "hf", progress=cancel)
    assert list(out.iterdir()) == []
