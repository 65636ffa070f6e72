"""Spans <-> token tags (BIO), with an account of everything that does not fit.

BIO holds one label per token, so overlapping spans cannot all be kept, and a span whose edges are
not token edges must be widened. :func:`spans_to_bio` chooses, reports and never drops silently.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from annotator.core.model import Span
from annotator.core.tokenize import Token

OUTSIDE = "O"


@dataclass
class BioResult:
    tags: list[str]
    kept: list[Span] = field(default_factory=list)
    dropped_overlap: Counter[str] = field(default_factory=Counter)  # per label
    widened: Counter[str] = field(default_factory=Counter)  # per label
    dropped_no_token: Counter[str] = field(default_factory=Counter)  # span covers no token


def token_range(tokens: Sequence[Token], start: int, end: int) -> tuple[int, int]:
    """Index range [first, last) of the tokens that intersect ``[start, end)``."""
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    return bisect_right(ends, start), bisect_left(starts, end)


def spans_to_bio(
    tokens: Sequence[Token],
    spans: Sequence[Span],
    *,
    priority: Callable[[Span], tuple] | None = None,
) -> BioResult:
    """BIO tags for ``tokens``; spans are taken in ``priority`` order and any that would overlap an
    already-placed span is dropped (counted per label). Default priority: shorter spans first (so
    entities nested in a quote are kept), then by position."""
    order = sorted(spans, key=priority or (lambda s: (s.end - s.start, s.start, s.label)))
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    tags = [OUTSIDE] * len(tokens)
    owner: list[Span | None] = [None] * len(tokens)
    result = BioResult(tags)
    for span in order:
        first, last = bisect_right(ends, span.start), bisect_left(starts, span.end)
        if first >= last:
            result.dropped_no_token[span.label] += 1
            continue
        if any(owner[i] is not None for i in range(first, last)):
            result.dropped_overlap[span.label] += 1
            continue
        if tokens[first].start != span.start or tokens[last - 1].end != span.end:
            result.widened[span.label] += 1
        for i in range(first, last):
            owner[i] = span
            tags[i] = ("B-" if i == first else "I-") + span.label
        result.kept.append(span)
    result.kept.sort(key=lambda s: (s.start, s.end))
    return result


@dataclass
class BioProblem:
    index: int  # token index
    message: str


# BILOU (spaCy's older scheme) names BIOES's E and S "last" and "unit".
_BILOU = {"L": "E", "U": "S"}


def bio_to_spans(
    tokens: Sequence[Token], tags: Sequence[str], *, repair: bool = True
) -> tuple[list[tuple[int, int, str]], list[BioProblem]]:
    """Spans (start, end, label) from BIO (or IOB1/BIOES/BILOU-tolerant) tags over ``tokens``.

    An ``I-X`` that does not continue an ``X`` span is a problem; with ``repair`` it starts a new
    span (as most readers do), and the problem is still returned so it can be reported.
    """
    spans: list[tuple[int, int, str]] = []
    problems: list[BioProblem] = []
    current: list = []  # [start, end, label]
    for i, (token, tag) in enumerate(zip(tokens, tags, strict=True)):
        if tag == OUTSIDE or tag == "":
            if current:
                spans.append(tuple(current))
                current = []
            continue
        prefix, _, label = tag.partition("-")
        prefix = _BILOU.get(prefix, prefix)
        if not label or prefix not in ("B", "I", "E", "S"):
            problems.append(BioProblem(i, f"malformed tag {tag!r}"))
            if current:
                spans.append(tuple(current))
                current = []
            continue
        if prefix in ("B", "S") or not current or current[2] != label:
            if prefix in ("I", "E") and (not current or current[2] != label):
                problems.append(BioProblem(i, f"{tag} does not continue a {label} span (I- without B-)"))
                if not repair:
                    if current:
                        spans.append(tuple(current))
                        current = []
                    continue
            if current:
                spans.append(tuple(current))
            current = [token.start, token.end, label]
        else:
            current[1] = token.end
        if prefix in ("E", "S"):  # BIOES: the span ends here
            spans.append(tuple(current))
            current = []
    if current:
        spans.append(tuple(current))
    return spans, problems
