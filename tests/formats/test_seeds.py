"""The demo project built from seeds/: the article's text exactly, and a demo layer that fits it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError, InputError
from annotator.formats.seeds import DEMO_ANNOTATOR, build_demo_project, open_demo_project
from annotator.resources import seeds_dir

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_TEXT = SEEDS / "000_4eac77a9dcfe3750.txt"
SEED_DEMO = SEEDS / "000_4eac77a9dcfe3750.demo.jsonl"


def _seed_text() -> str:
    with open(SEED_TEXT, encoding="utf-8", newline="") as stream:  # keep CRLF to normalise it here
        raw = stream.read()
    return raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _demo_record() -> dict:
    (line,) = [line for line in SEED_DEMO.read_text(encoding="utf-8").split("\n") if line.strip()]
    return json.loads(line)


def test_the_checkout_seeds_are_the_ones_the_package_uses() -> None:
    assert seeds_dir().resolve() == SEEDS


def test_demo_project_holds_the_seed_article_text_exactly(tmp_path) -> None:
    with build_demo_project(tmp_path / "demo.db") as project:
        ids = project.document_ids()
        assert len(ids) == 1  # the text file and the demo annotations are the same document
        document = project.document(ids[0])
    assert document.ext_id == SEED_TEXT.stem
    assert document.text == _seed_text()
    assert len(document.text) > 2000
    first_line = _seed_text().split("\n")[0]
    assert document.title and first_line.startswith(document.title.removesuffix("…"))


def test_demo_layer_spans_match_their_expected_surface_text(tmp_path) -> None:
    record = _demo_record()
    with build_demo_project(tmp_path / "demo.db") as project:
        doc_id = project.document_ids()[0]
        text = project.document(doc_id).text
        spans = project.spans(doc_id, DEMO_ANNOTATOR)
        assert project.annotators() == [DEMO_ANNOTATOR]
        assert project.get_setting("annotator") == DEMO_ANNOTATOR
    expected = sorted((s["start"], s["end"], s["label"], s["text"]) for s in record["spans"])
    got = sorted((s.start, s.end, s.label, text[s.start : s.end]) for s in spans)
    assert got == expected
    assert len(got) == len(record["spans"]) > 20


def test_demo_layer_has_gpe_russia_inside_the_clitic_word_li_russia(tmp_path) -> None:
    with build_demo_project(tmp_path / "demo.db") as project:
        doc_id = project.document_ids()[0]
        text = project.document(doc_id).text
        spans = project.spans(doc_id, DEMO_ANNOTATOR)
    glued = [
        s
        for s in spans
        if s.label == "GPE" and text[s.start : s.end] == "روسيا" and text[s.start - 1 : s.end] == "لروسيا"
    ]
    assert glued, "the demo layer should mark روسيا inside لروسيا"
    (span,) = glued
    assert span.start > 0 and not text[span.start - 2].isalpha()  # ل is the word's first letter


def test_demo_layer_relations_link_quotes_and_claims_to_their_sources(tmp_path) -> None:
    record = _demo_record()
    by_id = {s["id"]: (s["label"], s["text"]) for s in record["spans"]}
    expected = sorted((by_id[r["head"]], by_id[r["child"]], r["label"]) for r in record["relations"])
    with build_demo_project(tmp_path / "demo.db") as project:
        doc_id = project.document_ids()[0]
        text = project.document(doc_id).text
        relations = project.relations(doc_id, DEMO_ANNOTATOR)
        got = sorted(
            (
                (project.span(r.head).label, text[project.span(r.head).start : project.span(r.head).end]),
                (project.span(r.child).label, text[project.span(r.child).start : project.span(r.child).end]),
                r.label,
            )
            for r in relations
        )
    assert got == expected
    assert {label for _, _, label in got} >= {"SAID_BY", "CUE_OF", "CLAIMED_BY"}


def test_demo_project_passes_its_own_check(tmp_path) -> None:
    with build_demo_project(tmp_path / "demo.db") as project:
        assert project.check() == []


def test_building_over_an_existing_file_is_refused_and_leaves_it_alone(tmp_path) -> None:
    path = tmp_path / "demo.db"
    path.write_bytes(b"someone's file")
    with pytest.raises(AnnotatorError, match="already exists"):
        build_demo_project(path)
    assert path.read_bytes() == b"someone's file"


def test_a_failed_build_leaves_no_project_file_behind(tmp_path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("نص تجريبي", encoding="utf-8")
    (seeds / "a.demo.jsonl").write_text(
        json.dumps({"id": "a", "text": "نص تجريبي", "spans": [{"start": 0, "end": 99, "label": "PER"}]}) + "\n",
        encoding="utf-8",
    )
    path = tmp_path / "out" / "demo.db"
    path.parent.mkdir()
    with pytest.raises(InputError, match=r"spans\[0\]\.end"):
        build_demo_project(path, seeds=seeds)
    assert not path.exists()
    assert sorted(p.name for p in path.parent.iterdir()) == []  # nor its -wal / -shm files


def test_open_demo_project_builds_once_in_the_user_data_folder(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = open_demo_project()
    assert path.is_relative_to(tmp_path / "data")
    assert path.exists()
    stamp = path.stat().st_mtime_ns
    assert open_demo_project() == path
    assert path.stat().st_mtime_ns == stamp  # not rebuilt
