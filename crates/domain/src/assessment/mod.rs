//! Assessment (考核): the yearly scheme the office scores its units by, and the scores.
//!
//! Seeds 002 and 003 put 政务公开 into each unit's performance assessment; the office
//! defines which indicators count, each with its weight (the weights add up to 100) and
//! its scoring rule, and scores some by hand (网站检查, 培训). This module owns a valid
//! scheme ([`Scheme::new`]), how one indicator is scored from its monitor figure or a
//! hand score ([`score`]), a unit's total with its adjustments, and the ranking
//! ([`rank`]). Storing schemes, freezing a used one, and the exports are the app's.

mod rule;
mod scheme;
mod scoring;

pub use rule::Rule;
pub use scheme::{Scheme, SchemeIndicator, Source};
pub use scoring::{Adjustment, Deduction, IndicatorScore, UnitScore, rank, score, total};

#[cfg(test)]
mod tests;
