"""Native JSONL import: validation (file, line, field), one transaction, span shapes, layers, repeats."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.errors import InputError
from annotator.formats.jsonl import import_jsonl
from annotator.formats.loader import DEFAULT_IMPORT_ANNOTATOR
from annotator.store.project import Project

GOOD_BASE = [
    {
        "id": "base-1",
        "text": "قال الرئيس فلاديمير بوتين",
        "spans": [{"id": "s1", "start": 11, "end": 25, "label": "PER", "text": "فلاديمير بوتين"}],
    },
    {
        "id": "base-2",
        "text": "بيان الكرملين",
        "spans": [{"id": "a", "start": 5, "end": 13, "label": "ORG"}],
    },
]

# Two good new documents: if the bad third line did not roll them back, counts would change.
GOOD_NEW = [
    {
        "id": "new-1",
        "text": "سافر إلى موسكو",
        "spans": [{"id": "s1", "start": 9, "end": 14, "label": "GPE", "text": "موسكو"}],
    },
    {
        "id": "new-2",
        "text": '"نريد ضمانات" قال بوتين',
        "spans": [
            {"id": "q", "start": 1, "end": 12, "label": "QUOTE", "attrs": {"type": "direct"}},
            {"id": "p", "start": 18, "end": 23, "label": "PER"},
        ],
        "relations": [{"head": "q", "child": "p", "label": "SAID_BY"}],
    },
]

TEXT3 = "روسيا وأوكرانيا"


def _line3(**overrides: object) -> dict[str, object]:
    record: dict[str, object] = {
        "id": "bad-3",
        "text": TEXT3,
        "spans": [{"id": "s1", "start": 0, "end": 5, "label": "GPE", "text": "روسيا"}],
    }
    record.update(overrides)
    return record


def _span(**fields: object) -> dict[str, object]:
    return {"id": "s1", "start": 0, "end": 5, "label": "GPE", **fields}


BAD_THIRD_LINES: dict[str, tuple[object, str | None, str]] = {
    # name: (third line, field the message must name, a phrase the message must hold)
    "bad_json": ('{"id": "bad-3", "text": "روسيا", "spans": [', None, "not valid JSON"),
    "not_an_object": ("[0, 5, 1]", None, "expected a JSON object"),
    "end_past_text": (_line3(spans=[_span(end=50)]), "spans[0].end", "past the end"),
    "start_wrong_type": (_line3(spans=[_span(start="0")]), "spans[0].start", "integers"),
    "end_float": (_line3(spans=[_span(end=5.0)]), "spans[0].end", "integers"),
    "text_wrong_type": (_line3(text=42), "text", "must be a string"),
    "spans_wrong_type": (_line3(spans={"start": 0, "end": 5, "label": "GPE"}), "spans", "must be a list"),
    "label_wrong_type": (_line3(spans=[_span(label=7)]), "spans[0].label", "non-empty string"),
    "attrs_wrong_type": (_line3(spans=[_span(attrs=["direct"])]), "spans[0].attrs", "object"),
    "missing_start": (_line3(spans=[{"end": 5, "label": "GPE"}]), "spans[0].start", "missing"),
    "unknown_label": (_line3(spans=[_span(label="WEAPON")]), "spans[0].label", "WEAPON"),
    "unknown_relation_label": (
        _line3(
            spans=[_span(), _span(id="s2", start=6, end=15, label="GPE")],
            relations=[{"head": "s1", "child": "s2", "label": "BORDERS"}],
        ),
        "relations[0].label",
        "BORDERS",
    ),
    "relation_missing_child": (
        _line3(relations=[{"head": "s1", "child": "s9", "label": "SAID_BY"}]),
        "relations[0].child",
        "'s9'",
    ),
    "relation_missing_head": (
        _line3(relations=[{"head": "nope", "child": "s1", "label": "SAID_BY"}]),
        "relations[0].head",
        "'nope'",
    ),
    "relation_annotator_wrong_type": (
        _line3(
            spans=[_span(), _span(id="s2", start=6, end=15)],
            relations=[{"head": "s1", "child": "s2", "label": "SAID_BY", "annotator": 5}],
        ),
        "relations[0].annotator",
        "must be a string",
    ),
    "span_text_mismatch": (_line3(spans=[_span(text="موسكو")]), "spans[0].text", "does not match"),
    "negative_start": (_line3(spans=[_span(start=-1)]), "spans[0].start", "negative"),
    "start_equals_end": (_line3(spans=[_span(start=3, end=3)]), r"spans[0].(start|end)", "not before"),
    "start_after_end": (_line3(spans=[_span(start=4, end=1)]), r"spans[0].(start|end)", "not before"),
    "duplicate_span_ids": (
        _line3(spans=[_span(), _span(start=6, end=15)]),
        "spans[1].id",
        "repeats",
    ),
    "doccano_label_not_a_triple": (_line3(spans=[], label=[[0, 5]]), "label[0]", "[start, end, label]"),
    "span_only_the_cr_of_crlf": (_line3(text="أ\r\nب", spans=[_span(start=1, end=2)]), "spans[0].end", "CRLF"),
}


@pytest.mark.parametrize("case", sorted(BAD_THIRD_LINES))
def test_cli_import_with_a_bad_third_line_fails_naming_file_line_field_and_changes_nothing(
    case, tmp_path, new_db, write_jsonl, counts
) -> None:
    third, field, phrase = BAD_THIRD_LINES[case]
    db = new_db()
    runner = CliRunner()
    base = write_jsonl(tmp_path / "base.jsonl", GOOD_BASE)
    first = runner.invoke(cli, ["import", str(db), str(base)])
    assert first.exit_code == 0, first.output
    before = counts(db)
    assert before["documents"] == 2 and before["spans"] == 2

    bad = write_jsonl(tmp_path / f"bad-{case}.jsonl", [*GOOD_NEW, third])
    result = runner.invoke(cli, ["import", str(db), str(bad)])

    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    message = result.stderr
    assert str(bad) in message
    assert "line 3" in message
    assert phrase in message
    if field is not None:
        assert re.search(r"field '" + field.replace("[", r"\[").replace("]", r"\]") + "'", message), message
    assert counts(db) == before


def test_import_error_carries_path_line_and_field(tmp_path, new_db, write_jsonl) -> None:
    db = new_db()
    bad = write_jsonl(tmp_path / "bad.jsonl", [*GOOD_NEW, _line3(spans=[_span(end=99)])])
    with Project.open(db) as project, pytest.raises(InputError) as caught:
        import_jsonl(project, bad)
    assert (caught.value.path, caught.value.line, caught.value.field) == (str(bad), 3, "spans[0].end")
    with Project.open(db) as project:
        assert project.document_ids() == []


def test_line_numbers_count_blank_lines_and_a_leading_bom_is_accepted(tmp_path, new_db) -> None:
    db = new_db()
    path = tmp_path / "blank.jsonl"
    good = json.dumps(GOOD_NEW[0], ensure_ascii=False)
    bad = json.dumps(_line3(spans=[_span(label="NOPE")]), ensure_ascii=False)
    path.write_bytes(b"\xef\xbb\xbf" + f"{good}\n\n{bad}\n".encode())
    with Project.open(db) as project, pytest.raises(InputError) as caught:
        import_jsonl(project, path)
    assert caught.value.line == 3
    path.write_bytes(b"\xef\xbb\xbf" + f"{good}\n\n".encode())
    with Project.open(db) as project:
        report = import_jsonl(project, path)
        assert report.documents_added == 1 and report.spans_added == 1


def test_prodigy_spans_without_text_or_id_and_doccano_label_triples_are_accepted(tmp_path, new_db, write_jsonl) -> None:
    db = new_db()
    prodigy = {"text": "التقى بوتين نينيستو في موسكو", "spans": [{"start": 6, "end": 11, "label": "PER"}]}
    doccano = {"id": 7, "text": "زار بايدن كييف", "label": [[4, 9, "PER"], [10, 14, "GPE"]]}
    path = write_jsonl(tmp_path / "shapes.jsonl", [prodigy, doccano])
    result = CliRunner().invoke(cli, ["import", str(db), str(path), "--annotator", "amal"])
    assert result.exit_code == 0, result.output
    with Project.open(db) as project:
        docs = {project.document(d).ext_id: project.document(d) for d in project.document_ids()}
        assert len(docs) == 2 and "7" in docs  # an integer id is kept, as text
        for doc in docs.values():
            spans = project.spans(doc.id or 0)
            assert all(s.annotator == "amal" for s in spans)
            if doc.ext_id == "7":
                assert [(doc.text[s.start : s.end], s.label) for s in spans] == [("بايدن", "PER"), ("كييف", "GPE")]
            else:
                assert [(doc.text[s.start : s.end], s.label) for s in spans] == [("بوتين", "PER")]


def test_a_document_without_id_gets_a_stable_content_id_so_a_repeat_matches_it(tmp_path, new_db, write_jsonl) -> None:
    db = new_db()
    path = write_jsonl(
        tmp_path / "noid.jsonl", [{"text": "نص بلا معرّف", "spans": [{"start": 0, "end": 2, "label": "PER"}]}]
    )
    with Project.open(db) as project:
        import_jsonl(project, path)
        second = import_jsonl(project, path)
        assert (second.documents_added, second.documents_matched, second.spans_added) == (0, 1, 0)
        assert len(project.document_ids()) == 1


def test_unknown_labels_fail_without_add_labels_and_are_added_with_a_note_with_it(
    tmp_path, new_db, write_jsonl, counts
) -> None:
    db = new_db()
    record = {
        "id": "w",
        "text": "أطلقت مسيّرة صاروخاً",
        "spans": [
            {"id": "a", "start": 6, "end": 12, "label": "WEAPON"},
            {"id": "b", "start": 13, "end": 20, "label": "WEAPON"},
        ],
        "relations": [{"head": "a", "child": "b", "label": "FIRED"}],
    }
    path = write_jsonl(tmp_path / "weapons.jsonl", [record])
    runner = CliRunner()
    before = counts(db)

    refused = runner.invoke(cli, ["import", str(db), str(path)])
    assert refused.exit_code != 0
    assert "WEAPON" in refused.stderr and "--add-labels" in refused.stderr
    assert counts(db) == before

    added = runner.invoke(cli, ["import", str(db), str(path), "--add-labels"])
    assert added.exit_code == 0, added.output
    assert "Note:" in added.stderr and "WEAPON" in added.stderr and "FIRED" in added.stderr
    with Project.open(db) as project:
        scheme = project.scheme()
        assert "WEAPON" in scheme.span_label_names
        assert "FIRED" in scheme.relation_label_names
        assert scheme.span_label_names[:9] == ["PER", "ORG", "GPE", "LOC", "EVENT", "DATE", "QUOTE", "CLAIM", "CUE"]
        doc = project.document_ids()[0]
        text = project.document(doc).text
        assert [text[s.start : s.end] for s in project.spans(doc)] == ["مسيّرة", "صاروخاً"]
        assert [r.label for r in project.relations(doc)] == ["FIRED"]


def _layers(db: Path) -> dict[str, str]:
    """Surface text -> annotator of every span, and 'relation' -> the relation's annotator."""
    with Project.open(db) as project:
        out: dict[str, str] = {}
        for doc in project.document_ids():
            text = project.document(doc).text
            for span in project.spans(doc):
                out[text[span.start : span.end]] = span.annotator
            for relation in project.relations(doc):
                out["relation"] = relation.annotator
        return out


