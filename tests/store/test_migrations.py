"""Schema migrations: a backup before any migration, all or nothing, and no data lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import annotator.store.project as project_module
import annotator.store.schema as schema_module
from annotator.core.errors import AnnotatorError
from annotator.core.model import Document, Relation, Span
from annotator.store.project import Project

TEXT = "قال بوتين: «نريد ضمانات» 😀\nوأضاف الكرملين أن المفاوضات ضرورية."
ORIGINAL = list(schema_module.MIGRATIONS)
CURRENT = len(ORIGINAL)  # the shipped schema version; "v1" below names a project made at it


def use_migrations(monkeypatch: pytest.MonkeyPatch, *extra: str) -> int:
    """Pretend this version of the annotator ships ``extra`` migrations after the current ones."""
    migrations = [*ORIGINAL, *extra]
    for module in (schema_module, project_module):
        monkeypatch.setattr(module, "MIGRATIONS", migrations)
        monkeypatch.setattr(module, "SCHEMA_VERSION", len(migrations))
    return len(migrations)


def make_v1_project(path: Path) -> dict:
    with Project.create(path) as project:
        assert project.schema_version == CURRENT
        for n in range(3):
            doc_id = project.add_document(Document(text=TEXT, ext_id=f"doc-{n}", title=f"خبر {n}", meta={"n": n}))
            per = project.add_span(doc_id, Span(4, 9, "PER", annotator="amal"))
            quote = project.add_span(doc_id, Span(12, 23, "QUOTE", annotator="amal", attrs={"type": "direct"}))
            project.add_relation(Relation(head=quote.id, child=per.id, label="SAID_BY", annotator="amal"))
            project.add_span(doc_id, Span(4, 9, "PER", annotator="badr"))
            project.set_status(doc_id, "amal", "done")
        return snapshot(project)


def snapshot(project: Project) -> dict:
    out = {}
    for doc in project.iter_documents():
        out[doc.ext_id] = {
            "doc": (doc.id, doc.title, doc.text, doc.meta),
            "spans": [(s.id, s.annotator, s.label, s.start, s.end, s.attrs) for s in project.spans(doc.id)],
            "relations": [(r.id, r.annotator, r.label, r.head, r.child) for r in project.relations(doc.id)],
            "status": {name: project.status(doc.id, name) for name in project.annotators()},
        }
    out["scheme"] = project.scheme().to_dict()
    return out


def raw(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def columns(path: Path, table: str) -> list[str]:
    return [row[1] for row in raw(path, f"PRAGMA table_info({table})")]


def backups(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.v*.bak"))


@pytest.fixture
def v1_path(tmp_path: Path) -> Path:
    return tmp_path / "news.annotator.db"


def test_opening_a_current_project_writes_no_backup(v1_path: Path) -> None:
    make_v1_project(v1_path)
    Project.open(v1_path).close()
    assert backups(v1_path) == []


def test_migration_writes_a_v1_backup_that_still_opens_with_all_data(
    v1_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = make_v1_project(v1_path)
    use_migrations(monkeypatch, "ALTER TABLE documents ADD COLUMN x TEXT")
    Project.open(v1_path).close()

    [backup] = backups(v1_path)
    assert backup.name.startswith(f"{v1_path.name}.v{CURRENT}.")
    assert raw(backup, "PRAGMA user_version") == [(CURRENT,)]
    assert "x" not in columns(backup, "documents")
    assert raw(backup, "SELECT count(*) FROM spans") == [(9,)]

    monkeypatch.undo()  # back to this annotator's real schema: the backup is a v1 project
    with Project.open(backup) as old:
        assert old.schema_version == CURRENT
        assert snapshot(old) == before


def test_migrated_project_is_at_the_new_version_and_keeps_every_document_and_span(
    v1_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = make_v1_project(v1_path)
    version = use_migrations(monkeypatch, "ALTER TABLE documents ADD COLUMN x TEXT")
    assert version == CURRENT + 1
    with Project.open(v1_path) as project:
        assert project.schema_version == CURRENT + 1
        assert snapshot(project) == before
        assert project.check() == []
        assert project.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert raw(v1_path, "PRAGMA user_version") == [(CURRENT + 1,)]
    assert "x" in columns(v1_path, "documents")
    # Opening again does not migrate (nor back up) a second time.
    Project.open(v1_path).close()
    assert len(backups(v1_path)) == 1


def test_several_migrations_run_in_order_and_can_move_data(v1_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = make_v1_project(v1_path)
    use_migrations(
        monkeypatch,
        "ALTER TABLE documents ADD COLUMN x TEXT; UPDATE documents SET x = 'كان ' || ext_id",
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) SELECT x FROM documents",
    )
    with Project.open(v1_path) as project:
        assert project.schema_version == CURRENT + 2
        assert snapshot(project) == before
        notes = [row[0] for row in project.conn.execute("SELECT body FROM notes ORDER BY id")]
    assert notes == ["كان doc-0", "كان doc-1", "كان doc-2"]
    assert [b.name.split(".")[-3] for b in backups(v1_path)] == [f"v{CURRENT}"]


def test_a_migration_that_fails_midway_leaves_the_database_at_v1_with_its_data(
    v1_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = make_v1_project(v1_path)
    use_migrations(
        monkeypatch,
        "ALTER TABLE documents ADD COLUMN x TEXT; UPDATE spans SET label = 'PER'; CREATE TABLE spans (id INTEGER)",
    )
    with pytest.raises(AnnotatorError) as info:
        Project.open(v1_path)
    assert str(v1_path) in str(info.value)

    assert raw(v1_path, "PRAGMA user_version") == [(CURRENT,)]
    assert "x" not in columns(v1_path, "documents")
    monkeypatch.undo()
    with Project.open(v1_path) as project:
        assert project.schema_version == CURRENT
        assert snapshot(project) == before


def test_a_failed_migration_releases_the_database(v1_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_v1_project(v1_path)
    use_migrations(monkeypatch, "CREATE TABLE documents (id INTEGER)")
    with pytest.raises(AnnotatorError):
        Project.open(v1_path)
    # No transaction or lock was left behind: another connection can write at once.
    conn = sqlite3.connect(v1_path, timeout=0)
    try:
        conn.execute("CREATE TABLE probe (x)")
        conn.commit()
    finally:
        conn.close()


def test_a_failed_second_step_keeps_the_first_step(v1_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = make_v1_project(v1_path)
    use_migrations(monkeypatch, "ALTER TABLE documents ADD COLUMN x TEXT", "CREATE TABLE spans (id INTEGER)")
    with pytest.raises(AnnotatorError):
        Project.open(v1_path)
    # Each step is its own transaction: the database is a consistent v2, and the v1 backup exists.
    assert raw(v1_path, "PRAGMA user_version") == [(CURRENT + 1,)]
    assert "x" in columns(v1_path, "documents")
    assert len(backups(v1_path)) == 1
    use_migrations(monkeypatch, "ALTER TABLE documents ADD COLUMN x TEXT")
    with Project.open(v1_path) as project:
        assert snapshot(project) == before


def test_new_project_is_created_at_the_latest_version_without_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_migrations(monkeypatch, "ALTER TABLE documents ADD COLUMN x TEXT")
    path = tmp_path / "fresh.db"
    with Project.create(path) as project:
        assert project.schema_version == CURRENT + 1
        assert "PER" in project.scheme().span_label_names
    assert backups(path) == []
    assert "x" in columns(path, "documents")


def test_the_shipped_schema_version_counts_the_migrations() -> None:
    assert schema_module.SCHEMA_VERSION == len(schema_module.MIGRATIONS) == project_module.SCHEMA_VERSION
