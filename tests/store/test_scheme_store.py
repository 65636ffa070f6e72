"""The label scheme as the project stores it: round trips, renames, deletions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.labels import AttributeDef, LabelScheme, RelationLabel, SpanLabel
from annotator.core.model import Document, Relation, Span
from annotator.resources import default_scheme
from annotator.store.project import Project

TEXT = "قال بوتين: «نريد ضمانات» في موسكو."
NASTY = "O'Brien\"; DROP TABLE spans;--"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "scheme.annotator.db"


@pytest.fixture
def project(db_path: Path) -> Iterator[Project]:
    with Project.create(db_path) as proj:
        yield proj


def add_quote_said_by(project: Project) -> dict[str, int]:
    doc_id = project.add_document(Document(text=TEXT, ext_id="doc-1"))
    per = project.add_span(doc_id, Span(4, 9, "PER", annotator="amal"))
    quote = project.add_span(doc_id, Span(12, 23, "QUOTE", annotator="amal"))
    gpe = project.add_span(doc_id, Span(27, 32, "GPE", annotator="amal"))
    rel = project.add_relation(Relation(head=quote.id, child=per.id, label="SAID_BY", annotator="amal"))
    return {"doc": doc_id, "per": per.id, "quote": quote.id, "gpe": gpe.id, "rel": rel.id}


def test_default_scheme_round_trips_through_the_database(db_path: Path) -> None:
    Project.create(db_path).close()
    with Project.open(db_path) as project:
        assert project.scheme() == default_scheme()


def test_custom_scheme_round_trips_with_attributes_order_and_name(tmp_path: Path) -> None:
    scheme = LabelScheme(
        name="تجربة",
        description="مخطط 'خاص'",
        span_labels=[
            SpanLabel("Z_LAST_NAME_FIRST", kind="other", color="#123456", key="z", description="أولاً"),
            SpanLabel(NASTY, kind="claim", key="'", attributes=[
                AttributeDef("worthy", "bool", [], True),
                AttributeDef("type", "choice", ["a", "b'"], "a"),
                AttributeDef("note", "text"),
            ]),
            SpanLabel("شخص", kind="entity"),
        ],
        relation_labels=[RelationLabel("R2", heads=[NASTY], children=["شخص"]), RelationLabel("R1")],
    )
    path = tmp_path / "custom.db"
    Project.create(path, scheme=scheme).close()
    with Project.open(path) as project:
        assert project.scheme() == scheme


def test_save_scheme_adds_updates_and_removes_unused_labels(project: Project) -> None:
    scheme = project.scheme()
    per = scheme.span_label("PER")
    assert per is not None
    per.color = "#000000"
    scheme.span_labels = [label for label in scheme.span_labels if label.name != "EVENT"]
    scheme.span_labels.append(SpanLabel("NORP", key="7"))
    scheme.relation_labels = [rel for rel in scheme.relation_labels if rel.name != "CUE_OF"]
    project.save_scheme(scheme)
    stored = project.scheme()
    assert stored.span_label_names == ["PER", "ORG", "GPE", "LOC", "DATE", "QUOTE", "CLAIM", "CUE", "NORP"]
    assert stored.span_label("PER").color == "#000000"  # type: ignore[union-attr]
    assert stored.relation_label_names == ["SAID_BY", "CLAIMED_BY"]


def test_save_scheme_refuses_to_drop_a_label_in_use_and_changes_nothing(project: Project) -> None:
    add_quote_said_by(project)
    before = project.scheme()
    scheme = project.scheme()
    scheme.span_labels = [label for label in scheme.span_labels if label.name != "GPE"]
    scheme.span_labels[0].color = "#ffffff"
    with pytest.raises(AnnotatorError, match="GPE"):
        project.save_scheme(scheme)
    assert project.scheme() == before


def test_save_scheme_rejects_an_invalid_scheme(project: Project) -> None:
    before = project.scheme()
    bad = LabelScheme(span_labels=[SpanLabel("A", key="1"), SpanLabel("B", key="1")])
    with pytest.raises(InputError):
        project.save_scheme(bad)
    assert project.scheme() == before


def test_removing_a_relation_label_from_the_scheme_deletes_its_relations(project: Project) -> None:
    ids = add_quote_said_by(project)
    scheme = project.scheme()
    scheme.relation_labels = [rel for rel in scheme.relation_labels if rel.name != "SAID_BY"]
    project.save_scheme(scheme)
    assert project.relations(ids["doc"]) == []
    assert len(project.spans(ids["doc"])) == 3


def test_rename_span_label_moves_spans_and_relation_ends(project: Project) -> None:
    ids = add_quote_said_by(project)
    assert project.rename_span_label("PER", "PERSON") == 1
    assert project.span(ids["per"]).label == "PERSON"
    scheme = project.scheme()
    assert "PER" not in scheme.span_label_names
    assert scheme.span_label_names[0] == "PERSON"  # keeps its place
    assert scheme.relation_label("SAID_BY").children == ["PERSON", "ORG"]  # type: ignore[union-attr]
    assert scheme.relation_label("CLAIMED_BY").children == ["PERSON", "ORG"]  # type: ignore[union-attr]
    # The renamed label still works for new spans and relations.
    per2 = project.add_span(ids["doc"], Span(0, 3, "PERSON", annotator="amal"))
    project.add_relation(Relation(head=ids["quote"], child=per2.id, label="SAID_BY", annotator="amal"))
    with pytest.raises(AnnotatorError):
        project.add_span(ids["doc"], Span(0, 3, "PER", annotator="amal"))


def test_rename_span_label_in_relation_heads(project: Project) -> None:
    add_quote_said_by(project)
    assert project.rename_span_label("QUOTE", "QUOTATION") == 1
    scheme = project.scheme()
    assert scheme.relation_label("SAID_BY").heads == ["QUOTATION"]  # type: ignore[union-attr]
    assert scheme.relation_label("CUE_OF").children == ["QUOTATION", "CLAIM"]  # type: ignore[union-attr]


def test_rename_span_label_refuses_existing_and_unknown_names(project: Project) -> None:
    ids = add_quote_said_by(project)
    before = project.scheme()
    with pytest.raises(AnnotatorError, match="already exists"):
        project.rename_span_label("PER", "ORG")
    with pytest.raises(AnnotatorError, match="no label"):
        project.rename_span_label("NOPE", "NEW")
    assert project.scheme() == before
    assert project.span(ids["per"]).label == "PER"


def test_rename_span_label_to_a_name_with_quotes(project: Project) -> None:
    ids = add_quote_said_by(project)
    project.rename_span_label("PER", NASTY)
    assert project.span(ids["per"]).label == NASTY
    assert NASTY in project.scheme().relation_label("SAID_BY").children  # type: ignore[union-attr]
    assert project.stats()["spans"]["amal"][NASTY] == 1


def test_delete_span_label_refuses_when_spans_use_it(project: Project) -> None:
    ids = add_quote_said_by(project)
    with pytest.raises(AnnotatorError, match="used by 1 spans"):
        project.delete_span_label("PER")
    assert "PER" in project.scheme().span_label_names
    assert project.span(ids["per"]).label == "PER"
    assert len(project.relations(ids["doc"])) == 1


def test_delete_span_label_without_spans_just_removes_it(project: Project) -> None:
    assert project.delete_span_label("EVENT") == 0
    assert "EVENT" not in project.scheme().span_label_names


def test_delete_span_label_with_delete_removes_spans_and_their_relations(project: Project) -> None:
    ids = add_quote_said_by(project)
    assert project.delete_span_label("PER", spans="delete") == 1
    assert "PER" not in project.scheme().span_label_names
    assert [s.label for s in project.spans(ids["doc"])] == ["QUOTE", "GPE"]
    assert project.relations(ids["doc"]) == []


def test_delete_span_label_with_relabel_moves_spans_to_the_other_label(project: Project) -> None:
    ids = add_quote_said_by(project)
    assert project.delete_span_label("GPE", spans="relabel", relabel_to="LOC") == 1
    assert project.span(ids["gpe"]).label == "LOC"
    assert "GPE" not in project.scheme().span_label_names


def test_delete_span_label_relabel_to_an_unknown_label_changes_nothing(project: Project) -> None:
    ids = add_quote_said_by(project)
    with pytest.raises(AnnotatorError):
        project.delete_span_label("GPE", spans="relabel", relabel_to="NOWHERE")
    assert project.span(ids["gpe"]).label == "GPE"
    assert "GPE" in project.scheme().span_label_names


def test_delete_span_label_relabel_without_a_target_refuses(project: Project) -> None:
    ids = add_quote_said_by(project)
    with pytest.raises(AnnotatorError):
        project.delete_span_label("GPE", spans="relabel")
    assert project.span(ids["gpe"]).label == "GPE"


def test_add_span_label_updates_in_place_and_appends_new_ones_last(project: Project) -> None:
    project.add_span_label(SpanLabel("NORP", key="n"))
    project.add_span_label(SpanLabel("PER", kind="entity", color="#010203", key="1", description="شخص"))
    scheme = project.scheme()
    assert scheme.span_label_names[-1] == "NORP"
    assert scheme.span_label("PER").description == "شخص"  # type: ignore[union-attr]
    assert scheme.span_label_names.count("PER") == 1


def test_delete_relation_label_removes_its_relations(project: Project) -> None:
    ids = add_quote_said_by(project)
    assert project.delete_relation_label("SAID_BY") == 1
    assert "SAID_BY" not in project.scheme().relation_label_names
    assert project.relations(ids["doc"]) == []


def test_settings_round_trip_and_overwrite(project: Project, db_path: Path) -> None:
    project.set_setting(NASTY, "قيمة")
    project.set_setting(NASTY, "قيمة 'ثانية'")
    assert project.get_setting(NASTY) == "قيمة 'ثانية'"
    assert project.get_setting("missing", "default") == "default"
    project.close()
    with Project.open(db_path) as again:
        assert again.get_setting(NASTY) == "قيمة 'ثانية'"


def test_add_relation_label_updates_in_place_and_appends_new_ones_last(project: Project) -> None:
    project.add_relation_label(RelationLabel("LOCATED_IN", heads=["ORG"], children=["GPE"]))
    project.add_relation_label(RelationLabel("SAID_BY", heads=["QUOTE"], children=["PER"]))
    scheme = project.scheme()
    assert scheme.relation_label_names == ["SAID_BY", "CLAIMED_BY", "CUE_OF", "LOCATED_IN"]
    assert scheme.relation_label("SAID_BY").children == ["PER"]  # type: ignore[union-attr]


def test_delete_span_label_relabel_to_itself_is_refused(project: Project) -> None:
    ids = add_quote_said_by(project)
    with pytest.raises(AnnotatorError):
        project.delete_span_label("GPE", spans="relabel", relabel_to="GPE")
    assert project.span(ids["gpe"]).label == "GPE"
