//! A message as the pages show it: its box, the unit handling it, its reply clock
//! explained, how it stands today, and its events; the lists of the staff, the due
//! list of the console's home, and the replies published for the public.

use super::access::may_see;
use crate::access::CurrentUser;
use crate::documents::today;
use crate::{App, Error, Result};
use gongkai_domain::ledger::Timeliness;
use gongkai_domain::message::{Clock, Due};
use gongkai_store::MessageId;
use gongkai_store::messages::{self, Event, Mailbox, Message};
use gongkai_store::orgs::{self, Org};

/// The console home's horizon for messages due soon, in working days.
pub const DUE_WITHIN: i64 = 2;

/// A message with what its pages show beside it.
#[derive(Debug, Clone)]
pub struct MessageView {
    pub message: Message,
    pub mailbox: Mailbox,
    /// The unit handling it (routed to), else the box's unit.
    pub unit_name: String,
    pub due: Due,
    pub timeliness: Timeliness,
    pub events: Vec<Event>,
}

/// The clock of a message.
pub(super) fn clock_of(m: &Message) -> Clock {
    Clock {
        received_on: m.fields.received_on,
        workdays: m.fields.workdays,
        extended_to: m.extended_to,
    }
}

fn name_of(all: &[Org], id: gongkai_store::OrgId) -> String {
    all.iter()
        .find(|o| o.id == id)
        .map(|o| o.name.clone())
        .unwrap_or_default()
}

/// The view of `m` in `mailbox`, with or without its events.
pub(super) async fn view_of(
    app: &App,
    m: Message,
    mailbox: Mailbox,
    all: &[Org],
    with_events: bool,
) -> Result<MessageView> {
    let due = clock_of(&m).reckon(&app.calendar);
    let timeliness = Timeliness::on(Some(due.due), m.status.is_closed(), today(), &app.calendar);
    let events = if with_events {
        messages::events(&app.store, m.id).await?
    } else {
        Vec::new()
    };
    Ok(MessageView {
        unit_name: name_of(all, m.handling_org.unwrap_or(mailbox.fields.org_id)),
        due,
        timeliness,
        events,
        mailbox,
        message: m,
    })
}

/// The messages `keep` chooses, each with its box, as views without their events.
pub(crate) async fn views(
    app: &App,
    keep: impl Fn(&Message, &Mailbox, &[Org]) -> bool,
) -> Result<Vec<MessageView>> {
    let all = orgs::list(&app.store).await?;
    let boxes = messages::boxes(&app.store).await?;
    let mut shown = Vec::new();
    for m in messages::list(&app.store).await? {
        let Some(mailbox) = boxes.iter().find(|b| b.id == m.fields.mailbox_id).cloned() else {
            continue;
        };
        if keep(&m, &mailbox, &all) {
            shown.push(view_of(app, m, mailbox, &all, false).await?);
        }
    }
    Ok(shown)
}

/// The messages the user handles or helps with: open ones first by their due date,
/// then closed ones, newest first.
pub async fn staff_list(app: &App, user: &CurrentUser) -> Result<Vec<MessageView>> {
    let mut list = views(app, |m, b, all| may_see(user, m, b, all)).await?;
    list.sort_by_key(|v| (v.message.status.is_closed(), v.due.due));
    Ok(list)
}

/// One message the user may see, with its events.
pub async fn staff_page(app: &App, user: &CurrentUser, id: MessageId) -> Result<MessageView> {
    let m = messages::get(&app.store, id).await?;
    let mailbox = messages::get_box(&app.store, m.fields.mailbox_id).await?;
    let all = orgs::list(&app.store).await?;
    if !may_see(user, &m, &mailbox, &all) {
        return Err(Error::Forbidden);
    }
    view_of(app, m, mailbox, &all, true).await
}

/// The open messages the user handles that are due within `n` working days or overdue.
pub async fn due_within(app: &App, user: &CurrentUser, n: i64) -> Result<Vec<MessageView>> {
    Ok(staff_list(app, user)
        .await?
        .into_iter()
        .filter(|v| v.timeliness.is_overdue() || v.timeliness.is_due_within(n))
        .collect())
}

/// The replies published with their writers' consent, newest first.
pub async fn published(app: &App) -> Result<Vec<MessageView>> {
    views(app, |m, _, _| {
        m.published_at.is_some() && m.fields.publish_consent
    })
    .await
}
