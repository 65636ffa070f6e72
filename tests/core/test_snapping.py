"""Selection snapping: whole grapheme clusters, then trimmed of spaces and punctuation."""

from __future__ import annotations

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from annotator.core.snapping import clean_selection, is_trimmable, snap_to_graphemes, trim

SHADDA = "\u0651"
FATHA = "\u064e"
KASRA = "\u0650"
SUKUN = "\u0652"
TATWEEL = "\u0640"
ZWNJ = "\u200c"
ZWJ = "\u200d"


def boundaries(text: str) -> set[int]:
    """Every grapheme-cluster boundary of the whole text, by an independent \\X scan."""
    return {0} | {m.end() for m in regex.finditer(r"\X", text)}


# -- grapheme clusters --------------------------------------------------------------------------


@pytest.mark.parametrize("inner", [(1, 2), (2, 3), (3, 4), (1, 3), (2, 4), (1, 4)])
def test_selection_inside_letter_shadda_fatha_cluster_widens_to_the_cluster(inner: tuple[int, int]) -> None:
    text = "م" + "ح" + SHADDA + FATHA + "مد"  # مُحَمَّد-like: ح carries shadda and fatha
    cluster = (1, 4)
    assert regex.findall(r"\X", text)[1] == "ح" + SHADDA + FATHA
    assert snap_to_graphemes(text, *inner) == cluster
    assert clean_selection(text, *inner) == cluster


def test_selection_ending_on_a_letter_takes_its_harakat_too() -> None:
    text = "كَتَبَ الولدُ"
    # Select the first letter only (code point 0..1): the fatha after it comes along.
    assert clean_selection(text, 0, 1) == (0, 2)
    # Select the last letter of the first word but not its fatha.
    assert clean_selection(text, 4, 5) == (4, 6)


@pytest.mark.parametrize(
    "emoji",
    [
        "👍🏽",  # skin-tone modifier
        "👨\u200d👩\u200d👧\u200d👦",  # ZWJ family
        "🏳️\u200d🌈",  # flag with variation selector and ZWJ
        "🇸🇦",  # regional-indicator flag
        "👩🏾\u200d💻",  # skin tone inside a ZWJ sequence
    ],
)
def test_emoji_sequences_are_never_split(emoji: str) -> None:
    text = f"قال {emoji} اليوم"
    start = text.index(emoji)
    end = start + len(emoji)
    for s in range(start, end):
        for e in range(s + 1, end + 1):
            assert clean_selection(text, s, e) == (start, end), (s, e)


def test_a_run_of_flags_without_spaces_is_never_split() -> None:
    flags = "🇸🇦🇪🇬🇯🇴🇲🇦" * 12  # 96 code points, no space to anchor the scan
    text = "أعلام " + flags + " هنا"
    first = text.index(flags)
    for offset in range(first, first + len(flags)):
        s, e = clean_selection(text, offset, offset + 1)
        assert (s - first) % 2 == 0 and (e - first) % 2 == 0, offset
        assert e - s == 2


def test_harakat_after_a_space_stay_with_the_space() -> None:
    # A haraka typed after a space attaches to the space: the boundary is after the haraka.
    text = "أ " + FATHA + "ب"
    assert boundaries(text) == {0, 1, 3, 4}
    s, e = clean_selection(text, 2, 4)
    assert s in boundaries(text) and e in boundaries(text)
    assert e == 4


# -- trimming -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "wrapped",
    [
        " بوتين ",
        "  بوتين\n",
        "،بوتين،",
        "؛بوتين؛",
        "بوتين؟",
        "«بوتين»",
        "(بوتين)",
        '"بوتين".',
        " «بوتين»، ",
        "\u200fبوتين\u200f",  # RLM marks are format characters, trimmed
    ],
)
def test_spaces_and_arabic_punctuation_are_trimmed(wrapped: str) -> None:
    text = "قال " + wrapped + " أمس"
    start = len("قال ")
    s, e = clean_selection(text, start, start + len(wrapped))
    assert text[s:e] == "بوتين"


def test_tatweel_at_the_edges_is_kept() -> None:
    text = "قال " + TATWEEL + "بوتين" + TATWEEL + " أمس"
    start = 4
    end = start + 7
    s, e = clean_selection(text, start, end)
    assert text[s:e] == TATWEEL + "بوتين" + TATWEEL


