"""Shared fixtures for the format tests: real project files in tmp_path, real files on disk.

Helpers are handed out as fixtures (not imported), since several test folders have a conftest.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

from annotator.store.project import Project


def write_jsonl(path: Path, records: Iterable[Any], *, newline: str = "\n") -> Path:
    """Write one JSON value per line (strings are written as they are, for malformed lines)."""
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_bytes((newline.join(lines) + newline).encode("utf-8"))
    return path


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    # split on LF only: a text may hold U+2028, which str.splitlines() would also split on
    return [json.loads(line) for line in path.read_bytes().split(b"\n") if line.strip()]


def counts(db: Path) -> dict[str, int]:
    """Rows in each table that an import writes, read through a fresh Project.open."""
    with Project.open(db) as project:
        return {
            table: project.conn.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]
            for table in ("documents", "spans", "relations", "annotators", "span_labels", "relation_labels")
        }


@pytest.fixture
def new_db(tmp_path: Path) -> Callable[..., Path]:
    """Create a project file (default news scheme) and return its path; optional project annotator."""
    made = 0

    def make(name: str | None = None, *, annotator: str | None = None) -> Path:
        nonlocal made
        made += 1
        path = tmp_path / (name or f"project{made}.annotator.db")
        with Project.create(path) as project:
            if annotator:
                project.set_setting("annotator", annotator)
        return path

    return make


@pytest.fixture(name="write_jsonl")
def _write_jsonl_fixture() -> Callable[..., Path]:
    return write_jsonl


@pytest.fixture(name="read_jsonl")
def _read_jsonl_fixture() -> Callable[[Path], list[dict[str, Any]]]:
    return read_jsonl


@pytest.fixture(name="counts")
def _counts_fixture() -> Callable[[Path], dict[str, int]]:
    return counts
