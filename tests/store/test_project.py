"""The project database: real SQLite files in tmp_path, no mocks."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError, OffsetError, SchemaVersionError
from annotator.core.model import Document, Relation, Span
from annotator.store.project import Project
from annotator.store.schema import SCHEMA_VERSION

TEXT = "قال الرئيس فلاديمير بوتين: «نريد ضمانات» 😀 لروسيا.\nوأضاف الكرملين أن المفاوضات ضرورية."
PUTIN = (TEXT.index("فلاديمير"), TEXT.index("بوتين") + len("بوتين"))
QUOTE = (TEXT.index("«") + 1, TEXT.index("»"))
KREMLIN = (TEXT.index("الكرملين"), TEXT.index("الكرملين") + len("الكرملين"))
CUE = (0, 3)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "news.annotator.db"


@pytest.fixture
def project(db_path: Path) -> Iterator[Project]:
    with Project.create(db_path) as proj:
        yield proj


def count(project: Project, table: str) -> int:
    return project.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def add_article(project: Project, ext_id: str = "doc-1", annotator: str = "amal") -> dict[str, int]:
    doc_id = project.add_document(Document(text=TEXT, ext_id=ext_id, title="بيان الكرملين", meta={"source": "تاس"}))
    per = project.add_span(doc_id, Span(*PUTIN, "PER", annotator=annotator))
    quote = project.add_span(doc_id, Span(*QUOTE, "QUOTE", annotator=annotator, attrs={"type": "direct"}))
    org = project.add_span(doc_id, Span(*KREMLIN, "ORG", annotator=annotator))
    cue = project.add_span(doc_id, Span(*CUE, "CUE", annotator=annotator))
    said = project.add_relation(Relation(head=quote.id, child=per.id, label="SAID_BY", annotator=annotator))
    cue_of = project.add_relation(Relation(head=cue.id, child=quote.id, label="CUE_OF", annotator=annotator))
    return {
        "doc": doc_id,
        "per": per.id,
        "quote": quote.id,
        "org": org.id,
        "cue": cue.id,
        "said": said.id,
        "cue_of": cue_of.id,
    }


def snapshot(project: Project) -> dict:
    """Everything a user cares about, in comparable form."""
    out = {}
    for doc in project.iter_documents():
        out[doc.ext_id] = {
            "doc": (doc.title, doc.text, doc.meta),
            "spans": [
                (s.id, s.annotator, s.label, s.start, s.end, s.attrs, s.text_in(doc.text))
                for s in project.spans(doc.id)
            ],
            "relations": [(r.id, r.annotator, r.label, r.head, r.child) for r in project.relations(doc.id)],
        }
    return out


# -- create / open ------------------------------------------------------------------------------


def test_create_then_reopen_keeps_documents_spans_relations_and_attrs(db_path: Path) -> None:
    with Project.create(db_path) as project:
        ids = add_article(project)
        before = snapshot(project)
    with Project.open(db_path) as project:
        after = snapshot(project)
        doc = project.document(ids["doc"])
        quote = project.span(ids["quote"])
    assert after == before
    assert doc.meta == {"source": "تاس"} and doc.title == "بيان الكرملين" and doc.text == TEXT
    assert quote.attrs == {"type": "direct"}
    assert quote.text_in(TEXT) == "نريد ضمانات"
    assert len(after["doc-1"]["spans"]) == 4 and len(after["doc-1"]["relations"]) == 2


def test_new_project_is_in_wal_mode_with_foreign_keys_and_current_schema(project: Project) -> None:
    assert project.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert project.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert project.schema_version == SCHEMA_VERSION


def test_reopened_project_has_foreign_keys_on(db_path: Path) -> None:
    Project.create(db_path).close()
    with Project.open(db_path) as project:
        assert project.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert project.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_create_refuses_an_existing_file(db_path: Path) -> None:
    Project.create(db_path).close()
    data = db_path.read_bytes()
    with pytest.raises(AnnotatorError, match="already exists"):
        Project.create(db_path)
    assert db_path.read_bytes() == data


def test_new_project_gets_the_default_scheme(project: Project) -> None:
    assert project.scheme().span_label_names == ["PER", "ORG", "GPE", "LOC", "EVENT", "DATE", "QUOTE", "CLAIM", "CUE"]


def test_opening_a_missing_file_names_it_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "missing.db"
    with pytest.raises(AnnotatorError) as info:
        Project.open(path)
    assert str(path) in str(info.value)
    assert not path.exists()


@pytest.mark.parametrize("create", [False, True])
def test_opening_a_file_that_is_not_sqlite_is_refused_and_the_file_untouched(tmp_path: Path, create: bool) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(("هذا ليس قاعدة بيانات\n" * 200).encode("utf-8"))
    data = path.read_bytes()
    with pytest.raises(AnnotatorError) as info:
        Project.open(path, create=create)
    assert str(path) in str(info.value)
    assert path.read_bytes() == data


@pytest.mark.parametrize("create", [False, True])
def test_opening_an_sqlite_file_that_is_not_a_project_is_refused_and_the_file_untouched(
    tmp_path: Path, create: bool
) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('كبسة')")
    conn.commit()
    conn.close()
    data = path.read_bytes()
    with pytest.raises(AnnotatorError) as info:
        Project.open(path, create=create)
    assert str(path) in str(info.value)
    assert path.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.sqlite"]


def test_opening_a_database_from_a_newer_version_is_refused_and_the_file_untouched(db_path: Path) -> None:
    with Project.create(db_path) as project:
        add_article(project)
        project.conn.execute("PRAGMA journal_mode = DELETE")
        project.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    data = db_path.read_bytes()
    with pytest.raises(SchemaVersionError) as info:
        Project.open(db_path)
    assert str(db_path) in str(info.value)
    assert isinstance(info.value, AnnotatorError)
    assert db_path.read_bytes() == data
    assert not list(db_path.parent.glob("*.bak"))


def test_creating_a_project_in_a_missing_folder_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "no" / "such" / "folder" / "p.db"
    with pytest.raises(AnnotatorError) as info:
        Project.open(path, create=True)
    assert str(path) in str(info.value)


def test_opening_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(AnnotatorError) as info:
        Project.open(tmp_path)
    assert str(tmp_path) in str(info.value)


# -- transactions -------------------------------------------------------------------------------


def test_failing_statement_inside_a_transaction_leaves_nothing(project: Project) -> None:
    add_article(project)
    docs, spans, relations = count(project, "documents"), count(project, "spans"), count(project, "relations")
    with pytest.raises(AnnotatorError), project.transaction():
        doc_id = project.add_document(Document(text="نص جديد", ext_id="doc-2"))
        project.add_span(doc_id, Span(0, 2, "PER", annotator="amal"))
        project.add_document(Document(text="مكرر", ext_id="doc-1"))  # duplicate ext_id: fails
    assert (count(project, "documents"), count(project, "spans"), count(project, "relations")) == (
        docs,
        spans,
        relations,
    )
    assert project.find_document("doc-2") is None


def test_failing_raw_sql_inside_a_transaction_rolls_back_everything(project: Project) -> None:
    with pytest.raises(sqlite3.IntegrityError), project.transaction():
        project.add_document(Document(text="نص", ext_id="doc-x"))
        project.conn.execute(
            "INSERT INTO spans (document_id, annotator_id, label, start, end, created, updated) "
            "VALUES (999, 999, 'PER', 0, 1, '', '')"
        )
    assert count(project, "documents") == 0
    assert count(project, "spans") == 0
    # The connection is usable again afterwards (no transaction left open).
    assert not project.conn.in_transaction
    project.add_document(Document(text="نص", ext_id="doc-x"))
    assert count(project, "documents") == 1


def test_nested_transaction_rolls_back_only_the_inner_block(project: Project) -> None:
    with project.transaction():
        outer = project.add_document(Document(text="الخارج", ext_id="outer"))
        with pytest.raises(RuntimeError), project.transaction():
            project.add_document(Document(text="الداخل", ext_id="inner"))
            project.add_span(outer, Span(0, 2, "GPE", annotator="amal"))
            raise RuntimeError("cancel the inner block")
        project.add_span(outer, Span(0, 3, "LOC", annotator="amal"))
    assert project.find_document("outer") == outer
    assert project.find_document("inner") is None
    assert [(s.label, s.start, s.end) for s in project.spans(outer)] == [("LOC", 0, 3)]
    assert not project.conn.in_transaction


def test_exception_in_outer_block_discards_committed_inner_blocks(project: Project) -> None:
    with pytest.raises(RuntimeError), project.transaction():
        with project.transaction():
            project.add_document(Document(text="داخلي", ext_id="inner"))
        raise RuntimeError("cancel")
    assert count(project, "documents") == 0


def test_changes_are_visible_to_another_connection_after_each_call(project: Project, db_path: Path) -> None:
    doc_id = project.add_document(Document(text=TEXT, ext_id="doc-1"))
    project.add_span(doc_id, Span(*PUTIN, "PER", annotator="amal"))
    other = sqlite3.connect(db_path)
    try:
        assert other.execute("SELECT count(*) FROM spans").fetchone()[0] == 1
    finally:
        other.close()


def test_annotator_created_in_a_rolled_back_transaction_can_still_be_used(project: Project) -> None:
    doc_id = project.add_document(Document(text=TEXT, ext_id="doc-1"))
    with pytest.raises(RuntimeError), project.transaction():
        project.add_span(doc_id, Span(*PUTIN, "PER", annotator="amal"))
        raise RuntimeError("import cancelled")
    assert project.annotators() == []
    # Another annotator now gets the row id "amal" had; amal's spans must not end up in their layer.
    project.add_span(doc_id, Span(*KREMLIN, "ORG", annotator="badr"))
    span = project.add_span(doc_id, Span(*PUTIN, "PER", annotator="amal"))
    assert project.span(span.id).annotator == "amal"
    assert [s.label for s in project.spans(doc_id, "badr")] == ["ORG"]
    assert project.annotators() == ["amal", "badr"]


# -- spans --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (0, len(TEXT) + 1), (5, 5), (7, 3)])
def test_add_span_rejects_bad_offsets(project: Project, start: int, end: int) -> None:
    doc_id = project.add_document(Document(text=TEXT, ext_id="doc-1"))
    with pytest.raises(OffsetError):
        project.add_span(doc_id, Span(start, end, "PER", annotator="amal"))
    assert count(project, "spans") == 0


def test_add_span_accepts_the_whole_text(project: Project) -> None:
    doc_id = project.add_document(Document(text=TEXT, ext_id="doc-1"))
    span = project.add_span(doc_id, Span(0, len(TEXT), "QUOTE", annotator="amal"))
    assert project.span(span.id).text_in(TEXT) == TEXT


def test_add_span_rejects_an_unknown_label(project: Project) -> None:
    doc_id = project.add_document(Document(text=TEXT, ext_id="doc-1"))
    with pytest.raises(AnnotatorError, match="unknown label 'PERSON'"):
        project.add_span(doc_id, Span(*PUTIN, "PERSON", annotator="amal"))
    assert count(project, "spans") == 0


def test_add_span_to_a_missing_document_is_refused(project: Project) -> None:
    with pytest.raises(AnnotatorError, match="no document"):
        project.add_span(42, Span(0, 1, "PER", annotator="amal"))


def test_add_span_with_an_empty_annotator_is_refused(project: Project) -> None:
    doc_id = project.add_document(Document(text=TEXT, ext_id="doc-1"))
    with pytest.raises(AnnotatorError, match="annotator"):
        project.add_span(doc_id, Span(*PUTIN, "PER", annotator=" "))


def test_add_spans_is_all_or_nothing(project: Project) -> None:
    doc_id = project.add_document(Document(text=TEXT, ext_id="doc-1"))
    with pytest.raises(AnnotatorError):
        project.add_spans(doc_id, [Span(*PUTIN, "PER", annotator="amal"), Span(*QUOTE, "NOPE", annotator="amal")])
    assert count(project, "spans") == 0


def test_spans_of_many_documents_are_stored_in_one_call_with_their_documents(project: Project) -> None:
    # 250 spans: two full hundred-row statements and a remainder; relations likewise.
    docs = [project.add_document(Document(text=TEXT, ext_id=f"doc-{n}")) for n in range(5)]
    spans = [
        Span(*(PUTIN if n % 2 else KREMLIN), "PER" if n % 2 else "ORG", annotator=f"a{n % 3}", document_id=docs[n % 5])
        for n in range(250)
    ]
    project.store_spans(spans)
    relations = [
        Relation(spans[n].id, spans[n + 1].id, "SAID_BY", "a0", document_id=spans[n].document_id)
        for n in range(0, 210, 2)
    ]
    project.store_relations(relations)
    assert len({s.id for s in spans}) == 250
    for doc_id in docs:
        stored = {(s.id, s.label, s.annotator, s.start) for s in project.spans(doc_id)}
        assert stored == {(s.id, s.label, s.annotator, s.start) for s in spans if s.document_id == doc_id}
        assert {r.id for r in project.relations(doc_id)} == {r.id for r in relations if r.document_id == doc_id}
    assert count(project, "relations") == 105
    assert project.status(docs[0], "a1") == "in_progress"


def test_a_bad_span_in_a_hundred_row_statement_stores_none_of_them(project: Project) -> None:
    doc_id = project.add_document(Document(text=TEXT, ext_id="doc-1"))
    spans = [Span(*PUTIN, "PER", annotator="amal", document_id=doc_id) for _ in range(150)]
    spans[42].label = "NOPE"
    with pytest.raises(AnnotatorError, match="NOPE"):
        project.store_spans(spans)
    assert count(project, "spans") == 0


def test_spans_are_filtered_by_annotator_and_ordered_by_position(project: Project) -> None:
    ids = add_article(project, annotator="amal")
    project.add_span(ids["doc"], Span(*PUTIN, "PER", annotator="badr"))
    amal = project.spans(ids["doc"], "amal")
    assert [s.label for s in amal] == ["CUE", "PER", "QUOTE", "ORG"]
    assert [s.annotator for s in project.spans(ids["doc"], "badr")] == ["badr"]
    assert len(project.spans(ids["doc"])) == 5
    assert project.spans(ids["doc"], "nobody") == []


def test_overlapping_and_nested_spans_are_allowed(project: Project) -> None:
    doc_id = project.add_document(Document(text=TEXT, ext_id="doc-1"))
    project.add_span(doc_id, Span(0, 30, "QUOTE", annotator="amal"))
    project.add_span(doc_id, Span(*PUTIN, "PER", annotator="amal"))
    project.add_span(doc_id, Span(*PUTIN, "PER", annotator="amal"))
    assert len(project.spans(doc_id)) == 3


def test_update_span_returns_the_old_span_and_checks_offsets(project: Project) -> None:
    ids = add_article(project)
    before = project.update_span(ids["per"], start=TEXT.index("بوتين"), attrs={"note": "اسم"})
    assert (before.start, before.end) == PUTIN
    after = project.span(ids["per"])
    assert after.text_in(TEXT) == "بوتين" and after.attrs == {"note": "اسم"}
    with pytest.raises(OffsetError):
        project.update_span(ids["per"], end=len(TEXT) + 5)
    with pytest.raises(AnnotatorError, match="unknown label"):
        project.update_span(ids["per"], label="NOPE")
    with pytest.raises(AnnotatorError):
        project.update_span(ids["per"], document_id=3)
    assert project.span(ids["per"]).text_in(TEXT) == "بوتين"


def test_delete_span_cascades_to_its_relations_and_returns_them(project: Project) -> None:
    ids = add_article(project)
    span, relations = project.delete_span(ids["quote"])
    assert span.id == ids["quote"] and span.label == "QUOTE" and span.attrs == {"type": "direct"}
    assert sorted(r.id for r in relations) == sorted([ids["said"], ids["cue_of"]])
    assert {r.label for r in relations} == {"SAID_BY", "CUE_OF"}
    assert project.relations(ids["doc"]) == []
    assert count(project, "relations") == 0
    assert sorted(s.id for s in project.spans(ids["doc"])) == sorted([ids["per"], ids["org"], ids["cue"]])
    with pytest.raises(AnnotatorError):
        project.span(ids["quote"])


def test_deleted_span_and_relations_can_be_restored_with_their_ids(project: Project) -> None:
    ids = add_article(project)
    before = snapshot(project)
    span, relations = project.delete_span(ids["quote"])
    with project.transaction():
        project.add_span(ids["doc"], span)
        for rel in relations:
            project.add_relation(rel)
    assert snapshot(project) == before


def test_deleting_a_document_cascades(project: Project) -> None:
    ids = add_article(project)
    project.conn.execute("DELETE FROM documents WHERE id = ?", (ids["doc"],))
    assert count(project, "spans") == 0 and count(project, "relations") == 0


# -- relations ----------------------------------------------------------------------------------


def test_relation_must_fit_the_scheme(project: Project) -> None:
    ids = add_article(project)
    with pytest.raises(AnnotatorError, match="does not link"):
        project.add_relation(Relation(head=ids["per"], child=ids["quote"], label="SAID_BY", annotator="amal"))
    with pytest.raises(AnnotatorError, match="unknown relation label"):
        project.add_relation(Relation(head=ids["quote"], child=ids["per"], label="NOPE", annotator="amal"))
    assert len(project.relations(ids["doc"])) == 2


def test_relation_between_two_documents_is_refused(project: Project) -> None:
    ids = add_article(project)
    other = add_article(project, ext_id="doc-2")
    with pytest.raises(AnnotatorError, match="same document"):
        project.add_relation(Relation(head=ids["quote"], child=other["per"], label="SAID_BY", annotator="amal"))


def test_delete_relation_returns_it(project: Project) -> None:
    ids = add_article(project)
    rel = project.delete_relation(ids["said"])
    assert (rel.head, rel.child, rel.label) == (ids["quote"], ids["per"], "SAID_BY")
    assert [r.id for r in project.relations(ids["doc"])] == [ids["cue_of"]]
    with pytest.raises(AnnotatorError):
        project.delete_relation(ids["said"])


def test_relations_filtered_by_annotator(project: Project) -> None:
    ids = add_article(project, annotator="amal")
    assert len(project.relations(ids["doc"], "amal")) == 2
    assert project.relations(ids["doc"], "badr") == []


# -- status, lists, stats -----------------------------------------------------------------------


def test_status_defaults_to_new_and_set_status_returns_the_previous_one(project: Project) -> None:
    doc_id = project.add_document(Document(text=TEXT, ext_id="doc-1"))
    assert project.status(doc_id, "amal") == "new"
    assert project.set_status(doc_id, "amal", "in_progress") == "new"
    assert project.set_status(doc_id, "amal", "done") == "in_progress"
    assert project.status(doc_id, "amal") == "done"
    assert project.status(doc_id, "badr") == "new"
    with pytest.raises(AnnotatorError, match="unknown status"):
        project.set_status(doc_id, "amal", "finished")
    assert project.status(doc_id, "amal") == "done"


def test_adding_a_span_moves_a_new_document_to_in_progress_but_not_a_done_one(project: Project) -> None:
    doc_id = project.add_document(Document(text=TEXT, ext_id="doc-1"))
    project.add_span(doc_id, Span(*PUTIN, "PER", annotator="amal"))
    assert project.status(doc_id, "amal") == "in_progress"
    project.set_status(doc_id, "amal", "done")
    project.add_span(doc_id, Span(*KREMLIN, "ORG", annotator="amal"))
    assert project.status(doc_id, "amal") == "done"


def test_document_list_counts_spans_and_shows_status_per_annotator(project: Project) -> None:
    first = add_article(project, ext_id="doc-1", annotator="amal")
    second = project.add_document(Document(text="نص قصير", ext_id="doc-2", title="قصير"))
    project.add_span(second, Span(0, 2, "PER", annotator="badr"))
    project.set_status(first["doc"], "amal", "done")

    amal = project.document_list("amal")
    assert [(d.ext_id, d.span_count, d.status) for d in amal] == [("doc-1", 4, "done"), ("doc-2", 0, "new")]
    badr = project.document_list("badr")
    assert [(d.ext_id, d.span_count, d.status) for d in badr] == [("doc-1", 0, "new"), ("doc-2", 1, "in_progress")]
    everyone = project.document_list()
    assert [(d.span_count, d.length, d.title, d.review_state) for d in everyone] == [
        (4, len(TEXT), "بيان الكرملين", "unreviewed"),
        (1, len("نص قصير"), "قصير", "unreviewed"),
    ]
    assert [d.span_count for d in project.document_list("nobody")] == [0, 0]


def test_stats_counts_documents_spans_relations_and_status(project: Project) -> None:
    ids = add_article(project, annotator="amal")
    project.add_document(Document(text="نص", ext_id="doc-2"))
    project.add_span(ids["doc"], Span(*PUTIN, "PER", annotator="badr"))
    project.set_status(ids["doc"], "amal", "done")
    stats = project.stats()
    assert stats["documents"] == 2
    assert stats["characters"] == len(TEXT) + 2
    assert stats["annotators"] == ["amal", "badr"]
    assert stats["spans"] == {"amal": {"CUE": 1, "ORG": 1, "PER": 1, "QUOTE": 1}, "badr": {"PER": 1}}
    assert stats["relations"] == {"amal": {"CUE_OF": 1, "SAID_BY": 1}}
    assert stats["status"] == {
        "amal": {"new": 1, "in_progress": 0, "done": 1},
        "badr": {"new": 1, "in_progress": 1, "done": 0},
    }


def test_stats_of_an_empty_project(project: Project) -> None:
    stats = project.stats()
    assert (stats["documents"], stats["characters"], stats["spans"], stats["relations"]) == (0, 0, {}, {})


def test_duplicate_document_id_is_refused_with_its_name(project: Project) -> None:
    project.add_document(Document(text="أ", ext_id="doc-1"))
    with pytest.raises(AnnotatorError, match="doc-1"):
        project.add_document(Document(text="ب", ext_id="doc-1"))


def test_document_text_is_stored_exactly(project: Project) -> None:
    text = "\ufeffأ\u200cب\u0640ـ\r\nج😀\u2028د\u00a0ه\u064e\u0651"
    doc_id = project.add_document(Document(text=text, ext_id="raw"))
    assert project.document(doc_id).text == text


# -- check --------------------------------------------------------------------------------------


def test_check_finds_nothing_in_a_healthy_project(project: Project) -> None:
    add_article(project)
    assert project.check() == []


def test_check_finds_a_span_whose_end_is_past_the_text(project: Project) -> None:
    ids = add_article(project)
    project.conn.execute('UPDATE spans SET "end" = ? WHERE id = ?', (len(TEXT) + 10, ids["org"]))
    problems = project.check()
    assert len(problems) == 1
    assert f"span {ids['org']}" in problems[0].where and "doc-1" in problems[0].where
    assert str(len(TEXT) + 10) in problems[0].message


def test_check_finds_an_empty_span_written_past_the_check_constraint(project: Project) -> None:
    ids = add_article(project)
    project.conn.execute("PRAGMA ignore_check_constraints = ON")
    project.conn.execute('UPDATE spans SET "start" = 9, "end" = 4 WHERE id = ?', (ids["per"],))
    project.conn.execute("PRAGMA ignore_check_constraints = OFF")
    problems = project.check()
    assert f"document doc-1 span {ids['per']}" in [p.where for p in problems]
    # SQLite's own integrity check may report the broken CHECK constraint as well; nothing else.
    assert {p.where for p in problems} <= {"database", f"document doc-1 span {ids['per']}"}


def test_check_constraint_refuses_empty_spans_without_the_pragma(project: Project) -> None:
    ids = add_article(project)
    with pytest.raises(sqlite3.IntegrityError):
        project.conn.execute('UPDATE spans SET "start" = 9, "end" = 4 WHERE id = ?', (ids["per"],))


def test_check_finds_a_text_whose_hash_changed(project: Project) -> None:
    add_article(project)
    project.conn.execute("UPDATE documents SET text = text || 'x' WHERE ext_id = 'doc-1'")
    problems = project.check()
    assert [str(p) for p in problems] == ["document doc-1: text changed since import (hash differs)"]


def test_check_finds_a_relation_linking_spans_of_another_document(project: Project) -> None:
    ids = add_article(project)
    other = add_article(project, ext_id="doc-2")
    project.conn.execute("UPDATE relations SET child_id = ? WHERE id = ?", (other["per"], ids["said"]))
    problems = project.check()
    assert [p.where for p in problems] == [f"document doc-1 relation {ids['said']}"]


# -- names with quotes and SQL ------------------------------------------------------------------

NASTY = "O'Brien\"; DROP TABLE spans;--"


def test_annotator_names_with_quotes_and_sql_are_stored_exactly(db_path: Path) -> None:
    with Project.create(db_path) as project:
        ids = add_article(project, annotator=NASTY)
        project.set_status(ids["doc"], NASTY, "done")
    with Project.open(db_path) as project:
        assert project.annotators() == [NASTY]
        assert {s.annotator for s in project.spans(ids["doc"], NASTY)} == {NASTY}
        assert project.status(ids["doc"], NASTY) == "done"
        assert project.stats()["status"][NASTY]["done"] == 1
        assert count(project, "spans") == 4


def test_document_ids_titles_and_attrs_with_quotes_are_stored_exactly(project: Project) -> None:
    doc_id = project.add_document(Document(text=TEXT, ext_id=NASTY, title=NASTY, meta={NASTY: NASTY}))
    span = project.add_span(doc_id, Span(*PUTIN, "PER", annotator="amal", attrs={NASTY: [NASTY, "'"]}))
    assert project.find_document(NASTY) == doc_id
    doc = project.document(doc_id)
    assert (doc.ext_id, doc.title, doc.meta) == (NASTY, NASTY, {NASTY: NASTY})
    assert project.span(span.id).attrs == {NASTY: [NASTY, "'"]}
