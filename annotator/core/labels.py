"""The label scheme: span labels (with kinds, colours, keys, attributes) and relation labels."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError

SPAN_KINDS = ("entity", "quote", "claim", "cue", "other")
ATTRIBUTE_TYPES = ("choice", "bool", "text")
DEFAULT_COLOR = "#cccccc"


@dataclass(slots=True)
class AttributeDef:
    """One attribute a span of a label may carry (e.g. quote type: direct/indirect)."""

    name: str
    type: str = "text"
    values: list[str] = field(default_factory=list)
    default: Any = None


@dataclass(slots=True)
class SpanLabel:
    name: str
    kind: str = "entity"
    color: str = DEFAULT_COLOR
    key: str = ""
    description: str = ""
    attributes: list[AttributeDef] = field(default_factory=list)


@dataclass(slots=True)
class RelationLabel:
    """A relation type; ``heads``/``children`` list the span labels allowed at each end (empty: any)."""

    name: str
    heads: list[str] = field(default_factory=list)
    children: list[str] = field(default_factory=list)

    def allows(self, head_label: str, child_label: str) -> bool:
        return (not self.heads or head_label in self.heads) and (not self.children or child_label in self.children)


@dataclass(slots=True)
class LabelScheme:
    span_labels: list[SpanLabel] = field(default_factory=list)
    relation_labels: list[RelationLabel] = field(default_factory=list)
    name: str = "custom"
    description: str = ""

    def span_label(self, name: str) -> SpanLabel | None:
        return next((label for label in self.span_labels if label.name == name), None)

    def relation_label(self, name: str) -> RelationLabel | None:
        return next((label for label in self.relation_labels if label.name == name), None)

    @property
    def span_label_names(self) -> list[str]:
        return [label.name for label in self.span_labels]

    @property
    def relation_label_names(self) -> list[str]:
        return [label.name for label in self.relation_labels]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, path: str | None = None) -> LabelScheme:
        """Build a scheme from its JSON form, checking names, kinds and attribute types."""
        try:
            span_labels = [
                SpanLabel(
                    name=str(item["name"]),
                    kind=item.get("kind", "entity"),
                    color=item.get("color", DEFAULT_COLOR),
                    key=item.get("key", ""),
                    description=item.get("description", ""),
                    attributes=[AttributeDef(**attr) for attr in item.get("attributes", [])],
                )
                for item in data.get("span_labels", [])
            ]
            relation_labels = [
                RelationLabel(
                    name=str(item["name"]),
                    heads=list(item.get("heads", [])),
                    children=list(item.get("children", [])),
                )
                for item in data.get("relation_labels", [])
            ]
        except (KeyError, TypeError) as exc:
            raise InputError(f"malformed label scheme: {exc}", path=path) from exc
        scheme = cls(
            span_labels=span_labels,
            relation_labels=relation_labels,
            name=data.get("name", "custom"),
            description=data.get("description", ""),
        )
        scheme.validate(path=path)
        return scheme

    def validate(self, *, path: str | None = None) -> None:
        """Raise InputError if names repeat, kinds are unknown or keys clash."""
        seen: set[str] = set()
        keys: dict[str, str] = {}
        for label in self.span_labels:
            if not label.name or label.name in seen:
                raise InputError(f"span label name {label.name!r} is empty or repeated", path=path, field="name")
            seen.add(label.name)
            if label.kind not in SPAN_KINDS:
                raise InputError(f"label {label.name}: unknown kind {label.kind!r}", path=path, field="kind")
            if label.key:
                if label.key in keys:
                    raise InputError(
                        f"labels {keys[label.key]} and {label.name} share the key {label.key!r}",
                        path=path,
                        field="key",
                    )
                keys[label.key] = label.name
            for attr in label.attributes:
                if attr.type not in ATTRIBUTE_TYPES:
                    raise InputError(
                        f"label {label.name}: attribute {attr.name} has unknown type {attr.type!r}",
                        path=path,
                        field="attributes",
                    )
        rel_seen: set[str] = set()
        for rel in self.relation_labels:
            if not rel.name or rel.name in rel_seen:
                raise InputError(f"relation label name {rel.name!r} is empty or repeated", path=path, field="name")
            rel_seen.add(rel.name)


def load_scheme(path: Path) -> LabelScheme:
    """Read a label scheme from a JSON file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read label scheme: {exc}", path=str(path)) from exc
    return LabelScheme.from_dict(data, path=str(path))
