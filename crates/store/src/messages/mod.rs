//! Messages to the agency (留言) as stored: the boxes and the reply period of each
//! category they take (`boxes`), a message with its private contact and its reply
//! (`record`), its creation under the next serial of its year (`create`), what happens
//! to it, each step an appended event (`steps`), and the reads (`lookup`).

mod boxes;
mod create;
mod lookup;
mod record;
mod steps;

pub use boxes::{Mailbox, MailboxFields, boxes, create_box, get_box, update_box};
pub use create::create;
pub use lookup::{events, find_by_tracking_hash, get, list};
pub use record::{Message, MessageFields, Status};
pub use steps::{Event, EventKind, Step, record_step};
