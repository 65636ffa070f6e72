"""Write the schema fixture of the current release: tests/data/schemas/v<N>.annotator.db and
v<N>.expected.json (what the project holds, as test_migrations.py reads it back).

Run it once per released schema version, when the version is released, and commit both files;
never regenerate an older version's fixture (it stands for the files users have)::

    .venv/bin/python tests/reliability/make_schema_fixture.py
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

from annotator.core.model import Document, Relation, Span
from annotator.store.project import Project
from annotator.store.schema import SCHEMA_VERSION

SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "schemas"

TEXTS = {
    "kremlin": 'قال المتحدث باسم الكرملين ديمتري بيسكوف إن "الرئيس بوتين أشار إلى ضرورة إطلاق مفاوضات" 😀.',
    "health": "أعلنت وزارة الصحة في القاهرة أن عدد الإصابات بلغ ٣٠٠ حالة.\nوقال الوزير إن الوضع تحت السيطرة.",
    "mixed": "NATO (حلف شمال الأطلسي) يضم 32 دولة 🇸🇦، وقال Jens Stoltenberg: «سنبقى موحدين».",
    "empty-layer": "نص بلا تعليقات توضيحية.",
}


def snapshot(project: Project) -> dict[str, Any]:
    """Everything a user made, by id, in a JSON-comparable shape."""
    out: dict[str, Any] = {"documents": {}}
    for doc in project.iter_documents():
        assert doc.id is not None
        out["documents"][doc.ext_id] = {
            "id": doc.id,
            "title": doc.title,
            "text": doc.text,
            "meta": doc.meta,
            "review_state": project.conn.execute(
                "SELECT review_state FROM documents WHERE id = ?", (doc.id,)
            ).fetchone()[0],
            "spans": [[s.id, s.annotator, s.label, s.start, s.end, s.attrs] for s in project.spans(doc.id)],
            "relations": [[r.id, r.annotator, r.label, r.head, r.child] for r in project.relations(doc.id)],
            "status": {name: project.status(doc.id, name) for name in project.annotators()},
        }
    out["scheme"] = project.scheme().to_dict()
    out["annotators"] = project.annotators()
    out["settings"] = dict(project.conn.execute("SELECT key, value FROM settings ORDER BY key").fetchall())
    return json.loads(json.dumps(out, ensure_ascii=False))  # tuples to lists, as read from the file


def build(path: Path) -> dict[str, Any]:
    with Project.create(path) as project:
        project.set_setting("annotator", "amal")
        ids = {}
        for ext_id, text in TEXTS.items():
            ids[ext_id] = project.add_document(
                Document(
                    text=text, ext_id=ext_id, title=text.split("\n")[0][:30], meta={"source": "fixture", "n": len(ids)}
                )
            )
        text = TEXTS["kremlin"]
        doc = ids["kremlin"]
        cue = project.add_span(doc, Span(0, 3, "CUE", "amal"))
        org = project.add_span(doc, Span(text.index("الكرملين"), text.index("الكرملين") + 8, "ORG", "amal"))
        per = project.add_span(doc, Span(text.index("ديمتري"), text.index("بيسكوف") + 6, "PER", "amal"))
        quote = project.add_span(doc, Span(text.index('"'), text.rindex('"') + 1, "QUOTE", "amal", {"type": "direct"}))
        project.add_span(doc, Span(text.index("بوتين"), text.index("بوتين") + 5, "PER", "amal"))
        project.add_relation(Relation(quote.id, per.id, "SAID_BY", "amal"))  # type: ignore[arg-type]
        project.add_relation(Relation(cue.id, quote.id, "CUE_OF", "amal"))  # type: ignore[arg-type]
        project.add_span(doc, Span(org.start, org.end, "ORG", "badr"))
        project.add_span(doc, Span(per.start, per.end, "PER", "gold"))
        project.set_status(doc, "amal", "done")
        project.set_status(doc, "badr", "in_progress")
        project.conn.execute("UPDATE documents SET review_state = 'adjudicated' WHERE id = ?", (doc,))
        text = TEXTS["health"]
        doc = ids["health"]
        claim = project.add_span(
            doc, Span(0, text.index("\n"), "CLAIM", "badr", {"check_worthy": True, "claim_type": "numerical"})
        )
        ministry = project.add_span(doc, Span(text.index("وزارة"), text.index("الصحة") + 5, "ORG", "badr"))
        project.add_relation(Relation(claim.id, ministry.id, "CLAIMED_BY", "badr"))  # type: ignore[arg-type]
        project.add_span(doc, Span(text.index("القاهرة"), text.index("القاهرة") + 7, "GPE", "badr"))
        text = TEXTS["mixed"]
        doc = ids["mixed"]
        project.add_span(doc, Span(0, 4, "ORG", "amal", {"note": "O'Brien\"; DROP TABLE spans;--"}))
        flag = text.index("🇸🇦")
        project.add_span(doc, Span(flag, flag + 2, "GPE", "amal"))
        project.add_span(doc, Span(text.index("Jens"), text.index("Stoltenberg") + 11, "PER", "amal"))
        project.set_status(ids["empty-layer"], "amal", "done")
        expected = snapshot(project)
    conn = sqlite3.connect(path)  # one self-contained file: no -wal beside it in the repository
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("VACUUM")
    conn.close()
    return expected


def main() -> int:
    path = SCHEMAS / f"v{SCHEMA_VERSION}.annotator.db"
    if path.exists():
        print(f"{path} exists: a released schema's fixture is never regenerated", file=sys.stderr)
        return 1
    SCHEMAS.mkdir(parents=True, exist_ok=True)
    expected = build(path)
    path.with_name(f"v{SCHEMA_VERSION}.expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"wrote {path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
