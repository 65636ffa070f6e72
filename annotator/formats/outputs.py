"""Helpers shared by the doccano, Label Studio and brat modules: output naming, atomic folders,
safe file names, span order and the offset check every exporter makes before writing a span.

- Per-split outputs of a single-file export go next to ``OUT`` as ``<stem>.<split><suffix>``
  (``data.jsonl`` -> ``data.train.jsonl``, ``data.dev.jsonl``, ``data.test.jsonl``); folder exports
  use a subfolder per split.
- :func:`atomic_folder` builds a folder beside its target and swaps it in only when the block
  succeeds; on an error or a cancel the half-written folder is removed and the old one stays.
- :func:`safe_name` turns any id (an Arabic title, ``../../etc/passwd``) into one file-name
  component that cannot leave its folder (exporters record the real id beside the files).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import orjson

from annotator.core.errors import AnnotatorError, OffsetError
from annotator.core.model import SUGGESTIONS, Span, check_offsets
from annotator.formats.selection import SPLIT_NAMES, ExportOptions
from annotator.store.project import Project

Progress = Callable[[int, int], None]
"""Called as progress(done, total) during long work; it may raise Cancelled to stop."""

_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
_WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"COM{i}" for i in range(1, 10)] + [f"LPT{i}" for i in range(1, 10)]
)
MAX_NAME = 150  # characters of a file-name stem (leaves room for suffixes under the usual 255 bytes)


def span_sort_key(span: Span) -> tuple[Any, ...]:
    """The order spans are written in: by position, then label and layer (never by database id)."""
    return (span.start, span.end, span.label, span.annotator, orjson.dumps(span.attrs, option=orjson.OPT_SORT_KEYS))


def checked_surface(text: str, span: Span, ext_id: str) -> str:
    """``text[span.start:span.end]`` after checking the offsets fit (the one rule of DESIGN.md)."""
    try:
        check_offsets(span.start, span.end, len(text))
    except OffsetError as exc:
        raise AnnotatorError(f"document {ext_id}: span {span.id}: {exc}; run 'annotator check'") from exc
    return text[span.start : span.end]


def split_names(options: ExportOptions) -> tuple[str, ...] | None:
    """The split names an export writes (None: no split, one output)."""
    return SPLIT_NAMES[len(options.split)] if options.split else None


def derived_path(path: Path, *parts: str) -> Path:
    """``data.jsonl`` + ("train",) -> ``data.train.jsonl``; without parts, ``path`` itself."""
    if not parts:
        return path
    suffix = path.suffix
    stem = path.name[: -len(suffix)] if suffix else path.name
    return path.with_name(".".join([stem, *parts]) + suffix)


def layer_groups(project: Project, options: ExportOptions) -> list[str] | None:
    """The annotator layers written to separate outputs: None when everything goes to one output.

    With ``options.layer`` set there is one layer; with all layers and several annotators in the
    project, formats that cannot name an annotator write one output per annotator.
    """
    if options.layer is not None:
        return None
    names = [n for n in project.annotators() if n != SUGGESTIONS]
    return names if len(names) > 1 else None


def count_documents(project: Project) -> int:
    return project.conn.execute("SELECT count(*) FROM documents").fetchone()[0]


# -- file names ---------------------------------------------------------------------------


def safe_name(name: str) -> str:
    """One file-name component for ``name``: ASCII letters, digits, ``-_.`` kept, all else %XX.

    The result never contains a path separator, never starts with a dot (so neither ``..`` nor a
    hidden file), is never a Windows device name, and is at most :data:`MAX_NAME` characters (a
    longer one is cut and ends with a hash of the whole name).
    """
    out = []
    for i, ch in enumerate(name):
        if ch in _SAFE and not (i == 0 and ch == "."):
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8")))
    result = "".join(out) or "%"
    if result.split(".")[0].upper() in _WINDOWS_RESERVED:
        result = "%" + f"{ord(result[0]):02X}" + result[1:]
    if len(result) > MAX_NAME:
        digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:16]
        cut = result[: MAX_NAME - 17]
        tail = cut.rfind("%", len(cut) - 2)
        if tail != -1:  # never cut a %XX escape in half
            cut = cut[:tail]
        result = cut + "~" + digest
    return result


class NameAllocator:
    """Hands out distinct safe file-name stems within one folder (case-insensitively distinct)."""

    def __init__(self, reserved: Iterable[str] = ()) -> None:
        self._used: set[str] = {name.casefold() for name in reserved}

    def take(self, name: str) -> str:
        base = safe_name(name)
        stem, n = base, 1
        while stem.casefold() in self._used:
            n += 1
            stem = f"{base}~{n}"
        self._used.add(stem.casefold())
        return stem


# -- atomic folders -----------------------------------------------------------------------

FOLDER_MARKERS = ("annotation.conf",)


@contextmanager
def atomic_folder(path: str | Path, *, markers: Iterable[str] = FOLDER_MARKERS) -> Iterator[Path]:
    """Yield an empty temporary folder beside ``path``; it replaces ``path`` only if the block succeeds.

    An existing ``path`` is replaced only when it is empty or holds one of ``markers`` at its top
    (a previous export of the same kind): an export never deletes a folder of other files.
    """
    path = Path(path)
    markers = tuple(markers)
    if path.exists():
        if not path.is_dir():
            raise AnnotatorError(f"{path}: exists and is not a folder")
        if any(path.iterdir()) and not any((path / m).exists() for m in markers):
            raise AnnotatorError(
                f"{path}: the folder exists and is not a previous export of this kind; choose a new or empty folder"
            )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    try:
        yield tmp
        if path.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".old", dir=path.parent))
            os.replace(path, old / "previous")
            try:
                os.replace(tmp, path)
            except BaseException:
                os.replace(old / "previous", path)
                raise
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, path)
    except BaseException:
        with suppress(FileNotFoundError):
            shutil.rmtree(tmp)
        raise
