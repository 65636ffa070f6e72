"""Suggestions: quotes (with cue and speaker) and entities, kept in a layer of their own until an
annotator accepts or rejects them.

:func:`suggest` runs the quote finder (:mod:`annotator.assist.quotes`) and the gazetteer
(:mod:`annotator.assist.gazetteer`) over documents and writes what they propose into the
suggestion layer, :data:`SUGGESTION_LAYER` (``~suggest``, a name no person types), as spans
(QUOTE with ``type`` direct/indirect, CUE, PER/ORG/... entities) and relations (QUOTE -SAID_BY->
speaker, CUE -CUE_OF-> QUOTE). Running it again on a document replaces that document's
suggestions. Suggestion spans carry the attribute ``~origin`` (``quote``, ``cue``, ``entity``, or
``speaker`` for a speaker that is only there to be linked: a copy of a span already in a layer,
or a gazetteer match when entities were not asked for), and quotes ``~how`` (what found them);
attributes starting with ``~`` are removed when a span is accepted.
Nothing is written into a person's layer, and the suggestion layer gets no document status, so
agreement and progress figures never count it.

:func:`accept` moves suggestion spans into an annotator's layer, with the annotator as author
(the span keeps its id), together with the relations between them; a suggestion equal to a span
the annotator already has (same offsets and label) is merged into it instead. :func:`reject`
deletes suggestions. Both, and :func:`suggest`, return a :class:`Journal` that :func:`undo`
reverses exactly (ids included), for the GUI's undo stack.

Every suggested span satisfies ``text[start:end] ==`` its shown surface: offsets come straight
from the text (quote finder) or from :func:`annotator.core.arabic.find_words` (gazetteer, stem
only, never a clitic, never inside a longer word).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from annotator.assist.gazetteer import Gazetteer, Match, load_gazetteer
from annotator.assist.quotes import Speaker, find_quotes, quoted_passages
from annotator.core.errors import AnnotatorError
from annotator.core.model import SUGGESTIONS, Relation, Span
from annotator.store.project import Project, now

SUGGESTION_LAYER = SUGGESTIONS
ORIGIN = "~origin"
HOW = "~how"  # how a quote was found (quotes.QuoteSuggestion.how): cue+an, cue+passage, passage...
KINDS = ("quotes", "entities")
QUOTE, CUE, SAID_BY, CUE_OF = "QUOTE", "CUE", "SAID_BY", "CUE_OF"
DEFAULT_SPEAKER_LABELS = ("PER", "ORG")


def is_suggestion_layer(name: str) -> bool:
    return name == SUGGESTION_LAYER


def _dumps(attrs: dict[str, Any]) -> str:
    return orjson.dumps(attrs, option=orjson.OPT_SORT_KEYS).decode() if attrs else "{}"


def clean_attrs(attrs: dict[str, Any]) -> dict[str, Any]:
    """A suggestion's attributes without the bookkeeping ones (names starting with ``~``)."""
    return {k: v for k, v in attrs.items() if not k.startswith("~")}


# -- the journal: what a suggest/accept/reject did, to undo it -------------------------------------


@dataclass(slots=True)
class Journal:
    """Steps done, in order; :func:`undo` reverses them. ``spans`` are the ids of every span
    touched (added, moved, changed or removed), for a view to refresh."""

    steps: list[tuple[Any, ...]] = field(default_factory=list)
    doc_ids: set[int] = field(default_factory=set)
    spans: set[int] = field(default_factory=set)
    accepted: dict[int, int] = field(default_factory=dict)  # suggestion id -> id in the annotator's layer

    def __bool__(self) -> bool:
        return bool(self.steps)


def _insert_span(project: Project, span: Span, doc_id: int, stamp: str) -> int:
    """Insert ``span`` (keeping its id when it has one) without touching any document status."""
    cur = project.conn.execute(
        'INSERT INTO spans (id, document_id, annotator_id, label, "start", "end", attrs, created, updated) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            span.id,
            doc_id,
            project.annotator_id(span.annotator),
            span.label,
            span.start,
            span.end,
            _dumps(span.attrs),
            stamp,
            stamp,
        ),
    )
    return cur.lastrowid  # type: ignore[return-value]