def test_zwnj_and_zwj_at_the_edges_are_kept() -> None:
    for joiner in (ZWNJ, ZWJ):
        text = "ای" + joiner + "ران"
        assert not is_trimmable(joiner)
        s, e = clean_selection(text, 0, 3)
        assert text[s:e].endswith(joiner)
        s, e = clean_selection(text, 2, 6)
        assert s <= 2 and joiner in text[s:e] and text[s:e].endswith("ران")


@pytest.mark.parametrize("punct", ["،", "؛", "؟", "«»", " ، ", "...", " \n ", "!؟"])
def test_selection_of_only_punctuation_is_empty(punct: str) -> None:
    text = "كلمة" + punct + "أخرى"
    s, e = clean_selection(text, 4, 4 + len(punct))
    assert s == e


def test_trim_shrinks_from_both_edges_only() -> None:
    text = "، أ، ب ،"
    assert trim(text, 0, len(text)) == (2, 6)


@pytest.mark.parametrize("ch", [" ", "\u00a0", "\t", "\n", "،", "؛", "؟", "«", "»", ".", "-", "\u200f", "\u061c"])
def test_is_trimmable_for_spaces_punctuation_and_marks(ch: str) -> None:
    assert is_trimmable(ch)


@pytest.mark.parametrize("ch", ["ا", "a", "7", "٣", TATWEEL, ZWNJ, ZWJ, FATHA, SHADDA, "😀"])
def test_is_not_trimmable_for_letters_digits_marks_and_joiners(ch: str) -> None:
    assert not is_trimmable(ch)


# -- edge cases of the arguments ----------------------------------------------------------------


def test_reversed_and_out_of_range_selections_are_normalised() -> None:
    text = "بوتين"
    assert clean_selection(text, 5, 0) == (0, 5)
    assert clean_selection(text, -3, 99) == (0, 5)
    assert clean_selection(text, 2, 2) == (2, 2)
    assert clean_selection("", 0, 3) == (0, 0)


# -- properties ---------------------------------------------------------------------------------

PIECES = [
    "ب",
    "ت",
    "ل",
    "ا",
    "ة",
    "\u0644\u0623",  # lam-alef
    FATHA,
    KASRA,
    SUKUN,
    SHADDA,
    "\u064b",
    TATWEEL,
    ZWNJ,
    ZWJ,
    "😀",
    "👍🏽",
    "👨\u200d👩\u200d👧",
    "🇸🇦",
    "\U0001f1f8",  # lone regional indicator
    "\ufe0f",
    "a",
    "9",
    " ",
    "\n",
    "\r\n",
    "\t",
    "،",
    "؛",
    "؟",
    "«",
    "»",
    ".",
    "\u0600",  # Arabic number sign (a prepended mark)
]

texts = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)


@given(texts, st.data())
@example(text="أ " + FATHA + "ب", data=None)
def test_clean_selection_stays_in_range_and_on_grapheme_boundaries(text: str, data: st.DataObject | None) -> None:
    bounds = boundaries(text)
    if data is None:
        selections = [(a, b) for a in range(len(text) + 1) for b in range(len(text) + 1)]
    else:
        a = data.draw(st.integers(-2, len(text) + 2))
        b = data.draw(st.integers(-2, len(text) + 2))
        selections = [(a, b)]
    for a, b in selections:
        s, e = clean_selection(text, a, b)
        assert 0 <= s <= e <= len(text)
        if s < e:
            assert s in bounds, (a, b, s)
            assert e in bounds, (a, b, e)


@given(texts, st.data())
def test_snapped_selection_covers_the_original(text: str, data: st.DataObject) -> None:
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    s, e = snap_to_graphemes(text, a, b)
    if a < b:
        assert s <= a and b <= e
        bounds = boundaries(text)
        assert s in bounds and e in bounds


@given(texts, st.data())
def test_clean_selection_is_idempotent(text: str, data: st.DataObject) -> None:
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    once = clean_selection(text, a, b)
    assert clean_selection(text, *once) == once or once[0] == once[1]


def test_grapheme_steps_keep_marks_and_emoji_whole() -> None:
    from annotator.core.snapping import next_grapheme, previous_grapheme

    text = "مسيّرة 👍🏽 x"
    assert [next_grapheme(text, i) for i in (0, 2, 3, 7, 10, len(text))] == [1, 4, 4, 9, 11, len(text)]
    assert [previous_grapheme(text, i) for i in (0, 4, 3, 9, 8, len(text))] == [0, 2, 2, 7, 7, 10]