LAYER_RECORD = {
    "id": "layers",
    "text": "قالت أمل إن سارة محقة",
    "spans": [
        {"id": "q", "start": 12, "end": 21, "label": "QUOTE", "annotator": "sara"},
        {"id": "p", "start": 5, "end": 8, "label": "PER"},
    ],
    "relations": [{"head": "q", "child": "p", "label": "SAID_BY"}],
}


def test_annotator_option_puts_every_span_and_relation_in_that_layer(tmp_path, new_db, write_jsonl) -> None:
    db = new_db(annotator="owner")
    path = write_jsonl(tmp_path / "layers.jsonl", [LAYER_RECORD])
    result = CliRunner().invoke(cli, ["import", str(db), str(path), "--annotator", "amal"])
    assert result.exit_code == 0, result.output
    assert _layers(db) == {"سارة محقة": "amal", "أمل": "amal", "relation": "amal"}


def test_without_annotator_option_the_span_field_wins_then_the_project_setting(tmp_path, write_jsonl) -> None:
    db = tmp_path / "p.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["init", str(db), "--annotator", "owner"]).exit_code == 0
    path = write_jsonl(tmp_path / "layers.jsonl", [LAYER_RECORD])
    result = runner.invoke(cli, ["import", str(db), str(path)])
    assert result.exit_code == 0, result.output
    # the relation has no annotator of its own: it follows its head span
    assert _layers(db) == {"سارة محقة": "sara", "أمل": "owner", "relation": "sara"}


