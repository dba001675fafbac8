-- Administrative reconsideration (行政复议) and litigation (行政诉讼) against the
-- handling of a disclosure request, with their result as it stands (section 四 of the
-- annual report).

CREATE TABLE request_cases (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES disclosure_requests(id) ON DELETE CASCADE,
    -- reconsideration, direct_suit or suit_after_reconsideration.
    kind        TEXT NOT NULL,
    filed_on    TEXT NOT NULL,
    -- upheld, corrected, other or pending.
    result      TEXT NOT NULL,
    decided_on  TEXT,
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX request_cases_request ON request_cases(request_id);
