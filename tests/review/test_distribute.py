"""Package a project for an annotator and merge their work back: real project files in tmp_path."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.labels import SpanLabel
from annotator.core.model import GOLD, Document, Relation, Span
from annotator.core.text import content_hash
from annotator.review.distribute import merge_projects, package_project
from annotator.store.project import Project

ARTICLE = (
    "قال الرئيس فلاديمير بوتين: «نريد ضمانات أمنية» 😀 لروسيا.\n"
    "وأضاف الكرملين أن المفاوضات مع أوكرانيا ضرورية، وأن موسكو مستعدة للحوار."
)
SECOND = "أعلنت وزارة الخارجية في القاهرة أن الوفد سيصل غدا."
THIRD = "نفى المتحدث باسم الحكومة ما تردد عن استقالة الوزير."
OLD = "2020-01-01T00:00:00+00:00"
FUTURE = "2999-01-01T00:00:00+00:00"


@pytest.fixture
def main(project: Project, span_of: Callable[..., Span]) -> Project:
    """doc-1: amal's and omar's layers (amal's with a relation and attributes); doc-2: omar only; doc-3: nobody."""
    d1 = project.add_document(Document(text=ARTICLE, ext_id="doc-1", title="بيان الكرملين", meta={"source": "تاس"}))
    d2 = project.add_document(Document(text=SECOND, ext_id="doc-2"))
    project.add_document(Document(text=THIRD, ext_id="doc-3"))
    per = project.add_span(d1, span_of(ARTICLE, "فلاديمير بوتين", "PER", "amal"))
    quote = span_of(ARTICLE, "نريد ضمانات أمنية", "QUOTE", "amal")
    quote.attrs = {"type": "direct"}
    quote = project.add_span(d1, quote)
    project.add_relation(Relation(quote.id, per.id, "SAID_BY", annotator="amal"))
    project.add_span(d1, span_of(ARTICLE, "روسيا", "GPE", "omar"))
    project.add_span(d1, span_of(ARTICLE, "الكرملين", "ORG", "omar"))
    project.add_span(d2, span_of(SECOND, "القاهرة", "GPE", "omar"))
    project.set_status(d2, "omar", "done")
    return project


def layer(project: Project, name: str) -> dict[str, list[tuple[Any, ...]]]:
    """One annotator's layer, comparable across projects: by document id, spans and relations by content."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    for doc in project.iter_documents():
        spans = {s.id: s for s in project.spans(doc.id, name)}
        rows: list[tuple[Any, ...]] = [
            (s.label, s.start, s.end, tuple(sorted(s.attrs.items()))) for s in spans.values()
        ]
        rows += [
            ("->", r.label, spans[r.head].label, spans[r.head].start, spans[r.child].label, spans[r.child].start)
            for r in project.relations(doc.id, name)
        ]
        if rows:
            out[doc.ext_id] = sorted(rows, key=repr)
    return out


def everything(project: Project) -> dict[str, Any]:
    """All user data: texts, every layer with timestamps, statuses, scheme."""
    conn = project.conn
    return {
        "documents": conn.execute("SELECT ext_id, title, text, text_hash, meta FROM documents ORDER BY id").fetchall(),
        "spans": conn.execute("SELECT * FROM spans ORDER BY id").fetchall(),
        "relations": conn.execute("SELECT * FROM relations ORDER BY id").fetchall(),
        "status": conn.execute("SELECT * FROM document_status ORDER BY document_id, annotator_id").fetchall(),
        "scheme": project.scheme().to_dict(),
    }


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- package --------------------------------------------------------------------------------


def test_package_holds_documents_scheme_and_only_that_annotators_layer(main: Project, tmp_path: Path) -> None:
    out = tmp_path / "amal.db"
    report = package_project(main, out, annotator="amal")
    assert (report.documents, report.spans, report.relations) == (3, 2, 1)
    with Project.open(out) as package:
        assert package.get_setting("annotator") == "amal"
        assert package.scheme().to_dict() == main.scheme().to_dict()
        assert [(d.ext_id, d.title, d.text, d.meta) for d in package.iter_documents()] == [
            (d.ext_id, d.title, d.text, d.meta) for d in main.iter_documents()
        ]
        assert package.annotators() == ["amal"]
        assert layer(package, "amal") == layer(main, "amal")
        doc = package.find_document("doc-1")
        assert package.status(doc, "amal") == "in_progress"
        # the spans keep their timestamps, so a merge can tell later edits
        assert [r[1:] for r in package.span_records(doc, "amal")] == [
            r[1:] for r in main.span_records(main.find_document("doc-1"), "amal")
        ]
    assert not list(tmp_path.glob(".amal.db*"))  # no partial file left


def test_package_for_someone_without_a_layer_and_chosen_documents(main: Project, tmp_path: Path) -> None:
    out = tmp_path / "sara.db"
    report = package_project(main, out, annotator="sara", documents=["doc-3", "doc-1"])
    assert (report.documents, report.spans) == (2, 0)
    with Project.open(out) as package:
        assert sorted(d.ext_id for d in package.iter_documents()) == ["doc-1", "doc-3"]
        assert package.stats()["spans"] == {} and package.get_setting("annotator") == "sara"


def test_package_refuses_to_overwrite_and_leaves_nothing_on_error(main: Project, tmp_path: Path) -> None:
    out = tmp_path / "amal.db"
    out.write_bytes(b"precious")
    with pytest.raises(AnnotatorError, match="already exists"):
        package_project(main, out, annotator="amal")
    assert out.read_bytes() == b"precious"
    with pytest.raises(AnnotatorError, match="no document with id 'nope'"):
        package_project(main, tmp_path / "x.db", annotator="amal", documents=["doc-1", "nope"])
    with pytest.raises(AnnotatorError, match="empty"):
        package_project(main, tmp_path / "y.db", annotator=" ")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["amal.db", "main.annotator.db", *_wal(tmp_path)])


def _wal(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith("main.annotator.db-")]


# -- merge ----------------------------------------------------------------------------------


def annotate_package(path: Path, span_of: Callable[..., Span]) -> None:
    """What amal does in her copy: two new spans with a relation, and marks doc-1 done."""
    with Project.open(path) as package:
        doc = package.find_document("doc-1")
        kremlin = package.add_span(doc, span_of(ARTICLE, "الكرملين", "ORG", "amal"))
        claim = package.add_span(doc, span_of(ARTICLE, "المفاوضات مع أوكرانيا ضرورية", "CLAIM", "amal"))
        package.add_relation(Relation(claim.id, kremlin.id, "CLAIMED_BY", annotator="amal"))
        package.set_status(doc, "amal", "done")


def test_work_done_in_a_package_comes_back_under_the_annotator(
    main: Project, tmp_path: Path, span_of: Callable[..., Span]
) -> None:
    out = tmp_path / "amal.db"
    package_project(main, out, annotator="amal")
    annotate_package(out, span_of)
    omar_before, texts_before = layer(main, "omar"), everything(main)["documents"]
    with Project.open(out) as package:
        expected = layer(package, "amal")
    incoming_digest = digest(out)

    report = merge_projects(main, [out])

    assert layer(main, "amal") == expected
    assert layer(main, "omar") == omar_before  # another annotator's layer untouched
    assert everything(main)["documents"] == texts_before  # no text changed, nothing added
    assert main.status(main.find_document("doc-1"), "amal") == "done"
    file = report.files[0]
    amal = file.layers["amal"]
    assert (amal.spans_added, amal.spans_present, amal.relations_added, amal.relations_present) == (2, 2, 1, 1)
    assert amal.statuses_updated == 1 and file.documents_matched == 3 and not file.conflicts
    assert report.spans_added == 2
    # the incoming file is only read: same bytes, no -wal/-shm left beside it
    assert digest(out) == incoming_digest
    assert not (tmp_path / "amal.db-wal").exists() and not (tmp_path / "amal.db-shm").exists()


def test_merging_the_same_file_twice_adds_nothing(main: Project, tmp_path: Path, span_of: Callable[..., Span]) -> None:
    out = tmp_path / "amal.db"
    package_project(main, out, annotator="amal")
    annotate_package(out, span_of)
    merge_projects(main, [out])
    before = everything(main)
    again = merge_projects(main, [out, out])
    assert everything(main) == before
    assert again.changed == 0 and again.spans_added == 0
    assert again.files[0].layers["amal"].spans_present == 4
    assert again.files[0].layers["amal"].relations_present == 2


def test_several_annotators_files_in_one_merge(main: Project, tmp_path: Path, span_of: Callable[..., Span]) -> None:
    amal, sara = tmp_path / "amal.db", tmp_path / "sara.db"
    package_project(main, amal, annotator="amal")
    package_project(main, sara, annotator="sara", documents=["doc-2"])
    annotate_package(amal, span_of)
    with Project.open(sara) as package:
        package.add_span(package.find_document("doc-2"), span_of(SECOND, "وزارة الخارجية", "ORG", "sara"))
    report = merge_projects(main, [amal, sara])
    assert [f.layers[n].spans_added for f, n in zip(report.files, ["amal", "sara"], strict=True)] == [2, 1]
    assert layer(main, "sara") == {"doc-2": [("ORG", 6, 20, ())]}


def test_a_document_whose_text_changed_is_reported_not_merged(
    main: Project, tmp_path: Path, span_of: Callable[..., Span]
) -> None:
    out = tmp_path / "amal.db"
    package_project(main, out, annotator="amal")
    annotate_package(out, span_of)
    edited = ARTICLE.replace("بوتين", "بوتن")
    with Project.open(out) as package:
        package.conn.execute(
            "UPDATE documents SET text = ?, text_hash = ? WHERE ext_id = 'doc-1'", (edited, content_hash(edited))
        )
    amal_before, before = layer(main, "amal"), everything(main)

    report = merge_projects(main, [out])

    assert report.files[0].text_differs == {"doc-1": 4}
    assert any("doc-1: its text differs" in line and "4 spans left out" in line for line in report.messages())
    assert layer(main, "amal") == amal_before
    assert everything(main) == before


def test_same_text_under_another_id_is_matched_and_reported(main: Project, tmp_path: Path) -> None:
    out = tmp_path / "amal.db"
    package_project(main, out, annotator="amal", documents=["doc-2"])
    with Project.open(out) as package:
        doc = package.find_document("doc-2")
        package.conn.execute("UPDATE documents SET ext_id = 'renamed' WHERE id = ?", (doc,))
        package.add_span(doc, Span(0, 5, "EVENT", "amal"))
    report = merge_projects(main, [out])
    assert report.files[0].matched_by_text == [("renamed", "doc-2")]
    assert main.find_document("renamed") is None
    assert layer(main, "amal")["doc-2"] == [("EVENT", 0, 5, ())]


def test_a_document_the_project_lacks_is_added_and_reported(main: Project, tmp_path: Path) -> None:
    out = tmp_path / "amal.db"
    package_project(main, out, annotator="amal", documents=["doc-3"])
    with Project.open(out) as package:
        new = package.add_document(Document(text="خبر جديد من بيروت", ext_id="doc-9", title="جديد", meta={"k": 1}))
        package.add_span(new, Span(12, 17, "GPE", "amal"))
    report = merge_projects(main, [out])
    assert report.files[0].documents_added == ["doc-9"]
    doc = main.document(main.find_document("doc-9"))
    assert (doc.text, doc.title, doc.meta) == ("خبر جديد من بيروت", "جديد", {"k": 1})
    assert [s.text_in(doc.text) for s in main.spans(doc.id, "amal")] == ["بيروت"]


def test_label_conflicts_are_reported_with_advice_and_their_spans_counted(
    main: Project, tmp_path: Path, span_of: Callable[..., Span]
) -> None:
    out = tmp_path / "amal.db"
    package_project(main, out, annotator="amal")
    with Project.open(out) as package:
        doc = package.find_document("doc-1")
        package.add_span_label(SpanLabel("TOPIC", kind="other"))
        package.add_span(doc, span_of(ARTICLE, "المفاوضات", "TOPIC", "amal"))
        package.add_span(doc, span_of(ARTICLE, "المفاوضات", "TOPIC", "amal"))  # a second one, also counted
        package.conn.execute("UPDATE span_labels SET kind = 'claim' WHERE name = 'QUOTE'")  # kind conflict
        package.add_span(doc, span_of(ARTICLE, "موسكو", "GPE", "amal"))  # no conflict: merged
    scheme_before = main.scheme().to_dict()

    report = merge_projects(main, [out])

    conflicts = {c.label: c for c in report.conflicts}
    assert set(conflicts) == {"TOPIC", "QUOTE"}
    assert conflicts["TOPIC"].skipped == 2 and "not in this project's scheme" in conflicts["TOPIC"].problem
    assert "scheme editor" in conflicts["TOPIC"].advice and "--add-labels" in conflicts["TOPIC"].advice
    assert conflicts["QUOTE"].skipped == 1 and "kind 'claim'" in conflicts["QUOTE"].problem
    amal = report.files[0].layers["amal"]
    assert amal.spans_skipped == {"TOPIC": 2, "QUOTE": 1} and amal.spans_added == 1
    # amal's SAID_BY links the skipped QUOTE: skipped too, and counted
    assert sum(amal.relations_skipped.values()) == 1
    assert any(line.startswith("span label TOPIC: not in this project's scheme") for line in report.messages())
    assert main.scheme().to_dict() == scheme_before
    assert not [s for s in main.spans(main.find_document("doc-1")) if s.label == "TOPIC"]

    # asked to, the merge takes the missing label; a label of another kind stays a conflict
    again = merge_projects(main, [out], add_labels=True)
    assert again.files[0].labels_added == ["TOPIC"]
    assert again.files[0].layers["amal"].spans_added == 2
    assert {c.label for c in again.conflicts} == {"QUOTE"}
    assert main.scheme().span_label("TOPIC").kind == "other"


def test_attributes_newer_in_the_package_win_older_ones_are_kept(
    main: Project, tmp_path: Path, span_of: Callable[..., Span]
) -> None:
    doc = main.find_document("doc-1")
    quote = next(s for s in main.spans(doc, "amal") if s.label == "QUOTE")
    per = next(s for s in main.spans(doc, "amal") if s.label == "PER")
    main.conn.execute("UPDATE spans SET updated = ? WHERE id IN (?, ?)", (OLD, quote.id, per.id))
    out = tmp_path / "amal.db"
    package_project(main, out, annotator="amal")
    with Project.open(out) as package:
        pdoc = package.find_document("doc-1")
        for s in package.spans(pdoc, "amal"):
            package.update_span(s.id, attrs={"type": "indirect"} if s.label == "QUOTE" else {"note": "x"})
    # meanwhile the reviewer changes PER's attributes in the main project, later than amal did
    main.conn.execute('UPDATE spans SET attrs = \'{"note": "reviewer"}\', updated = ? WHERE id = ?', (FUTURE, per.id))

    report = merge_projects(main, [out])

    amal = report.files[0].layers["amal"]
    assert (amal.attrs_updated, amal.attrs_kept) == (1, 1)
    assert main.span(quote.id).attrs == {"type": "indirect"}
    assert main.span(per.id).attrs == {"note": "reviewer"}
    assert merge_projects(main, [out]).changed == 0


def test_document_status_the_later_one_wins(main: Project, tmp_path: Path) -> None:
    out = tmp_path / "omar.db"
    package_project(main, out, annotator="omar")
    with Project.open(out) as package:
        package.set_status_record(package.find_document("doc-2"), "omar", "in_progress", updated=OLD)
        package.set_status_record(package.find_document("doc-3"), "omar", "done", updated=FUTURE)
    report = merge_projects(main, [out])
    assert main.status(main.find_document("doc-2"), "omar") == "done"  # set here later: kept
    assert main.status(main.find_document("doc-3"), "omar") == "done"  # new from the package
    omar = report.files[0].layers["omar"]
    assert (omar.statuses_updated, omar.statuses_kept) == (1, 1)


def test_gold_comes_in_only_when_asked(main: Project, tmp_path: Path) -> None:
    out = tmp_path / "gold.db"
    package_project(main, out, annotator=GOLD, documents=["doc-2"])
    with Project.open(out) as package:
        package.add_span(package.find_document("doc-2"), Span(0, 5, "EVENT", GOLD))
    report = merge_projects(main, [out])
    assert report.files[0].layers_not_merged == {GOLD: 1} and layer(main, GOLD) == {}
    assert any("gold" in line and "only when asked" in line for line in report.messages())
    merge_projects(main, [out], include_gold=True)
    assert layer(main, GOLD) == {"doc-2": [("EVENT", 0, 5, ())]}


def test_spans_deleted_in_the_package_are_kept_and_counted(main: Project, tmp_path: Path) -> None:
    out = tmp_path / "amal.db"
    package_project(main, out, annotator="amal")
    with Project.open(out) as package:
        doc = package.find_document("doc-1")
        package.delete_span(next(s.id for s in package.spans(doc, "amal") if s.label == "PER"))
    before = everything(main)
    report = merge_projects(main, [out])
    assert report.files[0].layers["amal"].spans_only_here == 1
    assert everything(main) == before


def test_a_failed_merge_leaves_the_project_as_it_was(
    main: Project, tmp_path: Path, span_of: Callable[..., Span]
) -> None:
    good, bad = tmp_path / "amal.db", tmp_path / "omar.db"
    package_project(main, good, annotator="amal")
    annotate_package(good, span_of)
    package_project(main, bad, annotator="omar")
    with Project.open(bad) as package:
        doc = package.find_document("doc-3")
        package.add_span(doc, Span(0, 3, "PER", "omar"))
        package.add_span(package.find_document("doc-2"), Span(0, 5, "EVENT", "omar"))
        package.conn.execute("UPDATE spans SET \"end\" = 9999 WHERE document_id = ? AND label = 'PER'", (doc,))
    before = everything(main)

    with pytest.raises(AnnotatorError, match=r"omar.db: merge failed, nothing of this file was merged"):
        merge_projects(main, [bad])
    assert everything(main) == before

    # with a good file first: that one is merged whole, the bad one not at all
    with pytest.raises(AnnotatorError, match=r"already merged: .*amal\.db"):
        merge_projects(main, [good, bad])
    after = everything(main)
    assert len(after["spans"]) == len(before["spans"]) + 2
    assert not [s for s in main.spans(main.find_document("doc-2"), "omar") if s.label == "EVENT"]


def test_files_that_cannot_be_merged_are_refused_before_anything_changes(main: Project, tmp_path: Path) -> None:
    before = everything(main)
    not_db = tmp_path / "notes.txt"
    not_db.write_text("hello")
    good = tmp_path / "amal.db"
    package_project(main, good, annotator="amal")
    for others, message in (
        ([good, tmp_path / "missing.db"], "no such project database"),
        ([good, not_db], "not"),
        ([main.path], "is this project itself"),
    ):
        with pytest.raises(AnnotatorError, match=message):
            merge_projects(main, others)
        assert everything(main) == before


def test_cancelling_a_merge_undoes_the_file_being_merged(main: Project, tmp_path: Path) -> None:
    from annotator.core.errors import Cancelled

    out = tmp_path / "amal.db"
    package_project(main, out, annotator="amal")
    with Project.open(out) as package:
        for ext_id in ("doc-1", "doc-2", "doc-3"):
            package.add_span(package.find_document(ext_id), Span(0, 3, "EVENT", "amal"))
    before = everything(main)

    def cancel(done: int, total: int) -> None:
        if done == 2:
            raise Cancelled("stopped by the user")

    with pytest.raises(Cancelled):
        merge_projects(main, [out], progress=cancel)
    assert everything(main) == before
    seen: list[tuple[int, int]] = []
    merge_projects(main, [out], progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)
