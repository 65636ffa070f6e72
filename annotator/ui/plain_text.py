"""Plain text for surfaces Qt may read as HTML (tooltips from item models, QToolTip).

Qt shows a tooltip as rich text when ``Qt.mightBeRichText`` guesses so, and item-model tooltips
cannot be told otherwise. User text (a span's surface, a title) must never be interpreted: a word
joiner (U+2060, invisible) after every ``<`` stops the guess, and the text reads the same.
"""

from __future__ import annotations

WORD_JOINER = "\u2060"


def plain_tooltip(text: str) -> str:
    """``text`` made safe to hand to a tooltip: shown literally, never as markup."""
    return text.replace("<", "<" + WORD_JOINER)
