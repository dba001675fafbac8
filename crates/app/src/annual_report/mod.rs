//! The annual report (政府信息公开工作年度报告, 条例第四十九条、第五十条) of a unit, or
//! of a government together with its units, for one year: sections 二, 三 and 四
//! computed from the platform's records with the domain's rules
//! (`gongkai_domain::annual_report`), the figures and texts the office enters, every
//! identity checked, and the exports (JSON with stable names, XLSX, DOCX).

mod compute;
mod export;
mod inputs;
pub(crate) mod publishing;
mod report;

pub use compute::{check_year, compute, for_user, units_for};
pub use export::{
    CASE_COLUMNS, CASES_HEADING, JSON_SCHEMA, ORGANISATION_GROUP, PROACTIVE_COLUMNS,
    PROACTIVE_HEADING, REQUESTS_HEADING, ReportJson, case_cells, case_groups, paragraphs,
    proactive_rows, request_columns, text_sections, to_docx, to_json, to_xlsx,
};
pub use inputs::{InputsForm, save_inputs};
pub use publishing::{publish, published, published_list};
pub use report::{AnnualReport, FORMAT};
