"""How far annotators agree: span-level P/R/F1, token-level kappas and alpha, unitizing alpha.

Two parts:

* pure functions over spans (:class:`annotator.core.model.Span`), texts and rating tables:
  :func:`span_agreement`, :func:`overlap_matches`, :func:`token_units`, :func:`token_categories`,
  :func:`cohen_kappa`, :func:`fleiss_kappa`, :func:`krippendorff_alpha` (and the unitizing alpha in
  :mod:`annotator.review.alpha_u`);
* :func:`agreement_report`, which reads a project and computes every figure per label and overall,
  per document and over the project, each with the number of documents and units it rests on.

Rating tables are laid out as in the ``krippendorff`` package: one row per coder (annotator), one
column per item (token); ``None`` marks a missing rating.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD, Span
from annotator.core.tokenize import Token, tokenize
from annotator.review.alpha_u import AlphaU, UnitizingAlpha, pooled
from annotator.store.project import Project

OUTSIDE = "O"
"""The category of a token outside every span."""

Progress = Callable[[int, int], None]
"""Called as progress(done, total) during long work; it may raise Cancelled to stop."""

MISSING_POLICY = {
    "in_progress": (
        "A document counts for a comparison only if every annotator in it has the document in progress "
        "or done (status 'new' means not looked at: such documents are left out of every figure involving "
        "that annotator, never counted as unannotated). In a counted document, text outside an annotator's "
        "spans is 'no label': tokens are 'O', characters are gap."
    ),
    "done": (
        "A document counts for a comparison only if every annotator in it has marked the document done "
        "(documents new or in progress for any of them are left out of every figure involving that "
        "annotator). In a counted document, text outside an annotator's spans is 'no label': tokens are "
        "'O', characters are gap."
    ),
}

MATCH_RULES = {
    "exact": "same start, end and label",
    "overlap": "same label and overlapping; one-to-one, greedily by largest overlap",
}

TOKEN_RULE = (
    "Items are tokens (Arabic-aware tokenizer, split at every span boundary of every compared annotator); "
    "a token's category is the label of the shortest span covering it, or 'O'. Per label, a token is "
    "'label' if any span of that label covers it, else 'not'."
)


# -- span-level matching ------------------------------------------------------------------


@dataclass(slots=True)
class MatchCounts:
    """Matched spans between a reference annotator and another: precision, recall, F1.

    Precision is matched / other's spans, recall is matched / reference's spans; swapping the roles
    swaps precision and recall and leaves F1 as it is.
    """

    matched: int = 0
    reference: int = 0  # spans of the reference annotator
    other: int = 0  # spans of the other annotator

    @property
    def precision(self) -> float | None:
        return self.matched / self.other if self.other else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.reference if self.reference else None

    @property
    def f1(self) -> float | None:
        total = self.reference + self.other
        return 2 * self.matched / total if total else None

    def add(self, other: MatchCounts) -> None:
        self.matched += other.matched
        self.reference += other.reference
        self.other += other.other

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "matched": self.matched,
            "reference_spans": self.reference,
            "other_spans": self.other,
        }


def exact_matches(reference: Iterable[Span], other: Iterable[Span]) -> Counter[str]:
    """Matched spans per label: same (label, start, end); repeated identical spans match once each."""
    unmatched: dict[tuple[str, int, int], int] = {}
    for s in reference:
        key = (s.label, s.start, s.end)
        unmatched[key] = unmatched.get(key, 0) + 1
    out: Counter[str] = Counter()
    for s in other:
        key = (s.label, s.start, s.end)
        if unmatched.get(key):
            unmatched[key] -= 1
            out[s.label] += 1
    return out


def overlap_matches(reference: Sequence[Span], other: Sequence[Span]) -> list[tuple[int, int]]:
    """One-to-one matching of overlapping spans with the same label, greedy by largest overlap.

    Returns (index in reference, index in other) pairs. Candidate pairs are taken in order of
    overlap length (longest first), then smallest boundary difference, then position, so the result
    does not depend on the order of the inputs.
    """
    by_label: dict[str, tuple[list[int], list[int]]] = {}
    for i, s in enumerate(reference):
        by_label.setdefault(s.label, ([], []))[0].append(i)
    for j, s in enumerate(other):
        by_label.setdefault(s.label, ([], []))[1].append(j)
    pairs: list[tuple[int, int]] = []
    for ref_idx, oth_idx in by_label.values():
        if not ref_idx or not oth_idx:
            continue
        oth_idx.sort(key=lambda j: (other[j].start, other[j].end))
        starts = [other[j].start for j in oth_idx]
        max_end: list[int] = []  # running maximum of ends, to stop the backward scan early
        for j in oth_idx:
            max_end.append(max(other[j].end, max_end[-1] if max_end else 0))
        candidates = []
        for i in ref_idx:
            a = reference[i]
            k = bisect_left(starts, a.end) - 1  # other spans starting before a ends
            while k >= 0 and max_end[k] > a.start:
                b = other[oth_idx[k]]
                overlap = min(a.end, b.end) - max(a.start, b.start)
                if overlap > 0:
                    shift = abs(a.start - b.start) + abs(a.end - b.end)
                    candidates.append((-overlap, shift, a.start, a.end, b.start, b.end, i, oth_idx[k]))
                k -= 1
        candidates.sort()
        used_ref: set[int] = set()
        used_oth: set[int] = set()
        for *_, i, j in candidates:
            if i not in used_ref and j not in used_oth:
                used_ref.add(i)
                used_oth.add(j)
                pairs.append((i, j))
    pairs.sort()
    return pairs


def span_agreement(reference: Sequence[Span], other: Sequence[Span], *, mode: str = "exact") -> dict[str, MatchCounts]:
    """Per-label match counts between two annotators' spans of one document (``mode``: exact|overlap)."""
    out: dict[str, MatchCounts] = {}
    for s in reference:
        out.setdefault(s.label, MatchCounts()).reference += 1
    for s in other:
        out.setdefault(s.label, MatchCounts()).other += 1
    if mode == "exact":
        for label, n in exact_matches(reference, other).items():
            out[label].matched += n
    elif mode == "overlap":
        for i, _ in overlap_matches(reference, other):
            out[reference[i].label].matched += 1
    else:
        raise ValueError(f"unknown match mode {mode!r} (exact or overlap)")
    return out


