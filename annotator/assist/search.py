"""Normalised search: in one text (the find bar) and across a project (the search dialog).

Matching uses :func:`annotator.core.arabic.normalise` (harakat and tatweel ignored, alef, ya and ta
marbuta variants folded, optionally hamza on waw/ya), so مسيرة finds مُسَيَّرَة. Three ways to match:

- ``anywhere``: the normalised query anywhere, even inside a word (a plain find);
- ``word``: as a whole word (a multi-word query across any whitespace);
- ``clitics``: as a whole word or after proclitics (و ف ب ل ك ال...): روسيا finds the روسيا of لروسيا.

Every hit is a (start, end) range into the original text; ``text[start:end]`` is what the
normalised query matched (in ``clitics`` mode, the stem without its clitics).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex

from annotator.core.arabic import find_words, normalise, normalise_key, to_original

if TYPE_CHECKING:
    from annotator.store.project import Project

MODES = ("anywhere", "word", "clitics")
MAX_HITS = 100_000
CONTEXT_CHARS = 40


@dataclass(frozen=True, slots=True)
class SearchOptions:
    mode: str = "anywhere"  # one of MODES
    fold_hamza: bool = False

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"unknown search mode {self.mode!r} (one of {', '.join(MODES)})")


@dataclass(frozen=True, slots=True)
class Hit:
    """One match: ``text[start:end] == surface``; ``before``/``after`` are a little of the text
    around it (newlines shown as spaces), ``clitics`` the proclitics in front of it, if any."""

    start: int
    end: int
    surface: str
    before: str
    after: str
    clitics: tuple[str, ...] = ()
    document_id: int | None = None
    ext_id: str = ""
    title: str = ""


def _pattern(key: str) -> regex.Pattern[str]:
    return regex.compile(r"\s+".join(regex.escape(part) for part in key.split(" ")))


def find_ranges(
    text: str,
    query: str,
    options: SearchOptions = SearchOptions(),
    *,
    limit: int = MAX_HITS,
    normalised: tuple[str, list[int]] | None = None,
) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, clitics) of the matches of ``query`` in ``text``, in order, at most ``limit``."""
    key = normalise_key(query, fold_hamza=options.fold_hamza)
    if not key or limit <= 0:
        return []
    if normalised is None:
        normalised = normalise(text, fold_hamza=options.fold_hamza)
    if options.mode == "anywhere":
        ntext, mapping = normalised
        out: list[tuple[int, int, tuple[str, ...]]] = []
        for m in _pattern(key).finditer(ntext):
            start, end = to_original(text, mapping, m.start(), m.end())
            out.append((start, end, ()))
            if len(out) >= limit:
                break
        return out
    matches = find_words(
        text, query, clitics=options.mode == "clitics", fold_hamza=options.fold_hamza, normalised=normalised
    )
    return [(m.start, m.end, m.clitics) for m in matches[:limit]]


def context(text: str, start: int, end: int, chars: int = CONTEXT_CHARS) -> tuple[str, str]:
    """Up to ``chars`` characters before ``start`` and after ``end``, cut at a space where
    possible, newlines shown as spaces."""
    lo = max(0, start - chars)
    hi = min(len(text), end + chars)
    before = text[lo:start]
    after = text[end:hi]
    if lo > 0:
        cut = before.find(" ")
        if 0 <= cut < chars // 2:
            before = before[cut + 1 :]
        before = "…" + before
    if hi < len(text):
        cut = after.rfind(" ")
        if cut > chars // 2:
            after = after[:cut]
        after = after + "…"
    return _one_line(before), _one_line(after)


def _one_line(text: str) -> str:
    return " ".join(text.replace("\u2029", "\n").replace("\u2028", "\n").split("\n"))


def search_text(
    text: str,
    query: str,
    options: SearchOptions = SearchOptions(),
    *,
    limit: int = MAX_HITS,
    context_chars: int = CONTEXT_CHARS,
) -> list[Hit]:
    """The hits of ``query`` in ``text``, with context."""
    hits = []
    for start, end, clitics in find_ranges(text, query, options, limit=limit):
        before, after = context(text, start, end, context_chars)
        hits.append(Hit(start, end, text[start:end], before, after, clitics))
    return hits


@dataclass(slots=True)
class ProjectSearch:
    """The result of a project-wide search."""

    hits: list[Hit] = field(default_factory=list)
    documents_searched: int = 0
    documents_with_hits: int = 0
    truncated: bool = False  # stopped at the limit
    cancelled: bool = False


def search_documents(
    documents: Iterable,
    query: str,
    options: SearchOptions = SearchOptions(),
    *,
    limit: int = 5_000,
    context_chars: int = CONTEXT_CHARS,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int], None] | None = None,
) -> ProjectSearch:
    """Search ``documents`` (objects with ``id``, ``ext_id``, ``title`` and ``text``, e.g.
    :class:`annotator.core.model.Document`) in order; stops after ``limit`` hits."""
    result = ProjectSearch()
    if not normalise_key(query, fold_hamza=options.fold_hamza):
        return result
    for document in documents:
        if cancelled is not None and cancelled():
            result.cancelled = True
            break
        result.documents_searched += 1
        if progress is not None:
            progress(result.documents_searched)
        room = limit - len(result.hits)
        found = find_ranges(document.text, query, options, limit=room + 1)
        if found:
            result.documents_with_hits += 1
        for start, end, clitics in found[:room]:
            before, after = context(document.text, start, end, context_chars)
            result.hits.append(
                Hit(
                    start,
                    end,
                    document.text[start:end],
                    before,
                    after,
                    clitics,
                    document.id,
                    document.ext_id,
                    document.title,
                )
            )
        if len(found) > room:
            result.truncated = True
            break
    return result


def search_project(
    project: Project,
    query: str,
    options: SearchOptions = SearchOptions(),
    *,
    documents: Iterable[int] | None = None,
    limit: int = 5_000,
    context_chars: int = CONTEXT_CHARS,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int], None] | None = None,
) -> ProjectSearch:
    """Search every document of ``project`` (or those of ``documents``, by id) in id order."""
    return search_documents(
        _documents(project, documents),
        query,
        options,
        limit=limit,
        context_chars=context_chars,
        cancelled=cancelled,
        progress=progress,
    )


def _documents(project: Project, ids: Iterable[int] | None) -> Iterator:
    if ids is None:
        yield from project.iter_documents()
    else:
        for doc_id in ids:
            yield project.document(doc_id)
