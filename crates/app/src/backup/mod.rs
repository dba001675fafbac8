//! Backups of a data directory and their restoration (`gongkai backup`, `gongkai
//! restore`; 等保 2.0 三级：数据备份与恢复).
//!
//! A backup is one tar archive: a consistent copy of the embedded database taken
//! while the server runs (`VACUUM INTO`), every stored file (`files/`, content
//! addressed), the configuration, the extra holiday data and the audit key, and last
//! a manifest (`manifest.json`) with the size and SHA-256 of every entry and the
//! rows of every table. The search index is left out: it is rebuilt from the
//! database on restore. On PostgreSQL the database is dumped with `pg_dump` beside
//! the archive, which then holds everything else (docs/operations.md).

mod create;
mod manifest;
mod restore;

pub use create::create;
pub use manifest::{Entry, MANIFEST, Manifest, TableRows};
pub use restore::unpack;

/// Checks that the restored database holds the rows the manifest counted, table by
/// table (SQLite, where the copy and the count are one snapshot). A backup of another
/// version is not compared: the migrations run on opening may have added rows.
pub async fn check_tables(app: &crate::App, manifest: &Manifest) -> crate::Result<()> {
    if manifest.gongkai != env!("CARGO_PKG_VERSION") {
        return Ok(());
    }
    let found = gongkai_store::backup::table_counts(&app.store).await?;
    for expected in &manifest.tables {
        let rows = found
            .iter()
            .find(|(table, _)| *table == expected.table)
            .map(|(_, rows)| *rows);
        if rows != Some(expected.rows) {
            return Err(crate::Error::invalid(
                "备份文件",
                format!(
                    "恢复后表 {} 有 {} 行，清单记为 {} 行",
                    expected.table,
                    rows.unwrap_or(0),
                    expected.rows
                ),
            ));
        }
    }
    Ok(())
}
