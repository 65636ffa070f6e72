"""Agreement metrics as pure functions: hand-computed cases, arithmetic in the comments."""

from __future__ import annotations

import random

import pytest

from annotator.core.model import Span
from annotator.core.tokenize import split_at, tokenize
from annotator.review.agreement import (
    OUTSIDE,
    MatchCounts,
    cohen_kappa,
    cohen_kappa_from_table,
    exact_matches,
    fleiss_kappa,
    krippendorff_alpha,
    micro,
    overlap_matches,
    span_agreement,
    token_categories,
    token_label_flags,
    token_units,
)

# -- span-level P/R/F1 --------------------------------------------------------------------

A = [Span(0, 5, "PER"), Span(10, 15, "ORG"), Span(20, 30, "PER")]
B = [Span(0, 5, "PER"), Span(10, 14, "ORG"), Span(20, 30, "LOC"), Span(22, 28, "PER")]


def test_exact_match_prf_by_hand() -> None:
    # Only PER 0..5 is identical in both: matched 1 of A's 3 and B's 4 spans.
    # P = 1/4, R = 1/3, F1 = 2·1 / (3 + 4) = 2/7.
    overall = micro(span_agreement(A, B, mode="exact").values())
    assert (overall.matched, overall.reference, overall.other) == (1, 3, 4)
    assert overall.precision == pytest.approx(1 / 4)
    assert overall.recall == pytest.approx(1 / 3)
    assert overall.f1 == pytest.approx(2 / 7)


def test_overlap_match_prf_by_hand() -> None:
    # PER 0..5 ~ PER 0..5 (overlap 5), PER 20..30 ~ PER 22..28 (overlap 6), ORG 10..15 ~ ORG 10..14 (4);
    # LOC 20..30 has no LOC partner. Matched 3: P = 3/4, R = 3/3, F1 = 6/7.
    per_label = span_agreement(A, B, mode="overlap")
    overall = micro(per_label.values())
    assert overall.matched == 3
    assert overall.precision == pytest.approx(3 / 4) and overall.recall == 1.0
    assert overall.f1 == pytest.approx(6 / 7)
    assert per_label["LOC"] == MatchCounts(matched=0, reference=0, other=1)
    assert per_label["LOC"].recall is None and per_label["LOC"].precision == 0.0 and per_label["LOC"].f1 == 0.0
    assert per_label["PER"] == MatchCounts(matched=2, reference=2, other=2)


def test_f1_is_symmetric_and_precision_recall_swap() -> None:
    for mode in ("exact", "overlap"):
        ab = micro(span_agreement(A, B, mode=mode).values())
        ba = micro(span_agreement(B, A, mode=mode).values())
        assert ab.f1 == ba.f1 and ab.precision == ba.recall and ab.recall == ba.precision


def test_overlap_matching_is_one_to_one_by_largest_overlap() -> None:
    # A's 0..10 overlaps B's 0..3 (3 characters) and 2..10 (8): it takes 2..10; 0..3 stays unmatched.
    ref = [Span(0, 10, "X")]
    other = [Span(0, 3, "X"), Span(2, 10, "X")]
    assert overlap_matches(ref, other) == [(0, 1)]
    # Greedy order: the largest overlap is decided first. 0..10~0..9 (9) first, then 8..12~9..20 (3).
    ref = [Span(0, 10, "X"), Span(8, 12, "X")]
    other = [Span(0, 9, "X"), Span(9, 20, "X")]
    assert overlap_matches(ref, other) == [(0, 0), (1, 1)]
    # Labels must agree; touching spans do not overlap.
    assert overlap_matches([Span(0, 5, "X")], [Span(0, 5, "Y"), Span(5, 9, "X")]) == []


