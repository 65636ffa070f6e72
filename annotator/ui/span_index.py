"""A static index of spans answering "which spans touch offsets [a, b)?" in O(log n + k).

The document view asks it, on every scroll, for the spans of the visible blocks only. Spans are
kept sorted by start (so ``bisect`` finds the ones that *start* in a range) in a centred interval
tree: each node holds the spans that contain its centre, sorted by start and by end, so the spans
that *cross* into a range from before it are found without scanning the ones that do not.

Pure Python (no Qt): it works on code-point offsets, like the stored spans.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from annotator.core.model import Span


@dataclass(slots=True)
class _Node:
    centre: int
    by_start: list[Span]  # spans containing centre, ascending start
    by_end: list[Span]  # the same spans, descending end
    left: _Node | None = None  # spans wholly before centre (end <= centre)
    right: _Node | None = None  # spans wholly after centre (start > centre)


def _sort_key(span: Span) -> tuple[int, int]:
    return (span.start, -span.end)


@dataclass(slots=True)
class SpanIndex:
    """Immutable index over a list of spans (code-point offsets, end exclusive)."""

    spans: list[Span] = field(default_factory=list)
    _root: _Node | None = None
    _starts: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, spans: Iterable[Span]) -> SpanIndex:
        ordered = sorted(spans, key=_sort_key)
        return cls(ordered, _build(ordered), [s.start for s in ordered])

    def __len__(self) -> int:
        return len(self.spans)

    def __iter__(self) -> Iterator[Span]:
        return iter(self.spans)

    def starting_in(self, start: int, end: int) -> list[Span]:
        """Spans whose start lies in [start, end), in start order (one bisect, then a slice)."""
        return self.spans[bisect_left(self._starts, start) : bisect_left(self._starts, end)]

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans with ``span.start < end and span.end > start``, ordered by (start, -end).

        An empty range (``start >= end``) touches no span.
        """
        if start >= end or self._root is None:
            return []
        found: list[Span] = []
        stack = [self._root]
        while stack:
            node = stack.pop()
            if end <= node.centre:
                # The range lies before the centre: node spans reach it iff they start before end.
                for span in node.by_start:
                    if span.start >= end:
                        break
                    found.append(span)
                if node.left is not None:
                    stack.append(node.left)
            elif start > node.centre:
                # The range lies after the centre: node spans reach it iff they end after start.
                for span in node.by_end:
                    if span.end <= start:
                        break
                    found.append(span)
                if node.right is not None:
                    stack.append(node.right)
            else:
                found.extend(node.by_start)  # start <= centre < end: every node span overlaps
                if node.left is not None:
                    stack.append(node.left)
                if node.right is not None:
                    stack.append(node.right)
        found.sort(key=_sort_key)
        return found

    def at(self, offset: int) -> list[Span]:
        """Spans covering the character at ``offset``."""
        return self.overlapping(offset, offset + 1)


def _build(spans: list[Span]) -> _Node | None:
    """Build the tree iteratively; ``spans`` is sorted by start. Each node's centre is the start
    of its median span, so every node is non-empty and each side holds at most half the spans."""
    if not spans:
        return None
    root: _Node | None = None
    # (spans of the subtree, parent node, which side of the parent)
    work: list[tuple[list[Span], _Node | None, str]] = [(spans, None, "")]
    while work:
        group, parent, side = work.pop()
        centre = group[len(group) // 2].start
        here, before, after = [], [], []
        for span in group:
            if span.end <= centre:
                before.append(span)
            elif span.start > centre:
                after.append(span)
            else:
                here.append(span)
        node = _Node(centre, here, sorted(here, key=lambda s: -s.end))
        if parent is None:
            root = node
        elif side == "left":
            parent.left = node
        else:
            parent.right = node
        if before:
            work.append((before, node, "left"))
        if after:
            work.append((after, node, "right"))
    return root
