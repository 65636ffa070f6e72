"""Every format by name: what the CLI's --format and the GUI's export and import dialogs offer.

Modules are imported only when a format is used, so optional extras (spaCy) stay optional and
start-up stays fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.formats.report import ImportReport
from annotator.store.project import Project


@dataclass(frozen=True)
class ExportFormat:
    name: str
    module: str
    function: str
    description: str
    folder: bool = False  # writes a folder rather than a file
    suffix: str = ""
    kwargs: tuple[tuple[str, Any], ...] = ()

    def exporter(self) -> Callable[..., Any]:
        function = getattr(importlib.import_module(self.module), self.function)
        extra = dict(self.kwargs)
        if not extra:
            return function
        return lambda *args, **kwargs: function(*args, **{**extra, **kwargs})


@dataclass(frozen=True)
class ImportFormat:
    name: str
    module: str
    function: str
    detector: str | None
    description: str

    def importer(self) -> Callable[..., Any]:
        return getattr(importlib.import_module(self.module), self.function)

    def detects(self, path: Path) -> bool:
        if self.detector is None:
            return False
        return bool(getattr(importlib.import_module(self.module), self.detector)(path))


EXPORTS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat(
            "jsonl",
            "annotator.formats.jsonl",
            "export_jsonl",
            "native JSONL (all spans, relations, attributes)",
            suffix=".jsonl",
        ),
        ExportFormat(
            "doccano",
            "annotator.formats.doccano",
            "export_doccano",
            'doccano JSONL, "label": [[s, e, L]]',
            suffix=".jsonl",
        ),
        ExportFormat(
            "doccano-entities",
            "annotator.formats.doccano",
            "export_doccano",
            "doccano JSONL with entities and relations",
            suffix=".jsonl",
            kwargs=(("variant", "entities"),),
        ),
        ExportFormat(
            "labelstudio",
            "annotator.formats.labelstudio",
            "export_labelstudio",
            "Label Studio JSON tasks + labeling config",
            suffix=".json",
        ),
        ExportFormat(
            "brat",
            "annotator.formats.brat",
            "export_brat",
            "brat standoff folder (.txt + .ann, annotation.conf)",
            folder=True,
        ),
        ExportFormat(
            "conll",
            "annotator.formats.conll",
            "export_conll",
            "CoNLL BIO columns (nested spans in extra columns)",
            suffix=".conll",
        ),
        ExportFormat(
            "conll-levels",
            "annotator.formats.conll",
            "export_conll_levels",
            "CoNLL by nesting level: a token's tags, outermost first (Wojood)",
            suffix=".txt",
        ),
        ExportFormat(
            "spacy",
            "annotator.formats.spacy_docbin",
            "export_spacy",
            "spaCy DocBin (.spacy): doc.ents and doc.spans",
            suffix=".spacy",
        ),
        ExportFormat(
            "hf",
            "annotator.formats.hf",
            "export_hf",
            "Hugging Face dataset folder (tokens + ner_tags, dataset card)",
            folder=True,
        ),
    )
}

# Detection order matters: the more specific shapes first, native JSONL last among JSON lines.
IMPORTS: dict[str, ImportFormat] = {
    f.name: f
    for f in (
        ImportFormat(
            "brat", "annotator.formats.brat", "import_brat", "looks_like_brat", "brat standoff folder or .ann file"
        ),
        ImportFormat(
            "labelstudio",
            "annotator.formats.labelstudio",
            "import_labelstudio",
            "looks_like_labelstudio",
            "Label Studio JSON export",
        ),
        ImportFormat("conll", "annotator.formats.conll", "import_conll", "looks_like_conll", "CoNLL token/tag columns"),
        ImportFormat("doccano", "annotator.formats.doccano", "import_doccano", "looks_like_doccano", "doccano JSONL"),
        ImportFormat("jsonl", "annotator.formats.jsonl", "import_jsonl", None, "native JSONL"),
        ImportFormat("text", "annotator.formats.plaintext", "import_text", None, "plain text files and folders"),
    )
}


def detect_import_format(path: str | Path) -> str:
    """The format of ``path`` from its shape and content (``--format`` overrides)."""
    path = Path(path)
    for fmt in IMPORTS.values():
        if fmt.detector is not None and fmt.detects(path):
            return fmt.name
    if path.is_file() and path.suffix.lower() in (".jsonl", ".ndjson"):
        return "jsonl"
    return "text"


def export_format(name: str) -> ExportFormat:
    try:
        return EXPORTS[name]
    except KeyError:
        raise AnnotatorError(f"unknown export format {name!r} (one of {', '.join(EXPORTS)})") from None


# Progress steps per source for import_paths: each file's own progress is scaled into its share.
STEPS_PER_SOURCE = 1000


@dataclass
class ImportOptions:
    """What ``annotator import`` and the Import dialog let a person choose (see each importer)."""

    format: str = "auto"  # or one of IMPORTS: the same for every path
    annotator: str | None = None  # every span into this layer
    add_labels: bool = False
    repair: bool = False  # CoNLL
    tag_columns: Sequence[int] | None = None  # CoNLL
    predictions: bool = False  # Label Studio: predictions become suggestions
    encoding: str | None = None  # plain text


def import_paths(
    project: Project,
    paths: Sequence[str | Path],
    options: ImportOptions | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    read_as: Callable[[Path, str], None] | None = None,
) -> ImportReport:
    """Import every path (its format detected unless ``options.format`` is given) in one transaction.

    Spans without a layer go to the project's annotator (setting "annotator"). ``read_as(path,
    format)`` is called once each file is read; ``progress(done, total)`` runs over all of them.
    Any error leaves the project as it was.
    """
    options = options or ImportOptions()
    total = ImportReport()
    count = len(paths)
    with project.transaction():
        default_annotator = project.get_setting("annotator")
        for index, raw in enumerate(paths):
            path = Path(raw)
            kind = options.format if options.format != "auto" else detect_import_format(path)
            importer = IMPORTS[kind].importer()
            step = None
            if progress is not None:

                def step(done: int, of: int, base: int = index * STEPS_PER_SOURCE) -> None:
                    part = STEPS_PER_SOURCE * done // of if of > 0 else STEPS_PER_SOURCE
                    progress(base + min(part, STEPS_PER_SOURCE), count * STEPS_PER_SOURCE)

            if kind == "text":
                report = importer(project, [path], encoding=options.encoding, progress=step)
            else:
                kwargs: dict[str, Any] = {
                    "annotator": options.annotator,
                    "default_annotator": default_annotator,
                    "add_labels": options.add_labels,
                    "progress": step,
                }
                if kind == "conll":
                    kwargs["repair"] = options.repair
                    kwargs["tag_columns"] = options.tag_columns
                elif kind == "labelstudio":
                    kwargs["predictions"] = options.predictions
                report = importer(project, path, **kwargs)
            total.add(report)
            if read_as is not None:
                read_as(path, kind)
            if progress is not None:
                progress((index + 1) * STEPS_PER_SOURCE, count * STEPS_PER_SOURCE)
    return total