def micro(counts: Iterable[MatchCounts]) -> MatchCounts:
    """Counts summed over labels (micro-average)."""
    total = MatchCounts()
    for c in counts:
        total.add(c)
    return total


# -- token-level items --------------------------------------------------------------------

Cover = tuple[dict[int, str], dict[int, set[str]]]
"""Covered tokens of one layer: token index -> innermost label, and token index -> every label."""


def token_units(text: str, layers: Iterable[Iterable[Span]], method: str = "arabic") -> list[Token]:
    """The items of token-level agreement: tokens of ``text`` split at every span boundary of every layer.

    Same result as ``core.tokenize.split_at(tokenize(text, method), boundaries)``, but only the few
    tokens that a boundary falls inside are looked at.
    """
    tokens = tokenize(text, method)
    starts = [t.start for t in tokens]
    inside: dict[int, list[int]] = {}
    for spans in layers:
        for s in spans:
            for cut in (s.start, s.end):
                k = bisect_right(starts, cut) - 1
                if k >= 0 and cut < tokens[k].end and cut != tokens[k].start:
                    inside.setdefault(k, []).append(cut)
    if not inside:
        return tokens
    out: list[Token] = []
    done = 0
    for k in sorted(inside):
        out.extend(tokens[done:k])
        start = tokens[k].start
        for cut in sorted(set(inside[k])):
            out.append(Token(start, cut))
            start = cut
        out.append(Token(start, tokens[k].end))
        done = k + 1
    out.extend(tokens[done:])
    return out


def _cover(starts: Sequence[int], ends: Sequence[int], spans: Iterable[Span]) -> Cover:
    """For the tokens covered by ``spans``: innermost label (shortest span; ties by label name), and all labels.

    ``starts``/``ends`` are the tokens' offsets; the tokens must already be split at the spans' boundaries.
    """
    best: dict[int, tuple[int, str]] = {}
    labels: dict[int, set[str]] = {}
    for s in spans:
        rank = (s.end - s.start, s.label)
        for k in range(bisect_left(starts, s.start), bisect_right(ends, s.end)):
            current = best.get(k)
            if current is None:
                best[k] = rank
                labels[k] = {s.label}
            else:
                if rank < current:
                    best[k] = rank
                labels[k].add(s.label)
    return {k: rank[1] for k, rank in best.items()}, labels


def token_categories(tokens: Sequence[Token], spans: Iterable[Span]) -> list[str]:
    """Each token's category: the label of the shortest span covering it, or :data:`OUTSIDE`."""
    innermost, _ = _cover([t.start for t in tokens], [t.end for t in tokens], spans)
    return [innermost.get(k, OUTSIDE) for k in range(len(tokens))]


def token_label_flags(tokens: Sequence[Token], spans: Iterable[Span], label: str) -> list[bool]:
    """For each token, whether a span of ``label`` covers it (the per-label binary category)."""
    _, labels = _cover([t.start for t in tokens], [t.end for t in tokens], [s for s in spans if s.label == label])
    return [k in labels for k in range(len(tokens))]


