"""Every released schema's fixture (tests/data/schemas/v<N>.annotator.db, made with
make_schema_fixture.py when that version was released) opens in this version, is backed up and
migrated if it is older, and keeps every document and annotation. The fixtures are only ever
opened as copies."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from gui_helpers import show_window
from make_schema_fixture import snapshot
from reliability_helpers import FIGURES, SCHEMAS, full_dump

import annotator.store.project as project_module
import annotator.store.schema as schema_module
from annotator.store.backups import list_backups, restore_backup
from annotator.store.project import Project

FIXTURES = sorted(SCHEMAS.glob("v*.annotator.db"), key=lambda p: int(p.name[1:].split(".")[0]))
ORIGINAL = list(schema_module.MIGRATIONS)


def _expected(fixture: Path) -> dict:
    return json.loads(fixture.with_name(fixture.name.replace(".annotator.db", ".expected.json")).read_text("utf-8"))


def _version(fixture: Path) -> int:
    return int(fixture.name[1:].split(".")[0])


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module", autouse=True)
def _fixtures_stay_untouched():
    before = {p: _digest(p) for p in FIXTURES}
    yield
    assert {p: _digest(p) for p in FIXTURES} == before
    assert sorted(p.name for p in SCHEMAS.iterdir()) == sorted(
        [
            ".gitignore",
            *(p.name for p in FIXTURES),
            *(p.name.replace(".annotator.db", ".expected.json") for p in FIXTURES),
        ]
    )


def use_migrations(monkeypatch: pytest.MonkeyPatch, *extra: str) -> int:
    """Pretend this version of the annotator ships ``extra`` migrations after the current ones."""
    migrations = [*ORIGINAL, *extra]
    for module in (schema_module, project_module):
        monkeypatch.setattr(module, "MIGRATIONS", migrations)
        monkeypatch.setattr(module, "SCHEMA_VERSION", len(migrations))
    import annotator.store.backups as backups_module

    monkeypatch.setattr(backups_module, "SCHEMA_VERSION", len(migrations))
    return len(migrations)


def test_there_is_a_fixture_for_every_released_schema() -> None:
    assert [_version(p) for p in FIXTURES] == list(range(1, schema_module.SCHEMA_VERSION + 1)), (
        "run tests/reliability/make_schema_fixture.py for the new schema version and commit its files"
    )


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_a_released_schema_opens_and_keeps_every_document_and_annotation(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    with Project.open(path) as project:
        assert project.schema_version == schema_module.SCHEMA_VERSION
        assert project.check() == []
        assert snapshot(project) == _expected(fixture)
    upgrades = [b for b in list_backups(path) if b.reason == "before-upgrade"]
    if _version(fixture) < schema_module.SCHEMA_VERSION:
        assert [b.schema for b in upgrades] == [_version(fixture)]
        assert full_dump(upgrades[0].path) == full_dump(fixture)
    else:
        assert upgrades == []
    FIGURES["migrations_checked"] += 1


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_a_future_migration_backs_up_the_fixture_and_migrates_it(
    fixture: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    version = use_migrations(
        monkeypatch,
        "ALTER TABLE documents ADD COLUMN source TEXT NOT NULL DEFAULT '';"
        "UPDATE documents SET source = json_extract(meta, '$.source');"
        "CREATE TABLE span_notes (span_id INTEGER PRIMARY KEY REFERENCES spans(id) ON DELETE CASCADE, note TEXT);"
        "INSERT INTO span_notes SELECT id, json_extract(attrs, '$.note') FROM spans WHERE json_extract(attrs, '$.note') IS NOT NULL",
    )
    with Project.open(path) as project:
        assert project.schema_version == version
        assert project.check() == []
        assert snapshot(project) == _expected(fixture)
        sources = {row[0] for row in project.conn.execute("SELECT source FROM documents")}
        notes = project.conn.execute("SELECT count(*) FROM span_notes").fetchone()[0]
    assert sources == {"fixture"}
    assert notes == 1
    [backup] = [b for b in list_backups(path) if b.reason == "before-upgrade"]
    assert backup.schema == _version(fixture)
    assert full_dump(backup.path) == full_dump(fixture)  # the copy is the file as it was

    # Restoring that copy gives the old schema back; opening it migrates it again.
    restore_backup(path, backup.path)
    assert full_dump(path)["user_version"] == _version(fixture)
    with Project.open(path) as project:
        assert project.schema_version == version
        assert snapshot(project) == _expected(fixture)
    FIGURES["migrations_checked"] += 1


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_the_window_opens_a_released_schema(qtbot, fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    expected = _expected(fixture)
    window = show_window(qtbot, Project.open(path), annotator="amal")
    assert window.document_count() == len(expected["documents"])
    assert window.select_document("kremlin")
    amal = [s for s in expected["documents"]["kremlin"]["spans"] if s[1] == "amal"]
    assert sorted(s.id for s in window.document_view.spans) == sorted(s[0] for s in amal)
    window.project.close()
