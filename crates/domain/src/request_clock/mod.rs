//! The statutory clock of a disclosure request (依申请公开): when the reply is due,
//! computed from the request's events and explained step by step.
//!
//! Rules (deadlines.md, "Disclosure requests"):
//! * the reply is due 20 working days after the receipt date (条例第三十三条第一款),
//!   the receipt date itself not counted (民法典第二百零一条);
//! * after a correction (补正), the 20 working days run again from the day the corrected
//!   request is received (条例第三十条); the correction notice itself is due within 7
//!   working days of receipt;
//! * the days spent consulting a third party (条例第三十二条) or other agencies (条例第三十
//!   四条) are not counted: a stop from day A to day B moves the due date later by the
//!   working days after A up to and including B;
//! * an extension adds at most 20 working days (条例第三十三条第二款), approved by the head
//!   of the disclosure office and notified before the original due date.
//!
//! Order of application: start, 20 working days, each stop, the extension.

mod explain;
mod input;
mod reckon;
#[cfg(test)]
mod tests;

pub use input::{ClockInput, Stop, StopReason};
pub use reckon::{
    CORRECTION_NOTICE_WORKDAYS, MAX_EXTENSION_WORKDAYS, REPLY_WORKDAYS, Reckoning, Step,
    THIRD_PARTY_WORKDAYS, reckon,
};
