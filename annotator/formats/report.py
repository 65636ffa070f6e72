"""What an import or export did, as counts a person can read (nothing is lost silently)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass
class ImportReport:
    """Counts and notes from one import (one transaction)."""

    documents_added: int = 0
    documents_matched: int = 0  # already in the project with the same id and text
    spans_added: int = 0
    spans_skipped: int = 0  # identical span already in that layer
    relations_added: int = 0
    relations_skipped: int = 0
    labels_added: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{self.documents_added} documents added"]
        if self.documents_matched:
            parts.append(f"{self.documents_matched} already present")
        parts.append(f"{self.spans_added} spans")
        if self.spans_skipped:
            parts.append(f"{self.spans_skipped} duplicate spans skipped")
        parts.append(f"{self.relations_added} relations")
        if self.relations_skipped:
            parts.append(f"{self.relations_skipped} duplicate relations skipped")
        if self.labels_added:
            parts.append(f"labels added to the scheme: {', '.join(self.labels_added)}")
        return ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def add(self, other: ImportReport) -> None:
        """Add another import's counts, labels and notes to these (several files, one transaction)."""
        for key, value in other.__dict__.items():
            setattr(self, key, getattr(self, key) + value)


@dataclass
class ExportReport:
    """Counts from one export; ``lost`` names everything the format could not hold."""

    format: str
    path: str
    documents: int = 0
    spans: Counter[str] = field(default_factory=Counter)
    relations: int = 0
    lost: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        per_label = ", ".join(f"{label} {n}" for label, n in sorted(self.spans.items())) or "none"
        text = (
            f"{self.format}: {self.documents} documents, {sum(self.spans.values())} spans ({per_label}), "
            f"{self.relations} relations -> {self.path}"
        )
        if self.lost:
            text += "; not representable: " + ", ".join(f"{k} {v}" for k, v in sorted(self.lost.items()))
        return text

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "path": self.path,
            "documents": self.documents,
            "spans": dict(sorted(self.spans.items())),
            "span_total": sum(self.spans.values()),
            "relations": self.relations,
            "lost": dict(sorted(self.lost.items())),
        }