def _delete_span(project: Project, journal: Journal, span_id: int) -> None:
    span, relations = project.delete_span(span_id)
    journal.steps.append(("deleted", span, relations))
    journal.spans.add(span_id)


def undo(project: Project, journal: Journal) -> None:
    """Reverse everything ``journal`` records (in one transaction); spans and relations come
    back with their old ids."""
    with project.transaction():
        stamp = now()
        for step in reversed(journal.steps):
            kind = step[0]
            if kind == "created":
                project.conn.execute("DELETE FROM spans WHERE id = ?", (step[1],))
            elif kind == "deleted":
                span, relations = step[1], step[2]
                _insert_span(project, span, span.document_id, stamp)
                existing = {
                    r[0]
                    for r in project.conn.execute("SELECT id FROM relations WHERE document_id = ?", (span.document_id,))
                }
                restore = [r for r in relations if r.id not in existing]
                for relation in restore:
                    project.conn.execute(
                        "INSERT INTO relations (id, document_id, annotator_id, label, head_id, child_id, created) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (
                            relation.id,
                            relation.document_id,
                            project.annotator_id(relation.annotator),
                            relation.label,
                            relation.head,
                            relation.child,
                            stamp,
                        ),
                    )
            elif kind == "moved":
                _kind, span_id, annotator_id, attrs = step
                project.conn.execute(
                    "UPDATE spans SET annotator_id = ?, attrs = ?, updated = ? WHERE id = ?",
                    (annotator_id, attrs, stamp, span_id),
                )
            elif kind == "attrs":
                project.conn.execute("UPDATE spans SET attrs = ? WHERE id = ?", (step[2], step[1]))
            elif kind == "relation":
                _kind, relation_id, annotator_id, head, child = step
                project.conn.execute(
                    "UPDATE relations SET annotator_id = ?, head_id = ?, child_id = ? WHERE id = ?",
                    (annotator_id, head, child, relation_id),
                )
            elif kind == "deleted_relation":
                relation = step[1]
                project.add_relations(relation.document_id, [Relation(**_relation_fields(relation))])
            else:  # pragma: no cover - every kind written above is handled
                raise AnnotatorError(f"unknown journal step {kind!r}")


def _relation_fields(relation: Relation) -> dict[str, Any]:
    return {
        "head": relation.head,
        "child": relation.child,
        "label": relation.label,
        "annotator": relation.annotator,
        "id": relation.id,
        "document_id": relation.document_id,
    }


# -- suggesting ------------------------------------------------------------------------------


