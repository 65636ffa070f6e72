"""Cross-checks against scikit-learn and the `krippendorff` package (test extras; skipped if absent)."""

from __future__ import annotations

import random
from collections.abc import Callable
from itertools import combinations

import pytest

from annotator.review.agreement import (
    agreement_report,
    cohen_kappa,
    krippendorff_alpha,
    token_categories,
    token_label_flags,
    token_units,
)
from annotator.store.project import Project

np = pytest.importorskip("numpy", reason="numpy comes with the test extras (scikit-learn, krippendorff)")
sklearn_metrics = pytest.importorskip("sklearn.metrics", reason="test extra scikit-learn is not installed")
krippendorff = pytest.importorskip("krippendorff", reason="test extra krippendorff is not installed")

CATEGORIES = ["O", "PER", "ORG", "GPE", "QUOTE"]


def random_ratings(rng: random.Random, coders: int, items: int, agreement: float) -> list[list[str]]:
    truth = [rng.choice(CATEGORIES) for _ in range(items)]
    return [[t if rng.random() < agreement else rng.choice(CATEGORIES) for t in truth] for _ in range(coders)]


def numeric(ratings: list[list[str | None]]) -> np.ndarray:
    codes = {c: k for k, c in enumerate(sorted({r for row in ratings for r in row if r is not None}))}
    return np.array([[np.nan if r is None else codes[r] for r in row] for row in ratings], dtype=float)


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("coders", [2, 3])
def test_cohen_kappa_matches_sklearn(seed: int, coders: int) -> None:
    rng = random.Random(seed)
    ratings = random_ratings(rng, coders, rng.randint(20, 300), rng.uniform(0.2, 0.95))
    for a, b in combinations(ratings, 2):
        assert cohen_kappa(a, b) == pytest.approx(sklearn_metrics.cohen_kappa_score(a, b), abs=1e-12)


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("coders", [2, 3])
def test_alpha_matches_krippendorff_package(seed: int, coders: int) -> None:
    rng = random.Random(100 + seed)
    ratings: list[list[str | None]] = [list(row) for row in random_ratings(rng, coders, rng.randint(20, 300), 0.7)]
    expected = krippendorff.alpha(reliability_data=numeric(ratings), level_of_measurement="nominal")
    assert krippendorff_alpha(ratings) == pytest.approx(expected, abs=1e-12)
    # with missing ratings
    for row in ratings:
        for k in range(len(row)):
            if rng.random() < 0.15:
                row[k] = None
    expected = krippendorff.alpha(reliability_data=numeric(ratings), level_of_measurement="nominal")
    assert krippendorff_alpha(ratings) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("annotators", [("amal", "omar"), ("amal", "omar", "sara")])
def test_project_report_matches_sklearn_and_krippendorff(
    seed: int, annotators: tuple[str, ...], random_project: Callable[..., Project]
) -> None:
    """The driver's pooled figures equal the reference libraries on the same token items."""
    project = random_project(seed, annotators)
    report = agreement_report(project)
    assert report.annotators == list(annotators)

    categories: dict[str, list[str]] = {name: [] for name in annotators}
    flags: dict[tuple[str, str], list[bool]] = {}
    for doc in project.iter_documents():
        assert doc.id is not None
        layers = {name: project.spans(doc.id, name) for name in annotators}
        tokens = token_units(doc.text, layers.values())
        for name, spans in layers.items():
            categories[name] += token_categories(tokens, spans)
            for label in report.labels:
                flags.setdefault((name, label), []).extend(token_label_flags(tokens, spans, label))

    for a, b in combinations(annotators, 2):
        pair = report.pair(a, b)
        assert pair is not None and pair.tokens == len(categories[a])
        assert pair.kappa() == pytest.approx(sklearn_metrics.cohen_kappa_score(categories[a], categories[b]))
        for label in report.labels:
            expected = sklearn_metrics.cohen_kappa_score(flags[(a, label)], flags[(b, label)])
            assert pair.kappa(label) == pytest.approx(expected)

    rows = [categories[name] for name in annotators]
    expected_alpha = krippendorff.alpha(reliability_data=numeric(rows), level_of_measurement="nominal")
    assert report.group.alpha() == pytest.approx(expected_alpha)
    for label in report.labels:
        binary = np.array([flags[(name, label)] for name in annotators], dtype=float)
        if len(np.unique(binary)) > 1:
            expected = krippendorff.alpha(reliability_data=binary, level_of_measurement="nominal")
            assert report.group.alpha(label) == pytest.approx(expected)
