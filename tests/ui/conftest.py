"""Fixtures for the GUI tests: real project files in tmp_path and the seed article."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from annotator.core.labels import LabelScheme
from annotator.core.model import Document, Span
from annotator.core.offsets import normalise_newlines
from annotator.resources import default_scheme, seeds_dir
from annotator.store.project import Project

SEED_FILE = "000_4eac77a9dcfe3750.txt"
SECOND_TEXT = "Second doc: NATO <b>x</b> 2021 حلف شمال الأطلسي\nسطر ثان 😀 مسيّرة"


def seed_text() -> str:
    """The seed article as the project stores it (CRLF/CR normalised to LF)."""
    with (seeds_dir() / SEED_FILE).open(encoding="utf-8", newline="") as handle:
        return normalise_newlines(handle.read()).text


def span_of(text: str, needle: str, label: str, annotator: str = "amal", *, after: int = 0, skip: int = 0) -> Span:
    """A span over ``needle`` in ``text`` (``skip`` characters of it left out at the front)."""
    start = text.find(needle, after)
    assert start >= 0, needle
    return Span(start + skip, start + len(needle), label, annotator=annotator)


@pytest.fixture(name="span_of")
def span_of_fixture():
    """The :func:`span_of` helper, for test modules (which cannot import conftest)."""
    return span_of


@pytest.fixture
def seed_article() -> str:
    return seed_text()


@pytest.fixture
def second_text() -> str:
    return SECOND_TEXT


@pytest.fixture
def scheme() -> LabelScheme:
    return default_scheme()


@pytest.fixture
def seed_project(tmp_path: Path) -> Iterator[Project]:
    """A project with the seed article (spans by amal and badr) and a short second document."""
    text = seed_text()
    project = Project.create(tmp_path / "demo.annotator.db")
    doc_id = project.add_document(Document(text=text, ext_id="seed", title=text.split("\n", 1)[0][:60]))
    quote_start = text.find('"بوتين أشار')
    quote_end = text.find('"', quote_start + 1) + 1
    project.add_span(doc_id, Span(quote_start, quote_end, "QUOTE", annotator="amal"))
    project.add_span(doc_id, span_of(text, "بوتين", "PER", after=quote_start))
    project.add_span(doc_id, span_of(text, "لروسيا", "GPE", skip=1))
    project.add_span(doc_id, span_of(text, "فلاديمير بوتين", "PER", annotator="badr"))
    second = project.add_document(Document(text=SECOND_TEXT, ext_id="second", title="<b>عنوان</b> ثان"))
    project.add_span(second, span_of(SECOND_TEXT, "<b>x</b>", "ORG"))
    yield project
    project.close()


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory, monkeypatch) -> Path:
    """No test reads or writes the user's settings: QSettings' user scope (and the config folder
    of any child process) points into a temporary folder."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    return folder
