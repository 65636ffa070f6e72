"""CoNLL (BIO) export and import, CoNLL-2003 style.

Export, one block per document::

    # id = doc-1
    -DOCSTART- -X- -X- O

    قال<TAB>O
    بوتين<TAB>B-PER
    ...

One token per line, ``token<TAB>tag [<TAB>tag ...]``, sentences separated by blank lines (a sentence
ends after . ! ? ؟ or at a line break, never inside a span). Nested and overlapping spans go into
extra tag columns, one per nesting level (column 1: strict BIO, shorter spans first, so entities
nested in a quote stay there; column 2: the spans that overlapped something in column 1; ...) up to
``max_columns``; what still does not fit is counted in ``lost["overlapping spans dropped"]``.
Every line of a file has the same number of columns.

Import reads a token column and one or more tag columns (each becomes spans, so several columns
give nested spans). Which columns hold tags: ``tag_columns`` (file columns, 1 = the token, -1 = the
last), else every column after the token when they all hold BIO tags, else only the last column,
as in CoNLL-2003 files (``token POS chunk NER``: part-of-speech tags are not BIO tags, and the
chunk column, though BIO, is not annotation). Files whose lines list as many tags as the token has
nesting levels, outermost first, leaving out the O of the levels below (Wojood's nested Arabic NER:
``جامعة I-ORG B-ORG``), are read level by level. It reads ``-DOCSTART-`` lines between documents,
and ``#`` comment lines:
``# id = X`` names the document, ``# text = ...`` lines (joined by line breaks) give its text, and
the tokens are then found in that text in order; otherwise the text is the tokens joined by single
spaces, sentences joined by line breaks. The tokens are recorded in the document's meta so that an
export gives them back unchanged. Bad lines (empty token, I- without B-, a malformed tag, a column
count other than the first token line's) stop the import with file, line and field, or with
``repair=True`` are repaired and listed in the report's notes.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, chain, pairwise
from operator import add
from pathlib import Path
from typing import BinaryIO

import regex

from annotator.core.bio import OUTSIDE, bio_to_spans
from annotator.core.errors import AnnotatorError, InputError
from annotator.core.tokenize import Token
from annotator.formats.atomic import atomic_output
from annotator.formats.loader import Record, RecordLoader, RecordSpan
from annotator.formats.report import ExportReport, ImportReport
from annotator.formats.selection import ExportItem, ExportOptions, iter_export
from annotator.formats.tokens import (
    LOST_ATTRIBUTES,
    LOST_RELATIONS,
    META_SENTENCES,
    META_TOKENS,
    Tokens,
    check_tokenizer,
    document_count,
    document_tokens,
    merge_layers,
    nest_levels,
    place_levels,
    recorded_sentence_starts,
    split_text,
)
from annotator.store.project import Project

Progress = Callable[[int, int], None]
"""Called as progress(done, total) during long work; it may raise Cancelled to stop."""

DOCSTART = "-DOCSTART-"
DOCSTART_LINE = "-DOCSTART- -X- -X- O"
SENTENCE_END = frozenset(".!?؟")
CLOSERS = "»\"')]}”’›"
LINE_BREAKS = ("\n", "\u2028", "\u2029", "\x85", "\v", "\f")
CONLL_SUFFIXES = (".conll", ".bio", ".iob", ".iob2", ".bioes")
LOST_IDS = "document ids not written (tab or line break in the id)"
LOST_BOUNDARIES = "document ids and boundaries (the levels layout has none)"

_TAG = re.compile(r"O|[BIESLU]-\S.*")  # BIO, BIOES and BILOU
_FIELDS = regex.compile(r"\S+")  # the whitespace tokenizer's idea of whitespace, not str.split()'s
_EDGE_SPACE = regex.compile(r"^\s+|\s+$")
_COMMENT_KEY = re.compile(r"#\s*(newdoc id|id|text)\s*=(.*)", re.DOTALL)


# -- export -------------------------------------------------------------------------------------


def export_conll(
    project: Project,
    path: str | Path,
    options: ExportOptions | None = None,
    progress: Progress | None = None,
    *,
    max_columns: int = 3,
    doc_ids: bool = True,
    doc_text: bool = False,
    layout: str = "columns",
) -> ExportReport:
    """Write the selected documents as CoNLL BIO to ``path`` (atomically, one document at a time).

    ``layout="levels"``: see :func:`export_conll_levels` (``max_columns``, ``doc_ids`` and
    ``doc_text`` do not apply).

    ``max_columns`` caps the tag columns (1 gives strict single-column BIO, overlaps dropped and
    counted). ``doc_ids`` writes ``# id = ...`` before each ``-DOCSTART-``; ``doc_text`` also writes
    the document text as ``# text = ...`` lines, so an import restores the text exactly (most
    CoNLL readers other than ours do not accept comment lines).
    """
    options = options or ExportOptions()
    check_tokenizer(options.tokenizer)
    if max_columns < 1:
        raise AnnotatorError(f"max_columns must be at least 1, got {max_columns}")
    if layout not in ("columns", "levels"):
        raise AnnotatorError(f"unknown CoNLL layout {layout!r} (columns or levels)")
    levels = layout == "levels"
    path = Path(path)
    report = ExportReport(format="conll-levels" if levels else "conll", path=str(path))
    total = document_count(project)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Documents are written with as many tag columns as they need; once the widest is known the
    # body is copied into the output, narrower documents padded with O columns.
    segments: list[tuple[int, int, int]] = []  # (start, end, columns) of each document's token lines
    width = 1
    with tempfile.TemporaryFile(dir=path.parent) as body:
        for done, item in enumerate(iter_export(project, options, report), start=1):
            if not levels:  # (in the levels layout, documents are only sentences apart, as in Wojood)
                head = _document_header(item.document.ext_id, item.document.text, doc_ids, doc_text, report)
                body.write(head.encode("utf-8"))
            start = body.tell()
            columns = _write_document(body, item, options, max_columns, report, levels=levels)
            segments.append((start, body.tell(), columns))
            width = max(width, columns)
            report.documents += 1
            if levels:
                report.lost[LOST_BOUNDARIES] += 1
            if progress is not None:
                progress(done, total)
        with atomic_output(path) as out:
            body.seek(0)
            position = 0
            for start, end, columns in segments:
                if columns == width:
                    continue
                _copy(body, out, start - position)
                _copy_padded(body, out, end - start, width - columns)
                position = end
            shutil.copyfileobj(body, out)
    if progress is not None:
        progress(total, total)
    return report


def export_conll_levels(
    project: Project,
    path: str | Path,
    options: ExportOptions | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    """CoNLL in nesting levels, as Wojood's nested Arabic NER is distributed: ``word tag tag...``
    per line (space-separated), a token's tags outermost span first, no O after the innermost, a
    blank line after each sentence. Any depth is written; a span crossing another's edge is
    dropped and counted. There are no document ids or boundaries (counted), so an import gives
    one document back."""
    return export_conll(project, path, options, progress, layout="levels")


def _document_header(ext_id: str, text: str, doc_ids: bool, doc_text: bool, report: ExportReport) -> str:
    lines = []
    if doc_ids:
        if any(ch in ext_id for ch in ("\t", "\r", *LINE_BREAKS)):
            report.lost[LOST_IDS] += 1
        else:
            lines.append(f"# id = {ext_id}")
    if doc_text:
        lines.extend(f"# text = {line}" for line in text.split("\n"))
    lines.append(DOCSTART_LINE)
    lines.append("")
    return "".join(line + "\n" for line in lines)


def _write_document(
    out: BinaryIO,
    item: ExportItem,
    options: ExportOptions,
    max_columns: int,
    report: ExportReport,
    *,
    levels: bool = False,
) -> int:
    """Write one document's token lines; returns its number of tag columns (1 for the levels layout)."""
    document = item.document
    text = document.text
    spans = merge_layers(item.spans, options.layer, report)
    tokens = document_tokens(document, spans, options.tokenizer)
    placed = nest_levels(tokens, spans) if levels else place_levels(tokens, spans, max_columns)
    placed.count_into(report)
    if item.relations:
        report.lost[LOST_RELATIONS] += len(item.relations)
    attributed = sum(1 for s in spans if s.attrs)
    if attributed:
        report.lost[LOST_ATTRIBUTES] += attributed
    if not tokens.recorded:
        mode: str | set[int] = "punctuation"
    else:  # the sentences of the file it came from
        mode = recorded_sentence_starts(document) or "lines"
    words = tokens.words
    if not words:
        return 1 if levels else len(placed.tags)
    if tokens.recorded:  # the tokenizers' tokens never hold whitespace; recorded ones are checked
        joined = "".join(words)
        assert "\t" not in joined and "\n" not in joined and "\r" not in joined, "a token must fit on one line"
    last = placed.tags[-1]  # a blank line after a sentence: its last row ends in an extra line break
    for i in _sentence_breaks(text, tokens, placed.ranges, mode):
        last[i] += "\n"
    if levels:
        _write_levels(out, words, placed.tags, last)
        return 1
    # The rows "word<TAB>tag<TAB>...tag<LF>" as one list of pieces joined once: slice assignments
    # instead of a tuple and a string per token (the tags come from a handful of distinct strings).
    n = len(words)
    columns = placed.tags
    for tags in columns:
        assert len(tags) == n, "one tag per token"
    stride = 1 + 2 * len(columns)
    pieces: list[str] = [""] * (stride * n)
    pieces[0::stride] = words
    tab = ["\t"] * n
    for c, tags in enumerate(columns[:-1]):
        pieces[1 + 2 * c :: stride] = tab
        pieces[2 + 2 * c :: stride] = tags
    pieces[stride - 2 :: stride] = tab
    line_end = {tag: tag + "\n" for tag in set(last)}
    pieces[stride - 1 :: stride] = map(line_end.__getitem__, last)
    out.write("".join(pieces).encode("utf-8") + b"\n")
    return len(columns)


