"""Plain-text helpers shared by importers and views."""

from __future__ import annotations

import hashlib
import re
import unicodedata


def content_hash(text: str) -> str:
    """A stable fingerprint of a document's text (used to match documents across projects)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


# str.splitlines() breaks lines at these; every one of them is also whitespace (str.isspace()).
_LINE_BREAK = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_NON_SPACE = re.compile(r"\S")


def first_line_title(text: str, limit: int = 80) -> str:
    """A title made from the first non-empty line, cut at a word boundary near ``limit``.

    Reads only as far as the end of that line (importers call it for every document).
    """
    found = _NON_SPACE.search(text)
    if found is None:
        return ""
    start = found.start()  # line breaks are whitespace, so this is on the first non-empty line
    brk = _LINE_BREAK.search(text, start)
    line = text[start : brk.start() if brk else len(text)].rstrip()
    if len(line) <= limit:
        return line
    cut = line.rfind(" ", 0, limit)
    return line[: cut if cut > limit // 2 else limit] + "…"


def is_control_free(text: str) -> bool:
    """True if ``text`` holds no C0/C1 control characters other than tab and newlines."""
    return not any(unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f" for ch in text)
