"""Propagation: "tag every occurrence" of a tagged span's surface form, as proposals.

An occurrence is the normalised surface (:func:`annotator.core.arabic.find_words`) as a whole word
or after proclitics (لروسيا, وروسيا, بروسيا for روسيا), never inside a longer word that merely
contains it (الروسي, بروسيان). The proposed span covers the stem only, never the clitic, so
``text[start:end]`` is the surface shown. Places where the annotator's layer already has a span
with that label overlapping the occurrence are skipped (and counted). Nothing is written here: the
GUI lists the proposals to accept or reject and adds the accepted ones as one undo step; the
command line or scripts call :func:`apply` (one transaction).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from annotator.assist.search import CONTEXT_CHARS, context
from annotator.core.arabic import find_words, normalise_key
from annotator.core.errors import AnnotatorError
from annotator.core.model import Span, check_offsets

if TYPE_CHECKING:
    from annotator.store.project import Project


@dataclass(frozen=True, slots=True)
class Proposal:
    """A span to propose: ``label`` over ``text[start:end] == surface`` in document ``document_id``."""

    document_id: int | None
    start: int
    end: int
    label: str
    surface: str
    before: str = ""
    after: str = ""
    clitics: tuple[str, ...] = ()  # the proclitics in front of the stem (و, ب, ل+ال...)
    word_start: int = 0  # where the word with its clitics starts
    overlapping: tuple[str, ...] = ()  # labels of other spans of the layer that overlap it
    title: str = ""

    def span(self, annotator: str, attrs: dict[str, Any] | None = None) -> Span:
        return Span(self.start, self.end, self.label, annotator=annotator, attrs=dict(attrs or {}))


@dataclass(slots=True)
class Propagation:
    """The proposals found, and how many occurrences were skipped because already tagged."""

    surface: str
    label: str
    proposals: list[Proposal] = field(default_factory=list)
    already_tagged: int = 0
    documents_searched: int = 0
    cancelled: bool = False


def proposals_in_text(
    text: str,
    surface: str,
    label: str,
    existing: Iterable[Span] = (),
    *,
    document_id: int | None = None,
    title: str = "",
    clitics: bool = True,
    fold_hamza: bool = False,
    context_chars: int = CONTEXT_CHARS,
) -> tuple[list[Proposal], int]:
    """Proposals for ``surface`` in ``text`` and the number of occurrences skipped because a span of
    ``existing`` (the annotator's layer) with ``label`` already overlaps them."""
    spans = sorted(existing, key=lambda s: (s.start, s.end))
    same = [s for s in spans if s.label == label]
    others = [s for s in spans if s.label != label]
    out: list[Proposal] = []
    skipped = 0
    for match in find_words(text, surface, clitics=clitics, fold_hamza=fold_hamza):
        start, end = match.start, match.end
        if any(s.start < end and start < s.end for s in same):
            skipped += 1
            continue
        check_offsets(start, end, len(text))
        before, after = context(text, start, end, context_chars)
        overlapping = tuple(sorted({s.label for s in others if s.start < end and start < s.end}))
        out.append(
            Proposal(
                document_id,
                start,
                end,
                label,
                text[start:end],
                before,
                after,
                match.clitics,
                match.word_start,
                overlapping,
                title,
            )
        )
    return out, skipped


def propagate(
    project: Project,
    surface: str,
    label: str,
    annotator: str,
    *,
    documents: Iterable[int] | None = None,
    clitics: bool = True,
    fold_hamza: bool = False,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Propagation:
    """Proposals for ``surface`` as ``label`` in ``annotator``'s layer, in ``documents`` (ids; all
    documents of the project if None), in document order."""
    result = Propagation(surface, label)
    if not normalise_key(surface, fold_hamza=fold_hamza):
        return result
    ids = list(documents) if documents is not None else project.document_ids()
    for doc_id in ids:
        if cancelled is not None and cancelled():
            result.cancelled = True
            break
        document = project.document(doc_id)
        result.documents_searched += 1
        if progress is not None:
            progress(result.documents_searched)
        found, skipped = proposals_in_text(
            document.text,
            surface,
            label,
            project.spans(doc_id, annotator),
            document_id=doc_id,
            title=document.title,
            clitics=clitics,
            fold_hamza=fold_hamza,
        )
        result.proposals.extend(found)
        result.already_tagged += skipped
    return result


def from_span(
    project: Project,
    span: Span,
    *,
    scope: str = "document",
    clitics: bool = True,
    fold_hamza: bool = False,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Propagation:
    """Propagate a stored span's surface and label in its annotator's layer, in its own document
    (``scope="document"``) or in every document of the project (``scope="project"``)."""
    if scope not in ("document", "project"):
        raise ValueError(f"unknown scope {scope!r} (document or project)")
    if span.document_id is None:
        raise ValueError("the span has no document")
    text = project.document(span.document_id).text
    surface = text[span.start : span.end]
    documents = [span.document_id] if scope == "document" else None
    return propagate(
        project,
        surface,
        span.label,
        span.annotator,
        documents=documents,
        clitics=clitics,
        fold_hamza=fold_hamza,
        cancelled=cancelled,
        progress=progress,
    )


def group_by_document(proposals: Sequence[Proposal]) -> dict[int, list[Proposal]]:
    groups: dict[int, list[Proposal]] = {}
    for proposal in proposals:
        if proposal.document_id is None:
            raise ValueError("a proposal without a document cannot be stored")
        groups.setdefault(proposal.document_id, []).append(proposal)
    return groups


def apply(
    project: Project, proposals: Sequence[Proposal], annotator: str, attrs: dict[str, Any] | None = None
) -> list[Span]:
    """Store ``proposals`` as spans of ``annotator``, all in one transaction; returns them with ids.
    Each proposal is checked against its document again (the text must still read ``surface``);
    AnnotatorError (and nothing stored) if one does not."""
    stored: list[Span] = []
    with project.transaction():
        for doc_id, group in group_by_document(proposals).items():
            text = project.document(doc_id).text
            for proposal in group:
                check_offsets(proposal.start, proposal.end, len(text))
                if text[proposal.start : proposal.end] != proposal.surface:
                    raise AnnotatorError(
                        f"document {doc_id} changed: {proposal.start}-{proposal.end} no longer reads {proposal.surface!r}"
                    )
            stored.extend(project.add_spans(doc_id, [p.span(annotator, attrs) for p in group]))
    return stored
