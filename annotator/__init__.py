"""A desktop annotator for Arabic news text: entities, quotes and claims, kept in SQLite."""

__version__ = "0.1.0"
