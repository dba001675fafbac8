//! A request with its whole record: its events, cases, reckoned clock and standing
//! against the due date.

use gongkai_domain::ledger::Timeliness;
use gongkai_domain::request_clock::Reckoning;
use gongkai_store::requests::{Case, Event, Request};

/// A request with its events and computed clock.
#[derive(Debug, Clone)]
pub struct Handling {
    pub request: Request,
    pub events: Vec<Event>,
    /// Reconsiderations and suits about the request.
    pub cases: Vec<Case>,
    pub reckoning: Reckoning,
    /// Against the due date today; done once replied.
    pub timeliness: Timeliness,
}
