//! Letters to applicants and third parties about a disclosure request (依申请公开):
//! the kinds of letter the record of a request calls for, the fields a letter's
//! template may name, and the built-in default texts.
//!
//! - 补正告知书 (条例第三十条): what to correct, said once;
//! - 延长答复期限告知书 (条例第三十三条第二款);
//! - 征求第三方意见函 (条例第三十二条);
//! - 政府信息公开申请答复书 (条例第三十六条), one per reply outcome, each ending with
//!   the remedies (条例第五十一条; 行政复议法第二十条: 60 days; 行政诉讼法第四十六条:
//!   6 months).
//!
//! Templates name fields as `{字段名}`; [`template`] renders and checks them.

mod defaults;
mod field;
mod kind;
pub mod template;

pub use defaults::{decision_zh, withheld_part_zh};
pub use field::{DEFAULT_CORRECTION_PERIOD, Field, Fields, date_zh};
pub use kind::LetterKind;
pub use template::{placeholders, render, validate};
