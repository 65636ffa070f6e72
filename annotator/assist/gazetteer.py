"""A gazetteer of entity surfaces, built from a project's accepted spans and an optional user list.

Every entity span (a label of kind ``entity``) of every layer but the suggestion layer adds its
surface: the key is the normalised surface (:func:`annotator.core.arabic.normalise_key`: no
diacritics or tatweel, alef/ya/ta marbuta folded), and the label is the one most often given to
that key (ties: the label first in the scheme). A user list (TSV: ``surface<TAB>label`` per line,
``#`` comments) adds entries and overrides the project's label for a surface it names.

Matching (:meth:`Gazetteer.find`) goes through :func:`annotator.core.arabic.find_words`: the
surface as a whole word or after proclitics (لروسيا، وروسيا), never inside a longer word; a match
covers the stem only, never the clitic, so ``text[start:end]`` is the surface shown. Longer
entries win over shorter ones they overlap (حلف شمال الأطلسي over الأطلسي); places already tagged
(``skip``) are left alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.arabic import find_words, is_word_char, normalise, normalise_key, proclitic_stems
from annotator.core.errors import InputError
from annotator.core.labels import LabelScheme
from annotator.core.tokenize import tokenize

if TYPE_CHECKING:
    from annotator.store.project import Project

MIN_KEY_LETTERS = 2  # shorter surfaces (a letter, a lone digit) are never gazetteer entries


@dataclass(slots=True)
class Entry:
    """One gazetteer entry: a normalised ``key``, the ``surface`` searched for, its ``label``."""

    key: str
    surface: str
    label: str
    count: int = 0  # how many accepted spans have this key (0 for a user-list entry)
    labels: dict[str, int] = field(default_factory=dict)  # every label the key was given, with counts
    source: str = "project"  # "project" or "user"


@dataclass(frozen=True, slots=True)
class Match:
    """An occurrence of an entry: ``text[start:end]`` (the stem, without clitics) is its surface."""

    start: int
    end: int
    label: str
    key: str
    clitics: tuple[str, ...] = ()


def _letters(key: str) -> int:
    return sum(1 for ch in key if ch.isalpha() or ch.isdigit())


class Gazetteer:
    """Normalised surface -> label, with a fast first-word index for matching."""

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        self.entries: dict[str, Entry] = {}
        for entry in entries:
            self.add(entry)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, surface: str) -> bool:
        return normalise_key(surface) in self.entries

    def label_of(self, surface: str) -> str | None:
        entry = self.entries.get(normalise_key(surface))
        return entry.label if entry else None

    def add(self, entry: Entry) -> None:
        """Add ``entry``; a user entry replaces a project entry of the same key."""
        if _letters(entry.key) < MIN_KEY_LETTERS:
            return
        old = self.entries.get(entry.key)
        if old is not None and old.source == "user" and entry.source != "user":
            return
        self.entries[entry.key] = entry

    def update(self, other: Gazetteer) -> Gazetteer:
        for entry in other.entries.values():
            self.add(entry)
        return self

    # -- building -------------------------------------------------------------------------

    @classmethod
    def from_project(
        cls,
        project: Project,
        *,
        exclude_layers: Sequence[str] = (),
        kinds: Sequence[str] = ("entity",),
    ) -> Gazetteer:
        """Entries from every span whose label is of one of ``kinds``, in every layer but
        ``exclude_layers`` (the suggestion layer), most frequent label per key."""
        scheme = project.scheme()
        wanted = [label.name for label in scheme.span_labels if label.kind in kinds]
        order = {name: i for i, name in enumerate(scheme.span_label_names)}
        if not wanted:
            return cls()
        marks = ",".join("?" * len(wanted))
        params: list[object] = list(wanted)
        exclude = ""
        if exclude_layers:
            exclude = f" AND a.name NOT IN ({','.join('?' * len(exclude_layers))})"
            params.extend(exclude_layers)
        rows = project.conn.execute(
            'SELECT d.id, s."start", s."end", s.label FROM spans s JOIN annotators a ON a.id = s.annotator_id '
            f"JOIN documents d ON d.id = s.document_id WHERE s.label IN ({marks}){exclude} ORDER BY d.id",
            params,
        )
        labels: dict[str, Counter[str]] = {}
        surfaces: dict[str, Counter[str]] = {}
        texts: dict[int, str] = {}
        for doc_id, start, end, label in rows:
            text = texts.get(doc_id)
            if text is None:
                texts.clear()  # one document's text at a time
                text = texts[doc_id] = project.conn.execute(
                    "SELECT text FROM documents WHERE id = ?", (doc_id,)
                ).fetchone()[0]
            surface = " ".join(text[start:end].split())
            key = normalise_key(surface)
            if not key:
                continue
            labels.setdefault(key, Counter())[label] += 1
            surfaces.setdefault(key, Counter())[surface] += 1
        gazetteer = cls()
        for key, counts in labels.items():
            label = min(counts, key=lambda name: (-counts[name], order.get(name, len(order)), name))
            surface = surfaces[key].most_common(1)[0][0]
            gazetteer.add(Entry(key, surface, label, sum(counts.values()), dict(counts), "project"))
        return gazetteer

    @classmethod
    def from_file(cls, path: str | Path, scheme: LabelScheme | None = None) -> Gazetteer:
        """Entries from a user list: ``surface<TAB>label`` per line (UTF-8); blank lines and lines
        starting with ``#`` are skipped. With ``scheme`` every label must be one of its labels."""
        path = Path(path)
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read the gazetteer: {exc}", path=str(path)) from exc
        known = set(scheme.span_label_names) if scheme is not None else None
        gazetteer = cls()
        for number, line in enumerate(lines, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if "\t" not in line:
                raise InputError("expected surface<TAB>label", path=str(path), line=number)
            surface, label = (part.strip() for part in line.rsplit("\t", 1))
            if not surface or not label:
                raise InputError("empty surface or label", path=str(path), line=number)
            if known is not None and label not in known:
                raise InputError(
                    f"unknown label {label!r} (the scheme has {', '.join(sorted(known))})", path=str(path), line=number
                )
            surface = " ".join(surface.split())
            key = normalise_key(surface)
            if _letters(key) < MIN_KEY_LETTERS:
                continue
            gazetteer.add(Entry(key, surface, label, 0, {label: 1}, "user"))
        return gazetteer

    # -- matching -------------------------------------------------------------------------

    def _first_words(self) -> dict[str, list[Entry]]:
        index: dict[str, list[Entry]] = {}
        for entry in self.entries.values():
            index.setdefault(entry.key.split(" ")[0], []).append(entry)
        return index

    def find(
        self, text: str, *, skip: Iterable[tuple[int, int]] = (), labels: Iterable[str] | None = None
    ) -> list[Match]:
        """Occurrences of the entries in ``text``: stems only, whole words after optional proclitics,
        longest first and never overlapping one another or a range of ``skip``; in text order.
        ``labels`` restricts the entries searched."""
        if not self.entries:
            return []
        wanted = set(labels) if labels is not None else None
        index = self._first_words()
        # Only entries whose first word (or a stem of it after proclitics) occurs are searched.
        present: set[str] = set()
        for token in tokenize(text):
            word = text[token.start : token.end]
            present.add(normalise_key(word))
            for stem in proclitic_stems(word):
                present.add(normalise_key(stem.stem))
                present.add(normalise_key("ال" + stem.stem))  # للحلف: the article fused with ل
        normalised = normalise(text)
        matches: list[Match] = []
        for first in present & index.keys():
            for entry in index[first]:
                if wanted is not None and entry.label not in wanted:
                    continue
                for found in find_words(text, entry.surface, clitics=True, normalised=normalised):
                    if _inside_word(text, found.start, found.end, found.word_start):
                        continue
                    matches.append(Match(found.start, found.end, entry.label, entry.key, found.clitics))
        taken = sorted(skip)
        chosen: list[Match] = []
        for match in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
            if any(s < match.end and match.start < e for s, e in taken):
                continue
            taken.append((match.start, match.end))
            chosen.append(match)
        chosen.sort(key=lambda m: m.start)
        return chosen


def _inside_word(text: str, start: int, end: int, word_start: int) -> bool:
    """A last guard: the match must end at a word end and start at its word's start or after
    proclitics (find_words checks both; this keeps the promise even if it ever changed)."""
    if end < len(text) and is_word_char(text[end]) and is_word_char(text[end - 1]):
        return True
    if start == word_start:
        return start > 0 and is_word_char(text[start - 1]) and is_word_char(text[start])
    return not any(word_start + stem.offset == start for stem in proclitic_stems(text[word_start:end], min_stem=1))


def load_gazetteer(
    project: Project, user_list: str | Path | None = None, *, exclude_layers: Sequence[str] = ()
) -> Gazetteer:
    """The project's gazetteer, with the user list (if any) on top."""
    gazetteer = Gazetteer.from_project(project, exclude_layers=exclude_layers)
    if user_list is not None:
        gazetteer.update(Gazetteer.from_file(user_list, project.scheme()))
    return gazetteer
