//! The annual report (政府信息公开工作年度报告, 条例第四十九条、第五十条) in the current
//! format (国办公开办函〔2021〕30号; annual-report.md §2): the outcomes a reply records
//! (the rows of section 三), the applicant columns, the request table computed from
//! request records, the reconsideration and litigation table of section 四, and the
//! identities every table must satisfy.

mod applicant;
mod cases;
mod display;
mod identities;
mod outcome;
pub mod proactive;
mod request_table;

pub use applicant::ApplicantType;
pub use cases::{CaseCounts, CaseKind, CaseResult, CaseTable};
pub use display::DisplayRow;
pub use identities::Identity;
pub use outcome::{Outcome, OutcomeBlock};
pub use request_table::{RequestFacts, RequestTable, Row};

#[cfg(test)]
mod tests;
