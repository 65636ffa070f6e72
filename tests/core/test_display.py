"""core.display.visual: Arabic shaped and reordered for surfaces that do neither (terminals, plots)."""

from __future__ import annotations

import unicodedata

import arabic_reshaper
import pytest
from bidi.algorithm import get_display

from annotator.core.display import has_arabic, visual


def _presentation_forms(text: str) -> list[str]:
    """Characters from the Arabic Presentation Forms-A and -B blocks."""
    return [ch for ch in text if "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff"]


def _arabic_letters(text: str) -> list[str]:
    return [ch for ch in text if "\u0600" <= ch <= "\u06ff"]


@pytest.mark.parametrize("text", ["بوتين", "الكرملين", "قال بوتين إن روسيا تريد ضمانات", "مسيّرة", "لأوكرانيا"])
def test_arabic_is_reshaped_and_reversed_like_the_reference_libraries(text: str) -> None:
    expected = get_display(arabic_reshaper.reshape(text))
    assert visual(text) == expected
    assert visual(text) != text


def test_visual_arabic_is_made_of_presentation_forms_not_base_letters() -> None:
    shaped = visual("قال الكرملين")
    assert _presentation_forms(shaped)
    assert all("\ufe70" <= ch <= "\ufeff" for ch in shaped if ch != " ")
    assert not _arabic_letters(shaped)  # every base letter became a contextual form


def test_visual_order_is_the_logical_order_reversed_for_a_single_word() -> None:
    word = "بوتين"
    shaped = visual(word)
    assert shaped == arabic_reshaper.reshape(word)[::-1]
    # the first letter of the word, ب in its initial form, is drawn last (rightmost)
    assert unicodedata.name(shaped[-1]) == "ARABIC LETTER BEH INITIAL FORM"
    assert unicodedata.name(shaped[0]) == "ARABIC LETTER NOON FINAL FORM"


def test_lam_alef_becomes_one_ligature() -> None:
    shaped = visual("لا")
    assert len(shaped) == 1
    assert unicodedata.name(shaped).startswith("ARABIC LIGATURE LAM WITH ALEF")


def test_mixed_text_keeps_latin_and_digits_readable_left_to_right() -> None:
    text = "قال Joe Biden في 2024"
    shaped = visual(text)
    assert shaped == get_display(arabic_reshaper.reshape(text))
    assert "Joe Biden" in shaped and "2024" in shaped
    assert _presentation_forms(shaped)


@pytest.mark.parametrize("text", ["", "Hello, world", "NATO 2024 (Reuters)\nline two", "😀 👍🏽 🇸🇦", "ab\u200ccd"])
def test_text_without_arabic_is_unchanged(text: str) -> None:
    assert not has_arabic(text)
    assert visual(text) == text


def test_each_line_is_reordered_on_its_own() -> None:
    first, second = "الكرملين", "بيان رسمي"
    shaped = visual(f"{first}\n{second}")
    assert shaped.split("\n") == [visual(first), visual(second)]


def test_has_arabic_finds_arabic_script_in_any_position() -> None:
    assert has_arabic("Kremlin الكرملين")
    assert has_arabic("2024 مسيّرة")
    assert not has_arabic("Kremlin 2024 😀")
