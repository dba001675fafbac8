//! A consultation as stored, read back from its row, with the events of its life.

use crate::time::{date_from_text, date_to_text, from_text, optional_date, optional_time};
use crate::{ConsultationId, DocumentId, Error, OrgId, Result, Store, Timestamp};
use chrono::NaiveDate;
use gongkai_domain::consultation::DraftKind;
use sqlx::Row;
use sqlx::any::AnyRow;

/// What staff fill in to open a consultation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsultationFields {
    /// The unit consulting.
    pub org_id: OrgId,
    pub title: String,
    pub kind: DraftKind,
    /// The draft bears closely on market entities (《优化营商环境条例》第六十二条).
    pub market_related: bool,
    /// The draft and its explanation (起草说明), sanitised HTML.
    pub draft_html: String,
    pub explanation_html: String,
    /// Or the draft as a document of the library.
    pub draft_document: Option<DocumentId>,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// Why the period is shorter than usual; shown to the public.
    pub short_reason: String,
}

/// A stored consultation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consultation {
    pub id: ConsultationId,
    pub fields: ConsultationFields,
    pub closed_early_on: Option<NaiveDate>,
    /// The policy as finally published in the library.
    pub final_document: Option<DocumentId>,
    /// The office's summary of the 意见收集和采纳情况, once published.
    pub summary: String,
    pub published_at: Option<Timestamp>,
    pub created_at: Timestamp,
}

pub(super) const COLUMNS: &str = "id, org_id, title, kind, market_related, draft_html, \
     explanation_html, draft_document_id, final_document_id, starts_on, ends_on, short_reason, \
     closed_early_on, summary, published_at, created_at";

pub(super) fn from_row(row: &AnyRow) -> Result<Consultation> {
    let kind: String = row.try_get("kind")?;
    Ok(Consultation {
        id: ConsultationId(row.try_get("id")?),
        fields: ConsultationFields {
            org_id: OrgId(row.try_get("org_id")?),
            title: row.try_get("title")?,
            kind: DraftKind::parse(&kind).ok_or_else(|| Error::unreadable("草案类型", &kind))?,
            market_related: row.try_get::<i64, _>("market_related")? != 0,
            draft_html: row.try_get("draft_html")?,
            explanation_html: row.try_get("explanation_html")?,
            draft_document: row
                .try_get::<Option<i64>, _>("draft_document_id")?
                .map(DocumentId),
            starts_on: date_from_text(&row.try_get::<String, _>("starts_on")?)?,
            ends_on: date_from_text(&row.try_get::<String, _>("ends_on")?)?,
            short_reason: row.try_get("short_reason")?,
        },
        closed_early_on: optional_date(row, "closed_early_on")?,
        final_document: row
            .try_get::<Option<i64>, _>("final_document_id")?
            .map(DocumentId),
        summary: row.try_get("summary")?,
        published_at: optional_time(row, "published_at")?,
        created_at: from_text(&row.try_get::<String, _>("created_at")?)?,
    })
}

/// One consultation.
pub async fn get(store: &Store, id: ConsultationId) -> Result<Consultation> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM consultations WHERE id = $1"
    ))
    .bind(id.0)
    .fetch_optional(store.pool())
    .await?
    .ok_or_else(|| Error::NotFound {
        entity: "征求意见",
        id: id.to_string(),
    })?;
    from_row(&row)
}

/// Every consultation, the latest to end first.
pub async fn list(store: &Store) -> Result<Vec<Consultation>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM consultations ORDER BY ends_on DESC, id DESC"
    ))
    .fetch_all(store.pool())
    .await?;
    rows.iter().map(from_row).collect()
}

/// The consultations whose draft or final policy is the document `id`.
pub async fn for_document(store: &Store, id: DocumentId) -> Result<Vec<Consultation>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM consultations WHERE final_document_id = $1 \
         OR draft_document_id = $1 ORDER BY id"
    ))
    .bind(id.0)
    .fetch_all(store.pool())
    .await?;
    rows.iter().map(from_row).collect()
}

/// What can happen to a consultation after it is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    Extended,
    ClosedEarly,
    Published,
}

impl EventKind {
    pub fn code(self) -> &'static str {
        match self {
            EventKind::Extended => "extended",
            EventKind::ClosedEarly => "closed_early",
            EventKind::Published => "published",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            EventKind::Extended => "延长征求意见期限",
            EventKind::ClosedEarly => "提前结束征求意见",
            EventKind::Published => "公布意见收集和采纳情况",
        }
    }

    fn parse(code: &str) -> Option<EventKind> {
        [
            EventKind::Extended,
            EventKind::ClosedEarly,
            EventKind::Published,
        ]
        .into_iter()
        .find(|k| k.code() == code)
    }
}

/// One event of a consultation, with who recorded it and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsultationEvent {
    pub kind: EventKind,
    pub on: NaiveDate,
    /// Extended: the new last day.
    pub until: Option<NaiveDate>,
    pub note: String,
    pub actor_name: String,
    pub at: Timestamp,
}

/// The events of a consultation, oldest first.
pub async fn events(store: &Store, id: ConsultationId) -> Result<Vec<ConsultationEvent>> {
    let rows = sqlx::query(
        "SELECT kind, on_date, until_date, note, actor_name, at FROM consultation_events \
         WHERE consultation_id = $1 ORDER BY id",
    )
    .bind(id.0)
    .fetch_all(store.pool())
    .await?;
    rows.iter()
        .map(|row| {
            let kind: String = row.try_get("kind")?;
            Ok(ConsultationEvent {
                kind: EventKind::parse(&kind)
                    .ok_or_else(|| Error::unreadable("征求意见事项", &kind))?,
                on: date_from_text(&row.try_get::<String, _>("on_date")?)?,
                until: optional_date(row, "until_date")?,
                note: row.try_get("note")?,
                actor_name: row.try_get("actor_name")?,
                at: from_text(&row.try_get::<String, _>("at")?)?,
            })
        })
        .collect()
}

/// The audit log's view of a consultation: its metadata, never its comments.
pub(super) fn audit_view(c: &ConsultationFields) -> serde_json::Value {
    serde_json::json!({
        "org": c.org_id, "title": c.title, "kind": c.kind.code(),
        "market_related": c.market_related, "starts_on": date_to_text(c.starts_on),
        "ends_on": date_to_text(c.ends_on), "short_reason": c.short_reason,
        "draft_document": c.draft_document,
    })
}
