"""Schema versions of the project database and the migrations between them.

``PRAGMA user_version`` holds the version. Each entry of MIGRATIONS upgrades the database from
the version before it; a backup copy is written before any migration runs (see project.py).
"""

from __future__ import annotations

SCHEMA_V1 = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    ext_id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    meta TEXT NOT NULL DEFAULT '{}',
    review_state TEXT NOT NULL DEFAULT 'unreviewed',
    created TEXT NOT NULL
);
CREATE INDEX documents_text_hash ON documents(text_hash);

CREATE TABLE annotators (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL
);

CREATE TABLE span_labels (
    name TEXT PRIMARY KEY,
    kind TEXT NOT NULL DEFAULT 'entity',
    color TEXT NOT NULL DEFAULT '#cccccc',
    key TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    attributes TEXT NOT NULL DEFAULT '[]',
    position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE relation_labels (
    name TEXT PRIMARY KEY,
    heads TEXT NOT NULL DEFAULT '[]',
    children TEXT NOT NULL DEFAULT '[]',
    position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE spans (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    label TEXT NOT NULL REFERENCES span_labels(name) ON UPDATE CASCADE,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    attrs TEXT NOT NULL DEFAULT '{}',
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    CHECK ("start" >= 0 AND "start" < "end")
);
CREATE INDEX spans_document ON spans(document_id, annotator_id, "start");
CREATE INDEX spans_label ON spans(label);

CREATE TABLE relations (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    label TEXT NOT NULL REFERENCES relation_labels(name) ON UPDATE CASCADE,
    head_id INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    child_id INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    created TEXT NOT NULL
);
CREATE INDEX relations_document ON relations(document_id, annotator_id);
CREATE INDEX relations_head ON relations(head_id);
CREATE INDEX relations_child ON relations(child_id);

CREATE TABLE document_status (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    status TEXT NOT NULL CHECK (status IN ('new', 'in_progress', 'done')),
    updated TEXT NOT NULL,
    PRIMARY KEY (document_id, annotator_id)
);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

# Version 2: span and relation ids are never handed out again once used (AUTOINCREMENT). With
# max(id) + 1, an id freed by a deletion came back, and an undo in one window could then delete
# the span another window had just made with that id. The tables are rebuilt (SQLite cannot add
# AUTOINCREMENT in place); foreign keys are off while it runs (see Project._migrate).
SCHEMA_V2 = """
CREATE TABLE spans_v2 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    label TEXT NOT NULL REFERENCES span_labels(name) ON UPDATE CASCADE,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    attrs TEXT NOT NULL DEFAULT '{}',
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    CHECK ("start" >= 0 AND "start" < "end")
);
INSERT INTO spans_v2 (id, document_id, annotator_id, label, "start", "end", attrs, created, updated)
    SELECT id, document_id, annotator_id, label, "start", "end", attrs, created, updated FROM spans;
DROP TABLE spans;
ALTER TABLE spans_v2 RENAME TO spans;
CREATE INDEX spans_document ON spans(document_id, annotator_id, "start");
CREATE INDEX spans_label ON spans(label);

CREATE TABLE relations_v2 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    label TEXT NOT NULL REFERENCES relation_labels(name) ON UPDATE CASCADE,
    head_id INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    child_id INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    created TEXT NOT NULL
);
INSERT INTO relations_v2 (id, document_id, annotator_id, label, head_id, child_id, created)
    SELECT id, document_id, annotator_id, label, head_id, child_id, created FROM relations;
DROP TABLE relations;
ALTER TABLE relations_v2 RENAME TO relations;
CREATE INDEX relations_document ON relations(document_id, annotator_id);
CREATE INDEX relations_head ON relations(head_id);
CREATE INDEX relations_child ON relations(child_id)
"""

# Version 3: no index on spans(label). Labels are few, so the index had a handful of hot insertion
# points that split half-full pages: it was a fifth of the time of a 200,000-span import, and the
# queries by label (rename, delete, the gazetteer) read most of the table anyway.
SCHEMA_V3 = """
DROP INDEX IF EXISTS spans_label
"""

# MIGRATIONS[n] upgrades a database at version n to version n + 1. Version 0 is an empty file.
MIGRATIONS: list[str] = [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3]
SCHEMA_VERSION = len(MIGRATIONS)
