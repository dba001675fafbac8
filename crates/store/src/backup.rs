//! What a backup needs from the database: a consistent copy of the embedded SQLite
//! database taken while the server writes to it, and the number of rows of every
//! table, to say what a backup holds and to compare a restored copy.

use crate::{Backend, Error, Result, Store};
use sqlx::Row;
use std::path::Path;

/// Writes a consistent copy of the embedded database to the new file `path`
/// (`VACUUM INTO`: one read transaction, so the copy is the database as of one
/// commit, while writers go on). PostgreSQL is copied with `pg_dump` instead.
pub async fn snapshot_sqlite(store: &Store, path: &Path) -> Result<()> {
    if store.backend() != Backend::Sqlite {
        return Err(Error::Refused(
            "PostgreSQL 数据库请用 pg_dump 备份（见 docs/operations.md）".to_string(),
        ));
    }
    let path = path
        .to_str()
        .ok_or_else(|| Error::Refused(format!("备份路径不是有效的文字：{}", path.display())))?;
    sqlx::query("VACUUM INTO $1")
        .bind(path)
        .execute(store.pool())
        .await?;
    Ok(())
}

/// Every table of the platform's schema with its number of rows, by name.
pub async fn table_counts(store: &Store) -> Result<Vec<(String, i64)>> {
    let list = match store.backend() {
        Backend::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND name NOT LIKE '_sqlx%' ORDER BY name"
        }
        Backend::Postgres => {
            "SELECT table_name::text AS name FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' \
             AND table_name NOT LIKE '_sqlx%' ORDER BY table_name"
        }
    };
    let names: Vec<String> = sqlx::query(list)
        .fetch_all(store.pool())
        .await?
        .iter()
        .map(|row| row.try_get("name"))
        .collect::<std::result::Result<_, _>>()?;
    let mut counts = Vec::with_capacity(names.len());
    for name in names {
        // The names come from the schema itself, not from outside.
        let count: i64 = sqlx::query(&format!("SELECT COUNT(*) AS n FROM \"{name}\""))
            .fetch_one(store.pool())
            .await?
            .try_get("n")?;
        counts.push((name, count));
    }
    Ok(counts)
}
