"""A project: one SQLite database file, opened through sqlite-utils.

Every public method that changes data runs in one transaction (or joins the caller's, see
:meth:`Project.transaction`), so a user action or an import is committed whole or not at all.
Methods return what they changed, so callers (the GUI's undo stack, the CLI's summaries) can
report or reverse it.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import chain
from pathlib import Path
from typing import Any

import orjson
import sqlite_utils

from annotator.core.errors import AnnotatorError, OffsetError, SchemaVersionError
from annotator.core.labels import AttributeDef, LabelScheme, RelationLabel, SpanLabel
from annotator.core.model import DOCUMENT_STATUSES, SUGGESTIONS, Document, Relation, Span, check_offsets
from annotator.core.text import content_hash
from annotator.store.schema import MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_MS = 10_000
ROWS_PER_INSERT = 100  # rows per INSERT statement of a bulk write (see Project._insert_rows)

_stamp: tuple[int, str] = (-1, "")


def now() -> str:
    """Current UTC time as ISO 8601 text to the second, the timestamp format of every table.

    The text is made once per second: an import stamps every document, span and relation it
    writes, and formatting a datetime for each of them was 6% of a large Label Studio import.
    """
    global _stamp
    second = int(time.time())
    if second != _stamp[0]:
        _stamp = (second, datetime.fromtimestamp(second, UTC).isoformat())
    return _stamp[1]


def _dumps(value: Any) -> str:
    """Compact JSON with sorted keys, as stored in attrs/meta/scheme columns."""
    if not value:
        return "{}" if isinstance(value, dict) else "[]" if isinstance(value, list) else json.dumps(value)
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()


def file_damage(conn: sqlite3.Connection) -> str | None:
    """What is wrong with a damaged database file (pages lost or zeroed), or None if it is whole.

    Such a file would otherwise fail later, mid-command, with "database disk image is malformed".
    A row breaking a CHECK or NOT NULL constraint is bad data, not damage: `annotator check`
    reports it (with the document and span) and it can be fixed.
    """
    try:
        damage = [row[0] for row in conn.execute("PRAGMA quick_check") if row[0] != "ok"]
    except sqlite3.DatabaseError as exc:
        damage = [str(exc)]
    damage = [d for d in damage if not d.startswith(("CHECK constraint failed", "NULL value in"))]
    if not damage:
        return None
    detail = " ".join(line for line in damage[0].splitlines() if not line.startswith("***"))[:200]
    return detail or damage[0]


@dataclass(slots=True)
class DocumentInfo:
    """A document's list entry: everything but its text."""

    id: int
    ext_id: str
    title: str
    length: int
    span_count: int
    status: str
    review_state: str


class ProjectBusyError(AnnotatorError):
    """Another connection held the write lock for longer than the busy timeout."""


