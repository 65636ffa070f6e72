"""The project database: one SQLite file holding documents, label scheme and every annotator's layer."""

from annotator.store.project import Project

__all__ = ["Project"]
