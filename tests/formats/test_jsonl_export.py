"""Native JSONL export: record shape, order, layers, the offset rule, and the CLI's summary file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.errors import AnnotatorError
from annotator.core.model import Document, Relation, Span
from annotator.formats.jsonl import export_jsonl
from annotator.store.project import Project

TEXT = "قال بوتين: «نريد ضمانات» في موسكو 😀"


def _build(db: Path) -> None:
    """Two layers on one document, spans added out of order; a second document without spans."""
    with Project.open(db) as project:
        doc = project.add_document(Document(text=TEXT, ext_id="kremlin", title="بيان", meta={"source": "wire"}))
        quote = TEXT.index("نريد")
        # added right to left, so database ids run against text order
        moscow = project.add_span(doc, Span(TEXT.index("موسكو"), TEXT.index("موسكو") + 5, "GPE", "amal"))
        said = project.add_span(doc, Span(quote, quote + 11, "QUOTE", "amal", {"type": "direct"}))
        putin = project.add_span(doc, Span(4, 9, "PER", "amal"))
        project.add_span(doc, Span(4, 9, "PER", "omar"))
        project.add_relation(Relation(said.id or 0, putin.id or 0, "SAID_BY", "amal"))
        assert moscow.id is not None
        project.add_document(Document(text="نص بلا تعليقات", ext_id="plain", title="plain"))


def test_export_writes_one_record_per_document_with_spans_in_text_order(tmp_path, new_db, read_jsonl) -> None:
    db = new_db()
    _build(db)
    out = tmp_path / "out.jsonl"
    with Project.open(db) as project:
        report = export_jsonl(project, out)
    first, second = read_jsonl(out)
    quote = TEXT.index("نريد")
    assert first == {
        "id": "kremlin",
        "text": TEXT,
        "meta": {"title": "بيان", "source": "wire"},
        "spans": [
            {"id": "s1", "start": 4, "end": 9, "label": "PER", "text": "بوتين", "annotator": "amal", "attrs": {}},
            {"id": "s2", "start": 4, "end": 9, "label": "PER", "text": "بوتين", "annotator": "omar", "attrs": {}},
            {
                "id": "s3",
                "start": quote,
                "end": quote + 11,
                "label": "QUOTE",
                "text": "نريد ضمانات",
                "annotator": "amal",
                "attrs": {"type": "direct"},
            },
            {
                "id": "s4",
                "start": TEXT.index("موسكو"),
                "end": TEXT.index("موسكو") + 5,
                "label": "GPE",
                "text": "موسكو",
                "annotator": "amal",
                "attrs": {},
            },
        ],
        "relations": [{"head": "s3", "child": "s1", "label": "SAID_BY", "annotator": "amal"}],
    }
    assert second == {"id": "plain", "text": "نص بلا تعليقات", "meta": {"title": "plain"}, "spans": [], "relations": []}
    assert report.documents == 2 and report.relations == 1
    assert dict(report.spans) == {"PER": 2, "QUOTE": 1, "GPE": 1}


def test_export_is_utf8_one_line_per_document_and_identical_when_repeated(tmp_path, new_db) -> None:
    db = new_db()
    _build(db)
    with Project.open(db) as project:
        export_jsonl(project, tmp_path / "a.jsonl")
        export_jsonl(project, tmp_path / "b.jsonl")
    data = (tmp_path / "a.jsonl").read_bytes()
    assert data == (tmp_path / "b.jsonl").read_bytes()
    assert "بوتين".encode() in data and "😀".encode() in data  # not \\u-escaped
    assert data.endswith(b"\n") and data.count(b"\n") == 2


def test_export_of_one_layer_holds_only_its_spans_and_relations(tmp_path, new_db, read_jsonl) -> None:
    db = new_db()
    _build(db)
    out = tmp_path / "omar.jsonl"
    with Project.open(db) as project:
        export_jsonl(project, out, annotator="omar")
    first, second = read_jsonl(out)
    assert [(s["id"], s["text"], s["annotator"]) for s in first["spans"]] == [("s1", "بوتين", "omar")]
    assert first["relations"] == []
    assert second["spans"] == []


def test_export_of_an_empty_project_is_an_empty_file(tmp_path, new_db) -> None:
    db = new_db()
    out = tmp_path / "empty.jsonl"
    with Project.open(db) as project:
        report = export_jsonl(project, out)
    assert out.read_bytes() == b""
    assert report.documents == 0


def test_export_refuses_a_span_outside_its_text_and_keeps_the_old_output(tmp_path, new_db) -> None:
    db = new_db()
    _build(db)
    out = tmp_path / "out.jsonl"
    out.write_text("previous export\n", encoding="utf-8")
    with Project.open(db) as project:
        project.conn.execute("PRAGMA ignore_check_constraints = ON")
        project.conn.execute('UPDATE spans SET "end" = 99999 WHERE label = ?', ("GPE",))
        with pytest.raises(AnnotatorError, match=r"kremlin.*annotator check"):
            export_jsonl(project, out)
    assert out.read_text(encoding="utf-8") == "previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir() if "out.jsonl" in p.name) == ["out.jsonl"]


def test_cli_export_writes_the_summary_json_next_to_the_output(tmp_path, new_db) -> None:
    db = new_db()
    _build(db)
    out = tmp_path / "sub" / "gold.jsonl"
    result = CliRunner().invoke(cli, ["export", str(db), "--format", "jsonl", "-o", str(out), "--annotator", "amal"])
    assert result.exit_code == 0, result.output
    assert out.exists()
    summary = json.loads((tmp_path / "sub" / "gold.jsonl.summary.json").read_text(encoding="utf-8"))
    assert summary["documents"] == 2
    assert summary["spans"] == {"GPE": 1, "PER": 1, "QUOTE": 1}
    assert summary["span_total"] == 3
    assert summary["relations"] == 1
    assert summary["lost"] == {}
    assert "2 documents" in result.stdout and "3 spans" in result.stdout


def test_cli_export_gold_and_annotator_together_is_a_usage_error(tmp_path, new_db) -> None:
    db = new_db()
    result = CliRunner().invoke(cli, ["export", str(db), "-o", str(tmp_path / "x.jsonl"), "--gold", "--annotator", "a"])
    assert result.exit_code == 2
    assert "either --annotator or --gold" in result.output
    assert not (tmp_path / "x.jsonl").exists()


def test_cli_export_of_a_missing_gold_layer_fails_clearly(tmp_path, new_db) -> None:
    db = new_db()
    _build(db)
    result = CliRunner().invoke(cli, ["export", str(db), "-o", str(tmp_path / "g.jsonl"), "--gold"])
    assert result.exit_code == 1
    assert "'gold'" in result.stderr and "amal" in result.stderr
    assert not (tmp_path / "g.jsonl").exists()
