"""SpanIndex answers overlap queries exactly like a scan of every span would."""

from __future__ import annotations

import random

from annotator.core.model import Span
from annotator.ui.span_index import SpanIndex


def brute_force(spans: list[Span], start: int, end: int) -> list[Span]:
    if start >= end:
        return []  # an empty range touches nothing
    return sorted((s for s in spans if s.start < end and s.end > start), key=lambda s: (s.start, -s.end))


def test_overlapping_matches_a_scan() -> None:
    rng = random.Random(7)
    spans = []
    for i in range(2_000):
        start = rng.randrange(10_000)
        length = rng.choice([1, 3, 10, 50, 400, 5_000])  # short entities, long quotes, one-page spans
        spans.append(Span(start, min(10_000, start + length), "X", id=i))
    index = SpanIndex.build(spans)
    assert len(index) == len(spans)
    for _ in range(500):
        start = rng.randrange(10_100)
        end = start + rng.choice([0, 1, 20, 300, 3_000])
        assert index.overlapping(start, end) == brute_force(spans, start, end)
    assert index.at(0) == brute_force(spans, 0, 1)


def test_nested_and_identical_spans() -> None:
    quote = Span(10, 60, "QUOTE", id=1)
    person = Span(20, 25, "PER", id=2)
    same = Span(20, 25, "PER", annotator="other", id=3)
    index = SpanIndex.build([person, quote, same])
    assert index.overlapping(22, 23) == [quote, person, same]
    assert index.overlapping(25, 60) == [quote]
    assert index.overlapping(60, 70) == []
    assert index.starting_in(15, 30) == [person, same]
    assert SpanIndex.build([]).overlapping(0, 10) == []
