-- Public consultations on drafts (征求意见): the draft with its materials and period
-- (the reason for a short one is public), the final document it led to, the office's
-- summary once the 意见收集和采纳情况 is published; what happened to it (extended,
-- closed early, published); the comments with their disposition (name and contact
-- are private); the files of its materials, stored by SHA-256 under DATA/files.

CREATE TABLE consultations (
    id                INTEGER PRIMARY KEY,
    org_id            INTEGER NOT NULL REFERENCES orgs(id),
    title             TEXT NOT NULL,
    kind              TEXT NOT NULL,
    market_related    INTEGER NOT NULL DEFAULT 0,
    draft_html        TEXT NOT NULL DEFAULT '',
    explanation_html  TEXT NOT NULL DEFAULT '',
    draft_document_id INTEGER REFERENCES documents(id),
    final_document_id INTEGER REFERENCES documents(id),
    starts_on         TEXT NOT NULL,
    ends_on           TEXT NOT NULL,
    short_reason      TEXT NOT NULL DEFAULT '',
    closed_early_on   TEXT,
    summary           TEXT NOT NULL DEFAULT '',
    published_at      TEXT,
    created_at        TEXT NOT NULL
);
CREATE INDEX consultations_ends ON consultations(ends_on);

CREATE TABLE consultation_events (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    -- extended, closed_early or published.
    kind            TEXT NOT NULL,
    on_date         TEXT NOT NULL,
    until_date      TEXT,
    note            TEXT NOT NULL DEFAULT '',
    actor_name      TEXT NOT NULL,
    at              TEXT NOT NULL
);
CREATE INDEX consultation_events_consultation ON consultation_events(consultation_id);

CREATE TABLE consultation_comments (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    name            TEXT NOT NULL DEFAULT '',
    contact         TEXT NOT NULL DEFAULT '',
    body            TEXT NOT NULL,
    submitted_at    TEXT NOT NULL,
    disposition     TEXT,
    reason          TEXT NOT NULL DEFAULT '',
    -- Comments answered together share the id of the first of them.
    answer_group    INTEGER,
    disposed_by     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX consultation_comments_consultation ON consultation_comments(consultation_id);

CREATE TABLE consultation_files (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    sha256          TEXT NOT NULL,
    file_name       TEXT NOT NULL,
    media_type      TEXT NOT NULL,
    size_bytes      INTEGER NOT NULL,
    at              TEXT NOT NULL
);
CREATE INDEX consultation_files_consultation ON consultation_files(consultation_id);
