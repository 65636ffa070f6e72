"""Exports write atomically: a failed or cancelled export leaves the old file and no temp files."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.errors import Cancelled
from annotator.core.model import Document, Span
from annotator.formats.atomic import atomic_output
from annotator.formats.jsonl import export_jsonl
from annotator.store.project import Project

OLD = b"the previous export, which must survive\n"


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_atomic_output_replaces_the_file_only_at_the_end(tmp_path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_bytes(OLD)
    with atomic_output(target) as stream:
        stream.write(b"new content\n")
        stream.flush()
        assert target.read_bytes() == OLD  # not touched while writing
        temps = [n for n in _names(tmp_path) if n != "out.jsonl"]
        assert len(temps) == 1 and temps[0].endswith(".tmp")  # the temp file sits beside the target
    assert target.read_bytes() == b"new content\n"
    assert _names(tmp_path) == ["out.jsonl"]


@pytest.mark.parametrize("error", [RuntimeError, KeyboardInterrupt, Cancelled])
def test_atomic_output_failing_midway_keeps_the_old_file_and_leaves_no_temp(tmp_path, error) -> None:
    target = tmp_path / "out.jsonl"
    target.write_bytes(OLD)
    with pytest.raises(error), atomic_output(target) as stream:
        stream.write(b"half a record")
        raise error("stop")
    assert target.read_bytes() == OLD
    assert _names(tmp_path) == ["out.jsonl"]


def test_atomic_output_failing_on_a_new_path_creates_nothing(tmp_path) -> None:
    target = tmp_path / "new" / "out.jsonl"
    with pytest.raises(RuntimeError), atomic_output(target) as stream:
        stream.write(b"x")
        raise RuntimeError
    assert not target.exists()
    assert _names(tmp_path / "new") == []


def _project_with_documents(db: Path, n: int) -> None:
    with Project.open(db) as project:
        for i in range(n):
            text = f"وثيقة رقم {i} عن روسيا"
            doc = project.add_document(Document(text=text, ext_id=f"d{i}"))
            project.add_span(doc, Span(text.index("روسيا"), len(text), "GPE", "amal"))


def test_an_export_cancelled_midway_leaves_the_existing_output_unchanged(tmp_path, new_db) -> None:
    db = new_db()
    _project_with_documents(db, 5)
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    out = out_dir / "data.jsonl"
    out.write_bytes(OLD)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        if done == 3:
            raise Cancelled("cancelled by the user")

    with Project.open(db) as project, pytest.raises(Cancelled):
        export_jsonl(project, out, progress=progress)
    assert calls == [(1, 5), (2, 5), (3, 5)]  # it was midway: documents had been written
    assert out.read_bytes() == OLD
    assert _names(out_dir) == ["data.jsonl"]


def test_an_export_cancelled_midway_to_a_new_path_leaves_nothing(tmp_path, new_db) -> None:
    db = new_db()
    _project_with_documents(db, 3)
    out_dir = tmp_path / "exports"
    out_dir.mkdir()

    def progress(done: int, total: int) -> None:
        if done == 2:
            raise Cancelled("cancelled")

    with Project.open(db) as project, pytest.raises(Cancelled):
        export_jsonl(project, out_dir / "data.jsonl", progress=progress)
    assert _names(out_dir) == []


def test_a_cli_export_that_fails_midway_keeps_the_old_output_and_writes_no_summary(tmp_path, new_db) -> None:
    db = new_db()
    _project_with_documents(db, 4)
    with Project.open(db) as project:  # corrupt the third document's span behind the store's back
        project.conn.execute("PRAGMA ignore_check_constraints = ON")
        project.conn.execute(
            'UPDATE spans SET "end" = 99999 WHERE document_id = (SELECT id FROM documents WHERE ext_id = ?)', ("d2",)
        )
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    out = out_dir / "data.jsonl"
    out.write_bytes(OLD)
    result = CliRunner().invoke(cli, ["export", str(db), "-o", str(out)])
    assert result.exit_code == 1
    assert "d2" in result.stderr and "annotator check" in result.stderr
    assert out.read_bytes() == OLD
    assert _names(out_dir) == ["data.jsonl"]
