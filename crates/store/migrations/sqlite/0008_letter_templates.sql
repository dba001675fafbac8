-- An agency's own texts of the letters about disclosure requests (补正告知书, 延长答复
-- 期限告知书, 征求第三方意见函, 答复书 per outcome); a kind without a row uses the
-- built-in text.

CREATE TABLE letter_templates (
    org_id      INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    -- correction_notice, extension_notice, third_party or reply.<outcome code>.
    kind        TEXT NOT NULL,
    body        TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    PRIMARY KEY (org_id, kind)
);
