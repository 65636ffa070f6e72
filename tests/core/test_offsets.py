"""Code-point offsets <-> Qt positions, and newline normalisation (pure Python, no Qt here)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.offsets import (
    BOM,
    PARAGRAPH_SEPARATOR,
    QtPositionMap,
    normalise_newlines,
    utf16_length,
)

# Pieces text is built from: Arabic letters, harakat, shadda, tatweel, ZWNJ/ZWJ, astral emoji
# (with skin tone, ZWJ family, flags), Latin, digits and every newline style.
ARABIC_LETTERS = [chr(c) for c in range(0x0621, 0x063B)] + [chr(c) for c in range(0x0641, 0x064B)]
HARAKAT = [chr(c) for c in range(0x064B, 0x0653)]  # includes shadda U+0651
PIECES = [
    *ARABIC_LETTERS,
    *HARAKAT,
    "\u0651",  # shadda
    "\u0640",  # tatweel
    "\u200c",  # ZWNJ
    "\u200d",  # ZWJ
    "😀",
    "👍🏽",
    "👨\u200d👩\u200d👧",
    "🇸🇦",
    "🇪🇬",
    "𝐀",
    "a",
    "Z",
    "0",
    "٣",
    " ",
    "،",
    "\n",
    "\r\n",
    "\r",
]

pieces_text = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@st.composite
def texts(draw: st.DrawFn) -> str:
    body = draw(pieces_text)
    return (BOM if draw(st.booleans()) else "") + body


def oracle_qt_length(prefix: str) -> int:
    """What Qt's QTextDocument would count for ``prefix``: computed here by encoding, independently."""
    if prefix.startswith(BOM):
        prefix = prefix[1:]
    out = []
    i = 0
    while i < len(prefix):
        if prefix[i] == "\r":
            out.append(PARAGRAPH_SEPARATOR)
            i += 2 if prefix[i + 1 : i + 2] == "\n" else 1
        elif prefix[i] == "\n":
            out.append(PARAGRAPH_SEPARATOR)
            i += 1
        else:
            out.append(prefix[i])
            i += 1
    return len("".join(out).encode("utf-16-le")) // 2


def between_cr_and_lf(text: str, i: int) -> bool:
    return 0 < i < len(text) and text[i - 1] == "\r" and text[i] == "\n"


# -- QtPositionMap ------------------------------------------------------------------------------


@given(texts())
def test_to_qt_is_monotonic(text: str) -> None:
    qmap = QtPositionMap.for_text(text)
    positions = [qmap.to_qt(i) for i in range(len(text) + 1)]
    assert positions == sorted(positions)


@given(texts())
def test_to_qt_of_length_is_utf16_length_of_qt_text(text: str) -> None:
    qmap = QtPositionMap.for_text(text)
    expected = len(qmap.qt_text().encode("utf-16-le")) // 2
    assert qmap.to_qt(len(text)) == expected
    assert qmap.qt_length == expected


@given(texts())
def test_to_qt_matches_independent_utf16_oracle(text: str) -> None:
    qmap = QtPositionMap.for_text(text)
    for i in range(len(text) + 1):
        if between_cr_and_lf(text, i):
            # Inside a CRLF pair: the position of the paragraph break itself (where the CR starts).
            assert qmap.to_qt(i) == oracle_qt_length(text[: i - 1])
        else:
            assert qmap.to_qt(i) == oracle_qt_length(text[:i]), i


@given(texts())
def test_from_qt_inverts_to_qt_except_inside_crlf_and_before_bom(text: str) -> None:
    qmap = QtPositionMap.for_text(text)
    for i in range(len(text) + 1):
        if between_cr_and_lf(text, i):
            assert qmap.from_qt(qmap.to_qt(i)) == i - 1
        elif i == 0 and text.startswith(BOM):
            # Offsets 0 and 1 are both Qt position 0; Qt never shows the BOM, so position 0 is after it.
            assert qmap.from_qt(0) == 1
        else:
            assert qmap.from_qt(qmap.to_qt(i)) == i, i


@given(texts())
def test_from_qt_never_lands_between_cr_and_lf_nor_past_the_text(text: str) -> None:
    qmap = QtPositionMap.for_text(text)
    for position in range(qmap.qt_length + 1):
        offset = qmap.from_qt(position)
        assert 0 <= offset <= len(text)
        assert not between_cr_and_lf(text, offset)
        assert qmap.to_qt(offset) <= position


@given(texts())
def test_qt_text_has_no_bom_and_only_paragraph_separators(text: str) -> None:
    qt_text = QtPositionMap.for_text(text).qt_text()
    assert "\r" not in qt_text
    assert "\n" not in qt_text
    assert not qt_text.startswith(BOM) or text.startswith(BOM + BOM)


