//! Public consultation on drafts (征求意见): the kinds of draft and the period each is
//! generally given, with the check of a consultation's dates (`period`), where a
//! consultation stands on a day (`stage`), and the dispositions of comments with the
//! reason each needs (`disposition`).

mod disposition;
mod period;
mod stage;

pub use disposition::Disposition;
pub use period::{DraftKind, Length, Period, PeriodRules, UsualPeriod, check_period};
pub use stage::Stage;