def test_without_any_annotator_spans_go_to_the_imported_layer(tmp_path, new_db, write_jsonl) -> None:
    db = new_db()
    record = {"id": "x", "text": "زار بايدن كييف", "spans": [{"start": 4, "end": 9, "label": "PER"}]}
    result = CliRunner().invoke(cli, ["import", str(db), str(write_jsonl(tmp_path / "x.jsonl", [record]))])
    assert result.exit_code == 0, result.output
    assert _layers(db) == {"بايدن": DEFAULT_IMPORT_ANNOTATOR}


def test_importing_the_same_file_twice_adds_nothing_the_second_time(tmp_path, new_db, write_jsonl, counts) -> None:
    db = new_db()
    path = write_jsonl(tmp_path / "twice.jsonl", [*GOOD_BASE, *GOOD_NEW])
    runner = CliRunner()
    assert runner.invoke(cli, ["import", str(db), str(path)]).exit_code == 0
    after_first = counts(db)
    assert (after_first["documents"], after_first["spans"], after_first["relations"]) == (4, 5, 1)

    second = runner.invoke(cli, ["import", str(db), str(path)])
    assert second.exit_code == 0, second.output
    assert "0 documents added" in second.stdout and "4 already present" in second.stdout
    assert counts(db) == after_first
    with Project.open(db) as project:
        report = import_jsonl(project, path)
    assert (report.documents_added, report.documents_matched) == (0, 4)
    assert (report.spans_added, report.spans_skipped) == (0, 5)
    assert (report.relations_added, report.relations_skipped) == (0, 1)


