"""Tokenisers: offsets into the original text, Arabic punctuation, clitic splits at span edges."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.tokenize import Token, split_at, tokenize


def words(text: str, method: str = "arabic") -> list[str]:
    return [text[t.start : t.end] for t in tokenize(text, method)]


def test_arabic_punctuation_and_emoji_are_tokens_of_their_own() -> None:
    text = "قال بوتين، «نريد ضمانات» لروسيا؟ نعم؛ 😀👍🏽 👨\u200d👩\u200d👧 🇷🇺!"
    assert words(text) == [
        "قال",
        "بوتين",
        "،",
        "«",
        "نريد",
        "ضمانات",
        "»",
        "لروسيا",
        "؟",
        "نعم",
        "؛",
        "😀",
        "👍🏽",  # emoji with its skin-tone modifier: one grapheme, one token
        "👨\u200d👩\u200d👧",  # a ZWJ sequence
        "🇷🇺",
        "!",
    ]


def test_marks_tatweel_and_joiners_stay_inside_words() -> None:
    text = "بُوتِينُ مـــصر كتاب\u200cها شدّة"
    assert words(text) == ["بُوتِينُ", "مـــصر", "كتاب\u200cها", "شدّة"]


def test_a_prepended_number_sign_before_a_space_does_not_take_the_space() -> None:
    """Regression: \\X joins a prepended concatenation mark (U+0600 ARABIC NUMBER SIGN...) with the
    space after it, which made a token holding whitespace."""
    assert words("\u0600 ١٢") == ["\u0600", "١٢"]
    assert words("رقم \u06dd\u00a0٣") == ["رقم", "\u06dd", "٣"]
    assert words("\u0600\u0601 x") == ["\u0600\u0601", "x"]
    assert words("\u0600١٢") == ["\u0600١٢"]  # glued to its number it stays one token


def test_whitespace_tokenizer_keeps_words_whole() -> None:
    text = "قال بوتين، «نريد» لروسيا؟\n😀👍🏽"
    assert words(text, "whitespace") == ["قال", "بوتين،", "«نريد»", "لروسيا؟", "😀👍🏽"]


def test_unknown_tokenizer() -> None:
    with pytest.raises(ValueError, match="unknown tokenizer"):
        tokenize("x", "spacy")


def test_split_at_cuts_a_clitic_off_at_a_span_edge() -> None:
    text = "سافر لروسيا، ثم وبوتين"
    russia = text.index("روسيا")
    putin = text.index("بوتين")
    tokens = split_at(tokenize(text), [russia, russia + 5, putin, putin + 5])
    assert [text[t.start : t.end] for t in tokens] == ["سافر", "ل", "روسيا", "،", "ثم", "و", "بوتين"]
    # boundaries on token edges, in spaces or repeated change nothing
    assert split_at(tokenize(text), [0, 4, 5, 5, len(text)]) == tokenize(text)
    assert split_at([], [3]) == []


def test_split_at_several_cuts_in_one_token() -> None:
    assert split_at([Token(0, 6)], [4, 2, 2]) == [Token(0, 2), Token(2, 4), Token(4, 6)]


TEXT_CHARS = st.sampled_from(
    [
        *"بوتين روسيا لـ،؛؟«»!.\n\t ",
        *("\u064e", "\u0651", "\u0640", "\u200c", "\u200d", "\u00a0", "\u2028", "\u200f", "\u0600", "\u06dd"),
        *("😀", "👍", "🏽", "a", "1"),
    ]
)


@given(st.text(TEXT_CHARS, max_size=40), st.sampled_from(["arabic", "whitespace"]))
def test_tokens_are_ordered_non_empty_and_cover_every_non_space_character(text: str, method: str) -> None:
    tokens = tokenize(text, method)
    last = 0
    covered = [False] * len(text)
    for token in tokens:
        assert last <= token.start < token.end <= len(text)
        assert not regex.search(r"\s", text[token.start : token.end])
        for i in range(token.start, token.end):
            covered[i] = True
        last = token.end
    assert all(covered[i] or regex.match(r"\s", ch) for i, ch in enumerate(text))


@given(st.text(TEXT_CHARS, max_size=40), st.lists(st.integers(0, 40), max_size=6))
def test_split_at_makes_every_boundary_inside_a_token_a_token_edge(text: str, cuts: list[int]) -> None:
    tokens = tokenize(text)
    split = split_at(tokens, cuts)
    assert "".join(text[t.start : t.end] for t in split) == "".join(text[t.start : t.end] for t in tokens)
    edges = {e for t in split for e in t}
    for cut in cuts:
        if any(t.start < cut < t.end for t in tokens):
            assert cut in edges
    assert all(t.start < t.end for t in split)
