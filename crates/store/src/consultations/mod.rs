//! Public consultations on drafts (征求意见) as stored: the consultation with its
//! materials and period (`record`), its creation and later changes — extension,
//! early close, the final document, publishing the 采纳情况 (`write`), the comments
//! with their dispositions (`comments`) and the files of its materials (`files`).

mod comments;
mod files;
mod record;
mod write;

pub use comments::{Comment, NewComment, add_comment, comments, dispose};
pub use files::{ConsultationFile, add_file, files};
pub use record::{
    Consultation, ConsultationEvent, ConsultationFields, EventKind, events, for_document, get, list,
};
pub use write::{close_early, create, extend, publish, set_final_document};
