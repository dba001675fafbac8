//! What happens to a message, one step at a time: each changes the message's row and
//! appends an event with who took it, when and why. The audit log names the step and
//! the unit, never the writer's text.

use super::record::{Message, Status};
use crate::time::{date_from_text, date_to_text, from_text, to_text};
use crate::{Error, MessageId, OrgId, Result, Store, Timestamp, WriteTx, now};
use chrono::NaiveDate;
use gongkai_domain::message::Refusal;
use sqlx::Row;

/// A step of a message's handling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Accept,
    /// Not accepted, with where it belongs and the reason.
    Refuse {
        refusal: Refusal,
        reason: String,
    },
    /// Handed to the unit that answers it.
    Route {
        org: OrgId,
    },
    /// Handed on to another unit, with the reason.
    Transfer {
        org: OrgId,
        reason: String,
    },
    /// An internal note.
    Note {
        text: String,
    },
    /// The one extension: the period in all, in working days, and the approval.
    Extend {
        total: u32,
        reason: String,
    },
    Reply {
        text: String,
    },
    /// The text to publish, as staff edited it.
    Publish {
        text: String,
    },
    /// The writer's satisfaction, 1 to 5, and a remark.
    Rate {
        score: u8,
        note: String,
    },
}

/// What an event records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    Accepted,
    Refused,
    Routed,
    Transferred,
    Noted,
    Extended,
    Replied,
    Published,
    Rated,
}

const KINDS: [(EventKind, &str, &str); 9] = [
    (EventKind::Accepted, "accepted", "受理"),
    (EventKind::Refused, "refused", "不予受理"),
    (EventKind::Routed, "routed", "交办"),
    (EventKind::Transferred, "transferred", "转办"),
    (EventKind::Noted, "noted", "内部备注"),
    (EventKind::Extended, "extended", "延期"),
    (EventKind::Replied, "replied", "答复"),
    (EventKind::Published, "published", "公开"),
    (EventKind::Rated, "rated", "满意度评价"),
];

impl EventKind {
    pub fn code(self) -> &'static str {
        KINDS
            .iter()
            .find(|(k, ..)| *k == self)
            .map_or("", |(_, c, _)| c)
    }

    pub fn label_zh(self) -> &'static str {
        KINDS
            .iter()
            .find(|(k, ..)| *k == self)
            .map_or("", |(.., l)| l)
    }

    fn parse(code: &str) -> Option<EventKind> {
        KINDS.iter().find(|(_, c, _)| *c == code).map(|(k, ..)| *k)
    }

    /// Whether the writer sees it on the tracking page (not the internal steps).
    pub fn is_public(self) -> bool {
        !matches!(
            self,
            EventKind::Noted | EventKind::Routed | EventKind::Transferred
        )
    }
}

/// One event of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub kind: EventKind,
    pub on: NaiveDate,
    pub org: Option<OrgId>,
    pub note: String,
    pub actor_name: String,
    pub at: Timestamp,
}

impl Step {
    fn kind(&self) -> EventKind {
        match self {
            Step::Accept => EventKind::Accepted,
            Step::Refuse { .. } => EventKind::Refused,
            Step::Route { .. } => EventKind::Routed,
            Step::Transfer { .. } => EventKind::Transferred,
            Step::Note { .. } => EventKind::Noted,
            Step::Extend { .. } => EventKind::Extended,
            Step::Reply { .. } => EventKind::Replied,
            Step::Publish { .. } => EventKind::Published,
            Step::Rate { .. } => EventKind::Rated,
        }
    }

    /// The event's unit and note.
    fn event(&self) -> (Option<OrgId>, String) {
        match self {
            Step::Route { org } => (Some(*org), String::new()),
            Step::Transfer { org, reason } => (Some(*org), reason.clone()),
            Step::Refuse { reason, .. } | Step::Extend { reason, .. } => (None, reason.clone()),
            Step::Note { text } | Step::Reply { text } | Step::Publish { text } => {
                (None, text.clone())
            }
            Step::Rate { note, .. } => (None, note.clone()),
            Step::Accept => (None, String::new()),
        }
    }
}

