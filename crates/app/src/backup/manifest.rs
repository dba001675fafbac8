//! What a backup holds and the pieces its writer and reader share: the manifest, the
//! names of the entries, and a reader that hashes what it reads.

use serde::{Deserialize, Serialize};

/// The manifest's name inside the archive (its last entry).
pub const MANIFEST: &str = "manifest.json";
/// The database copy's name inside the archive (SQLite only).
pub(super) const DATABASE: &str = "gongkai.db";
/// What a manifest's `format` says.
pub(super) const FORMAT: &str = "gongkai-backup";
pub(super) const VERSION: u32 = 1;

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
    /// Where the stored files were (`files.store`): only a `local` store's files are
    /// in the archive.
    pub files: String,
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
pub(super) const SIDE_FILES: [&str; 2] = [
    crate::config::CONFIG_FILE,
    crate::calendar::EXTRA_YEARS_FILE,
];
/// The audit key's name inside the archive.
pub(super) const AUDIT_KEY: &str = "audit.key";

/// A reader that hashes what passes through it, so that each file is read once.
pub(super) struct Hashing<R> {
    inner: R,
    digest: sha2::Sha256,
    bytes: u64,
}

impl<R: std::io::Read> Hashing<R> {
    pub(super) fn new(inner: R) -> Hashing<R> {
        Hashing {
            inner,
            digest: sha2::Digest::new(),
            bytes: 0,
        }
    }

    /// The size and hex SHA-256 of everything read.
    pub(super) fn finish(self) -> (u64, String) {
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

/// Whether `shard/name` is where a `local` file store keeps a file: a content
/// address under a directory of its first two digits.
pub(super) fn is_content_address(shard: &str, name: &str) -> bool {
    crate::file_store::is_address(name) && name.get(..2) == Some(shard)
}