@dataclass(slots=True)
class Problem:
    """One finding of :meth:`Project.check`."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class Project:
    """An open project database."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        self.path = path
        self._depth = 0
        self._annotator_ids: dict[str, int] = {}

    # -- opening --------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, create: bool = False, scheme: LabelScheme | None = None) -> Project:
        """Open the project at ``path``, migrating it (after a backup) if its schema is older.

        With ``create`` a missing file becomes a new project with ``scheme`` (default: the news
        scheme from resources/). Opening a file that is not a project database raises
        AnnotatorError; one written by a newer version raises SchemaVersionError.
        """
        path = Path(path)
        if not path.exists() and not create:
            raise AnnotatorError(f"{path}: no such project database (use 'annotator init {path}')")
        if path.exists() and path.is_dir():
            raise AnnotatorError(f"{path}: is a folder, not a project database")
        if path.exists() and path.stat().st_size == 0 and not create:
            raise AnnotatorError(f"{path}: an empty file, not a project database")
        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        except sqlite3.Error as exc:
            raise AnnotatorError(f"{path}: cannot open ({exc})") from exc
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            conn.close()
            try:
                with open(path, "rb") as stream:
                    sqlite_file = stream.read(16) == b"SQLite format 3\x00"
            except OSError:
                sqlite_file = False
            if sqlite_file:  # an SQLite file, but cut short or overwritten
                raise AnnotatorError(
                    f"{path}: the project file is damaged or cut short ({exc}); nothing was changed"
                ) from exc
            raise AnnotatorError(f"{path}: not a project database ({exc})") from exc
        # An SQLite file with tables but no schema version belongs to something else: never write
        # our tables into it, even when asked to create a project.
        if version == 0 and tables:
            conn.close()
            raise AnnotatorError(f"{path}: an SQLite file, but not an annotator project")
        if version > SCHEMA_VERSION:
            conn.close()
            raise SchemaVersionError(
                f"{path}: made by a newer annotator (schema {version}, this version reads up to "
                f"{SCHEMA_VERSION}); upgrade the annotator to open it"
            )
        damage = file_damage(conn)
        if damage:
            conn.close()
            raise AnnotatorError(
                f"{path}: the project file is damaged ({damage}); nothing was changed. The files in "
                f"{path.name}.backups beside it are whole copies made earlier: copy the newest one over it"
            )
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA cache_size = -65536")  # 64 MiB of page cache: big imports spill less
        conn.execute("PRAGMA journal_size_limit = 67108864")  # keep the WAL from staying huge after a big import
        conn.execute("PRAGMA foreign_keys = ON")
        project = cls(conn, path)
        if version < SCHEMA_VERSION:
            backup = None
            if version > 0:
                backup = project.backup(
                    path.with_name(f"{path.name}.v{version}.{datetime.now(UTC):%Y%m%dT%H%M%S%f}.bak")
                )
            try:
                if version == 0:  # a new project: schema and label scheme in one transaction
                    with project.transaction():
                        project._migrate(version)
                        project.save_scheme(scheme or _default_scheme())
                else:
                    project._migrate(version)
            except sqlite3.Error as exc:
                reached = project.schema_version
                conn.close()
                kept = f"; a copy of the original is at {backup}" if backup else ""
                raise AnnotatorError(
                    f"{path}: upgrading the schema from version {reached} failed ({exc}); "
                    f"the database was left at version {reached}{kept}"
                ) from exc
        return project

    @classmethod
    def create(cls, path: str | Path, scheme: LabelScheme | None = None) -> Project:
        """Create a new project at ``path``; refuses to touch an existing file."""
        path = Path(path)
        if path.exists():
            raise AnnotatorError(f"{path}: already exists")
        return cls.open(path, create=True, scheme=scheme)

    def _migrate(self, version: int) -> None:
        # Tables are rebuilt by some migrations: with foreign keys on, dropping the old table would
        # cascade-delete the rows that point at it. The pragma only works outside a transaction
        # (a new project migrates inside one, but has no rows); the keys are checked before commit.
        self.conn.execute("PRAGMA foreign_keys = OFF")
        try:
            for target in range(version, SCHEMA_VERSION):
                with self.transaction():
                    # executescript would commit our transaction: run the statements one by one.
                    for statement in MIGRATIONS[target].split(";"):
                        if statement.strip():
                            self.conn.execute(statement)
                    broken = self.conn.execute("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise sqlite3.IntegrityError(f"foreign keys broken after migration: {broken[:3]}")
                    self.conn.execute(f"PRAGMA user_version = {target + 1}")
        finally:
            self.conn.execute("PRAGMA foreign_keys = ON")

    def _next_id(self, table: str) -> int:
        """The first id never used in ``table`` (spans, relations: AUTOINCREMENT keeps the high mark)."""
        highest = self.conn.execute(f"SELECT coalesce(max(id), 0) FROM [{table}]").fetchone()[0]
        try:
            row = self.conn.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()
        except sqlite3.OperationalError:  # a schema before version 2 has no AUTOINCREMENT table
            row = None
        return max(highest, row[0] if row else 0) + 1

    def backup(self, destination: str | Path) -> Path:
        """Write a consistent copy of the database to ``destination`` (SQLite backup API)."""
        destination = Path(destination)
        target = sqlite3.connect(destination)
        try:
            self.conn.backup(target)
        finally:
            target.close()
        return destination

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # -- transactions ---------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Project]:
        """Run the block in one transaction; nested blocks join the outer one (as savepoints)."""
        if self._depth == 0:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:  # the busy timeout ran out
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                raise ProjectBusyError(
                    f"{self.path or 'the project'}: another program (an import, another window) is writing to "
                    "the project and did not finish in time; nothing was changed. Try again once it has finished."
                ) from exc
        else:
            self.conn.execute(f"SAVEPOINT sp{self._depth}")
        self._depth += 1
        try:
            yield self
        except BaseException:
            self._depth -= 1
            # Annotators created inside the rolled-back block are gone; their cached ids could
            # now be handed to someone else.
            self._annotator_ids.clear()
            if self._depth == 0:
                self.conn.execute("ROLLBACK")
            else:
                self.conn.execute(f"ROLLBACK TO sp{self._depth}")
                self.conn.execute(f"RELEASE sp{self._depth}")
            raise
        self._depth -= 1
        if self._depth == 0:
            self.conn.execute("COMMIT")
        else:
            self.conn.execute(f"RELEASE sp{self._depth}")

    @contextmanager
    def _atomic(self) -> Iterator[Project]:
        """A transaction of its own at top level; inside an outer one, no savepoint.

        For the hot write methods used by importers (thousands of calls per import): a failure
        inside an outer transaction propagates and the outer transaction, which every importer
        holds, rolls everything back. Savepoints there cost more than the inserts they guard.
        """
        if self._depth == 0:
            with self.transaction():
                yield self
        else:
            yield self

    # -- settings -------------------------------------------------------------------------

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # -- label scheme ---------------------------------------------------------------------

    def scheme(self) -> LabelScheme:
        """The project's label scheme, in its stored order."""
        span_labels = [
            SpanLabel(
                name=row["name"],
                kind=row["kind"],
                color=row["color"],
                key=row["key"],
                description=row["description"],
                attributes=[AttributeDef(**a) for a in json.loads(row["attributes"])],
            )
            for row in self.db.query("SELECT * FROM span_labels ORDER BY position, name")
        ]
        relation_labels = [
            RelationLabel(name=row["name"], heads=json.loads(row["heads"]), children=json.loads(row["children"]))
            for row in self.db.query("SELECT * FROM relation_labels ORDER BY position, name")
        ]
        return LabelScheme(
            span_labels=span_labels,
            relation_labels=relation_labels,
            name=self.get_setting("scheme_name", "custom") or "custom",
            description=self.get_setting("scheme_description", "") or "",
        )

    def save_scheme(self, scheme: LabelScheme) -> None:
        """Make the stored scheme equal to ``scheme``, label by label (names are kept stable).

        Labels missing from ``scheme`` are removed; a label still used by spans cannot be removed
        (see :meth:`delete_span_label` for the ways to deal with its spans).
        """
        scheme.validate()
        with self.transaction():
            for position, label in enumerate(scheme.span_labels):
                self.add_span_label(label, position=position)
            for position, rel in enumerate(scheme.relation_labels):
                self.add_relation_label(rel, position=position)
            keep = set(scheme.span_label_names)
            for name in [n for n in self._names("span_labels") if n not in keep]:
                self.delete_span_label(name)
            keep_rel = set(scheme.relation_label_names)
            for name in [n for n in self._names("relation_labels") if n not in keep_rel]:
                self.delete_relation_label(name)
            self.set_setting("scheme_name", scheme.name)
            self.set_setting("scheme_description", scheme.description)

    def _names(self, table: str) -> list[str]:
        return [row[0] for row in self.conn.execute(f"SELECT name FROM [{table}]")]

    def add_span_label(self, label: SpanLabel, *, position: int | None = None) -> None:
        """Add a span label, or update the label of that name."""
        if position is None:  # an existing label keeps its place, a new one goes last
            position = self.conn.execute(
                "SELECT coalesce((SELECT position FROM span_labels WHERE name = ?), "
                "(SELECT max(position) + 1 FROM span_labels), 0)",
                (label.name,),
            ).fetchone()[0]
        attrs = _dumps(
            [{"name": a.name, "type": a.type, "values": a.values, "default": a.default} for a in label.attributes]
        )
        with self.transaction():
            self.conn.execute(
                "INSERT INTO span_labels (name, kind, color, key, description, attributes, position) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, "
                "color = excluded.color, key = excluded.key, description = excluded.description, "
                "attributes = excluded.attributes, position = excluded.position",
                (label.name, label.kind, label.color, label.key, label.description, attrs, position),
            )

    def add_relation_label(self, label: RelationLabel, *, position: int | None = None) -> None:
        """Add a relation label, or update the label of that name."""
        if position is None:  # an existing label keeps its place, a new one goes last
            position = self.conn.execute(
                "SELECT coalesce((SELECT position FROM relation_labels WHERE name = ?), "
                "(SELECT max(position) + 1 FROM relation_labels), 0)",
                (label.name,),
            ).fetchone()[0]
        with self.transaction():
            self.conn.execute(
                "INSERT INTO relation_labels (name, heads, children, position) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(name) DO UPDATE SET heads = excluded.heads, children = excluded.children, "
                "position = excluded.position",
                (label.name, _dumps(label.heads), _dumps(label.children), position),
            )

    def rename_span_label(self, old: str, new: str) -> int:
        """Rename a span label; existing spans follow. Returns how many spans changed."""
        with self.transaction():
            if self.conn.execute("SELECT 1 FROM span_labels WHERE name = ?", (new,)).fetchone():
                raise AnnotatorError(f"a label named {new!r} already exists")
            count = self.conn.execute("SELECT count(*) FROM spans WHERE label = ?", (old,)).fetchone()[0]
            cur = self.conn.execute("UPDATE span_labels SET name = ? WHERE name = ?", (new, old))
            if cur.rowcount == 0:
                raise AnnotatorError(f"no label named {old!r}")
            self._replace_in_relation_ends(old, new)
        return count

    def delete_span_label(self, name: str, *, spans: str = "refuse", relabel_to: str | None = None) -> int:
        """Remove a span label. ``spans`` says what happens to spans that use it:

        ``refuse`` (default: raise if any), ``delete`` (remove them and their relations), or
        ``relabel`` (give them ``relabel_to``). Returns how many spans were affected.
        """
        with self.transaction():
            count = self.conn.execute("SELECT count(*) FROM spans WHERE label = ?", (name,)).fetchone()[0]
            if count:
                if spans == "delete":
                    self.conn.execute("DELETE FROM spans WHERE label = ?", (name,))
                elif spans == "relabel" and relabel_to:
                    if (
                        relabel_to == name
                        or not self.conn.execute("SELECT 1 FROM span_labels WHERE name = ?", (relabel_to,)).fetchone()
                    ):
                        raise AnnotatorError(
                            f"cannot move the spans of {name!r} to {relabel_to!r}: no such other label"
                        )
                    self.conn.execute("UPDATE spans SET label = ? WHERE label = ?", (relabel_to, name))
                else:
                    raise AnnotatorError(f"label {name!r} is used by {count} spans")
            self.conn.execute("DELETE FROM span_labels WHERE name = ?", (name,))
            self._replace_in_relation_ends(name, None)
        return count

    def _replace_in_relation_ends(self, old: str, new: str | None) -> None:
        """Rename (or, with ``new`` None, remove) a span label in every relation's head/child lists."""
        for row in self.db.query("SELECT name, heads, children FROM relation_labels"):
            heads = [new if h == old else h for h in json.loads(row["heads"]) if h != old or new is not None]
            children = [new if c == old else c for c in json.loads(row["children"]) if c != old or new is not None]
            self.conn.execute(
                "UPDATE relation_labels SET heads = ?, children = ? WHERE name = ?",
                (_dumps(heads), _dumps(children), row["name"]),
            )

    def delete_relation_label(self, name: str) -> int:
        """Remove a relation label and every relation that uses it; returns how many went."""
        with self.transaction():
            count = self.conn.execute("DELETE FROM relations WHERE label = ?", (name,)).rowcount
            self.conn.execute("DELETE FROM relation_labels WHERE name = ?", (name,))
        return count

    # -- annotators -----------------------------------------------------------------------

    def annotator_id(self, name: str, *, create: bool = True) -> int:
        """The id of annotator ``name`` (created when missing, unless ``create`` is false)."""
        if name in self._annotator_ids:
            return self._annotator_ids[name]
        if not name or not name.strip():
            raise AnnotatorError("an annotator name cannot be empty")
        row = self.conn.execute("SELECT id FROM annotators WHERE name = ?", (name,)).fetchone()
        if row is None:
            if not create:
                raise AnnotatorError(f"no annotator named {name!r}")
            with self.transaction():
                row = (
                    self.conn.execute("INSERT INTO annotators (name, created) VALUES (?, ?)", (name, now())).lastrowid,
                )
        self._annotator_ids[name] = row[0]
        return row[0]

    def annotators(self) -> list[str]:
        return [row[0] for row in self.conn.execute("SELECT name FROM annotators ORDER BY name")]

    # -- documents ------------------------------------------------------------------------

    def add_document(self, document: Document) -> int:
        """Store a document and return its id (the text is stored exactly as given)."""
        meta = _dumps(document.meta)
        with self._atomic():
            try:
                cur = self.conn.execute(
                    "INSERT INTO documents (ext_id, title, text, text_hash, meta, created) VALUES (?, ?, ?, ?, ?, ?)",
                    (document.ext_id, document.title, document.text, content_hash(document.text), meta, now()),
                )
            except sqlite3.IntegrityError as exc:
                raise AnnotatorError(f"a document with id {document.ext_id!r} already exists") from exc
        document.id = cur.lastrowid
        return cur.lastrowid

    def find_document(self, ext_id: str) -> int | None:
        row = self.conn.execute("SELECT id FROM documents WHERE ext_id = ?", (ext_id,)).fetchone()
        return row[0] if row else None

    def find_documents_by_hash(self, text_hash: str) -> list[int]:
        """Ids of the documents whose text has this :func:`content_hash` (the same text), in id order."""
        return [
            row[0]
            for row in self.conn.execute("SELECT id FROM documents WHERE text_hash = ? ORDER BY id", (text_hash,))
        ]

    def document(self, doc_id: int) -> Document:
        row = self.conn.execute(
            "SELECT id, ext_id, title, text, meta FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        if row is None:
            raise AnnotatorError(f"no document with id {doc_id}")
        return Document(id=row[0], ext_id=row[1], title=row[2], text=row[3], meta=json.loads(row[4]))

    def document_ids(self) -> list[int]:
        return [row[0] for row in self.conn.execute("SELECT id FROM documents ORDER BY id")]

    def iter_documents(self) -> Iterator[Document]:
        """Every document in id order, read one at a time."""
        for row in self.conn.execute("SELECT id, ext_id, title, text, meta FROM documents ORDER BY id"):
            yield Document(id=row[0], ext_id=row[1], title=row[2], text=row[3], meta=json.loads(row[4]))

    def document_list(self, annotator: str | None = None) -> list[DocumentInfo]:
        """List entries for every document: span counts and status for ``annotator`` (all if None)."""
        aid = self._maybe_annotator(annotator)
        span_filter = "" if aid is None else "AND s.annotator_id = :aid"
        rows = self.db.query(
            f"""SELECT d.id, d.ext_id, d.title, length(d.text) AS length, d.review_state,
                (SELECT count(*) FROM spans s WHERE s.document_id = d.id {span_filter}) AS span_count,
                (SELECT status FROM document_status st WHERE st.document_id = d.id AND st.annotator_id = :aid)
                  AS status
            FROM documents d ORDER BY d.id""",
            {"aid": aid if aid is not None else -1},
        )
        return [
            DocumentInfo(
                id=r["id"],
                ext_id=r["ext_id"],
                title=r["title"],
                length=r["length"],
                span_count=r["span_count"],
                status=r["status"] or "new",
                review_state=r["review_state"],
            )
            for r in rows
        ]

    def _maybe_annotator(self, name: str | None) -> int | None:
        if name is None:
            return None
        row = self.conn.execute("SELECT id FROM annotators WHERE name = ?", (name,)).fetchone()
        return row[0] if row else -1

    def set_status(self, doc_id: int, annotator: str, status: str) -> str:
        """Set a document's status for an annotator; returns the previous status."""
        if status not in DOCUMENT_STATUSES:
            raise AnnotatorError(f"unknown status {status!r} (one of {', '.join(DOCUMENT_STATUSES)})")
        aid = self.annotator_id(annotator)
        self._document_length(doc_id)  # raises for a missing document
        with self.transaction():
            row = self.conn.execute(
                "SELECT status FROM document_status WHERE document_id = ? AND annotator_id = ?", (doc_id, aid)
            ).fetchone()
            self.conn.execute(
                "INSERT INTO document_status (document_id, annotator_id, status, updated) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(document_id, annotator_id) DO UPDATE SET status = excluded.status, updated = excluded.updated",
                (doc_id, aid, status, now()),
            )
        return row[0] if row else "new"

    def status(self, doc_id: int, annotator: str) -> str:
        aid = self._maybe_annotator(annotator)
        row = self.conn.execute(
            "SELECT status FROM document_status WHERE document_id = ? AND annotator_id = ?", (doc_id, aid)
        ).fetchone()
        return row[0] if row else "new"

    def review_state(self, doc_id: int) -> str:
        """A document's review state (one of REVIEW_STATES: unreviewed, in_review, adjudicated)."""
        row = self.conn.execute("SELECT review_state FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise AnnotatorError(f"no document with id {doc_id}")
        return row[0]

    def set_review_state(self, doc_id: int, state: str) -> str:
        """Set a document's review state; returns the previous one."""
        from annotator.core.model import REVIEW_STATES

        if state not in REVIEW_STATES:
            raise AnnotatorError(f"unknown review state {state!r} (one of {', '.join(REVIEW_STATES)})")
        before = self.review_state(doc_id)
        with self.transaction():
            self.conn.execute("UPDATE documents SET review_state = ? WHERE id = ?", (state, doc_id))
        return before

    # -- spans ----------------------------------------------------------------------------

    _SPAN_COLUMNS = 's.id, s.document_id, a.name, s.label, s."start", s."end", s.attrs'

    @staticmethod
    def _span(row: tuple[Any, ...]) -> Span:
        return Span(
            id=row[0],
            document_id=row[1],
            annotator=row[2],
            label=row[3],
            start=row[4],
            end=row[5],
            attrs={} if row[6] == "{}" else json.loads(row[6]),
        )

    def spans(self, doc_id: int, annotator: str | None = None) -> list[Span]:
        """Spans of a document (one annotator's layer, or all), ordered by position."""
        sql = f"SELECT {self._SPAN_COLUMNS} FROM spans s JOIN annotators a ON a.id = s.annotator_id WHERE s.document_id = ?"
        params: list[Any] = [doc_id]
        if annotator is not None:
            sql += " AND a.name = ?"
            params.append(annotator)
        sql += ' ORDER BY s."start", s."end" DESC, s.label, s.id'
        return [self._span(row) for row in self.conn.execute(sql, params)]

    def span(self, span_id: int) -> Span:
        row = self.conn.execute(
            f"SELECT {self._SPAN_COLUMNS} FROM spans s JOIN annotators a ON a.id = s.annotator_id WHERE s.id = ?",
            (span_id,),
        ).fetchone()
        if row is None:
            raise AnnotatorError(f"no span with id {span_id}")
        return self._span(row)

    def _document_length(self, doc_id: int) -> int:
        row = self.conn.execute("SELECT length(text) FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise AnnotatorError(f"no document with id {doc_id}")
        return row[0]

    def add_span(self, doc_id: int, span: Span) -> Span:
        """Store ``span`` in document ``doc_id`` (in ``span.annotator``'s layer); returns it with its id.

        Raises OffsetError if the offsets do not fit the document, AnnotatorError for an unknown label.
        """
        check_offsets(span.start, span.end, self._document_length(doc_id))
        return self.add_spans(doc_id, [span])[0]

    def add_spans(self, doc_id: int, spans: Iterable[Span]) -> list[Span]:
        """Store several spans of document ``doc_id`` in one transaction (offsets must already be checked).

        Spans without an id get fresh ids; a span with an id (an undo restoring a deletion)
        keeps it. Returns the spans with ``id`` and ``document_id`` set.
        """
        out = list(spans)
        for span in out:
            span.document_id = doc_id
        return self.store_spans(out)

    def store_spans(self, spans: list[Span]) -> list[Span]:
        """Store spans of any documents (each span's ``document_id``) in one go; see :meth:`add_spans`.

        Importers hand over the spans of many documents at once: per call there are two id
        lookups and a status update, which cost more than the inserts for a document's few spans.
        """
        if not spans:
            return spans
        stamp = now()
        with self._atomic():
            next_id = self._next_id("spans")
            next_id = max(next_id, *((s.id + 1) for s in spans if s.id is not None), next_id)
            rows = []
            append = rows.append
            ids = self._annotator_ids
            for span in spans:
                if span.id is None:
                    span.id = next_id
                    next_id += 1
                name, attrs = span.annotator, span.attrs
                append(
                    (
                        span.id,
                        span.document_id,
                        ids[name] if name in ids else self.annotator_id(name),
                        span.label,
                        span.start,
                        span.end,
                        "{}" if not attrs and type(attrs) is dict else _dumps(attrs),
                        stamp,
                        stamp,
                    )
                )
            try:
                self._insert_rows(
                    'INSERT INTO spans (id, document_id, annotator_id, label, "start", "end", attrs, created, updated)',
                    rows,
                )
            except sqlite3.IntegrityError as exc:
                raise self._integrity_error(exc, self._first_bad_span(spans) or spans[0]) from exc
            # (suggestions are no one's work: their layer has no status)
            self._touch_status({(s.document_id, s.annotator) for s in spans if s.annotator != SUGGESTIONS})
        return spans

    def _first_bad_span(self, spans: list[Span]) -> Span | None:
        labels = set(self._names("span_labels"))
        return next((s for s in spans if s.label not in labels or s.start >= s.end), None)

    def add_relations(self, doc_id: int, relations: Iterable[Relation]) -> list[Relation]:
        """Store several relations of one document without label checks (used by importers)."""
        out = list(relations)
        for relation in out:
            relation.document_id = doc_id
        return self.store_relations(out)

    def store_relations(self, relations: list[Relation]) -> list[Relation]:
        """Store relations of any documents (each relation's ``document_id``) without label checks."""
        if not relations:
            return relations
        stamp = now()
        with self._atomic():
            next_id = self._next_id("relations")
            rows = []
            ids = self._annotator_ids
            for rel in relations:
                if rel.id is None:
                    rel.id = next_id
                    next_id += 1
                name = rel.annotator
                who = ids[name] if name in ids else self.annotator_id(name)
                rows.append((rel.id, rel.document_id, who, rel.label, rel.head, rel.child, stamp))
            try:
                self._insert_rows(
                    "INSERT INTO relations (id, document_id, annotator_id, label, head_id, child_id, created)", rows
                )
            except sqlite3.IntegrityError as exc:
                raise AnnotatorError(f"cannot add relations: {exc}") from exc
        return relations

    def _insert_rows(self, insert: str, rows: list[tuple[Any, ...]]) -> None:
        """Run ``insert`` (``INSERT INTO table (columns)``) for every row, up to a hundred rows per statement.

        A statement per row (executemany) spends a third of a bulk import stepping statements and
        updating the AUTOINCREMENT counter; a hundred rows of up to nine columns stay within the
        999 parameters that older SQLite builds allow.
        """
        if not rows:
            return
        values = "(" + ", ".join("?" * len(rows[0])) + ")"
        whole = len(rows) - len(rows) % ROWS_PER_INSERT
        if whole:
            sql = f"{insert} VALUES " + ", ".join([values] * ROWS_PER_INSERT)
            for at in range(0, whole, ROWS_PER_INSERT):
                self.conn.execute(sql, list(chain.from_iterable(rows[at : at + ROWS_PER_INSERT])))
        if whole < len(rows):
            self.conn.executemany(f"{insert} VALUES {values}", rows[whole:])

    def _touch_status(self, layers: Iterable[tuple[int | None, str]]) -> None:
        """A document a person starts annotating moves from new to in progress (``layers``: document, annotator)."""
        stamp = now()
        self.conn.executemany(
            "INSERT OR IGNORE INTO document_status (document_id, annotator_id, status, updated) VALUES (?, ?, 'in_progress', ?)",
            [(doc_id, self.annotator_id(name), stamp) for doc_id, name in layers],
        )

    def _integrity_error(self, exc: sqlite3.IntegrityError, span: Span) -> AnnotatorError:
        message = str(exc)
        if "FOREIGN KEY" in message:
            if not self.conn.execute("SELECT 1 FROM span_labels WHERE name = ?", (span.label,)).fetchone():
                return AnnotatorError(f"unknown label {span.label!r}")
            return AnnotatorError("the document does not exist")
        if "CHECK" in message:
            return OffsetError(f"start {span.start} is not before end {span.end}")
        if "UNIQUE" in message and span.id is not None:  # an undo bringing a span back with its old id
            return AnnotatorError(f"span id {span.id} is taken by another span (the project was changed elsewhere)")
        return AnnotatorError(message)

    def update_span(self, span_id: int, **changes: Any) -> Span:
        """Change a span's label, start, end or attrs; returns the span as it was before."""
        allowed = {"label", "start", "end", "attrs"}
        unknown = set(changes) - allowed
        if unknown:
            raise AnnotatorError(f"cannot change {', '.join(sorted(unknown))} of a span")
        before = self.span(span_id)
        after = Span(**{**{k: getattr(before, k) for k in ("start", "end", "label", "attrs")}, **changes})
        if after.start != before.start or after.end != before.end:
            check_offsets(after.start, after.end, self._document_length(before.document_id or 0))
        with self.transaction():
            try:
                self.conn.execute(
                    'UPDATE spans SET label = ?, "start" = ?, "end" = ?, attrs = ?, updated = ? WHERE id = ?',
                    (after.label, after.start, after.end, _dumps(after.attrs), now(), span_id),
                )
            except sqlite3.IntegrityError as exc:
                raise self._integrity_error(exc, after) from exc
        return before

    def delete_span(self, span_id: int) -> tuple[Span, list[Relation]]:
        """Delete a span and the relations that touch it; returns both, so the deletion can be undone."""
        span = self.span(span_id)
        with self.transaction():
            relations = self._relations_where("r.head_id = ? OR r.child_id = ?", (span_id, span_id))
            self.conn.execute("DELETE FROM spans WHERE id = ?", (span_id,))
        return span, relations

    # -- relations ------------------------------------------------------------------------

    def _relations_where(self, where: str, params: tuple[Any, ...]) -> list[Relation]:
        rows = self.conn.execute(
            "SELECT r.id, r.document_id, a.name, r.label, r.head_id, r.child_id FROM relations r "
            f"JOIN annotators a ON a.id = r.annotator_id WHERE {where} ORDER BY r.id",
            params,
        )
        return [Relation(id=r[0], document_id=r[1], annotator=r[2], label=r[3], head=r[4], child=r[5]) for r in rows]

    def relations(self, doc_id: int, annotator: str | None = None) -> list[Relation]:
        if annotator is None:
            return self._relations_where("r.document_id = ?", (doc_id,))
        return self._relations_where("r.document_id = ? AND a.name = ?", (doc_id, annotator))

    def add_relation(self, relation: Relation, *, check_labels: bool = True) -> Relation:
        """Link two spans of the same document; with ``check_labels`` the scheme must allow the pair."""
        head, child = self.span(relation.head), self.span(relation.child)
        if head.document_id != child.document_id:
            raise AnnotatorError("a relation must link two spans of the same document")
        if check_labels:
            rel_label = self.scheme().relation_label(relation.label)
            if rel_label is None:
                raise AnnotatorError(f"unknown relation label {relation.label!r}")
            if not rel_label.allows(head.label, child.label):
                raise AnnotatorError(f"{relation.label} does not link {head.label} to {child.label}")
        with self.transaction():
            try:
                cur = self.conn.execute(
                    "INSERT INTO relations (id, document_id, annotator_id, label, head_id, child_id, created) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        relation.id,
                        head.document_id,
                        self.annotator_id(relation.annotator),
                        relation.label,
                        relation.head,
                        relation.child,
                        now(),
                    ),
                )
            except sqlite3.IntegrityError as exc:
                if "UNIQUE" in str(exc):  # an undo bringing a relation back with its old id
                    raise AnnotatorError(
                        f"cannot add relation: id {relation.id} is taken by another relation "
                        "(the project was changed elsewhere)"
                    ) from exc
                raise AnnotatorError(f"cannot add relation: unknown relation label {relation.label!r}") from exc
        relation.id = cur.lastrowid
        relation.document_id = head.document_id
        return relation

    def delete_relation(self, relation_id: int) -> Relation:
        found = self._relations_where("r.id = ?", (relation_id,))
        if not found:
            raise AnnotatorError(f"no relation with id {relation_id}")
        with self.transaction():
            self.conn.execute("DELETE FROM relations WHERE id = ?", (relation_id,))
        return found[0]

    # -- copying layers between projects (review: package and merge) ----------------------

    def span_records(self, doc_id: int, annotator: str) -> list[tuple[Span, str, str]]:
        """One annotator's spans of a document, each with its (created, updated) timestamps."""
        rows = self.conn.execute(
            f"SELECT {self._SPAN_COLUMNS}, s.created, s.updated FROM spans s JOIN annotators a ON a.id = s.annotator_id "
            'WHERE s.document_id = ? AND a.name = ? ORDER BY s."start", s."end" DESC, s.label, s.id',
            (doc_id, annotator),
        )
        return [(self._span(row[:7]), row[7], row[8]) for row in rows]

    def add_span_records(self, doc_id: int, records: Iterable[tuple[Span, str, str]]) -> list[Span]:
        """Store spans keeping the (created, updated) timestamps they had elsewhere.

        Offsets and labels must already be checked; the document's status is left as it is.
        """
        out = []
        with self.transaction():
            for span, created, updated in records:
                try:
                    cur = self.conn.execute(
                        'INSERT INTO spans (document_id, annotator_id, label, "start", "end", attrs, created, updated) '
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            doc_id,
                            self.annotator_id(span.annotator),
                            span.label,
                            span.start,
                            span.end,
                            _dumps(span.attrs),
                            created,
                            updated,
                        ),
                    )
                except sqlite3.IntegrityError as exc:
                    raise self._integrity_error(exc, span) from exc
                out.append(
                    Span(span.start, span.end, span.label, span.annotator, dict(span.attrs), cur.lastrowid, doc_id)
                )
        return out

    def set_span_attrs(self, span_id: int, attrs: dict[str, Any], *, updated: str) -> None:
        """Replace a span's attributes, recording ``updated`` (a timestamp from elsewhere) as its change time."""
        with self.transaction():
            self.conn.execute("UPDATE spans SET attrs = ?, updated = ? WHERE id = ?", (_dumps(attrs), updated, span_id))

    def document_statuses(self, doc_id: int) -> dict[str, tuple[str, str]]:
        """Every annotator's recorded status of a document: name -> (status, updated)."""
        rows = self.conn.execute(
            "SELECT a.name, st.status, st.updated FROM document_status st JOIN annotators a ON a.id = st.annotator_id "
            "WHERE st.document_id = ?",
            (doc_id,),
        )
        return {row[0]: (row[1], row[2]) for row in rows}

    def set_status_record(self, doc_id: int, annotator: str, status: str, *, updated: str) -> None:
        """Set a document's status for an annotator with the time it was set elsewhere (see set_status)."""
        if status not in DOCUMENT_STATUSES:
            raise AnnotatorError(f"unknown status {status!r} (one of {', '.join(DOCUMENT_STATUSES)})")
        with self.transaction():
            self.conn.execute(
                "INSERT INTO document_status (document_id, annotator_id, status, updated) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(document_id, annotator_id) DO UPDATE SET status = excluded.status, updated = excluded.updated",
                (doc_id, self.annotator_id(annotator), status, updated),
            )

    # -- summaries ------------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        """Counts for `annotator stats`: documents, spans per label and annotator, relations, status."""
        spans: dict[str, dict[str, int]] = {}
        for row in self.conn.execute(
            "SELECT a.name, s.label, count(*) FROM spans s JOIN annotators a ON a.id = s.annotator_id "
            "GROUP BY a.name, s.label ORDER BY a.name, s.label"
        ):
            spans.setdefault(row[0], {})[row[1]] = row[2]
        relations: dict[str, dict[str, int]] = {}
        for row in self.conn.execute(
            "SELECT a.name, r.label, count(*) FROM relations r JOIN annotators a ON a.id = r.annotator_id "
            "GROUP BY a.name, r.label ORDER BY a.name, r.label"
        ):
            relations.setdefault(row[0], {})[row[1]] = row[2]
        status: dict[str, dict[str, int]] = {}
        documents = self.db["documents"].count
        for name in self.annotators():
            counts = Counter({s: 0 for s in DOCUMENT_STATUSES})
            for row in self.conn.execute(
                "SELECT st.status, count(*) FROM document_status st JOIN annotators a ON a.id = st.annotator_id "
                "WHERE a.name = ? GROUP BY st.status",
                (name,),
            ):
                counts[row[0]] = row[1]
            counts["new"] += documents - sum(counts.values())
            status[name] = dict(counts)
        return {
            "documents": documents,
            "characters": self.conn.execute("SELECT coalesce(sum(length(text)), 0) FROM documents").fetchone()[0],
            "annotators": self.annotators(),
            "spans": spans,
            "relations": relations,
            "status": status,
        }

    def check(self) -> list[Problem]:
        """Integrity check plus every span's offsets and every relation's ends; [] means all is well."""
        problems = [
            Problem("database", row[0]) for row in self.conn.execute("PRAGMA integrity_check") if row[0] != "ok"
        ]
        problems += [
            Problem("database", f"foreign key broken in {row[0]} row {row[1]}")
            for row in self.conn.execute("PRAGMA foreign_key_check")
        ]
        rows = self.conn.execute(
            'SELECT s.id, d.ext_id, s."start", s."end", length(d.text) FROM spans s '
            'JOIN documents d ON d.id = s.document_id WHERE s."start" < 0 OR s."end" > length(d.text) '
            'OR s."start" >= s."end"'
        )
        problems += [
            Problem(f"document {r[1]} span {r[0]}", f"offsets {r[2]}..{r[3]} outside text of length {r[4]}")
            for r in rows
        ]
        rows = self.conn.execute(
            "SELECT r.id, d.ext_id FROM relations r JOIN documents d ON d.id = r.document_id "
            "JOIN spans h ON h.id = r.head_id JOIN spans c ON c.id = r.child_id "
            "WHERE h.document_id != r.document_id OR c.document_id != r.document_id"
        )
        problems += [Problem(f"document {r[1]} relation {r[0]}", "links spans of another document") for r in rows]
        for row in self.conn.execute("SELECT id, ext_id, text, text_hash FROM documents"):
            if content_hash(row[2]) != row[3]:
                problems.append(Problem(f"document {row[1]}", "text changed since import (hash differs)"))
        return problems


def _default_scheme() -> LabelScheme:
    from annotator.resources import default_scheme

    return default_scheme()