@dataclass(slots=True)
class SuggestReport:
    """What :func:`suggest` found and wrote."""

    kinds: tuple[str, ...] = KINDS
    documents: int = 0
    quoted_passages: int = 0
    quotes: Counter[str] = field(default_factory=Counter)  # by type
    quotes_by_method: Counter[str] = field(default_factory=Counter)
    cues: int = 0
    said_by: int = 0
    speakers: Counter[str] = field(default_factory=Counter)  # after/before/previous
    speaker_sources: Counter[str] = field(default_factory=Counter)  # layer/gazetteer
    entities: Counter[str] = field(default_factory=Counter)  # by label
    already_tagged: Counter[str] = field(default_factory=Counter)  # quotes/entities skipped
    replaced: int = 0  # earlier suggestion spans removed
    gazetteer_entries: int = 0
    notes: list[str] = field(default_factory=list)
    journal: Journal = field(default_factory=Journal)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kinds": list(self.kinds),
            "documents": self.documents,
            "quoted_passages": self.quoted_passages,
            "quotes": sum(self.quotes.values()),
            "quotes_by_type": dict(self.quotes),
            "quotes_by_method": dict(self.quotes_by_method),
            "cues": self.cues,
            "said_by": self.said_by,
            "speakers_by_position": dict(self.speakers),
            "speakers_by_source": dict(self.speaker_sources),
            "entities": sum(self.entities.values()),
            "entities_by_label": dict(self.entities),
            "already_tagged": dict(self.already_tagged),
            "replaced": self.replaced,
            "gazetteer_entries": self.gazetteer_entries,
            "layer": SUGGESTION_LAYER,
            "notes": list(self.notes),
        }

    def summary(self) -> str:
        lines = [f"Suggestions in layer {SUGGESTION_LAYER} for {self.documents} document(s):"]
        if "quotes" in self.kinds:
            types = ", ".join(f"{k} {v}" for k, v in sorted(self.quotes.items())) or "none"
            lines.append(
                f"  quotes: {sum(self.quotes.values())} ({types}), from {self.quoted_passages} quoted passage(s) found"
            )
            lines.append(f"  cues: {self.cues}, speakers linked (SAID_BY): {self.said_by}")
        if "entities" in self.kinds:
            labels = ", ".join(f"{k} {v}" for k, v in sorted(self.entities.items())) or "none"
            lines.append(
                f"  entities: {sum(self.entities.values())} ({labels}) from a gazetteer of {self.gazetteer_entries}"
            )
        skipped = sum(self.already_tagged.values())
        if skipped:
            lines.append(
                "  left out, already tagged: " + ", ".join(f"{k} {v}" for k, v in sorted(self.already_tagged.items()))
            )
        if self.replaced:
            lines.append(f"  earlier suggestions replaced: {self.replaced} span(s)")
        lines.extend(f"  note: {note}" for note in self.notes)
        return "\n".join(lines)


def suggest(
    project: Project,
    *,
    annotator: str | None = None,
    kinds: Iterable[str] = KINDS,
    documents: Iterable[int] | None = None,
    gazetteer: Gazetteer | None = None,
    user_list: str | Path | None = None,
) -> SuggestReport:
    """Suggest quotes and/or entities in ``documents`` (ids; default all) for ``annotator``'s layer.

    The annotator's layer (all layers but the suggestion layer when None) gives the spans already
    tagged: quotes overlapping one of its QUOTE spans and entities overlapping one of its entity
    spans are not suggested, and its PER/ORG spans are speaker candidates. The gazetteer is built
    from every layer but the suggestion layer, plus ``user_list`` (unless ``gazetteer`` is given).
    Earlier suggestions of those documents are replaced. One transaction.
    """
    kinds = tuple(dict.fromkeys(kinds))
    unknown = [k for k in kinds if k not in KINDS]
    if unknown or not kinds:
        raise AnnotatorError(f"unknown suggestion kind {', '.join(map(repr, unknown))} (kinds: {', '.join(KINDS)})")
    if annotator is not None and is_suggestion_layer(annotator):
        raise AnnotatorError(f"{SUGGESTION_LAYER} is the suggestion layer, not an annotator")
    report = SuggestReport(kinds=kinds)
    scheme = project.scheme()
    labels = set(scheme.span_label_names)
    entity_labels = {label.name for label in scheme.span_labels if label.kind == "entity"}
    said_by = scheme.relation_label(SAID_BY)
    speaker_labels = tuple(said_by.children) if said_by and said_by.children else DEFAULT_SPEAKER_LABELS
    do_quotes = "quotes" in kinds
    if do_quotes and QUOTE not in labels:
        report.notes.append(f"the label scheme has no {QUOTE} label: no quotes suggested")
        do_quotes = False
    with_cue = do_quotes and CUE in labels and scheme.relation_label(CUE_OF) is not None
    with_speaker = do_quotes and said_by is not None
    if do_quotes and not with_cue:
        report.notes.append(f"the label scheme has no {CUE} label or {CUE_OF} relation: cues left out")
    if do_quotes and not with_speaker:
        report.notes.append(f"the label scheme has no {SAID_BY} relation: speakers left out")
    if gazetteer is None:
        gazetteer = load_gazetteer(project, user_list, exclude_layers=(SUGGESTION_LAYER,))
    report.gazetteer_entries = len(gazetteer)
    doc_ids = list(documents) if documents is not None else project.document_ids()
    with project.transaction():
        for doc_id in doc_ids:
            _suggest_document(
                project,
                doc_id,
                annotator,
                report,
                gazetteer,
                do_entities="entities" in kinds,
                do_quotes=do_quotes,
                with_cue=with_cue,
                with_speaker=with_speaker,
                entity_labels=entity_labels,
                speaker_labels=speaker_labels,
            )
    return report


