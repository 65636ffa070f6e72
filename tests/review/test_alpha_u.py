"""Krippendorff's unitizing alpha: hand-computed cases and the worked example of the literature."""

from __future__ import annotations

import random

import pytest

from annotator.review.alpha_u import UnitizingAlpha, alpha_u, gaps, join_overlaps, pair_disagreement, pooled


def result(length: int, *units: list[tuple[int, int]]):
    acc = UnitizingAlpha(len(units))
    acc.add(length, list(units))
    return acc.result()


def test_identical_unitizations_agree_perfectly() -> None:
    units = [(2, 5), (7, 9)]
    assert alpha_u(20, [units, units]) == 1.0
    assert alpha_u(20, [units, units, units]) == 1.0


def test_no_units_at_all_is_undefined_not_zero() -> None:
    r = result(10, [], [])
    assert r.alpha is None and r.expected == 0.0 and r.observed == 0.0


def test_hand_computed_two_coders_boundary_disagreement() -> None:
    # Continuum of L = 10 characters; coder 1 marks 2..6 (length 4), coder 2 marks 3..6 (length 3).
    # Observed: the units overlap, δ² = (2 - 3)² + (6 - 6)² = 1, counted for both orders (i, j), (j, i):
    #   uDo = 2 · 1 / (m (m - 1) L²) = 2 / (2 · 1 · 100) = 0.01
    # Expected: N = 2 units (lengths 4 and 3); gaps: coder 1 has 2 and 4, coder 2 has 3 and 4.
    #   l = 4: (N - 1)/3 · (2·64 - 3·16 + 4) = 84/3 = 28;  gaps >= 4: 4, 4 -> (1 + 1) · 4² = 32;  sum 60
    #   l = 3: (N - 1)/3 · (2·27 - 3·9 + 3) = 30/3 = 10;   gaps >= 3: 4, 3, 4 -> (2 + 1 + 2) · 3² = 45;  sum 55
    #   denominator: m L (m L - 1) - Σ l (l - 1) = 20 · 19 - (12 + 6) = 362
    #   uDe = (2 / L) · (60 + 55) / 362 = 0.2 · 115 / 362 = 23 / 362
    # alpha_u = 1 - 0.01 / (23/362) = 1 - 362/2300 = 1938/2300
    r = result(10, [(2, 6)], [(3, 6)])
    assert r.observed == pytest.approx(0.01)
    assert r.expected == pytest.approx(23 / 362)
    assert r.alpha == pytest.approx(1938 / 2300)
    assert r.units == 2 and r.length == 10 and r.sections == 1


def test_hand_computed_unit_the_other_coder_did_not_mark() -> None:
    # L = 10; coder 1 marks 2..4 (length 2), coder 2 marks nothing: the unit lies in coder 2's gap.
    #   uDo = 2 · 2² / (2 · 1 · 100) = 0.04
    #   N = 1, so the first expected term vanishes; gaps: 2 and 6 (coder 1), 10 (coder 2), all >= 2:
    #   placements (2-2+1) + (6-2+1) + (10-2+1) = 15, times l² = 4 -> 60
    #   denominator 20 · 19 - 2 · 1 = 378;  uDe = 0.2 · 60 / 378 = 12/378
    # alpha_u = 1 - 0.04 · 378 / 12 = 1 - 1.26 = -0.26 (worse than chance)
    r = result(10, [(2, 4)], [])
    assert r.observed == pytest.approx(0.04)
    assert r.expected == pytest.approx(12 / 378)
    assert r.alpha == pytest.approx(-0.26)


def test_krippendorff_2004_worked_example() -> None:
    # Content Analysis (2nd ed., 2004), p. 254: a continuum from 150 to 450 (L = 300), two coders.
    # Category c: coder i marks 225+70 and 370+30; coder j marks 220+80, 355+20 and 400+20.
    # Published: uDo = 0.0144, uDe = 0.0532, alpha_u(c) = 0.7286.
    # Observed by hand: (225-220)² + (295-300)² = 50; (370-355)² + (400-375)² = 850; 400..420 lies in
    # coder i's gap: 20² = 400. uDo = 2 · 1300 / (2 · 1 · 300²) = 0.014444...
    def shift(begin: int, length: int) -> tuple[int, int]:
        return (begin - 150, begin - 150 + length)

    c = result(300, [shift(225, 70), shift(370, 30)], [shift(220, 80), shift(355, 20), shift(400, 20)])
    assert c.observed == pytest.approx(1300 / 90000)
    assert round(c.observed, 4) == 0.0144
    assert round(c.expected, 4) == 0.0532
    assert round(c.alpha, 4) == 0.7286
    # Category k: both coders mark 180+60 and 300+50: perfect agreement, uDe = 0.0490.
    k = result(300, [shift(180, 60), shift(300, 50)], [shift(180, 60), shift(300, 50)])
    assert k.alpha == 1.0 and round(k.expected, 4) == 0.0490
    # Both categories: 1 - Σ uDo / Σ uDe = 1 - 0.01444 / (0.05322 + 0.04898)
    assert pooled([c, k]) == pytest.approx(1 - c.observed / (c.expected + k.expected))
    assert round(pooled([c, k]), 3) == 0.859


def test_pair_disagreement_terms() -> None:
    assert pair_disagreement([(0, 5)], [(0, 5)]) == 0
    assert pair_disagreement([(0, 5)], [(1, 7)]) == 1 + 4
    # one unit of a overlaps two of b: each overlapping pair counts
    assert pair_disagreement([(0, 10)], [(0, 4), (6, 10)]) == (0 + 36) + (36 + 0)
    # touching units do not overlap: each lies in the other's gap
    assert pair_disagreement([(0, 3)], [(3, 5)]) == 9 + 4


def test_gaps_and_joined_overlaps() -> None:
    assert gaps(10, [(2, 4), (4, 6)]) == [2, 4]
    assert gaps(6, [(0, 6)]) == []
    assert join_overlaps([(5, 9), (0, 3), (2, 4), (4, 6)]) == ([(0, 4), (4, 9)], 2)


def test_sections_accumulate_like_merged_accumulators() -> None:
    rng = random.Random(3)
    whole = UnitizingAlpha(3)
    parts = [UnitizingAlpha(3) for _ in range(4)]
    for part in parts:
        for _ in range(5):
            length = rng.randint(20, 60)
            layers = []
            for _ in range(3):
                start = rng.randrange(length - 5)
                layers.append([(start, start + rng.randint(1, 5))])
            whole.add(length, layers)
            part.add(length, layers)
    merged = UnitizingAlpha(3)
    for part in parts:
        merged.merge(part)
    assert merged.result() == whole.result()


def test_empty_section_adds_length_and_gaps_only() -> None:
    a, b = UnitizingAlpha(2), UnitizingAlpha(2)
    a.add(10, [[(2, 6)], [(3, 6)]])
    a.add(15, [[], []])
    b.add(10, [[(2, 6)], [(3, 6)]])
    b.add_empty(15)
    assert a.result() == b.result()
    assert a.result().length == 25 and a.result().sections == 2


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValueError):
        UnitizingAlpha(1)
    acc = UnitizingAlpha(2)
    with pytest.raises(ValueError):
        acc.add(5, [[(3, 8)], []])
    with pytest.raises(ValueError):
        acc.add(5, [[(1, 2)]])
