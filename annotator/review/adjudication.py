"""Adjudication: compare the annotators' layers of a document and decide its gold layer.

Two parts, no Qt:

* :func:`diff_layers` (pure) compares layers of spans and relations and sorts what it finds into
  what every annotator agrees on and the disagreements;
* operations that write the ``gold`` layer through the store: :func:`accept`, :func:`reject`,
  :func:`take_version`, :func:`accept_all_agreed`, :func:`accept_relation`,
  :func:`reject_relation`, :func:`set_review_state`. Each runs in one transaction and returns a
  :class:`GoldChange` saying exactly what it did, which :func:`undo_change` reverses and
  :func:`redo_change` repeats (with the same span and relation ids), for the GUI's undo stack.

How layers are compared
-----------------------
A *variant* is one (start, end, label) with the annotators whose layer has it (and each one's
attributes). A variant every compared annotator has, with the same attributes, is *agreed*.
Every other variant takes part in a *disagreement*; variants are joined into one disagreement
when they overlap, no annotator has both, and either

* they have the same label but other boundaries (a **boundary** conflict), or
* they have other labels and the same boundaries, or other labels of the same kind (entity,
  quote...) and overlapping boundaries (a **label** conflict, with a boundary conflict too when
  the boundaries differ).

(Spans of one annotator never conflict with each other: a person inside a quote is nesting.) A
disagreement of one variant is a span **only some** annotators have; variants whose annotators
gave the same span different attributes add an **attributes** conflict. Relations are compared by
(label, head span, child span), spans named by (start, end, label): a relation not every annotator
has is a **relation** conflict, grouped with the other relations of the same label from the same
head.

The gold layer and decisions
----------------------------
Accepting a variant puts a copy in gold (replacing the other variants of its disagreement there);
rejecting removes it from gold and records the rejection, so a disagreement reads as decided
(``accepted`` when gold has one of its variants, ``rejected`` when all were rejected, else
``open``). Rejections are kept in the project's settings, per document. The first change to a
document's gold layer moves its review state from ``unreviewed`` to ``in_review``; marking it
``adjudicated`` is the reviewer's decision.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD, REVIEW_STATES, Relation, Span
from annotator.store.project import Project

SpanKey = tuple[int, int, str]  # (start, end, label)
RelationKey = tuple[str, SpanKey, SpanKey]  # (label, head, child)
Progress = Callable[[int, int], None]

ONLY_SOME = "only_some"
LABEL = "label"
BOUNDARY = "boundary"
ATTRIBUTES = "attributes"
RELATION = "relation"
KINDS = (LABEL, BOUNDARY, ONLY_SOME, ATTRIBUTES, RELATION)
KIND_NAMES = {
    LABEL: "label conflict",
    BOUNDARY: "boundary conflict",
    ONLY_SOME: "only some",
    ATTRIBUTES: "attribute conflict",
    RELATION: "relation conflict",
}

OPEN, ACCEPTED, REJECTED = "open", "accepted", "rejected"


def span_key(span: Span) -> SpanKey:
    return (span.start, span.end, span.label)


def span_token(key: SpanKey) -> str:
    """How a rejected span is recorded."""
    return json.dumps(["span", *key], ensure_ascii=False)


def relation_token(key: RelationKey) -> str:
    """How a rejected relation is recorded."""
    label, head, child = key
    return json.dumps(["relation", label, *head, *child], ensure_ascii=False)


# -- comparing layers ---------------------------------------------------------------------


@dataclass
class Variant:
    """One (start, end, label) and the annotators who have it: annotator -> their span."""

    start: int
    end: int
    label: str
    spans: dict[str, Span] = field(default_factory=dict)

    @property
    def key(self) -> SpanKey:
        return (self.start, self.end, self.label)

    @property
    def annotators(self) -> list[str]:
        return list(self.spans)

    def attrs_agree(self) -> bool:
        values = [s.attrs for s in self.spans.values()]
        return all(v == values[0] for v in values[1:])

    def attrs(self, annotator: str | None = None) -> dict[str, Any]:
        """The attributes ``annotator`` gave it (default: the first annotator's)."""
        if annotator is not None:
            return dict(self.spans[annotator].attrs)
        return dict(next(iter(self.spans.values())).attrs) if self.spans else {}

    def overlaps(self, other: Variant) -> bool:
        return self.start < other.end and other.start < self.end

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass
class RelationVariant:
    """One (label, head, child) relation and the annotators who have it."""

    label: str
    head: SpanKey
    child: SpanKey
    relations: dict[str, Relation] = field(default_factory=dict)

    @property
    def key(self) -> RelationKey:
        return (self.label, self.head, self.child)

    @property
    def annotators(self) -> list[str]:
        return list(self.relations)


@dataclass
class Disagreement:
    """Variants (or relations) the annotators do not agree on, in one region of the text."""

    kinds: tuple[str, ...]
    start: int
    end: int
    annotators: list[str]  # every compared annotator
    variants: list[Variant] = field(default_factory=list)
    relations: list[RelationVariant] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.kinds[0]

    def describe(self) -> str:
        return ", ".join(KIND_NAMES[k] for k in self.kinds)

    def without(self) -> list[str]:
        """Annotators who have none of its variants (or relations)."""
        having = {a for v in self.variants for a in v.annotators} | {a for r in self.relations for a in r.annotators}
        return [a for a in self.annotators if a not in having]

    def state(self, gold: GoldState) -> str:
        """``accepted`` (gold has one of the options), ``rejected`` (every option rejected) or ``open``."""
        if self.relations:
            if any(r.key in gold.relations for r in self.relations):
                return ACCEPTED
            if all(relation_token(r.key) in gold.rejected for r in self.relations):
                return REJECTED
            return OPEN
        if any(v.key in gold.spans for v in self.variants):
            return ACCEPTED
        if all(span_token(v.key) in gold.rejected for v in self.variants):
            return REJECTED
        return OPEN


@dataclass
class DocumentDiff:
    """The comparison of a document's layers (see the module docstring)."""

    annotators: list[str]
    variants: dict[SpanKey, Variant]
    agreed: list[Variant]
    relation_variants: dict[RelationKey, RelationVariant]
    agreed_relations: list[RelationVariant]
    disagreements: list[Disagreement]

    def variant(self, key: SpanKey) -> Variant | None:
        return self.variants.get(key)

    def counts(self) -> Counter[str]:
        """Disagreements by kind (one disagreement may count under several kinds)."""
        out: Counter[str] = Counter()
        for d in self.disagreements:
            out.update(d.kinds)
        return out

    def open_count(self, gold: GoldState) -> int:
        return sum(1 for d in self.disagreements if d.state(gold) == OPEN)


def diff_layers(
    layers: Mapping[str, Iterable[Span]],
    relations: Mapping[str, Iterable[Relation]] | None = None,
    *,
    kinds: Mapping[str, str] | None = None,
) -> DocumentDiff:
    """Compare annotators' layers of one document (``layers``: annotator -> spans, in the order to
    show them; ``relations``: annotator -> relations between their spans; ``kinds``: label -> kind,
    for label conflicts between overlapping spans of other boundaries)."""
    names = list(layers)
    everyone = len(names)
    variants: dict[SpanKey, Variant] = {}
    ids: dict[str, dict[int, SpanKey]] = {}
    for name in names:
        ids[name] = {}
        for span in layers[name]:
            key = span_key(span)
            variant = variants.get(key)
            if variant is None:
                variant = variants[key] = Variant(span.start, span.end, span.label)
            variant.spans.setdefault(name, span)  # a span given twice by one annotator counts once
            if span.id is not None:
                ids[name][span.id] = key
    ordered = sorted(variants.values(), key=lambda v: (v.start, -v.end, v.label))
    agreed = [v for v in ordered if len(v.spans) == everyone and v.attrs_agree()]
    agreed_keys = {v.key for v in agreed}
    rest = [v for v in ordered if v.key not in agreed_keys]

    # Join conflicting variants (union-find over the sweep of overlapping pairs).
    parent = list(range(len(rest)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    kind_of = kinds or {}
    for i, v in enumerate(rest):
        for j in range(i + 1, len(rest)):
            w = rest[j]
            if w.start >= v.end:
                break
            if not v.overlaps(w) or set(v.spans) & set(w.spans):
                continue
            same_range = (v.start, v.end) == (w.start, w.end)
            if v.label == w.label:
                conflict = not same_range
            else:
                conflict = same_range or (v.label in kind_of and kind_of.get(v.label) == kind_of.get(w.label))
            if conflict:
                parent[root(j)] = root(i)
    groups: dict[int, list[Variant]] = {}
    for i, v in enumerate(rest):
        groups.setdefault(root(i), []).append(v)

    disagreements = []
    for group in groups.values():
        found = set()
        if len({v.label for v in group}) > 1:
            found.add(LABEL)
        if len({(v.start, v.end) for v in group}) > 1:
            found.add(BOUNDARY)
        if len(group) == 1 and len(group[0].spans) < everyone:
            found.add(ONLY_SOME)
        if any(not v.attrs_agree() for v in group):
            found.add(ATTRIBUTES)
        disagreements.append(
            Disagreement(
                kinds=tuple(k for k in KINDS if k in found),
                start=min(v.start for v in group),
                end=max(v.end for v in group),
                annotators=names,
                variants=group,
            )
        )

    relation_variants: dict[RelationKey, RelationVariant] = {}
    for name in names:
        for rel in (relations or {}).get(name, ()):
            head, child = ids[name].get(rel.head), ids[name].get(rel.child)
            if head is None or child is None:
                continue  # a relation to a span outside this layer: not comparable
            key = (rel.label, head, child)
            rv = relation_variants.get(key)
            if rv is None:
                rv = relation_variants[key] = RelationVariant(rel.label, head, child)
            rv.relations.setdefault(name, rel)
    ordered_rel = sorted(relation_variants.values(), key=lambda r: (r.head[0], -r.head[1], r.label, r.child))
    agreed_relations = [r for r in ordered_rel if len(r.relations) == everyone]
    by_head: dict[tuple[SpanKey, str], list[RelationVariant]] = {}
    for r in ordered_rel:
        if len(r.relations) < everyone:
            by_head.setdefault((r.head, r.label), []).append(r)
    for group_rel in by_head.values():
        ends = [k for r in group_rel for k in (r.head, r.child)]
        disagreements.append(
            Disagreement(
                kinds=(RELATION,),
                start=min(k[0] for k in ends),
                end=max(k[1] for k in ends),
                annotators=names,
                relations=group_rel,
            )
        )
    disagreements.sort(key=lambda d: (d.start, -d.end, d.kinds))
    return DocumentDiff(names, variants, agreed, relation_variants, agreed_relations, disagreements)


# -- reading a project --------------------------------------------------------------------


@dataclass
class GoldState:
    """What a document's gold layer holds, keyed as in :class:`DocumentDiff`, and the rejections."""

    spans: dict[SpanKey, Span]
    relations: dict[RelationKey, Relation]
    rejected: set[str] = field(default_factory=set)
    review_state: str = "unreviewed"


def gold_state_of(
    spans: Iterable[Span], relations: Iterable[Relation], rejected: Iterable[str] = (), review_state: str = "unreviewed"
) -> GoldState:
    by_key: dict[SpanKey, Span] = {}
    by_id: dict[int, SpanKey] = {}
    for span in spans:
        by_key.setdefault(span_key(span), span)
        if span.id is not None:
            by_id[span.id] = span_key(span)
    rels: dict[RelationKey, Relation] = {}
    for rel in relations:
        head, child = by_id.get(rel.head), by_id.get(rel.child)
        if head is not None and child is not None:
            rels.setdefault((rel.label, head, child), rel)
    return GoldState(by_key, rels, set(rejected), review_state)


def _rejected_setting(doc_id: int) -> str:
    return f"review.rejected.{doc_id}"


def rejected_tokens(project: Project, doc_id: int) -> set[str]:
    raw = project.get_setting(_rejected_setting(doc_id))
    return set(json.loads(raw)) if raw else set()


def gold_state(project: Project, doc_id: int) -> GoldState:
    return gold_state_of(
        project.spans(doc_id, GOLD),
        project.relations(doc_id, GOLD),
        rejected_tokens(project, doc_id),
        project.review_state(doc_id),
    )


def compared_annotators(project: Project, doc_id: int) -> list[str]:
    """The annotators to compare in a document: everyone but gold who has looked at it (status in
    progress or done) or has spans in it. An annotator who never opened it is left out rather than
    read as having found nothing (as in the agreement figures)."""
    statuses = project.document_statuses(doc_id)
    with_spans = {s.annotator for s in project.spans(doc_id)}
    return [
        name
        for name in project.annotators()
        if name != GOLD and (statuses.get(name, ("new", ""))[0] != "new" or name in with_spans)
    ]


def document_diff(
    project: Project,
    doc_id: int,
    annotators: Sequence[str] | None = None,
    *,
    kinds: Mapping[str, str] | None = None,
) -> DocumentDiff:
    """:func:`diff_layers` of a stored document (default: its :func:`compared_annotators`; ``kinds``:
    label -> kind, default from the project's scheme)."""
    names = list(annotators) if annotators is not None else compared_annotators(project, doc_id)
    layers: dict[str, list[Span]] = {name: [] for name in names}
    for span in project.spans(doc_id):
        if span.annotator in layers:
            layers[span.annotator].append(span)
    relations: dict[str, list[Relation]] = {name: [] for name in names}
    for rel in project.relations(doc_id):
        if rel.annotator in relations:
            relations[rel.annotator].append(rel)
    if kinds is None:
        kinds = {label.name: label.kind for label in project.scheme().span_labels}
    return diff_layers(layers, relations, kinds=kinds)


@dataclass
class DocumentReview:
    """A document's line in the review overview."""

    doc_id: int
    ext_id: str
    title: str
    review_state: str
    annotators: list[str]
    disagreements: int
    open: int
    agreed: int


def review_overview(project: Project, *, progress: Progress | None = None) -> list[DocumentReview]:
    """Every document's review state and disagreement counts (``progress`` may raise Cancelled)."""
    infos = project.document_list(GOLD)
    kinds = {label.name: label.kind for label in project.scheme().span_labels}
    out = []
    for done, info in enumerate(infos):
        if progress is not None:
            progress(done, len(infos))
        diff = document_diff(project, info.id, kinds=kinds)
        gold = gold_state(project, info.id)
        out.append(
            DocumentReview(
                info.id,
                info.ext_id,
                info.title,
                info.review_state,
                diff.annotators,
                len(diff.disagreements),
                diff.open_count(gold),
                len(diff.agreed),
            )
        )
    if progress is not None:
        progress(len(infos), len(infos))
    return out


# -- writing gold -------------------------------------------------------------------------


@dataclass
class GoldChange:
    """What one adjudication step did to a document, in the order it did it."""

    doc_id: int
    description: str = ""
    removed_relations: list[Relation] = field(default_factory=list)
    removed_spans: list[Span] = field(default_factory=list)
    added_spans: list[Span] = field(default_factory=list)
    attrs: list[tuple[int, dict[str, Any], dict[str, Any]]] = field(default_factory=list)  # span id, before, after
    added_relations: list[Relation] = field(default_factory=list)
    rejected: tuple[list[str], list[str]] | None = None  # tokens before, after
    review_state: tuple[str, str] | None = None  # before, after
    notes: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.removed_relations
            or self.removed_spans
            or self.added_spans
            or self.attrs
            or self.added_relations
            or self.rejected
            or self.review_state
        )

    @property
    def gold_changed(self) -> bool:
        """Whether spans or relations of gold changed (not only decisions or the review state)."""
        return bool(
            self.removed_relations or self.removed_spans or self.added_spans or self.attrs or self.added_relations
        )

    def span_ids(self) -> tuple[int, ...]:
        ids = [s.id for s in (*self.removed_spans, *self.added_spans)] + [a[0] for a in self.attrs]
        return tuple(dict.fromkeys(i for i in ids if i is not None))

    def summary(self) -> str:
        parts = []
        if self.added_spans:
            parts.append(f"{len(self.added_spans)} spans added")
        if self.removed_spans:
            parts.append(f"{len(self.removed_spans)} removed")
        if self.attrs:
            parts.append(f"{len(self.attrs)} with attributes changed")
        if self.added_relations:
            parts.append(f"{len(self.added_relations)} relations added")
        if self.removed_relations:
            parts.append(f"{len(self.removed_relations)} relations removed")
        if self.rejected and not parts:
            parts.append("rejection recorded")
        if self.review_state:
            parts.append(f"review state {self.review_state[1].replace('_', ' ')}")
        text = "; ".join(parts) or "nothing to change"
        return f"{text} ({'; '.join(self.notes)})" if self.notes else text


class _GoldWriter:
    """Records every store call of one adjudication step into a GoldChange."""

    def __init__(self, project: Project, doc_id: int, description: str) -> None:
        self.project = project
        self.doc_id = doc_id
        self.change = GoldChange(doc_id, description)
        self._rejected_before = rejected_tokens(project, doc_id)
        self.rejected = set(self._rejected_before)

    def gold(self) -> GoldState:
        return gold_state_of(
            self.project.spans(self.doc_id, GOLD), self.project.relations(self.doc_id, GOLD), self.rejected
        )

    def remove_span(self, span: Span) -> None:
        assert span.id is not None
        removed, relations = self.project.delete_span(span.id)
        self.change.removed_spans.append(removed)
        known = {r.id for r in self.change.removed_relations}
        self.change.removed_relations.extend(r for r in relations if r.id not in known)

    def add_span(self, start: int, end: int, label: str, attrs: dict[str, Any]) -> Span:
        stored = self.project.add_span(self.doc_id, Span(start, end, label, GOLD, dict(attrs)))
        self.change.added_spans.append(replace(stored, attrs=dict(stored.attrs)))
        return stored

    def set_attrs(self, span: Span, attrs: dict[str, Any]) -> None:
        assert span.id is not None
        if span.attrs == attrs:
            return
        self.project.update_span(span.id, attrs=dict(attrs))
        self.change.attrs.append((span.id, dict(span.attrs), dict(attrs)))

    def put(self, variant: Variant, attrs: dict[str, Any]) -> Span:
        """Gold gets ``variant`` with ``attrs`` (added, or its attributes set); returns the gold span."""
        existing = self.gold().spans.get(variant.key)
        self.rejected.discard(span_token(variant.key))
        if existing is not None:
            self.set_attrs(existing, attrs)
            return existing
        return self.add_span(variant.start, variant.end, variant.label, attrs)

    def add_relation(self, label: str, head: int, child: int) -> None:
        stored = self.project.add_relation(Relation(head, child, label, annotator=GOLD), check_labels=False)
        self.change.added_relations.append(replace(stored))

    def remove_relation(self, relation: Relation) -> None:
        assert relation.id is not None
        self.change.removed_relations.append(self.project.delete_relation(relation.id))

    def finish(self) -> GoldChange:
        if self.rejected != self._rejected_before:
            after = sorted(self.rejected)
            self.project.set_setting(_rejected_setting(self.doc_id), json.dumps(after, ensure_ascii=False))
            self.change.rejected = (sorted(self._rejected_before), after)
        if self.change.gold_changed:
            before = self.project.review_state(self.doc_id)
            if before == "unreviewed":
                self.project.set_review_state(self.doc_id, "in_review")
                self.change.review_state = (before, "in_review")
        return self.change


def _choose_attrs(variant: Variant, annotator: str | None) -> dict[str, Any]:
    if annotator is not None:
        if annotator not in variant.spans:
            raise AnnotatorError(f"{annotator} has no {variant.label} span at {variant.start}..{variant.end}")
        return variant.attrs(annotator)
    return variant.attrs()


def accept(
    project: Project,
    doc_id: int,
    variant: Variant,
    *,
    annotator: str | None = None,
    replacing: Iterable[Variant] = (),
) -> GoldChange:
    """Put ``variant`` in gold, with ``annotator``'s attributes (default: the first annotator's);
    the ``replacing`` variants (the other options of its disagreement) leave gold."""
    attrs = _choose_attrs(variant, annotator)
    with project.transaction():
        writer = _GoldWriter(project, doc_id, f"Accept {variant.label}")
        gold = writer.gold()
        for other in replacing:
            if other.key != variant.key and other.key in gold.spans:
                writer.remove_span(gold.spans[other.key])
        writer.put(variant, attrs)
        return writer.finish()


def reject(project: Project, doc_id: int, variant: Variant) -> GoldChange:
    """Keep ``variant`` out of gold (removing it, and its relations, if it is there) and record the rejection."""
    with project.transaction():
        writer = _GoldWriter(project, doc_id, f"Reject {variant.label}")
        for span in project.spans(doc_id, GOLD):
            if span_key(span) == variant.key:
                writer.remove_span(span)
        writer.rejected.add(span_token(variant.key))
        return writer.finish()


def accept_relation(
    project: Project,
    doc_id: int,
    relation: RelationVariant,
    diff: DocumentDiff,
    *,
    replacing: Iterable[RelationVariant] = (),
) -> GoldChange:
    """Put ``relation`` in gold, with its head and child (added from the annotators' spans when gold
    lacks them); the ``replacing`` relations leave gold (their spans stay)."""
    who = relation.annotators[0]
    with project.transaction():
        writer = _GoldWriter(project, doc_id, f"Accept {relation.label}")
        gold = writer.gold()
        for other in replacing:
            if other.key != relation.key and other.key in gold.relations:
                writer.remove_relation(gold.relations[other.key])
        ends = []
        for key in (relation.head, relation.child):
            existing = writer.gold().spans.get(key)
            if existing is None:
                variant = diff.variant(key)
                if variant is None:
                    raise AnnotatorError(f"no annotator has a {key[2]} span at {key[0]}..{key[1]}")
                existing = writer.put(variant, variant.attrs(who if who in variant.spans else None))
            ends.append(existing)
        writer.rejected.discard(relation_token(relation.key))
        if relation.key not in writer.gold().relations:
            writer.add_relation(relation.label, ends[0].id, ends[1].id)  # type: ignore[arg-type]
        return writer.finish()


def reject_relation(project: Project, doc_id: int, relation: RelationVariant) -> GoldChange:
    """Keep ``relation`` out of gold (its spans stay) and record the rejection."""
    with project.transaction():
        writer = _GoldWriter(project, doc_id, f"Reject {relation.label}")
        existing = writer.gold().relations.get(relation.key)
        if existing is not None:
            writer.remove_relation(existing)
        writer.rejected.add(relation_token(relation.key))
        return writer.finish()


def take_version(project: Project, doc_id: int, annotator: str, start: int, end: int) -> GoldChange:
    """Gold takes ``annotator``'s version of [start, end): every span of theirs overlapping the range
    replaces gold's spans overlapping it (gold spans equal to one of theirs stay, with their
    attributes), and their relations from or to those spans come too when gold has both ends."""
    if start >= end:
        raise AnnotatorError("select some text (or a disagreement) to take a version of")
    with project.transaction():
        writer = _GoldWriter(project, doc_id, f"Take {annotator}'s version")
        own = project.spans(doc_id, annotator)
        theirs: dict[SpanKey, Span] = {}
        for span in own:
            if span.start < end and start < span.end:
                theirs.setdefault(span_key(span), span)
        kept: dict[SpanKey, Span] = {}
        for span in project.spans(doc_id, GOLD):
            if not (span.start < end and start < span.end):
                continue
            key = span_key(span)
            if key in theirs and key not in kept:
                kept[key] = span
                writer.set_attrs(span, dict(theirs[key].attrs))
            else:
                writer.remove_span(span)
        for key, span in theirs.items():
            writer.rejected.discard(span_token(key))
            if key not in kept:
                writer.add_span(span.start, span.end, span.label, dict(span.attrs))
        # Their relations touching the taken spans, where gold now has both ends.
        own_keys = {s.id: span_key(s) for s in own}
        gold = writer.gold()
        skipped = 0
        for rel in project.relations(doc_id, annotator):
            head, child = own_keys.get(rel.head), own_keys.get(rel.child)
            if head is None or child is None or (head not in theirs and child not in theirs):
                continue
            key = (rel.label, head, child)
            if key in gold.relations:
                continue
            if head in gold.spans and child in gold.spans:
                writer.rejected.discard(relation_token(key))
                writer.add_relation(rel.label, gold.spans[head].id, gold.spans[child].id)  # type: ignore[arg-type]
                gold = writer.gold()
            else:
                skipped += 1
        if skipped:
            writer.change.notes.append(
                f"{skipped} relation{'s' if skipped != 1 else ''} to spans outside the range not taken "
                "(gold lacks the other end)"
            )
        return writer.finish()


def accept_all_agreed(project: Project, doc_id: int, diff: DocumentDiff) -> GoldChange:
    """Put in gold every span all annotators agree on (same boundaries, label and attributes) and
    every relation all of them have, skipping what gold already has and what was rejected."""
    with project.transaction():
        writer = _GoldWriter(project, doc_id, "Accept everything agreed")
        gold = writer.gold()
        for variant in diff.agreed:
            if variant.key not in gold.spans and span_token(variant.key) not in writer.rejected:
                writer.add_span(variant.start, variant.end, variant.label, variant.attrs())
        gold = writer.gold()
        for rv in diff.agreed_relations:
            if rv.key in gold.relations or relation_token(rv.key) in writer.rejected:
                continue
            head, child = gold.spans.get(rv.head), gold.spans.get(rv.child)
            if head is not None and child is not None:
                writer.add_relation(rv.label, head.id, child.id)  # type: ignore[arg-type]
        return writer.finish()


def set_review_state(project: Project, doc_id: int, state: str) -> GoldChange:
    """Set a document's review state (unreviewed, in_review, adjudicated)."""
    if state not in REVIEW_STATES:
        raise AnnotatorError(f"unknown review state {state!r} (one of {', '.join(REVIEW_STATES)})")
    change = GoldChange(doc_id, f"Mark {state.replace('_', ' ')}")
    before = project.set_review_state(doc_id, state)
    if before != state:
        change.review_state = (before, state)
    return change


def undo_change(project: Project, change: GoldChange) -> None:
    """Reverse ``change`` (spans and relations come back with their old ids)."""
    with project.transaction():
        existing = {r.id for r in project.relations(change.doc_id)}
        for rel in change.added_relations:
            if rel.id in existing:
                project.delete_relation(rel.id)  # type: ignore[arg-type]
        for span in change.added_spans:
            project.delete_span(span.id)  # type: ignore[arg-type]
        for span_id, before, _after in reversed(change.attrs):
            project.update_span(span_id, attrs=dict(before))
        project.add_spans(change.doc_id, [replace(s, attrs=dict(s.attrs)) for s in change.removed_spans])
        project.add_relations(change.doc_id, [replace(r) for r in change.removed_relations])
        if change.rejected is not None:
            project.set_setting(_rejected_setting(change.doc_id), json.dumps(change.rejected[0], ensure_ascii=False))
        if change.review_state is not None:
            project.set_review_state(change.doc_id, change.review_state[0])


def redo_change(project: Project, change: GoldChange) -> None:
    """Do ``change`` again, exactly as the first time (same ids)."""
    with project.transaction():
        removed_spans = {s.id for s in change.removed_spans}
        existing = {r.id for r in project.relations(change.doc_id)}
        for rel in change.removed_relations:
            if rel.id in existing and rel.head not in removed_spans and rel.child not in removed_spans:
                project.delete_relation(rel.id)  # type: ignore[arg-type]
        for span in change.removed_spans:
            project.delete_span(span.id)  # type: ignore[arg-type]
        project.add_spans(change.doc_id, [replace(s, attrs=dict(s.attrs)) for s in change.added_spans])
        for span_id, _before, after in change.attrs:
            project.update_span(span_id, attrs=dict(after))
        project.add_relations(change.doc_id, [replace(r) for r in change.added_relations])
        if change.rejected is not None:
            project.set_setting(_rejected_setting(change.doc_id), json.dumps(change.rejected[1], ensure_ascii=False))
        if change.review_state is not None:
            project.set_review_state(change.doc_id, change.review_state[1])
