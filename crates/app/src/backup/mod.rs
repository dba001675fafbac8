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
mod restore;

pub use create::create;
pub use restore::unpack;

use serde::{Deserialize, Serialize};

/// The manifest's name inside the archive (its last entry).
pub const MANIFEST: &str = "manifest.json";
/// The database copy's name inside the archive (SQLite only).
const DATABASE: &str = "gongkai.db";
/// What a manifest's `format` says.
const FORMAT: &str = "gongkai-backup";
const VERSION: u32 = 1;

/// What a backup holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub version: u32,
    /// The gongkai version that wrote it.
    pub gongkai: String,
    /// UTC, RFC 3339.
    pub created_at: String,
    /// `sqlite` (the database is in the archive) or `postgres` (dumped beside it).
    pub backend: String,
    /// The audit chain's head in the copied database.
    pub audit_head: i64,
    /// Every table of the copy and its rows.
    pub tables: Vec<TableRows>,
    /// Every entry but the manifest, in archive order.
    pub entries: Vec<Entry>,
}

/// A table and its number of rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableRows {
    pub table: String,
    pub rows: i64,
}

/// A file of the archive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Relative to the data directory, `/`-separated.
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
}

impl Manifest {
    /// The number of stored files (content-addressed) in the backup.
    pub fn stored_files(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| e.path.starts_with("files/"))
            .count()
    }

    /// The size of all entries, in bytes.
    pub fn total_bytes(&self) -> u64 {
        self.entries.iter().map(|e| e.bytes).sum()
    }
}

/// The files of a data directory a backup carries besides the database and
/// `files/`, when they exist (the audit key is added from where the settings put it).
const SIDE_FILES: [&str; 2] = [
    crate::config::CONFIG_FILE,
    crate::calendar::EXTRA_YEARS_FILE,
];
/// The audit key's name inside the archive.
const AUDIT_KEY: &str = "audit.key";

/// A reader that hashes what passes through it, so that each file is read once.
struct Hashing<R> {
    inner: R,
    digest: sha2::Sha256,
    bytes: u64,
}

impl<R: std::io::Read> Hashing<R> {
    fn new(inner: R) -> Hashing<R> {
        Hashing {
            inner,
            digest: sha2::Digest::new(),
            bytes: 0,
        }
    }

    /// The size and hex SHA-256 of everything read.
    fn finish(self) -> (u64, String) {
        (self.bytes, hex::encode(sha2::Digest::finalize(self.digest)))
    }
}

impl<R: std::io::Read> std::io::Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        sha2::Digest::update(&mut self.digest, &buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
}

fn io_error(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> crate::Error + '_ {
    move |source| crate::Error::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Whether `shard/name` is where the content store keeps a file: 64 lower-case hex
/// digits under a directory of their first two.
fn is_content_address(shard: &str, name: &str) -> bool {
    name.len() == 64
        && name
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        && name.get(..2) == Some(shard)
}

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
