//! Pure rules of government information disclosure work.
//!
//! This crate owns the rules of the law and of the disclosure office that every
//! other layer relies on: the working-day calendar, organisation kinds and group
//! expressions, the unified social credit code, the password policy, and the metadata of
//! policy documents (发文字号, 索引号, 有效性, 主题分类 and 体裁分类, 公开属性, relations
//! between documents, 政策解读), and the statuses and deadlines of work-plan ledgers, and the letters (答复书、告知书) sent to
//! applicants with their templates, and public consultations on drafts (periods,
//! stages, dispositions of comments), the personal-information guard and the
//! confidentiality review (保密审查) before publication. It does no I/O, no async and no SQL; everything here is
//! a plain function or a type that can only be built valid.

pub mod annual_report;
pub mod assessment;
pub mod calendar;
pub mod compliance;
pub mod consultation;
pub mod contact;
pub mod credit_code;
pub mod deadline_phrase;
pub mod disclosure;
pub mod doc_number;
mod error;
pub mod fees;
pub mod index_number;
pub mod interpretation;
pub mod ledger;
pub mod letter;
pub mod lifecycle;
pub mod message;
pub mod org;
pub mod password;
pub mod pii;
pub mod platform;
pub mod relation;
pub mod request;
pub mod request_clock;
pub mod role;
pub mod secrecy;
pub mod sign_in;
pub mod topic;
pub mod unit_match;
pub mod validity;

pub use error::{Error, Result};