def _write_levels(out: BinaryIO, words: list[str], levels: list[list[str]], ends: list[str]) -> None:
    """Rows "word tag tag...": the token's tags outermost first, no O after its innermost (O alone
    when it has none). ``ends`` is the last level with a line break after each sentence's last token."""
    lines = []
    for i, word in enumerate(words):
        tags = [level[i] for level in levels[:-1]]
        tags.append(ends[i].rstrip("\n"))
        while len(tags) > 1 and tags[-1] == OUTSIDE:
            tags.pop()
        separator = " " if not _SPACE.search(word) else "\t"  # (a recorded token may hold a space)
        lines.append(separator.join([word, *tags]) + ("\n\n" if ends[i].endswith("\n") else "\n"))
    out.write("".join(lines).encode("utf-8") + b"\n")


_LINE_BREAK = re.compile("[" + "".join(LINE_BREAKS) + "]")
_BREAK_OR_END = re.compile("[" + "".join(LINE_BREAKS) + re.escape("".join(sorted(SENTENCE_END))) + "]")


def _sentence_breaks(text: str, tokens: Tokens, ranges: list[tuple[int, int]], mode: str | set[int]) -> set[int]:
    """Indexes of the tokens after which a sentence ends (not the last token, never inside a span).

    ``mode``: "punctuation" (after . ! ? ؟ and at line breaks), "lines" (at line breaks only) or
    the set of offsets where recorded sentences begin. The work is per candidate, not per token.
    """
    starts, ends, words = tokens.starts, tokens.ends, tokens.words
    n = len(words)
    breaks: set[int] = set()
    if isinstance(mode, set):
        for offset in mode:
            i = bisect_left(starts, offset)
            if 0 < i < n and starts[i] == offset:
                breaks.add(i - 1)
    else:
        for match in (_BREAK_OR_END if mode == "punctuation" else _LINE_BREAK).finditer(text):
            at = match.start()
            if match.group() not in SENTENCE_END:  # a line break between two tokens
                i = bisect_right(ends, at) - 1  # the last token ending before it
                if i >= 0 and i + 1 < n and starts[i + 1] > at:
                    breaks.add(i)
                continue
            i = bisect_right(starts, at) - 1  # the token holding the mark
            if i < 0 or ends[i] <= at or words[i][at + 1 - starts[i] :].strip(CLOSERS):
                continue  # in a gap, or more than closing quotes follow it in its token
            while i + 1 < n and starts[i + 1] == ends[i] and not words[i + 1].strip(CLOSERS):
                i += 1  # closing quotes glued after it
            if i + 1 < n and starts[i + 1] > ends[i]:
                breaks.add(i)
    if breaks and ranges:
        # never inside a span: a break after token i is inside [first, last) if first <= i < last - 1
        covered = sorted((first, last - 1) for first, last in ranges if last - first > 1)
        merged: list[list[int]] = []
        for first, stop in covered:
            if merged and first <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], stop)
            else:
                merged.append([first, stop])
        firsts = [m[0] for m in merged]
        for i in list(breaks):
            k = bisect_right(firsts, i) - 1
            if k >= 0 and i < merged[k][1]:
                breaks.discard(i)
    return breaks


