-- Annual reports as published on the disclosure platform: the report of a unit and
-- year frozen at publication (JSON with the stable names of docs/annual-report.md, and
-- the HTML shown to the public). Publishing again replaces it (a correction).

CREATE TABLE published_annual_reports (
    org_id        BIGINT NOT NULL REFERENCES orgs(id),
    year          BIGINT NOT NULL,
    title         TEXT NOT NULL,
    report_json   TEXT NOT NULL,
    report_html   TEXT NOT NULL,
    published_at  TEXT NOT NULL,
    PRIMARY KEY (org_id, year)
);
