"""What the token formats (CoNLL, Hugging Face, spaCy) share: tokens, tag layers, loss counters.

Tokens come from the document itself when an import recorded them, otherwise from the chosen
tokenizer. The CoNLL import records ``meta["tokens"]`` (the word "whitespace", or a list of
``[start, end]`` pairs) and, when the sentences were not simply the text's lines,
``meta["sentences"]`` (the offsets where they began), so that conll -> db -> conll gives back the
same tokens and sentences. With the default ``arabic`` tokenizer a token is also split where a
span starts or ends inside it, so a clitic-attached entity (روسيا in لروسيا) keeps its exact
boundary; ``whitespace`` keeps words whole and the span is widened to the whole word (and counted).

The functions here do per document what :func:`annotator.core.tokenize.tokenize`,
:func:`~annotator.core.tokenize.split_at` and :func:`annotator.core.bio.spans_to_bio` do, with the
same results (tests/formats/test_tokens.py), but without a Python object or loop step per token:
an export handles millions of tokens.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from typing import Any

import regex

from annotator.core.bio import OUTSIDE
from annotator.core.errors import AnnotatorError
from annotator.core.model import Document, Span
from annotator.core.tokenize import _ARABIC_AWARE, _WHITESPACE, _WORD, TOKENIZERS, Token
from annotator.formats.report import ExportReport
from annotator.store.project import Project

# The names under which ExportReport.lost counts what a token format could not hold.
LOST_OVERLAP = "overlapping spans dropped"
LOST_WIDENED = "spans widened to token edges"
LOST_NO_TOKEN = "spans covering no token"
LOST_RELATIONS = "relations"
LOST_ATTRIBUTES = "span attributes"
LOST_DUPLICATES = "identical spans written once"
LOST_ANNOTATOR_NAMES = "annotator names (layers merged)"

META_TOKENS = "tokens"
META_SENTENCES = "sentences"


def check_tokenizer(name: str) -> None:
    if name not in TOKENIZERS:
        raise AnnotatorError(f"unknown tokenizer {name!r} (one of {', '.join(TOKENIZERS)})")


@dataclass(slots=True)
class Tokens:
    """A document's tokens as parallel lists (no object per token: exports handle millions)."""

    words: list[str]
    starts: list[int]
    ends: list[int]
    recorded: bool = False  # the document's own tokens, recorded by an import

    def __len__(self) -> int:
        return len(self.words)

    def as_tokens(self) -> list[Token]:
        return [Token(s, e) for s, e in zip(self.starts, self.ends, strict=True)]


# The core tokenisers' patterns, as one capturing group: ``split`` then gives
# [gap, token, gap, token, ..., gap] in one call, and the offsets follow from the lengths.
_SPLITTERS = {
    "arabic": regex.compile(f"({_ARABIC_AWARE.pattern})"),
    "whitespace": regex.compile(f"({_WHITESPACE.pattern})"),
}


def split_text(text: str, method: str) -> Tokens:
    """The same tokens as :func:`annotator.core.tokenize.tokenize`, as parallel lists."""
    fast = _fast_splitters()
    splitter = _SPLITTERS[method]
    if fast is not None and fast.unsafe.search(text) is None:
        splitter = fast.patterns[method]
    flat = splitter.split(text)
    lengths = list(accumulate(map(len, flat)))
    return Tokens(flat[1::2], lengths[0:-1:2], lengths[1::2])


# -- the fast path: the same tokens from the standard library's re, for the usual characters -----
#
# ``regex`` needs Unicode properties and grapheme clusters (\X); ``re`` matching explicit
# character ranges is about twice as fast. The ranges are read from ``regex`` itself, for the
# blocks news text is written in (Latin, Arabic and its supplements and presentation forms,
# general punctuation). A text with any other character (emoji, other scripts), or with a
# character whose grapheme cluster rules go beyond "a character and the marks after it" (prepended
# concatenation marks such as U+0600, Hangul jamo, regional indicators, extended pictographics
# that a ZWJ can join), is split by ``regex`` as before. Within the blocks, \X at a character that
# is neither a word character nor a space is that character and the Extend/ZWJ/SpacingMark
# characters after it (a control character: itself alone), which is what the pattern below says.

