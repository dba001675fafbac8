//! Deadline phrases of work plans (工作时限) and the date they stand for.
//!
//! This module owns the rules of issue 4 for reading a deadline written in Chinese
//! against the plan's year: `2022年7月底前完成` → 2022-07-31; `2020年10月30日前` →
//! 2020-10-30; `9月底前` → the plan year's 09-30; `年底前` → 12-31; `上半年` → 06-30;
//! `第三季度` → 09-30; `10月上旬` / `中旬` / `下旬` → the 10th / 20th / last day;
//! `持续推进`, `长期坚持`, `长期推进`, `常态化`, `全年` → ongoing. With several dates in
//! one phrase the latest wins; a year written in the phrase wins over the plan's year.
//!
//! Texts scraped from web pages lost characters: `202011月底前` is 2020年11月底前 and
//! `2020610日` is 2020年6月10日. A run of digits is split into year, month and day only
//! when exactly one split gives a valid date ([`recover_digits`]); nothing is invented.
//! Every function accepts arbitrary text and never panics.

mod chars;
mod reading;
mod recover;
mod scan;

pub use reading::{DeadlineReading, find_in_text, is_deadline_cell, read};
pub use recover::recover_digits;
