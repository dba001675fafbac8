//! A message as stored: what the writer sent (contact private), its clock, where it
//! stands and the reply, the text published with the writer's consent, and the
//! writer's rating; read back from its row.

use crate::time::{date_from_text, from_text, optional_date, optional_time};
use crate::{Error, MailboxId, MessageId, OrgId, Result, Timestamp};
use chrono::NaiveDate;
use gongkai_domain::message::{Category, Refusal};
use sqlx::Row;
use sqlx::any::AnyRow;

/// What the writer sent, as received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageFields {
    pub mailbox_id: MailboxId,
    pub category: Category,
    pub title: String,
    pub body: String,
    /// Private: never shown publicly.
    pub name: String,
    pub contact: String,
    /// The writer agrees that the message and its reply may be published (after
    /// staff edit the text).
    pub publish_consent: bool,
    pub received_on: NaiveDate,
    /// The box's period for the category when it came, in working days.
    pub workdays: u32,
}

/// Where a message stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Received, not yet triaged.
    New,
    Accepted,
    /// Not accepted (with the reason and where to go instead).
    Refused,
    Replied,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Accepted => "accepted",
            Status::Refused => "refused",
            Status::Replied => "replied",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Status::New => "待受理",
            Status::Accepted => "办理中",
            Status::Refused => "不予受理",
            Status::Replied => "已答复",
        }
    }

    fn parse(code: &str) -> Option<Status> {
        [
            Status::New,
            Status::Accepted,
            Status::Refused,
            Status::Replied,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }

    /// Whether the message is closed (no more clock).
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Refused | Status::Replied)
    }
}

/// A stored message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: MessageId,
    pub serial: String,
    pub fields: MessageFields,
    /// After the one extension: the period in all, in working days.
    pub extended_to: Option<u32>,
    pub status: Status,
    pub refusal: Option<Refusal>,
    /// The unit it is routed (or last transferred) to.
    pub handling_org: Option<OrgId>,
    pub reply: String,
    pub replied_on: Option<NaiveDate>,
    /// The text staff edited for publication.
    pub public_text: String,
    pub published_at: Option<Timestamp>,
    /// The writer's satisfaction, 1 to 5.
    pub rating: Option<u8>,
    pub created_at: Timestamp,
}

pub(super) const COLUMNS: &str = "id, serial, mailbox_id, category, title, body, name, contact, \
     publish_consent, received_on, workdays, extended_to, status, refusal, handling_org_id, \
     reply, replied_on, public_text, published_at, rating, created_at";

fn small(row: &AnyRow, column: &str) -> Result<Option<i64>> {
    Ok(row.try_get::<Option<i64>, _>(column)?)
}

pub(super) fn from_row(row: &AnyRow) -> Result<Message> {
    let category: String = row.try_get("category")?;
    let status: String = row.try_get("status")?;
    let refusal: Option<String> = row.try_get("refusal")?;
    Ok(Message {
        id: MessageId(row.try_get("id")?),
        serial: row.try_get("serial")?,
        fields: MessageFields {
            mailbox_id: MailboxId(row.try_get("mailbox_id")?),
            category: Category::parse(&category)
                .ok_or_else(|| Error::unreadable("留言分类", &category))?,
            title: row.try_get("title")?,
            body: row.try_get("body")?,
            name: row.try_get("name")?,
            contact: row.try_get("contact")?,
            publish_consent: row.try_get::<i64, _>("publish_consent")? != 0,
            received_on: date_from_text(&row.try_get::<String, _>("received_on")?)?,
            workdays: u32::try_from(row.try_get::<i64, _>("workdays")?).unwrap_or(0),
        },
        extended_to: small(row, "extended_to")?.and_then(|n| u32::try_from(n).ok()),
        status: Status::parse(&status).ok_or_else(|| Error::unreadable("留言状态", &status))?,
        refusal: match refusal {
            Some(code) => {
                Some(Refusal::parse(&code).ok_or_else(|| Error::unreadable("不予受理", &code))?)
            }
            None => None,
        },
        handling_org: small(row, "handling_org_id")?.map(OrgId),
        reply: row.try_get("reply")?,
        replied_on: optional_date(row, "replied_on")?,
        public_text: row.try_get("public_text")?,
        published_at: optional_time(row, "published_at")?,
        rating: small(row, "rating")?.and_then(|n| u8::try_from(n).ok()),
        created_at: from_text(&row.try_get::<String, _>("created_at")?)?,
    })
}
