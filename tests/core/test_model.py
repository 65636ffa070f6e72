"""Documents, spans and relations: offsets are code points, end exclusive."""

from __future__ import annotations

import pytest

from annotator.core.errors import AnnotatorError, InputError, OffsetError
from annotator.core.model import Span, check_offsets

TEXT = "قال 😀 بوتينُ"


def test_span_text_in_is_the_code_point_slice() -> None:
    start = TEXT.index("بوتين")
    span = Span(start, start + len("بوتينُ"), "PER")
    assert span.text_in(TEXT) == "بوتينُ"
    emoji = Span(4, 5, "OTHER")
    assert emoji.text_in(TEXT) == "😀"


@pytest.mark.parametrize(("start", "end"), [(0, 1), (0, len(TEXT)), (len(TEXT) - 1, len(TEXT))])
def test_check_offsets_accepts_non_empty_ranges_inside_the_text(start: int, end: int) -> None:
    check_offsets(start, end, len(TEXT))
    Span(start, end, "PER").check_against(TEXT)


@pytest.mark.parametrize(
    ("start", "end"),
    [(-1, 2), (0, len(TEXT) + 1), (3, 3), (4, 2), (True, 2), (0, False), (0.0, 2), (0, 2.5), ("0", 2), (None, 2)],
)
def test_check_offsets_rejects_bad_ranges(start: object, end: object) -> None:
    with pytest.raises(OffsetError):
        check_offsets(start, end, len(TEXT))  # type: ignore[arg-type]


def test_span_check_against_names_the_problem() -> None:
    with pytest.raises(OffsetError, match="past the end"):
        Span(0, 99, "PER").check_against(TEXT)
    with pytest.raises(OffsetError, match="negative"):
        Span(-1, 2, "PER").check_against(TEXT)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((0, 5), (5, 9), False),  # touching is not overlapping
        ((0, 5), (4, 9), True),
        ((2, 3), (0, 9), True),  # nested
        ((0, 9), (2, 3), True),
        ((6, 9), (0, 5), False),
        ((3, 4), (3, 4), True),
    ],
)
def test_overlaps(a: tuple[int, int], b: tuple[int, int], expected: bool) -> None:
    assert Span(*a, "PER").overlaps(Span(*b, "QUOTE")) is expected
    assert Span(*b, "PER").overlaps(Span(*a, "QUOTE")) is expected


def test_default_attrs_are_not_shared_between_spans() -> None:
    a, b = Span(0, 1, "PER"), Span(0, 1, "PER")
    a.attrs["x"] = 1
    assert b.attrs == {}


def test_errors_are_annotator_errors() -> None:
    assert issubclass(OffsetError, AnnotatorError)
    assert issubclass(InputError, AnnotatorError)


def test_input_error_names_file_line_and_field() -> None:
    err = InputError("bad label", path="in.jsonl", line=3, field="label")
    assert str(err) == "in.jsonl, line 3, field 'label': bad label"
    located = InputError("bad", field="start").located(path="f.jsonl", line=7)
    assert str(located) == "f.jsonl, line 7, field 'start': bad"
    # What is already known is kept.
    assert err.located(path="other", line=9).line == 3
