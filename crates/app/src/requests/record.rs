//! A request with its whole record: its events, cases, reckoned clock and standing
//! against the due date.

use gongkai_domain::ledger::Timeliness;
use gongkai_domain::request_clock::Reckoning;
use gongkai_store::requests::{Case, Event, EventKind, Request};

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

impl Handling {
    /// The legal basis of the reply as recorded (the outcome's default when the reply
    /// named none); `None` before the reply.
    pub fn reply_basis(&self) -> Option<&str> {
        let (_, outcome) = self.request.reply?;
        let recorded = self
            .events
            .iter()
            .rev()
            .find(|e| e.kind == EventKind::Reply)
            .map(|e| e.note.trim())
            .filter(|note| !note.is_empty());
        Some(recorded.unwrap_or(outcome.legal_basis_zh()))
    }
}
