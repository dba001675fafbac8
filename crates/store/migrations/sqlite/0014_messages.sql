-- Messages to the agency (留言): the boxes the office configures (区长信箱, 部门信箱,
-- 我为政府网站找错), each answered by a unit, with the reply period of each category it
-- takes; the messages with their private contact, hashed tracking code, clock and
-- reply, the text published with the writer's consent, and the writer's rating; what
-- happened to each (accepted, refused, routed, transferred, noted, extended, replied,
-- published, rated), appended only.

CREATE TABLE mailboxes (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    org_id       INTEGER NOT NULL REFERENCES orgs(id),
    description  TEXT NOT NULL DEFAULT '',
    open         INTEGER NOT NULL DEFAULT 1,
    max_workdays INTEGER NOT NULL,
    created_at   TEXT NOT NULL
);

CREATE TABLE mailbox_categories (
    mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
    category   TEXT NOT NULL,
    workdays   INTEGER NOT NULL,
    PRIMARY KEY (mailbox_id, category)
);

CREATE TABLE message_serials (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
);

CREATE TABLE messages (
    id              INTEGER PRIMARY KEY,
    serial          TEXT NOT NULL UNIQUE,
    tracking_hash   TEXT NOT NULL UNIQUE,
    mailbox_id      INTEGER NOT NULL REFERENCES mailboxes(id),
    category        TEXT NOT NULL,
    title           TEXT NOT NULL,
    body            TEXT NOT NULL,
    name            TEXT NOT NULL DEFAULT '',
    contact         TEXT NOT NULL DEFAULT '',
    publish_consent INTEGER NOT NULL DEFAULT 0,
    received_on     TEXT NOT NULL,
    workdays        INTEGER NOT NULL,
    extended_to     INTEGER,
    -- new, accepted, refused or replied.
    status          TEXT NOT NULL,
    refusal         TEXT,
    handling_org_id INTEGER REFERENCES orgs(id),
    reply           TEXT NOT NULL DEFAULT '',
    replied_on      TEXT,
    public_text     TEXT NOT NULL DEFAULT '',
    published_at    TEXT,
    rating          INTEGER,
    created_at      TEXT NOT NULL
);
CREATE INDEX messages_received ON messages(received_on);

CREATE TABLE message_events (
    id         INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    on_date    TEXT NOT NULL,
    org_id     INTEGER REFERENCES orgs(id),
    note       TEXT NOT NULL DEFAULT '',
    actor_name TEXT NOT NULL,
    at         TEXT NOT NULL
);
CREATE INDEX message_events_message ON message_events(message_id);
