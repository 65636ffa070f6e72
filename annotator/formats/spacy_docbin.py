"""spaCy ``.spacy`` (DocBin) export: one file, or one per split (``<stem>.<split>.spacy``).

Each document becomes a ``Doc`` whose words are our tokens (Arabic-aware, split where a span starts
or ends inside a word) plus whitespace tokens where the text has more than one space, so that
``doc.text`` is the stored text exactly and every span edge is a token edge:

- ``doc.spans["sc"]``: every span of the exported layer(s), overlaps allowed;
- ``doc.ents``: the spans whose label is of kind ``entity`` in the label scheme, without overlaps
  (shorter spans first, as in BIO); quotes and claims are only in ``doc.spans``;
- ``doc.user_data["annotator"]``: the document id and title, every span with its exact offsets,
  annotator and attributes, and the relations (``head``/``child`` index that span list). spaCy
  gives lists back as tuples.

A span that is not on token edges (only with ``tokenizer="whitespace"``, or a span that starts or
ends in whitespace) is widened to the tokens it touches and counted. Needs spaCy
(``pip install 'annotator[spacy]'``); it is imported only when this export runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.model import Span
from annotator.formats.atomic import atomic_output
from annotator.formats.report import ExportReport
from annotator.formats.selection import SPLIT_NAMES, ExportOptions, iter_export
from annotator.formats.tokens import (
    LOST_NO_TOKEN,
    LOST_WIDENED,
    Tokens,
    check_tokenizer,
    document_count,
    document_tokens,
)
from annotator.store.project import Project

Progress = Callable[[int, int], None]
"""Called as progress(done, total) during long work; it may raise Cancelled to stop."""

SPAN_KEY = "sc"
USER_DATA_KEY = "annotator"
INSTALL_HINT = "pip install 'annotator[spacy]'"


def _require_spacy() -> Any:
    try:
        import spacy
    except ImportError as exc:
        raise AnnotatorError(f"the spacy export needs spaCy, which is not installed: {INSTALL_HINT}") from exc
    return spacy


@contextmanager
def _msgpack_registries_read_once() -> Iterator[None]:
    """srsly looks its msgpack encoders up in the installed packages' entry points on every
    message (1-2 ms each; DocBin makes two per document). Read them once for this export: the
    same encoders are used, so the bytes are the same."""
    try:
        from srsly.msgpack import msgpack_decoders, msgpack_encoders
    except ImportError:  # a srsly without these registries: nothing to speed up
        yield
        return
    patched = []
    for registry in (msgpack_encoders, msgpack_decoders):
        if "get_all" in vars(registry):
            continue
        found = registry.get_all()
        registry.get_all = lambda found=found: dict(found)  # type: ignore[method-assign]
        patched.append(registry)
    try:
        yield
    finally:
        for registry in patched:
            del registry.get_all


def spacy_paths(path: str | Path, split: tuple[float, ...] | None) -> dict[str, Path]:
    """Output file per split name: ``path`` itself without a split, else ``<stem>.<split>.spacy``."""
    path = Path(path)
    if not split:
        return {"train": path}
    stem = path.name[: -len(".spacy")] if path.name.endswith(".spacy") else path.name
    return {name: path.with_name(f"{stem}.{name}.spacy") for name in SPLIT_NAMES[len(split)]}


def doc_words(text: str, tokens: Tokens) -> tuple[list[str], list[bool]]:
    """spaCy words and trailing-space flags that rebuild ``text`` exactly from ``tokens``.

    A single space after a token becomes its space flag; any other text between tokens (more
    spaces, line breaks, tabs) becomes a token of its own, as spaCy's own tokenizer does.
    """
    words: list[str] = []
    spaces: list[bool] = []
    position = 0
    for word, start, end in zip(
        [*tokens.words, ""], [*tokens.starts, len(text)], [*tokens.ends, len(text)], strict=True
    ):
        if start > position:
            gap = text[position:start]
            if words and not spaces[-1] and gap[0] == " ":
                spaces[-1] = True
                gap = gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)
        if word:
            words.append(word)
            spaces.append(False)
        position = end
    return words, spaces


def export_spacy(
    project: Project,
    path: str | Path,
    options: ExportOptions | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    """Write DocBin file(s); nothing is written until every document is converted."""
    spacy = _require_spacy()
    from spacy.tokens import Doc, DocBin

    options = options or ExportOptions()
    check_tokenizer(options.tokenizer)
    paths = spacy_paths(path, options.split)
    report = ExportReport(format="spacy", path=str(path))
    entity_labels = _entity_labels(project, options.labels)
    nlp = spacy.blank("ar")
    bins = {name: DocBin(store_user_data=True) for name in paths}
    total = document_count(project)
    with _msgpack_registries_read_once():
        for done, item in enumerate(iter_export(project, options, report), start=1):
            document = item.document
            text = document.text
            spans = sorted(item.spans, key=lambda s: (s.start, s.end, s.label, s.annotator))
            tokens = document_tokens(document, spans, options.tokenizer)
            words, spaces = doc_words(text, tokens)
            doc = Doc(nlp.vocab, words=words, spaces=spaces)
            group = []
            for span in spans:
                found = doc.char_span(span.start, span.end, label=span.label, alignment_mode="strict")
                if found is None:
                    found = doc.char_span(span.start, span.end, label=span.label, alignment_mode="expand")
                    if found is None or len(found) == 0:
                        report.lost[LOST_NO_TOKEN] += 1
                        continue
                    report.lost[LOST_WIDENED] += 1
                group.append((span, found))
                report.spans[span.label] += 1
            doc.spans[SPAN_KEY] = [found for _, found in group]
            doc.ents = _entities([(s, f) for s, f in group if s.label in entity_labels])
            doc.user_data[USER_DATA_KEY] = _user_data(item.document.ext_id, document.title, spans, item.relations)
            report.relations += len(doc.user_data[USER_DATA_KEY]["relations"])
            bins[_split_name(item.split, paths)].add(doc)
            report.documents += 1
            if progress is not None:
                progress(done, total)
        payloads = {name: docbin.to_bytes() for name, docbin in bins.items()}
    for name, target in paths.items():
        with atomic_output(target) as out:
            out.write(payloads[name])
    if progress is not None:
        progress(total, total)
    return report


def _split_name(split: str, paths: dict[str, Path]) -> str:
    return split if split in paths else "train"


def _entity_labels(project: Project, labels: dict[str, str] | None) -> set[str]:
    """Exported label names whose scheme kind is ``entity`` (a renamed label: all its sources)."""
    kinds: dict[str, set[str]] = {}
    for label in project.scheme().span_labels:
        if labels is not None and label.name not in labels:
            continue
        target = labels[label.name] if labels is not None else label.name
        kinds.setdefault(target, set()).add(label.kind)
    return {name for name, found in kinds.items() if found == {"entity"}}


def _entities(candidates: list[tuple[Span, Any]]) -> list[Any]:
    """Non-overlapping entity spans: shorter spans first, then by position (as BIO chooses)."""
    taken: set[int] = set()
    chosen = []
    for _, found in sorted(candidates, key=lambda c: (c[0].end - c[0].start, c[0].start, c[0].label)):
        covered = range(found.start, found.end)
        if any(i in taken for i in covered):
            continue
        taken.update(covered)
        chosen.append(found)
    return sorted(chosen, key=lambda f: f.start)


def _user_data(ext_id: str, title: str, spans: list[Span], relations: list) -> dict[str, Any]:
    number = {span.id: i for i, span in enumerate(spans)}
    return {
        "id": ext_id,
        "title": title,
        "spans": [
            {"start": s.start, "end": s.end, "label": s.label, "annotator": s.annotator, "attrs": s.attrs}
            for s in spans
        ],
        "relations": [
            {"head": number[r.head], "child": number[r.child], "label": r.label, "annotator": r.annotator}
            for r in relations
            if r.head in number and r.child in number
        ],
    }
