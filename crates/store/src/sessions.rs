//! Sign-in sessions, kept in the database so that any node can serve any request.
//!
//! Sessions are short-lived state rather than records: creating, touching and
//! deleting them is not audited here (sign-in and sign-out are audited by the app
//! through [`crate::users::record_login`] and the `session.logout` entry).

use crate::time::{from_text, to_text};
use crate::{Result, Store, Timestamp, UserId};
use sqlx::Row;

/// A stored session. The cookie holds a random token; only its hash is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub token_hash: String,
    pub user_id: UserId,
    pub csrf_token: String,
    pub created_at: Timestamp,
    pub last_seen_at: Timestamp,
}

/// Stores a new session.
pub async fn create(store: &Store, session: &Session) -> Result<()> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&session.token_hash)
    .bind(session.user_id.0)
    .bind(&session.csrf_token)
    .bind(to_text(session.created_at))
    .bind(to_text(session.last_seen_at))
    .execute(store.pool())
    .await?;
    Ok(())
}

/// The session with this token hash, if any.
pub async fn find(store: &Store, token_hash: &str) -> Result<Option<Session>> {
    let row = sqlx::query(
        "SELECT token_hash, user_id, csrf_token, created_at, last_seen_at FROM sessions \
         WHERE token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(store.pool())
    .await?;
    let Some(row) = row else { return Ok(None) };
    Ok(Some(Session {
        token_hash: row.try_get("token_hash")?,
        user_id: UserId(row.try_get("user_id")?),
        csrf_token: row.try_get("csrf_token")?,
        created_at: from_text(&row.try_get::<String, _>("created_at")?)?,
        last_seen_at: from_text(&row.try_get::<String, _>("last_seen_at")?)?,
    }))
}

/// Marks the session as used now (the idle timeout counts from here).
pub async fn touch(store: &Store, token_hash: &str, at: Timestamp) -> Result<()> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
        .bind(to_text(at))
        .bind(token_hash)
        .execute(store.pool())
        .await?;
    Ok(())
}

/// Ends one session.
pub async fn delete(store: &Store, token_hash: &str) -> Result<()> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(store.pool())
        .await?;
    Ok(())
}

/// Removes sessions idle since before `cutoff`; returns how many.
pub async fn purge_idle(store: &Store, cutoff: Timestamp) -> Result<u64> {
    let done = sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1")
        .bind(to_text(cutoff))
        .execute(store.pool())
        .await?;
    Ok(done.rows_affected())
}