_FAST_BLOCKS = (
    (0x0000, 0x024F),
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08FF),
    (0x2000, 0x206F),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)


@dataclass(frozen=True, slots=True)
class _FastSplitters:
    unsafe: re.Pattern[str]  # finds a character the fast patterns do not handle
    patterns: dict[str, re.Pattern[str]]


def _ranges(chars: Iterable[str]) -> str:
    """A character class body (without brackets) for ``chars``, as escaped ranges."""
    points = sorted(ord(ch) for ch in chars)
    out: list[str] = []
    i = 0
    while i < len(points):
        j = i
        while j + 1 < len(points) and points[j + 1] == points[j] + 1:
            j += 1
        first, last = chr(points[i]), chr(points[j])
        out.append(re.escape(first) if i == j else f"{re.escape(first)}-{re.escape(last)}")
        i = j + 1
    return "".join(out)


@cache
def _fast_splitters() -> _FastSplitters | None:
    word = regex.compile(_WORD)
    space = regex.compile(r"\s")
    control = regex.compile(r"\p{Grapheme_Cluster_Break=Control}")
    extend = regex.compile(
        r"[\p{Grapheme_Cluster_Break=Extend}\p{Grapheme_Cluster_Break=ZWJ}\p{Grapheme_Cluster_Break=SpacingMark}]"
    )
    special = regex.compile(
        r"[\p{Grapheme_Cluster_Break=Prepend}\p{Grapheme_Cluster_Break=L}\p{Grapheme_Cluster_Break=V}"
        r"\p{Grapheme_Cluster_Break=T}\p{Grapheme_Cluster_Break=LV}\p{Grapheme_Cluster_Break=LVT}"
        r"\p{Grapheme_Cluster_Break=Regional_Indicator}\p{Extended_Pictographic}]"
    )
    safe, words, spaces, controls, others, extenders = [], [], [], [], [], []
    for first, last in _FAST_BLOCKS:
        for point in range(first, last + 1):
            ch = chr(point)
            if special.match(ch):
                continue
            safe.append(ch)
            if extend.match(ch):
                extenders.append(ch)
            if word.fullmatch(ch):
                words.append(ch)
            elif space.match(ch):
                spaces.append(ch)
            elif control.match(ch):
                controls.append(ch)
            else:
                others.append(ch)
    if not set(extenders) <= set(words):  # the pattern relies on it (true of every Unicode version so far)
        return None
    w, c, o, e, s = (_ranges(x) for x in (words, controls, others, extenders, spaces))
    return _FastSplitters(
        re.compile(f"[^{_ranges(safe)}]"),
        {
            "arabic": re.compile(f"([{w}]+|[{c}]|[{o}][{e}]*)"),
            "whitespace": re.compile(f"([^{s}]+)"),
        },
    )


def cut(tokens: Tokens, text: str, cuts: Iterable[int]) -> Tokens:
    """Split (in place) every token that strictly contains one of ``cuts`` at that offset, as
    :func:`annotator.core.tokenize.split_at` does; the work is per cut, not per token."""
    words, starts, ends = tokens.words, tokens.starts, tokens.ends
    for offset in sorted(set(cuts), reverse=True):  # right to left: indexes to the left stay valid
        i = bisect_right(starts, offset) - 1
        if i >= 0 and offset < ends[i] and offset > starts[i]:
            words[i : i + 1] = [text[starts[i] : offset], text[offset : ends[i]]]
            starts.insert(i + 1, offset)
            ends.insert(i, offset)
    return tokens


