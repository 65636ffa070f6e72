"""Arabic text helpers for matching: normalisation with an offset map, a proclitic analyser, and a
whole-word finder that looks through proclitics.

Every function here returns offsets into the ORIGINAL text, never into the normalised copy:
``normalise`` gives, for each character of the normalised string, the index of the original character
it came from, and everything else maps back through it.

Normalisation (for matching only; stored text is never changed):

- removed: harakat and other Arabic marks (U+064B-U+065F, U+0670, U+0610-U+061A, Quranic marks
  U+06D6-U+06ED), tatweel U+0640, ZWNJ/ZWJ;
- folded: أ إ آ ٱ -> ا (``fold_alef``), ى -> ي (``fold_ya``), ة -> ه (``fold_ta_marbuta``),
  optionally ؤ -> و and ئ -> ي (``fold_hamza``); Persian keheh/yeh ک ی -> ك ي; Arabic-Indic digits
  -> ASCII digits (``fold_digits``); Latin letters lower-cased (``lower``).
- a hamza or madda written as a combining mark (ا + U+0654) is treated like the precomposed letter
  (أ), so decomposed and precomposed spellings match.

Proclitics: a conjunction (و ف), then a preposition (ب ل ك), then the article ال, each optional, in
that order; ل + ال is written لل (للحلف = ل + الحلف). The analyser lists every reading whose stem keeps
at least ``min_stem`` letters; it cannot know whether the first letter of وزير is a conjunction, so its
results are *candidates*: callers decide with evidence (``choose_stem``) or ask the annotator.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable
from typing import NamedTuple

import regex

# ---------------------------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------------------------

_REMOVED_RANGES = (
    (0x0610, 0x061A),  # Arabic signs above/below (honorifics...)
    (0x064B, 0x065F),  # harakat, shadda, sukun, combining hamza/madda...
    (0x0670, 0x0670),  # superscript alef
    (0x06D6, 0x06DC),  # Quranic annotation marks
    (0x06DF, 0x06E4),
    (0x06E7, 0x06E8),
    (0x06EA, 0x06ED),
)
TATWEEL = "\u0640"
_JOINERS = "\u200c\u200d"
_REMOVED_RUN = re.compile(
    "[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _REMOVED_RANGES) + TATWEEL + _JOINERS + "]+"
)
REMOVED_CHARS = frozenset(chr(c) for lo, hi in _REMOVED_RANGES for c in range(lo, hi + 1)) | frozenset(
    TATWEEL + _JOINERS
)

_COMBINING_HAMZA = {"\u0653": "madda", "\u0654": "above", "\u0655": "below"}
_COMBINING_HAMZA_RE = re.compile("[\u0653\u0654\u0655]")
# base letter + combining hamza/madda -> precomposed letter
_COMPOSE = {
    ("ا", "\u0653"): "آ",
    ("ا", "\u0654"): "أ",
    ("ا", "\u0655"): "إ",
    ("و", "\u0654"): "ؤ",
    ("ي", "\u0654"): "ئ",
    ("ى", "\u0654"): "ئ",
}
_ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
_EXTENDED_INDIC = "۰۱۲۳۴۵۶۷۸۹"

_WORDCHAR = regex.compile(r"[\p{L}\p{M}\p{N}\u0640\u200c\u200d]")


def is_word_char(ch: str) -> bool:
    """True for the characters the tokeniser keeps inside words (letters, marks, digits, tatweel, ZWNJ/ZWJ)."""
    return bool(_WORDCHAR.match(ch))


def _fold_table(
    *, fold_alef: bool, fold_ya: bool, fold_ta_marbuta: bool, fold_hamza: bool, fold_digits: bool
) -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(ch): None for ch in REMOVED_CHARS}
    table[ord("ٱ")] = "ا"  # alef wasla is always a plain alef for matching
    table[ord("ک")] = "ك"
    table[ord("ی")] = "ي"
    if fold_alef:
        for ch in "أإآ":
            table[ord(ch)] = "ا"
    if fold_ya:
        table[ord("ى")] = "ي"
    if fold_ta_marbuta:
        table[ord("ة")] = "ه"
    if fold_hamza:
        table[ord("ؤ")] = "و"
        table[ord("ئ")] = "ي"
    if fold_digits:
        for i, (a, b) in enumerate(zip(_ARABIC_INDIC, _EXTENDED_INDIC, strict=True)):
            table[ord(a)] = str(i)
            table[ord(b)] = str(i)
    return table


_TABLES: dict[tuple[bool, ...], dict[int, str | None]] = {}


def _table(flags: tuple[bool, bool, bool, bool, bool]) -> dict[int, str | None]:
    table = _TABLES.get(flags)
    if table is None:
        fold_alef, fold_ya, fold_ta_marbuta, fold_hamza, fold_digits = flags
        table = _fold_table(
            fold_alef=fold_alef,
            fold_ya=fold_ya,
            fold_ta_marbuta=fold_ta_marbuta,
            fold_hamza=fold_hamza,
            fold_digits=fold_digits,
        )
        _TABLES[flags] = table
    return table


def normalise(
    text: str,
    *,
    fold_hamza: bool = False,
    fold_alef: bool = True,
    fold_ya: bool = True,
    fold_ta_marbuta: bool = True,
    fold_digits: bool = True,
    lower: bool = True,
) -> tuple[str, list[int]]:
    """The matching form of ``text`` and, for each of its characters, the index in ``text`` it came from.

    ``len(mapping) == len(normalised)`` and ``mapping`` is non-decreasing. A character dropped by the
    normalisation (a haraka, tatweel) has no entry; to map a match ``[ns, ne)`` of the normalised
    string back use :func:`to_original`.
    """
    flags = (fold_alef, fold_ya, fold_ta_marbuta, fold_hamza, fold_digits)
    table = _table(flags)
    out = text.translate(table)
    if lower:
        lowered = out.lower()
        if len(lowered) != len(out):  # a character whose lower case is longer (İ)
            return _normalise_slow(text, table, lower=lower)
        out = lowered
    if len(out) == len(text):
        return out, list(range(len(text)))
    # Kept characters between the dropped ones, as ranges (dropped characters are rare).
    mapping: list[int] = []
    kept_from = 0
    for match in _REMOVED_RUN.finditer(text):
        mapping.extend(range(kept_from, match.start()))
        kept_from = match.end()
    mapping.extend(range(kept_from, len(text)))
    if "\u0653" in text or "\u0654" in text or "\u0655" in text:
        out = _compose_hamza(text, out, mapping, table, lower=lower)
    return out, mapping


def _compose_hamza(text: str, out: str, mapping: list[int], table: dict[int, str | None], *, lower: bool) -> str:
    """A hamza or madda written as a combining mark makes the letter before it the precomposed one
    (ا + U+0654 -> أ), folded like it."""
    pieces: list[str] = []
    done = 0  # out[:done] is in pieces
    for match in _COMBINING_HAMZA_RE.finditer(text):
        j = bisect_left(mapping, match.start()) - 1
        if j < 0 or j < done - 1:
            continue
        composed = _COMPOSE.get((text[mapping[j]], match.group()))
        if composed is None:
            continue
        folded = composed.translate(table)
        if lower:
            folded = folded.lower()
        if len(folded) != 1:
            continue
        if j == done - 1:  # a second mark on the same letter: the last one wins
            pieces[-1] = folded
        else:
            pieces.append(out[done:j])
            pieces.append(folded)
            done = j + 1
    pieces.append(out[done:])
    return "".join(pieces)


def _normalise_slow(text: str, table: dict[int, str | None], *, lower: bool) -> tuple[str, list[int]]:
    chars: list[str] = []
    mapping: list[int] = []
    for i, ch in enumerate(text):
        if ch in _COMBINING_HAMZA and chars:
            # compose with the previous kept letter (skipping nothing: harakat come after hamza marks
            # in canonical order, and a mark before them was already dropped)
            j = len(chars) - 1
            base = text[mapping[j]]
            composed = _COMPOSE.get((base, ch))
            if composed is not None:
                folded = composed.translate(table)
                if folded:
                    chars[j] = folded.lower() if lower else folded
            continue
        folded = ch.translate(table)
        if not folded:
            continue
        if lower:
            folded = folded.lower()
        for f in folded:
            chars.append(f)
            mapping.append(i)
    return "".join(chars), mapping


def normalise_key(text: str, *, fold_hamza: bool = False) -> str:
    """The comparison key of ``text``: its normalised form with runs of whitespace made one space and
    the ends stripped. Two surfaces match when their keys are equal."""
    norm, _ = normalise(text, fold_hamza=fold_hamza)
    return " ".join(norm.split())


def to_original(text: str, mapping: list[int], ns: int, ne: int) -> tuple[int, int]:
    """Map the normalised range ``[ns, ne)`` (non-empty) back to ``text``.

    The start is the original index of the first normalised character; the end goes past the last
    one and past any dropped characters (harakat, shadda, tatweel) that follow it, so a letter never
    loses its marks. Marks belonging to a preceding letter are not taken in.
    """
    if ns >= ne:
        raise ValueError("empty normalised range")
    start = mapping[ns]
    end = mapping[ne - 1] + 1
    # a character that normalised to several (İ -> i̇) is covered whole
    while end < len(text) and text[end] in REMOVED_CHARS:
        end += 1
    return start, end


# ---------------------------------------------------------------------------------------------
# Proclitics
# ---------------------------------------------------------------------------------------------

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
ARTICLE = "ال"


class Stem(NamedTuple):
    """One reading of a word: ``word[offset:] == stem`` once the ``clitics`` before it are set aside.

    ``clitics`` are the proclitics in order, in plain letters (e.g. ``("و", "ب", "ال")``); the article
    after ل is listed as ``"ال"`` although its alef is not written (للحلف -> ("ل", "ال"), "حلف").
    """

    offset: int
    stem: str
    clitics: tuple[str, ...]


def _prefix_table() -> list[tuple[str, tuple[str, ...]]]:
    rows: list[tuple[str, tuple[str, ...]]] = []
    for conj in ("", *CONJUNCTIONS):
        for prep in ("", *PREPOSITIONS):
            for art in ("", ARTICLE):
                clitics = tuple(c for c in (conj, prep, art) if c)
                if not clitics:
                    continue
                written = conj + prep + ("ل" if (prep == "ل" and art) else art)
                rows.append((written, clitics))
    rows.sort(key=lambda row: (-len(row[0]), -len(row[1])))
    return rows


#: (written prefix, clitics), longest first: "وبال", "فبال", ..., "ولل", ..., "ال", "و", ...
PROCLITIC_PREFIXES: list[tuple[str, tuple[str, ...]]] = _prefix_table()
_PREFIX_CLITICS: dict[str, tuple[str, ...]] = dict(PROCLITIC_PREFIXES)


def _strip(text: str) -> tuple[str, list[int]]:
    """Marks, tatweel and joiners removed, alef wasla made plain; no other folding (the article is
    written with a plain alef, never أ إ آ; the conjunction is و, never ؤ)."""
    return normalise(
        text,
        fold_alef=False,
        fold_ya=False,
        fold_ta_marbuta=False,
        fold_hamza=False,
        fold_digits=False,
        lower=False,
    )


def clitics_of_prefix(prefix: str) -> tuple[str, ...] | None:
    """The clitics that ``prefix`` (the letters of a word before a stem, marks allowed) spells, or
    None if it is not a proclitic sequence."""
    stripped, _ = _strip(prefix)
    return _PREFIX_CLITICS.get(stripped)


def _letter_count(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha() or ch.isdigit())


def proclitic_stems(word: str, *, min_stem: int = 2) -> list[Stem]:
    """Candidate stems of ``word`` after its proclitics, longest clitic sequence first.

    ``word`` is one word (as the tokeniser cuts it); harakat and tatweel may appear anywhere, and
    a stem's offset is past the last clitic letter and its marks. Only readings whose stem keeps at
    least ``min_stem`` letters are listed. The word itself (no clitic) is not in the list.
    """
    stripped, mapping = _strip(word)
    out: list[Stem] = []
    for written, clitics in PROCLITIC_PREFIXES:
        n = len(written)
        if len(stripped) - n < min_stem or not stripped.startswith(written):
            continue
        if _letter_count(stripped[n:]) < min_stem:
            continue
        offset = mapping[n]
        out.append(Stem(offset, word[offset:], clitics))
    return out


def choose_stem(
    word: str,
    known: Callable[[str], bool] | Collection[str],
    *,
    keep_article: bool = True,
    min_stem: int = 2,
) -> Stem | None:
    """The reading of ``word`` that evidence supports, or None.

    ``known`` says whether a normalised key (:func:`normalise_key`) is an attested word (e.g. it
    occurs on its own in the document, or is the surface of an accepted span). With
    ``keep_article`` the article stays on the stem where it is written (بالقاهرة -> القاهرة), and a
    reading that drops a written article is not offered; where the article's alef is not written
    (للقاهرة) the stem without it is supported by the attested form with it (القاهرة).
    """
    is_known = known if callable(known) else known.__contains__
    for stem in readings(word, keep_article=keep_article, min_stem=min_stem):
        key = normalise_key(stem.stem)
        if is_known(key):
            return stem
        if stem.clitics[-1] == ARTICLE and is_known(normalise_key(ARTICLE + stem.stem)):
            return stem
    return None


def readings(word: str, *, keep_article: bool = True, min_stem: int = 2) -> list[Stem]:
    """:func:`proclitic_stems`, filtered for an annotation convention: with ``keep_article`` a
    reading that splits off a written article (ال, وال, بال...) is dropped, but the fused article of
    لل stays a clitic (it cannot be kept: its alef is not there)."""
    out = []
    for stem in proclitic_stems(word, min_stem=min_stem):
        if keep_article and stem.clitics[-1] == ARTICLE and "ل" not in stem.clitics[:-1]:
            continue
        out.append(stem)
    return out


# ---------------------------------------------------------------------------------------------
# Whole-word occurrences through proclitics
# ---------------------------------------------------------------------------------------------


class WordMatch(NamedTuple):
    """An occurrence: ``text[start:end]`` is the matched surface (the stem); the word around it runs
    from ``word_start``; ``clitics`` are the proclitics before the stem (empty for a whole word)."""

    start: int
    end: int
    word_start: int
    clitics: tuple[str, ...]


def _key_pattern(key: str) -> regex.Pattern[str]:
    parts = [regex.escape(part) for part in key.split(" ")]
    return regex.compile(r"\s+".join(parts))


def find_words(
    text: str,
    surface: str,
    *,
    clitics: bool = True,
    fold_hamza: bool = False,
    min_stem: int = 2,
    normalised: tuple[str, list[int]] | None = None,
) -> list[WordMatch]:
    """Occurrences of ``surface`` in ``text`` as a whole word or (with ``clitics``) after proclitics.

    Matching is on normalised forms (:func:`normalise`); a multi-word surface matches across any
    whitespace, and only its first word may carry proclitics. A match is never inside a longer word:
    letters right after it reject it, and letters before it must spell a proclitic sequence
    (و ف ب ل ك ال and their combinations). When the surface starts with the article (الحلف), the form
    with ل + article (للحلف) is found too, covering the stem without the article it lost (حلف).
    ``normalised`` may pass a cached ``normalise(text, fold_hamza=...)``.
    """
    key = normalise_key(surface, fold_hamza=fold_hamza)
    if not key:
        return []
    ntext, mapping = normalised if normalised is not None else normalise(text, fold_hamza=fold_hamza)
    results: list[WordMatch] = []
    seen: set[int] = set()
    results.extend(_scan(text, ntext, mapping, key, clitics=clitics, min_stem=min_stem, seen=seen))
    if clitics:
        stripped_surface, _ = _strip(surface.strip())
        if stripped_surface.startswith(ARTICLE) and _letter_count(key[2:].split(" ")[0]) >= min_stem:
            results.extend(
                _scan(text, ntext, mapping, key[2:], clitics=True, min_stem=min_stem, seen=seen, fused_article=True)
            )
    results.sort()
    return results


def _scan(
    text: str,
    ntext: str,
    mapping: list[int],
    key: str,
    *,
    clitics: bool,
    min_stem: int,
    seen: set[int],
    fused_article: bool = False,
) -> Iterable[WordMatch]:
    first_is_word = is_word_char(key[0])
    last_is_word = is_word_char(key[-1])
    can_have_clitics = clitics and first_is_word and _letter_count(key.split(" ")[0]) >= min_stem
    for m in _key_pattern(key).finditer(ntext, overlapped=True):
        ns, ne = m.start(), m.end()
        if last_is_word and ne < len(ntext) and is_word_char(ntext[ne]):
            continue  # a longer word
        ws = ns
        if first_is_word:
            while ws > 0 and is_word_char(ntext[ws - 1]):
                ws -= 1
        start, end = to_original(text, mapping, ns, ne)
        if ws == ns:
            if fused_article:
                continue
            found: tuple[str, ...] = ()
            word_start = start
        else:
            if not can_have_clitics:
                continue
            word_start = mapping[ws]
            found_clitics = clitics_of_prefix(text[word_start:start])
            if found_clitics is None:
                continue
            if fused_article and not (len(found_clitics) >= 2 and found_clitics[-2:] == ("ل", ARTICLE)):
                continue
            found = found_clitics
        if start in seen:
            continue
        seen.add(start)
        yield WordMatch(start, end, word_start, found)


def find_word_occurrences(
    text: str, surface: str, *, clitics: bool = True, fold_hamza: bool = False
) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of ``surface`` as a whole word or after a proclitic; the
    range covers the stem only, so ``text[start:end]`` matches ``surface`` once normalised."""
    return [(m.start, m.end) for m in find_words(text, surface, clitics=clitics, fold_hamza=fold_hamza)]


# ---------------------------------------------------------------------------------------------
# Words around a selection
# ---------------------------------------------------------------------------------------------


def word_bounds(text: str, start: int, end: int) -> tuple[int, int] | None:
    """If ``[start, end)`` covers exactly one whole word (as the tokeniser cuts words), that word's
    bounds; otherwise None."""
    if not (0 <= start < end <= len(text)):
        return None
    if not all(is_word_char(ch) for ch in text[start:end]):
        return None
    if start > 0 and is_word_char(text[start - 1]):
        return None
    if end < len(text) and is_word_char(text[end]):
        return None
    return start, end


def word_keys(text: str, *, fold_hamza: bool = False) -> set[str]:
    """The set of normalised keys of the words of ``text`` (evidence for :func:`choose_stem`)."""
    from annotator.core.tokenize import tokenize

    norm, mapping = normalise(text, fold_hamza=fold_hamza)
    del mapping
    return {ntok for ntok in (norm[t.start : t.end] for t in tokenize(norm)) if ntok}
