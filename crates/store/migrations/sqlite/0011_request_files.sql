-- Files attached to a disclosure request (the posted request scanned, a delivery
-- receipt, the unit's material), stored by SHA-256 under DATA/files like documents'
-- attachments. Rows are only appended.

CREATE TABLE request_files (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES disclosure_requests(id) ON DELETE CASCADE,
    sha256      TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    media_type  TEXT NOT NULL,
    size_bytes  INTEGER NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    actor_name  TEXT NOT NULL,
    at          TEXT NOT NULL
);
CREATE INDEX request_files_request ON request_files(request_id);
