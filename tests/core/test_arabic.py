"""Arabic text helpers: normalisation with an offset map, proclitic stems, whole-word occurrences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.arabic import (
    PROCLITIC_PREFIXES,
    Stem,
    choose_stem,
    clitics_of_prefix,
    find_word_occurrences,
    find_words,
    is_word_char,
    normalise,
    normalise_key,
    proclitic_stems,
    readings,
    to_original,
    word_bounds,
    word_keys,
)

FATHA, DAMMA, KASRA, SUKUN, SHADDA = "\u064e", "\u064f", "\u0650", "\u0652", "\u0651"
TATWEEL = "\u0640"


def surfaces(text: str, ranges: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in ranges]


# -- normalisation ------------------------------------------------------------------------------


def test_diacritised_and_plain_forms_have_the_same_key() -> None:
    assert normalise_key("مسيّرة") == normalise_key("مسيرة") == normalise_key("مُسَيَّرَةٌ")
    assert normalise_key("الطائرات المسيّرة") == normalise_key("الطائرات  المسيرة")
    assert normalise_key("مـــصر") == normalise_key("مصر")  # tatweel


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("أحمد", "احمد"),
        ("إسرائيل", "اسرائيل"),
        ("آخر", "اخر"),
        ("ٱلله", "الله"),
        ("مستشفى", "مستشفي"),
        ("المدينة", "المدينه"),
        ("٢٠٢٤", "2024"),
        ("Reuters", "reuters"),
        ("كتاب", "کتاب"),  # Persian keheh
        ("ا\u0654حمد", "أحمد"),  # hamza as a combining mark
    ],
)
def test_folded_variants_match(a: str, b: str) -> None:
    assert normalise_key(a) == normalise_key(b)


def test_hamza_on_waw_and_ya_folds_only_when_asked() -> None:
    assert normalise_key("مؤتمر") != normalise_key("موتمر")
    assert normalise_key("مؤتمر", fold_hamza=True) == normalise_key("موتمر", fold_hamza=True)
    assert normalise_key("رئيس", fold_hamza=True) == normalise_key("رييس", fold_hamza=True)
    # decomposed و + hamza above is ؤ, not و, when hamza is not folded
    assert normalise_key("مو\u0654تمر") == normalise_key("مؤتمر")


def test_the_map_points_into_the_original() -> None:
    text = "قالَ بـوتينُ"
    norm, mapping = normalise(text)
    assert norm == "قال بوتين"
    assert len(mapping) == len(norm)
    assert all(
        text[mapping[i]] in (norm[i], "أ") or normalise_key(text[mapping[i]]) == norm[i].strip()
        for i in range(len(norm))
    )
    assert mapping == sorted(mapping)
    # a match in the normalised copy maps back to the word with its marks
    ns = norm.index("بوتين")
    assert text[slice(*to_original(text, mapping, ns, ns + 5))] == "بـوتينُ"


@given(
    st.text(
        alphabet="أإآابتةثجحخدذرسشصضطظعغفقكلمنهوؤيئى ـ٠١" + FATHA + DAMMA + KASRA + SUKUN + SHADDA + "\u0654\u0670abİ"
    )
)
def test_map_is_monotone_and_complete(text: str) -> None:
    norm, mapping = normalise(text)
    assert len(norm) == len(mapping)
    assert mapping == sorted(mapping)
    assert all(0 <= i < len(text) for i in mapping)
    # everything dropped is a mark, tatweel or a joiner
    kept = set(mapping)
    assert all(not text[i].isalpha() or text[i] == TATWEEL for i in range(len(text)) if i not in kept)


# -- proclitic stems ----------------------------------------------------------------------------


def test_prefix_table_has_the_combinations() -> None:
    written = {w for w, _ in PROCLITIC_PREFIXES}
    for prefix in ("و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "فال", "لل", "وب", "ول", "فب", "كال", "وبال", "ولل"):
        assert prefix in written
    lengths = [len(w) for w, _ in PROCLITIC_PREFIXES]
    assert lengths == sorted(lengths, reverse=True)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("لروسيا", [Stem(1, "روسيا", ("ل",))]),
        ("وروسيا", [Stem(1, "روسيا", ("و",))]),
        ("والولايات", [Stem(3, "ولايات", ("و", "ال")), Stem(1, "الولايات", ("و",))]),
        ("للحلف", [Stem(2, "حلف", ("ل", "ال")), Stem(1, "لحلف", ("ل",))]),
        (
            "وبالقاهرة",
            [Stem(4, "قاهرة", ("و", "ب", "ال")), Stem(2, "القاهرة", ("و", "ب")), Stem(1, "بالقاهرة", ("و",))],
        ),
        ("كالعادة", [Stem(3, "عادة", ("ك", "ال")), Stem(1, "العادة", ("ك",))]),
        ("فبالتالي", [Stem(4, "تالي", ("ف", "ب", "ال")), Stem(2, "التالي", ("ف", "ب")), Stem(1, "بالتالي", ("ف",))]),
        ("روسيا", []),
        ("الم", []),  # the stem would be one letter
        ("وب", []),
        ("أحمد", []),  # أ is not the article, nor a clitic
    ],
)
def test_proclitic_stems(word: str, expected: list[Stem]) -> None:
    got = proclitic_stems(word)
    assert got == expected
    for stem in got:
        assert word[stem.offset :] == stem.stem


def test_diacritics_on_clitic_letters_stay_with_the_clitic() -> None:
    word = "وَبِالْقَاهِرَةِ"
    stems = proclitic_stems(word)
    assert [s.clitics for s in stems] == [("و", "ب", "ال"), ("و", "ب"), ("و",)]
    assert [s.stem for s in stems] == ["قَاهِرَةِ", "الْقَاهِرَةِ", "بِالْقَاهِرَةِ"]
    word = "لِلْحِلْفِ"
    assert proclitic_stems(word)[0] == Stem(4, "حِلْفِ", ("ل", "ال"))
    assert proclitic_stems("بـروسيا")[0] == Stem(2, "روسيا", ("ب",))


def test_clitics_of_prefix() -> None:
    assert clitics_of_prefix("وَبِ") == ("و", "ب")
    assert clitics_of_prefix("لل") == ("ل", "ال")
    assert clitics_of_prefix("بر") is None
    assert clitics_of_prefix("أل") is None


def test_readings_keep_a_written_article() -> None:
    assert [s.stem for s in readings("والولايات")] == ["الولايات"]
    assert [s.stem for s in readings("بالقاهرة")] == ["القاهرة"]
    assert [s.stem for s in readings("للقاهرة")] == ["قاهرة", "لقاهرة"]  # the fused article cannot stay
    assert [s.stem for s in readings("والولايات", keep_article=False)] == ["ولايات", "الولايات"]


def test_choose_stem_needs_evidence() -> None:
    text = "زار الوزير ليبيا وروسيا، وقال إن روسيا والقاهرة على اتفاق. لليبيا وللحلف ولدى الحلف"
    known = word_keys(text)
    assert choose_stem("وروسيا", known).stem == "روسيا"
    assert choose_stem("لليبيا", known).stem == "ليبيا"  # ل + ليبيا, not لل + يبيا
    assert choose_stem("وللحلف", known).stem == "حلف"  # الحلف is attested
    assert choose_stem("والقاهرة", {normalise_key("القاهرة")}).stem == "القاهرة"
    assert choose_stem("وزير", known) is None  # no evidence that زير is a word
    assert choose_stem("روسيا", known) is None  # no clitic at all


# -- occurrences --------------------------------------------------------------------------------


TEXT = (
    "زار وفد لروسيا الأسبوع الماضي، وروسيا ترحّب. وقال إن بروسيا مصانع. "
    "وأعلن الروسي أن الروسيين والروسية ضد بروسيان؛ روسيا، «رُوسْيَا» وبروسيا ولروسيا."
)


def test_russia_tags_the_stem_after_clitics_but_not_inside_other_words() -> None:
    found = find_word_occurrences(TEXT, "روسيا")
    assert surfaces(TEXT, found) == ["روسيا", "روسيا", "روسيا", "روسيا", "رُوسْيَا", "روسيا", "روسيا"]
    for start, _end in found:
        assert TEXT[start - 1] in " «بلو"  # a boundary or a clitic letter before the stem
    # never inside الروسي, الروسيين, الروسية, بروسيان
    for word in ("الروسي", "الروسيين", "الروسية", "بروسيان"):
        w = TEXT.index(word)
        assert not any(w <= s < w + len(word) for s, _ in found), word


def test_without_clitics_only_whole_words() -> None:
    found = find_word_occurrences(TEXT, "روسيا", clitics=False)
    assert surfaces(TEXT, found) == ["روسيا", "رُوسْيَا"]


def test_undiacritised_surface_finds_diacritised_text_and_back() -> None:
    text = "أطلقت مُسَيَّرَةٌ وبمسيّرة ثانية ثم المسيرات"
    assert surfaces(text, find_word_occurrences(text, "مسيرة")) == ["مُسَيَّرَةٌ", "مسيّرة"]
    assert surfaces(text, find_word_occurrences(text, "مُسَيَّرَة")) == ["مُسَيَّرَةٌ", "مسيّرة"]


def test_article_words_after_conjunction() -> None:
    text = "والولايات المتحدة تدعم. الولايات المتحدة وللولايات المتحدة والولاياتية"
    found = find_words(text, "الولايات")
    assert [(text[m.start : m.end], m.clitics) for m in found] == [
        ("الولايات", ("و",)),
        ("الولايات", ()),
        ("ولايات", ("و", "ل", "ال")),  # the article's alef is not written after ل: the stem is what is left
    ]
    multi = find_word_occurrences(text, "الولايات المتحدة")
    assert surfaces(text, multi) == ["الولايات المتحدة", "الولايات المتحدة", "ولايات المتحدة"]


def test_multi_word_surface_matches_over_other_whitespace_but_not_other_words() -> None:
    text = "قال عبد  الله\nوعبد\u00a0الله وعبد الرحمن عبد اللهي"
    assert surfaces(text, find_word_occurrences(text, "عبد الله")) == ["عبد  الله", "عبد\u00a0الله"]


def test_short_surfaces_do_not_match_after_clitics() -> None:
    text = "ما بما وما"
    assert surfaces(text, find_word_occurrences(text, "ما")) == ["ما", "ما", "ما"]  # بما = ب + ما
    assert [(m.start, m.end) for m in find_words(text, "ما", min_stem=3)] == [(0, 2)]
    assert find_word_occurrences("م بم", "م") == [(0, 1)]


def test_latin_and_punctuated_surfaces() -> None:
    text = "نقلت Reuters ووكالة REUTERS. وقالت U.S. إن"
    assert surfaces(text, find_word_occurrences(text, "reuters")) == ["Reuters", "REUTERS"]
    assert surfaces(text, find_word_occurrences(text, "U.S.")) == ["U.S."]


def test_empty_surface() -> None:
    assert find_word_occurrences("نص", "") == []
    assert find_word_occurrences("نص", "  ـ ") == []


def test_word_bounds() -> None:
    text = "قال: والولايات، ثم"
    w = text.index("والولايات")
    assert word_bounds(text, w, w + 9) == (w, w + 9)
    assert word_bounds(text, w + 1, w + 9) is None
    assert word_bounds(text, w, w + 10) is None
    assert word_bounds(text, 0, 0) is None
    assert is_word_char(TATWEEL) and not is_word_char("،")


# -- property: offsets are always exact ---------------------------------------------------------

STEMS = ["روسيا", "مسيّرة", "الولايات", "القاهرة", "حلف", "ليبيا", "غزة", "أوكرانيا", "الأمم"]
OTHER = ["الروسي", "بروسيان", "روسياتي", "قال", "إن", "وزير", "الحلفاء", "مسيرات", "،", "«", "»", ".", "😀"]
CLITIC_PREFIXES = ["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "وَ", "بِ", "لـ"]
MARKS = ["", FATHA, KASRA + SHADDA, SUKUN, TATWEEL]


@st.composite
def texts(draw: st.DrawFn) -> tuple[str, str, set[int]]:
    """A text of real words, some of them the target stem behind clitics; returns the target and
    where the target's stems start."""
    target = draw(st.sampled_from(STEMS))
    parts: list[str] = []
    starts: set[int] = set()
    pos = 0
    for _ in range(draw(st.integers(1, 12))):
        if draw(st.booleans()):
            prefix = draw(st.sampled_from(CLITIC_PREFIXES))
            if target.startswith("ال") and prefix in ("ل", "ول", "لـ"):
                prefix = "ب"  # ل + ال is spelt لل: covered separately
            mark = draw(st.sampled_from(MARKS))
            word = target[0] + mark + target[1:]
            starts.add(pos + len(prefix))
            piece = prefix + word
        else:
            piece = draw(st.sampled_from(OTHER))
        parts.append(piece)
        pos += len(piece)
        sep = draw(st.sampled_from([" ", "  ", "\n", "، "]))
        parts.append(sep)
        pos += len(sep)
    return "".join(parts), target, starts


