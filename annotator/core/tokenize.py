"""Tokenisers that return offsets into the original text (never into a normalised copy).

The Arabic-aware tokeniser keeps runs of letters, marks (harakat, shadda), digits, tatweel and
ZWNJ/ZWJ together as words, and makes every other non-space grapheme cluster (punctuation such as
، ؛ ؟ « », an emoji with its modifiers) a token of its own. Token formats additionally split a word
where a span starts or ends inside it (:func:`split_at`), so an entity glued to a clitic (روسيا in
لروسيا) keeps its exact boundary.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import NamedTuple

import regex

_WORD = r"[\p{L}\p{M}\p{N}\u0640\u200c\u200d]+"
# Prepended concatenation marks (the Arabic number signs U+0600-U+0605, U+06DD...) belong to the
# number after them, so they may start a word. \X would join such a mark with a following space
# into one cluster ("\u0600 "): before whitespace the marks are matched on their own, so that no
# token ever holds whitespace.
_PREPEND = r"\p{Grapheme_Cluster_Break=Prepend}"
_ARABIC_AWARE = regex.compile(rf"{_WORD}|{_PREPEND}+(?:{_WORD}|(?=\s))|(?!\s)\X")
_WHITESPACE = regex.compile(r"\S+")


class Token(NamedTuple):
    start: int
    end: int


TOKENIZERS = ("arabic", "whitespace")


def tokenize(text: str, method: str = "arabic") -> list[Token]:
    """Tokens of ``text`` as (start, end) code-point offsets, in order, never overlapping."""
    if method == "arabic":
        pattern = _ARABIC_AWARE
    elif method == "whitespace":
        pattern = _WHITESPACE
    else:
        raise ValueError(f"unknown tokenizer {method!r} (one of {', '.join(TOKENIZERS)})")
    return [Token(m.start(), m.end()) for m in pattern.finditer(text)]


def split_at(tokens: list[Token], boundaries: Iterable[int]) -> list[Token]:
    """Split every token that strictly contains one of ``boundaries`` at that offset."""
    cuts = sorted(set(boundaries))
    if not cuts:
        return list(tokens)
    out: list[Token] = []
    for token in tokens:
        i = bisect_right(cuts, token.start)
        start = token.start
        while i < len(cuts) and cuts[i] < token.end:
            out.append(Token(start, cuts[i]))
            start = cuts[i]
            i += 1
        out.append(Token(start, token.end))
    return out
