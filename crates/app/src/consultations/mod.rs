//! Public consultations on drafts (征求意见): staff of a unit open one for a draft
//! (`open`); the public read it and comment while it is open (`public`,
//! `comment`); staff dispose of each comment, the office extends or closes early and
//! publishes the 意见收集和采纳情况 (`manage`), counted by `report`; the staff's
//! pages and the comments sheet (`staff`).

mod comment;
mod manage;
mod open;
mod public;
mod report;
mod staff;
mod view;

pub use comment::{CommentInput, comment};
pub use manage::{close_early, dispose, extend, publish, set_final_document};
pub use open::{ConsultationInput, open, units};
pub use public::{public_file, public_list, public_page};
pub use report::{AdoptionReport, Answer};
pub use staff::{StaffPage, comments_sheet, staff_list, staff_page};
pub use view::ConsultationView;
