"""Hugging Face dataset folder: JSONL splits and a dataset card that ``datasets.load_dataset`` reads.

```
OUT/
  README.md          dataset card: YAML front matter with features (ner_tags as a ClassLabel) and configs
  train.jsonl        {"id", "tokens", "ner_tags", "text", "spans": [{"start", "end", "label"}]}
  validation.jsonl   (with --split; our "dev" split is called "validation" here)
  test.jsonl
```
``ner_tags`` are class ids of one tag set for every split: ``O`` first, then ``B-X``, ``I-X`` for
each exported label, sorted. A tag sequence holds one label per token, so overlapping spans are
dropped from it and spans not on token edges widened (both counted); the ``spans`` column keeps
every span exactly, as code-point offsets into ``text``. Splits with no document are left out
(``datasets`` cannot load an empty split). The folder is written beside the target and renamed
into place, so a cancelled export leaves nothing behind. Writing needs no ``datasets``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import orjson

from annotator.core.errors import AnnotatorError
from annotator.formats.report import ExportReport
from annotator.formats.selection import ExportOptions, iter_export
from annotator.formats.tokens import (
    LOST_ATTRIBUTES,
    LOST_RELATIONS,
    check_tokenizer,
    document_count,
    document_tokens,
    exported_labels,
    merge_layers,
    place_levels,
)
from annotator.store.project import Project

Progress = Callable[[int, int], None]
"""Called as progress(done, total) during long work; it may raise Cancelled to stop."""

SPLIT_NAMES = {"train": "train", "dev": "validation", "validation": "validation", "test": "test"}
SPLIT_ORDER = ("train", "validation", "test")
CARD = "README.md"


def tag_names(labels: list[str]) -> list[str]:
    """The class names of ``ner_tags``: O, then B-/I- for each label in sorted order."""
    names = ["O"]
    for label in sorted(labels):
        names += [f"B-{label}", f"I-{label}"]
    return names


def export_hf(
    project: Project,
    path: str | Path,
    options: ExportOptions | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    """Write a dataset folder at ``path`` (replacing an earlier export there, never other folders)."""
    options = options or ExportOptions()
    check_tokenizer(options.tokenizer)
    path = Path(path)
    _check_target(path)
    report = ExportReport(format="hf", path=str(path))
    names = tag_names(exported_labels(project, options.layer, options.labels))
    index = {name: i for i, name in enumerate(names)}
    total = document_count(project)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp makes it private; the dataset is an ordinary folder
    files: dict[str, BinaryIO] = {}
    sizes: Counter[str] = Counter()
    try:
        for done, item in enumerate(iter_export(project, options, report), start=1):
            document = item.document
            spans = merge_layers(item.spans, options.layer, report)
            tokens = document_tokens(document, spans, options.tokenizer)
            levels = place_levels(tokens, spans, 1)
            levels.count_into(report)
            if item.relations:
                report.lost[LOST_RELATIONS] += len(item.relations)
            attributed = sum(1 for s in spans if s.attrs)
            if attributed:
                report.lost[LOST_ATTRIBUTES] += attributed
            text = document.text
            row = {
                "id": document.ext_id,
                "tokens": tokens.words,
                "ner_tags": list(map(index.__getitem__, levels.tags[0])),
                "text": text,
                "spans": [
                    {"start": s.start, "end": s.end, "label": s.label}
                    for s in sorted(spans, key=lambda s: (s.start, s.end, s.label))
                ],
            }
            split = SPLIT_NAMES[item.split]
            stream = files.get(split)
            if stream is None:
                stream = files[split] = open(tmp / f"{split}.jsonl", "wb")  # noqa: SIM115 - closed below
            stream.write(orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE))
            sizes[split] += 1
            report.documents += 1
            if progress is not None:
                progress(done, total)
        if not sizes:  # nothing selected: an empty train split, so the folder still says what it is
            files["train"] = open(tmp / "train.jsonl", "wb")  # noqa: SIM115 - closed below
            sizes["train"] = 0
        for stream in files.values():
            stream.flush()
            os.fsync(stream.fileno())
            stream.close()
        files.clear()
        card = dataset_card(names, sizes, report, options)
        (tmp / CARD).write_text(card, encoding="utf-8")
        _replace_folder(tmp, path)
    except BaseException:
        for stream in files.values():
            stream.close()
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if progress is not None:
        progress(total, total)
    return report


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _check_target(path: Path) -> None:
    """Only a missing path, an empty folder or an earlier dataset export may be (re)written."""
    if not path.exists():
        return
    if not path.is_dir():
        raise AnnotatorError(f"{path}: exists and is not a folder; the hf export writes a dataset folder")
    ours = {CARD, *(f"{name}.jsonl" for name in SPLIT_ORDER)}
    others = sorted(p.name for p in path.iterdir() if p.name not in ours)
    if others:
        raise AnnotatorError(
            f"{path}: a folder with other files in it ({', '.join(others[:3])}); give a new or empty folder"
        )


def _replace_folder(tmp: Path, path: Path) -> None:
    if not path.exists():
        os.rename(tmp, path)
        return
    old = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.old")
    os.rename(path, old)
    try:
        os.rename(tmp, path)
    except BaseException:
        os.rename(old, path)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _yaml_str(value: str) -> str:
    """A YAML double-quoted scalar for any string (what YAML cannot hold raw is escaped)."""
    out = ['"']
    for ch in value:
        code = ord(ch)
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif (
            0x20 <= code <= 0x7E
            or (0xA0 <= code <= 0xD7FF and code not in (0x2028, 0x2029))
            or (0xE000 <= code <= 0xFFFD and code != 0xFEFF)
            or code >= 0x10000
        ):
            out.append(ch)
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


def dataset_card(names: list[str], sizes: Counter[str], report: ExportReport, options: ExportOptions) -> str:
    """The README.md: YAML front matter (features, configs) and a short human description."""
    lines = [
        "---",
        "dataset_info:",
        "  features:",
        "  - name: id",
        "    dtype: string",
        "  - name: tokens",
        "    sequence: string",
        "  - name: ner_tags",
        "    sequence:",
        "      class_label:",
        "        names:",
        *(f"          '{i}': {_yaml_str(name)}" for i, name in enumerate(names)),
        "  - name: text",
        "    dtype: string",
        "  - name: spans",
        "    list:",
        "    - name: start",
        "      dtype: int64",
        "    - name: end",
        "      dtype: int64",
        "    - name: label",
        "      dtype: string",
    ]
    splits = [name for name in SPLIT_ORDER if name in sizes]
    lines += ["configs:", "- config_name: default", "  data_files:"]
    for name in splits:
        lines += [f"  - split: {name}", f"    path: {name}.jsonl"]
    lines += [
        "task_categories:",
        "- token-classification",
        "task_ids:",
        "- named-entity-recognition",
        "language:",
        "- ar",
        "---",
        "",
        "# Arabic news annotations",
        "",
        "Exported by annotator. One row per document: `tokens` with BIO `ner_tags` (a ClassLabel), the",
        "document `text`, and every span as `spans` (code-point offsets into `text`, overlaps included).",
        "",
        "```python",
        "import datasets",
        'ds = datasets.load_dataset("path/to/this/folder")',
        'names = ds["train"].features["ner_tags"].feature.names',
        "```",
        "",
        f"Tokenizer: `{options.tokenizer}`"
        + (" (words split where a span starts or ends inside them)." if options.tokenizer != "whitespace" else "."),
        "",
        "| split | documents |",
        "|---|---|",
        *(f"| {name} | {sizes[name]} |" for name in splits),
        "",
        "Spans per label: " + (", ".join(f"{k} {v}" for k, v in sorted(report.spans.items())) or "none") + ".",
        "",
        "Not representable in `ner_tags` (still in `spans` where they are spans): "
        + (", ".join(f"{k} {v}" for k, v in sorted(report.lost.items())) or "nothing")
        + ".",
        "",
    ]
    return "\n".join(lines)