# -- chance-corrected coefficients --------------------------------------------------------


def cohen_kappa_from_table(table: Mapping[tuple[Hashable, Hashable], int]) -> float | None:
    """Cohen's kappa from a confusion table {(category of A, category of B): count}.

    kappa = (p_o - p_e) / (1 - p_e), p_o the share of items on the diagonal and p_e = Σ_c row_c·col_c / N².
    None when p_e = 1 (both annotators used one and the same category throughout: kappa is undefined).
    """
    n = sum(table.values())
    rows: Counter[Hashable] = Counter()
    cols: Counter[Hashable] = Counter()
    diagonal = 0
    for (a, b), count in table.items():
        rows[a] += count
        cols[b] += count
        if a == b:
            diagonal += count
    chance = sum(rows[c] * cols[c] for c in rows)
    if n == 0 or chance == n * n:
        return None
    return (n * diagonal - chance) / (n * n - chance)


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float | None:
    """Cohen's kappa between two annotators' categories for the same items."""
    if len(a) != len(b):
        raise ValueError(f"two raters must rate the same items ({len(a)} and {len(b)} ratings)")
    return cohen_kappa_from_table(Counter(zip(a, b, strict=True)))


@lru_cache(maxsize=1 << 16)
def _profile(ratings: tuple[Hashable | None, ...]) -> frozenset[tuple[Hashable, int]]:
    return frozenset(Counter(r for r in ratings if r is not None).items())


class ItemProfiles:
    """Items counted by their ratings: the input of Fleiss' kappa and Krippendorff's alpha.

    Identical rating tuples (e.g. every token all annotators left outside any span) are stored once
    with a count, so a large project takes little memory and adding an item costs one dict update.
    """

    def __init__(self) -> None:
        self.counts: Counter[tuple[Hashable | None, ...]] = Counter()

    def add(self, ratings: Iterable[Hashable | None], weight: int = 1) -> None:
        """Add an item rated ``ratings`` (one per coder; None = not rated) ``weight`` times."""
        self.counts[tuple(ratings)] += weight

    def update(self, other: ItemProfiles) -> None:
        self.counts.update(other.counts)

    @property
    def items(self) -> int:
        return sum(self.counts.values())

    def profiles(self) -> Counter[frozenset[tuple[Hashable, int]]]:
        """Items by profile: {(category, how many coders gave it)} -> number of items."""
        out: Counter[frozenset[tuple[Hashable, int]]] = Counter()
        for ratings, weight in self.counts.items():
            out[_profile(ratings)] += weight
        return out

    def fleiss_kappa(self) -> float | None:
        """Fleiss' kappa (1971); every item must be rated by the same number of coders (at least 2).

        P_i = (Σ_c n_ic² - n) / (n (n - 1)), P̄ = mean P_i, p_c = Σ_i n_ic / (N n), P_e = Σ_c p_c²,
        kappa = (P̄ - P_e) / (1 - P_e); None when P_e = 1 (one category throughout) or no items.
        """
        profiles = self.profiles()
        raters = {sum(n for _, n in profile) for profile in profiles}
        if not raters:
            return None
        if len(raters) > 1:
            raise ValueError("Fleiss' kappa needs the same number of ratings for every item")
        n = raters.pop()
        if n < 2:
            raise ValueError("Fleiss' kappa needs at least two ratings per item")
        items = self.items
        squares = 0
        totals: Counter[Hashable] = Counter()
        for profile, weight in profiles.items():
            for category, count in profile:
                squares += weight * count * count
                totals[category] += weight * count
        ratings = items * n
        chance = sum(t * t for t in totals.values())
        if chance == ratings * ratings:
            return None
        p_bar = (squares - ratings) / (ratings * (n - 1))
        p_e = chance / (ratings * ratings)
        return (p_bar - p_e) / (1 - p_e)

    def krippendorff_alpha(self) -> float | None:
        """Krippendorff's alpha, nominal: 1 - (n - 1) (n - Σ_c o_cc) / (n² - Σ_c n_c²).

        o_cc = Σ_u n_uc (n_uc - 1) / (m_u - 1) are the agreeing coincidences, n_c the pairable values
        of category c (items with fewer than two ratings are not pairable) and n = Σ_c n_c. None when
        there are no pairable values or only one category (no variation: alpha is undefined).
        """
        n = 0
        agreeing = 0.0
        totals: Counter[Hashable] = Counter()
        for profile, weight in self.profiles().items():
            m_u = sum(count for _, count in profile)
            if m_u < 2:
                continue
            for category, count in profile:
                totals[category] += weight * count
                agreeing += weight * count * (count - 1) / (m_u - 1)
            n += weight * m_u
        expected = n * n - sum(t * t for t in totals.values())
        if n == 0 or expected == 0:
            return None
        return 1 - (n - 1) * (n - agreeing) / expected


