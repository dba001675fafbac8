-- A task shared by several units is tracked per unit: each unit's part has its own
-- status, and the task's status follows from its parts (done when all are).
CREATE TABLE task_parts (
    task_id INTEGER NOT NULL REFERENCES plan_tasks(id) ON DELETE CASCADE,
    org_id  INTEGER NOT NULL REFERENCES orgs(id),
    -- not_started, in_progress, completed or signed_off; no row: not_started.
    status  TEXT NOT NULL,
    PRIMARY KEY (task_id, org_id)
);

-- The unit whose part an entry is about: the reporting unit for a progress report,
-- the unit signed off or returned for the office's entries; NULL when the office
-- closes the whole task (办结).
ALTER TABLE task_reports ADD COLUMN part_org_id INTEGER REFERENCES orgs(id);
UPDATE task_reports SET part_org_id = org_id WHERE kind = 'progress';

-- Existing records: a signed-off task stays signed off for every unit (the office
-- decided); otherwise each unit's part is what it last reported.
INSERT INTO task_parts (task_id, org_id, status)
SELECT DISTINCT u.task_id, u.org_id, 'signed_off'
FROM plan_task_units u JOIN plan_tasks t ON t.id = u.task_id
WHERE t.status = 'signed_off';
INSERT INTO task_parts (task_id, org_id, status)
SELECT r.task_id, r.org_id, r.status FROM task_reports r
WHERE r.kind = 'progress'
  AND r.id = (SELECT MAX(r2.id) FROM task_reports r2
              WHERE r2.task_id = r.task_id AND r2.org_id = r.org_id AND r2.kind = 'progress')
  AND EXISTS (SELECT 1 FROM plan_task_units u WHERE u.task_id = r.task_id AND u.org_id = r.org_id)
  AND NOT EXISTS (SELECT 1 FROM task_parts p WHERE p.task_id = r.task_id AND p.org_id = r.org_id);
-- A task one unit reported done while others did not is no longer done.
UPDATE plan_tasks SET status = 'in_progress'
WHERE status = 'completed'
  AND EXISTS (SELECT 1 FROM plan_task_units u WHERE u.task_id = plan_tasks.id
              AND NOT EXISTS (SELECT 1 FROM task_parts p WHERE p.task_id = u.task_id
                              AND p.org_id = u.org_id AND p.status IN ('completed', 'signed_off')));
