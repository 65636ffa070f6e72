"""Offsets: the one place where Qt positions and stored code-point offsets meet.

Stored offsets are Python code points into the stored text. Qt's QTextDocument, given the same
text with ``setPlainText``, counts UTF-16 code units (a character outside the BMP is two), turns
each CRLF, CR or LF into a single U+2029 paragraph separator, and drops a leading BOM.
:class:`QtPositionMap` converts between the two in O(log k), where k is the number of characters
that make the two counts differ, so it stays fast on multi-megabyte documents.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import regex

PARAGRAPH_SEPARATOR = "\u2029"
BOM = "\ufeff"

# Each match is a place where Qt's count and ours differ: an astral character (Qt: 2 units)
# or the CR of a CRLF pair (Qt: the pair is 1 unit).
_IRREGULAR = re.compile(r"[\U00010000-\U0010FFFF]|\r(?=\n)")  # stdlib re: twice as fast here


@dataclass(frozen=True, slots=True)
class QtPositionMap:
    """Converts between code-point offsets in ``text`` and Qt document positions for it."""

    text: str
    _astral: tuple[int, ...]
    _crlf: tuple[int, ...]
    _bom: int

    @classmethod
    def for_text(cls, text: str) -> QtPositionMap:
        astral: list[int] = []
        crlf: list[int] = []
        for match in _IRREGULAR.finditer(text):
            (crlf if match.group() == "\r" else astral).append(match.start())
        return cls(text, tuple(astral), tuple(crlf), 1 if text.startswith(BOM) else 0)

    @property
    def qt_length(self) -> int:
        """Number of Qt positions the text occupies (excluding the final implicit block end)."""
        return self.to_qt(len(self.text))

    def to_qt(self, offset: int) -> int:
        """Qt position of code-point ``offset`` (0 <= offset <= len(text))."""
        if offset < 0 or offset > len(self.text):
            raise ValueError(f"offset {offset} outside 0..{len(self.text)}")
        extra = bisect_left(self._astral, offset)  # astral chars wholly before offset
        # A CR at index i collapses with its LF: positions after i shift back by one.
        # An offset that points between CR and LF maps to the start of the paragraph break.
        fewer = bisect_left(self._crlf, offset)
        bom = self._bom if offset > 0 else 0
        return offset + extra - fewer - bom

    def from_qt(self, position: int) -> int:
        """Code-point offset of Qt ``position``; a position inside a surrogate pair rounds down."""
        if position < 0:
            raise ValueError(f"position {position} is negative")
        lo, hi = 0, len(self.text)
        # to_qt is monotonic non-decreasing: binary search for the last offset mapping <= position.
        if position >= self.to_qt(hi):
            if position > self.to_qt(hi):
                raise ValueError(f"position {position} past the end (Qt length {self.to_qt(hi)})")
            return self._after_crlf(hi)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.to_qt(mid) <= position:
                lo = mid
            else:
                hi = mid - 1
        return self._after_crlf(lo)

    def _after_crlf(self, offset: int) -> int:
        """Never land between the CR and LF of a pair: prefer the position before the CR."""
        i = bisect_right(self._crlf, offset - 1) - 1
        if i >= 0 and self._crlf[i] == offset - 1:
            return offset - 1
        return offset

    def qt_text(self) -> str:
        """The text as QTextDocument.toPlainText() would hold it, paragraph breaks as U+2029."""
        text = self.text[self._bom :]
        return (
            text.replace("\r\n", PARAGRAPH_SEPARATOR)
            .replace("\r", PARAGRAPH_SEPARATOR)
            .replace("\n", PARAGRAPH_SEPARATOR)
        )


def utf16_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


@dataclass(frozen=True, slots=True)
class NewlineNormalisation:
    """Result of CRLF/CR -> LF normalisation, able to move offsets from the old text to the new."""

    text: str
    removed: tuple[int, ...]  # indices, in the original text, of each CR dropped (from CRLF pairs)
    style: str  # "lf", "crlf", "cr", "mixed" or "none"

    def map_offset(self, offset: int) -> int:
        """Move an offset in the original text to the normalised text."""
        return offset - bisect_left(self.removed, offset)


def normalise_newlines(text: str) -> NewlineNormalisation:
    """Turn CRLF and lone CR into LF, as the project stores text; report the original style."""
    if "\r" not in text:
        return NewlineNormalisation(text, (), "lf" if "\n" in text else "none")
    removed = tuple(m.start() for m in regex.finditer(r"\r(?=\n)", text))
    has_cr_alone = bool(regex.search(r"\r(?!\n)", text))
    has_lf_alone = bool(regex.search(r"(?<!\r)\n", text))
    kinds = [k for k, present in (("crlf", bool(removed)), ("cr", has_cr_alone), ("lf", has_lf_alone)) if present]
    style = kinds[0] if len(kinds) == 1 else "mixed"
    return NewlineNormalisation(text.replace("\r\n", "\n").replace("\r", "\n"), removed, style)
