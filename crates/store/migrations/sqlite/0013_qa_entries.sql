-- The policy Q&A library (政策咨询问答库): entries with their question, answer and
-- topic, the unit responsible, the basis as written (政策依据), when the office last
-- reviewed them, and the documents of the library they rest on (when one of those is
-- repealed or amended and not reviewed since, the entry waits for review: 待复核).

CREATE TABLE qa_entries (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    question    TEXT NOT NULL,
    answer      TEXT NOT NULL,
    topic       TEXT NOT NULL DEFAULT '',
    org_id      INTEGER REFERENCES orgs(id),
    basis       TEXT NOT NULL DEFAULT '',
    reviewed_at TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE qa_entry_documents (
    entry_id    INTEGER NOT NULL REFERENCES qa_entries(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    PRIMARY KEY (entry_id, document_id)
);
CREATE INDEX qa_entry_documents_document ON qa_entry_documents(document_id);
