//! Compliance monitoring (合规监测): how each unit keeps the statutory and office
//! deadlines of disclosure work, measured from the platform's own records.
//!
//! Seeds 002 and 003 put 政务公开 into each unit's assessment, with regular 通报 of how
//! deadlines are kept. This module owns the indicators ([`Indicator`]), the judgement
//! of one record against its deadline ([`Outcome::judge`]), the figure of an indicator
//! over its records with the late and missing ones behind it ([`Figure`]), and the
//! red / amber / green of a figure ([`Rag`]). Which records count, and their deadlines,
//! are worked out where the records are (the app); the deadlines themselves are the
//! rules of `calendar`, `request_clock`, `message` and `consultation`.

mod figure;
mod indicator;

pub use figure::{Figure, Item, Outcome, Rag, RecordRef, Thresholds};
pub use indicator::{
    ACTIVE_DISCLOSURE_WORKDAYS, ADOPTION_REPORT_WORKDAYS, Indicator, POLICY_QUESTION_WORKDAYS,
    annual_report_due,
};

#[cfg(test)]
mod tests;
