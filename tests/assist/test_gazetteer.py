"""The gazetteer: built from a project's accepted spans and a user list; matches stems, never a
clitic, never inside a longer word."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.assist.gazetteer import Entry, Gazetteer, load_gazetteer
from annotator.assist.suggest import SUGGESTION_LAYER
from annotator.core.arabic import clitics_of_prefix, is_word_char, normalise_key
from annotator.core.errors import InputError
from annotator.core.model import Document, Span
from annotator.resources import default_scheme
from annotator.store.project import Project

TEXT = (
    "قال بوتين إن لروسيا مصالح، وروسيا لن تتراجع. وذهب الوفد بروسيا إلى موسكو وللكرملين رأي. "
    "وأعلن الرئيس الروسي أن الروسية والروسيين ضد بروسيان وروسياتي؛ رُوسْيَا قوية وحلف شمال الأطلسي يراقب."
)


def gazetteer(*entries: tuple[str, str]) -> Gazetteer:
    return Gazetteer(Entry(normalise_key(s), s, label, source="user") for s, label in entries)


def test_matches_cover_the_stem_and_never_a_longer_word() -> None:
    gaz = gazetteer(("روسيا", "GPE"), ("الكرملين", "ORG"), ("بوتين", "PER"))
    found = [(TEXT[m.start : m.end], m.label, m.clitics) for m in gaz.find(TEXT)]
    assert found == [
        ("بوتين", "PER", ()),
        ("روسيا", "GPE", ("ل",)),
        ("روسيا", "GPE", ("و",)),
        ("روسيا", "GPE", ("ب",)),
        ("كرملين", "ORG", ("و", "ل", "ال")),  # وللكرملين: the article fused with ل is not written
        ("رُوسْيَا", "GPE", ()),  # diacritised
    ]
    for word in ("الروسي", "الروسية", "الروسيين", "بروسيان", "وروسياتي"):
        start = TEXT.index(word)
        assert not any(start <= m.start < start + len(word) for m in gaz.find(TEXT)), word


def test_longer_entries_win_and_tagged_places_are_skipped() -> None:
    gaz = gazetteer(("الأطلسي", "ORG"), ("حلف شمال الأطلسي", "ORG"), ("روسيا", "GPE"))
    surfaces = [TEXT[m.start : m.end] for m in gaz.find(TEXT)]
    assert "حلف شمال الأطلسي" in surfaces and "الأطلسي" not in surfaces
    first = TEXT.index("لروسيا") + 1
    skipped = gaz.find(TEXT, skip=[(first, first + 5)])
    assert first not in [m.start for m in skipped] and len(skipped) == len(gaz.find(TEXT)) - 1
    assert [m.label for m in gaz.find(TEXT, labels=["ORG"])] == ["ORG"]


def test_from_project_uses_every_layer_but_the_suggestions_and_the_most_frequent_label(tmp_path: Path) -> None:
    text = "زار بوتين روسيا ثم عاد إلى روسيا. وقال الكرملين إن بوتين سيزور الصين."
    project = Project.create(tmp_path / "g.annotator.db")
    doc = project.add_document(Document(text=text, ext_id="d"))

    def span(surface: str, label: str, who: str, nth: int = 0) -> Span:
        start = -1
        for _ in range(nth + 1):
            start = text.index(surface, start + 1)
        return Span(start, start + len(surface), label, who)

    project.add_spans(
        doc,
        [
            span("روسيا", "GPE", "amal"),
            span("روسيا", "LOC", "amal", 1),
            span("روسيا", "GPE", "badr"),
            span("بوتين", "PER", "badr"),
            span("الكرملين", "ORG", SUGGESTION_LAYER),  # a suggestion is not accepted knowledge
            span("قال", "CUE", "amal"),  # not an entity
        ],
    )
    gaz = Gazetteer.from_project(project, exclude_layers=(SUGGESTION_LAYER,))
    assert gaz.label_of("روسيا") == "GPE" and gaz.entries[normalise_key("روسيا")].labels == {"GPE": 2, "LOC": 1}
    assert gaz.label_of("بوتين") == "PER"
    assert "الكرملين" not in gaz and "قال" not in gaz
    user = tmp_path / "names.tsv"
    user.write_text("# my list\nروسيا\tLOC\nالكرملين\tORG\n\n", encoding="utf-8")
    merged = load_gazetteer(project, user, exclude_layers=(SUGGESTION_LAYER,))
    assert merged.label_of("روسيا") == "LOC" and merged.label_of("الكرملين") == "ORG"
    project.close()


@pytest.mark.parametrize(
    ("content", "message"),
    [("روسيا GPE\n", "expected surface<TAB>label"), ("روسيا\tCOUNTRY\n", "unknown label 'COUNTRY'")],
)
def test_user_list_errors_name_the_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("# header\n" + content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        Gazetteer.from_file(path, default_scheme())
    assert message in str(info.value) and "line 2" in str(info.value)


def test_single_letters_are_never_entries() -> None:
    gaz = gazetteer(("و", "ORG"), ("ب", "PER"))
    assert len(gaz) == 0 and gaz.find(TEXT) == []


WORDS = ["روسيا", "الروسية", "موسكو", "بوتين", "الكرملين", "قال", "إن", "مصر", "المصري", "حلف", "الأطلسي"]
CLITICS = ["", "و", "ب", "ل", "ف", "ك", "وب", "ول", "فب", "وال", "بال", "لل", "ولل"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(CLITICS), st.sampled_from(WORDS), st.sampled_from(["", "ٌ", "ـ"])), max_size=12)
)
def test_every_match_is_a_stem_after_proclitics(words: list[tuple[str, str, str]]) -> None:
    text = " ".join(c + w + mark for c, w, mark in words)
    gaz = gazetteer(("روسيا", "GPE"), ("موسكو", "GPE"), ("الكرملين", "ORG"), ("حلف الأطلسي", "ORG"), ("مصر", "GPE"))
    for m in gaz.find(text):
        assert normalise_key(text[m.start : m.end]) in {normalise_key(e.surface) for e in gaz.entries.values()} | {
            "كرملين"
        }
        word_start = m.start
        while word_start > 0 and is_word_char(text[word_start - 1]):
            word_start -= 1
        prefix = text[word_start : m.start]
        assert prefix == "" or clitics_of_prefix(prefix) is not None, (text, prefix)
        assert m.end == len(text) or not is_word_char(text[m.end])
