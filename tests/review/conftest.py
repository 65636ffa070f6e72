"""Fixtures for the review tests: real project files in tmp_path.

Helpers are handed out as fixtures (not imported), since several test folders have a conftest.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from annotator.core.model import Document, Span
from annotator.store.project import Project

ARTICLE = (
    "قال الرئيس فلاديمير بوتين: «نريد ضمانات أمنية» 😀 لروسيا.\n"
    "وأضاف الكرملين أن المفاوضات مع أوكرانيا ضرورية، وأن موسكو مستعدة للحوار."
)


def find(text: str, surface: str, label: str, annotator: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Span(start, start + len(surface), label, annotator=annotator)


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "main.annotator.db") as proj:
        yield proj


@pytest.fixture
def span_of() -> Callable[..., Span]:
    """span_of(text, surface, label, annotator, nth=0): the span of a surface string in a text."""
    return find


@pytest.fixture
def random_project(tmp_path: Path) -> Callable[..., Project]:
    """random_project(seed, annotators, documents): a project where annotators disagree at random."""

    def make(seed: int, annotators: tuple[str, ...] = ("amal", "omar"), documents: int = 6) -> Project:
        rng = random.Random(seed)
        labels = ["PER", "ORG", "GPE", "QUOTE"]
        words = ARTICLE.split()
        project = Project.create(tmp_path / f"random-{seed}-{len(annotators)}.db")
        for d in range(documents):
            text = " ".join(rng.choice(words) for _ in range(rng.randint(15, 40)))
            doc_id = project.add_document(Document(text=text, ext_id=f"doc-{d}"))
            base = []
            for _ in range(rng.randint(1, 6)):
                start = rng.randrange(len(text) - 2)
                base.append((start, min(len(text), start + rng.randint(1, 25)), rng.choice(labels)))
            for name in annotators:
                spans = []
                for start, end, label in base:
                    roll = rng.random()
                    if roll < 0.15:
                        continue
                    if roll < 0.3:
                        label = rng.choice(labels)
                    elif roll < 0.45:
                        start = max(0, start - rng.randint(1, 3))
                    spans.append(Span(start, end, label, annotator=name))
                if rng.random() < 0.3:
                    start = rng.randrange(len(text) - 2)
                    spans.append(Span(start, start + 2, rng.choice(labels), annotator=name))
                project.add_spans(doc_id, spans)
                project.set_status(doc_id, name, "done")
        return project

    return make