def test_overlap_matching_does_not_depend_on_input_order() -> None:
    rng = random.Random(11)
    for _ in range(50):
        ref = [Span(s, s + rng.randint(1, 8), rng.choice("XY")) for s in (rng.randrange(40) for _ in range(8))]
        other = [Span(s, s + rng.randint(1, 8), rng.choice("XY")) for s in (rng.randrange(40) for _ in range(8))]
        pairs = overlap_matches(ref, other)
        # one-to-one, same label, overlapping
        assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
        assert all(ref[i].label == other[j].label and ref[i].overlaps(other[j]) for i, j in pairs)
        matched = sorted((ref[i].start, ref[i].end, other[j].start, other[j].end) for i, j in pairs)
        rng.shuffle(ref)
        rng.shuffle(other)
        again = sorted((ref[i].start, ref[i].end, other[j].start, other[j].end) for i, j in overlap_matches(ref, other))
        assert again == matched


def test_identical_spans_match_once_each() -> None:
    # Two identical PER spans in A, one in B: one exact match.
    assert exact_matches([Span(0, 3, "PER"), Span(0, 3, "PER")], [Span(0, 3, "PER")]) == {"PER": 1}


def test_no_spans_at_all_gives_undefined_not_zero() -> None:
    empty = micro(span_agreement([], [], mode="exact").values())
    assert empty.precision is None and empty.recall is None and empty.f1 is None


# -- token items ----------------------------------------------------------------------------

TEXT = "قال الرئيس بوتين لروسيا"


def test_tokens_are_split_at_every_annotators_span_boundaries() -> None:
    # روسيا inside لروسيا: one annotator marks the stem (starts after ل), so the token splits there.
    stem = TEXT.index("روسيا")
    tokens = token_units(TEXT, [[Span(stem, len(TEXT), "GPE")], [Span(stem - 1, len(TEXT), "GPE")]])
    assert [TEXT[t.start : t.end] for t in tokens] == ["قال", "الرئيس", "بوتين", "ل", "روسيا"]


def test_token_units_equals_core_split_at() -> None:
    rng = random.Random(5)
    text = "قال الرئيس فلاديمير بوتين: «نريد ضمانات» 😀 لروسيا. وأضاف الكرملين أن المفاوضات ضرورية."
    for _ in range(200):
        layers = []
        for _ in range(rng.randint(1, 3)):
            layer = []
            for _ in range(rng.randint(0, 6)):
                s = rng.randrange(len(text) - 1)
                layer.append(Span(s, rng.randint(s + 1, len(text)), "X"))
            layers.append(layer)
        cuts = {b for layer in layers for s in layer for b in (s.start, s.end)}
        assert token_units(text, layers) == split_at(tokenize(text, "arabic"), cuts)


def test_token_category_is_the_innermost_span_or_O() -> None:
    quote = Span(0, len(TEXT), "QUOTE")
    per = Span(TEXT.index("بوتين"), TEXT.index("بوتين") + 5, "PER")
    tokens = token_units(TEXT, [[quote, per]])
    assert token_categories(tokens, [quote, per]) == ["QUOTE", "QUOTE", "PER", "QUOTE"]
    assert token_categories(tokens, [per]) == [OUTSIDE, OUTSIDE, "PER", OUTSIDE]
    # per label (binary), any covering span of that label counts, inner spans included
    assert token_label_flags(tokens, [quote, per], "QUOTE") == [True, True, True, True]
    assert token_label_flags(tokens, [quote, per], "PER") == [False, False, True, False]


# -- Cohen's kappa --------------------------------------------------------------------------


def test_cohen_kappa_by_hand() -> None:
    # Two annotators, 10 tokens:
    #   A: PER PER O O O ORG ORG O O O
    #   B: PER O   O O O ORG PER O O O
    # Confusion (rows A, columns B):   PER  ORG  O  | A total
    #                           PER     1    0   1  |   2
    #                           ORG     1    1   0  |   2
    #                           O       0    0   6  |   6
    #                      B total      2    1   7  |  10
    # p_o = (1 + 1 + 6) / 10 = 0.8
    # p_e = (2·2 + 2·1 + 6·7) / 100 = 0.48
    # kappa = (0.8 - 0.48) / (1 - 0.48) = 0.32 / 0.52 = 8/13
    a = ["PER", "PER", "O", "O", "O", "ORG", "ORG", "O", "O", "O"]
    b = ["PER", "O", "O", "O", "O", "ORG", "PER", "O", "O", "O"]
    assert cohen_kappa(a, b) == pytest.approx(8 / 13)
    assert cohen_kappa(b, a) == pytest.approx(8 / 13)


