//! Disclosure requests (依申请公开): intake through the public form or by staff
//! (`intake`), the applicant's tracking page and the handlers' lists (`lookup`), the
//! handling steps that move the statutory clock (`clock`; correction, consultation
//! stops, extension in `steps`; assignment, fees and delivery in `handling`) up to the
//! single reply (`reply`), files ([`files`]) and the reconsiderations and suits that
//! follow (`cases`).
//!
//! Who sees what (`handlers`): the applicant sees their own request through its serial and private
//! tracking code, never another's (a wrong pair is "not found", with no hint which part
//! was wrong). The applicant's identity number and contacts are shown only to staff who
//! handle requests: office and admin grants covering the agency asked, or held in a
//! unit of that government (its office), and to the staff of the unit the request is
//! assigned to (交办), who add notes; every other step is the office's (`handling`).

mod cases;
mod clock;
pub mod files;
mod handlers;
mod handling;
mod intake;
mod lookup;
mod record;
mod reply;
mod step_input;
mod steps;

pub use cases::{CaseInput, DecisionInput, add_case, decide_case};
pub(crate) use clock::clock_input;
pub use handlers::REQUEST_HANDLERS;
pub(crate) use handlers::{handles, require_handler};
pub use handling::payment_due;
pub(crate) use intake::record_as;
pub use intake::{RequestInput, Submitted, agencies, record, submit};
pub(crate) use lookup::every_request;
pub use lookup::{DUE_WITHIN, MAX_WITHIN, detail, due_within, list, serials, track};
pub use record::Handling;
pub use reply::{ReplyInput, reply};
pub use step_input::StepInput;
pub use steps::{StepOptions, step, step_options};
