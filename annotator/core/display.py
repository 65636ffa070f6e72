"""Arabic for surfaces that cannot shape: terminals without bidi, matplotlib, Pillow.

Qt shapes Arabic itself and must be given logical text; only these other surfaces get text
reshaped into presentation forms (arabic-reshaper) and put in visual order (python-bidi).
"""

from __future__ import annotations

import arabic_reshaper
import regex
from bidi.algorithm import get_display

_ARABIC = regex.compile(r"[\p{Script=Arabic}]")


def has_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


def visual(text: str) -> str:
    """``text`` shaped and reordered for a left-to-right surface that does no shaping or bidi."""
    if not has_arabic(text):
        return text
    return "\n".join(get_display(arabic_reshaper.reshape(line)) for line in text.split("\n"))