def test_cohen_kappa_binary_table_by_hand() -> None:
    # 2x2 table: both 20, only A 5, only B 10, neither 65 (N = 100).
    # p_o = 0.85; A says yes 25, B says yes 30: p_e = 0.25·0.30 + 0.75·0.70 = 0.6
    # kappa = (0.85 - 0.6) / 0.4 = 0.625
    table = {(True, True): 20, (True, False): 5, (False, True): 10, (False, False): 65}
    assert cohen_kappa_from_table(table) == pytest.approx(0.625)


def test_cohen_kappa_edge_cases() -> None:
    assert cohen_kappa(["O"] * 5, ["O"] * 5) is None  # one category throughout: undefined
    assert cohen_kappa([], []) is None
    assert cohen_kappa(["A", "B"], ["B", "A"]) == pytest.approx(-1.0)
    with pytest.raises(ValueError):
        cohen_kappa(["A"], ["A", "B"])


# -- Fleiss' kappa and Krippendorff's alpha ------------------------------------------------

# Three coders, four items, categories a/b (one row per coder, one column per item).
RATINGS = [
    ["a", "a", "b", "a"],
    ["a", "a", "b", "b"],
    ["a", "b", "b", "b"],
]


def test_fleiss_kappa_by_hand() -> None:
    # Items: (a,a,a) (a,a,b) (b,b,b) (a,b,b); n = 3 coders.
    # P_i = (Σ n_ic² - n) / (n (n - 1)): (9-3)/6 = 1, (4+1-3)/6 = 1/3, 1, 1/3  ->  P̄ = (8/3)/4 = 2/3
    # p_a = (3+2+0+1)/12 = 1/2, p_b = 1/2  ->  P_e = 1/4 + 1/4 = 1/2
    # kappa = (2/3 - 1/2) / (1 - 1/2) = 1/3
    assert fleiss_kappa(RATINGS) == pytest.approx(1 / 3)


def test_fleiss_kappa_wikipedia_example() -> None:
    # Fleiss (1971) as tabulated on Wikipedia: 10 items, 14 raters, 5 categories; kappa = 0.210.
    table = [
        [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ]  # fmt: skip
    items = [[c for c, n in enumerate(row) for _ in range(n)] for row in table]
    ratings = [list(col) for col in zip(*items, strict=True)]  # coders x items
    assert round(fleiss_kappa(ratings), 3) == 0.210


def test_krippendorff_alpha_by_hand() -> None:
    # Same data. n = 12 pairable values, n_a = n_b = 6.
    # Agreeing coincidences o_cc = Σ_u n_uc (n_uc - 1) / (m_u - 1):
    #   (a,a,a): 3·2/2 = 3;  (a,a,b): 2·1/2 = 1;  (b,b,b): 3;  (a,b,b): 1   ->  Σ o_cc = 8
    # alpha = 1 - (n - 1)(n - Σ o_cc) / (n² - Σ n_c²) = 1 - 11 · 4 / (144 - 72) = 1 - 44/72 = 7/18
    assert krippendorff_alpha(RATINGS) == pytest.approx(7 / 18)


def test_krippendorff_alpha_with_missing_values_literature_example() -> None:
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability": 4 coders, 12 units, nominal,
    # with missing values; published alpha = 0.743.
    m = None
    ratings = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, m, m, m],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, m, 3],
        [m, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, m],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, m],
    ]
    assert round(krippendorff_alpha(ratings), 3) == 0.743


def test_coefficients_are_undefined_without_variation() -> None:
    same = [["O"] * 4, ["O"] * 4]
    assert fleiss_kappa(same) is None
    assert krippendorff_alpha(same) is None
    assert krippendorff_alpha([["a", None], [None, "b"]]) is None  # nothing pairable
    with pytest.raises(ValueError):
        fleiss_kappa([["a", None], ["a", "b"]])
