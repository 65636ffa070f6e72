"""Label Studio JSON: exact round trips of every layer, span, relation and attribute; the task shape
Label Studio documents (checked by a validator written here) and a matching labelling config;
import of Label Studio's own exports and of generator-made pre-annotated tasks; bad tasks named by
file/line/field with the project left unchanged; streaming, splits and atomic output."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from standoff_corpus import KREMLIN, RECORDS, contents, make_project, table_counts

from annotator.core.errors import Cancelled, InputError
from annotator.formats.labelstudio import (
    config_path,
    decode_attribute,
    encode_attribute,
    export_labelstudio,
    import_labelstudio,
    iter_tasks,
    labelstudio_outputs,
    looks_like_labelstudio,
)
from annotator.formats.selection import ExportOptions
from annotator.store.project import Project

REGION_ID = re.compile(r"[A-Za-z0-9_-]+")


def validate_tasks(tasks: Any) -> None:
    """The Label Studio import shape: https://labelstud.io/guide/tasks and the result format docs.

    A list of tasks; each task an object with a ``data`` object holding the text; ``annotations``
    a list of objects with a ``result`` list; every labels result with id (A-Za-z0-9_-),
    from_name, to_name, type and value {start, end, text, labels} where value.text is the text at
    start..end; every per-region result on an existing region with that region's offsets; every
    relation between regions of its annotation, with a direction and a list of labels.
    """
    assert isinstance(tasks, list)
    for task in tasks:
        assert isinstance(task, dict) and isinstance(task["data"], dict)
        text = task["data"]["text"]
        assert isinstance(text, str)
        assert isinstance(task.get("meta", {}), dict)
        assert "completed_by" not in json.dumps(task)  # Label Studio rejects names it does not know
        for annotation in task["annotations"]:
            assert isinstance(annotation, dict) and isinstance(annotation["result"], list)
            assert isinstance(annotation.get("ground_truth", False), bool)
            regions = {}
            for item in annotation["result"]:
                if item["type"] == "labels":
                    assert REGION_ID.fullmatch(item["id"])
                    assert isinstance(item["from_name"], str) and isinstance(item["to_name"], str)
                    value = item["value"]
                    assert set(value) == {"start", "end", "text", "labels"}
                    assert isinstance(value["start"], int) and isinstance(value["end"], int)
                    assert 0 <= value["start"] < value["end"] <= len(text)
                    assert value["text"] == text[value["start"] : value["end"]]
                    assert value["labels"] and all(isinstance(x, str) for x in value["labels"])
                    assert item["id"] not in regions
                    regions[item["id"]] = value
            for item in annotation["result"]:
                if item["type"] == "relation":
                    assert set(item) == {"from_id", "to_id", "type", "direction", "labels"}
                    assert item["from_id"] in regions and item["to_id"] in regions
                    assert item["direction"] in ("right", "left", "bi")
                    assert all(isinstance(x, str) for x in item["labels"])
                elif item["type"] != "labels":
                    region = regions[item["id"]]
                    value = item["value"]
                    assert (value["start"], value["end"]) == (region["start"], region["end"])
                    payload = {"choices": "choices", "textarea": "text", "number": "number"}[item["type"]]
                    assert payload in value
                    if item["type"] == "choices":
                        assert all(isinstance(x, str) for x in value["choices"])
                        assert value["text"] == region["text"]
                    elif item["type"] == "textarea":
                        assert all(isinstance(x, str) for x in value["text"])


def validate_config(config: str, tasks: list[dict]) -> None:
    """Every control a result names exists in the config, with the labels and choices used."""
    root = ET.fromstring(config)
    assert root.tag == "View"
    (text,) = root.findall("Text")
    assert text.get("name") == "text" and text.get("value") == "$text"
    controls = {el.get("name"): el for el in root if el.get("toName") == "text"}
    labels = {el.get("value") for el in controls["label"].findall("Label")}
    relations = {el.get("value") for el in root.iter("Relation")}
    for task in tasks:
        for annotation in task["annotations"]:
            for item in annotation["result"]:
                if item["type"] == "relation":
                    assert set(item["labels"]) <= relations
                    continue
                control = controls[item["from_name"]]
                assert item["to_name"] == "text"
                if item["type"] == "labels":
                    assert control.tag == "Labels" and set(item["value"]["labels"]) <= labels
                else:
                    assert control.get("perRegion") == "true"
                    tag = {"choices": "Choices", "textarea": "TextArea", "number": "Number"}[item["type"]]
                    assert control.tag == tag
                    if tag == "Choices":
                        assert set(item["value"]["choices"]) <= {c.get("value") for c in control.findall("Choice")}


def test_round_trip_keeps_every_layer_span_relation_and_attribute_byte_for_byte(tmp_path) -> None:
    source = make_project(tmp_path / "source.db")
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    with Project.open(source) as project:
        report = export_labelstudio(project, first)
        expected = contents(project)
    with Project.create(tmp_path / "fresh.db") as fresh:
        imported = import_labelstudio(fresh, first)
        again = export_labelstudio(fresh, second)
        got = contents(fresh)
        assert fresh.annotators() == ["amal", "gold", "omar"]
    assert first.read_bytes() == second.read_bytes()
    assert config_path(first).read_bytes() == config_path(second).read_bytes()
    assert got == expected
    assert not report.lost and not again.lost and imported.notes == []
    assert report.documents == len(RECORDS) and report.relations == sum(len(r["relations"]) for r in RECORDS)
    assert sum(report.spans.values()) == sum(len(r["spans"]) for r in RECORDS)
    assert first.read_bytes().startswith(b"[\n{") and first.read_bytes().endswith(b"}\n]\n")


def test_export_validates_against_the_documented_task_shape_and_its_config(tmp_path) -> None:
    source = make_project(tmp_path / "source.db")
    out = tmp_path / "tasks.json"
    with Project.open(source) as project:
        export_labelstudio(project, out)
    tasks = json.loads(out.read_text(encoding="utf-8"))
    validate_tasks(tasks)
    validate_config(config_path(out).read_text(encoding="utf-8"), tasks)
    kremlin = tasks[0]
    assert kremlin["id"] == 1 and kremlin["data"]["doc_id"] == "kremlin" and kremlin["data"]["title"] == "بيان الكرملين"
    assert kremlin["data"]["text"] == KREMLIN.replace("\r\n", "\n")
    assert kremlin["meta"] == {"newlines": "crlf", "source": "wire"}
    layers = [(a["created_username"], a["ground_truth"]) for a in kremlin["annotations"]]
    assert layers == [("amal", False), ("gold", True), ("omar", False)]
    amal = kremlin["annotations"][0]["result"]
    regions = {r["id"]: r["value"] for r in amal if r["type"] == "labels"}
    by_surface = {(v["text"], v["labels"][0]): rid for rid, v in regions.items()}
    russia, quote = by_surface[("روسيا", "GPE")], by_surface[("نرسل مسيّرة لروسيا 😀 الآن", "QUOTE")]
    assert regions[quote]["start"] <= regions[russia]["start"] < regions[russia]["end"] <= regions[quote]["end"]
    assert ("الموقف\nمتوتر", "QUOTE") in by_surface
    claim = by_surface[("نرسل مسيّرة لروسيا", "CLAIM")]
    per_region = {(r["id"], r["from_name"]): (r["type"], r["value"]) for r in amal if r["type"] == "choices"}
    assert per_region[(claim, "check_worthy")][1]["choices"] == ["true"]
    assert per_region[(claim, "claim_type")][1]["choices"] == ["event"]
    assert per_region[(quote, "type")][1]["choices"] == ["direct"]
    said = [r for r in amal if r["type"] == "relation" and r["labels"] == ["SAID_BY"]]
    assert {"from_id": quote, "to_id": by_surface[("بوتين", "PER")]} in [
        {"from_id": r["from_id"], "to_id": r["to_id"]} for r in said
    ]


def test_one_layer_export_has_one_annotation_per_task_even_when_empty(tmp_path) -> None:
    source = make_project(tmp_path / "source.db")
    out = tmp_path / "omar.json"
    with Project.open(source) as project:
        report = export_labelstudio(
            project, out, ExportOptions(layer="omar", labels={"PER": "PERSON", "QUOTE": "QUOTE"})
        )
    tasks = json.loads(out.read_text(encoding="utf-8"))
    validate_tasks(tasks)
    validate_config(config_path(out).read_text(encoding="utf-8"), tasks)
    assert [len(t["annotations"]) for t in tasks] == [1, 1, 1]
    assert tasks[2]["annotations"] == [{"created_username": "omar", "ground_truth": False, "result": []}]
    labels = [r["value"]["labels"][0] for r in tasks[0]["annotations"][0]["result"] if r["type"] == "labels"]
    assert sorted(labels) == ["PERSON", "QUOTE"]
    assert dict(report.spans) == {"PERSON": 1, "QUOTE": 1}
    config = ET.fromstring(config_path(out).read_text(encoding="utf-8"))
    assert [el.get("value") for el in config.find("Labels")] == ["PERSON", "QUOTE"]


@pytest.mark.parametrize(
    "value",
    [True, False, "direct", "true", "نص حر فيه مسافات", 3, 2.5, -1, ["a", "ب"], []],
)
def test_attribute_values_that_are_written_read_back_identically(value) -> None:
    encoded = encode_attribute(value, None)
    assert encoded is not None
    rtype, payload = encoded
    back = decode_attribute(rtype, payload)
    assert back == value and type(back) is type(value)


def test_attributes_label_studio_cannot_hold_are_counted_not_written(tmp_path) -> None:
    text = "قال بوتين"
    record = {
        "id": "d",
        "text": text,
        "meta": {},
        "spans": [
            {
                "start": 4,
                "end": 9,
                "label": "PER",
                "annotator": "amal",
                "attrs": {
                    "ok": "نعم",
                    "n": 3,
                    "none": None,
                    "obj": {"k": 1},
                    "one": ["x"],
                    "label": "x",
                    "flag": False,
                },
            }
        ],
    }
    db = make_project(tmp_path / "p.db", [record])
    out = tmp_path / "out.json"
    with Project.open(db) as project:
        report = export_labelstudio(project, out)
    assert report.lost == {
        "span attributes not representable in Label Studio": 3,
        "span attributes named like a Label Studio control (label, text)": 1,
    }
    with Project.create(tmp_path / "fresh.db") as fresh:
        import_labelstudio(fresh, out)
        (span,) = fresh.spans(fresh.document_ids()[0])
    assert span.attrs == {"ok": "نعم", "n": 3, "flag": False}


def _generator_like_tasks() -> list[dict]:
    """The shape of ../shared/bench/make_labelstudio_tasks.py output, made here from a tiny text."""
    text = 'دعا الرئيس الروسي فلاديمير بوتين إلى مفاوضات.\nوقال بيسكوف إن "الموقف متوتر" لروسيا وأوكرانيا 😀.'

    def item(i: int | str, surface: str, label: str, nth: int = 0) -> dict:
        start = -1
        for _ in range(nth + 1):
            start = text.index(surface, start + 1)
        return {
            "id": f"r{i}",
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "value": {"start": start, "end": start + len(surface), "text": surface, "labels": [label]},
        }

    result = [
        item(0, "فلاديمير بوتين", "PER"),
        item(1, "بيسكوف", "PER"),
        item(2, "الموقف متوتر", "QUOTE"),
        item(3, "أوكرانيا", "GPE"),
        item(10**6, "روسيا", "GPE"),  # clitic-internal: inside لروسيا
    ]
    result.append({"type": "relation", "from_id": "r1", "to_id": "r2", "direction": "right", "labels": ["said"]})
    return [
        {"data": {"text": text, "doc_id": "t000000"}, "annotations": [{"result": result}]},
        {
            "data": {"text": "بلا كيانات", "doc_id": "t000001"},
            "annotations": [{"result": []}],
            "predictions": [{"model_version": "m1", "result": []}],
        },
    ]


def test_generator_shaped_tasks_import_with_their_relation_label_added(tmp_path) -> None:
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps(_generator_like_tasks(), ensure_ascii=False), encoding="utf-8")
    db = make_project(tmp_path / "p.db", [])
    before = table_counts(db)
    with Project.open(db) as project, pytest.raises(InputError) as caught:
        import_labelstudio(project, path)  # "said" is not in the default scheme
    assert caught.value.field == "tasks[0].annotations[0].result[5].label" and "'said'" in str(caught.value)
    assert table_counts(db) == before
    with Project.open(db) as project:
        report = import_labelstudio(project, path, add_labels=True)
        got = contents(project)
    assert report.documents_added == 2 and report.spans_added == 5 and report.relations_added == 1
    assert report.labels_added == ["said"]
    assert any("1 predictions ignored" in note for note in report.notes)
    spans = {(s[1], s[4]) for s in got["t000000"]["spans"]}
    assert ("GPE", "روسيا") in spans and ("QUOTE", "الموقف متوتر") in spans
    assert {s[0] for s in got["t000000"]["spans"]} == {"imported"}
    (relation,) = got["t000000"]["relations"]
    assert relation[1] == "said" and relation[2][4] == "بيسكوف" and relation[3][4] == "الموقف متوتر"


def test_label_studio_exports_name_layers_by_completed_by_and_hold_per_region_attributes(tmp_path) -> None:
    text = "قال بوتين «نحن جاهزون» 😀 اليوم"
    quote = text.index("نحن")
    value = {"start": quote, "end": quote + 10, "text": "نحن جاهزون"}
    tasks = [
        {
            "id": 41,
            "data": {"text": text, "source": "rss"},
            "annotations": [
                {
                    "completed_by": 7,
                    "result": [
                        {
                            "id": "q",
                            "from_name": "ner",
                            "to_name": "text",
                            "type": "labels",
                            "value": {**value, "labels": ["QUOTE"]},
                        },
                        {
                            "id": "q",
                            "from_name": "type",
                            "to_name": "text",
                            "type": "choices",
                            "value": {**value, "choices": ["indirect"]},
                        },
                        {
                            "id": "q",
                            "from_name": "note",
                            "to_name": "text",
                            "type": "textarea",
                            "value": {"start": quote, "end": quote + 10, "text": ["بصيغة المتكلم"]},
                        },
                        {
                            "id": "q",
                            "from_name": "score",
                            "to_name": "text",
                            "type": "number",
                            "value": {**value, "number": 4},
                        },
                        {
                            "id": "p",
                            "from_name": "ner",
                            "to_name": "text",
                            "type": "labels",
                            "value": {"start": 4, "end": 9, "text": "بوتين", "labels": ["PER"]},
                        },
                        {"type": "relation", "from_id": "p", "to_id": "q", "direction": "left", "labels": ["SAID_BY"]},
                        {
                            "id": "doc",
                            "from_name": "topic",
                            "to_name": "text",
                            "type": "choices",
                            "value": {"choices": ["politics"]},
                        },
                    ],
                },
                {
                    "completed_by": {"id": 3, "email": "amal@example.org"},
                    "result": [
                        {
                            "id": "x",
                            "from_name": "ner",
                            "to_name": "text",
                            "type": "labels",
                            "value": {"start": 4, "end": 9, "text": "بوتين", "labels": ["PER", "ORG"]},
                        },
                    ],
                },
                {"completed_by": 9, "was_cancelled": True, "result": []},
            ],
            "drafts": [{"result": []}],
        }
    ]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False, indent=2), encoding="utf-8")
    with Project.create(tmp_path / "p.db") as project:
        report = import_labelstudio(project, path)
        got = contents(project)
        (doc_id,) = project.document_ids()
        meta = project.document(doc_id).meta
    assert meta == {"source": "rss"}
    doc = got["41"]
    assert (
        "7",
        "QUOTE",
        quote,
        quote + 10,
        "نحن جاهزون",
        json.dumps({"note": "بصيغة المتكلم", "score": 4, "type": "indirect"}, ensure_ascii=False, sort_keys=True),
    ) in doc["spans"]
    assert {(s[0], s[1]) for s in doc["spans"]} == {
        ("7", "QUOTE"),
        ("7", "PER"),
        ("amal@example.org", "PER"),
        ("amal@example.org", "ORG"),
    }
    (relation,) = doc["relations"]  # direction "left": to_id is the head
    assert relation[1] == "SAID_BY" and relation[2][1] == "QUOTE" and relation[3][1] == "PER"
    notes = " | ".join(report.notes)
    for expected in ("1 drafts ignored", "1 cancelled", "1 regions had several labels", "1 task-level classification"):
        assert expected in notes


def test_utf16_offsets_from_old_label_studio_are_converted_with_a_note(tmp_path) -> None:
    text = "😀😀 قال بوتين"
    start16 = 2 * 2 + 5  # two emoji are four UTF-16 units
    task = {
        "data": {"text": text},
        "annotations": [
            {
                "result": [
                    {
                        "id": "a",
                        "from_name": "label",
                        "to_name": "text",
                        "type": "labels",
                        "value": {"start": start16, "end": start16 + 5, "text": "بوتين", "labels": ["PER"]},
                    }
                ]
            }
        ],
    }
    path = tmp_path / "old.json"
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    with Project.create(tmp_path / "p.db") as project:
        report = import_labelstudio(project, path)
        (span,) = project.spans(project.document_ids()[0])
    assert text[span.start : span.end] == "بوتين" and span.start == 7
    assert any("UTF-16" in note for note in report.notes)


def _bad_task(kind: str) -> dict:
    value: dict[str, Any] = {"start": 4, "end": 9, "text": "بوتين", "labels": ["PER"]}
    if kind == "missing start":
        del value["start"]
    elif kind == "past the end":
        value["end"] = 90
    elif kind == "wrong text":
        value["text"] = "موسكو"
    result = [{"id": "a", "from_name": "label", "to_name": "text", "type": "labels", "value": value}]
    if kind == "dangling relation":
        result.append({"type": "relation", "from_id": "a", "to_id": "zz", "direction": "right", "labels": ["SAID_BY"]})
    return {"data": {"text": "قال بوتين", "doc_id": "bad"}, "annotations": [{"result": result}]}


@pytest.mark.parametrize(
    ("kind", "field", "message"),
    [
        ("missing start", "tasks[1].annotations[0].result[0].value.start", "missing"),
        ("past the end", "tasks[1].annotations[0].result[0].value.end", "past the end"),
        ("wrong text", "tasks[1].annotations[0].result[0].value.text", "does not match"),
        ("dangling relation", "tasks[1].annotations[0].result[1].to_id", "not the id"),
    ],
)
def test_bad_tasks_name_file_line_and_field_and_leave_the_project_unchanged(tmp_path, kind, field, message) -> None:
    db = make_project(tmp_path / "p.db")
    good = {"data": {"text": "نص سليم", "doc_id": "good"}, "annotations": []}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([good, _bad_task(kind)], ensure_ascii=False, indent=1), encoding="utf-8")
    task_line = 1 + path.read_text(encoding="utf-8").split("\n").index(" {", 2)
    before = table_counts(db)
    with Project.open(db) as project, pytest.raises(InputError) as caught:
        import_labelstudio(project, path)
    assert (caught.value.path, caught.value.line, caught.value.field) == (str(path), task_line, field)
    assert message in str(caught.value)
    assert table_counts(db) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[{"data": {"text": "x"}, "annotations": []},\n{"data": {"text": ', "not valid JSON"),
        ('{"data": {"text": "x"}}\njunk', "unexpected text"),
        ('[{"data": {"text": "x"}}] ]', "unexpected text"),
        ('"just a string"', "expected a JSON array"),
        ('[{"data": {"text": "x"}} {"data": {"text": "y"}}]', "expected ','"),
    ],
)
def test_malformed_files_are_reported_with_a_line(tmp_path, content, message) -> None:
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    with Project.create(tmp_path / "p.db") as project, pytest.raises(InputError) as caught:
        import_labelstudio(project, path)
    assert message in str(caught.value) and caught.value.line is not None


def test_the_task_stream_crosses_read_chunks_and_keeps_line_numbers(tmp_path) -> None:
    task = {"data": {"text": "مسيّرة " * 400}, "annotations": []}
    path = tmp_path / "many.json"
    path.write_text(
        "[\n" + ",\n".join(json.dumps({**task, "n": i}, ensure_ascii=False) for i in range(600)) + "\n]\n",
        encoding="utf-8",
    )
    assert path.stat().st_size > 3 * (1 << 20)
    seen = [(index, line, value["n"]) for index, line, value, _ in iter_tasks(path)]
    assert seen == [(i, i + 2, i) for i in range(600)]


def test_split_writes_one_task_file_per_split_and_one_config(tmp_path) -> None:
    source = make_project(tmp_path / "source.db")
    out = tmp_path / "ls" / "tasks.json"
    options = ExportOptions(split=(0.4, 0.3, 0.3), seed=1)
    with Project.open(source) as project:
        report = export_labelstudio(project, out, options)
        files = labelstudio_outputs(out, options)
    assert [f.name for f in files] == ["tasks.train.json", "tasks.dev.json", "tasks.test.json"]
    assert sorted(p.name for p in out.parent.iterdir()) == sorted([f.name for f in files] + ["tasks.json.config.xml"])
    ids = []
    for file in files:
        tasks = json.loads(file.read_text(encoding="utf-8"))
        validate_tasks(tasks)
        ids += [t["data"]["doc_id"] for t in tasks]
        assert [t["id"] for t in tasks] == list(range(1, len(tasks) + 1))
    assert sorted(ids) == sorted(r["id"] for r in RECORDS) and report.documents == 3


def test_cancel_leaves_no_partial_file(tmp_path) -> None:
    source = make_project(tmp_path / "source.db")
    out = tmp_path / "out" / "tasks.json"

    def cancel(done: int, total: int) -> None:
        raise Cancelled("stop")

    with Project.open(source) as project, pytest.raises(Cancelled):
        export_labelstudio(project, out, progress=cancel)
    assert list(out.parent.iterdir()) == []


def test_label_studio_files_are_recognised(tmp_path) -> None:
    source = make_project(tmp_path / "source.db")
    out = tmp_path / "tasks.json"
    with Project.open(source) as project:
        export_labelstudio(project, out)
    other = tmp_path / "other.json"
    other.write_text('[{"text": "x", "spans": []}]', encoding="utf-8")
    assert looks_like_labelstudio(out)
    assert not looks_like_labelstudio(other) and not looks_like_labelstudio(config_path(out))


def _predicted_task() -> dict[str, Any]:
    text = "قال بيسكوف إن روسيا مستعدة"
    peskov, quote = (4, 10), (11, len(text))

    def region(rid: str, span: tuple[int, int], label: str) -> dict[str, Any]:
        value = {"start": span[0], "end": span[1], "text": text[span[0] : span[1]], "labels": [label]}
        return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels", "value": value}

    return {
        "data": {"text": text, "doc_id": "pre-1"},
        "annotations": [{"completed_by": 7, "result": [region("a1", peskov, "PER")]}],
        "predictions": [
            {
                "model_version": "ner-2026-11",
                "score": 0.9,
                "result": [
                    region("p1", peskov, "PER"),
                    region("p2", quote, "QUOTE"),
                    region("p3", (14, 19), "GPE"),
                    {"type": "relation", "from_id": "p2", "to_id": "p1", "direction": "right", "labels": ["SAID_BY"]},
                ],
            }
        ],
    }


def test_predictions_are_imported_as_suggestions_only_when_asked(tmp_path) -> None:
    from annotator.assist.suggest import SUGGESTION_LAYER, accept, suggestion_groups

    path = tmp_path / "pre.json"
    path.write_text(json.dumps([_predicted_task()], ensure_ascii=False), encoding="utf-8")
    db = make_project(tmp_path / "p.db", [])
    with Project.open(db) as project:
        plain = import_labelstudio(project, path)
        assert any("1 predictions ignored" in note and "--predictions" in note for note in plain.notes)
        assert project.spans(project.find_document("pre-1") or 0, SUGGESTION_LAYER) == []
    db2 = make_project(tmp_path / "p2.db", [])
    with Project.open(db2) as project:
        report = import_labelstudio(project, path, annotator="amal", predictions=True)
        doc = project.find_document("pre-1") or 0
        suggested = project.spans(doc, SUGGESTION_LAYER)
        assert sorted((s.label, s.attrs) for s in suggested) == [
            ("GPE", {"~model": "ner-2026-11"}),
            ("PER", {"~model": "ner-2026-11"}),
            ("QUOTE", {"~model": "ner-2026-11"}),
        ]
        (relation,) = project.relations(doc, SUGGESTION_LAYER)
        assert relation.label == "SAID_BY"
        assert [s.label for s in project.spans(doc, "amal")] == ["PER"]  # --annotator moves the annotation only
        assert set(project.document_statuses(doc)) == {"amal"}  # the suggestions layer has no status
        assert any("1 predictions imported as suggestions" in note for note in report.notes)
        groups = suggestion_groups(project, doc)
        assert [(g.kind, g.span.label) for g in groups] == [("quote", "QUOTE"), ("entity", "GPE")]  # speaker once
        assert groups[0].speaker is not None
        accept(project, [groups[0].span.id], "amal")
        quote = next(s for s in project.spans(doc, "amal") if s.label == "QUOTE")
        assert quote.attrs == {}  # the bookkeeping ~model attribute stays behind
        # the quote and its speaker were accepted together; the entity is still to decide
        assert [s.label for s in project.spans(doc, SUGGESTION_LAYER)] == ["GPE"]
