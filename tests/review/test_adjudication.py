"""Adjudication: diffing hand-made layers into agreed spans and each kind of disagreement, and the
operations that write the gold layer of a real project file (with undo and redo)."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD, Document, Relation, Span
from annotator.review.adjudication import (
    ACCEPTED,
    ATTRIBUTES,
    BOUNDARY,
    LABEL,
    ONLY_SOME,
    OPEN,
    REJECTED,
    RELATION,
    accept,
    accept_all_agreed,
    accept_relation,
    compared_annotators,
    diff_layers,
    document_diff,
    gold_state,
    redo_change,
    reject,
    reject_relation,
    review_overview,
    set_review_state,
    take_version,
    undo_change,
)
from annotator.store.project import Project

KINDS = {"PER": "entity", "ORG": "entity", "GPE": "entity", "QUOTE": "quote", "CUE": "cue"}

TEXT = 'قال الرئيس فلاديمير بوتين إن "روسيا تريد ضمانات من حلف شمال الأطلسي" في بيان الكرملين.'


def at(surface: str, label: str, annotator: str, *, skip: int = 0, cut: int = 0, **attrs) -> Span:
    """A span over ``surface`` in TEXT (``skip`` characters off the front, ``cut`` off the end)."""
    start = TEXT.index(surface)
    return Span(start + skip, start + len(surface) - cut, label, annotator, attrs=attrs)


def keys(spans) -> set[tuple[int, int, str]]:
    return {(s.start, s.end, s.label) for s in spans}


def kinds_of(diff) -> list[tuple[str, ...]]:
    return [d.kinds for d in diff.disagreements]


# -- diffing --------------------------------------------------------------------------------


def test_agreed_spans_are_not_disagreements() -> None:
    layers = {name: [at("فلاديمير بوتين", "PER", name), at("الكرملين", "ORG", name)] for name in ("amal", "omar")}
    diff = diff_layers(layers, kinds=KINDS)
    assert keys(diff.agreed) == keys(layers["amal"])
    assert diff.disagreements == []


def test_span_only_some_annotators_have() -> None:
    layers = {
        "amal": [at("الكرملين", "ORG", "amal"), at("روسيا", "GPE", "amal")],
        "omar": [at("الكرملين", "ORG", "omar")],
        "sara": [at("الكرملين", "ORG", "sara"), at("روسيا", "GPE", "sara")],
    }
    diff = diff_layers(layers, kinds=KINDS)
    assert keys(diff.agreed) == {(TEXT.index("الكرملين"), TEXT.index("الكرملين") + 8, "ORG")}
    [d] = diff.disagreements
    assert d.kinds == (ONLY_SOME,)
    assert [v.annotators for v in d.variants] == [["amal", "sara"]]
    assert d.without() == ["omar"]


def test_label_conflict_on_the_same_range() -> None:
    layers = {"amal": [at("الكرملين", "ORG", "amal")], "omar": [at("الكرملين", "GPE", "omar")]}
    [d] = diff_layers(layers, kinds=KINDS).disagreements
    assert d.kinds == (LABEL,)
    assert sorted(v.label for v in d.variants) == ["GPE", "ORG"]
    assert d.without() == []


def test_label_conflict_of_one_kind_with_other_boundaries() -> None:
    layers = {
        "amal": [at("حلف شمال الأطلسي", "ORG", "amal")],
        "omar": [at("حلف شمال الأطلسي", "LOC", "omar", skip=4)],
    }
    diff = diff_layers(layers, kinds={**KINDS, "LOC": "entity"})
    assert kinds_of(diff) == [(LABEL, BOUNDARY)]
    # Without kinds, only the same range makes a label conflict: two spans only one annotator has.
    assert kinds_of(diff_layers(layers)) == [(ONLY_SOME,), (ONLY_SOME,)]


def test_boundary_conflict() -> None:
    layers = {
        "amal": [at("الرئيس فلاديمير بوتين", "PER", "amal")],
        "omar": [at("فلاديمير بوتين", "PER", "omar")],
        "sara": [at("فلاديمير بوتين", "PER", "sara")],
    }
    [d] = diff_layers(layers, kinds=KINDS).disagreements
    assert d.kinds == (BOUNDARY,)
    assert {tuple(v.annotators) for v in d.variants} == {("amal",), ("omar", "sara")}
    assert (d.start, d.end) == (TEXT.index("الرئيس"), TEXT.index("بوتين") + 5)


def test_attribute_conflict() -> None:
    quote = '"روسيا تريد ضمانات من حلف شمال الأطلسي"'
    layers = {
        "amal": [at(quote, "QUOTE", "amal", type="direct")],
        "omar": [at(quote, "QUOTE", "omar", type="indirect")],
    }
    diff = diff_layers(layers, kinds=KINDS)
    assert diff.agreed == []
    [d] = diff.disagreements
    assert d.kinds == (ATTRIBUTES,)
    [variant] = d.variants
    assert variant.attrs("omar") == {"type": "indirect"}


def test_nesting_inside_one_layer_is_not_a_conflict() -> None:
    quote = '"روسيا تريد ضمانات من حلف شمال الأطلسي"'
    layers = {
        "amal": [at(quote, "QUOTE", "amal"), at("روسيا", "GPE", "amal")],
        "omar": [at(quote, "QUOTE", "omar")],
    }
    diff = diff_layers(layers, kinds=KINDS)
    assert kinds_of(diff) == [(ONLY_SOME,)]
    assert diff.disagreements[0].variants[0].label == "GPE"


def test_relation_conflicts() -> None:
    quote = '"روسيا تريد ضمانات من حلف شمال الأطلسي"'
    layers, relations = {}, {}
    for n, (name, child) in enumerate([("amal", "فلاديمير بوتين"), ("omar", "الكرملين"), ("sara", "فلاديمير بوتين")]):
        q = at(quote, "QUOTE", name)
        q.id = 10 * n + 1
        per = at("فلاديمير بوتين", "PER", name)
        per.id = 10 * n + 2
        org = at("الكرملين", "ORG", name)
        org.id = 10 * n + 3
        layers[name] = [q, per, org]
        relations[name] = [Relation(q.id, per.id if child == "فلاديمير بوتين" else org.id, "SAID_BY", name)]
    diff = diff_layers(layers, relations, kinds=KINDS)
    assert len(diff.agreed) == 3
    assert diff.agreed_relations == []
    [d] = diff.disagreements
    assert d.kinds == (RELATION,)
    assert sorted(tuple(r.annotators) for r in d.relations) == [("amal", "sara"), ("omar",)]
    # All three agreeing on the relation: nothing to decide.
    relations["omar"] = [Relation(1 + 10, 2 + 10, "SAID_BY", "omar")]
    diff = diff_layers(layers, relations, kinds=KINDS)
    assert diff.disagreements == []
    assert [r.label for r in diff.agreed_relations] == ["SAID_BY"]


def test_every_kind_in_one_document() -> None:
    quote = '"روسيا تريد ضمانات من حلف شمال الأطلسي"'
    layers = {
        "amal": [
            at("الرئيس فلاديمير بوتين", "PER", "amal"),
            at(quote, "QUOTE", "amal", type="direct"),
            at("الكرملين", "ORG", "amal"),
            at("روسيا", "GPE", "amal"),
        ],
        "omar": [
            at("فلاديمير بوتين", "PER", "omar"),
            at(quote, "QUOTE", "omar", type="indirect"),
            at("الكرملين", "GPE", "omar"),
        ],
    }
    diff = diff_layers(layers, kinds=KINDS)
    assert kinds_of(diff) == [(BOUNDARY,), (ATTRIBUTES,), (ONLY_SOME,), (LABEL,)]
    assert diff.counts() == {BOUNDARY: 1, ATTRIBUTES: 1, ONLY_SOME: 1, LABEL: 1}


# -- the gold layer of a project ------------------------------------------------------------


@pytest.fixture
def review_project(tmp_path: Path):
    """A document three annotators worked on: they agree on the person, the quote and its SAID_BY,
    and disagree on the Kremlin (ORG / ORG / GPE) and on روسيا (only amal)."""
    project = Project.create(tmp_path / "review.annotator.db")
    doc = project.add_document(Document(TEXT, "news-1", "خبر"))
    quote = '"روسيا تريد ضمانات من حلف شمال الأطلسي"'
    for name, kremlin in (("amal", "ORG"), ("omar", "ORG"), ("sara", "GPE")):
        q = project.add_span(doc, at(quote, "QUOTE", name, type="direct"))
        per = project.add_span(doc, at("فلاديمير بوتين", "PER", name))
        project.add_span(doc, at("الكرملين", kremlin, name))
        project.add_relation(Relation(q.id, per.id, "SAID_BY", name))
    project.add_span(doc, at("روسيا", "GPE", "amal"))
    yield project, doc
    project.close()


def gold_keys(project: Project, doc: int) -> set[tuple[int, int, str]]:
    return keys(project.spans(doc, GOLD))


def gold_relations(project: Project, doc: int) -> set[tuple[str, str, str]]:
    spans = {s.id: s for s in project.spans(doc, GOLD)}
    return {(r.label, spans[r.head].text_in(TEXT), spans[r.child].text_in(TEXT)) for r in project.relations(doc, GOLD)}


def test_compared_annotators_leave_out_gold_and_those_who_never_opened_it(review_project) -> None:
    project, doc = review_project
    project.annotator_id("nadia")  # known to the project, never looked at this document
    project.add_span(doc, at("بيان", "ORG", GOLD))
    assert compared_annotators(project, doc) == ["amal", "omar", "sara"]


def test_accept_all_agreed_writes_exactly_the_agreed_spans_and_relations(review_project) -> None:
    project, doc = review_project
    diff = document_diff(project, doc)
    assert gold_keys(project, doc) == set()
    change = accept_all_agreed(project, doc, diff)
    assert gold_keys(project, doc) == keys(diff.agreed)
    assert {s.label for s in project.spans(doc, GOLD)} == {"QUOTE", "PER"}
    assert gold_relations(project, doc) == {("SAID_BY", TEXT[TEXT.index('"') : TEXT.rindex('"') + 1], "فلاديمير بوتين")}
    assert [s.attrs for s in project.spans(doc, GOLD) if s.label == "QUOTE"] == [{"type": "direct"}]
    assert project.review_state(doc) == "in_review"
    # The annotators' layers are untouched; a second run adds nothing.
    assert len(project.spans(doc, "amal")) == 4
    assert accept_all_agreed(project, doc, document_diff(project, doc)).empty
    # Undo takes it all back (review state too); redo brings back the same ids.
    ids = sorted(s.id for s in project.spans(doc, GOLD))
    undo_change(project, change)
    assert project.spans(doc, GOLD) == [] and project.relations(doc, GOLD) == []
    assert project.review_state(doc) == "unreviewed"
    redo_change(project, change)
    assert sorted(s.id for s in project.spans(doc, GOLD)) == ids
    assert len(project.relations(doc, GOLD)) == 1


def test_accept_one_variant_replaces_the_others_and_undo_restores(review_project) -> None:
    project, doc = review_project
    diff = document_diff(project, doc)
    label_conflict = next(d for d in diff.disagreements if LABEL in d.kinds)
    org = next(v for v in label_conflict.variants if v.label == "ORG")
    gpe = next(v for v in label_conflict.variants if v.label == "GPE")
    assert label_conflict.state(gold_state(project, doc)) == OPEN
    first = accept(project, doc, gpe, replacing=label_conflict.variants)
    assert gold_keys(project, doc) == {gpe.key}
    second = accept(project, doc, org, replacing=label_conflict.variants)
    assert gold_keys(project, doc) == {org.key}
    assert label_conflict.state(gold_state(project, doc)) == ACCEPTED
    undo_change(project, second)
    assert gold_keys(project, doc) == {gpe.key}
    undo_change(project, first)
    assert gold_keys(project, doc) == set()


def test_accept_takes_the_chosen_annotators_attributes(review_project) -> None:
    project, doc = review_project
    quote = '"روسيا تريد ضمانات من حلف شمال الأطلسي"'
    span = next(s for s in project.spans(doc, "omar") if s.label == "QUOTE")
    project.update_span(span.id, attrs={"type": "indirect"})
    diff = document_diff(project, doc)
    [attr_conflict] = [d for d in diff.disagreements if ATTRIBUTES in d.kinds]
    variant = attr_conflict.variants[0]
    assert variant.text_in(TEXT) == quote
    accept(project, doc, variant, annotator="amal")
    change = accept(project, doc, variant, annotator="omar")
    [gold] = project.spans(doc, GOLD)
    assert gold.attrs == {"type": "indirect"}
    assert change.attrs == [(gold.id, {"type": "direct"}, {"type": "indirect"})]
    undo_change(project, change)
    assert project.spans(doc, GOLD)[0].attrs == {"type": "direct"}
    with pytest.raises(AnnotatorError):
        accept(project, doc, variant, annotator="nobody")


def test_reject_removes_from_gold_and_is_remembered(review_project) -> None:
    project, doc = review_project
    diff = document_diff(project, doc)
    [only] = [d for d in diff.disagreements if d.kinds == (ONLY_SOME,)]
    accept(project, doc, only.variants[0])
    assert gold_keys(project, doc) == {only.variants[0].key}
    change = reject(project, doc, only.variants[0])
    assert gold_keys(project, doc) == set()
    assert only.state(gold_state(project, doc)) == REJECTED
    # Rejected spans stay out of accept-all-agreed; undo forgets the rejection.
    undo_change(project, change)
    assert only.state(gold_state(project, doc)) == ACCEPTED
    redo_change(project, change)
    assert only.state(gold_state(project, doc)) == REJECTED


def test_rejecting_an_agreed_span_keeps_it_out_of_accept_all(review_project) -> None:
    project, doc = review_project
    diff = document_diff(project, doc)
    per = next(v for v in diff.agreed if v.label == "PER")
    reject(project, doc, per)
    accept_all_agreed(project, doc, diff)
    assert {s.label for s in project.spans(doc, GOLD)} == {"QUOTE"}
    assert project.relations(doc, GOLD) == []  # its other end is not in gold


def test_take_version_replaces_gold_in_the_region(review_project) -> None:
    project, doc = review_project
    accept_all_agreed(project, doc, document_diff(project, doc))
    project.add_span(doc, at("الكرملين", "LOC", GOLD))  # the reviewer's own guess
    project.add_span(doc, at("بيان", "ORG", GOLD))  # outside the region: stays
    start = TEXT.index("الكرملين")
    change = take_version(project, doc, "sara", start, start + 3)
    labels = {(s.text_in(TEXT), s.label) for s in project.spans(doc, GOLD)}
    assert ("الكرملين", "GPE") in labels and ("الكرملين", "LOC") not in labels
    assert ("بيان", "ORG") in labels
    assert len(change.added_spans) == 1 and len(change.removed_spans) == 1
    # A region holding the quote and the person: amal's version equals gold there, so nothing moves
    # (ids and the relation stay); روسيا, which only amal has, comes in.
    before = {s.id for s in project.spans(doc, GOLD)}
    change2 = take_version(project, doc, "amal", TEXT.index("فلاديمير"), TEXT.rindex('"') + 1)
    assert [s.text_in(TEXT) for s in change2.added_spans] == ["روسيا"]
    assert change2.removed_spans == []
    assert before <= {s.id for s in project.spans(doc, GOLD)}
    assert len(project.relations(doc, GOLD)) == 1
    undo_change(project, change2)
    undo_change(project, change)
    assert {(s.text_in(TEXT), s.label) for s in project.spans(doc, GOLD)} >= {("الكرملين", "LOC")}
    with pytest.raises(AnnotatorError):
        take_version(project, doc, "amal", 5, 5)


def test_take_version_brings_relations_and_removes_gold_spans_they_lack(review_project) -> None:
    project, doc = review_project
    start, end = TEXT.index("قال"), len(TEXT)
    take_version(project, doc, "sara", start, end)
    assert gold_keys(project, doc) == keys(project.spans(doc, "sara"))
    assert len(project.relations(doc, GOLD)) == 1
    # Omar's version of the whole text: his ORG replaces sara's GPE; the rest is equal and stays.
    change = take_version(project, doc, "omar", start, end)
    assert gold_keys(project, doc) == keys(project.spans(doc, "omar"))
    assert [s.label for s in change.removed_spans] == ["GPE"]
    assert len(project.relations(doc, GOLD)) == 1


def test_relation_accept_and_reject(tmp_path: Path) -> None:
    quote = '"روسيا تريد ضمانات من حلف شمال الأطلسي"'
    with Project.create(tmp_path / "rel.annotator.db") as project:
        doc = project.add_document(Document(TEXT, "news-1"))
        for name, who in (("amal", "فلاديمير بوتين"), ("omar", "الكرملين")):
            q = project.add_span(doc, at(quote, "QUOTE", name))
            per = project.add_span(doc, at("فلاديمير بوتين", "PER", name))
            org = project.add_span(doc, at("الكرملين", "ORG", name))
            project.add_relation(Relation(q.id, per.id if who == "فلاديمير بوتين" else org.id, "SAID_BY", name))
        diff = document_diff(project, doc)
        [d] = diff.disagreements
        assert d.kinds == (RELATION,)
        by_org = next(r for r in d.relations if r.child[2] == "ORG")
        by_per = next(r for r in d.relations if r.child[2] == "PER")
        # Accepting a relation brings its ends into gold.
        first = accept_relation(project, doc, by_org, diff, replacing=d.relations)
        assert {s.label for s in project.spans(doc, GOLD)} == {"QUOTE", "ORG"}
        assert gold_relations(project, doc) == {("SAID_BY", quote, "الكرملين")}
        accept_relation(project, doc, by_per, diff, replacing=d.relations)
        assert gold_relations(project, doc) == {("SAID_BY", quote, "فلاديمير بوتين")}
        assert d.state(gold_state(project, doc)) == ACCEPTED
        change = reject_relation(project, doc, by_per)
        assert gold_relations(project, doc) == set()
        assert d.state(gold_state(project, doc)) == OPEN  # one option rejected, the other not decided
        reject_relation(project, doc, by_org)
        assert d.state(gold_state(project, doc)) == REJECTED
        assert {s.label for s in project.spans(doc, GOLD)} == {"QUOTE", "ORG", "PER"}  # spans stay
        undo_change(project, change)  # out of order on purpose: the relation comes back by id
        assert gold_relations(project, doc) == {("SAID_BY", quote, "فلاديمير بوتين")}
        assert not first.empty


def test_review_state_and_overview(review_project) -> None:
    project, doc = review_project
    other = project.add_document(Document("نص آخر بلا خلاف.", "news-2"))
    project.add_span(other, Span(0, 2, "PER", "amal"))
    project.add_span(other, Span(0, 2, "PER", "omar"))
    overview = {r.ext_id: r for r in review_overview(project)}
    assert overview["news-1"].disagreements == 2 and overview["news-1"].open == 2
    assert overview["news-2"].disagreements == 0 and overview["news-2"].agreed == 1
    assert overview["news-2"].annotators == ["amal", "omar"]
    change = set_review_state(project, doc, "adjudicated")
    assert project.review_state(doc) == "adjudicated"
    undo_change(project, change)
    assert project.review_state(doc) == "unreviewed"
    with pytest.raises(AnnotatorError):
        set_review_state(project, doc, "finished")
    assert set_review_state(project, doc, "unreviewed").empty
