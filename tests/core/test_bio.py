"""Spans <-> BIO: what is kept, dropped and widened is counted; decoding reports and repairs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.bio import bio_to_spans, spans_to_bio, token_range
from annotator.core.model import Span
from annotator.core.tokenize import Token, split_at, tokenize

TEXT = "قال بوتين: «نريد ضمانات لروسيا الآن»"


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def test_entity_nested_in_a_quote_is_kept_and_the_quote_counted() -> None:
    quote = Span(*at("نريد ضمانات لروسيا الآن"), "QUOTE")
    russia = Span(*at("روسيا"), "GPE")
    putin = Span(*at("بوتين"), "PER")
    tokens = split_at(tokenize(TEXT), [russia.start, russia.end])
    result = spans_to_bio(tokens, [quote, russia, putin])
    # قال بوتين : « نريد ضمانات ل روسيا الآن »
    assert result.tags == ["O", "B-PER", "O", "O", "O", "O", "O", "B-GPE", "O", "O"]
    assert result.kept == [putin, russia]
    assert result.dropped_overlap == {"QUOTE": 1} and not result.widened


def test_clitic_entity_is_widened_without_a_split_and_exact_with_one() -> None:
    russia = Span(*at("روسيا"), "GPE")
    widened = spans_to_bio(tokenize(TEXT), [russia])
    assert widened.widened == {"GPE": 1}
    tokens = split_at(tokenize(TEXT), [russia.start, russia.end])
    exact = spans_to_bio(tokens, [russia])
    assert not exact.widened
    assert [TEXT[t.start : t.end] for t, tag in zip(tokens, exact.tags, strict=True) if tag != "O"] == ["روسيا"]


def test_span_on_no_token_and_custom_priority() -> None:
    text = "أ  ب"
    tokens = tokenize(text)
    assert spans_to_bio(tokens, [Span(1, 3, "PER")]).dropped_no_token == {"PER": 1}
    quote = Span(*at("نريد ضمانات لروسيا الآن"), "QUOTE")
    russia = Span(*at("لروسيا"), "GPE")
    longest = spans_to_bio(tokenize(TEXT), [quote, russia], priority=lambda s: (s.start - s.end, s.start))
    assert longest.kept == [quote] and longest.dropped_overlap == {"GPE": 1}


def test_token_range() -> None:
    tokens = tokenize(TEXT)
    assert token_range(tokens, *at("نريد ضمانات")) == (4, 6)
    assert token_range(tokens, 3, 4) == (1, 1)  # a space: no token


def test_bio_to_spans_reads_bio_and_bioes_and_keeps_adjacent_spans_apart() -> None:
    tokens = [Token(i * 2, i * 2 + 1) for i in range(7)]
    spans, problems = bio_to_spans(tokens, ["B-PER", "I-PER", "B-PER", "O", "S-GPE", "B-ORG", "E-ORG"])
    assert spans == [(0, 3, "PER"), (4, 5, "PER"), (8, 9, "GPE"), (10, 13, "ORG")]
    assert not problems


def test_bio_to_spans_reads_bilou_as_bioes() -> None:
    tokens = [Token(i * 2, i * 2 + 1) for i in range(6)]
    spans, problems = bio_to_spans(tokens, ["U-PER", "B-ORG", "I-ORG", "L-ORG", "O", "U-GPE"])
    assert spans == [(0, 1, "PER"), (2, 7, "ORG"), (10, 11, "GPE")]
    assert not problems
    # L- ends its span: a following I- of the same label does not continue it
    spans, problems = bio_to_spans(tokens[:3], ["B-ORG", "L-ORG", "I-ORG"])
    assert spans == [(0, 3, "ORG"), (4, 5, "ORG")] and len(problems) == 1


def test_bio_to_spans_reports_and_repairs() -> None:
    tokens = [Token(i, i + 1) for i in range(5)]
    tags = ["I-PER", "I-PER", "B-GPE", "I-ORG", "PER"]
    repaired, problems = bio_to_spans(tokens, tags)
    assert repaired == [(0, 2, "PER"), (2, 3, "GPE"), (3, 4, "ORG")]
    assert [(p.index, "I- without B-" in p.message) for p in problems] == [(0, True), (3, True), (4, False)]
    assert "malformed tag 'PER'" in problems[-1].message
    strict, again = bio_to_spans(tokens, tags, repair=False)
    assert strict == [(2, 3, "GPE")]
    assert [p.index for p in again] == [0, 1, 3, 4]


SPANS = st.lists(st.tuples(st.integers(0, 30), st.integers(1, 8), st.sampled_from(["PER", "GPE", "QUOTE"])), max_size=8)


@given(SPANS)
def test_spans_to_bio_accounts_for_every_span_and_decodes_back(raw: list[tuple[int, int, str]]) -> None:
    text = "قال بوتين: «نريد ضمانات لروسيا الآن» في موسكو"
    spans = [Span(s, min(s + n, len(text)), label) for s, n, label in raw if s < len(text)]
    tokens = split_at(tokenize(text), [e for s in spans for e in (s.start, s.end)])
    result = spans_to_bio(tokens, spans)
    total = len(result.kept) + sum(result.dropped_overlap.values()) + sum(result.dropped_no_token.values())
    assert total == len(spans)
    decoded, problems = bio_to_spans(tokens, result.tags)
    assert not problems
    # each kept span comes back as the token run it covers (exactly, unless counted as widened)
    runs = []
    for span in result.kept:
        first, last = token_range(tokens, span.start, span.end)
        runs.append((tokens[first].start, tokens[last - 1].end, span.label))
    assert decoded == sorted(runs)
    exact = sum(1 for span in result.kept if (span.start, span.end, span.label) in set(decoded))
    assert len(result.kept) - exact == sum(result.widened.values())
