//! Messages to the agency (留言): the boxes the office configures (`boxes`), a
//! citizen's message with its serial and private tracking code (`intake`), what the
//! writer sees and their rating (`track`), who handles a message (`access`) and each
//! step they take (`handling`), a message with its clock as the pages show it
//! (`view`), and the monthly figures per unit (`stats`).

mod access;
mod boxes;
mod handling;
mod intake;
mod stats;
mod track;
mod view;

pub use boxes::{MailboxInput, boxes, open_boxes, save_box};
pub use handling::{StepInput, take_step};
pub use intake::{MessageInput, Submitted, submit};
pub use stats::{MonthFigures, UnitFigures, month_figures, sheet};
pub use track::{Tracked, rate, track};
pub(crate) use view::views;
pub use view::{DUE_WITHIN, MessageView, due_within, published, staff_list, staff_page};
