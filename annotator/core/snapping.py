"""Turn a raw selection into clean span boundaries.

A selection is widened to whole grapheme clusters (a letter never loses its harakat or shadda,
an emoji never loses its modifier), then surrounding spaces and punctuation are trimmed. All of it
works on a small window around each edge, so it costs the same on a 5 MB document as on a tweet.
"""

from __future__ import annotations

import unicodedata

import regex

_GRAPHEME = regex.compile(r"\X")
_WINDOW = 64  # characters looked at on each side of an edge; clusters are far shorter


def _cluster_bounds(text: str, offset: int) -> tuple[int, int]:
    """Start and end of the grapheme cluster that contains ``text[offset]``."""
    lo = max(0, offset - _WINDOW)
    # Start the scan just after whitespace, if there is some: a cluster always begins there, unless
    # a combining mark follows (a haraka typed after a space belongs to the space's cluster).
    for i in range(offset, lo, -1):
        if text[i - 1] in " \n\t" and _GRAPHEME.match(text, i - 1).end() == i:
            lo = i
            break
    for match in _GRAPHEME.finditer(text, lo, min(len(text), offset + _WINDOW)):
        if match.start() <= offset < match.end():
            return match.start(), match.end()
    return offset, min(offset + 1, len(text))


def snap_to_graphemes(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` so that both edges fall on grapheme-cluster boundaries."""
    start = max(0, min(start, len(text)))
    end = max(0, min(end, len(text)))
    if start > end:
        start, end = end, start
    if start == end:
        return start, end
    new_start = _cluster_bounds(text, start)[0]
    new_end = _cluster_bounds(text, end - 1)[1]
    return new_start, new_end


def is_trimmable(ch: str) -> bool:
    """Spaces, control characters and punctuation (Latin and Arabic: ، ؛ ؟ « » ...) are trimmed.

    Tatweel (U+0640) is a letter modifier, not punctuation, and stays.
    """
    category = unicodedata.category(ch)
    return category[0] in "ZP" or (category in ("Cc", "Cf") and ch not in "\u200c\u200d")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past spaces and punctuation at either edge (may become empty)."""
    while start < end and is_trimmable(text[start]):
        start += 1
    while end > start and is_trimmable(text[end - 1]):
        end -= 1
    return start, end


def clean_selection(text: str, start: int, end: int) -> tuple[int, int]:
    """The default selection rule: snap to grapheme clusters, then trim spaces and punctuation.

    Returns an empty range (start == end) when nothing but spaces or punctuation was selected.
    """
    start, end = snap_to_graphemes(text, start, end)
    start, end = trim(text, start, end)
    if start < end:
        start, end = snap_to_graphemes(text, start, end)
    return start, end


def next_grapheme(text: str, offset: int) -> int:
    """The grapheme-cluster boundary after ``offset`` (``len(text)`` at the end)."""
    if offset >= len(text):
        return len(text)
    return _cluster_bounds(text, max(0, offset))[1]


def previous_grapheme(text: str, offset: int) -> int:
    """The grapheme-cluster boundary before ``offset`` (0 at the start)."""
    if offset <= 0:
        return 0
    return _cluster_bounds(text, min(offset, len(text)) - 1)[0]