def clear_suggestions(project: Project, documents: Iterable[int] | None = None) -> Journal:
    """Remove every suggestion (of ``documents``, default all); undoable with :func:`undo`."""
    journal = Journal()
    doc_ids = list(documents) if documents is not None else project.document_ids()
    with project.transaction():
        for doc_id in doc_ids:
            for span in project.spans(doc_id, SUGGESTION_LAYER):
                _delete_span(project, journal, span.id)  # type: ignore[arg-type]
                journal.doc_ids.add(doc_id)
    return journal


def _existing(project: Project, doc_id: int, annotator: str | None) -> list[Span]:
    if annotator is not None:
        return project.spans(doc_id, annotator)
    return [s for s in project.spans(doc_id) if not is_suggestion_layer(s.annotator)]


def _suggest_document(
    project: Project,
    doc_id: int,
    annotator: str | None,
    report: SuggestReport,
    gazetteer: Gazetteer,
    *,
    do_entities: bool,
    do_quotes: bool,
    with_cue: bool,
    with_speaker: bool,
    entity_labels: set[str],
    speaker_labels: tuple[str, ...],
) -> None:
    journal = report.journal
    text = project.document(doc_id).text
    report.documents += 1
    journal.doc_ids.add(doc_id)
    for old in project.spans(doc_id, SUGGESTION_LAYER):
        _delete_span(project, journal, old.id)  # type: ignore[arg-type]
        report.replaced += 1
    existing = _existing(project, doc_id, annotator)
    tagged_entities = [(s.start, s.end) for s in existing if s.label in entity_labels]

    # Spans to write, keyed by (start, end, label); relations as (head key, child key, label).
    new: dict[tuple[int, int, str], dict[str, Any]] = {}
    relations: list[tuple[tuple[int, int, str], tuple[int, int, str], str]] = []

    matches: list[Match] = gazetteer.find(text, skip=tagged_entities) if len(gazetteer) else []
    if do_entities:
        all_matches = gazetteer.find(text) if len(gazetteer) else []
        report.already_tagged["entities"] += len(
            [m for m in all_matches if any(s < m.end and m.start < e for s, e in tagged_entities)]
        )
        for match in matches:
            new[(match.start, match.end, match.label)] = {ORIGIN: "entity"}
            report.entities[match.label] += 1

    if do_quotes:
        speakers = [Speaker(s.start, s.end, s.label, "layer") for s in existing if s.label in speaker_labels]
        speakers += [Speaker(m.start, m.end, m.label, "gazetteer") for m in matches if m.label in speaker_labels]
        report.quoted_passages += len(quoted_passages(text))
        tagged_quotes = [(s.start, s.end) for s in existing if s.label == QUOTE]
        for quote in find_quotes(text, speakers, speaker_labels=speaker_labels):
            if any(s < quote.end and quote.start < e for s, e in tagged_quotes):
                report.already_tagged["quotes"] += 1
                continue
            qkey = (quote.start, quote.end, QUOTE)
            new[qkey] = {"type": quote.type, ORIGIN: "quote", HOW: quote.how}
            report.quotes[quote.type] += 1
            report.quotes_by_method[quote.how] += 1
            if with_cue and quote.cue is not None:
                ckey = (quote.cue.start, quote.cue.end, CUE)
                new.setdefault(ckey, {ORIGIN: "cue"})
                relations.append((ckey, qkey, CUE_OF))
                report.cues += 1
            if with_speaker and quote.speaker is not None:
                speaker = quote.speaker
                skey = (speaker.start, speaker.end, speaker.label)
                new.setdefault(skey, {ORIGIN: "speaker"})
                relations.append((qkey, skey, SAID_BY))
                report.said_by += 1
                report.speakers[quote.speaker_how] += 1
                report.speaker_sources[str(speaker.ref)] += 1

    stamp = now()
    ids: dict[tuple[int, int, str], int] = {}
    for (start, end, label), attrs in sorted(new.items()):
        span = Span(start, end, label, annotator=SUGGESTION_LAYER, attrs=attrs)
        span_id = _insert_span(project, span, doc_id, stamp)
        ids[(start, end, label)] = span_id
        journal.steps.append(("created", span_id))
        journal.spans.add(span_id)
    project.add_relations(
        doc_id,
        [Relation(ids[head], ids[child], label, annotator=SUGGESTION_LAYER) for head, child, label in relations],
    )