def _copy(source: BinaryIO, target: BinaryIO, size: int) -> None:
    while size > 0:
        chunk = source.read(min(size, 1 << 20))
        if not chunk:
            break
        target.write(chunk)
        size -= len(chunk)


def _copy_padded(source: BinaryIO, target: BinaryIO, size: int, extra: int) -> None:
    """Copy token lines adding ``extra`` O columns (blank lines stay blank)."""
    pad = b"\t".join([b""] + [b"O"] * extra)
    # Pad every line end, then take the padding off again where a line end follows a line end
    # (a blank line): two C-level replaces instead of a regex match per line. A padded line that
    # is nothing but padding can only come from a blank line, as no token is empty.
    body = source.read(size).replace(b"\n", pad + b"\n")
    blank = b"\n" + pad + b"\n"
    while blank in body:  # runs of blank lines: each pass unpads every other one
        body = body.replace(blank, b"\n\n")
    target.write(body)


# -- import -------------------------------------------------------------------------------------


@dataclass
class _Document:
    line: int  # where it begins (0: nothing seen yet)
    ext_id: str | None = None
    started: bool = False  # its -DOCSTART- was seen
    text_lines: list[str] | None = None
    words: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # the line of each token
    sentence_ends: list[int] = field(default_factory=list)  # token count at the end of each sentence
    # spans found so far: (first token, last token (exclusive), label, tag column, line)
    spans: list[tuple[int, int, str, int, int]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.words


@dataclass
class _Problem:
    line: int
    field: str
    message: str
    repair: str


_DUMMY: list[Token] = []  # token positions for bio_to_spans, which only needs their order


def _dummy(n: int) -> list[Token]:
    while len(_DUMMY) < n:
        _DUMMY.append(Token(len(_DUMMY), len(_DUMMY) + 1))
    return _DUMMY[:n]


def parse_tag_columns(spec: str) -> list[int]:
    """``"4"``, ``"-1"`` or ``"3,4"`` -> file column numbers (1 is the token; negative count from the end)."""
    columns = []
    for part in spec.replace(" ", "").split(","):
        try:
            number = int(part)
        except ValueError:
            raise AnnotatorError(
                f"tag columns {spec!r}: give column numbers separated by commas, e.g. 4 or -1 or 3,4"
            ) from None
        if number in (0, 1):
            raise AnnotatorError(
                f"tag columns {spec!r}: column {number} cannot hold tags (1 is the token; -1 is the last column)"
            )
        columns.append(number)
    return columns


class _ConllReader:
    def __init__(
        self,
        path: Path,
        loader: RecordLoader,
        report: ImportReport,
        *,
        repair: bool,
        add_labels: bool,
        tag_columns: Sequence[int] | None = None,
    ):
        self.path = path
        self.loader = loader
        self.report = report
        self.repair = repair
        self.add_labels = add_labels
        self.tag_columns = list(tag_columns) if tag_columns else None  # as given: file columns, 1-based
        self.tags: list[int] | None = None  # the fields read as tags (the token is field 0), once known
        self.columns: int | None = None  # of the first token line
        self.columns_line = 0
        # Lines list as many tags as the token has nesting levels, outermost first, and leave out the
        # O of the levels below (Wojood's nested NER): each level is a tag column, padded with O.
        self.levels = False
        self.rows: list[list[str]] = []  # the open sentence: [token, tag, ...] per line
        self.row_lines: list[int] = []
        self.problems: list[_Problem] = []  # of the open sentence
        self.document = _Document(line=0)
        self.count = 0  # documents read

    def error(self, message: str, line: int, field_name: str | None) -> InputError:
        return InputError(message, path=str(self.path), line=line, field=field_name)

    # lines --------------------------------------------------------------------------------

    def touch(self, number: int) -> None:
        if self.document.line == 0:
            self.document.line = number

    def feed(self, number: int, line: str) -> None:
        # the common line first: token<TAB>tag..., nothing to strip, the file's column count
        if "\t" in line and " " not in line and line[0] != "#" and not line.startswith(DOCSTART):
            fields = line.split("\t")
            first, last = fields[0], fields[-1]
            if (
                len(fields) == self.columns
                and first
                and not first[0].isspace()
                and not first[-1].isspace()
                and last
                and not last[-1].isspace()
            ):
                self.rows.append(fields)
                self.row_lines.append(number)
                if self.document.line == 0:
                    self.document.line = number
                return
        if not line.strip():
            self.close_sentence()
            return
        if line.startswith("#") and self.comment(number, line):
            return
        fields = _split(line)
        if fields[0].strip() == DOCSTART:
            self.close_sentence()
            if not self.document.empty or self.document.started:
                self.close_document()
            self.document.started = True
            self.touch(number)
            return
        self.token(number, [_EDGE_SPACE.sub("", fields[0]), *(f.strip() for f in fields[1:])])

    def comment(self, number: int, line: str) -> bool:
        """Handle a comment line; False if it is really a token line (a token that starts with #)."""
        match = _COMMENT_KEY.fullmatch(line)
        if match is None:
            fields = _split(line)
            fits = len(fields) >= 2 and (self.columns is None or self.levels or len(fields) == self.columns)
            tags = fields[1:] if self.tags is None or self.levels else [fields[i] for i in self.tags if i < len(fields)]
            # a token line if it has the columns and tags of one, otherwise some other comment
            return not (fits and all(_TAG.fullmatch(f.strip()) for f in tags))
        key, value = match.group(1), match.group(2)
        if value.startswith(" "):
            value = value[1:]
        if key == "text":
            self.touch(number)
            if self.document.text_lines is None:
                self.document.text_lines = []
            self.document.text_lines.append(value)
            return True
        self.close_sentence()
        if not self.document.empty or self.document.ext_id is not None:  # a new document begins
            self.close_document()
        self.document.ext_id = value.strip()
        self.touch(number)
        return True

    def token(self, number: int, fields: list[str]) -> None:
        if self.columns is None:
            if len(fields) < 2:
                raise self.error("a token line needs a token and at least one tag column", number, "columns")
            self.columns, self.columns_line = len(fields), number
            if self.tag_columns is not None:
                self.tags = self._chosen_fields(self.tag_columns)
        elif len(fields) != self.columns and not (self.levels or self._starts_levels(number, fields)):
            found = len(fields)
            fields = fields[: self.columns] + ["O"] * (self.columns - found)
            action = "padded with O" if found < self.columns else "extra columns removed"
            self.problem(
                number,
                "columns",
                f"{found} column{'s' if found != 1 else ''}, expected {self.columns} (as on line {self.columns_line})",
                action,
            )
        if not fields[0]:
            self.problem(number, "token", "empty token", "line skipped")
            return
        self.touch(number)
        self.rows.append(fields)
        self.row_lines.append(number)

    def problem(self, line: int, field_name: str, message: str, repair: str) -> None:
        self.problems.append(_Problem(line, field_name, message, repair))

    def _starts_levels(self, number: int, fields: list[str]) -> bool:
        """Whether a line with another number of columns than the first shows nesting levels (see ``levels``).

        It does if every column is read as tags, all its tags are BIO tags, and a line with more
        tags than the first has no O among them (an O there is a malformed line, not a level).
        """
        columns = self.columns or 0
        if self.tag_columns is not None or (self.tags is not None and self.tags != list(range(1, columns))):
            return False
        tags = fields[1:]
        if not tags or not all(_TAG.fullmatch(tag) for tag in tags):
            return False
        if len(fields) > columns and "O" in tags:
            return False
        self.levels = True
        self.report.notes.append(
            f"{self.path}: line {number}: token lines list different numbers of tags: read as nesting levels "
            "(the first tag of a line is the outermost span, missing levels are O), as in Wojood"
        )
        return True

    def _chosen_fields(self, numbers: list[int]) -> list[int]:
        """The fields of file columns ``numbers`` (1-based, negative from the end), checked against the file."""
        columns = self.columns or 0
        fields: list[int] = []
        for number in numbers:
            field_index = number - 1 if number > 0 else columns + number
            if not 1 <= field_index < columns:
                raise self.error(
                    f"tag column {number} is not in the file: its token lines have {columns} columns "
                    "(column 1 is the token)",
                    self.columns_line,
                    "columns",
                )
            if field_index not in fields:
                fields.append(field_index)
        return fields

    def _detect_tag_fields(self, columns: list[tuple[str, ...]], lines: list[int]) -> list[int]:
        """Every column after the token if all hold BIO tags, else only the last (CoNLL-2003's NER)."""
        others = [
            index
            for index, values in enumerate(columns[1:], start=1)
            if 2 * sum(1 for value in values if _TAG.fullmatch(value)) < len(values)
        ]
        last = len(columns) - 1
        if not others or others == [last]:  # (a lone tag column with bad tags is still the tag column)
            return list(range(1, len(columns)))
        skipped = [index + 1 for index in range(1, last)]
        self.report.notes.append(
            f"{self.path}: line {lines[0]}: column{'s' if len(others) > 1 else ''} "
            f"{', '.join(str(i + 1) for i in others)} do{'' if len(others) > 1 else 'es'} not hold BIO tags "
            f"(part of speech?): read as CoNLL-2003, tags from the last column ({last + 1}) only, "
            f"column{'s' if len(skipped) > 1 else ''} {', '.join(map(str, skipped))} ignored; "
            "choose the tag columns with --tag-columns"
        )
        return [last]

    # sentences and documents ----------------------------------------------------------------

    def close_sentence(self) -> None:
        rows, self.rows = self.rows, []
        lines, self.row_lines = self.row_lines, []
        document = self.document
        base = len(document.words)
        if self.levels and rows:
            width = max(map(len, rows))
            rows = [row + ["O"] * (width - len(row)) if len(row) < width else row for row in rows]
        columns = list(zip(*rows, strict=True))  # the token column, then each tag column
        if rows and self.tags is None:
            self.tags = self._detect_tag_fields(columns, lines)
        fields = range(1, len(columns)) if self.levels else self.tags if rows and self.tags else ()
        for column in fields:
            tags = columns[column]
            if tags.count("O") == len(tags):
                continue
            spans, found = bio_to_spans(_dummy(len(tags)), tags, repair=self.repair)
            for p in found:
                action = "read as O" if p.message.startswith("malformed") else "a new span starts here"
                self.problem(lines[p.index], f"tag column {column}", p.message, action)
            for first, last, label in spans:
                document.spans.append((base + first, base + last, label, column, lines[first]))
        problems, self.problems = sorted(self.problems, key=lambda p: p.line), []
        for p in problems:
            if not self.repair:
                raise self.error(p.message, p.line, p.field)
            self.report.notes.append(f"{self.path}: line {p.line}: {p.field}: {p.message}; repaired: {p.repair}")
        if rows:
            document.words.extend(columns[0])
            document.lines.extend(lines)
            document.sentence_ends.append(len(document.words))

    def close_document(self) -> None:
        document, self.document = self.document, _Document(line=0)
        self.count += 1
        if document.empty and document.text_lines is None:  # (with a text, it is a document without tokens)
            if document.ext_id is not None:
                self.report.notes.append(
                    f"{self.path}: line {document.line}: document {document.ext_id} has no tokens and no "
                    "# text; not imported"
                )
            else:
                self.count -= 1
            return
        ext_id = document.ext_id or f"{self.path.stem}-{self.count}"
        words = document.words
        meta: dict[str, object] = {}
        if document.text_lines is None:
            # tokens joined by single spaces, sentences by line breaks: its lines are its sentences
            bounds = [0, *document.sentence_ends]
            text = "\n".join(" ".join(words[a:b]) for a, b in pairwise(bounds))
            lengths = list(map(len, words))
            starts = list(accumulate(chain((0,), map((1).__add__, lengths[:-1]))))
            ends = list(map(add, starts, lengths))
            if _SPACE.search("\x00".join(words)) is None:
                meta[META_TOKENS] = "whitespace"
            else:
                meta[META_TOKENS] = [[s, e] for s, e in zip(starts, ends, strict=True)]
        else:
            text = "\n".join(document.text_lines)
            starts, ends = [], []
            position = 0
            for word, line in zip(words, document.lines, strict=True):
                found = text.find(word, position)
                if found < 0:
                    raise self.error(
                        f"token {word!r} not found in the document text (# text) after offset {position}",
                        line,
                        "token",
                    )
                position = found + len(word)
                starts.append(found)
                ends.append(position)
            whitespace = split_text(text, "whitespace")
            if whitespace.starts == starts and whitespace.ends == ends:
                meta[META_TOKENS] = "whitespace"
            else:
                meta[META_TOKENS] = [[s, e] for s, e in zip(starts, ends, strict=True)]
            sentence_starts = [starts[i] for i in document.sentence_ends[:-1]]
            line_starts = [
                starts[i + 1]
                for i in range(len(starts) - 1)
                if _LINE_BREAK.search(text, ends[i], starts[i + 1]) is not None
            ]
            if sentence_starts != line_starts:  # sentences that are not simply the lines of the text
                meta[META_SENTENCES] = sentence_starts
        known = self.loader.span_labels
        spans = []
        for first, last, label, column, line in document.spans:
            if label not in known and not self.add_labels:
                raise self.error(
                    f"unknown label {label!r} (not in the project's scheme; import with --add-labels to add it)",
                    line,
                    f"tag column {column}",
                )
            spans.append(RecordSpan(starts[first], ends[last - 1], label, field=f"tag column {column}"))
        self.loader.load(Record(text=text, ext_id=ext_id, meta=meta, spans=spans), document.line or None)


_SPACE = regex.compile(r"\s")


def _split(line: str) -> list[str]:
    """The fields of a line: tab-separated if it has a tab, else separated by runs of spaces."""
    if "\t" in line:
        return line.split("\t")
    return _FIELDS.findall(line) or [""]


def _lines(path: Path) -> Iterator[tuple[int, int, str]]:
    """(line number, bytes read so far, line without its line break) for every line of ``path``."""
    done = 0
    with open(path, "rb") as stream:
        for number, raw in enumerate(stream, start=1):
            done += len(raw)
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"not UTF-8 text (byte {exc.start + 1} of the line); convert the file to UTF-8",
                    path=str(path),
                    line=number,
                ) from exc
            yield number, done, line.rstrip("\r\n")