def recorded_tokens(document: Document) -> Tokens | None:
    """The tokens an import recorded in the document's meta, or None (also when they do not fit)."""
    value: Any = document.meta.get(META_TOKENS)
    text = document.text
    if value == "whitespace":
        tokens = split_text(text, "whitespace")
        tokens.recorded = True
        return tokens
    if not isinstance(value, list):
        return None
    starts: list[int] = []
    ends: list[int] = []
    last = 0
    for pair in value:
        if (
            not isinstance(pair, list | tuple)
            or len(pair) != 2
            or not all(isinstance(x, int) and not isinstance(x, bool) for x in pair)
            or not last <= pair[0] < pair[1] <= len(text)
        ):
            return None  # not ours, or damaged: fall back to the tokenizer
        starts.append(pair[0])
        ends.append(pair[1])
        last = pair[1]
    return Tokens([text[s:e] for s, e in zip(starts, ends, strict=True)], starts, ends, recorded=True)


def recorded_sentence_starts(document: Document) -> set[int] | None:
    """Where an imported document's sentences began (character offsets of their first tokens), when
    the import recorded them because they were not simply its lines."""
    value: Any = document.meta.get(META_SENTENCES)
    if not isinstance(value, list) or not all(isinstance(x, int) and not isinstance(x, bool) for x in value):
        return None
    return set(value)


def document_tokens(document: Document, spans: Sequence[Span], tokenizer: str) -> Tokens:
    """Tokens for a token format: recorded ones or the tokenizer's, split at span edges unless
    the tokenizer is ``whitespace`` (which keeps words whole)."""
    tokens = recorded_tokens(document)
    if tokens is None:
        tokens = split_text(document.text, tokenizer)
    if tokenizer == "whitespace":
        return tokens
    return cut(tokens, document.text, [e for s in spans for e in (s.start, s.end)])


def merge_layers(spans: list[Span], layer: str | None, report: ExportReport) -> list[Span]:
    """Write identical spans (same offsets and label: the same span in several layers, or repeated
    in one) once, since a token format has no annotator names; count what that costs."""
    seen: dict[tuple[int, int, str], Span] = {}
    for span in spans:
        key = (span.start, span.end, span.label)
        if key in seen:
            report.lost[LOST_DUPLICATES] += 1
        else:
            seen[key] = span
    if layer is None and len({s.annotator for s in spans}) > 1:
        report.lost[LOST_ANNOTATOR_NAMES] += len(seen)
    return list(seen.values()) if len(seen) < len(spans) else spans


@dataclass
class Levels:
    """Spans placed in BIO tag layers: level 0 is strict BIO with the usual priority, each further
    level takes the spans that overlapped something in the levels before it."""

    tags: list[list[str]] = field(default_factory=list)  # one tag list per level
    kept: list[list[Span]] = field(default_factory=list)  # spans placed in each level
    ranges: list[tuple[int, int]] = field(default_factory=list)  # token range of every placed span
    widened: Counter[str] = field(default_factory=Counter)
    dropped_overlap: Counter[str] = field(default_factory=Counter)
    no_token: Counter[str] = field(default_factory=Counter)

    def count_into(self, report: ExportReport) -> None:
        for kept in self.kept:
            report.spans.update(s.label for s in kept)
        for key, counter in (
            (LOST_OVERLAP, self.dropped_overlap),
            (LOST_WIDENED, self.widened),
            (LOST_NO_TOKEN, self.no_token),
        ):
            total = sum(counter.values())
            if total:
                report.lost[key] += total