# -- the suggestions of a document, grouped ------------------------------------------------------


@dataclass(slots=True)
class Group:
    """One row of the suggestions list: a quote with its cue and speaker, or an entity."""

    kind: str  # "quote", "entity" or "other" (a cue or speaker left alone)
    span: Span
    cue: Span | None = None
    speaker: Span | None = None

    @property
    def ids(self) -> list[int]:
        """Every span of the group (what accepting it takes along)."""
        return [s.id for s in (self.span, self.cue, self.speaker) if s is not None]  # type: ignore[misc]

    @property
    def reject_ids(self) -> list[int]:
        """What rejecting it removes: the quote and its cue (a speaker that was only there to be
        linked goes with them, one that is also an entity suggestion stays)."""
        return [s.id for s in (self.span, self.cue) if s is not None]  # type: ignore[misc]


def suggestion_groups(project: Project, doc_id: int) -> list[Group]:
    """The suggestions of a document as groups, in text order."""
    spans = {s.id: s for s in project.spans(doc_id, SUGGESTION_LAYER)}
    relations = project.relations(doc_id, SUGGESTION_LAYER)
    groups: list[Group] = []
    covered: set[int] = set()
    for span in spans.values():
        if span.label != QUOTE or span.attrs.get(ORIGIN) not in (None, "quote"):
            continue
        group = Group("quote", span)
        for relation in relations:
            if relation.label == CUE_OF and relation.child == span.id and relation.head in spans:
                group.cue = spans[relation.head]
            elif relation.label == SAID_BY and relation.head == span.id and relation.child in spans:
                group.speaker = spans[relation.child]
        covered.update(group.ids)
        groups.append(group)
    for span in spans.values():
        origin = span.attrs.get(ORIGIN)
        # No origin: imported (a model's predictions); outside a quote group such a span is an entity row.
        if origin == "entity" or (origin is None and span.id not in covered):
            groups.append(Group("entity", span))
        elif span.id not in covered:
            groups.append(Group("other", span))
    groups.sort(key=lambda g: (g.span.start, -g.span.end, g.kind))
    return groups


# -- accepting and rejecting ---------------------------------------------------------------------


def _suggestion_spans(project: Project, span_ids: Iterable[int]) -> dict[int, Span]:
    spans: dict[int, Span] = {}
    for span_id in span_ids:
        span = project.span(span_id)
        if not is_suggestion_layer(span.annotator):
            raise AnnotatorError(f"span {span_id} is not a suggestion (it is in {span.annotator}'s layer)")
        spans[span_id] = span
    return spans


