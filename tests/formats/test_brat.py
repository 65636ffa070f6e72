"""brat standoff folders: exact round trips (every layer in its own subfolder, spans crossing line
breaks as fragments, relations, attributes), annotation.conf, brat folders from elsewhere (notes,
events, discontinuous spans), file names that cannot leave the folder, bad .ann lines named by
file/line/field with the project unchanged, splits and atomic replacement of the folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from standoff_corpus import RECORDS, contents, layer, make_project, table_counts, tree

from annotator.core.errors import AnnotatorError, Cancelled, InputError
from annotator.formats.brat import (
    CONF_NAME,
    MANIFEST_NAME,
    decode_attribute,
    encode_attribute,
    export_brat,
    fragments,
    import_brat,
    looks_like_brat,
)
from annotator.formats.selection import ExportOptions
from annotator.store.project import Project


def test_all_layers_round_trip_exactly_through_one_subfolder_per_annotator(tmp_path) -> None:
    source = make_project(tmp_path / "source.db")
    first, second = tmp_path / "first", tmp_path / "second"
    with Project.open(source) as project:
        report = export_brat(project, first)
        expected = contents(project)
    assert sorted(p.name for p in first.iterdir()) == sorted([CONF_NAME, "amal", "gold", "omar"])
    for name in ("amal", "gold", "omar"):
        files = sorted(p.name for p in (first / name).iterdir())
        assert files == sorted(
            [CONF_NAME, MANIFEST_NAME] + [f"{r['id']}.{ext}" for r in RECORDS for ext in ("ann", "txt")]
        )
    with Project.create(tmp_path / "fresh.db") as fresh:
        imported = import_brat(fresh, first)
        export_brat(fresh, second)
        got = contents(fresh)
    assert tree(first) == tree(second)
    assert got == expected
    assert not report.lost and imported.notes == []
    assert report.documents == len(RECORDS)
    assert imported.documents_added == len(RECORDS) and imported.documents_matched == 2 * len(RECORDS)


def test_one_layer_writes_t_r_a_lines_with_exact_surfaces(tmp_path) -> None:
    source = make_project(tmp_path / "source.db")
    out = tmp_path / "amal"
    with Project.open(source) as project:
        report = export_brat(project, out, ExportOptions(layer="amal"))
        expected = layer(contents(project), "amal")
    text = (out / "kremlin.txt").read_bytes().decode("utf-8")
    assert text == RECORDS[0]["text"].replace("\r\n", "\n")
    lines = (out / "kremlin.ann").read_text(encoding="utf-8").splitlines()
    t_lines = [line.split("\t") for line in lines if line.startswith("T")]
    for _, head, surface in t_lines:
        offsets = [tuple(map(int, f.split())) for f in head.split(" ", 1)[1].split(";")]
        assert surface == " ".join(text[s:e] for s, e in offsets)
    by_surface = {t[2]: t for t in t_lines}
    quote_across = by_surface["الموقف متوتر"]  # the QUOTE crossing the (CRLF-origin) line break
    start = text.index("الموقف")
    assert quote_across[1] == f"QUOTE {start} {start + 6};{start + 7} {start + 12}"
    russia = next(t for t in t_lines if t[1].startswith("GPE"))
    s, e = map(int, russia[1].split()[1:])
    assert text[s:e] == "روسيا" and text[s - 1] == "ل"  # inside لروسيا
    ids = {t[2]: t[0] for t in t_lines}
    assert f"SAID_BY Arg1:{ids['نرسل مسيّرة لروسيا 😀 الآن']} Arg2:{ids['بوتين']}" in [
        line.split("\t")[1] for line in lines if line.startswith("R")
    ]
    attributes = sorted(line.split("\t")[1] for line in lines if line.startswith("A"))
    assert attributes == sorted(
        [
            f"check_worthy {ids['نرسل مسيّرة لروسيا']}",
            f"claim_type {ids['نرسل مسيّرة لروسيا']} event",
            f"type {ids['نرسل مسيّرة لروسيا 😀 الآن']} direct",
            f"type {ids['الموقف متوتر']} indirect",
        ]
    )
    assert (out / "plain.ann").read_bytes() == b""
    manifest = [json.loads(x) for x in (out / MANIFEST_NAME).read_text(encoding="utf-8").splitlines()]
    assert [m["id"] for m in manifest] == ["kremlin", "emoji", "plain"] and {m["annotator"] for m in manifest} == {
        "amal"
    }
    assert not report.lost
    with Project.create(tmp_path / "fresh.db") as fresh:
        import_brat(fresh, out)
        assert contents(fresh) == expected


def test_annotation_conf_covers_labels_relations_attributes_and_allows_nesting(tmp_path) -> None:
    source = make_project(tmp_path / "source.db")
    out = tmp_path / "brat"
    with Project.open(source) as project:
        export_brat(project, out, ExportOptions(layer="omar"))
    conf = (out / CONF_NAME).read_text(encoding="utf-8")
    sections = {}
    current = None
    for line in conf.splitlines():
        if line.startswith("["):
            current = line.strip("[]")
            sections[current] = []
        elif line and not line.startswith("#") and current:
            sections[current].append(line)
    assert sections["entities"] == ["PER", "ORG", "GPE", "LOC", "EVENT", "DATE", "QUOTE", "CLAIM", "CUE"]
    assert "SAID_BY\tArg1:QUOTE, Arg2:PER|ORG" in sections["relations"]
    assert "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>" in sections["relations"]
    assert "type\tArg:QUOTE, Value:direct|indirect" in sections["attributes"]
    assert "check_worthy\tArg:CLAIM, Value:true|false" in sections["attributes"]  # omar wrote a false
    assert "\tcheck_worthy T3 false\n" in (out / "kremlin.ann").read_text(encoding="utf-8")


def test_fragments_cut_at_every_line_break() -> None:
    text = "أ\nب\u2028ج\n\nد"
    assert fragments(text, 0, len(text)) == [(0, 1), (2, 3), (4, 5), (7, 8)]
    assert fragments(text, 1, 3) == [(2, 3)]
    assert fragments(text, 1, 2) == []


@pytest.mark.parametrize("value", [True, False, "direct", "مباشر"])
def test_attribute_words_read_back_identically(value) -> None:
    ok, token = encode_attribute(value, None)
    assert ok and decode_attribute(token, None) == value and type(decode_attribute(token, None)) is type(value)


def test_what_brat_cannot_hold_is_counted(tmp_path) -> None:
    text = "سطر أول\nقال بوتين\nسطر"
    line2 = text.index("قال")
    record = {
        "id": "edges",
        "text": text,
        "meta": {},
        "spans": [
            {"id": "s1", "start": line2 - 1, "end": line2 + 3, "label": "CUE", "annotator": "amal", "attrs": {}},
            {"id": "s2", "start": line2 - 1, "end": line2, "label": "CUE", "annotator": "amal", "attrs": {}},
            {
                "id": "s3",
                "start": line2 + 4,
                "end": line2 + 9,
                "label": "PER",
                "annotator": "amal",
                "attrs": {"note": "فيه مسافة", "n": 3, "true": "true", "ok": "نعم"},
            },
        ],
        "relations": [{"head": "s2", "child": "s3", "label": "CUE_OF", "annotator": "amal"}],
    }
    db = make_project(tmp_path / "p.db", [record])
    out = tmp_path / "brat"
    with Project.open(db) as project:
        report = export_brat(project, out)
    assert report.lost == {
        "spans starting or ending with a line break (trimmed)": 1,
        "spans of only line breaks": 1,
        "span attributes not representable in brat": 3,
        "relations to spans brat cannot hold or across annotator layers": 1,
    }
    assert report.spans == {"CUE": 1, "PER": 1}
    with Project.create(tmp_path / "fresh.db") as fresh:
        import_brat(fresh, out)
        spans = fresh.spans(fresh.document_ids()[0])
    assert [(text[s.start : s.end], s.attrs) for s in spans] == [("قال", {}), ("بوتين", {"ok": "نعم"})]


def test_ids_never_leave_the_folder_and_come_back_exactly(tmp_path) -> None:
    ids = ["../../etc/passwd", "..", ".hidden", "/abs/path", "a\\b", "CON", "Doc", "doc", "وثيقة/١", "x" * 300, "a%2Fb"]
    records = [{"id": i, "text": f"نص {n}", "meta": {}, "spans": []} for n, i in enumerate(ids)]
    db = make_project(tmp_path / "p.db", records)
    out = tmp_path / "deep" / "brat"
    with Project.open(db) as project:
        export_brat(project, out)
    outside = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    assert all(p.startswith(("deep", "p.")) for p in outside)
    files = list(out.iterdir())
    assert all(f.parent == out and f.is_file() for f in files)
    assert all(not f.name.startswith(".") and len(f.name) < 200 for f in files)
    stems = {f.stem.casefold() for f in files if f.suffix == ".txt"}
    assert len(stems) == len(ids)  # Doc and doc do not collide on a case-insensitive disk
    with Project.create(tmp_path / "fresh.db") as fresh:
        import_brat(fresh, out)
        assert sorted(fresh.document(d).ext_id for d in fresh.document_ids()) == sorted(ids)


def test_a_brat_folder_from_elsewhere_imports_with_notes_for_what_is_not_imported(tmp_path) -> None:
    folder = tmp_path / "corpus"
    (folder / "news").mkdir(parents=True)
    text = "قال بوتين في موسكو\nإن روسيا مستعدة"
    (folder / "news" / "d1.txt").write_text(text, encoding="utf-8")
    putin, moscow, russia = text.index("بوتين"), text.index("موسكو"), text.index("روسيا")
    line_end = text.index("\n")
    (folder / "news" / "d1.ann").write_text(
        "\n".join(
            [
                f"T1\tPER {putin} {putin + 5}\tبوتين",
                f"T2\tGPE {moscow} {moscow + 5}\tموسكو",
                f"T3\tQUOTE {moscow} {line_end};{line_end + 1} {russia + 5}\tموسكو إن روسيا",
                f"T4\tCLAIM {putin} {putin + 5};{moscow} {moscow + 5}\tبوتين موسكو",
                "E1\tCUE:T1 Arg:T2",
                "R1\tSAID_BY Arg1:T3 Arg2:T1",
                "R2\tCUE_OF Arg1:E1 Arg2:T3",
                "A1\ttype T3 direct",
                "A2\tcheck_worthy T4",
                "A3\tNegation E1",
                "M1\tSpeculation T2",
                "#1\tAnnotatorNotes T1\tرئيس روسيا",
                "N1\tReference T2 Wikipedia:123\tموسكو",
                "*\tAlias T1 T2",
                "",
            ]
        ),
        encoding="utf-8",
    )
    (folder / "d2.txt").write_text("بلا تعليقات", encoding="utf-8")
    with Project.create(tmp_path / "p.db") as project:
        report = import_brat(project, folder, default_annotator="brat")
        got = contents(project)
    assert sorted(got) == ["d2", "news/d1"]
    spans = {(s[1], s[4], s[5]) for s in got["news/d1"]["spans"]}
    assert ("QUOTE", text[moscow : russia + 5], '{"type": "direct"}') in spans  # fragments across the line break: exact
    assert ("CLAIM", text[putin : moscow + 5], '{"check_worthy": true}') in spans  # joined from first start to last end
    (relation,) = got["news/d1"]["relations"]
    assert relation[:2] == ("brat", "SAID_BY")
    notes = " | ".join(report.notes)
    for expected in (
        "1 '#' (note) lines",
        "1 'E' (event) lines",
        "1 'M' (modifier) lines",
        "1 'N' (normalisation)",
        "1 '*' (equivalence)",
        "2 relations or attributes",
        "1 discontinuous spans joined",
        "1 .txt files without an .ann",
    ):
        assert expected in notes


def _pair(folder: Path, text: str, ann: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "doc.txt").write_text(text, encoding="utf-8")
    (folder / "doc.ann").write_text(ann, encoding="utf-8")
    return folder / "doc.ann"


@pytest.mark.parametrize(
    ("ann", "line", "field", "message"),
    [
        ("T1\tPER 4 9\tبوتين\nT2\tGPE 13 40\tموسكو\n", 2, "T2.end", "past the end of doc.txt (length 18)"),
        ("T1\tPER 4 9\tبوتين\n\nT2\tGPE 13 18;30 31\tx\n", 3, "T2.end", "past the end"),
        ("T1\tPER -1 9\tبوتين\n", 1, "T1.start", "negative"),
        ("T1\tPER 4 x\tبوتين\n", 1, "T1.offsets", "integers"),
        ("T1\tPER 4 9\tموسكو\n", 1, "T1.text", "does not match"),
        ("T1\tNOPE 4 9\tبوتين\n", 1, "T1.label", "unknown label"),
        ("T1\tPER 4 9\tبوتين\nR1\tSAID_BY Arg1:T1 Arg2:T7\n", 2, "R1.Arg2", "T7 is not"),
        ("T1\tPER 4 9\tبوتين\nA1\ttype T9 direct\n", 2, "A1.target", "T9 is not"),
        ("T1\tPER 4 9\tبوتين\nT1\tPER 4 9\tبوتين\n", 2, "T1", "repeats"),
    ],
)
def test_bad_ann_lines_name_file_line_and_field_and_leave_the_project_unchanged(
    tmp_path, ann, line, field, message
) -> None:
    db = make_project(tmp_path / "p.db")
    folder = tmp_path / "in"
    _pair(folder / "a", "نص سليم", "")
    ann_path = _pair(folder / "b", "قال بوتين في موسكو", ann)
    before = table_counts(db)
    with Project.open(db) as project, pytest.raises(InputError) as caught:
        import_brat(project, folder)
    assert (caught.value.path, caught.value.line, caught.value.field) == (str(ann_path), line, field)
    assert message in str(caught.value)
    assert table_counts(db) == before


def test_an_ann_without_its_txt_is_an_error(tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "lonely.ann").write_text("T1\tPER 0 3\tabc\n", encoding="utf-8")
    with Project.create(tmp_path / "p.db") as project, pytest.raises(InputError) as caught:
        import_brat(project, folder)
    assert caught.value.path == str(folder / "lonely.ann") and "lonely.txt" in str(caught.value)


def test_split_writes_one_subfolder_per_split(tmp_path) -> None:
    source = make_project(tmp_path / "source.db")
    out = tmp_path / "brat"
    with Project.open(source) as project:
        export_brat(project, out, ExportOptions(layer="amal", split=(0.7, 0.3), seed=5))
    assert sorted(p.name for p in out.iterdir()) == sorted([CONF_NAME, "test", "train"])
    names = {split: {p.stem for p in (out / split).glob("*.txt")} for split in ("train", "test")}
    assert names["train"].isdisjoint(names["test"]) and names["train"] | names["test"] == {r["id"] for r in RECORDS}
    assert (out / "train" / CONF_NAME).exists() and (out / "test" / MANIFEST_NAME).exists()


def test_the_folder_is_replaced_atomically_and_never_over_unrelated_files(tmp_path) -> None:
    source = make_project(tmp_path / "source.db")
    out = tmp_path / "brat"
    with Project.open(source) as project:
        export_brat(project, out, ExportOptions(layer="omar"))
        before = tree(out)

        def cancel(done: int, total: int) -> None:
            if done == 2:
                raise Cancelled("stop")

        with pytest.raises(Cancelled):
            export_brat(project, out, ExportOptions(layer="amal"), progress=cancel)
        assert tree(out) == before
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
        export_brat(project, out, ExportOptions(layer="amal"))  # a previous export is replaced
        assert tree(out) != before
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
        mine = tmp_path / "mine"
        mine.mkdir()
        (mine / "thesis.tex").write_text("keep me", encoding="utf-8")
        with pytest.raises(AnnotatorError, match="not a previous export"):
            export_brat(project, mine)
        assert (mine / "thesis.tex").read_text(encoding="utf-8") == "keep me"


def test_brat_folders_are_recognised(tmp_path) -> None:
    source = make_project(tmp_path / "source.db")
    with Project.open(source) as project:
        export_brat(project, tmp_path / "export")
    ann = _pair(tmp_path / "loose" / "deep", "نص", "")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("نص", encoding="utf-8")
    assert looks_like_brat(tmp_path / "export") and looks_like_brat(tmp_path / "loose") and looks_like_brat(ann)
    assert not looks_like_brat(tmp_path / "texts") and not looks_like_brat(tmp_path / "texts" / "a.txt")
