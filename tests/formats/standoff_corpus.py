"""The Arabic corpus the doccano, Label Studio and brat tests round-trip, and ways to compare projects.

It carries what breaks offsets and what formats drop: emoji (with skin tone, flags, a ZWJ family),
diacritics (مسيّرة), tatweel, ZWNJ, newlines that were CRLF in the source (one inside a quote),
nested spans (a PER and a GPE inside a QUOTE, a CLAIM inside the QUOTE), clitic-attached
entities (روسيا inside لروسيا, 🇪🇬 after و), two annotator layers plus gold, relations and
attributes (choice, bool true and false).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.formats.jsonl import import_jsonl
from annotator.store.project import Project

KREMLIN = (
    "قال الكرمـــلين إن بوتين أكد: «نرسل مسيّرة لروسيا 😀 الآن»\r\nوأضاف بيسكوف\u200cالمتحدث: «الموقف\r\nمتوتر» 👍🏽"
)
EMOJI = "🇸🇦 و🇪🇬 يوقعان اتفاقاً في الرياض 👨\u200d👩\u200d👧"
PLAIN = "نص بلا تعليقات"


def _span(text: str, surface: str, label: str, annotator: str, sid: str, *, nth: int = 0, **attrs: Any) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return {
        "id": sid,
        "start": start,
        "end": start + len(surface),
        "label": label,
        "annotator": annotator,
        "attrs": attrs,
    }


RECORDS = [
    {
        "id": "kremlin",
        "text": KREMLIN,
        "meta": {"title": "بيان الكرملين", "source": "wire"},
        "spans": [
            _span(KREMLIN, "قال", "CUE", "amal", "a1"),
            _span(KREMLIN, "الكرمـــلين", "ORG", "amal", "a2"),
            _span(KREMLIN, "بوتين", "PER", "amal", "a3"),
            _span(KREMLIN, "نرسل مسيّرة لروسيا 😀 الآن", "QUOTE", "amal", "a4", type="direct"),
            _span(KREMLIN, "مسيّرة", "EVENT", "amal", "a5"),
            _span(KREMLIN, "روسيا", "GPE", "amal", "a6"),  # inside لروسيا, inside the QUOTE
            _span(KREMLIN, "نرسل مسيّرة لروسيا", "CLAIM", "amal", "a7", check_worthy=True, claim_type="event"),
            _span(KREMLIN, "بيسكوف", "PER", "amal", "a8"),  # followed by ZWNJ
            _span(KREMLIN, "الموقف\r\nمتوتر", "QUOTE", "amal", "a9", type="indirect"),  # crosses a CRLF
            _span(KREMLIN, "بوتين", "PER", "omar", "o1"),
            _span(KREMLIN, "«نرسل مسيّرة لروسيا 😀 الآن»", "QUOTE", "omar", "o2", type="direct"),
            _span(KREMLIN, "نرسل مسيّرة", "CLAIM", "omar", "o3", check_worthy=False),
            _span(KREMLIN, "روسيا", "GPE", "omar", "o4"),
            _span(KREMLIN, "بوتين", "PER", "gold", "g1"),
            _span(KREMLIN, "نرسل مسيّرة لروسيا 😀 الآن", "QUOTE", "gold", "g2", type="direct"),
        ],
        "relations": [
            {"head": "a4", "child": "a3", "label": "SAID_BY", "annotator": "amal"},
            {"head": "a1", "child": "a4", "label": "CUE_OF", "annotator": "amal"},
            {"head": "a7", "child": "a3", "label": "CLAIMED_BY", "annotator": "amal"},
            {"head": "a9", "child": "a8", "label": "SAID_BY", "annotator": "amal"},
            {"head": "o2", "child": "o1", "label": "SAID_BY", "annotator": "omar"},
            {"head": "g2", "child": "g1", "label": "SAID_BY", "annotator": "gold"},
        ],
    },
    {
        "id": "emoji",
        "text": EMOJI,
        "meta": {"title": "اتفاق"},
        "spans": [
            _span(EMOJI, "🇸🇦", "GPE", "amal", "e1"),
            _span(EMOJI, "🇪🇬", "GPE", "amal", "e2"),  # glued to the conjunction و
            _span(EMOJI, "الرياض", "GPE", "amal", "e3"),
            _span(EMOJI, "👨\u200d👩\u200d👧", "CUE", "omar", "e4"),
        ],
        "relations": [],
    },
    {"id": "plain", "text": PLAIN, "meta": {"title": "بلا"}, "spans": [], "relations": []},
]

ATTRIBUTE_VALUES = sum(len(s["attrs"]) for r in RECORDS for s in r["spans"])


def make_project(path: Path, records: list[dict] | None = None) -> Path:
    """A project at ``path`` holding ``records`` (imported from native JSONL, so CRLF becomes LF)."""
    source = path.with_suffix(".source.jsonl")
    source.write_bytes(
        b"".join(json.dumps(r, ensure_ascii=False).encode("utf-8") + b"\n" for r in (records or RECORDS))
    )
    with Project.create(path) as project:
        import_jsonl(project, source)
    return path


def contents(project: Project, *, attrs: bool = True) -> dict[str, Any]:
    """Everything a round trip must keep, independent of database ids.

    Per document: its text and title; the set of spans as (layer, label, start, end, surface,
    attrs); the set of relations as (layer, label, head span, child span).
    """
    out: dict[str, Any] = {}
    for doc_id in project.document_ids():
        document = project.document(doc_id)
        text = document.text
        spans = project.spans(doc_id)

        def key(span: Any, text: str = text) -> tuple:
            attr = json.dumps(span.attrs, sort_keys=True, ensure_ascii=False) if attrs else ""
            return (span.annotator, span.label, span.start, span.end, text[span.start : span.end], attr)

        by_id = {s.id: key(s) for s in spans}
        out[document.ext_id] = {
            "text": text,
            "title": document.title,
            "spans": sorted(key(s) for s in spans),
            "relations": sorted(
                (r.annotator, r.label, by_id[r.head], by_id[r.child]) for r in project.relations(doc_id)
            ),
        }
    return out


def layer(contents_: dict[str, Any], name: str) -> dict[str, Any]:
    """Only one annotator's layer of :func:`contents`."""
    return {
        ext_id: {
            **doc,
            "spans": [s for s in doc["spans"] if s[0] == name],
            "relations": [r for r in doc["relations"] if r[0] == name],
        }
        for ext_id, doc in contents_.items()
    }


def table_counts(path: Path) -> dict[str, int]:
    with Project.open(path) as project:
        return {
            table: project.conn.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]
            for table in ("documents", "spans", "relations", "annotators", "span_labels", "relation_labels")
        }


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