def _profiles(ratings: Sequence[Sequence[Hashable | None]]) -> ItemProfiles:
    if len({len(row) for row in ratings}) > 1:
        raise ValueError("every coder's row must have one rating per item")
    table = ItemProfiles()
    for item in zip(*ratings, strict=True):
        table.add(item)
    return table


def fleiss_kappa(ratings: Sequence[Sequence[Hashable]]) -> float | None:
    """Fleiss' kappa of ``ratings`` (one row per coder, one column per item, no missing values)."""
    if any(r is None for row in ratings for r in row):
        raise ValueError("Fleiss' kappa needs every coder to rate every item")
    return _profiles(ratings).fleiss_kappa()


def krippendorff_alpha(ratings: Sequence[Sequence[Hashable | None]]) -> float | None:
    """Krippendorff's alpha, nominal, of ``ratings`` (one row per coder, one column per item; None = missing)."""
    return _profiles(ratings).krippendorff_alpha()


# -- accumulated figures ------------------------------------------------------------------


def _binary_kappa(both: int, only_ref: int, only_other: int, items: int) -> float | None:
    neither = items - both - only_ref - only_other
    return cohen_kappa_from_table(
        {(True, True): both, (True, False): only_ref, (False, True): only_other, (False, False): neither}
    )


@dataclass
class PairStats:
    """Everything two annotators are compared on, over some documents (reference = the first)."""

    reference: str
    other: str
    documents: int = 0
    tokens: int = 0
    exact: dict[str, MatchCounts] = field(default_factory=dict)
    overlap: dict[str, MatchCounts] = field(default_factory=dict)
    table: Counter[tuple[str, str]] = field(default_factory=Counter)  # token categories (ref, other)
    binary: dict[str, list[int]] = field(default_factory=dict)  # label -> [both, only ref, only other] tokens

    def add(self, other: PairStats) -> None:
        self.documents += other.documents
        self.tokens += other.tokens
        for mine, theirs in ((self.exact, other.exact), (self.overlap, other.overlap)):
            for label, counts in theirs.items():
                mine.setdefault(label, MatchCounts()).add(counts)
        self.table.update(other.table)
        for label, cells in other.binary.items():
            mine_cells = self.binary.setdefault(label, [0, 0, 0])
            for k in range(3):
                mine_cells[k] += cells[k]

    def match(self, mode: str, label: str | None = None) -> MatchCounts:
        counts = self.exact if mode == "exact" else self.overlap
        if label is None:
            return micro(counts.values())
        return counts.get(label, MatchCounts())

    def kappa(self, label: str | None = None) -> float | None:
        """Cohen's kappa over tokens: multi-class (innermost label or O), or binary for ``label``."""
        if label is None:
            return cohen_kappa_from_table(self.table)
        return _binary_kappa(*self.binary.get(label, [0, 0, 0]), self.tokens)

    def label_tokens(self, label: str) -> int:
        """Tokens that at least one of the two gave ``label``."""
        return sum(self.binary.get(label, [0, 0, 0]))

    def figures(self, label: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "reference": self.reference,
            "other": self.other,
            "documents": self.documents,
            "tokens": self.tokens,
            "exact": self.match("exact", label).to_dict(),
            "overlap": self.match("overlap", label).to_dict(),
            "cohen_kappa": self.kappa(label),
        }
        if label is not None:
            out["label_tokens"] = self.label_tokens(label)
        return out