def test_the_same_span_in_another_layer_is_not_a_duplicate(tmp_path, new_db, write_jsonl, counts) -> None:
    db = new_db()
    path = write_jsonl(tmp_path / "base.jsonl", GOOD_BASE)
    runner = CliRunner()
    assert runner.invoke(cli, ["import", str(db), str(path), "--annotator", "amal"]).exit_code == 0
    assert runner.invoke(cli, ["import", str(db), str(path), "--annotator", "omar"]).exit_code == 0
    assert counts(db)["documents"] == 2 and counts(db)["spans"] == 4


def test_a_known_document_id_with_a_different_text_is_an_error(tmp_path, new_db, write_jsonl, counts) -> None:
    db = new_db()
    runner = CliRunner()
    assert runner.invoke(cli, ["import", str(db), str(write_jsonl(tmp_path / "a.jsonl", GOOD_BASE))]).exit_code == 0
    before = counts(db)
    changed = dict(GOOD_BASE[1], text="بيان الكرملين الجديد")
    path = write_jsonl(tmp_path / "b.jsonl", [GOOD_NEW[0], changed])
    result = runner.invoke(cli, ["import", str(db), str(path)])
    assert result.exit_code != 0
    assert "base-2" in result.stderr and "different text" in result.stderr and "line 2" in result.stderr
    assert counts(db) == before


def test_crlf_offsets_are_moved_so_the_stored_span_text_uses_lf(tmp_path, new_db, write_jsonl) -> None:
    db = new_db()
    text = "الكرملين\r\nقال بيسكوف\r\n\r\nروسيا"
    spans = [
        {"id": "a", "start": text.index("بيسكوف"), "end": text.index("بيسكوف") + 6, "label": "PER", "text": "بيسكوف"},
        {"id": "b", "start": text.index("روسيا"), "end": len(text), "label": "GPE", "text": "روسيا"},
        {
            "id": "c",
            "start": 0,
            "end": text.index("بيسكوف") + 6,
            "label": "QUOTE",
            "text": text[: text.index("بيسكوف") + 6],
        },
    ]
    path = write_jsonl(tmp_path / "crlf.jsonl", [{"id": "crlf", "text": text, "spans": spans}])
    with Project.open(db) as project:
        import_jsonl(project, path)
        doc = project.document(project.document_ids()[0])
        assert doc.text == text.replace("\r\n", "\n")
        assert doc.meta["newlines"] == "crlf"
        got = {s.label: doc.text[s.start : s.end] for s in project.spans(doc.id or 0)}
        again = import_jsonl(project, path)  # the CRLF original matches the LF document it became
    assert got == {"PER": "بيسكوف", "GPE": "روسيا", "QUOTE": "الكرملين\nقال بيسكوف"}
    assert (again.documents_matched, again.spans_added, again.spans_skipped) == (1, 0, 3)


def test_a_relation_between_layers_is_kept_with_the_relation_annotator(tmp_path, new_db, write_jsonl) -> None:
    db = new_db()
    record = dict(LAYER_RECORD, relations=[{"head": "q", "child": "p", "label": "SAID_BY", "annotator": "omar"}])
    with Project.open(db) as project:
        import_jsonl(project, write_jsonl(tmp_path / "r.jsonl", [record]))
        doc = project.document_ids()[0]
        (relation,) = project.relations(doc)
        assert relation.annotator == "omar"
        assert project.span(relation.head).label == "QUOTE"
        assert project.span(relation.child).label == "PER"