def test_emoji_counts_two_qt_units_and_harakat_one() -> None:
    text = "بِسْم 😀 اللّه"
    qmap = QtPositionMap.for_text(text)
    emoji = text.index("😀")
    assert qmap.to_qt(emoji) == emoji
    assert qmap.to_qt(emoji + 1) == emoji + 2
    assert qmap.to_qt(len(text)) == len(text) + 1
    # A Qt position inside the surrogate pair rounds down to the emoji's start.
    assert qmap.from_qt(emoji + 1) == emoji
    assert qmap.from_qt(emoji + 2) == emoji + 1


def test_crlf_is_one_qt_position_and_lone_cr_one_too() -> None:
    text = "أ\r\nب\rج\nد"
    qmap = QtPositionMap.for_text(text)
    assert qmap.qt_text() == "أ\u2029ب\u2029ج\u2029د"
    assert [qmap.to_qt(i) for i in range(len(text) + 1)] == [0, 1, 1, 2, 3, 4, 5, 6, 7]


def test_leading_bom_is_not_a_qt_position() -> None:
    qmap = QtPositionMap.for_text(BOM + "نص")
    assert qmap.to_qt(0) == 0
    assert qmap.to_qt(1) == 0
    assert qmap.to_qt(3) == 2
    assert qmap.from_qt(2) == 3


def test_a_bom_that_is_not_leading_is_counted() -> None:
    qmap = QtPositionMap.for_text("a" + BOM + "b")
    assert qmap.to_qt(3) == 3


def test_out_of_range_offsets_and_positions_are_rejected() -> None:
    qmap = QtPositionMap.for_text("abc😀")
    with pytest.raises(ValueError):
        qmap.to_qt(-1)
    with pytest.raises(ValueError):
        qmap.to_qt(5)
    with pytest.raises(ValueError):
        qmap.from_qt(-1)
    with pytest.raises(ValueError):
        qmap.from_qt(6)
    assert qmap.from_qt(5) == 4


def test_empty_text_maps_zero_to_zero() -> None:
    qmap = QtPositionMap.for_text("")
    assert qmap.to_qt(0) == 0
    assert qmap.from_qt(0) == 0
    assert qmap.qt_length == 0


@given(st.text(max_size=40))
def test_utf16_length_agrees_with_encoding(text: str) -> None:
    assert utf16_length(text) == len(text.encode("utf-16-le", "surrogatepass")) // 2


def test_large_text_maps_correctly() -> None:
    text = "مرحبا 😀 بالعالم\r\n" * 50_000
    qmap = QtPositionMap.for_text(text)
    last = len(text)
    assert qmap.to_qt(last) == oracle_qt_length(text)
    assert qmap.from_qt(qmap.to_qt(last - 3)) == last - 3


# -- normalise_newlines -------------------------------------------------------------------------


def original_with_lf(s: str) -> str:
    return s.replace("\r\n", "\n").replace("\r", "\n")


@given(pieces_text, st.data())
def test_map_offset_keeps_every_slice_equal_after_normalisation(text: str, data: st.DataObject) -> None:
    result = normalise_newlines(text)
    assert result.text == original_with_lf(text)
    assert "\r" not in result.text
    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(s, len(text)))
    if between_cr_and_lf(text, s) or between_cr_and_lf(text, e):
        return
    assert result.text[result.map_offset(s) : result.map_offset(e)] == original_with_lf(text[s:e])


@given(pieces_text)
def test_map_offset_is_monotonic_and_maps_the_end_to_the_end(text: str) -> None:
    result = normalise_newlines(text)
    mapped = [result.map_offset(i) for i in range(len(text) + 1)]
    assert mapped == sorted(mapped)
    assert mapped[-1] == len(result.text)
    assert mapped[0] == 0


def test_map_offset_between_cr_and_lf_goes_to_the_lf() -> None:
    result = normalise_newlines("ab\r\ncd")
    assert result.text == "ab\ncd"
    assert result.map_offset(3) == 2
    assert result.map_offset(4) == 3
    assert result.removed == (2,)


@pytest.mark.parametrize(
    ("text", "style"),
    [
        ("سطر واحد", "none"),
        ("", "none"),
        ("أ\nب\n", "lf"),
        ("أ\r\nب\r\n", "crlf"),
        ("أ\rب\r", "cr"),
        ("أ\r\nب\n", "mixed"),
        ("أ\rب\n", "mixed"),
        ("أ\r\nب\r", "mixed"),
        ("\r\r\n", "mixed"),
    ],
)
def test_newline_style_is_detected(text: str, style: str) -> None:
    assert normalise_newlines(text).style == style


def test_lone_cr_becomes_lf_without_shifting_offsets() -> None:
    result = normalise_newlines("أ\rب")
    assert result.text == "أ\nب"
    assert [result.map_offset(i) for i in range(4)] == [0, 1, 2, 3]


def test_text_without_cr_is_returned_unchanged() -> None:
    text = "بوتين 😀\nقال"
    result = normalise_newlines(text)
    assert result.text == text
    assert result.removed == ()
    assert all(result.map_offset(i) == i for i in range(len(text) + 1))
