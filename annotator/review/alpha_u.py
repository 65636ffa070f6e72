"""Krippendorff's unitizing alpha (alpha_u) for one category on a character continuum.

Krippendorff, K. (1995). On the reliability of unitizing continuous data. *Sociological
Methodology* 25, 47-76; restated in *Content Analysis* (2nd ed., 2004), section 12.4.

Each of ``m`` coders cuts the same continuum of length ``L`` (here: characters of the document
texts) into segments: **units** of the category (a label's spans) and the **gaps** between them.
Coder ``i``'s segment ``g`` begins at ``b_ig``, has length ``l_ig`` and ``w_ig = 1`` for a unit,
``0`` for a gap. The difference between two coders' segments is

    δ²(ig, jh) = (b_ig - b_jh)² + (b_ig + l_ig - b_jh - l_jh)²   both units, and they overlap
               = l_ig²                                          unit ig lies inside gap jh
               = l_jh²                                          unit jh lies inside gap ig
               = 0                                              otherwise

(the squared lengths by which two overlapping units' starts and ends miss each other, or the
squared length of a unit the other coder did not mark at all). Observed disagreement:

    uDo = Σ_i Σ_{j≠i} Σ_g Σ_h δ²(ig, jh) / (m (m - 1) L²)

Expected disagreement: the average δ² over every way the observed units could be placed in the
observed gaps, with ``N`` the number of units of all coders:

    uDe = (2/L) Σ_i Σ_g w_ig [ (N - 1)/3 · (2 l_ig³ - 3 l_ig² + l_ig)
                               + l_ig² Σ_j Σ_h (1 - w_jh) [l_jh ≥ l_ig] (l_jh - l_ig + 1) ]
          / ( m L (m L - 1) - Σ_i Σ_g w_ig l_ig (l_ig - 1) )

    alpha_u = 1 - uDo / uDe        (undefined when uDe = 0: nobody marked a unit)

Several documents are sections of one continuum: ``L`` is their total length, sums run over the
segments of every section, and no segment crosses from one document into the next (a gap ends
where its document ends). Several categories give one figure as ``1 - Σ_c uDo_c / Σ_c uDe_c``.

Checked against the worked example of Krippendorff (2004, p. 254): continuum 150..450, two
coders; category c: uDo = 0.0144, uDe = 0.0532, alpha_u = 0.7286; category k: alpha_u = 1.
Known limit: with more than two coders this 1995 form is not the refined 2016 coefficient
(Krippendorff, Mathet, Bouvry & Widlöcher), which treats multiple overlaps differently.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

Unit = tuple[int, int]
"""A unit as (start, end) offsets, end exclusive."""


def join_overlaps(units: Iterable[Unit]) -> tuple[list[Unit], int]:
    """Sort ``units`` and join those that overlap (one coder's units of a category may not overlap).

    Returns the joined units and how many units were absorbed into another. Units that only touch
    (one ends where the next starts) stay two units.
    """
    out: list[Unit] = []
    joined = 0
    for start, end in sorted(units):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
            joined += 1
        else:
            out.append((start, end))
    return out, joined


def pair_disagreement(a: Sequence[Unit], b: Sequence[Unit]) -> int:
    """Σ_g Σ_h δ²(ag, bh) for two coders' sorted, non-overlapping units (one ordered pair)."""
    total = 0
    hit_a = [False] * len(a)
    hit_b = [False] * len(b)
    i = j = 0
    while i < len(a) and j < len(b):
        sa, ea = a[i]
        sb, eb = b[j]
        if sa < eb and sb < ea:
            total += (sa - sb) ** 2 + (ea - eb) ** 2
            hit_a[i] = hit_b[j] = True
        if ea <= eb:
            i += 1
        if eb <= ea:
            j += 1
    # A unit that overlaps none of the other coder's units lies inside one of their gaps.
    total += sum((e - s) ** 2 for (s, e), hit in zip(a, hit_a, strict=True) if not hit)
    total += sum((e - s) ** 2 for (s, e), hit in zip(b, hit_b, strict=True) if not hit)
    return total


def gaps(length: int, units: Sequence[Unit]) -> list[int]:
    """Lengths of the gaps around sorted, non-overlapping ``units`` in a section of ``length``."""
    out = []
    pos = 0
    for start, end in units:
        if start > pos:
            out.append(start - pos)
        pos = max(pos, end)
    if length > pos:
        out.append(length - pos)
    return out


@dataclass(slots=True)
class AlphaU:
    """The result for one category (or several, pooled): the figure and what it rests on."""

    alpha: float | None
    observed: float | None
    expected: float | None
    coders: int
    length: int  # characters in the continuum (all sections)
    sections: int  # documents
    units: int  # units of all coders
    joined: int  # overlapping units of one coder joined into one

    def to_dict(self) -> dict[str, Any]:
        return {
            "alpha_u": self.alpha,
            "observed_disagreement": self.observed,
            "expected_disagreement": self.expected,
            "annotators": self.coders,
            "documents": self.sections,
            "characters": self.length,
            "units": self.units,
            "joined_overlapping_units": self.joined,
        }


class UnitizingAlpha:
    """Accumulates sections (documents) of one category's continuum; :meth:`result` gives alpha_u.

    ``add`` keeps only sums and length histograms, so a project of any size takes little memory.
    """

    def __init__(self, coders: int) -> None:
        if coders < 2:
            raise ValueError("alpha_u needs at least two coders")
        self.coders = coders
        self.length = 0
        self.sections = 0
        self.joined = 0
        self._delta = 0  # Σ_i Σ_{j≠i} Σ_g Σ_h δ²
        self._units: Counter[int] = Counter()  # unit length -> how many (all coders)
        self._gaps: Counter[int] = Counter()  # gap length -> how many (all coders)

    def add(self, length: int, units: Sequence[Iterable[Unit]]) -> None:
        """Add a section of ``length`` characters; ``units[i]`` are coder i's units in it."""
        if len(units) != self.coders:
            raise ValueError(f"expected units of {self.coders} coders, got {len(units)}")
        layers = []
        for coder_units in units:
            joined_units, joined = join_overlaps(coder_units)
            for start, end in joined_units:
                if start < 0 or end > length or start >= end:
                    raise ValueError(f"unit {start}..{end} does not fit a section of length {length}")
            layers.append(joined_units)
            self.joined += joined
            unit_lengths, gap_lengths = self._units, self._gaps
            for start, end in joined_units:
                unit_lengths[end - start] += 1
            for gap in gaps(length, joined_units):
                gap_lengths[gap] += 1
        for i in range(self.coders):
            for j in range(i + 1, self.coders):
                self._delta += 2 * pair_disagreement(layers[i], layers[j])  # both orders (i, j) and (j, i)
        self.length += length
        self.sections += 1

    def add_empty(self, length: int) -> None:
        """Add a section of ``length`` in which no coder marked a unit (one gap per coder)."""
        if length:
            self._gaps[length] += self.coders
        self.length += length
        self.sections += 1

    def merge(self, other: UnitizingAlpha) -> None:
        """Add another accumulator's sections to this one."""
        if other.coders != self.coders:
            raise ValueError("cannot merge accumulators with different numbers of coders")
        self.length += other.length
        self.sections += other.sections
        self.joined += other.joined
        self._delta += other._delta
        self._units.update(other._units)
        self._gaps.update(other._gaps)

    def disagreements(self) -> tuple[float, float] | None:
        """(uDo, uDe), or None for an empty continuum."""
        m, total = self.coders, self.length
        if total == 0:
            return None
        observed = self._delta / (m * (m - 1) * total * total)
        n_units = sum(self._units.values())
        # Σ over gaps g >= l of (g - l + 1), from suffix sums over the sorted distinct gap lengths.
        lengths = sorted(self._gaps)
        suffix_count = [0] * (len(lengths) + 1)
        suffix_sum = [0] * (len(lengths) + 1)
        for k in range(len(lengths) - 1, -1, -1):
            g = lengths[k]
            suffix_count[k] = suffix_count[k + 1] + self._gaps[g]
            suffix_sum[k] = suffix_sum[k + 1] + self._gaps[g] * g
        numerator = 0
        for length, count in self._units.items():
            k = bisect_left(lengths, length)
            placements = suffix_sum[k] - (length - 1) * suffix_count[k]
            # (N - 1)/3 · (2l³ - 3l² + l) is an integer: l(l - 1)(2l - 1) is divisible by 6.
            within = (n_units - 1) * length * (length - 1) * (2 * length - 1) // 3
            numerator += count * (within + length * length * placements)
        denominator = m * total * (m * total - 1) - sum(c * n * (n - 1) for n, c in self._units.items())
        expected = 2 * numerator / (total * denominator) if denominator else 0.0
        return observed, expected

    def result(self) -> AlphaU:
        found = self.disagreements()
        observed, expected = found if found else (None, None)
        alpha = 1 - observed / expected if observed is not None and expected else None
        return AlphaU(
            alpha=alpha,
            observed=observed,
            expected=expected,
            coders=self.coders,
            length=self.length,
            sections=self.sections,
            units=sum(self._units.values()),
            joined=self.joined,
        )


def alpha_u(length: int, units: Sequence[Iterable[Unit]]) -> float | None:
    """alpha_u of one category on one continuum of ``length``; ``units[i]`` are coder i's units."""
    acc = UnitizingAlpha(len(units))
    acc.add(length, units)
    return acc.result().alpha


def pooled(results: Iterable[AlphaU]) -> float | None:
    """alpha_u over several categories: 1 - Σ uDo / Σ uDe (None when no category has units)."""
    observed = expected = 0.0
    for r in results:
        if r.observed is not None and r.expected:
            observed += r.observed
            expected += r.expected
    return 1 - observed / expected if expected else None