def nest_levels(tokens: Tokens, spans: Sequence[Span]) -> Levels:
    """Put ``spans`` into BIO layers by nesting depth over ``tokens``: level 0 the outermost spans,
    level 1 the spans inside them, and so on (Wojood's layout: a token's tags, outermost first).

    Spans are compared on their token ranges; of two with the same range the label first in
    alphabetical order is the outer one. A span that crosses the edge of one it starts inside
    has no depth: it is dropped and counted in ``dropped_overlap``.
    """
    starts, ends = tokens.starts, tokens.ends
    n = len(starts)
    levels = Levels()
    items = []
    for index, span in enumerate(spans):
        first, last = bisect_right(ends, span.start), bisect_left(starts, span.end)
        if first < last:
            items.append((first, -last, span.label, index))
        else:
            levels.no_token[span.label] += 1
    items.sort()
    open_ends: list[int] = []  # the last token (exclusive) of each open span, outermost first
    for first, minus_last, label, index in items:
        last = -minus_last
        while open_ends and open_ends[-1] <= first:
            open_ends.pop()
        if open_ends and open_ends[-1] < last:  # it crosses the end of the span it starts in
            levels.dropped_overlap[label] += 1
            continue
        depth = len(open_ends)
        while len(levels.tags) <= depth:
            levels.tags.append([OUTSIDE] * n)
            levels.kept.append([])
        tags = levels.tags[depth]
        tags[first] = "B-" + label
        if last - first > 1:
            tags[first + 1 : last] = ["I-" + label] * (last - first - 1)
        span = spans[index]
        if starts[first] != span.start or ends[last - 1] != span.end:
            levels.widened[label] += 1
        levels.kept[depth].append(span)
        levels.ranges.append((first, last))
        open_ends.append(last)
    if not levels.tags:
        levels.tags.append([OUTSIDE] * n)
        levels.kept.append([])
    return levels


def place_levels(tokens: Tokens, spans: Sequence[Span], max_levels: int) -> Levels:
    """Put ``spans`` into at most ``max_levels`` BIO layers over ``tokens`` (at least one layer).

    Each layer is what :func:`annotator.core.bio.spans_to_bio` makes of the spans left over by
    the layers before it (same priority: shorter spans first, then by position and label), done
    with slices instead of a loop over tokens.
    """
    if max_levels < 1:
        raise AnnotatorError(f"at least one tag column is needed, got {max_levels}")
    starts, ends = tokens.starts, tokens.ends
    n = len(starts)
    levels = Levels()
    items = []
    for index, span in enumerate(spans):
        first, last = bisect_right(ends, span.start), bisect_left(starts, span.end)
        if first < last:  # the index keeps equal keys in input order, as a stable sort would
            items.append((span.end - span.start, span.start, span.label, index, first, last))
        else:
            levels.no_token[span.label] += 1  # e.g. a span of spaces only
    items.sort()
    while True:
        tags = [OUTSIDE] * n
        owner = bytearray(n)
        kept: list[Span] = []
        rest = []
        for item in items:
            _, start, label, index, first, last = item
            if owner.find(1, first, last) != -1:
                rest.append(item)
                continue
            owner[first:last] = b"\x01" * (last - first)
            tags[first] = "B-" + label
            if last - first > 1:
                tags[first + 1 : last] = ["I-" + label] * (last - first - 1)
            span = spans[index]
            if starts[first] != start or ends[last - 1] != span.end:
                levels.widened[label] += 1
            kept.append(span)
            levels.ranges.append((first, last))
        levels.tags.append(tags)
        levels.kept.append(kept)
        items = rest
        if not items:
            break
        if len(levels.tags) == max_levels:
            levels.dropped_overlap.update(item[2] for item in items)
            break
    return levels


def document_count(project: Project) -> int:
    return project.conn.execute("SELECT count(*) FROM documents").fetchone()[0]


def exported_labels(project: Project, layer: str | None, labels: dict[str, str] | None) -> list[str]:
    """The labels an export can contain (stored span labels of the layer, selected and renamed), sorted."""
    sql = "SELECT DISTINCT s.label FROM spans s"
    params: tuple[Any, ...] = ()
    if layer is not None:
        sql += " JOIN annotators a ON a.id = s.annotator_id WHERE a.name = ?"
        params = (layer,)
    names = {row[0] for row in project.conn.execute(sql, params)}
    if labels is not None:
        names = {labels[n] for n in names if n in labels}
    return sorted(names)
