-- Publication safety: the personal information the guard found in a document's
-- title, body and attachments, and what staff did about each finding; the
-- confidentiality reviews (保密审查) recorded before publication.
--
-- A finding keeps no personal value: only its kind, its masked form and a
-- fingerprint (SHA-256 of the document, kind and value) that recognises it again.

CREATE TABLE pii_findings (
    id              INTEGER PRIMARY KEY,
    document_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    -- title, body or attachment.
    field           TEXT NOT NULL,
    -- The attachment row (no foreign key: the finding outlives a removed file).
    attachment_id   INTEGER,
    attachment_name TEXT NOT NULL DEFAULT '',
    -- Where in the field: 第3段, 第2页, 工作表“名单”C5 (several joined by 、).
    location        TEXT NOT NULL DEFAULT '',
    kind            TEXT NOT NULL,
    masked          TEXT NOT NULL,
    fingerprint     TEXT NOT NULL,
    -- open, masked, dismissed or gone.
    status          TEXT NOT NULL,
    reason          TEXT NOT NULL DEFAULT '',
    found_at        TEXT NOT NULL,
    resolver_id     INTEGER REFERENCES users(id),
    resolver_name   TEXT NOT NULL DEFAULT '',
    resolved_at     TEXT
);
CREATE INDEX pii_findings_document ON pii_findings(document_id);
CREATE INDEX pii_findings_status ON pii_findings(status);

CREATE TABLE secrecy_reviews (
    id                INTEGER PRIMARY KEY,
    document_id       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    -- cleared or not_cleared.
    conclusion        TEXT NOT NULL,
    basis             TEXT NOT NULL,
    reviewed_on       TEXT NOT NULL,
    disclosure        TEXT NOT NULL,
    disclosure_reason TEXT NOT NULL DEFAULT '',
    reviewer_id       INTEGER REFERENCES users(id),
    reviewer_name     TEXT NOT NULL,
    recorded_at       TEXT NOT NULL
);
CREATE INDEX secrecy_reviews_document ON secrecy_reviews(document_id);
