//! `gongkai backup` beside a running server and `gongkai restore`: the output lines,
//! a non-empty data directory refused without `--force` (exit 2), and a damaged
//! archive refused before anything is written.

use super::{Server, gongkai, stderr, stdout};
use std::path::Path;

fn units(data: &Path) {
    std::fs::write(
        data.join("units.csv"),
        "名称,类型\n丙区人民政府,政府\n丙区财政局,部门\n",
    )
    .unwrap();
    let import = gongkai(
        data,
        &["org", "import", data.join("units.csv").to_str().unwrap()],
    );
    assert_eq!(import.status.code(), Some(0), "{}", stderr(&import));
}

#[test]
fn a_backup_taken_beside_a_running_server_restores_into_a_fresh_directory() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    units(&data);
    let server = Server::start(&data);
    let archive = dir.path().join("backup.tar");
    let made = gongkai(&data, &["backup", "--out", archive.to_str().unwrap()]);
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
    let line = stdout(&made);
    assert!(line.starts_with("备份完成："), "{line}");
    let head = line
        .split("审计日志至第 ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .unwrap_or_else(|| panic!("{line}"))
        .to_string();
    let again = gongkai(&data, &["backup", "--out", archive.to_str().unwrap()]);
    assert_eq!(
        again.status.code(),
        Some(2),
        "an existing file is not overwritten"
    );
    drop(server);

    let fresh = dir.path().join("fresh");
    let restored = gongkai(&fresh, &["restore", archive.to_str().unwrap()]);
    assert_eq!(restored.status.code(), Some(0), "{}", stderr(&restored));
    let line = stdout(&restored);
    assert!(
        line.starts_with("已恢复到") && line.contains(&format!("审计日志完整：共 {head} 条记录")),
        "{line}"
    );
    let list = gongkai(&fresh, &["audit", "verify"]);
    assert_eq!(list.status.code(), Some(0));

    let refused = gongkai(&fresh, &["restore", archive.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("--force"), "{}", stderr(&refused));
    let forced = gongkai(&fresh, &["restore", "--force", archive.to_str().unwrap()]);
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
}

#[test]
fn a_damaged_archive_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    units(&data);
    let archive = dir.path().join("backup.tar");
    let made = gongkai(&data, &["backup", "--out", archive.to_str().unwrap()]);
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
    // One byte of the database copy (past the first entry's 512-byte header).
    let mut bytes = std::fs::read(&archive).unwrap();
    bytes[512 + 4000] ^= 0x55;
    std::fs::write(&archive, bytes).unwrap();

    let fresh = dir.path().join("fresh");
    let refused = gongkai(&fresh, &["restore", archive.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("“gongkai.db”与清单的校验值不符"),
        "{}",
        stderr(&refused)
    );
    let left: Vec<_> = std::fs::read_dir(&fresh).unwrap().collect();
    assert!(left.is_empty(), "nothing is left behind: {left:?}");
}
