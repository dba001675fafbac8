//! A citizen's message: to an open box, in a category it takes, with a title and a text
//! within the configured length; name and contact kept private. It gets a serial and
//! a private tracking code (only its hash is kept), and its reply period is the box's
//! for the category.

use crate::documents::today;
use crate::form::Problems;
use crate::tracking::{new_tracking_code, tracking_hash};
use crate::{App, Error, Result};
use gongkai_domain::contact::ContactKind;
use gongkai_domain::message::Category;
use gongkai_store::messages::{self, Message, MessageFields};
use gongkai_store::{Actor, MailboxId};
use serde::Deserialize;

const MAX_TITLE_CHARS: usize = 100;
const MAX_SHORT_CHARS: usize = 100;

/// The message form.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct MessageInput {
    #[serde(default)]
    pub mailbox: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub contact: String,
    /// Ticked: the message and its reply may be published.
    #[serde(default)]
    pub publish: String,
}

/// A stored message and its tracking code, shown this once.
#[derive(Debug, Clone)]
pub struct Submitted {
    pub message: Message,
    pub tracking_code: String,
}

/// The serial of the `n`th message of `year`: LY2026-00001.
fn serial(year: i32, n: u64) -> String {
    format!("LY{year}-{n:05}")
}

/// Checks the form and stores the message.
pub async fn submit(app: &App, input: &MessageInput) -> Result<Submitted> {
    let mut problems = Problems::default();
    let mailbox = match input.mailbox.trim().parse().map(MailboxId) {
        Ok(id) => Some(messages::get_box(&app.store, id).await?),
        Err(_) => {
            problems.add("信箱", "请选择信箱");
            None
        }
    };
    if mailbox.as_ref().is_some_and(|b| !b.fields.open) {
        return Err(Error::invalid("信箱", "该信箱已关闭，暂不接收留言"));
    }
    let category = Category::parse(&input.category);
    let workdays = match (&mailbox, category) {
        (Some(b), Some(c)) => b.period_of(c),
        _ => None,
    };
    if workdays.is_none() {
        problems.add("留言类型", "请选择该信箱接收的留言类型");
    }
    let title = problems.text(&input.title, MAX_TITLE_CHARS, "标题");
    if title.is_empty() {
        problems.add("标题", "请填写");
    }
    let max = usize::try_from(app.settings.participation.max_message_chars).unwrap_or(usize::MAX);
    let body = problems.text(&input.body, max, "留言内容");
    if body.is_empty() {
        problems.add("留言内容", "请填写");
    }
    let name = problems.text(&input.name, MAX_SHORT_CHARS, "姓名");
    let contact = problems.contact(&input.contact, ContactKind::PhoneOrEmail, "联系方式");
    problems.finish()?;
    let (Some(mailbox), Some(category), Some(workdays)) = (mailbox, category, workdays) else {
        return Err(Error::Internal("留言表单检查不完整".into()));
    };
    let fields = MessageFields {
        mailbox_id: mailbox.id,
        category,
        title,
        body,
        name,
        contact,
        publish_consent: !input.publish.trim().is_empty(),
        received_on: today(),
        workdays,
    };
    let tracking_code = new_tracking_code();
    let mut tx = app.store.begin(Actor::system("portal")).await?;
    let message =
        messages::create(&mut tx, &fields, &tracking_hash(&tracking_code), serial).await?;
    tx.commit().await?;
    Ok(Submitted {
        message,
        tracking_code,
    })
}
