"""The annotation data model: documents, spans and relations.

Offsets are Python code-point offsets into the stored document text, end exclusive:
``text[span.start:span.end]`` is always the span's surface text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.errors import OffsetError

DOCUMENT_STATUSES = ("new", "in_progress", "done")
REVIEW_STATES = ("unreviewed", "in_review", "adjudicated")
GOLD = "gold"
SUGGESTIONS = "~suggest"  # the layer of pending suggestions (assist/suggest.py), never exported with "all layers"


@dataclass(slots=True)
class Document:
    """A text as stored: logical order, newlines normalised to LF."""

    text: str
    ext_id: str
    title: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    id: int | None = None


@dataclass(slots=True)
class Span:
    """A labelled stretch of a document, in one annotator's layer."""

    start: int
    end: int
    label: str
    annotator: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)
    id: int | None = None
    document_id: int | None = None

    def text_in(self, text: str) -> str:
        """The surface text of this span inside ``text``."""
        return text[self.start : self.end]

    def check_against(self, text: str) -> None:
        """Raise OffsetError unless ``0 <= start < end <= len(text)``."""
        check_offsets(self.start, self.end, len(text))

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(slots=True)
class Relation:
    """A directed, labelled link between two spans (e.g. QUOTE -SAID_BY-> PER)."""

    head: int
    child: int
    label: str
    annotator: str = ""
    id: int | None = None
    document_id: int | None = None


def check_offsets(start: int, end: int, length: int) -> None:
    """Raise OffsetError unless the offsets describe a non-empty range inside a text of ``length``."""
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
        raise OffsetError(f"offsets must be integers, got start={start!r} end={end!r}")
    if start < 0:
        raise OffsetError(f"start {start} is negative")
    if end > length:
        raise OffsetError(f"end {end} is past the end of the text (length {length})")
    if start >= end:
        raise OffsetError(f"start {start} is not before end {end}")
