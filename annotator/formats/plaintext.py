"""Plain text import: files and folders, with encoding detection for legacy Arabic files.

Detection order: a byte-order mark (UTF-8, UTF-16, UTF-32); strict UTF-8; BOM-less UTF-16 (many
NUL bytes in alternate positions); Windows-1256 when the bytes decode to mostly Arabic letters;
then charset-normalizer's best guess. A file with NUL bytes or control characters after decoding
is refused as not text. ``encoding=`` skips detection.
"""

from __future__ import annotations

import codecs
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.text import first_line_title
from annotator.formats.jsonl import Progress
from annotator.formats.loader import MAX_DOCUMENT_CHARS, Record, RecordLoader
from annotator.formats.report import ImportReport
from annotator.store.project import Project

TEXT_SUFFIXES = {".txt", ".text", ""}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def _arabic_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if "\u0600" <= ch <= "\u06ff") / len(letters)


def _bad_control(text: str) -> int | None:
    """Index of the first control character a text file would not hold, or None."""
    for i, ch in enumerate(text):
        if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or ch == "\x7f":
            return i
    return None


def _bomless_utf16(data: bytes) -> DecodedText | None:
    """UTF-16 without a byte-order mark: the high bytes of its code units take very few values
    (0x00 for Latin, 0x06 for Arabic), which random binary data does not."""
    if len(data) % 2 or len(data) < 4:
        return None
    sample = data[:4096]
    many_nuls = sample.count(0) > len(sample) // 4
    for name, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        top_two = sum(n for _, n in Counter(high).most_common(2))
        if top_two < 0.9 * len(high) and not many_nuls:
            continue
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _bad_control(text) is None:
            return DecodedText(text, name)
    return None


def decode_bytes(data: bytes, *, path: str, encoding: str | None = None) -> DecodedText:
    """Decode a text file's bytes, detecting the encoding unless one is given."""
    if not data:
        raise InputError("the file is empty", path=path)
    if encoding:
        try:
            return _checked(data.decode(encoding), encoding, path)
        except LookupError as exc:
            raise InputError(f"unknown encoding {encoding!r}", path=path) from exc
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid {encoding} at byte {exc.start}", path=path) from exc
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"starts with a {name} byte-order mark but is not valid {name} (byte {exc.start})", path=path
                ) from exc
            return _checked(text.removeprefix("\ufeff"), name.replace("-sig", ""), path)
    try:
        utf8: str | None = data.decode("utf-8")
    except UnicodeDecodeError:
        utf8 = None
    if utf8 is not None and _bad_control(utf8) is None:
        return DecodedText(utf8, "utf-8")
    # BOM-less UTF-16 is often valid UTF-8 too (Latin "a\0b\0", Arabic "\x27\x06"), but then holds
    # control characters: check it before refusing the file.
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16
    if utf8 is not None:
        return _checked(utf8, "utf-8", path)  # raises: names the control character
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(f"not a text file (binary data: NUL byte at offset {nul})", path=path)
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    if text and _arabic_share(text) >= 0.5 and _bad_control(text) is None:
        return DecodedText(text, "windows-1256")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(
            "not a text file, or in an encoding that could not be detected (give one with --encoding)", path=path
        )
    return _checked(str(best), best.encoding, path)


def _checked(text: str, encoding: str, path: str) -> DecodedText:
    bad = _bad_control(text)
    if bad is not None:
        raise InputError(
            f"not a text file: control character U+{ord(text[bad]):04X} at character {bad} (decoded as {encoding})",
            path=path,
        )
    return DecodedText(text, encoding)


def read_text_file(path: str | Path, *, encoding: str | None = None) -> DecodedText:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=str(path)) from exc
    return decode_bytes(data, path=str(path), encoding=encoding)


def collect_text_files(paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """Expand files and folders into (file, document id) pairs.

    A named file is taken whatever its extension, with its stem as id; a folder contributes its
    ``.txt`` files (recursively, sorted), each identified by its path inside the folder.
    """
    found: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in (".txt", ".text")):
                found.append((file, file.relative_to(path).with_suffix("").as_posix()))
        elif path.exists():
            found.append((path, path.stem))
        else:
            raise InputError("no such file or folder", path=str(path))
    return found


def import_text(
    project: Project,
    paths: Iterable[str | Path],
    *,
    encoding: str | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import plain text files and folders as documents, in one transaction."""
    files = collect_text_files(paths)
    report = ImportReport()
    with RecordLoader(project, report, path="") as loader:
        for done, (file, ext_id) in enumerate(files, start=1):
            size = file.stat().st_size
            if size > 4 * MAX_DOCUMENT_CHARS:  # more characters than a document may hold, in any encoding
                raise InputError(
                    f"the file is {size / 1e6:.1f} MB; documents of up to {MAX_DOCUMENT_CHARS:,} characters "
                    "can be annotated (split it into parts first)",
                    path=str(file),
                )
            decoded = read_text_file(file, encoding=encoding)
            loader.path = str(file)
            meta = {"source": file.name, "encoding": decoded.encoding}
            if decoded.encoding not in ("utf-8",):
                report.notes.append(f"{file}: decoded as {decoded.encoding}")
            loader.load(Record(text=decoded.text, ext_id=ext_id, title=first_line_title(decoded.text), meta=meta), None)
            if progress is not None:
                progress(done, len(files))
    return report