@dataclass
class GroupStats:
    """Figures across all compared annotators, over the documents where all of them count."""

    annotators: list[str]
    documents: int = 0
    tokens: int = 0
    characters: int = 0
    spans: Counter[str] = field(default_factory=Counter)  # label -> spans of all annotators
    profiles: ItemProfiles = field(default_factory=ItemProfiles)  # multi-class, without the all-O tokens
    binary: dict[str, Counter[int]] = field(default_factory=dict)  # label -> {annotators with it: tokens}, n >= 1
    unitizing: dict[str, UnitizingAlpha] = field(default_factory=dict)

    def add(self, other: GroupStats) -> None:
        self.documents += other.documents
        self.tokens += other.tokens
        self.characters += other.characters
        self.spans.update(other.spans)
        self.profiles.update(other.profiles)
        for label, counts in other.binary.items():
            self.binary.setdefault(label, Counter()).update(counts)
        for label, acc in other.unitizing.items():
            mine = self.unitizing.get(label)
            if mine is None:
                mine = self.unitizing[label] = UnitizingAlpha(len(self.annotators))
            mine.merge(acc)

    def _multi(self) -> ItemProfiles:
        table = ItemProfiles()
        table.update(self.profiles)
        silent = self.tokens - self.profiles.items  # tokens every annotator left outside all spans
        if silent:
            table.add((OUTSIDE,) * len(self.annotators), silent)
        return table

    def _binary(self, label: str) -> ItemProfiles:
        m = len(self.annotators)
        table = ItemProfiles()
        counts = self.binary.get(label) or Counter()
        for n, items in counts.items():
            table.add((True,) * n + (False,) * (m - n), items)
        silent = self.tokens - sum(counts.values())
        if silent:
            table.add((False,) * m, silent)
        return table

    def fleiss_kappa(self, label: str | None = None) -> float | None:
        if len(self.annotators) < 2:
            return None
        return (self._multi() if label is None else self._binary(label)).fleiss_kappa()

    def alpha(self, label: str | None = None) -> float | None:
        if len(self.annotators) < 2:
            return None
        return (self._multi() if label is None else self._binary(label)).krippendorff_alpha()

    def alpha_u(self, label: str | None = None) -> AlphaU | float | None:
        """alpha_u of one label (its full result), or pooled over all labels (a number)."""
        if label is None:
            return pooled(acc.result() for acc in self.unitizing.values())
        acc = self.unitizing.get(label)
        return acc.result() if acc is not None else None

    def figures(self, label: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "annotators": list(self.annotators),
            "documents": self.documents,
            "tokens": self.tokens,
            "characters": self.characters,
            "spans": self.spans[label] if label is not None else sum(self.spans.values()),
            "fleiss_kappa": self.fleiss_kappa(label),
            "krippendorff_alpha": self.alpha(label),
        }
        if label is None:
            out["alpha_u"] = self.alpha_u()
        else:
            result = self.alpha_u(label)
            out["alpha_u"] = result.to_dict() if isinstance(result, AlphaU) else None
            out["label_tokens"] = sum(self.binary.get(label, Counter()).values())
        return out


@dataclass(slots=True)
class DocumentPair:
    """Two annotators in one document: overall (micro) span matches and token kappa."""

    reference: str
    other: str
    exact: MatchCounts
    overlap: MatchCounts
    kappa: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "reference": self.reference,
            "other": self.other,
            "exact_f1": self.exact.f1,
            "overlap_f1": self.overlap.f1,
            "cohen_kappa": self.kappa,
            "reference_spans": self.exact.reference,
            "other_spans": self.exact.other,
        }


@dataclass
class DocumentFigures:
    """One document's overall figures (micro over labels)."""

    doc_id: int
    ext_id: str
    tokens: int
    characters: int
    annotators: list[str]  # the compared annotators for whom this document counts
    pairs: list[DocumentPair]
    counted_for_all: bool  # the document counts for every compared annotator (group figures below)
    fleiss_kappa: float | None = None
    alpha: float | None = None
    alpha_u: float | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.ext_id,
            "tokens": self.tokens,
            "characters": self.characters,
            "annotators": self.annotators,
            "pairs": [p.to_dict() for p in self.pairs],
        }
        if self.counted_for_all:
            out["fleiss_kappa"] = self.fleiss_kappa
            out["krippendorff_alpha"] = self.alpha
            out["alpha_u"] = self.alpha_u
        return out


def _without(data: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in keys}


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


