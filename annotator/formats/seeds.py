"""The demo project: the seed article(s) from seeds/, with a demonstration annotation layer."""

from __future__ import annotations

from pathlib import Path

from annotator.formats.jsonl import import_jsonl
from annotator.formats.plaintext import import_text
from annotator.resources import seeds_dir
from annotator.store.project import Project

DEMO_ANNOTATOR = "demo"


def build_demo_project(path: str | Path, *, seeds: Path | None = None) -> Project:
    """Create a project at ``path`` from the seed texts and the demo annotations (if shipped)."""
    seeds = seeds or seeds_dir()
    project = Project.create(path)
    try:
        with project.transaction():
            import_text(project, sorted(seeds.glob("*.txt")))
            for annotations in sorted(seeds.glob("*.jsonl")):
                import_jsonl(project, annotations, default_annotator=DEMO_ANNOTATOR)
            project.set_setting("annotator", DEMO_ANNOTATOR)
    except BaseException:
        project.close()
        Path(path).unlink(missing_ok=True)
        raise
    return project


def demo_project_path() -> Path:
    """Where the demo project lives: the user's data folder (created on first use)."""
    from platformdirs import user_data_path

    return user_data_path("annotator", appauthor=False, ensure_exists=True) / "demo.annotator.db"


def open_demo_project() -> Path:
    """Return the demo project's path, building it from seeds/ on first run."""
    path = demo_project_path()
    if not path.exists():
        build_demo_project(path).close()
    return path