def _expand(project: Project, spans: dict[int, Span], *, speakers: bool) -> dict[int, Span]:
    """Add the cue and quote of every quote or cue given (and, with ``speakers``, the speaker)."""
    out = dict(spans)
    todo = [s for s in spans.values() if s.label in (QUOTE, CUE)]
    relations: dict[int, list[Relation]] = {}
    while todo:
        span = todo.pop()
        doc_id: int = span.document_id  # type: ignore[assignment]
        if doc_id not in relations:
            relations[doc_id] = project.relations(doc_id, SUGGESTION_LAYER)
        for relation in relations[doc_id]:
            if span.id not in (relation.head, relation.child):
                continue
            if relation.label == SAID_BY and not speakers:
                continue
            other_id = relation.child if relation.head == span.id else relation.head
            if other_id in out:
                continue
            other = project.span(other_id)
            if not is_suggestion_layer(other.annotator):
                continue
            out[other_id] = other
            if other.label in (QUOTE, CUE):
                todo.append(other)
    return out


def _remove_orphans(project: Project, journal: Journal, doc_ids: Iterable[int]) -> None:
    """Speaker-only suggestions left without a quote go."""
    for doc_id in doc_ids:
        linked = {i for r in project.relations(doc_id, SUGGESTION_LAYER) for i in (r.head, r.child)}
        for span in project.spans(doc_id, SUGGESTION_LAYER):
            if span.attrs.get(ORIGIN) == "speaker" and span.id not in linked:
                _delete_span(project, journal, span.id)  # type: ignore[arg-type]


def reject(project: Project, span_ids: Iterable[int], *, with_related: bool = True) -> Journal:
    """Delete suggestions (with ``with_related``, a quote's or cue's partner too); speaker-only
    suggestions left unlinked go with them. Undoable with :func:`undo`."""
    journal = Journal()
    with project.transaction():
        spans = _suggestion_spans(project, span_ids)
        if with_related:
            spans = _expand(project, spans, speakers=False)
        for span in spans.values():
            journal.doc_ids.add(span.document_id)  # type: ignore[arg-type]
            _delete_span(project, journal, span.id)  # type: ignore[arg-type]
        _remove_orphans(project, journal, journal.doc_ids)
    return journal


def accept(project: Project, span_ids: Iterable[int], annotator: str, *, with_related: bool = True) -> Journal:
    """Move suggestions into ``annotator``'s layer, with the relations between them.

    With ``with_related`` a quote or cue brings its partner and its speaker along. A suggestion
    equal to a span the layer already has (offsets and label) is merged into that span; one still
    linked to a suggestion not accepted now is copied (the copy stays behind to keep the link).
    ``Journal.accepted`` maps each suggestion id to its span in the layer. Undoable with :func:`undo`.
    """
    if not annotator or is_suggestion_layer(annotator):
        raise AnnotatorError("accepting needs an annotator's name (whose layer the suggestions go to)")
    journal = Journal()
    with project.transaction():
        spans = _suggestion_spans(project, span_ids)
        if with_related:
            spans = _expand(project, spans, speakers=True)
        aid = project.annotator_id(annotator)
        stamp = now()
        by_doc: dict[int, list[Span]] = {}
        for span in spans.values():
            by_doc.setdefault(span.document_id, []).append(span)  # type: ignore[arg-type]
        for doc_id, doc_spans in by_doc.items():
            journal.doc_ids.add(doc_id)
            _accept_document(project, journal, doc_id, doc_spans, annotator, aid, stamp)
        _remove_orphans(project, journal, journal.doc_ids)
        for doc_id in journal.doc_ids:
            if project.status(doc_id, annotator) == "new":
                project.set_status(doc_id, annotator, "in_progress")  # as tagging would
    return journal