def import_conll(
    project: Project,
    path: str | Path,
    *,
    annotator: str | None = None,
    default_annotator: str | None = None,
    add_labels: bool = False,
    repair: bool = False,
    tag_columns: Sequence[int] | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a CoNLL file (token and one or more BIO tag columns) in one transaction.

    ``tag_columns`` names the file columns that hold tags (1 is the token, -1 the last column; see
    :func:`parse_tag_columns`); by default every column after the token, or only the last one when
    some column does not hold BIO tags (CoNLL-2003's POS and chunk columns), which the notes say.

    Spans go to ``annotator``'s layer, else ``default_annotator``'s (default "imported"). A bad line
    raises InputError (file, line, field) and leaves the project unchanged, unless ``repair``:
    then I- without B- starts a span, a malformed tag is read as O, a line with the wrong number of
    columns is padded with O or cut, an empty token's line is skipped, and every repair is listed
    in ``report.notes``.
    """
    path = Path(path)
    if path.is_dir():
        raise InputError("is a folder; give a CoNLL file", path=str(path))
    report = ImportReport()
    total = path.stat().st_size
    with RecordLoader(
        project, report, path=str(path), annotator=annotator, default_annotator=default_annotator, add_labels=add_labels
    ) as loader:
        reader = _ConllReader(path, loader, report, repair=repair, add_labels=add_labels, tag_columns=tag_columns)
        count = 0
        for number, done, line in _lines(path):
            reader.feed(number, line)
            if progress is not None and reader.count != count:
                count = reader.count
                progress(done, total)
        reader.close_sentence()
        reader.close_document()
        if progress is not None:
            progress(total, total)
    return report


# -- helpers for callers ------------------------------------------------------------------------


def looks_like_conll(path: str | Path, *, sample: int = 64 * 1024) -> bool:
    """A cheap content check for format auto-detection: token lines with BIO tags in the last column.

    Every token line has the same number of columns, and those between the token and the last may
    hold anything (CoNLL-2003's part-of-speech and chunk tags); or every column after the token holds
    tags, as many as the token's nesting levels (Wojood). A file named ``.conll``, ``.bio`` or
    ``.iob`` is CoNLL whatever it holds, so that its bad lines are reported rather than read as text.
    """
    if Path(path).suffix.lower() in CONLL_SUFFIXES and Path(path).is_file():
        return True
    try:
        with open(path, "rb") as stream:
            raw = stream.read(sample)
    except OSError:
        return False
    lines = raw.decode("utf-8", errors="replace").split("\n")
    if len(raw) == sample:  # the last line may be cut short
        lines.pop()
    seen = 0
    columns = None
    ragged, every_tag = False, True  # lines of several lengths: nesting levels if all are tags
    for line in lines:
        line = line.rstrip("\r")
        if not line.strip() or line.startswith("#") or line.startswith(DOCSTART):
            continue
        fields = _split(line)
        if len(fields) < 2 or not _TAG.fullmatch(fields[-1].strip()):
            return False
        if len(fields) != (columns or len(fields)):
            ragged = True
        every_tag &= all(_TAG.fullmatch(f.strip()) for f in fields[1:])
        columns = columns or len(fields)
        seen += 1
    return seen > 0 and (every_tag or not ragged)
