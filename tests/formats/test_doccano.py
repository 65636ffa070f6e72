"""doccano JSONL (label and entities variants): exact round trips of what doccano can hold, counted
losses for what it cannot (attributes, relations in the label variant), per-annotator files, splits,
bad input named by file/line/field with the project left unchanged, and atomic output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from standoff_corpus import ATTRIBUTE_VALUES, RECORDS, contents, layer, make_project, table_counts

from annotator.core.errors import Cancelled, InputError
from annotator.formats.doccano import doccano_outputs, export_doccano, import_doccano, looks_like_doccano
from annotator.formats.selection import ExportOptions
from annotator.store.project import Project


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_bytes().split(b"\n") if line.strip()]


def _attr_count(annotator: str) -> int:
    return sum(len(s["attrs"]) for r in RECORDS for s in r["spans"] if s["annotator"] == annotator)


def _relation_count(annotator: str) -> int:
    return sum(1 for r in RECORDS for rel in r["relations"] if rel["annotator"] == annotator)


@pytest.mark.parametrize("variant", ["label", "entities"])
def test_one_layer_round_trips_exactly_and_counts_what_doccano_cannot_hold(tmp_path, variant) -> None:
    source = make_project(tmp_path / "source.db")
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    with Project.open(source) as project:
        report = export_doccano(project, first, ExportOptions(layer="amal"), variant=variant)
        expected = layer(contents(project, attrs=False), "amal")
    with Project.create(tmp_path / "fresh.db") as fresh:
        imported = import_doccano(fresh, first, annotator="amal")
        again = export_doccano(fresh, second, ExportOptions(layer="amal"), variant=variant)
        got = contents(fresh, attrs=False)
    assert first.read_bytes() == second.read_bytes()
    assert imported.documents_added == len(RECORDS)
    assert report.documents == again.documents == len(RECORDS)
    assert report.lost["span attributes"] == _attr_count("amal") == 4
    if variant == "label":  # the label variant has no relations: counted, and none come back
        assert report.lost["relations"] == _relation_count("amal") == 4
        assert report.relations == 0
        expected = {k: {**v, "relations": []} for k, v in expected.items()}
    else:
        assert "relations" not in report.lost
        assert report.relations == _relation_count("amal")
    assert got == expected
    assert sum(report.spans.values()) == sum(len(d["spans"]) for d in expected.values())


def test_label_variant_record_shape_and_code_point_offsets(tmp_path) -> None:
    source = make_project(tmp_path / "source.db")
    out = tmp_path / "out.jsonl"
    with Project.open(source) as project:
        export_doccano(project, out, ExportOptions(layer="amal"))
    kremlin, emoji, plain = _lines(out)
    assert emoji == {
        "id": "emoji",
        "text": "🇸🇦 و🇪🇬 يوقعان اتفاقاً في الرياض 👨\u200d👩\u200d👧",
        "label": [[0, 2, "GPE"], [4, 6, "GPE"], [25, 31, "GPE"]],
        "meta": {"title": "اتفاق"},
    }
    assert plain == {"id": "plain", "text": "نص بلا تعليقات", "label": [], "meta": {"title": "بلا"}}
    text = kremlin["text"]
    assert "\r" not in text
    surfaces = [(text[s:e], label) for s, e, label in kremlin["label"]]
    assert ("روسيا", "GPE") in surfaces  # the clitic-attached entity, exactly
    assert ("مسيّرة", "EVENT") in surfaces
    assert ("الكرمـــلين", "ORG") in surfaces
    assert ("الموقف\nمتوتر", "QUOTE") in surfaces
    assert kremlin["meta"] == {"title": "بيان الكرملين", "newlines": "crlf", "source": "wire"}
    assert [s for s, _, _ in kremlin["label"]] == sorted(s for s, _, _ in kremlin["label"])


def test_entities_variant_shape_links_head_to_child(tmp_path) -> None:
    source = make_project(tmp_path / "source.db")
    out = tmp_path / "out.jsonl"
    with Project.open(source) as project:
        export_doccano(project, out, ExportOptions(layer="omar"), variant="entities")
    kremlin = _lines(out)[0]
    text = kremlin["text"]
    entities = {e["id"]: e for e in kremlin["entities"]}
    assert set(kremlin) == {"id", "text", "entities", "relations", "meta"}
    assert all(set(e) == {"id", "label", "start_offset", "end_offset"} for e in entities.values())
    (relation,) = kremlin["relations"]
    assert set(relation) == {"id", "from_id", "to_id", "type"} and relation["type"] == "SAID_BY"
    head, child = entities[relation["from_id"]], entities[relation["to_id"]]
    assert (head["label"], text[head["start_offset"] : head["end_offset"]]) == ("QUOTE", "«نرسل مسيّرة لروسيا 😀 الآن»")
    assert (child["label"], text[child["start_offset"] : child["end_offset"]]) == ("PER", "بوتين")


def test_all_layers_write_one_file_per_annotator_like_doccano(tmp_path) -> None:
    source = make_project(tmp_path / "source.db")
    out = tmp_path / "data.jsonl"
    with Project.open(source) as project:
        report = export_doccano(project, out, variant="entities")
        expected = contents(project, attrs=False)
        files = doccano_outputs(project, out)
    assert [f.name for f in files] == ["data.amal.jsonl", "data.gold.jsonl", "data.omar.jsonl"]
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.glob("data*")) == [f.name for f in files]
    assert report.documents == len(RECORDS)  # each document counted once, though in three files
    assert report.lost["span attributes"] == ATTRIBUTE_VALUES
    with Project.create(tmp_path / "fresh.db") as fresh:
        for name in ("amal", "gold", "omar"):
            import_doccano(fresh, tmp_path / f"data.{name}.jsonl", annotator=name)
        assert contents(fresh, attrs=False) == expected
        export_doccano(fresh, tmp_path / "again" / "data.jsonl", variant="entities")
    for name in ("amal", "gold", "omar"):
        assert (tmp_path / "again" / f"data.{name}.jsonl").read_bytes() == (
            tmp_path / f"data.{name}.jsonl"
        ).read_bytes()


def test_import_detects_the_variant_per_line_and_keeps_doccano_columns_as_meta(tmp_path) -> None:
    text = "زار بوتين موسكو"
    lines = [
        {"id": 12, "text": text, "label": [[4, 9, "PER"], [10, 15, "GPE"]], "Comments": [], "source": "doccano"},
        {
            "id": 13,
            "text": "«نحن جاهزون» قال بيسكوف",
            "entities": [
                {"id": 101, "label": "QUOTE", "start_offset": 1, "end_offset": 11},
                {"id": 102, "label": "PER", "start_offset": 17, "end_offset": 23},
            ],
            "relations": [{"id": 7, "from_id": 101, "to_id": 102, "type": "SAID_BY"}],
        },
        {"text": "بلا تعليقات ولا معرف"},
    ]
    path = tmp_path / "doccano.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    with Project.create(tmp_path / "p.db") as project:
        report = import_doccano(project, path, default_annotator="reviewer")
        got = contents(project)
        ids = [project.document(d).ext_id for d in project.document_ids()]
        meta = project.document(project.find_document("12") or 0).meta
    assert report.documents_added == 3 and report.spans_added == 4 and report.relations_added == 1
    assert ids[:2] == ["12", "13"] and ids[2].startswith("doc-")
    assert meta == {"source": "doccano"}
    assert got["12"]["spans"] == [
        ("reviewer", "GPE", 10, 15, "موسكو", "{}"),
        ("reviewer", "PER", 4, 9, "بوتين", "{}"),
    ]
    (relation,) = got["13"]["relations"]
    assert relation[1] == "SAID_BY" and relation[2][1] == "QUOTE" and relation[3][1] == "PER"


@pytest.mark.parametrize(
    ("bad", "field", "message"),
    [
        ({"text": "قصير", "label": [[0, 2, "PER"], [1, 9, "PER"]]}, "label[1][1]", "past the end"),
        ({"text": "قصير", "label": [[-1, 2, "PER"]]}, "label[0][0]", "negative"),
        ({"text": "قصير", "label": [[3, 3, "PER"]]}, "label[0][1]", "not before"),
        ({"text": "قصير", "label": [["0", 2, "PER"]]}, "label[0][0]", "integer"),
        ({"text": "قصير", "label": ["positive"]}, "label[0]", "text-classification"),
        ({"text": "قصير", "label": [[0, 2, "NOPE"]]}, "label[0].label", "unknown label"),
        (
            {"text": "قصير", "entities": [{"id": 1, "label": "PER", "start_offset": 0, "end_offset": 40}]},
            "entities[0].end_offset",
            "past the end",
        ),
        (
            {"text": "قصير", "entities": [{"id": 1, "label": "PER", "start_offset": 0}]},
            "entities[0].end_offset",
            "missing",
        ),
        (
            {
                "text": "قصير",
                "entities": [{"id": 1, "label": "PER", "start_offset": 0, "end_offset": 2}],
                "relations": [{"id": 1, "from_id": 1, "to_id": 9, "type": "SAID_BY"}],
            },
            "relations[0].to_id",
            "not an entity id",
        ),
        ({"label": [[0, 1, "PER"]]}, "text", "missing"),
    ],
)
def test_bad_lines_name_file_line_and_field_and_leave_the_project_unchanged(tmp_path, bad, field, message) -> None:
    db = make_project(tmp_path / "p.db")
    good = {"id": "ok", "text": "زار بوتين موسكو", "label": [[4, 9, "PER"]]}
    path = tmp_path / "bad.jsonl"
    path.write_text(
        json.dumps(good, ensure_ascii=False) + "\n\n" + json.dumps(bad, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    before = table_counts(db)
    with Project.open(db) as project, pytest.raises(InputError) as caught:
        import_doccano(project, path)
    error = caught.value
    assert (error.path, error.line, error.field) == (str(path), 3, field)
    assert message in str(error)
    assert table_counts(db) == before


def test_split_writes_disjoint_reproducible_files_per_split(tmp_path) -> None:
    source = make_project(tmp_path / "source.db")
    options = ExportOptions(layer="amal", split=(0.5, 0.5), seed=3)
    with Project.open(source) as project:
        export_doccano(project, tmp_path / "a" / "data.jsonl", options)
        export_doccano(project, tmp_path / "b" / "data.jsonl", options)
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == ["data.test.jsonl", "data.train.jsonl"]
    ids = {n: [r["id"] for r in _lines(tmp_path / "a" / n)] for n in names}
    assert set(ids["data.train.jsonl"]).isdisjoint(ids["data.test.jsonl"])
    assert sorted(ids["data.train.jsonl"] + ids["data.test.jsonl"]) == sorted(r["id"] for r in RECORDS)
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_cancel_leaves_the_previous_files_and_no_temporary_ones(tmp_path) -> None:
    source = make_project(tmp_path / "source.db")
    out = tmp_path / "out" / "data.jsonl"
    out.parent.mkdir()
    out.write_bytes(b"previous\n")

    def cancel(done: int, total: int) -> None:
        if done == 2:
            raise Cancelled("stop")

    with Project.open(source) as project, pytest.raises(Cancelled):
        export_doccano(project, out, ExportOptions(layer="amal"), progress=cancel)
    assert [p.name for p in out.parent.iterdir()] == ["data.jsonl"]
    assert out.read_bytes() == b"previous\n"


def test_doccano_files_are_recognised_and_native_jsonl_is_not(tmp_path) -> None:
    doccano = tmp_path / "a.jsonl"
    doccano.write_text('{"text": "x", "label": [[0, 1, "PER"]]}\n', encoding="utf-8")
    relations = tmp_path / "b.jsonl"
    relations.write_text('{"text": "x", "entities": [], "relations": []}\n', encoding="utf-8")
    native = tmp_path / "c.jsonl"
    native.write_text('{"text": "x", "spans": [], "label": []}\n', encoding="utf-8")
    assert looks_like_doccano(doccano) and looks_like_doccano(relations)
    assert not looks_like_doccano(native) and not looks_like_doccano(tmp_path / "missing.jsonl")
