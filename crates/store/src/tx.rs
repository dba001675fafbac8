//! Write transactions that carry their audit entries, begun by [`Store::begin`].
//!
//! Repository functions that change data take a `&mut WriteTx` and record what they
//! changed; [`WriteTx::commit`] appends those entries to the audit chain inside the
//! same database transaction, so a change and its audit entry land together or not
//! at all.

use crate::audit::{self, PendingEntry};
use crate::{Actor, AuditKey, Backend, Result, Store};
use sqlx::{Any, AnyConnection, Transaction};

impl Store {
    /// Starts a write transaction on behalf of `actor`. SQLite takes the write lock
    /// up front (`BEGIN IMMEDIATE`), so a transaction that reads before it writes
    /// cannot fail on a stale snapshot.
    pub async fn begin(&self, actor: Actor) -> Result<WriteTx> {
        let tx = match self.backend() {
            Backend::Sqlite => self.pool().begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool().begin().await?,
        };
        Ok(WriteTx::new(tx, actor, self.audit_key.clone()))
    }
}

/// An open write transaction and the audit entries it will commit.
pub struct WriteTx {
    tx: Transaction<'static, Any>,
    actor: Actor,
    audit_key: Option<std::sync::Arc<AuditKey>>,
    pending: Vec<PendingEntry>,
    /// Documents to (re)index, appended to the search outbox at commit.
    reindex: Vec<i64>,
}

impl WriteTx {
    fn new(
        tx: Transaction<'static, Any>,
        actor: Actor,
        audit_key: Option<std::sync::Arc<AuditKey>>,
    ) -> WriteTx {
        WriteTx {
            tx,
            actor,
            audit_key,
            pending: Vec::new(),
            reindex: Vec::new(),
        }
    }

    pub(crate) fn conn(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }

    /// The actor this transaction writes for.
    pub fn actor(&self) -> &Actor {
        &self.actor
    }

    /// Records one audit entry; it is written at commit.
    pub fn record(
        &mut self,
        action: &str,
        entity_type: &str,
        entity_id: impl ToString,
        before: Option<serde_json::Value>,
        after: Option<serde_json::Value>,
    ) {
        self.pending.push(PendingEntry {
            action: action.to_string(),
            entity_type: entity_type.to_string(),
            entity_id: entity_id.to_string(),
            before,
            after,
        });
    }

    /// Marks a document for the search index; the outbox entry is written at commit.
    pub(crate) fn reindex(&mut self, document_id: i64) {
        if !self.reindex.contains(&document_id) {
            self.reindex.push(document_id);
        }
    }

    /// Appends the recorded entries to the audit chain, the search outbox entries
    /// after them, and commits everything. Both are written while the chain head is
    /// locked, so outbox sequence numbers follow commit order: a follower reading
    /// "after N" never misses an entry committed late with a smaller number.
    pub async fn commit(mut self) -> Result<()> {
        let pending = std::mem::take(&mut self.pending);
        let reindex = std::mem::take(&mut self.reindex);
        if !pending.is_empty() || !reindex.is_empty() {
            audit::append(
                &mut self.tx,
                self.audit_key.as_deref(),
                &self.actor,
                pending,
            )
            .await?;
            crate::outbox::append(&mut self.tx, &reindex).await?;
        }
        self.tx.commit().await?;
        Ok(())
    }
}
