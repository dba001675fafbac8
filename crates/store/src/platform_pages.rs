//! The pages of the disclosure platform the office writes (公开指南, 公开制度, 机构职能):
//! one sanitised HTML body per page code, replaced whole on each save.

use crate::time::{from_text, to_text};
use crate::{Result, Store, Timestamp, WriteTx, now};
use sqlx::Row;

/// A page as the office last saved it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlatformPage {
    pub code: String,
    pub body_html: String,
    pub updated_at: Timestamp,
    pub updated_by: String,
}

/// The page with this code, if the office has written it.
pub async fn get(store: &Store, code: &str) -> Result<Option<PlatformPage>> {
    let row = sqlx::query(
        "SELECT code, body_html, updated_at, updated_by FROM platform_pages WHERE code = $1",
    )
    .bind(code)
    .fetch_optional(store.pool())
    .await?;
    row.map(|r| {
        Ok(PlatformPage {
            code: r.try_get("code")?,
            body_html: r.try_get("body_html")?,
            updated_at: from_text(&r.try_get::<String, _>("updated_at")?)?,
            updated_by: r.try_get("updated_by")?,
        })
    })
    .transpose()
}

/// Saves a page's body (already sanitised), replacing what was there.
pub async fn save(tx: &mut WriteTx, code: &str, body_html: &str) -> Result<()> {
    let by = tx.actor().name.clone();
    sqlx::query(
        "INSERT INTO platform_pages (code, body_html, updated_at, updated_by) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (code) DO UPDATE SET body_html = excluded.body_html, \
         updated_at = excluded.updated_at, updated_by = excluded.updated_by",
    )
    .bind(code)
    .bind(body_html)
    .bind(to_text(now()))
    .bind(&by)
    .execute(tx.conn())
    .await?;
    let digest = serde_json::json!({ "chars": body_html.chars().count() });
    tx.record("platform.page", "platform_page", code, None, Some(digest));
    Ok(())
}