/// Changes the message's row for `step`.
async fn apply(tx: &mut WriteTx, id: MessageId, step: &Step, on: NaiveDate) -> Result<()> {
    let query = match step {
        Step::Accept => sqlx::query("UPDATE messages SET status = $1 WHERE id = $2")
            .bind(Status::Accepted.code()),
        Step::Refuse { refusal, .. } => {
            sqlx::query("UPDATE messages SET status = $1, refusal = $2 WHERE id = $3")
                .bind(Status::Refused.code())
                .bind(refusal.code())
        }
        Step::Route { org } | Step::Transfer { org, .. } => {
            sqlx::query("UPDATE messages SET handling_org_id = $1 WHERE id = $2").bind(org.0)
        }
        Step::Note { .. } => return Ok(()),
        Step::Extend { total, .. } => {
            sqlx::query("UPDATE messages SET extended_to = $1 WHERE id = $2")
                .bind(i64::from(*total))
        }
        Step::Reply { text } => sqlx::query(
            "UPDATE messages SET status = $1, reply = $2, replied_on = $3 WHERE id = $4",
        )
        .bind(Status::Replied.code())
        .bind(text.clone())
        .bind(date_to_text(on)),
        Step::Publish { text } => {
            sqlx::query("UPDATE messages SET public_text = $1, published_at = $2 WHERE id = $3")
                .bind(text.clone())
                .bind(to_text(now()))
        }
        Step::Rate { score, .. } => {
            sqlx::query("UPDATE messages SET rating = $1 WHERE id = $2").bind(i64::from(*score))
        }
    };
    query.bind(id.0).execute(tx.conn()).await?;
    Ok(())
}

/// Takes `step` on `message` on the day `on`, with its event and audit entry.
pub async fn record_step(
    tx: &mut WriteTx,
    message: &Message,
    step: &Step,
    on: NaiveDate,
) -> Result<()> {
    apply(tx, message.id, step, on).await?;
    let (org, note) = step.event();
    let kind = step.kind();
    let actor = tx.actor().name.clone();
    sqlx::query(
        "INSERT INTO message_events (message_id, kind, on_date, org_id, note, actor_name, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(message.id.0)
    .bind(kind.code())
    .bind(date_to_text(on))
    .bind(org.map(|o| o.0))
    .bind(&note)
    .bind(actor)
    .bind(to_text(now()))
    .execute(tx.conn())
    .await?;
    let entry = serde_json::json!({
        "serial": message.serial, "on": date_to_text(on), "org": org,
        "chars": note.chars().count(),
    });
    tx.record(
        &format!("message.{}", kind.code()),
        "message",
        message.id,
        None,
        Some(entry),
    );
    Ok(())
}

/// The events of message `id`, oldest first.
pub async fn events(store: &Store, id: MessageId) -> Result<Vec<Event>> {
    let rows = sqlx::query(
        "SELECT kind, on_date, org_id, note, actor_name, at FROM message_events \
         WHERE message_id = $1 ORDER BY id",
    )
    .bind(id.0)
    .fetch_all(store.pool())
    .await?;
    rows.iter()
        .map(|row| {
            let kind: String = row.try_get("kind")?;
            Ok(Event {
                kind: EventKind::parse(&kind)
                    .ok_or_else(|| Error::unreadable("留言事项", &kind))?,
                on: date_from_text(&row.try_get::<String, _>("on_date")?)?,
                org: row.try_get::<Option<i64>, _>("org_id")?.map(OrgId),
                note: row.try_get("note")?,
                actor_name: row.try_get("actor_name")?,
                at: from_text(&row.try_get::<String, _>("at")?)?,
            })
        })
        .collect()
}
