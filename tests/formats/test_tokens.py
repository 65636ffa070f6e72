"""The token formats' fast paths give exactly what the core tokenizer and BIO functions give."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.bio import spans_to_bio
from annotator.core.model import Document, Span
from annotator.core.tokenize import split_at, tokenize
from annotator.formats.tokens import cut, document_tokens, place_levels, recorded_tokens, split_text

CHARS = st.sampled_from(
    [
        *"بوتين روسيا لـ،؛؟«»!.#\n\t ",
        *("\u064e", "\u0651", "\u0640", "\u200c", "\u200d", "\u00a0", "\u2028", "\u0600", "\u06dd", "\x1c"),
        *("😀", "👍", "🏽", "🇷", "🇺", "a", "1", "_"),
    ]
)
SPANS = st.lists(st.tuples(st.integers(0, 30), st.integers(1, 10), st.sampled_from(["PER", "GPE", "QUOTE"])))


def make_spans(text: str, raw: list[tuple[int, int, str]]) -> list[Span]:
    return [Span(s, min(s + n, len(text)), label) for s, n, label in raw if s < len(text)]


@given(st.text(CHARS, max_size=40), st.sampled_from(["arabic", "whitespace"]))
def test_split_text_is_the_core_tokenizer(text: str, method: str) -> None:
    tokens = split_text(text, method)
    assert tokens.as_tokens() == tokenize(text, method)
    assert tokens.words == [text[t.start : t.end] for t in tokenize(text, method)]


@given(st.text(CHARS, max_size=40), st.lists(st.integers(-2, 42), max_size=8))
def test_cut_is_split_at(text: str, cuts: list[int]) -> None:
    tokens = cut(split_text(text, "arabic"), text, cuts)
    expected = split_at(tokenize(text), cuts)
    assert tokens.as_tokens() == expected
    assert tokens.words == [text[t.start : t.end] for t in expected]


@given(st.text(CHARS, min_size=1, max_size=40), SPANS, st.booleans())
def test_first_level_is_spans_to_bio(text: str, raw: list[tuple[int, int, str]], split: bool) -> None:
    spans = make_spans(text, raw)
    tokens = split_text(text, "arabic")
    if split:
        cut(tokens, text, [e for s in spans for e in (s.start, s.end)])
    levels = place_levels(tokens, spans, 1)
    expected = spans_to_bio(tokens.as_tokens(), spans)
    assert levels.tags == [expected.tags]
    assert sorted(levels.kept[0], key=lambda s: (s.start, s.end, s.label)) == expected.kept
    assert levels.widened == expected.widened
    assert levels.dropped_overlap == expected.dropped_overlap
    assert levels.no_token == expected.dropped_no_token


@given(st.text(CHARS, min_size=1, max_size=40), SPANS, st.integers(1, 4))
def test_every_span_is_placed_once_or_counted(text: str, raw: list[tuple[int, int, str]], cap: int) -> None:
    spans = make_spans(text, raw)
    tokens = cut(split_text(text, "arabic"), text, [e for s in spans for e in (s.start, s.end)])
    levels = place_levels(tokens, spans, cap)
    placed = [id(s) for kept in levels.kept for s in kept]
    assert len(placed) == len(set(placed))
    assert len(placed) + sum(levels.dropped_overlap.values()) + sum(levels.no_token.values()) == len(spans)
    assert 1 <= len(levels.tags) <= cap
    for tags in levels.tags:  # each level is strict BIO over the same tokens
        assert len(tags) == len(tokens)
        for previous, tag in zip(["O", *tags], tags, strict=False):
            if tag.startswith("I-"):
                assert previous[2:] == tag[2:]


def test_recorded_tokens_are_used_and_damaged_ones_ignored() -> None:
    text = "U.S. لروسيا"
    whitespace = Document(text=text, ext_id="a", meta={"tokens": "whitespace"})
    assert recorded_tokens(whitespace).words == ["U.S.", "لروسيا"]  # type: ignore[union-attr]
    listed = Document(text=text, ext_id="b", meta={"tokens": [[0, 4], [5, 6], [6, 11]]})
    tokens = document_tokens(listed, [Span(6, 11, "GPE")], "arabic")
    assert tokens.words == ["U.S.", "ل", "روسيا"] and tokens.recorded
    for damaged in ([[0, 4], [3, 6]], [[0, 99]], [[0, "4"]], "other", [[True, 4]]):
        document = Document(text=text, ext_id="c", meta={"tokens": damaged})
        assert recorded_tokens(document) is None
        assert document_tokens(document, [], "arabic").words == ["U", ".", "S", ".", "لروسيا"]
    # the whitespace tokenizer keeps words whole, even where a span starts inside one
    plain = Document(text=text, ext_id="d")
    assert document_tokens(plain, [Span(6, 11, "GPE")], "whitespace").words == ["U.S.", "لروسيا"]
