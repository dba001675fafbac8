//! The append-only, hash-chained audit log.
//!
//! Each entry stores the hash of the entry before it and its own hash, computed over
//! all its fields (keyed with the [`AuditKey`] where the installation has one);
//! [`verify`] recomputes the chain and reports the first broken link.
//! The chain head (`audit_head`) is locked by every append, which serialises writers
//! on both backends; triggers refuse UPDATE and DELETE on `audit_log`.

use crate::filter::Conditions;
use crate::time::{from_text, to_text};
use crate::{Actor, AuditKey, Result, Store, Timestamp, UserId, now};
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::{AnyConnection, Row};

/// The hash that stands before the first entry.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// An entry recorded in a [`crate::WriteTx`], not yet on the chain.
#[derive(Debug, Clone)]
pub(crate) struct PendingEntry {
    pub action: String,
    pub entity_type: String,
    pub entity_id: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// One entry of the audit log as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: Timestamp,
    pub actor_id: Option<UserId>,
    pub actor_name: String,
    pub action: String,
    pub entity_type: String,
    pub entity_id: String,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

impl AuditEntry {
    /// The hash this entry must carry, from its content and its predecessor's hash:
    /// an HMAC under the key from the key's first entry on, else plain SHA-256.
    pub fn expected_hash(&self, key: Option<&AuditKey>) -> String {
        let content = serde_json::json!([
            self.seq,
            to_text(self.at),
            self.actor_id,
            self.actor_name,
            self.action,
            self.entity_type,
            self.entity_id,
            self.before_json,
            self.after_json,
            self.prev_hash,
        ]);
        let content = content.to_string();
        match key {
            Some(key) if key.signs(self.seq) => key.sign(content.as_bytes()),
            _ => hex::encode(Sha256::digest(content.as_bytes())),
        }
    }
}

pub(crate) async fn append(
    conn: &mut AnyConnection,
    key: Option<&AuditKey>,
    actor: &Actor,
    pending: Vec<PendingEntry>,
) -> Result<()> {
    let count = i64::try_from(pending.len()).unwrap_or(i64::MAX);
    // Taking the head row's lock first orders concurrent writers (also when there
    // is nothing to append: the caller then writes other ordered rows under it).
    let head = sqlx::query("UPDATE audit_head SET seq = seq + $1 WHERE id = 1 RETURNING seq, hash")
        .bind(count)
        .fetch_one(&mut *conn)
        .await?;
    let last_seq: i64 = head.try_get("seq")?;
    let mut prev_hash: String = head.try_get("hash")?;
    let at = now();
    let mut entries = Vec::with_capacity(pending.len());
    for (offset, entry) in (0_i64..).zip(pending) {
        let mut stored = AuditEntry {
            seq: last_seq - count + 1 + offset,
            at,
            actor_id: actor.user_id,
            actor_name: actor.name.clone(),
            action: entry.action,
            entity_type: entry.entity_type,
            entity_id: entry.entity_id,
            before_json: entry.before.map(|v| v.to_string()),
            after_json: entry.after.map(|v| v.to_string()),
            prev_hash: prev_hash.clone(),
            hash: String::new(),
        };
        stored.hash = stored.expected_hash(key);
        prev_hash = stored.hash.clone();
        entries.push(stored);
    }
    insert_and_move_head(conn, &entries, &prev_hash).await
}

/// Entries written per statement (11 parameters each, far below either backend's
/// limit on parameters).
const ENTRIES_PER_STATEMENT: usize = 500;

/// Writes the entries and the head's new hash in as few round trips as the backend
/// allows, since every writer waits for the head's lock meanwhile: on PostgreSQL the
/// last insert carries the head's update (a data-modifying `WITH`), so one entry
/// costs one statement; on SQLite the head is updated after the inserts.
async fn insert_and_move_head(
    conn: &mut AnyConnection,
    entries: &[AuditEntry],
    head_hash: &str,
) -> Result<()> {
    let postgres = conn.backend_name() == "PostgreSQL";
    let chunks: Vec<&[AuditEntry]> = entries.chunks(ENTRIES_PER_STATEMENT).collect();
    for (i, chunk) in chunks.iter().enumerate() {
        let with_head = postgres && i + 1 == chunks.len();
        let sql = insert_sql(chunk.len(), with_head);
        let mut query = sqlx::query(&sql);
        for e in *chunk {
            query = query
                .bind(e.seq)
                .bind(to_text(e.at))
                .bind(e.actor_id.map(|id| id.0))
                .bind(e.actor_name.clone())
                .bind(e.action.clone())
                .bind(e.entity_type.clone())
                .bind(e.entity_id.clone())
                .bind(e.before_json.clone())
                .bind(e.after_json.clone())
                .bind(e.prev_hash.clone())
                .bind(e.hash.clone());
        }
        if with_head {
            query = query.bind(head_hash);
        }
        query.execute(&mut *conn).await?;
    }
    if !postgres || entries.is_empty() {
        sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1")
            .bind(head_hash)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// `INSERT` of `rows` entries, followed on PostgreSQL by the head's update.
fn insert_sql(rows: usize, with_head: bool) -> String {
    const FIELDS: usize = 11;
    let values = (0..rows)
        .map(|row| {
            let params: Vec<String> = (1..=FIELDS)
                .map(|field| format!("${}", row * FIELDS + field))
                .collect();
            format!("({})", params.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ");
    let insert = format!("INSERT INTO audit_log ({COLUMNS}) VALUES {values}");
    if with_head {
        let head = rows * FIELDS + 1;
        format!("WITH written AS ({insert}) UPDATE audit_head SET hash = ${head} WHERE id = 1")
    } else {
        insert
    }
}

const COLUMNS: &str = "seq, at, actor_id, actor_name, action, entity_type, entity_id, \
                       before_json, after_json, prev_hash, hash";

fn entry_from_row(row: &sqlx::any::AnyRow) -> Result<AuditEntry> {
    Ok(AuditEntry {
        seq: row.try_get("seq")?,
        at: from_text(&row.try_get::<String, _>("at")?)?,
        actor_id: row.try_get::<Option<i64>, _>("actor_id")?.map(UserId),
        actor_name: row.try_get("actor_name")?,
        action: row.try_get("action")?,
        entity_type: row.try_get("entity_type")?,
        entity_id: row.try_get("entity_id")?,
        before_json: row.try_get("before_json")?,
        after_json: row.try_get("after_json")?,
        prev_hash: row.try_get("prev_hash")?,
        hash: row.try_get("hash")?,
    })
}

/// Filters of the console's audit-log page; empty fields match everything.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub actor_name: Option<String>,
    pub action: Option<String>,
    pub entity_type: Option<String>,
    pub entity_id: Option<String>,
    /// Inclusive lower bound, UTC.
    pub from: Option<Timestamp>,
    /// Exclusive upper bound, UTC.
    pub until: Option<Timestamp>,
}

/// A page of audit entries, newest first, and the number of all matching entries.
#[derive(Debug, Clone)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    pub total: i64,
}

/// Lists entries matching `filter`, newest first.
pub async fn list(
    store: &Store,
    filter: &AuditFilter,
    limit: i64,
    offset: i64,
) -> Result<AuditPage> {
    let (rows, total) = filter_conditions(filter)
        .page(store, "audit_log", COLUMNS, "seq DESC", limit, offset)
        .await?;
    let entries = rows.iter().map(entry_from_row).collect::<Result<_>>()?;
    Ok(AuditPage { entries, total })
}

/// The conditions an audit filter sets.
fn filter_conditions(filter: &AuditFilter) -> Conditions {
    let mut conditions = Conditions::default();
    conditions
        .bind_some("actor_name = ?", filter.actor_name.clone())
        .bind_some("action = ?", filter.action.clone())
        .bind_some("entity_type = ?", filter.entity_type.clone())
        .bind_some("entity_id = ?", filter.entity_id.clone())
        .bind_some("at >= ?", filter.from.map(to_text))
        .bind_some("at < ?", filter.until.map(to_text));
    conditions
}

/// The outcome of [`verify`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyReport {
    /// Entries read before the first broken link (all of them when intact).
    pub checked: i64,
    pub first_broken: Option<BrokenLink>,
}

/// Where and why the chain breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    pub seq: i64,
    pub reason: String,
}

/// The sequence number and hash of the newest entry (0 and [`GENESIS_HASH`] when
/// the log is empty).
pub async fn head(store: &Store) -> Result<(i64, String)> {
    let head = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1")
        .fetch_one(store.pool())
        .await?;
    Ok((head.try_get("seq")?, head.try_get("hash")?))
}

/// Recomputes the chain, oldest first, up to the head as it stands when the check
/// starts (entries appended meanwhile by a running server are left for the next
/// check), and reports the first broken link.
pub async fn verify(store: &Store) -> Result<VerifyReport> {
    const BATCH: i64 = 1000;
    let key = store.audit_key();
    let (head_seq, head_hash) = head(store).await?;
    let mut expected_seq = 1_i64;
    let mut prev_hash = GENESIS_HASH.to_string();
    loop {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM audit_log WHERE seq >= $1 AND seq <= $2 ORDER BY seq LIMIT $3"
        ))
        .bind(expected_seq)
        .bind(head_seq)
        .bind(BATCH)
        .fetch_all(store.pool())
        .await?;
        for row in &rows {
            let entry = entry_from_row(row)?;
            if let Some(reason) = link_problem(&entry, expected_seq, &prev_hash, key) {
                return Ok(broken(expected_seq - 1, entry.seq, reason));
            }
            prev_hash = entry.hash;
            expected_seq += 1;
        }
        if i64::try_from(rows.len()).unwrap_or(0) < BATCH {
            break;
        }
    }
    let checked = expected_seq - 1;
    if head_seq != checked || head_hash != prev_hash {
        let reason = format!(
            "链头记录第 {head_seq} 条，但日志只连续到第 {checked} 条（末尾条目被删除或截断）"
        );
        return Ok(broken(checked, checked + 1, reason));
    }
    Ok(VerifyReport {
        checked,
        first_broken: None,
    })
}

fn broken(checked: i64, seq: i64, reason: String) -> VerifyReport {
    VerifyReport {
        checked,
        first_broken: Some(BrokenLink { seq, reason }),
    }
}

fn link_problem(
    entry: &AuditEntry,
    expected_seq: i64,
    prev_hash: &str,
    key: Option<&AuditKey>,
) -> Option<String> {
    if entry.seq != expected_seq {
        return Some(format!(
            "缺少第 {expected_seq} 条（下一条为第 {} 条）",
            entry.seq
        ));
    }
    if entry.prev_hash != prev_hash {
        return Some("前一条的哈希不符（前一条被改动或删除）".to_string());
    }
    if entry.hash != entry.expected_hash(key) {
        let reason = match key {
            Some(key) if key.signs(entry.seq) => {
                "内容与密钥签名不符（本条被改动，或使用了别的审计密钥）"
            }
            _ => "内容与哈希不符（本条被改动）",
        };
        return Some(reason.to_string());
    }
    None
}
