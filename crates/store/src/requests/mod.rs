//! Disclosure requests (依申请公开) as stored: the request and its applicant, the
//! serial counter per year, and the append-only events (correction, stops, extension,
//! reply) the statutory clock is computed from, and the reconsiderations and suits
//! brought against the handling.
//!
//! The applicant's identity number and contacts are personal information: they are
//! stored here for the staff handling the request and never enter the audit log,
//! whose entries name the request by serial only.

mod cases;
mod create;
mod event_kind;
mod lookup;
mod record;
mod request_files;
mod timeline;

pub use cases::{Case, add_case, all_cases, cases_of, decide_case};
pub use create::create;
pub use event_kind::EventKind;
pub use lookup::{count, find_by_tracking_hash, get, list, rank_in_month};
pub use record::{Request, RequestFields};
pub use request_files::{RequestFile, add_file, files};
pub use timeline::{Event, NewEvent, add_event, all_events, events, reply, set_withheld_reason};