def test_a_document_repeated_later_in_the_same_file_adds_only_what_is_new(tmp_path, new_db, write_jsonl) -> None:
    # The first line's spans are still queued when the second line matches its document.
    text = "قال بيسكوف إن روسيا مستعدة"
    peskov, russia = [text.index("بيسكوف"), text.index("بيسكوف") + 6], [text.index("روسيا"), text.index("روسيا") + 5]
    quote = [text.index("إن"), len(text)]
    first = {
        "id": "d",
        "text": text,
        "spans": [{"id": "p", "start": peskov[0], "end": peskov[1], "label": "PER"}],
    }
    second = {
        "id": "d",
        "text": text,
        "spans": [
            {"id": "p2", "start": peskov[0], "end": peskov[1], "label": "PER"},
            {"id": "q", "start": quote[0], "end": quote[1], "label": "QUOTE"},
            {"id": "r", "start": russia[0], "end": russia[1], "label": "GPE"},
        ],
        "relations": [{"head": "q", "child": "p2", "label": "SAID_BY"}],
    }
    with Project.open(new_db()) as project:
        report = import_jsonl(project, write_jsonl(tmp_path / "twice.jsonl", [first, second, second]))
        doc_id = project.document_ids()[0]
        spans = {s.id: (s.label, text[s.start : s.end]) for s in project.spans(doc_id)}
        relations = [(spans[r.head], spans[r.child], r.label) for r in project.relations(doc_id)]
    assert (report.documents_added, report.documents_matched) == (1, 2)
    assert (report.spans_added, report.spans_skipped) == (3, 4)
    assert (report.relations_added, report.relations_skipped) == (1, 1)
    assert sorted(spans.values()) == [("GPE", "روسيا"), ("PER", "بيسكوف"), ("QUOTE", text[quote[0] :])]
    assert relations == [(("QUOTE", text[quote[0] :]), ("PER", "بيسكوف"), "SAID_BY")]


def test_a_span_repeated_within_a_record_is_stored_once_and_keeps_its_relations(tmp_path, new_db, write_jsonl) -> None:
    text = "قال بيسكوف إن الوضع هادئ"
    who, said = [text.index("بيسكوف"), text.index("بيسكوف") + 6], [text.index("إن"), len(text)]
    record = {
        "id": "rep",
        "text": text,
        "spans": [
            {"id": "a", "start": who[0], "end": who[1], "label": "PER"},
            {"id": "b", "start": who[0], "end": who[1], "label": "PER"},
            {"id": "q", "start": said[0], "end": said[1], "label": "QUOTE"},
        ],
        "relations": [
            {"head": "q", "child": "b", "label": "SAID_BY"},
            {"head": "q", "child": "a", "label": "SAID_BY"},
        ],
    }
    with Project.open(new_db()) as project:
        report = import_jsonl(project, write_jsonl(tmp_path / "rep.jsonl", [record]))
        doc_id = project.document_ids()[0]
        spans = {s.id: s for s in project.spans(doc_id)}
        relations = project.relations(doc_id)
    assert (report.spans_added, report.spans_skipped, report.relations_added, report.relations_skipped) == (2, 1, 1, 1)
    assert len(relations) == 1
    assert (spans[relations[0].head].label, spans[relations[0].child].label) == ("QUOTE", "PER")


def test_queued_spans_are_written_in_batches_across_many_documents(tmp_path, new_db, write_jsonl, monkeypatch) -> None:
    import annotator.formats.loader as loader_module

    monkeypatch.setattr(loader_module, "FLUSH_SPANS", 3)  # a write every two documents
    text = "قال بيسكوف إن روسيا مستعدة"
    who, said = [text.index("بيسكوف"), text.index("بيسكوف") + 6], [text.index("إن"), len(text)]
    records = [
        {
            "id": f"doc-{n}",
            "text": text,
            "spans": [
                {"id": "p", "start": who[0], "end": who[1], "label": "PER"},
                {"id": "q", "start": said[0], "end": said[1], "label": "QUOTE"},
            ],
            "relations": [{"head": "q", "child": "p", "label": "SAID_BY"}],
        }
        for n in range(7)
    ]
    with Project.open(new_db()) as project:
        report = import_jsonl(project, write_jsonl(tmp_path / "many.jsonl", records))
        linked = []
        for doc_id in project.document_ids():
            spans = {s.id: s for s in project.spans(doc_id)}
            linked += [
                (spans[r.head].label, spans[r.child].label, spans[r.head].document_id) for r in project.relations(doc_id)
            ]
        assert [d for *_, d in linked] == project.document_ids()
    assert (report.documents_added, report.spans_added, report.relations_added) == (7, 14, 7)
    assert {(h, c) for h, c, _ in linked} == {("QUOTE", "PER")}
