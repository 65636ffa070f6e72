"""Plain-text helpers: document titles and fingerprints."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.text import content_hash, first_line_title


def _title_by_splitting(text: str, limit: int = 80) -> str:
    """The definition: the first line (as str.splitlines() sees lines) that is not blank, stripped."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            if len(line) <= limit:
                return line
            cut = line.rfind(" ", 0, limit)
            return line[: cut if cut > limit // 2 else limit] + "…"
    return ""


def test_the_title_is_the_first_non_blank_line_stripped() -> None:
    assert first_line_title("\n  \r\n\u2028  قال المتحدث  \nسطر ثان") == "قال المتحدث"
    assert first_line_title(" \t\n\u00a0") == ""
    assert first_line_title("") == ""


def test_a_long_first_line_is_cut_at_a_word_boundary() -> None:
    line = "كلمة " * 40
    title = first_line_title(line)
    assert title.endswith("…") and len(title) <= 81 and not title[:-1].endswith(" كلم")
    assert title[:-1] == line[: line.rfind(" ", 0, 80)]


@given(st.text(alphabet=st.sampled_from(list("ab ق\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029\u00a0\u3000")), max_size=300))
def test_the_title_matches_the_first_non_blank_line_of_splitlines(text: str) -> None:
    assert first_line_title(text) == _title_by_splitting(text)
    assert first_line_title(text, limit=5) == _title_by_splitting(text, limit=5)


def test_the_content_hash_depends_only_on_the_text() -> None:
    assert content_hash("نص") == content_hash("نص") != content_hash("نص ")
    assert len(content_hash("")) == 32
