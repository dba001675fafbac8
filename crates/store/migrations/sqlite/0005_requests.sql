-- Disclosure requests (依申请公开): the request with its applicant (personal
-- information: identity number and contacts), the serial counter per year, and the
-- events from which the statutory clock is computed. Rows of events are only appended.

CREATE TABLE disclosure_requests (
    id               INTEGER PRIMARY KEY,
    serial           TEXT NOT NULL UNIQUE,
    -- SHA-256 of the applicant's private tracking code; the code itself is not kept.
    tracking_hash    TEXT NOT NULL UNIQUE,
    -- The agency asked, and the unit handling the request.
    org_id           INTEGER NOT NULL REFERENCES orgs(id),
    applicant_type   TEXT NOT NULL,
    applicant_name   TEXT NOT NULL,
    id_number        TEXT NOT NULL,
    phone            TEXT NOT NULL DEFAULT '',
    email            TEXT NOT NULL DEFAULT '',
    address          TEXT NOT NULL DEFAULT '',
    description      TEXT NOT NULL,
    doc_reference    TEXT NOT NULL DEFAULT '',
    purpose          TEXT NOT NULL DEFAULT '',
    preferred_form   TEXT NOT NULL DEFAULT '',
    delivery         TEXT NOT NULL DEFAULT '',
    channel          TEXT NOT NULL,
    receipt_evidence TEXT NOT NULL DEFAULT '',
    received_on      TEXT NOT NULL,
    outcome          TEXT,
    replied_on       TEXT,
    created_at       TEXT NOT NULL
);
CREATE INDEX disclosure_requests_org ON disclosure_requests(org_id, received_on);

CREATE TABLE request_serials (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
);

CREATE TABLE request_events (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES disclosure_requests(id) ON DELETE CASCADE,
    -- correction_notice, corrected, stop, extension or reply.
    kind        TEXT NOT NULL,
    on_date     TEXT NOT NULL,
    until_date  TEXT,
    workdays    INTEGER,
    note        TEXT NOT NULL DEFAULT '',
    actor_id    INTEGER REFERENCES users(id),
    actor_name  TEXT NOT NULL,
    at          TEXT NOT NULL
);
CREATE INDEX request_events_request ON request_events(request_id);
