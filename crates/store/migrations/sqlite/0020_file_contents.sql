-- Stored files kept in the database (files.store = "database"): one row per content
-- address, so that every node reads what any node received.
CREATE TABLE file_contents (
    sha256 TEXT PRIMARY KEY,
    bytes BLOB NOT NULL,
    size_bytes INTEGER NOT NULL,
    stored_at TEXT NOT NULL
);
