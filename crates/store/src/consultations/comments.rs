//! The comments of a consultation, each with its disposition and reason once staff
//! have dealt with it; comments answered together form a group. Names, contacts and
//! texts stay out of the audit log.

use crate::time::{from_text, to_text};
use crate::{ConsultationId, Error, Result, Store, Timestamp, WriteTx, now};
use gongkai_domain::consultation::Disposition;
use sqlx::Row;
use sqlx::any::AnyRow;

/// A comment as the public sends it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewComment {
    pub name: String,
    pub contact: String,
    pub body: String,
}

/// A stored comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub id: i64,
    pub consultation_id: ConsultationId,
    pub name: String,
    pub contact: String,
    pub body: String,
    pub submitted_at: Timestamp,
    /// What was done with it, and why (empty for 采纳 without a word).
    pub disposition: Option<(Disposition, String)>,
    /// The first comment of those answered together with this one.
    pub answer_group: Option<i64>,
    pub disposed_by: String,
}

const COLUMNS: &str = "id, consultation_id, name, contact, body, submitted_at, disposition, \
     reason, answer_group, disposed_by";

fn from_row(row: &AnyRow) -> Result<Comment> {
    let disposition = match row.try_get::<Option<String>, _>("disposition")? {
        Some(code) => Some((
            Disposition::parse(&code).ok_or_else(|| Error::unreadable("采纳情况", &code))?,
            row.try_get("reason")?,
        )),
        None => None,
    };
    Ok(Comment {
        id: row.try_get("id")?,
        consultation_id: ConsultationId(row.try_get("consultation_id")?),
        name: row.try_get("name")?,
        contact: row.try_get("contact")?,
        body: row.try_get("body")?,
        submitted_at: from_text(&row.try_get::<String, _>("submitted_at")?)?,
        disposition,
        answer_group: row.try_get("answer_group")?,
        disposed_by: row.try_get("disposed_by")?,
    })
}

/// Stores a comment on consultation `id`.
pub async fn add_comment(tx: &mut WriteTx, id: ConsultationId, c: &NewComment) -> Result<Comment> {
    let row = sqlx::query(&format!(
        "INSERT INTO consultation_comments (consultation_id, name, contact, body, submitted_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING {COLUMNS}"
    ))
    .bind(id.0)
    .bind(&c.name)
    .bind(&c.contact)
    .bind(&c.body)
    .bind(to_text(now()))
    .fetch_one(tx.conn())
    .await?;
    let comment = from_row(&row)?;
    let entry = serde_json::json!({ "consultation": id, "chars": c.body.chars().count() });
    tx.record(
        "consultation.comment",
        "comment",
        comment.id,
        None,
        Some(entry),
    );
    Ok(comment)
}

/// The comments of consultation `id`, in the order they came.
pub async fn comments(store: &Store, id: ConsultationId) -> Result<Vec<Comment>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM consultation_comments WHERE consultation_id = $1 ORDER BY id"
    ))
    .bind(id.0)
    .fetch_all(store.pool())
    .await?;
    rows.iter().map(from_row).collect()
}

/// Gives the comments `ids` of consultation `id` one disposition and reason; several
/// comments form a group answered together. Returns how many comments changed; an id
/// of another consultation is refused.
pub async fn dispose(
    tx: &mut WriteTx,
    id: ConsultationId,
    ids: &[i64],
    disposition: Disposition,
    reason: &str,
) -> Result<usize> {
    let group = (ids.len() > 1).then(|| ids.iter().copied().min()).flatten();
    let by = tx.actor().name.clone();
    for comment in ids {
        let done = sqlx::query(
            "UPDATE consultation_comments SET disposition = $1, reason = $2, answer_group = $3, \
             disposed_by = $4 WHERE id = $5 AND consultation_id = $6",
        )
        .bind(disposition.code())
        .bind(reason)
        .bind(group)
        .bind(&by)
        .bind(comment)
        .bind(id.0)
        .execute(tx.conn())
        .await?;
        if done.rows_affected() == 0 {
            return Err(Error::NotFound {
                entity: "意见",
                id: comment.to_string(),
            });
        }
    }
    let entry = serde_json::json!({
        "comments": ids, "disposition": disposition.code(), "reason": reason,
    });
    tx.record(
        "consultation.dispose",
        "consultation",
        id,
        None,
        Some(entry),
    );
    Ok(ids.len())
}