@dataclass
class AgreementReport:
    """Agreement figures of a project; :meth:`to_dict` for JSON, :meth:`table_rows` for a terminal."""

    annotators: list[str]
    labels: list[str]
    min_status: str
    documents_selected: int
    documents_counted: dict[str, int]  # annotator -> documents where their status counts
    pairs: list[PairStats]
    group: GroupStats
    documents: list[DocumentFigures]
    tokenizer: str = "arabic"
    notes: list[str] = field(default_factory=list)

    @property
    def missing_policy(self) -> str:
        return MISSING_POLICY[self.min_status]

    def pair(self, a: str, b: str) -> PairStats | None:
        """The figures of two annotators, whichever order they are named in (reference = the first listed)."""
        return next((p for p in self.pairs if {p.reference, p.other} == {a, b}), None)

    def to_dict(self, *, per_document: bool = True) -> dict[str, Any]:
        pairs = []
        for p in self.pairs:
            entry = p.figures()
            entry["labels"] = {label: _without(p.figures(label), "reference", "other") for label in self.labels}
            pairs.append(entry)
        group = self.group.figures()
        group["labels"] = {label: _without(self.group.figures(label), "annotators") for label in self.labels}
        out: dict[str, Any] = {
            "annotators": self.annotators,
            "labels": self.labels,
            "documents": {
                "selected": self.documents_selected,
                "counted_per_annotator": self.documents_counted,
                "counted_for_all": self.group.documents,
            },
            "missing_annotations": self.missing_policy,
            "rules": {
                "span_match": MATCH_RULES,
                "tokens": TOKEN_RULE,
                "tokenizer": self.tokenizer,
                "precision_recall": "precision = matched / other's spans, recall = matched / reference's spans",
                "alpha_u": "Krippendorff (1995), binary per label on the character continuum; "
                "all labels: 1 - Σ uDo / Σ uDe",
            },
            "pairs": pairs,
            "all": group,
            "notes": self.notes,
        }
        if per_document:
            out["per_document"] = [d.to_dict() for d in self.documents]
        return out

    def table_rows(self) -> dict[str, list[list[str]]]:
        """Tables as rows of strings (first row: header), keyed by title, in display order.

        Pairwise matrices (row = reference annotator) of exact F1, overlap F1 and Cohen's kappa; one
        row per pair with P/R/F1, kappa and the documents, tokens and spans they rest on; per-label
        figures (F1 with every pair's counts pooled, mean pairwise kappa, Fleiss' kappa, alpha,
        alpha_u) with spans, labelled tokens, tokens and documents; documents counted per annotator.
        Undefined figures (nothing to compare) read "n/a"; a matrix's diagonal reads "—".
        """
        tables: dict[str, list[list[str]]] = {}
        names = self.annotators

        def matrix(value: Callable[[PairStats], float | None]) -> list[list[str]]:
            rows = [["", *names]]
            for a in names:
                row = [a]
                for b in names:
                    p = self.pair(a, b) if a != b else None
                    row.append("—" if p is None else _fmt(value(p)))
                rows.append(row)
            return rows

        tables["F1, exact match"] = matrix(lambda p: p.match("exact").f1)
        tables["F1, overlap match"] = matrix(lambda p: p.match("overlap").f1)
        tables["Cohen's kappa (tokens)"] = matrix(lambda p: p.kappa())

        rows = [
            [
                "reference",
                "other",
                "documents",
                "tokens",
                "spans (ref/other)",
                "exact P",
                "exact R",
                "exact F1",
                "overlap P",
                "overlap R",
                "overlap F1",
                "kappa",
            ]
        ]
        for p in self.pairs:
            exact, overlap = p.match("exact"), p.match("overlap")
            rows.append(
                [
                    p.reference,
                    p.other,
                    str(p.documents),
                    str(p.tokens),
                    f"{exact.reference}/{exact.other}",
                    _fmt(exact.precision),
                    _fmt(exact.recall),
                    _fmt(exact.f1),
                    _fmt(overlap.precision),
                    _fmt(overlap.recall),
                    _fmt(overlap.f1),
                    _fmt(p.kappa()),
                ]
            )
        tables["Pairs (precision and recall against the reference)"] = rows

        rows = [
            [
                "label",
                "spans",
                "exact F1",
                "overlap F1",
                "mean kappa",
                "Fleiss kappa",
                "alpha",
                "alpha_u",
                "labelled tokens",
                "tokens",
                "documents",
            ]
        ]
        for label in [*self.labels, None]:
            exact, overlap = MatchCounts(), MatchCounts()
            kappas = []
            for p in self.pairs:
                exact.add(p.match("exact", label))
                overlap.add(p.match("overlap", label))
                k = p.kappa(label)
                if k is not None:
                    kappas.append(k)
            if label is None:
                alpha_u = self.group.alpha_u()
                label_tokens = str(self.group.profiles.items)  # tokens someone gave a label
                spans = sum(self.group.spans.values())
            else:
                result = self.group.alpha_u(label)
                alpha_u = result.alpha if isinstance(result, AlphaU) else None
                label_tokens = str(sum(self.group.binary.get(label, Counter()).values()))
                spans = self.group.spans[label]
            rows.append(
                [
                    "all labels" if label is None else label,
                    str(spans),
                    _fmt(exact.f1),
                    _fmt(overlap.f1),
                    _fmt(sum(kappas) / len(kappas)) if kappas else "n/a",
                    _fmt(self.group.fleiss_kappa(label)),
                    _fmt(self.group.alpha(label)),
                    _fmt(alpha_u),
                    label_tokens,
                    str(self.group.tokens),
                    str(self.group.documents),
                ]
            )
        tables["Per label (F1 over all pairs; kappa, alpha and alpha_u across all annotators)"] = rows

        tables["Documents"] = [
            ["annotator", "documents counted"],
            *[[name, str(self.documents_counted.get(name, 0))] for name in names],
            ["all of them", str(self.group.documents)],
            ["selected", str(self.documents_selected)],
        ]
        return tables


