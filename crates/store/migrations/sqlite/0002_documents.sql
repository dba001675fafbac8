-- Policy library: documents, their relations and attachments, the per-issuer
-- index-number sequences and the search outbox.

CREATE TABLE documents (
    id                  INTEGER PRIMARY KEY,
    index_number        TEXT NOT NULL UNIQUE,
    title               TEXT NOT NULL,
    -- 发文字号 as written, and normalised for matching (empty when none).
    doc_number          TEXT NOT NULL DEFAULT '',
    doc_number_key      TEXT NOT NULL DEFAULT '',
    issuer_id           INTEGER REFERENCES orgs(id),
    issuer_name         TEXT NOT NULL DEFAULT '',
    topic               TEXT NOT NULL DEFAULT '',
    genre               TEXT NOT NULL DEFAULT '',
    normative           INTEGER NOT NULL DEFAULT 0,
    validity            TEXT NOT NULL DEFAULT 'valid',
    effective_on        TEXT,
    expires_on          TEXT,
    validity_changed_on TEXT,
    validity_reason     TEXT NOT NULL DEFAULT '',
    replaced_by_id      INTEGER REFERENCES documents(id),
    written_on          TEXT,
    published_on        TEXT,
    disclosure          TEXT NOT NULL DEFAULT 'proactive',
    disclosure_reason   TEXT NOT NULL DEFAULT '',
    interpretation_form TEXT,
    body_html           TEXT NOT NULL DEFAULT '',
    body_text           TEXT NOT NULL DEFAULT '',
    -- SHA-256 of the imported source text, to find a re-imported file again.
    source_hash         TEXT,
    status              TEXT NOT NULL DEFAULT 'draft',
    last_reviewed_on    TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    published_at        TEXT
);
CREATE INDEX documents_doc_number_key ON documents(doc_number_key);
CREATE INDEX documents_source_hash ON documents(source_hash);
CREATE INDEX documents_issuer ON documents(issuer_id);
CREATE INDEX documents_published_on ON documents(published_on);

CREATE TABLE document_relations (
    source_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    target_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (source_id, target_id, kind)
);
CREATE INDEX document_relations_target ON document_relations(target_id);

-- Files are stored content-addressed in the data directory; rows keep their names.
CREATE TABLE attachments (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sha256      TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    media_type  TEXT NOT NULL,
    size_bytes  INTEGER NOT NULL,
    position    INTEGER NOT NULL
);
CREATE INDEX attachments_document ON attachments(document_id);

-- The last serial given out per index-number prefix (issuer code) and year.
CREATE TABLE index_number_sequences (
    prefix      TEXT NOT NULL,
    year        INTEGER NOT NULL,
    last_serial INTEGER NOT NULL,
    PRIMARY KEY (prefix, year)
);

-- Every change to a document appends here in the same transaction; the search
-- index follows this table by sequence number.
CREATE TABLE search_outbox (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL,
    at          TEXT NOT NULL
);
