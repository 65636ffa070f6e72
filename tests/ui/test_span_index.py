"""SpanIndex answers overlap queries exactly like a scan of every span would."""

from __future__ import annotations

import random

from annotator.core.model import Span
from annotator.ui.span_index import SpanIndex, SpanSet


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


def test_span_set_edits_match_a_scan() -> None:
    rng = random.Random(11)
    spans = [
        Span(s, s + rng.choice([1, 4, 30]), "X", id=i) for i, s in enumerate(rng.randrange(2_000) for _ in range(600))
    ]
    current = {s.id: s for s in spans}
    span_set = SpanSet(spans)
    next_id = len(spans)
    for step in range(1_500):  # enough edits to rebuild the index several times
        action = rng.random()
        if action < 0.4:
            start = rng.randrange(2_000)
            span = Span(start, start + rng.choice([1, 5, 200]), "Y", id=next_id)
            next_id += 1
            span_set.put(span)
            current[span.id] = span
        elif action < 0.7 and current:
            victim = rng.choice(list(current))
            assert span_set.remove(victim) is current.pop(victim)
        elif current:
            changed = rng.choice(list(current))
            span = Span(current[changed].start, current[changed].end + 3, "Z", id=changed)
            span_set.put(span)
            current[changed] = span
        if step % 50 == 0:
            start = rng.randrange(2_100)
            end = start + rng.choice([0, 10, 500])
            assert span_set.overlapping(start, end) == brute_force(list(current.values()), start, end)
            assert span_set.spans == sorted(current.values(), key=lambda s: (s.start, -s.end, s.id))
    assert len(span_set) == len(current)
    assert span_set.remove(10**9) is None


def test_span_set_steps_in_text_order() -> None:
    a, b, c, d = Span(0, 5, "A", id=4), Span(0, 3, "B", id=2), Span(0, 3, "C", id=3), Span(10, 12, "D", id=1)
    span_set = SpanSet([d, c, b, a])
    assert span_set.spans == [a, b, c, d]
    assert span_set.after(a, 0) is b and span_set.after(b, 0) is c and span_set.after(c, 0) is d
    assert span_set.after(d, 0) is None
    assert span_set.before(d, 0) is c and span_set.before(a, 0) is None
    assert span_set.after(None, 6) is d and span_set.before(None, 6) is c
    assert span_set.get(1) is d and span_set.get(None) is None