# -- the project driver -------------------------------------------------------------------

_COUNTING = {"in_progress": frozenset({"in_progress", "done"}), "done": frozenset({"done"})}


def _compare_pair(stats: PairStats, spans: Mapping[str, list[Span]], cover: Mapping[str, Cover], tokens: int) -> None:
    """Add one document's comparison of ``stats.reference`` and ``stats.other`` to ``stats``."""
    a, b = stats.reference, stats.other
    stats.documents += 1
    stats.tokens += tokens
    ref, oth = spans[a], spans[b]
    exact = stats.exact
    overlap = stats.overlap
    for s in ref:
        counts = exact.get(s.label)
        if counts is None:
            counts = exact[s.label] = MatchCounts()
            overlap[s.label] = MatchCounts()
        counts.reference += 1
        overlap[s.label].reference += 1
    for s in oth:
        counts = exact.get(s.label)
        if counts is None:
            counts = exact[s.label] = MatchCounts()
            overlap[s.label] = MatchCounts()
        counts.other += 1
        overlap[s.label].other += 1
    for label, n in exact_matches(ref, oth).items():
        exact[label].matched += n
    for i, _ in overlap_matches(ref, oth):
        overlap[ref[i].label].matched += 1

    inner_a, labels_a = cover[a]
    inner_b, labels_b = cover[b]
    covered = inner_a.keys() | inner_b.keys()
    table = stats.table
    binary = stats.binary
    empty: frozenset[str] = frozenset()
    for k in covered:
        table[(inner_a.get(k, OUTSIDE), inner_b.get(k, OUTSIDE))] += 1
        la, lb = labels_a.get(k, empty), labels_b.get(k, empty)
        for label in la | lb:
            cells = binary.get(label)
            if cells is None:
                cells = binary[label] = [0, 0, 0]
            cells[0 if label in la and label in lb else 1 if label in la else 2] += 1
    if tokens > len(covered):
        table[(OUTSIDE, OUTSIDE)] += tokens - len(covered)


def _compare_group(
    stats: GroupStats, spans: Mapping[str, list[Span]], cover: Mapping[str, Cover], tokens: int, length: int
) -> set[str]:
    """Add one document's comparison of all ``stats.annotators`` to ``stats``; returns the labels used in it."""
    names = stats.annotators
    m = len(names)
    stats.documents += 1
    stats.tokens += tokens
    stats.characters += length
    inners = [cover[name][0] for name in names]
    sets = [cover[name][1] for name in names]
    covered: set[int] = set()
    by_label: dict[str, list[list[tuple[int, int]]]] = {}
    for c, name in enumerate(names):
        covered |= inners[c].keys()
        for s in spans[name]:
            stats.spans[s.label] += 1
            by_label.setdefault(s.label, [[] for _ in names])[c].append((s.start, s.end))
    counts = stats.profiles.counts
    binary = stats.binary
    for k in covered:
        counts[tuple(inner.get(k, OUTSIDE) for inner in inners)] += 1
        seen: dict[str, int] = {}
        for labels in sets:
            for label in labels.get(k, ()):
                seen[label] = seen.get(label, 0) + 1
        for label, n in seen.items():
            per_label = binary.get(label)
            if per_label is None:
                per_label = binary[label] = Counter()
            per_label[n] += 1
    for label, units in by_label.items():
        acc = stats.unitizing.get(label)
        if acc is None:
            acc = stats.unitizing[label] = UnitizingAlpha(m)
        acc.add(length, units)
    return set(by_label)


