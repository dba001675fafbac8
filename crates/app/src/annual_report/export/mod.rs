//! The annual report written out: JSON with stable field names (documented in
//! docs/annual-report.md; scripts rely on them), and an XLSX workbook and a DOCX laid
//! out like the format's tables.

mod docx;
mod json;
mod layout;
mod xlsx;

pub use docx::to_docx;
pub use json::{JSON_SCHEMA, ReportJson, to_json};
pub use layout::{
    CASE_COLUMNS, CASES_HEADING, ORGANISATION_GROUP, PROACTIVE_COLUMNS, PROACTIVE_HEADING,
    REQUESTS_HEADING, case_cells, case_groups, paragraphs, proactive_rows, request_columns,
    text_sections,
};
pub use xlsx::to_xlsx;
