-- Assessment (考核): the office's yearly schemes, each version kept (a scheme used for
-- a published result is frozen; a change is a new version); the hand scores and the
-- adjustments of each unit under a scheme; and the published results, each a
-- snapshot of the scores as they were published.

CREATE TABLE assessment_schemes (
    id         INTEGER PRIMARY KEY,
    year       INTEGER NOT NULL,
    name       TEXT NOT NULL,
    version    INTEGER NOT NULL,
    -- The indicators: JSON [{code, label, source, weight, rule, points}].
    lines      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    frozen_at  TEXT,
    UNIQUE (year, name, version)
);

-- Points are kept in hundredths, exactly.
CREATE TABLE assessment_scores (
    scheme_id   INTEGER NOT NULL REFERENCES assessment_schemes(id) ON DELETE CASCADE,
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    code        TEXT NOT NULL,
    points_x100 INTEGER NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (scheme_id, org_id, code)
);

CREATE TABLE assessment_adjustments (
    id          INTEGER PRIMARY KEY,
    scheme_id   INTEGER NOT NULL REFERENCES assessment_schemes(id) ON DELETE CASCADE,
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    points_x100 INTEGER NOT NULL,
    reason      TEXT NOT NULL,
    evidence    TEXT NOT NULL,
    actor_name  TEXT NOT NULL,
    at          TEXT NOT NULL
);
CREATE INDEX assessment_adjustments_scheme ON assessment_adjustments(scheme_id);

CREATE TABLE assessment_results (
    id           INTEGER PRIMARY KEY,
    scheme_id    INTEGER NOT NULL REFERENCES assessment_schemes(id),
    published_at TEXT NOT NULL,
    -- The ranking and every score as published, JSON.
    snapshot     TEXT NOT NULL
);
