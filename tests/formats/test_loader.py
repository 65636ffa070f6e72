"""RecordLoader: one transaction per import, spans queued and written in batches."""

from __future__ import annotations

import pytest

from annotator.core.errors import AnnotatorError, InputError
from annotator.formats.loader import Record, RecordLoader, RecordRelation, RecordSpan
from annotator.formats.report import ImportReport
from annotator.store.project import Project

TEXT = "قال بيسكوف إن روسيا مستعدة"
PESKOV = (TEXT.index("بيسكوف"), TEXT.index("بيسكوف") + 6)
QUOTE = (TEXT.index("إن"), len(TEXT))


def _record(ext_id: str) -> Record:
    return Record(
        text=TEXT,
        ext_id=ext_id,
        spans=[RecordSpan(*PESKOV, "PER", "بيسكوف", "p"), RecordSpan(*QUOTE, "QUOTE", None, "q")],
        relations=[RecordRelation("q", "p", "SAID_BY")],
    )


def test_leaving_the_block_writes_the_queued_spans_and_relations(tmp_path) -> None:
    with Project.create(tmp_path / "p.db") as project:
        report = ImportReport()
        with RecordLoader(project, report, path="mem") as loader:
            doc_id = loader.load(_record("a"), 1)
            assert project.spans(doc_id) == []  # still queued
        spans = {s.id: s.label for s in project.spans(doc_id)}
        relations = project.relations(doc_id)
    assert sorted(spans.values()) == ["PER", "QUOTE"]
    assert [(spans[r.head], spans[r.child], r.label) for r in relations] == [("QUOTE", "PER", "SAID_BY")]
    assert (report.documents_added, report.spans_added, report.relations_added) == (1, 2, 1)


def test_an_error_in_the_block_leaves_the_project_as_it_was(tmp_path) -> None:
    with Project.create(tmp_path / "p.db") as project:
        with pytest.raises(InputError, match="line 2"), RecordLoader(project, ImportReport(), path="f") as loader:
            loader.load(_record("a"), 1)
            loader.load(Record(text=TEXT, ext_id="b", spans=[RecordSpan(5, 99, "PER")]), 2)
        assert project.document_ids() == []


def test_a_failure_while_writing_the_last_batch_rolls_everything_back(tmp_path) -> None:
    with Project.create(tmp_path / "p.db") as project:
        with (
            pytest.raises(AnnotatorError, match="unknown label 'PER'"),
            RecordLoader(project, ImportReport(), path="f") as loader,
        ):
            loader.load(_record("a"), 1)
            # The label is gone before the queued spans are written: the database refuses them.
            project.conn.execute("UPDATE span_labels SET name = 'PERSON' WHERE name = 'PER'")
        assert project.document_ids() == []
        assert "PER" in project.scheme().span_label_names