@settings(max_examples=300, deadline=None)
@given(texts())
def test_every_occurrence_is_found_exactly_and_nothing_else(case: tuple[str, str, set[int]]) -> None:
    text, target, starts = case
    key = normalise_key(target)
    found = find_words(text, target)
    for m in found:
        assert normalise_key(text[m.start : m.end]) == key
        assert m.end == len(text) or not is_word_char(text[m.end])
        assert m.word_start <= m.start
        prefix = text[m.word_start : m.start]
        assert (prefix == "" and m.clitics == ()) or clitics_of_prefix(prefix) == m.clitics
        assert m.word_start == 0 or not is_word_char(text[m.word_start - 1])
    assert {m.start for m in found} == starts


@given(
    st.text(
        alphabet="أإآابتةثجحخدذرسشصضطظعغفقكلمنهوؤيئى ـ٠١ABc"
        + FATHA
        + DAMMA
        + KASRA
        + SUKUN
        + SHADDA
        + "\u0653\u0654\u0655\u0670\u200c"
    ),
    st.booleans(),
    st.booleans(),
)
def test_fast_and_slow_normalisation_agree(text: str, fold_hamza: bool, fold_alef: bool) -> None:
    from annotator.core import arabic

    table = arabic._table((fold_alef, True, True, fold_hamza, True))
    fast = normalise(text, fold_hamza=fold_hamza, fold_alef=fold_alef)
    assert fast == arabic._normalise_slow(text, table, lower=True)
