"""Plain-text helpers shared by importers and views."""

from __future__ import annotations

import hashlib
import unicodedata


def content_hash(text: str) -> str:
    """A stable fingerprint of a document's text (used to match documents across projects)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def first_line_title(text: str, limit: int = 80) -> str:
    """A title made from the first non-empty line, cut at a word boundary near ``limit``."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            if len(line) <= limit:
                return line
            cut = line.rfind(" ", 0, limit)
            return line[: cut if cut > limit // 2 else limit] + "…"
    return ""


def is_control_free(text: str) -> bool:
    """True if ``text`` holds no C0/C1 control characters other than tab and newlines."""
    return not any(unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f" for ch in text)
