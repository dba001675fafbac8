-- What an annual report (政府信息公开工作年度报告) needs beyond the platform's own
-- records, per unit and year: the licensing, penalty and enforcement decision counts and
-- the fees collected (section 二, entered by the office) and the text of sections 一, 五
-- and 六.

CREATE TABLE annual_report_inputs (
    org_id       BIGINT NOT NULL REFERENCES orgs(id),
    year         BIGINT NOT NULL,
    licensing    BIGINT NOT NULL DEFAULT 0,
    penalty      BIGINT NOT NULL DEFAULT 0,
    enforcement  BIGINT NOT NULL DEFAULT 0,
    -- Whole 元; the report shows 万元.
    fees_yuan    BIGINT NOT NULL DEFAULT 0,
    overview     TEXT NOT NULL DEFAULT '',
    problems     TEXT NOT NULL DEFAULT '',
    other        TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (org_id, year)
);
