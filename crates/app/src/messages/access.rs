//! Who handles a message: the box's unit (its editors) and the disclosure office of
//! its government triage it — accept or refuse, route and transfer, extend, publish —;
//! the unit it is routed to may also note and reply; the box unit's staff see it.

use crate::access::{CurrentUser, DOCUMENT_EDITORS, STAFF, is_office_for};
use gongkai_store::messages::{Mailbox, Message};
use gongkai_store::orgs::Org;

/// Whether the user triages the box's messages.
pub(super) fn may_triage(user: &CurrentUser, mailbox: &Mailbox, all: &[Org]) -> bool {
    let unit = mailbox.fields.org_id;
    is_office_for(user, unit, all) || user.covers(&DOCUMENT_EDITORS, unit, all)
}

/// Whether the user works on the message: its triage, or the unit it is routed to.
pub(super) fn may_work(user: &CurrentUser, m: &Message, mailbox: &Mailbox, all: &[Org]) -> bool {
    may_triage(user, mailbox, all)
        || m.handling_org
            .is_some_and(|unit| user.covers(&STAFF, unit, all))
}

/// Whether the user sees the message and its writer.
pub(super) fn may_see(user: &CurrentUser, m: &Message, mailbox: &Mailbox, all: &[Org]) -> bool {
    may_work(user, m, mailbox, all) || user.covers(&STAFF, mailbox.fields.org_id, all)
}
