"""Normalised search in a text and across a project: hits are ranges into the original text."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.assist.search import SearchOptions, context, find_ranges, search_project, search_text
from annotator.core.arabic import normalise_key
from annotator.core.model import Document
from annotator.resources import seeds_dir
from annotator.store.project import Project

ANYWHERE = SearchOptions()
WORD = SearchOptions(mode="word")
CLITICS = SearchOptions(mode="clitics")


def seed() -> str:
    path = next(seeds_dir().glob("*.txt"))
    return path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")


def surfaces(text: str, query: str, options: SearchOptions) -> list[str]:
    return [text[s:e] for s, e, _ in find_ranges(text, query, options)]


def test_diacritics_and_tatweel_are_ignored_both_ways() -> None:
    text = "أطلقت مُسَيَّرَةٌ ثم مسيـرة ثم مسيرة"
    assert surfaces(text, "مسيرة", ANYWHERE) == ["مُسَيَّرَةٌ", "مسيـرة", "مسيرة"]
    assert surfaces(text, "مسيّرة", ANYWHERE) == ["مُسَيَّرَةٌ", "مسيـرة", "مسيرة"]


def test_alef_forms_fold() -> None:
    text = "قال إن أوكرانيا واوكرانيا"
    assert surfaces(text, "اوكرانيا", ANYWHERE) == ["أوكرانيا", "اوكرانيا"]
    assert surfaces(text, "أوكرانيا", WORD) == ["أوكرانيا"]
    assert surfaces(text, "أوكرانيا", CLITICS) == ["أوكرانيا", "اوكرانيا"]


def test_modes_on_the_seed_article() -> None:
    text = seed()
    anywhere = surfaces(text, "روسيا", ANYWHERE)
    word = surfaces(text, "روسيا", WORD)
    clitics = find_ranges(text, "روسيا", CLITICS)
    assert len(anywhere) >= len(clitics) > len(word) >= 2
    assert all(text[s:e] == "روسيا" for s, e, _ in clitics)
    lrussia = text.index("لروسيا")
    assert (lrussia + 1, lrussia + 6, ("ل",)) in clitics
    # the whole-word search never lands inside الروسي
    for s, _e, _c in clitics:
        assert text[s - 2 : s] != "ال"


def test_multi_word_query_with_clitic() -> None:
    text = seed()
    hits = find_ranges(text, "الولايات المتحدة", CLITICS)
    assert [c for _s, _e, c in hits].count(("و",)) >= 2
    assert all(normalise_key(text[s:e]) == normalise_key("الولايات المتحدة") for s, e, _ in hits)


def test_empty_query_and_limit() -> None:
    assert find_ranges("نص", "", ANYWHERE) == []
    assert find_ranges("نص", "ـ", ANYWHERE) == []
    assert len(find_ranges("ا ا ا ا", "ا", ANYWHERE, limit=2)) == 2
    with pytest.raises(ValueError):
        SearchOptions(mode="fuzzy")


def test_hits_carry_context_on_one_line() -> None:
    text = "السطر الأول\nقال بوتين إن روسيا\nتريد ضمانات"
    (hit,) = search_text(text, "روسيا", CLITICS)
    assert text[hit.start : hit.end] == hit.surface == "روسيا"
    assert "\n" not in hit.before + hit.after
    assert hit.before.endswith("بوتين إن ")
    assert hit.after.startswith(" تريد")


def test_context_is_cut_at_spaces_with_ellipses() -> None:
    text = "كلمة " * 40 + "روسيا" + " كلمة" * 40
    start = text.index("روسيا")
    before, after = context(text, start, start + 5, chars=20)
    assert before.startswith("…") and after.endswith("…")
    assert before[1:].startswith("كلمة") and after[:-1].endswith("كلمة")


def test_project_search(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p.annotator.db")
    try:
        a = project.add_document(Document(text=seed(), ext_id="seed", title="seed"))
        b = project.add_document(Document(text="وصل الوفد إلى رُوسْيَا أمس", ext_id="b", title="ثانية"))
        project.add_document(Document(text="لا شيء هنا عن الروسي", ext_id="c", title="ثالثة"))
        result = search_project(project, "روسيا", CLITICS)
        assert result.documents_searched == 3
        assert result.documents_with_hits == 2
        assert {h.document_id for h in result.hits} == {a, b}
        for hit in result.hits:
            assert project.document(hit.document_id).text[hit.start : hit.end] == hit.surface
        assert result.hits[-1].surface == "رُوسْيَا" and result.hits[-1].title == "ثانية"
        limited = search_project(project, "روسيا", CLITICS, limit=2)
        assert len(limited.hits) == 2 and limited.truncated
        only_b = search_project(project, "روسيا", CLITICS, documents=[b])
        assert [h.document_id for h in only_b.hits] == [b]
        stopped = search_project(project, "روسيا", CLITICS, cancelled=lambda: True)
        assert stopped.cancelled and not stopped.hits
    finally:
        project.close()
