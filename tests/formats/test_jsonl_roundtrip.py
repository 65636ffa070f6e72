"""JSONL -> project -> JSONL keeps documents, spans, relations and attributes, byte-for-byte on repeat.

The texts carry what tends to shift offsets: astral emoji (with skin tone, flags), harakat and
shadda, tatweel, ZWNJ/ZWJ, mixed Latin/Arabic/digits, U+2028, and CRLF newlines (whose offsets
must move with the text so that text[start:end] is still the span's surface, with LF).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.cli import cli
from annotator.formats.jsonl import export_jsonl, import_jsonl
from annotator.store.project import Project


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _span(text: str, surface: str, label: str, annotator: str, sid: str, *, nth: int = 0, **attrs: Any) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return {
        "id": sid,
        "start": start,
        "end": start + len(surface),
        "label": label,
        "text": surface,
        "annotator": annotator,
        "attrs": attrs,
    }


EMOJI = "أعجبني 😀 منشور الكرملين 👍🏽 عن 🇸🇦 و🇪🇬 اليوم"
DIACRITICS = "أطلقت روسيا مسيّرةً فوقَ كييفَ، وقالت «الضربة دقيقة»."
TATWEEL_ZWNJ = "الكرمـــلين\u200cيقول: می\u200cخواهم و\u200dبوتين"
MIXED = "قال Joe Biden في 2024 إن NATO (حلف شمال الأطلسي) يضم ٣٠ دولة\u2028سطر"
CRLF = "موسكو\r\nقال ديمتري بيسكوف:\r\n«الموقف متوتر»\r\n"

CORPUS = [
    {
        "id": "emoji",
        "text": EMOJI,
        "meta": {"title": "منشور", "source": "x.com", "tags": ["a", "ب"]},
        "spans": [
            _span(EMOJI, "الكرملين", "ORG", "amal", "e1"),
            _span(EMOJI, "😀", "CUE", "amal", "e2"),
            _span(EMOJI, "🇸🇦", "GPE", "omar", "e3"),
            _span(EMOJI, "🇪🇬", "GPE", "omar", "e4"),
            _span(EMOJI, "👍🏽 عن", "CLAIM", "amal", "e5", check_worthy=False, claim_type="other"),
        ],
        "relations": [{"head": "e5", "child": "e1", "label": "CLAIMED_BY", "annotator": "amal"}],
    },
    {
        "id": "diacritics",
        "text": DIACRITICS,
        "meta": {"title": "مسيّرة"},
        "spans": [
            _span(DIACRITICS, "روسيا", "GPE", "amal", "d1"),
            _span(DIACRITICS, "مسيّرةً", "EVENT", "amal", "d2", note="مسيّرة", nested={"k": [1, 2.5, None, True]}),
            _span(DIACRITICS, "كييفَ", "GPE", "amal", "d3"),
            _span(DIACRITICS, "الضربة دقيقة", "QUOTE", "amal", "d4", type="direct"),
            _span(DIACRITICS, "قالت", "CUE", "amal", "d5"),
            _span(DIACRITICS, "روسيا", "GPE", "omar", "d6"),
        ],
        "relations": [
            {"head": "d4", "child": "d1", "label": "SAID_BY", "annotator": "amal"},
            {"head": "d5", "child": "d4", "label": "CUE_OF", "annotator": "amal"},
        ],
    },
    {
        "id": "tatweel-zwnj",
        "text": TATWEEL_ZWNJ,
        "meta": {"title": "tatweel"},
        "spans": [
            _span(TATWEEL_ZWNJ, "الكرمـــلين", "ORG", "amal", "t1"),
            _span(TATWEEL_ZWNJ, "می\u200cخواهم", "QUOTE", "amal", "t2", type="indirect"),
            _span(TATWEEL_ZWNJ, "\u200dبوتين", "PER", "amal", "t3"),
        ],
        "relations": [{"head": "t2", "child": "t1", "label": "SAID_BY", "annotator": "amal"}],
    },
    {
        "id": "mixed",
        "text": MIXED,
        "meta": {"title": "mixed"},
        "spans": [
            _span(MIXED, "Joe Biden", "PER", "amal", "m1"),
            _span(MIXED, "2024", "DATE", "amal", "m2"),
            _span(MIXED, "NATO", "ORG", "amal", "m3"),
            _span(MIXED, "حلف شمال الأطلسي", "ORG", "amal", "m4"),
            _span(MIXED, "٣٠ دولة\u2028سطر", "CLAIM", "omar", "m5", check_worthy=True, claim_type="numerical"),
        ],
        "relations": [{"head": "m5", "child": "m1", "label": "CLAIMED_BY", "annotator": "omar"}],
    },
    {
        "id": "crlf",
        "text": CRLF,
        "meta": {"title": "crlf"},
        "spans": [
            _span(CRLF, "موسكو", "GPE", "amal", "c1"),
            _span(CRLF, "ديمتري بيسكوف", "PER", "amal", "c2"),
            _span(CRLF, "الموقف متوتر", "QUOTE", "amal", "c3", type="direct"),
            _span(CRLF, "قال ديمتري بيسكوف:\r\n«الموقف متوتر»", "QUOTE", "omar", "c4", type="direct"),
            _span(CRLF, "\r\nقال", "CUE", "omar", "c5"),
        ],
        "relations": [
            {"head": "c3", "child": "c2", "label": "SAID_BY", "annotator": "amal"},
            {"head": "c4", "child": "c2", "label": "SAID_BY", "annotator": "omar"},
        ],
    },
]


def _moved(text: str, offset: int) -> int:
    """Where an offset into the original text lands in the LF-normalised text (computed naively)."""
    return len(_normalise(text[:offset]))


def _expected(record: dict) -> dict:
    """What the export must hold for an input record: LF text, moved offsets, same attrs and links."""
    text = record["text"]
    spans = {
        s["id"]: (_moved(text, s["start"]), _moved(text, s["end"]), s["label"], s["annotator"], s["attrs"])
        for s in record["spans"]
    }
    meta = dict(record["meta"])
    if "\r\n" in text:
        meta["newlines"] = "crlf"
    return {
        "id": record["id"],
        "text": _normalise(text),
        "meta": meta,
        "spans": sorted(spans.values(), key=repr),
        "surfaces": sorted((_normalise(s["text"]), s["label"]) for s in record["spans"]),
        "relations": sorted(
            (repr(spans[r["head"]]), repr(spans[r["child"]]), r["label"], r["annotator"]) for r in record["relations"]
        ),
    }


def _observed(record: dict) -> dict:
    text = record["text"]
    spans = {s["id"]: (s["start"], s["end"], s["label"], s["annotator"], s["attrs"]) for s in record["spans"]}
    for s in record["spans"]:
        assert text[s["start"] : s["end"]] == s["text"]
    return {
        "id": record["id"],
        "text": text,
        "meta": record["meta"],
        "spans": sorted(spans.values(), key=repr),
        "surfaces": sorted((s["text"], s["label"]) for s in record["spans"]),
        "relations": sorted(
            (repr(spans[r["head"]]), repr(spans[r["child"]]), r["label"], r["annotator"]) for r in record["relations"]
        ),
    }


def test_jsonl_project_jsonl_keeps_documents_spans_relations_and_attributes(
    tmp_path, new_db, write_jsonl, read_jsonl
) -> None:
    db = new_db()
    source = write_jsonl(tmp_path / "corpus.jsonl", CORPUS)
    runner = CliRunner()
    assert runner.invoke(cli, ["import", str(db), str(source)]).exit_code == 0
    out = tmp_path / "export.jsonl"
    result = runner.invoke(cli, ["export", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    exported = read_jsonl(out)
    assert [_observed(r) for r in exported] == [_expected(r) for r in CORPUS]


def test_export_reimport_export_is_byte_identical(tmp_path, new_db, write_jsonl) -> None:
    runner = CliRunner()
    first_db, second_db = new_db(), new_db()
    source = write_jsonl(tmp_path / "corpus.jsonl", CORPUS, newline="\r\n")  # CRLF between lines too
    assert runner.invoke(cli, ["import", str(first_db), str(source)]).exit_code == 0
    first = tmp_path / "first.jsonl"
    again = tmp_path / "again.jsonl"
    second = tmp_path / "second.jsonl"
    assert runner.invoke(cli, ["export", str(first_db), "-o", str(first)]).exit_code == 0
    assert runner.invoke(cli, ["export", str(first_db), "-o", str(again)]).exit_code == 0
    assert runner.invoke(cli, ["import", str(second_db), str(first)]).exit_code == 0
    assert runner.invoke(cli, ["export", str(second_db), "-o", str(second)]).exit_code == 0
    assert first.read_bytes() == again.read_bytes()
    assert first.read_bytes() == second.read_bytes()
    assert "\\r" not in first.read_text(encoding="utf-8")  # every text is stored and exported with LF


def test_reimporting_an_export_into_its_own_project_adds_nothing(tmp_path, new_db, write_jsonl, counts) -> None:
    db = new_db()
    source = write_jsonl(tmp_path / "corpus.jsonl", CORPUS)
    with Project.open(db) as project:
        import_jsonl(project, source)
        export_jsonl(project, tmp_path / "out.jsonl")
    before = counts(db)
    with Project.open(db) as project:
        report = import_jsonl(project, tmp_path / "out.jsonl")
    assert report.documents_added == report.spans_added == report.relations_added == 0
    assert report.documents_matched == len(CORPUS)
    assert counts(db) == before


def test_exporting_one_layer_round_trips_that_layer_only(tmp_path, new_db, write_jsonl, read_jsonl) -> None:
    db, fresh = new_db(), new_db()
    with Project.open(db) as project:
        import_jsonl(project, write_jsonl(tmp_path / "corpus.jsonl", CORPUS))
        export_jsonl(project, tmp_path / "omar.jsonl", annotator="omar")
    with Project.open(fresh) as project:
        import_jsonl(project, tmp_path / "omar.jsonl")
        export_jsonl(project, tmp_path / "omar2.jsonl")
    assert (tmp_path / "omar.jsonl").read_bytes() == (tmp_path / "omar2.jsonl").read_bytes()
    records = read_jsonl(tmp_path / "omar2.jsonl")
    assert {s["annotator"] for r in records for s in r["spans"]} == {"omar"}
    crlf = next(r for r in records if r["id"] == "crlf")
    assert [s["text"] for s in crlf["spans"]] == ["\nقال", "قال ديمتري بيسكوف:\n«الموقف متوتر»"]
    assert [(r["head"], r["child"], r["label"]) for r in crlf["relations"]] == []  # its child is amal's


# -- property: random texts from the awkward characters, random valid spans --------------------

PIECES = [
    *"ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "ء",
    "أ",
    "إ",
    "آ",
    "ة",
    "ى",
    "لا",
    *"\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652",  # harakat, shadda, sukun
    "\u0640",  # tatweel
    "\u200c",  # ZWNJ
    "\u200d",  # ZWJ
    "😀",
    "👍🏽",
    "🇸🇦",
    "👨\u200d👩\u200d👧",
    "مسيّرة",
    *"Ab z",
    *"09٠٩",
    " ",
    "،",
    "«",
    "»",
    '"',
    "\\",
    "\t",
    "\u00a0",
    "\u2028",
    "\n",
    "\r\n",
    "\r",
]
LABELS = ["PER", "ORG", "GPE", "QUOTE", "CLAIM"]
ANNOTATORS = ["amal", "omar", "أمل"]


@st.composite
def documents(draw: st.DrawFn) -> dict:
    text = "".join(draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40)))
    # any code-point boundary, except between the CR and LF of a pair (that CR vanishes on import)
    cuts = [i for i in range(len(text) + 1) if not (0 < i < len(text) and text[i - 1] == "\r" and text[i] == "\n")]
    spans = []
    for n in range(draw(st.integers(0, 8))):
        start = draw(st.sampled_from(cuts[:-1]))
        end = draw(st.sampled_from([c for c in cuts if c > start]))
        with_text = draw(st.booleans())
        span = {
            "id": f"x{n}",
            "start": start,
            "end": end,
            "label": draw(st.sampled_from(LABELS)),
            "annotator": draw(st.sampled_from(ANNOTATORS)),
            "attrs": draw(st.dictionaries(st.sampled_from(["a", "ب", "k"]), st.integers(-5, 5) | st.text(max_size=3))),
        }
        if with_text:
            span["text"] = text[start:end]
        spans.append(span)
    return {"id": "doc", "text": text, "meta": {"title": "t"}, "spans": spans}


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=documents())
def test_random_texts_and_spans_survive_the_round_trip(record: dict) -> None:
    text = record["text"]
    expected = {(_moved(text, s["start"]), _moved(text, s["end"]), s["label"], s["annotator"]) for s in record["spans"]}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "in.jsonl"
        source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        with Project.create(folder / "a.db") as project:
            import_jsonl(project, source)
            export_jsonl(project, folder / "a.jsonl")
        with Project.create(folder / "b.db") as project:
            import_jsonl(project, folder / "a.jsonl")
            export_jsonl(project, folder / "b.jsonl")
        first = (folder / "a.jsonl").read_bytes()
        assert first == (folder / "b.jsonl").read_bytes()
        (exported,) = [json.loads(line) for line in first.split(b"\n") if line]
    stored = exported["text"]
    assert stored == _normalise(text)
    got = set()
    for span in exported["spans"]:
        assert stored[span["start"] : span["end"]] == span["text"]
        got.add((span["start"], span["end"], span["label"], span["annotator"]))
    assert got == expected
    for original in record["spans"]:
        start, end = _moved(text, original["start"]), _moved(text, original["end"])
        assert stored[start:end] == _normalise(text[original["start"] : original["end"]])
