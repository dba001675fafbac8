//! `gongkai files migrate`: every stored file copied to the target backend once, with
//! its hash checked; a damaged file stops the migration with its name.

use super::{gongkai, stderr, stdout};
use std::path::Path;

/// Stores `content` in the local file store of `data` under its SHA-256 (as an
/// upload would), or under `address` when given (a damaged file).
fn store_local(data: &Path, content: &[u8], address: Option<&str>) -> String {
    use sha2::Digest;
    let sha256 = address.map_or_else(
        || hex::encode(sha2::Sha256::digest(content)),
        str::to_string,
    );
    let dir = data.join("files").join(&sha256[..2]);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(&sha256), content).unwrap();
    sha256
}

#[test]
fn stored_files_migrate_from_the_disk_into_the_database_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    store_local(data, b"%PDF-1.7 first", None);
    store_local(data, b"second file", None);
    let moved = gongkai(data, &["files", "migrate", "--to", "database"]);
    assert_eq!(moved.status.code(), Some(0), "{}", stderr(&moved));
    assert_eq!(
        stdout(&moved),
        "已从 local 迁移到 database：复制 2 个文件，0 个已存在。请将配置 files.store 改为 \"database\" 后重启服务。\n"
    );
    let again = gongkai(data, &["files", "migrate", "--to", "database"]);
    assert!(
        stdout(&again).contains("复制 0 个文件，2 个已存在"),
        "{}",
        stdout(&again)
    );

    std::fs::write(data.join("gongkai.toml"), "[files]\nstore = \"database\"\n").unwrap();
    let same = gongkai(data, &["files", "migrate", "--to", "database"]);
    assert_eq!(same.status.code(), Some(2));
    assert!(stderr(&same).contains("无需迁移"), "{}", stderr(&same));
    let back = gongkai(data, &["files", "migrate", "--to", "local"]);
    assert!(
        stdout(&back).contains("复制 0 个文件，2 个已存在"),
        "{}",
        stdout(&back)
    );
    let unknown = gongkai(data, &["files", "migrate", "--to", "ftp://x"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).contains("files.store"),
        "{}",
        stderr(&unknown)
    );
}

#[test]
fn a_damaged_file_stops_the_migration_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let address = "ab".repeat(32);
    store_local(data, b"not what the address says", Some(&address));
    let refused = gongkai(data, &["files", "migrate", "--to", "database"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains(&address), "{}", stderr(&refused));
}
