"""Propagation: every occurrence of a span's surface as a whole word or after proclitics, the stem
only, never inside a longer word, skipping places already tagged; applied in one transaction."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.assist import propagate as prop
from annotator.core.arabic import clitics_of_prefix, is_word_char, normalise_key
from annotator.core.errors import AnnotatorError
from annotator.core.model import Document, Span
from annotator.resources import seeds_dir
from annotator.store.project import Project

RUSSIA_TEXT = (
    "قال بوتين إن لروسيا مصالح، وروسيا لن تتراجع. وذهب الوفد بروسيا إلى موسكو. "
    "وأعلن الرئيس الروسي أن الروسية والروسيين ضد بروسيان وروسياتي؛ رُوسْيَا قوية."
)


def seed() -> str:
    path = next(seeds_dir().glob("*.txt"))
    return path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")


def test_russia_stem_after_clitics_never_inside_longer_words() -> None:
    proposals, skipped = prop.proposals_in_text(RUSSIA_TEXT, "روسيا", "GPE")
    assert skipped == 0
    assert [p.surface for p in proposals] == ["روسيا", "روسيا", "روسيا", "رُوسْيَا"]
    assert [p.clitics for p in proposals] == [("ل",), ("و",), ("ب",), ()]
    for p in proposals:
        assert RUSSIA_TEXT[p.start : p.end] == p.surface
        assert RUSSIA_TEXT[p.word_start : p.start] in ("ل", "و", "ب", "")
    for word in ("الروسي", "الروسية", "الروسيين", "بروسيان", "وروسياتي"):
        w = RUSSIA_TEXT.index(word)
        assert not any(w <= p.start < w + len(word) for p in proposals), word


def test_already_tagged_places_are_skipped_other_labels_noted() -> None:
    text = RUSSIA_TEXT
    first = text.index("لروسيا")
    existing = [
        Span(first + 1, first + 6, "GPE", "amal"),  # the source span itself
        Span(text.index("وروسيا"), text.index("وروسيا") + 6, "GPE", "amal"),  # tagged with its clitic
        Span(text.index("بروسيا") + 1, text.index("موسكو") + 5, "EVENT", "amal"),
    ]
    proposals, skipped = prop.proposals_in_text(text, "روسيا", "GPE", existing)
    assert skipped == 2
    assert [p.surface for p in proposals] == ["روسيا", "رُوسْيَا"]
    assert proposals[0].overlapping == ("EVENT",)


def test_article_words_and_fused_article_on_the_seed() -> None:
    text = seed()
    proposals, _ = prop.proposals_in_text(text, "الولايات المتحدة", "GPE")
    assert len(proposals) >= 4
    assert ("و",) in [p.clitics for p in proposals]
    for p in proposals:
        assert text[p.start : p.end] == p.surface
        assert normalise_key(p.surface) == normalise_key("الولايات المتحدة")
    # للحلف = ل + الحلف: the proposal for الحلف covers حلف (the article's alef is not written)
    proposals, _ = prop.proposals_in_text("توسع للحلف نحو الشرق، والحلف قوي، والحلفاء", "الحلف", "ORG")
    assert [(p.surface, p.clitics) for p in proposals] == [("حلف", ("ل", "ال")), ("الحلف", ("و",))]


def test_diacritised_and_plain_forms_propagate_both_ways() -> None:
    text = "أُسقطت مُسَيَّرَةٌ، ثم مسيّرة أخرى وبمسيرة ثالثة"
    for surface in ("مسيرة", "مُسَيَّرَةٌ"):
        proposals, _ = prop.proposals_in_text(text, surface, "EVENT")
        assert [p.surface for p in proposals] == ["مُسَيَّرَةٌ", "مسيّرة", "مسيرة"]


@pytest.fixture
def project(tmp_path: Path):
    project = Project.create(tmp_path / "p.annotator.db")
    yield project
    project.close()


def test_project_propagation_and_apply(project: Project) -> None:
    text = seed()
    a = project.add_document(Document(text=text, ext_id="seed", title="seed"))
    b = project.add_document(Document(text=RUSSIA_TEXT, ext_id="b", title="b"))
    source = project.add_span(a, Span(text.index("لروسيا") + 1, text.index("لروسيا") + 6, "GPE", "amal"))
    project.add_span(b, Span(0, 3, "GPE", "badr"))  # another layer: does not count
    in_doc = prop.from_span(project, source, scope="document")
    assert in_doc.documents_searched == 1 and in_doc.already_tagged == 1
    assert {p.document_id for p in in_doc.proposals} == {a}
    everywhere = prop.from_span(project, source, scope="project")
    assert everywhere.documents_searched == 2
    assert len(everywhere.proposals) == len(in_doc.proposals) + 4
    stored = prop.apply(project, everywhere.proposals, "amal")
    assert len(stored) == len(everywhere.proposals)
    for span in stored:
        assert project.document(span.document_id).text[span.start : span.end] in ("روسيا", "رُوسْيَا")
    again = prop.from_span(project, source, scope="project")
    assert again.proposals == [] and again.already_tagged == len(stored) + 1
    with pytest.raises(ValueError):
        prop.from_span(project, source, scope="galaxy")


def test_apply_refuses_stale_proposals_and_stores_nothing(project: Project) -> None:
    a = project.add_document(Document(text=RUSSIA_TEXT, ext_id="a", title="a"))
    proposals = prop.propagate(project, "روسيا", "GPE", "amal").proposals
    bad = [*proposals[:2], prop.Proposal(a, 0, 3, "GPE", "xyz")]
    with pytest.raises(AnnotatorError):
        prop.apply(project, bad, "amal")
    assert project.spans(a) == []


WORDS = ["قال", "إن", "الروسي", "بروسيان", "روسياتي", "الروسية", "وزير", "موسكو", "،", "«", "»", "😀", "2021"]
CLITICS = ["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وَ", "بِ", "لـ"]


@st.composite
def texts(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 15))):
        if draw(st.booleans()):
            word = draw(st.sampled_from(["روسيا", "رُوسْيَا", "روسـيا", "روسيّا"]))
            parts.append(draw(st.sampled_from(CLITICS)) + word)
        else:
            parts.append(draw(st.sampled_from(WORDS)))
        parts.append(draw(st.sampled_from([" ", "\n", "، ", " «", "» "])))
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(texts(), st.sampled_from(["روسيا", "رُوسيا", "روسيّا"]))
def test_offsets_are_exact_for_every_proposal(text: str, surface: str) -> None:
    proposals, _ = prop.proposals_in_text(text, surface, "GPE")
    expected = sum(
        1
        for piece in text.replace("«", " ").replace("»", " ").replace("،", " ").split()
        if normalise_key(piece.lstrip("وفبلكَِـ")) == normalise_key("روسيا")
    )
    assert len(proposals) == expected
    for p in proposals:
        assert text[p.start : p.end] == p.surface
        assert normalise_key(p.surface) == normalise_key(surface)
        assert p.end == len(text) or not is_word_char(text[p.end])
        prefix = text[p.word_start : p.start]
        assert prefix == "" or clitics_of_prefix(prefix) == p.clitics
