//! The append-only events of a request (correction, stops, extension, reply…) that
//! its statutory clock is computed from, and the reply recorded once.

use super::EventKind;
use crate::time::{date_from_text, date_to_text, from_text, optional_date, to_text};
use crate::{Error, OrgId, RequestId, Result, Store, Timestamp, UserId, WriteTx, now};
use chrono::NaiveDate;
use gongkai_domain::annual_report::Outcome;
use sqlx::Row;
use sqlx::any::AnyRow;
use std::collections::HashMap;

/// One event of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub id: i64,
    pub kind: EventKind,
    pub on: NaiveDate,
    /// The last stopped day of a stop.
    pub until: Option<NaiveDate>,
    /// The working days of an extension.
    pub workdays: Option<u32>,
    pub note: String,
    /// The unit of an assignment or transfer.
    pub org_id: Option<OrgId>,
    /// The amount of a fee notice, in 元.
    pub amount: Option<u64>,
    pub actor_id: Option<UserId>,
    pub actor_name: String,
    pub at: Timestamp,
}

/// An event to append.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEvent {
    pub kind: EventKind,
    pub on: NaiveDate,
    pub until: Option<NaiveDate>,
    pub workdays: Option<u32>,
    pub note: String,
    pub org_id: Option<OrgId>,
    pub amount: Option<u64>,
}

impl NewEvent {
    /// An event of `kind` on `on` with nothing else; set the other fields as needed.
    pub fn on(kind: EventKind, on: NaiveDate) -> NewEvent {
        NewEvent {
            kind,
            on,
            until: None,
            workdays: None,
            note: String::new(),
            org_id: None,
            amount: None,
        }
    }
}

/// The events of a request, in the order they were recorded.
pub async fn events(store: &Store, id: RequestId) -> Result<Vec<Event>> {
    let rows = sqlx::query(&format!(
        "SELECT {EVENT_COLUMNS} FROM request_events WHERE request_id = $1 ORDER BY id"
    ))
    .bind(id.0)
    .fetch_all(store.pool())
    .await?;
    rows.iter().map(event_from_row).collect()
}

/// The events of every request, by request, each in recording order (one query, for
/// lists).
pub async fn all_events(store: &Store) -> Result<HashMap<RequestId, Vec<Event>>> {
    let rows = sqlx::query(&format!(
        "SELECT {EVENT_COLUMNS} FROM request_events ORDER BY request_id, id"
    ))
    .fetch_all(store.pool())
    .await?;
    let mut by_request: HashMap<RequestId, Vec<Event>> = HashMap::new();
    for row in &rows {
        let request = RequestId(row.try_get("request_id")?);
        by_request
            .entry(request)
            .or_default()
            .push(event_from_row(row)?);
    }
    Ok(by_request)
}

const EVENT_COLUMNS: &str = "id, request_id, kind, on_date, until_date, workdays, note, org_id, \
     amount, actor_id, actor_name, at";

fn event_from_row(row: &AnyRow) -> Result<Event> {
    let kind: String = row.try_get("kind")?;
    Ok(Event {
        id: row.try_get("id")?,
        kind: EventKind::parse(&kind).ok_or_else(|| Error::unreadable("申请事件", &kind))?,
        on: date_from_text(&row.try_get::<String, _>("on_date")?)?,
        until: optional_date(row, "until_date")?,
        workdays: row
            .try_get::<Option<i64>, _>("workdays")?
            .and_then(|n| u32::try_from(n).ok()),
        note: row.try_get("note")?,
        org_id: row.try_get::<Option<i64>, _>("org_id")?.map(OrgId),
        amount: row
            .try_get::<Option<i64>, _>("amount")?
            .and_then(|n| u64::try_from(n).ok()),
        actor_id: row.try_get::<Option<i64>, _>("actor_id")?.map(UserId),
        actor_name: row.try_get("actor_name")?,
        at: from_text(&row.try_get::<String, _>("at")?)?,
    })
}

/// Appends an event.
pub async fn add_event(tx: &mut WriteTx, id: RequestId, event: &NewEvent) -> Result<()> {
    let actor = tx.actor().clone();
    sqlx::query(
        "INSERT INTO request_events (request_id, kind, on_date, until_date, workdays, note, \
         org_id, amount, actor_id, actor_name, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(id.0)
    .bind(event.kind.code())
    .bind(date_to_text(event.on))
    .bind(event.until.map(date_to_text))
    .bind(event.workdays.map(i64::from))
    .bind(&event.note)
    .bind(event.org_id.map(|o| o.0))
    .bind(event.amount.and_then(|a| i64::try_from(a).ok()))
    .bind(actor.user_id.map(|u| u.0))
    .bind(&actor.name)
    .bind(to_text(now()))
    .execute(tx.conn())
    .await?;
    let entry = serde_json::json!({
        "kind": event.kind.code(), "on": date_to_text(event.on),
        "org": event.org_id, "amount": event.amount,
    });
    tx.record("request.event", "request", id, None, Some(entry));
    if matches!(event.kind, EventKind::Assign | EventKind::Transfer) {
        sqlx::query("UPDATE disclosure_requests SET handling_org_id = $1 WHERE id = $2")
            .bind(event.org_id.map(|o| o.0))
            .bind(id.0)
            .execute(tx.conn())
            .await?;
    }
    Ok(())
}

/// Records the reply (once): refused when the request was already replied to.
pub async fn reply(
    tx: &mut WriteTx,
    id: RequestId,
    on: NaiveDate,
    outcome: Outcome,
    basis: &str,
) -> Result<()> {
    let done = sqlx::query(
        "UPDATE disclosure_requests SET outcome = $1, replied_on = $2 WHERE id = $3 AND outcome IS NULL",
    )
    .bind(outcome.code())
    .bind(date_to_text(on))
    .bind(id.0)
    .execute(tx.conn())
    .await?;
    if done.rows_affected() == 0 {
        return Err(Error::Refused("该申请已经答复，不能再次答复".to_string()));
    }
    let event = NewEvent {
        note: basis.to_string(),
        ..NewEvent::on(EventKind::Reply, on)
    };
    add_event(tx, id, &event).await
}

/// Records why the withheld part of a 部分公开 reply is withheld (条例第三十七条), in
/// the reply's transaction.
pub async fn set_withheld_reason(tx: &mut WriteTx, id: RequestId, reason: Outcome) -> Result<()> {
    sqlx::query("UPDATE disclosure_requests SET withheld_reason = $1 WHERE id = $2")
        .bind(reason.code())
        .bind(id.0)
        .execute(tx.conn())
        .await?;
    Ok(())
}