def _accept_document(
    project: Project, journal: Journal, doc_id: int, spans: list[Span], annotator: str, aid: int, stamp: str
) -> None:
    accepting = {s.id for s in spans}
    layer = {(s.start, s.end, s.label): s.id for s in project.spans(doc_id, annotator)}
    suggestion_relations = project.relations(doc_id, SUGGESTION_LAYER)
    mapping: dict[int, int] = {}
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        key = (span.start, span.end, span.label)
        pending = [
            r
            for r in suggestion_relations
            if span.id in (r.head, r.child) and (r.child if r.head == span.id else r.head) not in accepting
        ]
        if key in layer:
            mapping[span.id] = layer[key]  # type: ignore[index]
            merged.append(span)
        elif pending:
            copy = Span(span.start, span.end, span.label, annotator=annotator, attrs=clean_attrs(span.attrs))
            copy_id = _insert_span(project, copy, doc_id, stamp)
            journal.steps.append(("created", copy_id))
            journal.spans.add(copy_id)
            mapping[span.id] = copy_id  # type: ignore[index]
            layer[key] = copy_id
            merged.append(span)
        else:
            project.conn.execute(
                "UPDATE spans SET annotator_id = ?, attrs = ?, updated = ? WHERE id = ?",
                (aid, _dumps(clean_attrs(span.attrs)), stamp, span.id),
            )
            journal.steps.append(("moved", span.id, project.annotator_id(SUGGESTION_LAYER), _dumps(span.attrs)))
            journal.spans.add(span.id)  # type: ignore[arg-type]
            mapping[span.id] = span.id  # type: ignore[index]
            layer[key] = span.id
    journal.accepted.update(mapping)  # type: ignore[arg-type]
    have = {(r.head, r.child, r.label) for r in project.relations(doc_id, annotator)}
    suggestion_aid = project.annotator_id(SUGGESTION_LAYER)
    for relation in suggestion_relations:
        if relation.head not in accepting or relation.child not in accepting:
            continue
        head, child = mapping[relation.head], mapping[relation.child]
        if (head, child, relation.label) in have:
            project.delete_relation(relation.id)  # type: ignore[arg-type]
            journal.steps.append(("deleted_relation", relation))
            continue
        project.conn.execute(
            "UPDATE relations SET annotator_id = ?, head_id = ?, child_id = ? WHERE id = ?",
            (aid, head, child, relation.id),
        )
        journal.steps.append(("relation", relation.id, suggestion_aid, relation.head, relation.child))
        have.add((head, child, relation.label))
    # A merged suggestion goes unless a suggestion not accepted now still links to it (then it
    # stays, as a speaker-only copy).
    linked = {i for r in project.relations(doc_id, SUGGESTION_LAYER) for i in (r.head, r.child)}
    for span in merged:
        journal.spans.add(span.id)  # type: ignore[arg-type]
        if span.id in linked:
            if span.attrs.get(ORIGIN) != "speaker":
                project.conn.execute(
                    "UPDATE spans SET attrs = ? WHERE id = ?", (_dumps({**span.attrs, ORIGIN: "speaker"}), span.id)
                )
                journal.steps.append(("attrs", span.id, _dumps(span.attrs)))
        else:
            _delete_span(project, journal, span.id)  # type: ignore[arg-type]


def accept_all(project: Project, doc_id: int, annotator: str) -> Journal:
    return accept(project, [s.id for s in project.spans(doc_id, SUGGESTION_LAYER)], annotator)  # type: ignore[misc]


def reject_all(project: Project, doc_id: int) -> Journal:
    return reject(project, [s.id for s in project.spans(doc_id, SUGGESTION_LAYER)])  # type: ignore[misc]


def suggestion_count(project: Project, doc_id: int) -> int:
    row = project.conn.execute(
        "SELECT count(*) FROM spans s JOIN annotators a ON a.id = s.annotator_id WHERE s.document_id = ? AND a.name = ?",
        (doc_id, SUGGESTION_LAYER),
    ).fetchone()
    return row[0]


def resolve_documents(project: Project, ext_ids: Sequence[str] | None) -> list[int] | None:
    """Document ids for external ids (None: all documents); unknown ids raise AnnotatorError."""
    if ext_ids is None:
        return None
    out, unknown = [], []
    for ext_id in ext_ids:
        found = project.find_document(ext_id)
        if found is None:
            unknown.append(ext_id)
        else:
            out.append(found)
    if unknown:
        raise AnnotatorError(f"no document with id {', '.join(map(repr, unknown))}")
    return out
