"""A static index of spans answering "which spans touch offsets [a, b)?" in O(log n + k).

The document view asks it, on every scroll, for the spans of the visible blocks only. Spans are
kept sorted by start (so ``bisect`` finds the ones that *start* in a range) in a centred interval
tree: each node holds the spans that contain its centre, sorted by start and by end, so the spans
that *cross* into a range from before it are found without scanning the ones that do not.

:class:`SpanSet` wraps it for editing: spans added, changed or removed go into a small overlay
until it is worth rebuilding the index.

Pure Python (no Qt): it works on code-point offsets, like the stored spans.
"""

from __future__ import annotations

import gc
from bisect import bisect_left, bisect_right, insort
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
        # The build allocates many small objects and nothing cyclic: the cyclic garbage collector
        # would otherwise run dozens of times during it (about half the time on 50,000 spans).
        enabled = gc.isenabled()
        gc.disable()
        try:
            ordered = sorted(spans, key=_sort_key)
            return cls(ordered, _build(ordered), [s.start for s in ordered])
        finally:
            if enabled:
                gc.enable()

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


def _key(span: Span) -> tuple[int, int, int]:
    return (span.start, -span.end, span.id if span.id is not None else -1)


class SpanSet:
    """The spans of one document, editable in place: a static :class:`SpanIndex` plus a small
    overlay of the spans added, changed or removed since it was built.

    An edit costs O(overlay) for queries instead of rebuilding the index (0.2 s for 50,000
    spans), and keeps the sorted list up to date in place; the index is rebuilt once the overlay
    grows past ``REBUILD_AFTER`` changes. The sorted list and the id lookup are built on first
    use, so showing a document costs no more than the index. Spans are edited by id, so only spans with an id (the
    stored ones) can be replaced or removed.
    """

    REBUILD_AFTER = 256

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self._rebuild(list(spans))

    def _rebuild(self, spans: list[Span]) -> None:
        self._base = SpanIndex.build(spans)
        self._removed: set[int] = set()  # ids of base spans no longer current
        self._extra: dict[int, Span] = {}  # current spans not in the base (by id)
        # Both built on first use: opening a document needs neither (only the visible spans).
        self._by_id_cache: dict[int, Span] | None = None
        self._sorted: list[Span] | None = None

    def __len__(self) -> int:
        return len(self.spans)

    def __iter__(self) -> Iterator[Span]:
        return iter(self.spans)

    @property
    def spans(self) -> list[Span]:
        """Every current span, ordered by (start, -end, id); do not modify the list."""
        if self._sorted is None:
            kept = [s for s in self._base.spans if s.id not in self._removed] if self._removed else self._base.spans
            self._sorted = sorted([*kept, *self._extra.values()], key=_key)
        return self._sorted

    @property
    def _by_id(self) -> dict[int, Span]:
        if self._by_id_cache is None:
            self._by_id_cache = {s.id: s for s in self.spans if s.id is not None}
        return self._by_id_cache

    def get(self, span_id: int | None) -> Span | None:
        return None if span_id is None else self._by_id.get(span_id)

    def put(self, span: Span) -> None:
        """Add ``span``, or replace the span with its id."""
        if span.id is None:
            raise ValueError("only a span with an id can be put into a SpanSet")
        self._drop(span.id)
        self._extra[span.id] = span
        self._by_id[span.id] = span
        if self._sorted is not None:
            insort(self._sorted, span, key=_key)
        self._changed()

    def remove(self, span_id: int) -> Span | None:
        """Remove the span with ``span_id``; returns it (None if there was none)."""
        span = self._by_id.get(span_id)
        if span is not None:
            self._drop(span_id)
            del self._by_id[span_id]
            self._changed()
        return span

    def _drop(self, span_id: int) -> None:
        """Take the current span with ``span_id`` (if any) out of the overlay and the sorted list."""
        old = self._by_id.get(span_id)
        if old is None:
            return
        if self._extra.pop(span_id, None) is None:
            self._removed.add(span_id)
        if self._sorted is not None:
            i = bisect_left(self._sorted, _key(old), key=_key)
            if i < len(self._sorted) and self._sorted[i] is old:
                del self._sorted[i]
            else:  # never expected; sorting again is always right
                self._sorted = None

    def _changed(self) -> None:
        if len(self._extra) + len(self._removed) > self.REBUILD_AFTER:
            self._rebuild(self.spans)

    def overlapping(self, start: int, end: int) -> list[Span]:
        """As :meth:`SpanIndex.overlapping`, over the current spans."""
        found = self._base.overlapping(start, end)
        if not self._removed and not self._extra:
            return found
        if self._removed:
            found = [s for s in found if s.id not in self._removed]
        found.extend(s for s in self._extra.values() if s.start < end and s.end > start and start < end)
        found.sort(key=_sort_key)
        return found

    def at(self, offset: int) -> list[Span]:
        return self.overlapping(offset, offset + 1)

    def after(self, span: Span | None, offset: int) -> Span | None:
        """The span following ``span`` in (start, -end, id) order, or the first starting at or after
        ``offset`` when ``span`` is None."""
        ordered = self.spans
        if span is None:
            i = bisect_left(ordered, offset, key=lambda s: s.start)
            return ordered[i] if i < len(ordered) else None
        i = bisect_right(ordered, _key(span), key=_key)
        return ordered[i] if i < len(ordered) else None

    def before(self, span: Span | None, offset: int) -> Span | None:
        """The span preceding ``span`` in (start, -end, id) order, or the last starting before
        ``offset`` when ``span`` is None."""
        ordered = self.spans
        if span is None:
            i = bisect_left(ordered, offset, key=lambda s: s.start)
        else:
            i = bisect_left(ordered, _key(span), key=_key)
        return ordered[i - 1] if i > 0 else None