def agreement_report(
    project: Project,
    *,
    annotators: list[str] | None = None,
    labels: list[str] | None = None,
    documents: list[str] | None = None,
    min_status: str = "in_progress",
    tokenizer: str = "arabic",
    per_document: bool = True,
    progress: Progress | None = None,
) -> AgreementReport:
    """Agreement between ``annotators`` (default: everyone but gold with a counted document).

    ``labels`` limits the comparison to those span labels (spans of other labels are ignored: their
    tokens count as 'O'); default: every label used by the compared annotators, in scheme order.
    ``documents`` are external ids (default: all). ``min_status`` ('in_progress' or 'done') says which
    documents count for an annotator (see :data:`MISSING_POLICY`). ``progress(done, total)`` is called
    per document and may raise Cancelled. ``per_document=False`` skips the per-document figures.
    """
    if min_status not in _COUNTING:
        raise AnnotatorError(f"unknown status threshold {min_status!r} (in_progress or done)")
    counting = _COUNTING[min_status]
    if documents is None:
        doc_ids = project.document_ids()
    else:
        doc_ids, unknown = [], []
        for ext_id in documents:
            found = project.find_document(ext_id)
            if found is None:
                unknown.append(ext_id)
            else:
                doc_ids.append(found)
        if unknown:
            raise AnnotatorError(f"no document with id {', '.join(map(repr, unknown))}")
    statuses = {doc_id: project.document_statuses(doc_id) for doc_id in doc_ids}
    counted: Counter[str] = Counter()
    for per_doc in statuses.values():
        counted.update(name for name, (status, _) in per_doc.items() if status in counting)

    notes: list[str] = []
    known = project.annotators()
    if annotators is None:
        names = [n for n in known if n != GOLD and counted[n]]
        left_out = [n for n in known if n != GOLD and not counted[n]]
        if left_out:
            notes.append(f"left out (no document {' or '.join(sorted(counting))}): {', '.join(left_out)}")
    else:
        names = list(dict.fromkeys(annotators))
        missing = [n for n in names if n not in known]
        if missing:
            raise AnnotatorError(f"no annotator named {', '.join(map(repr, missing))}")
    if len(names) < 2:
        raise AnnotatorError(
            f"agreement needs at least two annotators with documents {' or '.join(sorted(counting))}; "
            f"found {', '.join(names) or 'none'}"
        )

    scheme_order = {name: k for k, name in enumerate(project.scheme().span_label_names)}
    if labels is None:
        used = project.stats()["spans"]
        universe = sorted(
            {label for n in names for label in used.get(n, {})},
            key=lambda lab: (scheme_order.get(lab, len(scheme_order)), lab),
        )
    else:
        universe = list(dict.fromkeys(labels))
        unknown_labels = [lab for lab in universe if lab not in scheme_order]
        if unknown_labels:
            notes.append(f"not in the label scheme: {', '.join(unknown_labels)}")
    wanted = set(universe)

    pair_names = list(combinations(names, 2))
    pairs = {pn: PairStats(*pn) for pn in pair_names}
    group = GroupStats(list(names))
    for label in universe:
        group.unitizing[label] = UnitizingAlpha(len(names))
    per_doc: list[DocumentFigures] = []
    total = len(doc_ids)
    for done, doc_id in enumerate(doc_ids):
        if progress is not None:
            progress(done, total)
        present = [n for n in names if statuses[doc_id].get(n, ("new", ""))[0] in counting]
        if len(present) < 2:
            continue
        doc = project.document(doc_id)
        spans: dict[str, list[Span]] = {n: [] for n in present}
        for s in project.spans(doc_id):
            if s.annotator in spans and s.label in wanted:
                spans[s.annotator].append(s)
        tokens = token_units(doc.text, spans.values(), tokenizer)
        starts = [t.start for t in tokens]
        ends = [t.end for t in tokens]
        cover = {n: _cover(starts, ends, spans[n]) for n in present}
        figures = DocumentFigures(doc_id, doc.ext_id, len(tokens), len(doc.text), present, [], False)
        for a, b in pair_names:
            if a in spans and b in spans:
                if per_document:
                    stats = PairStats(a, b)
                    _compare_pair(stats, spans, cover, len(tokens))
                    pairs[(a, b)].add(stats)
                    figures.pairs.append(
                        DocumentPair(a, b, stats.match("exact"), stats.match("overlap"), stats.kappa())
                    )
                else:
                    _compare_pair(pairs[(a, b)], spans, cover, len(tokens))
        if len(present) == len(names):
            doc_group = GroupStats(list(names)) if per_document else group
            in_doc = _compare_group(doc_group, spans, cover, len(tokens), len(doc.text))
            if per_document:
                group.add(doc_group)
            # A label nobody used here still adds this document's characters (all gap) to its continuum.
            for label in universe:
                if label not in in_doc:
                    group.unitizing[label].add_empty(len(doc.text))
            figures.counted_for_all = True
            if per_document:
                figures.fleiss_kappa = doc_group.fleiss_kappa()
                figures.alpha = doc_group.alpha()
                figures.alpha_u = doc_group.alpha_u()
        if per_document:
            per_doc.append(figures)
    if progress is not None:
        progress(total, total)

    if labels is None:  # keep only labels that occur in a counted document
        seen = set(group.spans)
        for p in pairs.values():
            seen |= {label for label, c in p.exact.items() if c.reference or c.other}
        universe = [label for label in universe if label in seen]
    return AgreementReport(
        annotators=names,
        labels=universe,
        min_status=min_status,
        documents_selected=total,
        documents_counted={n: counted[n] for n in names},
        pairs=[pairs[pn] for pn in pair_names],
        group=group,
        documents=per_doc,
        tokenizer=tokenizer,
        notes=notes,
    )
