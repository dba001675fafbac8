-- The columns of 法定主动公开内容 (条例第二十条、第二十一条) a document belongs to: a
-- rule suggests (confirmed = 0), staff confirm (confirmed = 1); the public sees the
-- confirmed ones.
CREATE TABLE document_columns (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    column_code TEXT NOT NULL,
    confirmed   INTEGER NOT NULL,
    PRIMARY KEY (document_id, column_code)
);
CREATE INDEX document_columns_code ON document_columns(column_code, confirmed);

-- Pages of the disclosure platform the office writes: the 公开指南, the 公开制度 and
-- the 机构职能 (sanitised HTML).
CREATE TABLE platform_pages (
    code        TEXT PRIMARY KEY,
    body_html   TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);
