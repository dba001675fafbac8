-- Work-plan ledgers (任务分工台账): plans, their tasks with the unit names as the plan
-- writes them and the units they resolve to, names the office mapped once, and the
-- progress reports with their evidence.

CREATE TABLE plans (
    id           INTEGER PRIMARY KEY,
    title        TEXT NOT NULL,
    year         INTEGER,
    -- The unit running the plan (a government or its office); names resolve below its government.
    org_id       INTEGER NOT NULL REFERENCES orgs(id),
    source_document_id INTEGER REFERENCES documents(id),
    source_name  TEXT NOT NULL DEFAULT '',
    -- draft (being reviewed) or confirmed (handed to the units).
    status       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    confirmed_at TEXT
);

CREATE TABLE plan_tasks (
    id                INTEGER PRIMARY KEY,
    plan_id           INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    -- "1.2.3": the ordinals of the headings above and the task's own.
    outline           TEXT NOT NULL,
    path_json         TEXT NOT NULL,
    number            TEXT,
    body              TEXT NOT NULL,
    lead_names        TEXT NOT NULL,
    responsible_names TEXT NOT NULL,
    deadline_text     TEXT,
    deadline          TEXT,
    ongoing           INTEGER NOT NULL DEFAULT 0,
    status            TEXT NOT NULL,
    -- The task of a superior plan this one implements, or of last year's plan it carries on.
    superior_task_id  INTEGER REFERENCES plan_tasks(id),
    carried_from_id   INTEGER REFERENCES plan_tasks(id),
    updated_at        TEXT NOT NULL
);
CREATE INDEX plan_tasks_plan ON plan_tasks(plan_id, position);

CREATE TABLE plan_task_units (
    task_id INTEGER NOT NULL REFERENCES plan_tasks(id) ON DELETE CASCADE,
    org_id  INTEGER NOT NULL REFERENCES orgs(id),
    -- lead (牵头) or responsible (责任).
    role    TEXT NOT NULL,
    PRIMARY KEY (task_id, org_id, role)
);
CREATE INDEX plan_task_units_org ON plan_task_units(org_id);

-- A name a plan wrote that the directory does not know, mapped once by the office
-- (to units, or to none: not a unit) and remembered for later plans.
CREATE TABLE unit_name_mappings (
    root_org_id INTEGER NOT NULL REFERENCES orgs(id),
    name_key    TEXT NOT NULL,
    name        TEXT NOT NULL,
    org_ids     TEXT NOT NULL,
    PRIMARY KEY (root_org_id, name_key)
);

CREATE TABLE task_reports (
    id          INTEGER PRIMARY KEY,
    task_id     INTEGER NOT NULL REFERENCES plan_tasks(id) ON DELETE CASCADE,
    -- The unit the entry is from: the reporting unit, or the unit running the plan
    -- for the office's sign-off and return.
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    -- progress, sign_off or return.
    kind        TEXT NOT NULL,
    status      TEXT NOT NULL,
    body        TEXT NOT NULL,
    author_id   INTEGER REFERENCES users(id),
    author_name TEXT NOT NULL,
    at          TEXT NOT NULL
);
CREATE INDEX task_reports_task ON task_reports(task_id);

CREATE TABLE task_evidence (
    id          INTEGER PRIMARY KEY,
    report_id   INTEGER NOT NULL REFERENCES task_reports(id) ON DELETE CASCADE,
    document_id INTEGER REFERENCES documents(id),
    sha256      TEXT,
    file_name   TEXT NOT NULL DEFAULT '',
    media_type  TEXT NOT NULL DEFAULT '',
    size_bytes  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX task_evidence_report ON task_evidence(report_id);
