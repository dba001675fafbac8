//! What the clock is computed from: the receipt, the correction, the stops and the
//! extension of one request.

use chrono::NaiveDate;

/// A period the clock does not run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stop {
    /// The day the consultation (or fee notice) was sent (not itself a stopped day).
    pub from: NaiveDate,
    /// The day the answer came, or the consultation period ended (a stopped day).
    pub to: NaiveDate,
    pub reason: StopReason,
}

/// Why the clock stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopReason {
    /// Consultation of a third party or of other agencies (条例第三十二条、第三十四条).
    Consultation,
    /// The payment window of a fee notice (国办函〔2020〕109号). Whether it stops the
    /// clock is UNVERIFIED (deadlines.md): the office's setting decides, default yes.
    Payment,
}

impl Stop {
    /// A consultation stop from `from` to `to`.
    pub fn consultation(from: NaiveDate, to: NaiveDate) -> Stop {
        Stop {
            from,
            to,
            reason: StopReason::Consultation,
        }
    }
}

/// What the clock is computed from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClockInput {
    /// The receipt date (条例第三十一条).
    pub received: Option<NaiveDate>,
    /// The day the corrected request was received, after a correction notice.
    pub corrected: Option<NaiveDate>,
    pub stops: Vec<Stop>,
    /// Working days of an approved extension.
    pub extension: Option<u32>,
}
